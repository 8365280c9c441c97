//! The documents whose figures the table shows (the editor's text and the files of the
//! batch), and the table's rows: filtered, sorted, counted.

use super::{Column, FigureStore, FileDoc, Table, Tallied};
use crate::protocol::Report;
use crate::text::DocText;
use shudu_core::Kind;
use shudu_core::workbench::{Entry, FigureRef, ValueRef, search::Query};
use std::cmp::Ordering;
use std::rc::Rc;

/// Which document a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocRef {
    /// The text in the editor.
    Pasted,
    /// A file of the batch, by index.
    File(usize),
}

pub const PASTED_NAME: &str = "（粘贴的文本）";

/// The analysed documents, cheap to clone and compared by identity (each change makes new
/// ones): a view given them redraws when they change, never by comparing their content.
#[derive(Debug, Clone, Default)]
pub struct Docs {
    /// The editor's text and its report, when it has one and is not empty.
    pub pasted: Option<(DocText, Rc<Report>)>,
    pub files: Rc<Vec<FileDoc>>,
}

impl PartialEq for Docs {
    fn eq(&self, other: &Self) -> bool {
        let pasted = match (&self.pasted, &other.pasted) {
            (Some((a, r)), Some((b, s))) => a == b && Rc::ptr_eq(r, s),
            (None, None) => true,
            _ => false,
        };
        pasted && Rc::ptr_eq(&self.files, &other.files)
    }
}

/// Where a document's figures are: the editor text's report, or a file's packed store.
#[derive(Clone, Copy)]
pub enum Figs<'a> {
    Report(&'a Report),
    Store(&'a FigureStore),
}

impl<'a> Figs<'a> {
    pub fn len(self) -> usize {
        match self {
            Figs::Report(r) => r.figures.len(),
            Figs::Store(s) => s.len(),
        }
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Figure `k`, borrowed.
    pub fn figure(self, k: usize) -> Option<FigureRef<'a>> {
        match self {
            Figs::Report(r) => r.figures.get(k).map(FigureRef::of),
            Figs::Store(s) => s.get(k),
        }
    }

    /// Figure `k`'s kind.
    pub fn kind(self, k: usize) -> Option<Kind> {
        match self {
            Figs::Report(r) => r.figures.get(k).map(|f| f.kind),
            Figs::Store(s) => s.kind(k),
        }
    }

    /// Figure `k`'s sentence before and after it (empty for a figure that has none).
    pub fn context(self, k: usize) -> (&'a str, &'a str) {
        match self {
            Figs::Report(r) => r.contexts.get(k).map_or(("", ""), |c| (&c.before, &c.after)),
            Figs::Store(s) => s.context(k),
        }
    }
}

/// One row of the combined figures table: which figure of which document (small: a
/// session's rows are listed whole; the figure is read from its document when wanted).
#[derive(Clone, Copy)]
pub struct Row<'a> {
    pub doc: DocRef,
    pub index: usize,
    pub file: &'a str,
    figs: Figs<'a>,
}

impl<'a> Row<'a> {
    /// The figure (a row is made only for a figure there is).
    pub fn figure(&self) -> FigureRef<'a> {
        self.figs.figure(self.index).expect("a row's figure exists")
    }

    /// Its sentence before and after the figure.
    pub fn context(&self) -> (&'a str, &'a str) {
        self.figs.context(self.index)
    }

    /// The row as the workbench reads it.
    pub fn entry(&self) -> Entry<'a> {
        let (before, after) = self.context();
        Entry::of_ref(self.file, self.figure(), before, after)
    }
}

impl Docs {
    /// Each document's name and figures, the editor's text first.
    pub fn figs(&self) -> impl Iterator<Item = (DocRef, &str, Figs<'_>)> + '_ {
        let pasted = self.pasted.iter().map(|(_, r)| (DocRef::Pasted, PASTED_NAME, Figs::Report(r)));
        pasted.chain(self.files.iter().enumerate().map(|(i, f)| (DocRef::File(i), &*f.name, Figs::Store(&f.figures))))
    }

    /// Figures in all documents.
    pub fn total(&self) -> usize {
        self.figs().map(|(_, _, f)| f.len()).sum()
    }

    /// Every figure of the editor text and of the files, in document order.
    pub fn all_rows(&self) -> Vec<Row<'_>> {
        let mut rows = Vec::with_capacity(self.total());
        for (doc, file, figs) in self.figs() {
            rows.extend((0..figs.len()).map(|index| Row { doc, index, file, figs }));
        }
        rows
    }

