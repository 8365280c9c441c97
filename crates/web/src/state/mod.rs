//! The page's state, changed only through `Action`s in one place: [`State::reduce`].
//! Views read it through narrow parts ([`Docs`], [`Table`], [`Status`], …) compared by
//! identity, so an action redraws only the views whose part it changed.

mod docs;
mod figures;
mod files;
mod session;
mod table;
mod tally;
mod window;

pub use docs::{DocRef, Docs, Figs, PASTED_NAME, Row};
pub use figures::FigureStore;
pub use files::{Batch, FileDoc, FileStatus, GONE, MAX_FIGURES};
pub use session::{Restored, SessionNote};
pub use table::{Bench, Column, Table, View};
pub use tally::{Tallied, WordStore};
pub use window::{Stretch, Window, stretch};

use crate::failure::Failure;
use crate::i18n::StatusWord;
use crate::protocol::{FileReport, Report, Response};
use crate::session::words::StoreError;
use crate::text::DocText;
use shudu_core::Kind;
use shudu_core::workbench::{concordance, summary};
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Loading,
    Ready,
}

/// What the status line says (see [`State::status`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// No worker can work, and why.
    Broken(Failure),
    /// Why the last text could not be (wholly) analysed.
    Notice(Failure),
    Loading,
    /// A long text is being analysed: pieces back, of how many.
    Pieces(usize, usize),
    Analysing,
    /// The editor's text is analysed: chars, tokens, figures, worker time.
    Analysed {
        chars: usize,
        tokens: usize,
        figures: usize,
        ms: f64,
    },
    /// The files of the last batch: done, of how many, figures, failures, seconds, running.
    Batch {
        done: usize,
        total: usize,
        figures: usize,
        failed: usize,
        secs: f64,
        running: bool,
    },
    Ready,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub engine: Engine,
    /// The text in the editor.
    pub text: DocText,
    /// The last request sent for the editor text.
    pub requested: u32,
    /// How far its analysis is, for a long text: pieces back, and pieces.
    pub progress: Option<(usize, usize)>,
    /// The text the shown report belongs to, and the report.
    pub shown: Option<(DocText, Rc<Report>)>,
    /// The batch's files (shared with the views: replaced, not copied, on each change).
    pub files: Rc<Vec<FileDoc>>,
    pub batch: Option<Batch>,
    pub table: Table,
    /// The figure selected in the table.
    pub selected: Option<(DocRef, usize)>,
    /// A file opened in the article view: request id, then its report.
    pub opened: Option<(usize, u32, Option<Rc<Report>>)>,
    /// The stretch of a long document the article view shows.
    pub window: Option<Window>,
    /// Why the engine cannot work, if it cannot.
    pub broken: Option<Failure>,
    /// Why the last text could not be (wholly) analysed, until it changes.
    pub notice: Option<Failure>,
    pub bench: Bench,
    /// A batch came after the last edit (the status line tells of it).
    pub batch_last: bool,
    /// The user dictionary as typed, and why it is not in use (a line refused), if so.
    pub user_dict: String,
    pub user_dict_error: Option<shudu_core::dict::UserDictError>,
    /// What the session's keeping has to say.
    pub session: SessionNote,
    /// Figures the session keeps at most ([`MAX_FIGURES`]; less in tests).
    pub max_figures: usize,
}

impl Default for State {
    fn default() -> Self {
        State {
            engine: Engine::Loading,
            text: DocText::default(),
            requested: 0,
            progress: None,
            shown: None,
            files: Rc::default(),
            batch: None,
            table: Table::default(),
            selected: None,
            opened: None,
            window: None,
            broken: None,
            notice: None,
            bench: Bench::default(),
            batch_last: false,
            user_dict: String::new(),
            user_dict_error: None,
            session: SessionNote::None,
            max_figures: MAX_FIGURES,
        }
    }
}

