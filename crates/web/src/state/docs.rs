//! The documents whose figures the table shows (the editor's text and the files of the
//! batch), and the table's rows: filtered, sorted, counted.

use super::{Column, FileDoc, Table};
use crate::protocol::Report;
use crate::text::DocText;
use shudu_core::workbench::{Entry, context::Context, period_of, search::Query};
use shudu_core::{Figure, Kind, Value};
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

/// One row of the combined figures table.
#[derive(Clone, Copy)]
pub struct Row<'a> {
    pub doc: DocRef,
    pub index: usize,
    pub file: &'a str,
    pub figure: &'a Figure,
    /// Its sentence, trimmed around it.
    pub context: &'a Context,
}

/// The context of a figure that has none (a report from before contexts were sent).
static NO_CONTEXT: Context = Context { before: String::new(), after: String::new() };

impl<'a> Row<'a> {
    /// The row as the workbench reads it.
    pub fn entry(&self) -> Entry<'a> {
        Entry { file: self.file, figure: self.figure, context: self.context, period: period_of(self.figure) }
    }
}

impl Docs {
    /// Every figure of the editor text and of the files, in document order.
    pub fn all_rows(&self) -> Vec<Row<'_>> {
        let total = self.pasted.as_ref().map_or(0, |(_, r)| r.figures.len())
            + self.files.iter().map(|f| f.figures.len()).sum::<usize>();
        let mut rows = Vec::with_capacity(total);
        if let Some((_, r)) = &self.pasted {
            rows.extend(r.figures.iter().enumerate().map(|(k, f)| Row {
                doc: DocRef::Pasted,
                index: k,
                file: PASTED_NAME,
                figure: f,
                context: r.contexts.get(k).unwrap_or(&NO_CONTEXT),
            }));
        }
        for (i, doc) in self.files.iter().enumerate() {
            rows.extend(doc.figures.iter().enumerate().map(|(k, f)| Row {
                doc: DocRef::File(i),
                index: k,
                file: &doc.name,
                figure: f,
                context: doc.contexts.get(k).unwrap_or(&NO_CONTEXT),
            }));
        }
        rows
    }

    /// The rows the table shows: filtered by kind, metric and query (over everything a row
    /// says: `workbench::search`), then sorted.
    pub fn visible_rows(&self, table: &Table) -> Vec<Row<'_>> {
        let q = Query::new(&table.query);
        let metric = table.metric.as_ref();
        let mut rows: Vec<Row> = self
            .all_rows()
            .into_iter()
            .filter(|r| table.kind.is_none_or(|k| r.figure.kind == k))
            .filter(|r| {
                metric.is_none_or(|(label, unit)| {
                    r.figure.label.as_deref() == Some(label.as_str())
                        && r.figure.unit.as_deref().unwrap_or("") == unit.as_str()
                })
            })
            .filter(|r| q.matches(&r.entry()))
            .collect();
        if let Some((col, asc)) = table.sort {
            rows.sort_by(|a, b| {
                let o = compare(col, a, b);
                if asc { o } else { o.reverse() }
            });
        }
        rows
    }

    /// The rows the table shows, as (document, figure) in order. Unfiltered and unsorted (as
    /// while a batch comes in, redrawn a few times a second), without building the rows.
    pub fn visible_order(&self, table: &Table) -> Vec<(DocRef, usize)> {
        if table.filtered() || table.sort.is_some() {
            return self.visible_rows(table).iter().map(|r| (r.doc, r.index)).collect();
        }
        let pasted = self.pasted.as_ref().map_or(0, |(_, r)| r.figures.len());
        let mut order = Vec::with_capacity(pasted + self.files.iter().map(|f| f.figures.len()).sum::<usize>());
        order.extend((0..pasted).map(|k| (DocRef::Pasted, k)));
        for (i, f) in self.files.iter().enumerate() {
            order.extend((0..f.figures.len()).map(|k| (DocRef::File(i), k)));
        }
        order
    }

    /// Row `k` of document `doc`, if there is one.
    pub fn row(&self, doc: DocRef, k: usize) -> Option<Row<'_>> {
        let (file, figures, contexts): (&str, &[Figure], &[Context]) = match doc {
            DocRef::Pasted => {
                let (_, r) = self.pasted.as_ref()?;
                (PASTED_NAME, &r.figures, &r.contexts)
            }
            DocRef::File(i) => {
                let f = self.files.get(i)?;
                (&f.name, &f.figures, &f.contexts)
            }
        };
        Some(Row { doc, index: k, file, figure: figures.get(k)?, context: contexts.get(k).unwrap_or(&NO_CONTEXT) })
    }

    /// The word counts of every document.
    pub fn tallies(&self) -> Vec<&shudu_core::workbench::words::Tally> {
        self.pasted.iter().map(|(_, r)| &r.words).chain(self.files.iter().map(|f| &*f.words)).collect()
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
        let pasted = self.pasted.iter().flat_map(|(_, r)| r.figures.iter());
        for f in pasted.chain(self.files.iter().flat_map(|f| f.figures.iter())) {
            per[Kind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0)] += 1;
        }
        (per.iter().sum(), per)
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
        Column::Period => match (period_of(fa), period_of(fb)) {
            (Some(x), Some(y)) => shudu_core::workbench::period::compare(x, y),
            (x, y) => y.is_none().cmp(&x.is_none()),
        },
    }
}
