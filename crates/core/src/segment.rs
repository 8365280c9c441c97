//! Segmentation: a thin layer over jieba-rs.

use crate::model::Token;
use jieba_rs::Jieba;

/// The loaded dictionary; build once, reuse for every text.
pub struct Engine {
    jieba: Jieba,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    /// Load the dictionary bundled with jieba-rs.
    pub fn new() -> Self {
        Engine { jieba: Jieba::new() }
    }

    /// Words with part-of-speech tags and `char` offsets.
    pub fn tag(&self, text: &str) -> Vec<Token> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Token { word: t.word.to_string(), tag: t.tag.to_string(), start: t.start, end: t.end })
            .collect()
    }
}
