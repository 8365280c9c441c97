//! The serialisable results of an analysis: figures, tokens, keywords, statistics.

use serde::{Deserialize, Serialize};

/// What a figure measures (see `shared/spec/figures.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Money,
    Percent,
    Count,
    Quantity,
    Duration,
    Date,
    Rank,
}

impl Kind {
    pub const ALL: [Kind; 7] =
        [Kind::Money, Kind::Percent, Kind::Count, Kind::Quantity, Kind::Duration, Kind::Date, Kind::Rank];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Quantity => "quantity",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Rank => "rank",
        }
    }
}

/// A qualifier on an inexact figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Approx {
    Over,
    Under,
    About,
}

impl Approx {
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::About => "about",
        }
    }
}

/// The direction of a change phrase (`同比增长7.5%`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Up,
    Down,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Up => "up",
            Change::Down => "down",
        }
    }
}

/// A figure's value: a number, or ISO-8601 text for dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Value {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(_) => None,
        }
    }
}

/// One stated quantity, located in the analysed text by `char` offsets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: Option<Value>,
    pub unit: Option<String>,
    pub approx: Option<Approx>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub change: Option<Change>,
    pub label: Option<String>,
    pub subject: Option<String>,
}

/// A segmented word with its part-of-speech tag and `char` offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub word: String,
    pub tag: String,
    pub start: usize,
    pub end: usize,
}

/// A key word of the article with its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub word: String,
    pub weight: f64,
}

/// Counts over one analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub chars: usize,
    pub tokens: usize,
    pub figures: usize,
    /// Figures per kind, in `Kind::ALL` order.
    pub by_kind: Vec<(Kind, usize)>,
}

/// Everything the engine says about one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub figures: Vec<Figure>,
    pub keywords: Vec<Keyword>,
    pub stats: Stats,
}
