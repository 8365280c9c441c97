//! The page's state, changed only through `Action`s in one place: [`State::reduce`].
//! Views read it through narrow parts ([`Docs`], [`Table`], [`Status`], …) compared by
//! identity, so an action redraws only the views whose part it changed.

mod docs;
mod session;
mod window;

pub use docs::{DocRef, Docs, PASTED_NAME, Row};
pub use session::{Restored, SessionNote};
pub use window::{Stretch, Window, stretch};

use crate::failure::Failure;
use crate::i18n::StatusWord;
use crate::protocol::{FileReport, Report, Response};
use crate::session::words::StoreError;
use crate::text::DocText;
use shudu_core::Kind;
use shudu_core::workbench::{concordance, context::Context, summary, words::Tally};
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Loading,
    Ready,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FileStatus {
    Queued,
    Done,
    Failed(Failure),
    Cancelled,
}

/// One file of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct FileDoc {
    pub name: Rc<str>,
    pub size: u64,
    pub status: FileStatus,
    pub encoding: Option<String>,
    /// Its decoded text, which lives here from its report on, as the JavaScript string the
    /// worker sent (never in the page's own memory): the page needs it for the exports'
    /// sentences and the article view, and a worker keeps nothing between requests (opening
    /// the file sends this string to one for its words).
    pub text: DocText,
    pub figures: Rc<Vec<shudu_core::Figure>>,
    /// Each figure's sentence, trimmed around it.
    pub contexts: Rc<Vec<Context>>,
    /// Its words, counted.
    pub words: Rc<Tally>,
}

impl FileDoc {
    fn queued(name: Rc<str>, size: u64) -> FileDoc {
        FileDoc {
            name,
            size,
            status: FileStatus::Queued,
            encoding: None,
            text: DocText::default(),
            figures: Rc::default(),
            contexts: Rc::default(),
            words: Rc::default(),
        }
    }

    /// The word for its status (the files table's filter).
    pub fn status_word(&self) -> StatusWord {
        match self.status {
            FileStatus::Queued => StatusWord::Queued,
            FileStatus::Done => StatusWord::Done,
            FileStatus::Failed(_) => StatusWord::Failed,
            FileStatus::Cancelled => StatusWord::Cancelled,
        }
    }
}

/// Progress of the current batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub id: u32,
    pub total: usize,
    pub done: usize,
    pub figures: usize,
    /// Files that failed so far.
    pub failed: usize,
    pub started_ms: f64,
    pub finished_ms: Option<f64>,
    pub cancelled: bool,
    /// Where each of its files is in the session's list (`GONE` once removed).
    pub slots: Rc<Vec<usize>>,
    /// Files of the session it replaced (same name).
    pub replaced: usize,
}

/// The slot of a file removed from the session while its batch ran.
pub const GONE: usize = usize::MAX;

/// Columns of the figures table that can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Column {
    File,
    Text,
    Kind,
    Value,
    Unit,
    Approx,
    Change,
    Label,
    Subject,
    Period,
}

/// How the figures table is filtered and sorted (it draws only the rows in view).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub kind: Option<Kind>,
    pub query: String,
    /// Column, and whether ascending.
    pub sort: Option<(Column, bool)>,
    /// Only this metric: label and unit (from the summary).
    pub metric: Option<(String, String)>,
}

impl Table {
    pub fn filtered(&self) -> bool {
        self.kind.is_some() || !self.query.trim().is_empty() || self.metric.is_some()
    }
}

/// The views of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum View {
    #[default]
    Figures,
    Summary,
    Chart,
    Concordance,
    Words,
    Conflicts,
}

impl View {
    pub const ALL: [View; 6] =
        [View::Figures, View::Summary, View::Chart, View::Concordance, View::Words, View::Conflicts];

    pub fn id(self) -> &'static str {
        match self {
            View::Figures => "figures",
            View::Summary => "summary",
            View::Chart => "chart",
            View::Concordance => "concordance",
            View::Words => "words",
            View::Conflicts => "conflicts",
        }
    }
}

/// The settings of the workbench's views besides the figures table.
#[derive(Debug, Clone, PartialEq)]
pub struct Bench {
    pub view: View,
    pub summary_sort: (summary::SortBy, bool),
    /// The concordance's word or phrase, and its order.
    pub kwic: String,
    pub kwic_sort: concordance::SortBy,
    /// The word list's part of speech (first letter of the tag).
    pub pos: Option<char>,
    /// The chart's metric (label, unit), and whether across periods (else files).
    pub chart_metric: Option<(String, String)>,
    pub chart_by_period: bool,
    /// The files table shows only files of this status.
    pub files_status: Option<StatusWord>,
}

impl Default for Bench {
    fn default() -> Self {
        Bench {
            view: View::Figures,
            summary_sort: (summary::SortBy::Count, false),
            kwic: String::new(),
            kwic_sort: concordance::SortBy::Place,
            pos: None,
            chart_metric: None,
            chart_by_period: false,
            files_status: None,
        }
    }
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

