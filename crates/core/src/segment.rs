//! Segmentation: a thin layer over jieba-rs.

use crate::dict::{self, DictError};
use crate::model::{Tag, Token};
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
        let mut jieba = Jieba::empty();
        dict::for_each_entry(packed, |word, freq, tag| {
            jieba.add_word(word, Some(freq as usize), Some(tag));
        })?;
        Ok(Engine { jieba })
    }

    /// Words with part-of-speech tags and `char` offsets.
    pub fn tag(&self, text: &str) -> Vec<Token> {
        let mut cache = TagCache::default();
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Token {
                start: t.start,
                end: t.end,
                byte_start: t.byte_start,
                byte_end: t.byte_end,
                tag: cache.get(t.tag),
            })
            .collect()
    }
}

/// Tag names from jieba point into its own table, so a tag is recognised by
/// its address after the first time: no string comparison per token.
struct TagCache {
    slots: [(usize, Tag); 64],
}

impl Default for TagCache {
    fn default() -> Self {
        TagCache { slots: [(0, Tag::default()); 64] }
    }
}

impl TagCache {
    fn get(&mut self, name: &str) -> Tag {
        let key = name.as_ptr() as usize ^ name.len();
        let slot = &mut self.slots[(key >> 3) % 64];
        if slot.0 == key && key != 0 {
            return slot.1;
        }
        let tag = Tag::of(name);
        *slot = (key, tag);
        tag
    }
}