    /// The rows the table shows: filtered by kind, metric and query (over everything a row
    /// says: `workbench::search`), then sorted.
    pub fn visible_rows(&self, table: &Table) -> Vec<Row<'_>> {
        let q = Query::new(&table.query);
        let metric = table.metric.as_ref();
        let rows: Vec<Row> = self
            .all_rows()
            .into_iter()
            .filter(|r| table.kind.is_none_or(|k| r.figs.kind(r.index) == Some(k)))
            .filter(|r| {
                metric.is_none_or(|(label, unit)| {
                    let f = r.figure();
                    f.label == Some(label.as_str()) && f.unit.unwrap_or("") == unit.as_str()
                })
            })
            .filter(|r| q.is_empty() || q.matches(&r.entry()))
            .collect();
        let Some((col, asc)) = table.sort else { return rows };
        // Each row with its figure, read once (a sort compares each row many times).
        let mut rows: Vec<(Row, FigureRef)> = rows.into_iter().map(|r| (r, r.figure())).collect();
        rows.sort_by(|a, b| {
            let o = compare(col, a, b);
            if asc { o } else { o.reverse() }
        });
        rows.into_iter().map(|(r, _)| r).collect()
    }

    /// The rows the table shows, as (document, figure) in order. Unfiltered and unsorted (as
    /// while a batch comes in, redrawn a few times a second), without building the rows.
    pub fn visible_order(&self, table: &Table) -> Vec<(DocRef, usize)> {
        if table.filtered() || table.sort.is_some() {
            return self.visible_rows(table).iter().map(|r| (r.doc, r.index)).collect();
        }
        let mut order = Vec::with_capacity(self.total());
        for (doc, _, figs) in self.figs() {
            order.extend((0..figs.len()).map(|k| (doc, k)));
        }
        order
    }

    /// Row `k` of document `doc`, if there is one.
    pub fn row(&self, doc: DocRef, k: usize) -> Option<Row<'_>> {
        let (file, figs) = match doc {
            DocRef::Pasted => (PASTED_NAME, Figs::Report(&self.pasted.as_ref()?.1)),
            DocRef::File(i) => {
                let f = self.files.get(i)?;
                (&*f.name, Figs::Store(&f.figures))
            }
        };
        (k < figs.len()).then_some(Row { doc, index: k, file, figs })
    }

    /// The word counts of every document.
    pub fn tallies(&self) -> Vec<Tallied<'_>> {
        let pasted = self.pasted.iter().map(|(_, r)| Tallied::Tally(&r.words));
        pasted.chain(self.files.iter().map(|f| Tallied::Store(&f.words))).collect()
    }

    /// Every document's name and text.
    pub fn texts(&self) -> Vec<(&str, DocText)> {
        self.pasted
            .iter()
            .map(|(t, _)| (PASTED_NAME, t.clone()))
            .chain(self.files.iter().map(|f| (&*f.name, f.text.clone())))
            .collect()
    }

    /// Text of a document.
    pub fn doc_text(&self, doc: DocRef) -> Option<DocText> {
        match doc {
            DocRef::Pasted => self.pasted.as_ref().map(|(t, _)| t.clone()),
            DocRef::File(i) => self.files.get(i).map(|f| f.text.clone()),
        }
    }

    /// Figures in all documents, and per kind (in `Kind::ALL` order), in one pass.
    pub fn counts(&self) -> (usize, [usize; 7]) {
        let mut per = [0; 7];
        for (_, _, figs) in self.figs() {
            for k in (0..figs.len()).filter_map(|k| figs.kind(k)) {
                per[Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)] += 1;
            }
        }
        (per.iter().sum(), per)
    }
}

fn number_of(f: &FigureRef) -> Option<f64> {
    match f.value {
        Some(ValueRef::Number(n)) => Some(n),
        _ => f.low,
    }
}

fn compare(col: Column, (a, fa): &(Row, FigureRef), (b, fb): &(Row, FigureRef)) -> Ordering {
    fn s(x: Option<&str>) -> &str {
        x.unwrap_or_default()
    }
    match col {
        Column::File => a.file.cmp(b.file),
        Column::Text => fa.text.cmp(fb.text),
        Column::Kind => fa.kind.cmp(&fb.kind),
        Column::Value => match (number_of(fa), number_of(fb)) {
            (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => value_debug(fa).cmp(&value_debug(fb)),
        },
        Column::Unit => s(fa.unit).cmp(s(fb.unit)),
        Column::Approx => fa.approx.map(|x| x.as_str()).cmp(&fb.approx.map(|x| x.as_str())),
        Column::Change => fa.change.map(|x| x.as_str()).cmp(&fb.change.map(|x| x.as_str())),
        Column::Label => s(fa.label).cmp(s(fb.label)),
        Column::Subject => s(fa.subject).cmp(s(fb.subject)),
        Column::Period => match (fa.period, fb.period) {
            (Some(x), Some(y)) => shudu_core::workbench::period::compare(x, y),
            (x, y) => y.is_none().cmp(&x.is_none()),
        },
    }
}

/// A value without a number, as it sorted when figures were `Figure`s (`Some(Text("…"))`).
fn value_debug(f: &FigureRef) -> String {
    format!("{:?}", f.value.map(ValueRef::to_value))
}
