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

/// Tag names from jieba point into its own table (or are jieba's static
/// strings for guessed tags), so a tag is recognised by its address and
/// length after the first time: no string comparison per token. The few dozen
/// addresses are kept in an open-addressing table (a quarter full at most, so
/// a lookup takes one or two probes), where none evicts another.
struct TagCache {
    slots: [(*const u8, usize, Tag); TagCache::SLOTS],
}

impl Default for TagCache {
    fn default() -> Self {
        TagCache { slots: [(std::ptr::null(), 0, Tag::default()); TagCache::SLOTS] }
    }
}

impl TagCache {
    const SLOTS: usize = 256;
    /// Probes before giving up on the table (only if it were nearly full).
    const PROBES: usize = 16;

    fn get(&mut self, name: &str) -> Tag {
        let (ptr, len) = (name.as_ptr(), name.len());
        let hash = (ptr as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - Self::SLOTS.trailing_zeros());
        for k in 0..Self::PROBES {
            let slot = &mut self.slots[(hash as usize + k) % Self::SLOTS];
            if slot.0 == ptr && slot.1 == len {
                return slot.2;
            }
            if slot.0.is_null() {
                let tag = Tag::of(name);
                *slot = (ptr, len, tag);
                return tag;
            }
        }
        Tag::of(name)
    }
}
