//! Shudu's engine: reads Chinese articles and finds every figure they state.
//!
//! Pure Rust with no web dependency; the web worker and the `shudu` command
//! both call [`analyze`] (or an [`Engine`] they keep) and never re-implement
//! any of it.
//!
//! A text goes through these stages, each a module:
//!
//! 1. [`decode`]: a file's bytes to clean text (file kind, encoding, HTML
//!    reduced to its article, `.docx`), with [`zip`] the one ZIP reader;
//! 2. [`dict`] and [`engine`]: the jieba dictionary, and the [`Engine`] built
//!    from it, which tags words and runs the stages below on a text — cut
//!    into [`pieces`] when long;
//! 3. [`figures`] (with [`numeral`], numbers written in Arabic or Chinese
//!    digits; [`number`] reads a whole input as one number): every figure, with its kind, value, unit, label and subject;
//! 4. [`keywords`]: the text's key words;
//! 5. [`export`]: figures as JSON, CSV and (feature `xlsx`) Excel rows;
//! 6. [`workbench`]: what is done with the figures of many texts (sentences, search,
//!    summary, conflicts, concordance, word list).
//!
//! [`model`] holds the types they share.
//!
//! # Examples
//!
//! The whole analysis of one text with the built-in dictionary (feature
//! `embedded-dict`, on by default):
//!
//! ```
//! use shudu_core::{Kind, Value};
//!
//! let a = shudu_core::analyze("鸡西市完成投资14.8亿元，同比增长7.5%。");
//! let money = &a.figures[0];
//! assert_eq!((money.text.as_str(), money.kind), ("14.8亿元", Kind::Money));
//! assert_eq!(money.value, Some(Value::Number(1_480_000_000.0)));
//! assert_eq!(money.unit.as_deref(), Some("元"));
//! assert_eq!(a.figures[1].kind, Kind::Percent);
//! assert!(a.tokens.len() > 5 && a.stats.figures == 2);
//! ```
//!
//! A file's bytes to text, whatever its encoding or kind:
//!
//! ```
//! let gbk = [0xCD, 0xB6, 0xD7, 0xCA, 0x33, 0xD2, 0xDA, 0xD4, 0xAA]; // 投资3亿元 in GBK
//! let d = shudu_core::decode::decode(&gbk, "a.txt", 1 << 20).unwrap();
//! assert_eq!((d.text.as_str(), d.encoding.as_str()), ("投资3亿元", "GB18030"));
//! ```
//!
//! Figures as the JSON of the output contract (`docs/output.md`):
//!
//! ```
//! let figures = shudu_core::engine().figures("全县共有职工200余人。");
//! let json = shudu_core::export::figures_json(&figures);
//! assert_eq!(json["figures"][0]["value"], 200);
//! assert_eq!(json["figures"][0]["approx"], "over");
//! ```
//!
//! A number written in Chinese numerals:
//!
//! ```
//! assert_eq!(shudu_core::numeral::parse_number("四亿五千六百四十二万零一十五"), Some(456_420_015.0));
//! ```
//!
//! A long text cut where no figure can span the cut, analysed a piece at a
//! time, gives the figures of the whole:
//!
//! ```
//! let text = "投资3亿元。\n".repeat(1000);
//! let pieces = shudu_core::pieces::split(&text, 1000);
//! assert!(pieces.len() > 1 && pieces.concat() == text);
//! let one = shudu_core::engine().figures(pieces[1]);
//! assert_eq!(one[0].text, "3亿元");
//! ```

pub mod decode;
pub mod dict;
pub mod engine;
pub mod export;
mod fasthash;
pub mod figures;
pub mod keywords;
pub mod model;
pub mod number;
pub mod numeral;
pub mod pieces;
pub mod simplified;
pub mod workbench;
pub mod zip;

pub use engine::{Engine, PIECE};
pub use model::*;

/// The unpacked dictionary and the engine built from it a slice at a time, by
/// the names the web worker uses.
pub mod lexicon {
    pub use crate::dict::Lexicon;
    pub use crate::engine::Loading;
}

#[cfg(feature = "xlsx")]
pub use export::xlsx;

#[cfg(feature = "embedded-dict")]
static ENGINE: std::sync::LazyLock<Engine> = std::sync::LazyLock::new(Engine::new);

/// The shared engine with the built-in dictionary, loaded on first use.
#[cfg(feature = "embedded-dict")]
pub fn engine() -> &'static Engine {
    &ENGINE
}

/// Analyse one text with the shared engine: tokens, figures, key words, counts.
#[cfg(feature = "embedded-dict")]
pub fn analyze(text: &str) -> Analysis {
    engine().analyze(text)
}