pub enum Action {
    /// The editor changed; a request with this id was (or will be) sent.
    Edit {
        text: DocText,
        id: u32,
    },
    Worker(Response),
    /// How far the analysis of a long text is (pieces back, of how many).
    TextProgress {
        id: u32,
        back: usize,
        pieces: usize,
    },
    /// The engine failed on a text (or part of one): said until the text changes.
    TextFailed(Failure),
    /// A new batch of files (name, size) starts.
    BatchStart {
        id: u32,
        files: Vec<(Rc<str>, u64)>,
        now_ms: f64,
    },
    /// A file failed outside its worker's answer (too large to send, or its worker was
    /// given up on).
    FileFailed {
        batch: u32,
        index: usize,
        error: Failure,
        now_ms: f64,
    },
    /// Several files finished (results are applied together, a few times a second).
    FilesDone(Vec<FileOutcome>),
    Cancel {
        now_ms: f64,
    },
    ClearFiles,
    /// Take a file (by its place in the list) out of the session.
    RemoveFile(usize),
    FilterKind(Option<Kind>),
    Query(String),
    SortBy(Column),
    /// Show only the figures of one metric (label, unit), or all again.
    FilterMetric(Option<(String, String)>),
    View(View),
    SummarySort(summary::SortBy),
    Kwic(String),
    KwicSort(concordance::SortBy),
    Pos(Option<char>),
    ChartMetric(Option<(String, String)>),
    ChartByPeriod(bool),
    FilesStatus(Option<StatusWord>),
    /// A stretch of a long document was sent for analysis, to be shown.
    Window(Window),
    /// Select a figure; for a file, the request id of its analysis.
    Select {
        doc: DocRef,
        figure: usize,
        open_request: Option<u32>,
    },
    /// The user dictionary was changed (and applied unless a line was refused).
    UserDict {
        text: String,
        error: Option<shudu_core::dict::UserDictError>,
        /// The request that segments the open file again with the new words (its old words
        /// would contradict them).
        reopen: Option<u32>,
    },
    /// A session kept in the browser or opened from a file replaces this one (its text
    /// comes through the editor, as an `Edit`).
    Restore(Restored),
    /// Start again: no files, filters or views (the user dictionary stays).
    NewSession,
    SessionNote(SessionNote),
}

/// A finished file: batch, index, result, and when it finished.
pub type FileOutcome = (u32, usize, Result<FileReport, Failure>, f64);

impl State {
    /// Whether the editor's text is being analysed (the one shown is not its own).
    pub fn analyzing(&self) -> bool {
        self.engine == Engine::Ready
            && self.shown.as_ref().is_none_or(|(t, _)| *t != self.text)
            && !self.text.is_empty()
    }