    /// Record a finished file of the current batch; false if it belongs to no current batch.
    fn file_done(&mut self, batch: u32, index: usize, result: Result<FileReport, Failure>, now_ms: f64) -> bool {
        let Some(b) = self.batch.as_mut().filter(|b| b.id == batch && !b.cancelled) else { return false };
        let Some(&slot) = b.slots.get(index) else { return false };
        match (Rc::make_mut(&mut self.files).get_mut(slot), result) {
            (Some(f), Ok(r)) => {
                b.figures += r.figures.len();
                f.status = FileStatus::Done;
                f.encoding = Some(r.encoding);
                f.text = r.text.map(DocText::js).unwrap_or_default();
                f.figures = Rc::new(r.figures);
                f.contexts = Rc::new(r.contexts);
                f.words = Rc::new(r.words);
            }
            (Some(f), Err(e)) => {
                b.failed += 1;
                f.status = FileStatus::Failed(e);
            }
            // Removed from the session meanwhile: counted, not kept.
            (None, Ok(_)) => {}
            (None, Err(_)) => b.failed += 1,
        }
        b.done += 1;
        if b.done == b.total {
            b.finished_ms = Some(now_ms);
        }
        true
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
            Action::BatchStart { id, files, now_ms } => {
                // A batch still running is given up (its pool work was cancelled).
                let list = Rc::make_mut(&mut s.files);
                if s.batch.as_ref().is_some_and(|b| b.finished_ms.is_none()) {
                    for f in list.iter_mut().filter(|f| f.status == FileStatus::Queued) {
                        f.status = FileStatus::Cancelled;
                    }
                }
                // The batch adds to the session; a file of the same name is replaced in place.
                let mut replaced = 0;
                let mut slots = Vec::with_capacity(files.len());
                let mut at: std::collections::HashMap<Rc<str>, usize> =
                    list.iter().enumerate().map(|(k, f)| (f.name.clone(), k)).collect();
                for (name, size) in files {
                    match at.get(&name) {
                        Some(&k) if slots.contains(&k) => slots.push(GONE),
                        Some(&k) => {
                            list[k] = FileDoc::queued(name, size);
                            replaced += 1;
                            slots.push(k);
                        }
                        None => {
                            at.insert(name.clone(), list.len());
                            slots.push(list.len());
                            list.push(FileDoc::queued(name, size));
                        }
                    }
                }
                // The views of a replaced file forget it.
                let replaced_doc = |d: DocRef| matches!(d, DocRef::File(i) if slots.contains(&i));
                if s.selected.is_some_and(|(d, _)| replaced_doc(d)) {
                    s.selected = None;
                }
                if s.opened.as_ref().is_some_and(|(i, _, _)| slots.contains(i)) {
                    s.opened = None;
                }
                s.window = s.window.take().filter(|w| !replaced_doc(w.doc));
                s.batch = Some(Batch {
                    id,
                    total: slots.len(),
                    done: 0,
                    figures: 0,
                    failed: 0,
                    started_ms: now_ms,
                    finished_ms: None,
                    cancelled: false,
                    slots: Rc::new(slots),
                    replaced,
                });
                s.batch_last = true;
            }
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
                let Some(b) = s.batch.as_mut().filter(|b| b.finished_ms.is_none()) else { return self };
                b.cancelled = true;
                b.finished_ms = Some(now_ms);
                for f in Rc::make_mut(&mut s.files) {
                    if f.status == FileStatus::Queued {
                        f.status = FileStatus::Cancelled;
                    }
                }
            }
            Action::ClearFiles => {
                s.files = Rc::default();
                s.batch = None;
                s.opened = None;
                s.window = s.window.take().filter(|w| w.doc == DocRef::Pasted);
                if s.selected.is_some_and(|(d, _)| d != DocRef::Pasted) {
                    s.selected = None;
                }
            }
            Action::RemoveFile(k) => {
                if k >= s.files.len() {
                    return self;
                }
                Rc::make_mut(&mut s.files).remove(k);
                if let Some(b) = s.batch.as_mut() {
                    b.slots = Rc::new(
                        b.slots
                            .iter()
                            .map(|&i| {
                                if i == k {
                                    GONE
                                } else if i > k && i != GONE {
                                    i - 1
                                } else {
                                    i
                                }
                            })
                            .collect(),
                    );
                }
                // What pointed at a later file points one place earlier; at this one, nowhere.
                let shift = |d: DocRef| match d {
                    DocRef::File(i) if i == k => None,
                    DocRef::File(i) if i > k => Some(DocRef::File(i - 1)),
                    d => Some(d),
                };
                s.selected = s.selected.and_then(|(d, f)| shift(d).map(|d| (d, f)));
                s.opened = s.opened.take().and_then(|(i, r, rep)| match shift(DocRef::File(i)) {
                    Some(DocRef::File(j)) => Some((j, r, rep)),
                    _ => None,
                });
                s.window = s.window.take().and_then(|mut w| {
                    w.doc = shift(w.doc)?;
                    Some(w)
                });
            }
            Action::FilterKind(k) => s.table.kind = k,
            Action::Query(q) => s.table.query = q,
            Action::SortBy(col) => {
                s.table.sort = match s.table.sort {
                    Some((c, true)) if c == col => Some((col, false)),
                    Some((c, false)) if c == col => None,
                    _ => Some((col, true)),
                };
            }
            Action::FilterMetric(m) => {
                if m.is_some() {
                    s.bench.view = View::Figures;
                }
                s.table.metric = m;
            }
            Action::View(v) => s.bench.view = v,
            Action::SummarySort(by) => {
                let (old, asc) = s.bench.summary_sort;
                s.bench.summary_sort = (by, if old == by { !asc } else { true });
            }
            Action::Kwic(q) => s.bench.kwic = q,
            Action::KwicSort(by) => s.bench.kwic_sort = by,
            Action::Pos(p) => s.bench.pos = p,
            Action::ChartMetric(m) => s.bench.chart_metric = m,
            Action::ChartByPeriod(p) => s.bench.chart_by_period = p,
            Action::FilesStatus(st) => s.bench.files_status = st,
            Action::Window(w) => s.window = Some(w),
            Action::UserDict { text, error } => {
                s.user_dict = text;
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
