//! Segmentation: a thin layer over jieba-rs.

use crate::dict::{self, DictError};
use crate::model::Token;
use jieba_rs::Jieba;

/// The loaded dictionary; build once, reuse for every text.
pub struct Engine {
    jieba: Jieba,
}

#[cfg(feature = "embedded-dict")]
impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    /// Load the dictionary built into the binary.
    #[cfg(feature = "embedded-dict")]
    pub fn new() -> Self {
        Self::from_packed(dict::EMBEDDED).expect("the built-in dictionary is valid")
    }

    /// Load a packed dictionary (`data/jieba.dict`), e.g. one fetched by the web worker.
    pub fn from_packed(packed: &[u8]) -> Result<Self, DictError> {
        let text = dict::unpack(packed)?;
        let jieba = Jieba::with_dict(&mut text.as_bytes()).map_err(|_| DictError::Format("entries"))?;
        Ok(Engine { jieba })
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
