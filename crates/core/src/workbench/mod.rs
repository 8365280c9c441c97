//! What an analyst does with the figures once they are found, over every text of a session:
//! each figure's sentence ([`context`]), a search over everything a row says ([`search`]),
//! totals per metric ([`summary`]), figures that contradict each other ([`conflicts`]), a
//! keyword-in-context concordance ([`concordance`]), word frequencies from the segmentation
//! ([`words`]), and the order of periods ([`period`]).
//!
//! Pure Rust over borrowed views ([`Entry`], [`FigureRef`]): the page, which keeps a
//! session's figures packed rather than as [`Figure`]s, and native code call the same
//! functions.

pub mod concordance;
pub mod conflicts;
pub mod context;
pub mod period;
pub mod search;
pub mod summary;
pub mod words;

use crate::model::{Approx, Change, Figure, Kind, Value};

/// A figure's value, borrowed: a number, or ISO-8601 text for dates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueRef<'a> {
    Number(f64),
    Text(&'a str),
}

impl ValueRef<'_> {
    pub fn to_value(self) -> Value {
        match self {
            ValueRef::Number(n) => Value::Number(n),
            ValueRef::Text(t) => Value::Text(t.to_string()),
        }
    }
}

/// A [`Figure`] as borrowed fields: what the views read, whether the figure is a `Figure` or
/// packed in a store of many (the page's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureRef<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: Option<ValueRef<'a>>,
    pub unit: Option<&'a str>,
    pub approx: Option<Approx>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub change: Option<Change>,
    pub label: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub period: Option<&'a str>,
}

impl<'a> FigureRef<'a> {
    pub fn of(f: &'a Figure) -> FigureRef<'a> {
        FigureRef {
            text: &f.text,
            start: f.start,
            end: f.end,
            kind: f.kind,
            value: f.value.as_ref().map(|v| match v {
                Value::Number(n) => ValueRef::Number(*n),
                Value::Text(t) => ValueRef::Text(t),
            }),
            unit: f.unit.as_deref(),
            approx: f.approx,
            low: f.low,
            high: f.high,
            change: f.change,
            label: f.label.as_deref(),
            subject: f.subject.as_deref(),
            period: f.period.as_deref(),
        }
    }

    /// The figure as an owned [`Figure`] (for the exports and a session's file).
    pub fn to_figure(&self) -> Figure {
        Figure {
            text: self.text.to_string(),
            start: self.start,
            end: self.end,
            kind: self.kind,
            value: self.value.map(ValueRef::to_value),
            unit: self.unit.map(str::to_string),
            approx: self.approx,
            low: self.low,
            high: self.high,
            change: self.change,
            label: self.label.map(str::to_string),
            subject: self.subject.map(str::to_string),
            period: self.period.map(str::to_string),
        }
    }

    /// Its number, for sums and comparisons: its value, or the middle of its range.
    pub fn number(&self) -> Option<f64> {
        match (self.value, self.low, self.high) {
            (Some(ValueRef::Number(n)), _, _) => Some(n),
            (None, Some(lo), Some(hi)) => Some((lo + hi) / 2.0),
            _ => None,
        }
    }
}

/// One figure of a session, with the file it came from and its trimmed sentence, all
/// borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub file: &'a str,
    pub figure: FigureRef<'a>,
    /// Its sentence before and after it (see [`context::Context`]).
    pub before: &'a str,
    pub after: &'a str,
    /// The period it refers to (see [`period_of`]).
    pub period: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// The entry of a [`Figure`] with its [`Context`](context::Context).
    pub fn of(file: &'a str, figure: &'a Figure, context: &'a context::Context) -> Entry<'a> {
        Entry::of_ref(file, FigureRef::of(figure), &context.before, &context.after)
    }

    /// The entry of a borrowed figure and its sentence around it.
    pub fn of_ref(file: &'a str, figure: FigureRef<'a>, before: &'a str, after: &'a str) -> Entry<'a> {
        Entry { file, figure, before, after, period: figure.period }
    }

    /// The whole trimmed sentence with the figure in its place.
    pub fn sentence(&self) -> String {
        [self.before, self.figure.text, self.after].concat()
    }
}

/// The period a figure refers to, as the engine found it (`None` where the text gives none).
pub fn period_of(f: &Figure) -> Option<&str> {
    f.period.as_deref()
}

/// A figure's number, for sums and comparisons: its value, or the middle of its range.
pub fn number_of(f: &Figure) -> Option<f64> {
    FigureRef::of(f).number()
}

#[cfg(test)]
pub(crate) mod fixture;
