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
    /// The time the figure refers to, as ISO text (`2022-01/2022-10`, `2022-H1`), where the text gives one.
    #[serde(default)]
    pub period: Option<String>,
}

impl Figure {
    /// A figure of `kind` written `text` at char offset `start`, with nothing
    /// else known about it (no value, unit, qualifier, label or period): what a
    /// caller that builds figures by hand, a test most often, starts from.
    pub fn plain(kind: Kind, text: &str, start: usize) -> Figure {
        Figure {
            text: text.into(),
            start,
            end: start + text.chars().count(),
            kind,
            value: None,
            unit: None,
            approx: None,
            low: None,
            high: None,
            change: None,
            label: None,
            subject: None,
            period: None,
        }
    }
}

/// Part-of-speech tags of the jieba dictionary, plus `eng` for Latin words.
pub const TAGS: [&str; 57] = [
    "x", "n", "nz", "m", "i", "l", "d", "s", "t", "mq", "nr", "j", "a", "r", "b", "f", "nrt", "v", "z", "ns", "q",
    "vn", "c", "nt", "u", "o", "zg", "nrfg", "df", "p", "g", "y", "ad", "vg", "ng", "ul", "k", "ag", "dg", "rr", "rg",
    "an", "vq", "e", "uv", "tg", "mg", "ud", "vi", "vd", "uj", "uz", "h", "ug", "rz", "eng", "",
];

/// A part-of-speech tag, as an index into [`TAGS`] (one byte per token).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Tag(pub u8);

impl Tag {
    /// The tag for a tag name; unknown names are `x`.
    pub fn of(name: &str) -> Tag {
        Tag(TAGS.iter().position(|t| *t == name).unwrap_or(0) as u8)
    }

    pub fn as_str(self) -> &'static str {
        TAGS.get(self.0 as usize).copied().unwrap_or("x")
    }

    pub fn starts_with(self, c: char) -> bool {
        self.as_str().starts_with(c)
    }
}

impl PartialEq<&str> for Tag {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A segmented word: its place in the text (in `char`s and bytes) and its tag.
/// The word itself is a slice of the text ([`Token::word`]), not a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub tag: Tag,
}

impl Token {
    /// The word, from the text the token was cut from.
    pub fn word<'a>(&self, text: &'a str) -> &'a str {
        &text[self.byte_start..self.byte_end]
    }
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

impl Stats {
    /// The counts of a text of `chars` chars with these tokens and figures.
    pub fn of(chars: usize, tokens: &[Token], figures: &[Figure]) -> Stats {
        let by_kind = Kind::ALL.iter().map(|k| (*k, figures.iter().filter(|f| f.kind == *k).count())).collect();
        Stats { chars, tokens: tokens.len(), figures: figures.len(), by_kind }
    }
}
