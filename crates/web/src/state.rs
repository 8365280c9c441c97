//! The page's state, changed only through `Action`s (one reducer).

use crate::protocol::{FileReport, Report, Response};
use crate::text::DocText;
use shudu_core::{Figure, Kind, Value};
use std::cmp::Ordering;
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Loading,
    Ready,
}

/// Which document a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocRef {
    /// The text in the editor.
    Pasted,
    /// A file of the batch, by index.
    File(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FileStatus {
    Queued,
    Done,
    Failed(String),
    Cancelled,
}

/// One file of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct FileDoc {
    pub name: Rc<str>,
    pub size: u64,
    pub status: FileStatus,
    pub encoding: Option<String>,
    pub text: DocText,
    pub figures: Rc<Vec<Figure>>,
}

/// Progress of the current batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub id: u32,
    pub total: usize,
    pub done: usize,
    pub figures: usize,
    pub started_ms: f64,
    pub finished_ms: Option<f64>,
    pub cancelled: bool,
}

/// A stretch of a long document, analysed for the article view (a long text's report has
/// no words; see `protocol::Merger`).
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub doc: DocRef,
    /// The document's text, and where the stretch is in it (chars).
    pub of: DocText,
    pub start: usize,
    pub end: usize,
    /// The stretch's own text, its request, and its report once back.
    pub text: DocText,
    pub id: u32,
    pub report: Option<Rc<Report>>,
}

impl Window {
    /// Whether it is of `doc` (whose text is `of`) and holds chars `start..end` with `margin`
    /// chars of text on either side (or up to the text's start or end).
    pub fn holds(&self, doc: DocRef, of: &DocText, start: usize, end: usize, margin: usize) -> bool {
        self.doc == doc
            && self.of == *of
            && (self.start == 0 || self.start + margin <= start)
            && (self.end >= of.chars() || end + margin <= self.end)
            && self.start <= start
            && end <= self.end
    }
}

/// What the article view has for a figure of a long document (see [`State::stretch`]).
#[derive(Debug, PartialEq)]
pub enum Stretch<'a> {
    /// A stretch around it, asked for (its report is there once it is back).
    Held(&'a Window),
    /// None: one should be asked for.
    Wanted,
    /// None, and none is to be asked for: the pasted text is being replaced.
    NotNow,
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
    pub files: Vec<FileDoc>,
    pub batch: Option<Batch>,
    pub kind_filter: Option<Kind>,
    pub query: String,
    pub sort: Option<(Column, bool)>,
    /// How many table rows are drawn (more on request).
    pub row_limit: usize,
    /// The figure selected in the table.
    pub selected: Option<(DocRef, usize)>,
    /// A file opened in the article view: request id, then its report.
    pub opened: Option<(usize, u32, Option<Rc<Report>>)>,
    /// The stretch of a long document the article view shows.
    pub window: Option<Window>,
    /// Why the engine cannot work, if it cannot.
    pub broken: Option<String>,
    /// Why the last text could not be (wholly) analysed, until it changes.
    pub notice: Option<String>,
    /// Counts the changes: a component given the state redraws when this differs, without
    /// comparing the state's content (megabytes for a long text).
    pub version: u64,
}

pub const ROW_PAGE: usize = 200;

