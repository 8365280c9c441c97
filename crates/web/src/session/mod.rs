//! The session: the pasted text, every file's text and results, the user dictionary, the
//! filters and the open view, as one value ([`Saved`]) that is kept in the browser as it
//! changes ([`store`], IndexedDB) and written to or read from a session file (JSON, [`file`]).
//!
//! Files still queued when the session is taken are kept as cancelled: their `File` handles
//! do not survive a reload (they must be dropped again).

pub mod file;
mod idb;
pub mod store;
pub mod words;

use crate::failure::Failure;
use crate::i18n::StatusWord;
use crate::state::{Bench, Column, FigureStore, FileDoc, FileStatus, State, Table, View, WordStore};
use crate::text::DocText;
use serde::{Deserialize, Serialize};
use shudu_core::workbench::{concordance, context::Context, summary, words::Tally};
use shudu_core::{Figure, Kind};
use std::rc::Rc;

/// What a session file says it is (its first field), and the version of its shape.
pub const FORMAT: &str = "shudu-session";
pub const VERSION: u32 = 1;

/// A whole session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub format: String,
    pub version: u32,
    /// The editor's text.
    pub text: String,
    /// The user dictionary as typed (jieba's `userdict.txt`).
    pub user_dict: String,
    pub settings: Settings,
    pub files: Vec<SavedFile>,
}

/// The filters and the open view.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub view: View,
    pub kind: Option<Kind>,
    pub query: String,
    pub sort: Option<(Column, bool)>,
    pub metric: Option<(String, String)>,
    pub kwic: String,
    pub pos: Option<char>,
    pub chart_metric: Option<(String, String)>,
    pub chart_by_period: bool,
    pub files_status: Option<StatusWord>,
    /// The summary's and the concordance's orders (absent from files of earlier pages).
    pub summary_sort: Option<(summary::SortBy, bool)>,
    pub kwic_sort: Option<concordance::SortBy>,
}

/// One file of the session, with its text and results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedFile {
    pub name: String,
    pub size: u64,
    pub status: SavedStatus,
    pub encoding: Option<String>,
    pub text: String,
    pub figures: Vec<Figure>,
    pub contexts: Vec<Context>,
    pub words: Tally,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SavedStatus {
    Done,
    Failed(Failure),
    /// Cancelled, or still queued when the session was taken.
    Cancelled,
}

impl Settings {
    pub fn of(table: &Table, bench: &Bench) -> Settings {
        Settings {
            view: bench.view,
            kind: table.kind,
            query: table.query.clone(),
            sort: table.sort,
            metric: table.metric.clone(),
            kwic: bench.kwic.clone(),
            pos: bench.pos,
            chart_metric: bench.chart_metric.clone(),
            chart_by_period: bench.chart_by_period,
            files_status: bench.files_status,
            summary_sort: Some(bench.summary_sort),
            kwic_sort: Some(bench.kwic_sort),
        }
    }

    /// The figures table's filters and the views' settings (those not kept stay as they are).
    pub fn apply(&self, table: &mut Table, bench: &mut Bench) {
        *table = Table { kind: self.kind, query: self.query.clone(), sort: self.sort, metric: self.metric.clone() };
        bench.view = self.view;
        bench.kwic = self.kwic.clone();
        bench.pos = self.pos;
        bench.chart_metric = self.chart_metric.clone();
        bench.chart_by_period = self.chart_by_period;
        bench.files_status = self.files_status;
        if let Some(by) = self.summary_sort {
            bench.summary_sort = by;
        }
        if let Some(by) = self.kwic_sort {
            bench.kwic_sort = by;
        }
    }
}

/// The whole of a text as a Rust string (copied out of JavaScript for a file's text).
pub fn text_of(text: &DocText) -> String {
    text.to_js().into()
}

impl SavedFile {
    pub fn of(f: &FileDoc) -> SavedFile {
        SavedFile {
            name: f.name.to_string(),
            size: f.size,
            status: match &f.status {
                FileStatus::Done => SavedStatus::Done,
                FileStatus::Failed(e) => SavedStatus::Failed(e.clone()),
                FileStatus::Queued | FileStatus::Cancelled => SavedStatus::Cancelled,
            },
            encoding: f.encoding.clone(),
            text: text_of(&f.text),
            figures: f.figures.figures(),
            contexts: f.figures.contexts(),
            words: f.words.tally(),
        }
    }

    pub fn into_doc(self) -> FileDoc {
        FileDoc {
            name: Rc::from(self.name.as_str()),
            size: self.size,
            status: match self.status {
                SavedStatus::Done => FileStatus::Done,
                SavedStatus::Failed(e) => FileStatus::Failed(e),
                SavedStatus::Cancelled => FileStatus::Cancelled,
            },
            encoding: self.encoding,
            text: if self.text.is_empty() { DocText::default() } else { DocText::js(self.text.as_str().into()) },
            figures: Rc::new(FigureStore::new(&self.figures, &self.contexts)),
            words: Rc::new(WordStore::new(&self.words)),
        }
    }
}

impl Saved {
    /// The page's session now.
    pub fn of(state: &State) -> Saved {
        Saved {
            format: FORMAT.into(),
            version: VERSION,
            text: text_of(&state.text),
            user_dict: state.user_dict.clone(),
            settings: Settings::of(&state.table, &state.bench),
            files: state.files.iter().map(SavedFile::of).collect(),
        }
    }
}
