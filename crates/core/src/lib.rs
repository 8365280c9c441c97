//! Shudu's engine: reads Chinese articles and finds every figure they state.
//!
//! Pure Rust with no web dependency; the web worker and the `shudu` command
//! both call [`analyze`] (or an [`Engine`] they keep) and never re-implement
//! any of it.

pub mod dict;
pub mod export;
pub mod figures;
pub mod keywords;
pub mod model;
pub mod numeral;
pub mod segment;
pub mod text;

pub use model::*;
pub use segment::Engine;

#[cfg(feature = "embedded-dict")]
use std::sync::LazyLock;

#[cfg(feature = "embedded-dict")]
static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::new);

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

impl Engine {
    /// Analyse one text: tokens, figures, key words, counts.
    pub fn analyze(&self, text: &str) -> Analysis {
        let text = text::clean(text);
        let tokens = self.tag(&text);
        let chars: Vec<char> = text.chars().collect();
        let figures = figures::extract_chars(&chars, &tokens);
        let keywords = keywords::top(&tokens, 12);
        let stats = Stats::of(chars.len(), &tokens, &figures);
        Analysis { tokens, figures, keywords, stats }
    }

    /// Only the figures of a text (tokens are still needed for labels and checks).
    pub fn figures(&self, text: &str) -> Vec<Figure> {
        let text = text::clean(text);
        let tokens = self.tag(&text);
        figures::extract(&text, &tokens)
    }
}

impl Stats {
    pub fn of(chars: usize, tokens: &[Token], figures: &[Figure]) -> Stats {
        let by_kind = Kind::ALL.iter().map(|k| (*k, figures.iter().filter(|f| f.kind == *k).count())).collect();
        Stats { chars, tokens: tokens.len(), figures: figures.len(), by_kind }
    }
}
pub mod decode;
mod html;
