//! The page's state, changed only through `Action`s in one place: [`State::reduce`].
//! Views read it through narrow parts ([`Docs`], [`Table`], [`Status`], …) compared by
//! identity, so an action redraws only the views whose part it changed.

mod docs;
mod window;

pub use docs::{DocRef, Docs, PASTED_NAME, Row};
pub use window::{Stretch, Window, stretch};

use crate::failure::Failure;
use crate::protocol::{FileReport, Report, Response};
use crate::text::DocText;
use shudu_core::Kind;
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
}

/// Columns of the figures table that can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// How the figures table is filtered, sorted and cut.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: Option<Kind>,
    pub query: String,
    /// Column, and whether ascending.
    pub sort: Option<(Column, bool)>,
    /// How many rows are drawn (more on request).
    pub rows: usize,
}

pub const ROW_PAGE: usize = 200;

impl Default for Table {
    fn default() -> Self {
        Table { kind: None, query: String::new(), sort: None, rows: ROW_PAGE }
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
    FilterKind(Option<Kind>),
    Query(String),
    SortBy(Column),
    MoreRows,
    /// A stretch of a long document was sent for analysis, to be shown.
    Window(Window),
    /// Select a figure; for a file, the request id of its analysis.
    Select {
        doc: DocRef,
        figure: usize,
        open_request: Option<u32>,
    },
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
        let Some(f) = Rc::make_mut(&mut self.files).get_mut(index) else { return false };
        match result {
            Ok(r) => {
                b.figures += r.figures.len();
                f.status = FileStatus::Done;
                f.encoding = Some(r.encoding);
                f.text = r.text.map(DocText::js).unwrap_or_default();
                f.figures = Rc::new(r.figures);
            }
            Err(e) => {
                b.failed += 1;
                f.status = FileStatus::Failed(e);
            }
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
                s.files = Rc::new(
                    files
                        .into_iter()
                        .map(|(name, size)| FileDoc {
                            name,
                            size,
                            status: FileStatus::Queued,
                            encoding: None,
                            text: DocText::default(),
                            figures: Rc::new(Vec::new()),
                        })
                        .collect(),
                );
                s.batch = Some(Batch {
                    id,
                    total: s.files.len(),
                    done: 0,
                    figures: 0,
                    failed: 0,
                    started_ms: now_ms,
                    finished_ms: None,
                    cancelled: false,
                });
                s.selected = None;
                s.opened = None;
                s.window = s.window.take().filter(|w| w.doc == DocRef::Pasted);
                s.table.rows = ROW_PAGE;
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
            Action::FilterKind(k) => {
                s.table.kind = k;
                s.table.rows = ROW_PAGE;
            }
            Action::Query(q) => {
                s.table.query = q;
                s.table.rows = ROW_PAGE;
            }
            Action::SortBy(col) => {
                s.table.sort = match s.table.sort {
                    Some((c, true)) if c == col => Some((col, false)),
                    Some((c, false)) if c == col => None,
                    _ => Some((col, true)),
                };
            }
            Action::MoreRows => s.table.rows += ROW_PAGE,
            Action::Window(w) => s.window = Some(w),
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