impl Default for State {
    fn default() -> Self {
        State {
            engine: Engine::Loading,
            text: DocText::default(),
            requested: 0,
            progress: None,
            shown: None,
            files: Vec::new(),
            batch: None,
            kind_filter: None,
            query: String::new(),
            sort: None,
            row_limit: ROW_PAGE,
            selected: None,
            opened: None,
            window: None,
            broken: None,
            notice: None,
            version: 0,
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
    TextFailed(String),
    /// A new batch of files (name, size) starts.
    BatchStart {
        id: u32,
        files: Vec<(Rc<str>, u64)>,
        now_ms: f64,
    },
    /// A file failed before reaching a worker (too large, unreadable).
    FileFailed {
        batch: u32,
        index: usize,
        error: String,
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
pub type FileOutcome = (u32, usize, Result<FileReport, String>, f64);

/// One row of the combined figures table.
#[derive(Clone, Copy)]
pub struct Row<'a> {
    pub doc: DocRef,
    pub index: usize,
    pub file: &'a str,
    pub figure: &'a Figure,
}

pub const PASTED_NAME: &str = "（粘贴的文本）";

impl State {
    pub fn analyzing(&self) -> bool {
        self.engine == Engine::Ready
            && self.shown.as_ref().is_none_or(|(t, _)| *t != self.text)
            && !self.text.is_empty()
    }

    /// The stretch of long document `doc` (whose text is `of`) that serves its chars
    /// `start..end` in the article view, `margin` chars from the stretch's ends.
    pub fn stretch(&self, doc: DocRef, of: &DocText, start: usize, end: usize, margin: usize) -> Stretch<'_> {
        if doc == DocRef::Pasted && self.analyzing() {
            return Stretch::NotNow;
        }
        match self.window.as_ref().filter(|w| w.holds(doc, of, start, end, margin)) {
            Some(w) => Stretch::Held(w),
            None => Stretch::Wanted,
        }
    }

    pub fn batch_running(&self) -> bool {
        self.batch.as_ref().is_some_and(|b| b.finished_ms.is_none())
    }

    /// Every figure of the editor text and of the files, in document order.
    pub fn all_rows(&self) -> Vec<Row<'_>> {
        let mut rows = Vec::new();
        if let Some((_, r)) = &self.shown
            && !self.text.is_empty()
        {
            rows.extend(r.figures.iter().enumerate().map(|(k, f)| Row {
                doc: DocRef::Pasted,
                index: k,
                file: PASTED_NAME,
                figure: f,
            }));
        }
        for (i, doc) in self.files.iter().enumerate() {
            rows.extend(doc.figures.iter().enumerate().map(|(k, f)| Row {
                doc: DocRef::File(i),
                index: k,
                file: &doc.name,
                figure: f,
            }));
        }
        rows
    }

    /// The rows the table shows: filtered by kind and text, then sorted.
    pub fn visible_rows(&self) -> Vec<Row<'_>> {
        let q = self.query.trim();
        let mut rows: Vec<Row> = self
            .all_rows()
            .into_iter()
            .filter(|r| self.kind_filter.is_none_or(|k| r.figure.kind == k))
            .filter(|r| {
                q.is_empty()
                    || r.figure.text.contains(q)
                    || r.file.contains(q)
                    || r.figure.label.as_deref().is_some_and(|l| l.contains(q))
                    || r.figure.subject.as_deref().is_some_and(|s| s.contains(q))
            })
            .collect();
        if let Some((col, asc)) = self.sort {
            rows.sort_by(|a, b| {
                let o = compare(col, a, b);
                if asc { o } else { o.reverse() }
            });
        }
        rows
    }

    /// Text of a document.
    pub fn doc_text(&self, doc: DocRef) -> Option<DocText> {
        match doc {
            DocRef::Pasted => self.shown.as_ref().map(|(t, _)| t.clone()),
            DocRef::File(i) => self.files.get(i).map(|f| f.text.clone()),
        }
    }

    /// Figures in all documents, and per kind (in `Kind::ALL` order), in one pass.
    pub fn counts(&self) -> (usize, [usize; 7]) {
        let mut per = [0; 7];
        let all = self.all_rows();
        for r in &all {
            per[Kind::ALL.iter().position(|k| *k == r.figure.kind).unwrap_or(0)] += 1;
        }
        (all.len(), per)
    }
}

