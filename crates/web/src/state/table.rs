//! How the figures table and the other views are set (filters, sorting, the view shown), and
//! the reducer's part for the settings that take more than one line.

use super::State;
use crate::i18n::StatusWord;
use shudu_core::Kind;
use shudu_core::workbench::{concordance, summary};

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

impl State {
    /// Sort by `col`: ascending, then descending, then unsorted.
    pub(super) fn sort_by(&mut self, col: Column) {
        self.table.sort = match self.table.sort {
            Some((c, true)) if c == col => Some((col, false)),
            Some((c, false)) if c == col => None,
            _ => Some((col, true)),
        };
    }

    /// Show only the figures of one metric (label, unit), or all again.
    pub(super) fn filter_metric(&mut self, m: Option<(String, String)>) {
        if m.is_some() {
            self.bench.view = View::Figures;
        }
        self.table.metric = m;
    }

    /// Sort the summary by `by` (again: the other way).
    pub(super) fn summary_sort(&mut self, by: summary::SortBy) {
        let (old, asc) = self.bench.summary_sort;
        self.bench.summary_sort = (by, if old == by { !asc } else { true });
    }
}