    /// The stretch of long document `doc` (whose text is `of`) that serves its chars
    /// `start..end` in the article view, `margin` chars from the stretch's ends.
    pub fn stretch(&self, doc: DocRef, of: &DocText, start: usize, end: usize, margin: usize) -> Stretch<'_> {
        stretch(self.window.as_ref(), self.analyzing(), doc, of, (start, end), margin)
    }

    pub fn batch_running(&self) -> bool {
        self.batch.as_ref().is_some_and(|b| b.finished_ms.is_none())
    }

    /// The documents the table and the article view show.
    pub fn docs(&self) -> Docs {
        Docs { pasted: self.shown.clone().filter(|_| !self.text.is_empty()), files: self.files.clone() }
    }

    /// What the status line says.
    pub fn status(&self) -> Status {
        if let Some(why) = &self.broken {
            return Status::Broken(why.clone());
        }
        if let Some(why) = &self.notice {
            return Status::Notice(why.clone());
        }
        if let Some(b) = self.batch.as_ref().filter(|_| self.batch_last && self.engine == Engine::Ready) {
            return Status::Batch {
                done: b.done,
                total: b.total,
                figures: b.figures,
                failed: b.failed,
                secs: b.finished_ms.map_or(0.0, |end| (end - b.started_ms) / 1000.0),
                running: b.finished_ms.is_none(),
            };
        }
        match (self.engine, self.analyzing(), &self.shown) {
            (Engine::Loading, _, _) => Status::Loading,
            (Engine::Ready, true, _) => match self.progress {
                Some((back, pieces)) => Status::Pieces(back, pieces),
                None => Status::Analysing,
            },
            (Engine::Ready, false, Some((_, r))) if !self.text.is_empty() => Status::Analysed {
                chars: r.stats.chars,
                tokens: r.stats.tokens,
                figures: r.stats.figures,
                ms: r.elapsed_ms,
            },
            (Engine::Ready, _, _) => Status::Ready,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit { text, id } => {
                s.batch_last = false;
                s.text = text;
                s.requested = id;
                s.progress = None;
                s.notice = None;
                // (A window holds its document's text: it goes with it.)
                s.window = s.window.take().filter(|w| w.doc != DocRef::Pasted);
                if s.selected.is_some_and(|(d, _)| d == DocRef::Pasted) {
                    s.selected = None;
                }
            }
            Action::Worker(Response::Ready) => s.engine = Engine::Ready,
            Action::Worker(Response::Broken(why)) => s.broken = Some(why),
            Action::TextFailed(why) => s.notice = Some(why),
            Action::TextProgress { id, back, pieces } => {
                if id != s.requested {
                    return self;
                }
                s.progress = Some((back, pieces));
            }
            Action::Worker(Response::Analyzed { id, report }) => {
                if id == s.requested {
                    s.shown = Some((s.text.clone(), Rc::new(report)));
                    s.progress = None;
                } else if let Some((i, req, _)) = s.opened.clone()
                    && req == id
                {
                    s.opened = Some((i, req, Some(Rc::new(report))));
                } else if let Some(w) = s.window.as_mut()
                    && w.id == id
                {
                    w.report = Some(Rc::new(report));
                } else {
                    // The result of a superseded request.
                    return self;
                }
            }
            // The pool turns file results into FilesDone and FileFailed, text failures into Broken.
            Action::Worker(Response::File { .. } | Response::Crashed { .. } | Response::TextCrashed { .. }) => {
                return self;
            }
            Action::BatchStart { id, files, now_ms } => s.batch_start(id, files, now_ms),
            Action::FileFailed { batch, index, error, now_ms } => {
                if !s.file_done(batch, index, Err(error), now_ms) {
                    return self;
                }
            }
            Action::FilesDone(outcomes) => {
                let mut changed = false;
                for (batch, index, result, now_ms) in outcomes {
                    changed |= s.file_done(batch, index, result, now_ms);
                }
                if !changed {
                    return self;
                }
            }
            Action::Cancel { now_ms } => {
                if !s.cancel(now_ms) {
                    return self;
                }
            }
            Action::ClearFiles => s.clear_files(),
            Action::RemoveFile(k) => {
                if !s.remove_file(k) {
                    return self;
                }
            }
            Action::FilterKind(k) => s.table.kind = k,
            Action::Query(q) => s.table.query = q,
            Action::SortBy(col) => s.sort_by(col),
            Action::FilterMetric(m) => s.filter_metric(m),
            Action::View(v) => s.bench.view = v,
            Action::SummarySort(by) => s.summary_sort(by),
            Action::Kwic(q) => s.bench.kwic = q,
            Action::KwicSort(by) => s.bench.kwic_sort = by,
            Action::Pos(p) => s.bench.pos = p,
            Action::ChartMetric(m) => s.bench.chart_metric = m,
            Action::ChartByPeriod(p) => s.bench.chart_by_period = p,
            Action::FilesStatus(st) => s.bench.files_status = st,
            Action::Window(w) => s.window = Some(w),
            Action::UserDict { text, error, reopen } => {
                s.user_dict = text;
                if error.is_none() {
                    if let (Some(req), Some((i, _, _))) = (reopen, s.opened.clone()) {
                        s.opened = Some((i, req, None));
                    }
                    // A long document's stretch is asked for again when next shown.
                    s.window = None;
                }
                s.user_dict_error = error;
            }
            Action::Restore(r) => s.restore(r),
            Action::NewSession => s.new_session(),
            // A write that succeeded ends a failed write said before (and nothing else: a
            // session file refused stays said).
            Action::SessionNote(SessionNote::None) => {
                if !matches!(s.session, SessionNote::Problem(StoreError::Write(_))) {
                    return self;
                }
                s.session = SessionNote::None;
            }
            Action::SessionNote(n) => s.session = n,
            Action::Select { doc, figure, open_request } => {
                s.selected = Some((doc, figure));
                if let (DocRef::File(i), Some(req)) = (doc, open_request) {
                    s.opened = Some((i, req, None));
                } else if doc == DocRef::Pasted {
                    s.opened = None;
                }
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests;
