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
//!    digits): every figure, with its kind, value, unit, label and subject;
//! 4. [`keywords`]: the text's key words;
//! 5. [`export`]: figures as JSON, CSV and (feature `xlsx`) Excel rows;
//! 6. [`workbench`]: what is done with the figures of many texts (sentences, search,
//!    summary, conflicts, concordance, word list).
//!
//! [`model`] holds the types they share.

pub mod decode;
pub mod dict;
pub mod engine;
pub mod export;
mod fasthash;
pub mod figures;
pub mod keywords;
pub mod model;
pub mod numeral;
pub mod pieces;
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