impl State {
    /// Record a finished file of the current batch; false if it belongs to no current batch.
    fn file_done(&mut self, batch: u32, index: usize, result: Result<FileReport, String>, now_ms: f64) -> bool {
        let Some(b) = self.batch.as_mut().filter(|b| b.id == batch && !b.cancelled) else { return false };
        let Some(f) = self.files.get_mut(index) else { return false };
        match result {
            Ok(r) => {
                b.figures += r.figures.len();
                f.status = FileStatus::Done;
                f.encoding = Some(r.encoding);
                f.text = DocText::from(r.text);
                f.figures = Rc::new(r.figures);
            }
            Err(e) => f.status = FileStatus::Failed(e),
        }
        b.done += 1;
        if b.done == b.total {
            b.finished_ms = Some(now_ms);
        }
        true
    }
}

fn number_of(f: &Figure) -> Option<f64> {
    match &f.value {
        Some(Value::Number(n)) => Some(*n),
        _ => f.low,
    }
}

fn compare(col: Column, a: &Row, b: &Row) -> Ordering {
    let (fa, fb) = (a.figure, b.figure);
    let s = |x: &Option<String>| x.clone().unwrap_or_default();
    match col {
        Column::File => a.file.cmp(b.file),
        Column::Text => fa.text.cmp(&fb.text),
        Column::Kind => fa.kind.cmp(&fb.kind),
        Column::Value => match (number_of(fa), number_of(fb)) {
            (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => format!("{:?}", fa.value).cmp(&format!("{:?}", fb.value)),
        },
        Column::Unit => s(&fa.unit).cmp(&s(&fb.unit)),
        Column::Approx => fa.approx.map(|x| x.as_str()).cmp(&fb.approx.map(|x| x.as_str())),
        Column::Change => fa.change.map(|x| x.as_str()).cmp(&fb.change.map(|x| x.as_str())),
        Column::Label => s(&fa.label).cmp(&s(&fb.label)),
        Column::Subject => s(&fa.subject).cmp(&s(&fb.subject)),
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.version += 1;
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
                s.files = files
                    .into_iter()
                    .map(|(name, size)| FileDoc {
                        name,
                        size,
                        status: FileStatus::Queued,
                        encoding: None,
                        text: DocText::default(),
                        figures: Rc::new(Vec::new()),
                    })
                    .collect();
                s.batch = Some(Batch {
                    id,
                    total: s.files.len(),
                    done: 0,
                    figures: 0,
                    started_ms: now_ms,
                    finished_ms: None,
                    cancelled: false,
                });
                s.selected = None;
                s.opened = None;
                s.window = s.window.take().filter(|w| w.doc == DocRef::Pasted);
                s.row_limit = ROW_PAGE;
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
                for f in &mut s.files {
                    if f.status == FileStatus::Queued {
                        f.status = FileStatus::Cancelled;
                    }
                }
            }
            Action::ClearFiles => {
                s.files.clear();
                s.batch = None;
                s.opened = None;
                s.window = s.window.take().filter(|w| w.doc == DocRef::Pasted);
                if s.selected.is_some_and(|(d, _)| d != DocRef::Pasted) {
                    s.selected = None;
                }
            }
            Action::FilterKind(k) => {
                s.kind_filter = k;
                s.row_limit = ROW_PAGE;
            }
            Action::Query(q) => {
                s.query = q;
                s.row_limit = ROW_PAGE;
            }
            Action::SortBy(col) => {
                s.sort = match s.sort {
                    Some((c, true)) if c == col => Some((col, false)),
                    Some((c, false)) if c == col => None,
                    _ => Some((col, true)),
                };
            }
            Action::MoreRows => s.row_limit += ROW_PAGE,
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
mod tests {
    use super::*;
    use shudu_core::Stats;

    fn long_report(chars: usize) -> Report {
        Report { stats: Stats { chars, ..Stats::default() }, ..Report::default() }
    }

    fn window(doc: DocRef, of: &DocText, (start, end): (usize, usize), id: u32) -> Window {
        Window { doc, of: of.clone(), start, end, text: DocText::from("…"), id, report: None }
    }

    fn pasted(text: &DocText) -> Rc<State> {
        let state = Rc::new(State { engine: Engine::Ready, ..State::default() });
        let state = state.reduce(Action::Edit { text: text.clone(), id: 1 });
        state.reduce(Action::Worker(Response::Analyzed { id: 1, report: long_report(text.chars()) }))
    }

    #[test]
    fn a_stretch_serves_figures_well_inside_it_or_at_the_texts_ends() {
        let a = DocText::from("长".repeat(20_000).as_str());
        let state = pasted(&a).reduce(Action::Window(window(DocRef::Pasted, &a, (7_000, 13_000), 2)));
        let held = |s: usize, e: usize| matches!(state.stretch(DocRef::Pasted, &a, s, e, 500), Stretch::Held(_));
        assert!(held(10_000, 10_004) && held(7_500, 7_504) && held(12_490, 12_500));
        assert!(!held(7_000, 7_004), "at its very start: not enough text before the figure");
        assert!(!held(12_600, 12_604) && !held(3_000, 3_004) && !held(14_000, 14_004));
        assert_eq!(state.stretch(DocRef::File(0), &a, 10_000, 10_004, 500), Stretch::Wanted, "another document");
        assert_eq!(
            state.stretch(DocRef::Pasted, &DocText::from("长"), 10_000, 10_004, 500),
            Stretch::Wanted,
            "another text"
        );
        let state = state.reduce(Action::Window(window(DocRef::Pasted, &a, (0, 3_000), 3)));
        assert!(matches!(state.stretch(DocRef::Pasted, &a, 0, 4, 500), Stretch::Held(_)), "at the text's start");
        let state = state.reduce(Action::Window(window(DocRef::Pasted, &a, (17_000, 20_000), 4)));
        assert!(matches!(state.stretch(DocRef::Pasted, &a, 19_996, 20_000, 500), Stretch::Held(_)), "at its end");
    }

    #[test]
    fn a_replaced_text_lets_go_of_its_stretch_and_asks_for_none() {
        let a = DocText::from("长".repeat(20_000).as_str());
        let state = pasted(&a).reduce(Action::Window(window(DocRef::Pasted, &a, (0, 6_000), 2)));
        let b = DocText::from("样例");
        let state = state.reduce(Action::Edit { text: b.clone(), id: 3 });
        assert_eq!(state.window, None, "the stretch (and the text it holds) goes with the text");
        assert_eq!(state.stretch(DocRef::Pasted, &a, 0, 4, 500), Stretch::NotNow, "while the new text is analysed");
        let file = state.reduce(Action::Window(window(DocRef::File(0), &a, (0, 6_000), 4)));
        let kept = file.reduce(Action::Edit { text: DocText::from("又一个"), id: 5 });
        assert!(kept.window.is_some(), "a file's stretch stays when the editor changes");
    }

    #[test]
    fn a_stretch_gets_its_report_and_progress_is_for_the_editors_text() {
        let a = DocText::from("长".repeat(20_000).as_str());
        let state = pasted(&a).reduce(Action::Window(window(DocRef::Pasted, &a, (0, 6_000), 7)));
        let words = Report { token_ends: vec![6_000], token_tags: vec![0], ..long_report(6_000) };
        let state = state.reduce(Action::Worker(Response::Analyzed { id: 7, report: words }));
        assert!(state.window.as_ref().is_some_and(|w| w.report.as_ref().is_some_and(|r| r.has_words())));
        let b = DocText::from("长".repeat(30_000).as_str());
        let state = state.reduce(Action::Edit { text: b, id: 8 });
        let state = state.reduce(Action::TextProgress { id: 8, back: 3, pieces: 9 });
        assert_eq!(state.progress, Some((3, 9)));
        let same = state.clone().reduce(Action::TextProgress { id: 99, back: 5, pieces: 9 });
        assert!(Rc::ptr_eq(&same, &state), "another text's progress changes nothing");
        let done = state.reduce(Action::Worker(Response::Analyzed { id: 8, report: long_report(30_000) }));
        assert_eq!(done.progress, None);
    }
}
