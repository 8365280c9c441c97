//! What an analyst does with the figures once they are found, over every text of a session:
//! each figure's sentence ([`context`]), a search over everything a row says ([`search`]),
//! totals per metric ([`summary`]), figures that contradict each other ([`conflicts`]), a
//! keyword-in-context concordance ([`concordance`]), word frequencies from the segmentation
//! ([`words`]), and the order of periods ([`period`]).
//!
//! Pure Rust over plain slices: the page and native code call the same functions.

pub mod concordance;
pub mod conflicts;
pub mod context;
pub mod period;
pub mod search;
pub mod summary;
pub mod words;

use crate::model::Figure;

/// One figure of a session, with the file it came from and its trimmed sentence.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub file: &'a str,
    pub figure: &'a Figure,
    pub context: &'a context::Context,
    /// The period it refers to (see [`period_of`]).
    pub period: Option<&'a str>,
}

/// The period a figure refers to, as the engine found it (`None` where the text gives none).
pub fn period_of(f: &Figure) -> Option<&str> {
    f.period.as_deref()
}

/// A figure's number, for sums and comparisons: its value, or the middle of its range.
pub fn number_of(f: &Figure) -> Option<f64> {
    match (&f.value, f.low, f.high) {
        (Some(crate::model::Value::Number(n)), _, _) => Some(*n),
        (None, Some(lo), Some(hi)) => Some((lo + hi) / 2.0),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod fixture;
