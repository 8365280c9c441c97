//! Words and their part-of-speech tags, from jieba-rs: in runs of lines, with
//! each tag name read once.

use super::Engine;
use crate::model::{Tag, Token};
use crate::pieces;

impl Engine {
    /// Words with part-of-speech tags and `char` offsets. Text in traditional
    /// characters is cut as its simplified copy (the dictionary is simplified):
    /// the copy keeps every offset, so the words are spans of `text` itself.
    pub fn tag(&self, text: &str) -> Vec<Token> {
        let simple = crate::simplified::text(text);
        let text = simple.as_deref().unwrap_or(text);
        let mut cache = TagCache::default();
        // About one word per five bytes of Chinese text; the vector grows if need be.
        let mut tokens = Vec::with_capacity(text.len() / 4);
        let (mut chars, mut bytes) = (0, 0);
        for chunk in pieces::split(text, CHUNK) {
            let words = self.jieba.tag(chunk, true);
            tokens.reserve(words.len());
            for t in &words {
                tokens.push(Token {
                    start: t.start + chars,
                    end: t.end + chars,
                    byte_start: t.byte_start + bytes,
                    byte_end: t.byte_end + bytes,
                    tag: cache.get(t.tag),
                });
            }
            chars += chunk.chars().count();
            bytes += chunk.len();
        }
        tokens
    }
}

/// Text handed to jieba at a time, in bytes, cut after a line end. jieba
/// gathers all the words of a call in a vector of its own before they are
/// turned into tokens: in calls this size that vector stays small and in the
/// cache, where one call for a long text grows it (copying it each time) to
/// tens of megabytes. Cutting after a `\n` changes no word: jieba cuts the
/// text into runs of Han and Latin characters, and a line end is in none; the
/// other characters are words of their own (`\r\n` is one, kept whole).
const CHUNK: usize = 16 * 1024;

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

    /// Inlined: it runs once per token, and nearly always returns at the first probe.
    #[inline]
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

#[cfg(all(test, feature = "embedded-dict"))]
mod tests {
    use super::*;

    #[test]
    fn tagging_in_runs_of_lines_gives_the_words_of_one_call() {
        let engine = Engine::new();
        // Lines short and long (over a run), blank, and ending in `\r\n`.
        let line = "2023年全市完成固定资产投资14.8亿元，同比增长7.5%，开复工率63%。WTO规则下的new energy项目\r\n";
        let long = "长江经济带绿色发展示范区建设".repeat(CHUNK / 30);
        let text = [line.repeat(CHUNK / line.len() * 3), "\n\n".into(), long, "\r\n尾".into()].concat();
        assert!(pieces::split(&text, CHUNK).len() >= 3);
        let one_call: Vec<Token> = engine
            .jieba
            .tag(&text, true)
            .into_iter()
            .map(|t| Token {
                start: t.start,
                end: t.end,
                byte_start: t.byte_start,
                byte_end: t.byte_end,
                tag: Tag::of(t.tag),
            })
            .collect();
        assert_eq!(engine.tag(&text), one_call);
    }
}
