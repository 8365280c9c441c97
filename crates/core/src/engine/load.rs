//! Engines built from an unpacked dictionary ([`Lexicon`]), in two ways:
//!
//! - [`Lexicon::engine_for`] makes an engine for one text from only the
//!   dictionary words that occur in that text. It segments and tags that text
//!   exactly as the whole dictionary does (see below), so a worker can answer
//!   short texts while its full engine is still being built.
//! - [`Loading`] builds the full engine a slice of words at a time, so a worker
//!   can build it between requests instead of in one long task.
//!
//! Why a per-text engine gives the same words: jieba consults its dictionary
//! only for substrings of the text it segments (the words that start at each
//! character, and whether a run of characters is a word), plus the sum of all
//! frequencies, which scores every route. The per-text engine holds every
//! dictionary word that occurs in the text, with its own frequency and tag,
//! and one placeholder word, made of a character the text does not contain,
//! that carries the frequencies of all the others, so the sum is the same.

use crate::dict::{DictError, Lexicon};
use crate::engine::Engine;
use jieba_rs::Jieba;

impl Lexicon {
    /// An engine that segments and tags `text` exactly as the whole dictionary
    /// does, built from only the dictionary words that occur in it. Meant for
    /// short texts: finding the words costs about a microsecond per character.
    /// Fails on a damaged dictionary (a word found that is not UTF-8).
    pub fn engine_for(&self, text: &str) -> Result<Engine, DictError> {
        let mut jieba = Jieba::empty();
        let mut sum = 0u64;
        // The engine cuts traditional text as its simplified copy (see `Engine::tag`):
        // the words it will look up are those of the copy.
        let simple = crate::simplified::text(text);
        for i in self.words_in(simple.as_deref().unwrap_or(text)) {
            self.add_to(&mut jieba, i as usize)?;
            sum += u64::from(self.freqs[i as usize]);
        }
        let rest = self.total.saturating_sub(sum);
        if rest > 0 {
            // A word the text cannot contain keeps the sum of frequencies whole.
            // The private-use chars of the text, gathered once: searching the
            // text for each candidate would be quadratic in a text made of them.
            let plane = '\u{F0000}'..='\u{10FFFD}';
            let used: std::collections::HashSet<char> = text.chars().filter(|c| plane.contains(c)).collect();
            // A text of under 131,068 chars always leaves one unused; a longer
            // one made of all of them is analysed without the placeholder.
            if let Some(absent) = (0xF0000..=0x10FFFDu32).rev().filter_map(char::from_u32).find(|c| !used.contains(c)) {
                jieba.add_word(absent.encode_utf8(&mut [0; 4]), Some(rest as usize), Some("x"));
            }
        }
        Ok(Engine::from_jieba(jieba))
    }
}

/// The full engine, built from a [`Lexicon`] a slice of words at a time.
pub struct Loading {
    lexicon: Lexicon,
    jieba: Jieba,
    /// Indexes of the words in the order they are added: longest first. Sorted at
    /// the first step, not while the page waits for the worker to say it is ready.
    order: Vec<u32>,
    next: usize,
}

impl Loading {
    pub fn new(lexicon: Lexicon) -> Self {
        Loading { lexicon, jieba: Jieba::empty(), order: Vec::new(), next: 0 }
    }

    /// The dictionary, for [`Lexicon::engine_for`] meanwhile.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Add up to `n` more words; true once every word is in. Fails on a damaged
    /// dictionary (a word that is not UTF-8).
    pub fn step(&mut self, n: usize) -> Result<bool, DictError> {
        if self.order.len() != self.lexicon.len() {
            self.order = longest_first(&self.lexicon);
        }
        let end = self.next.saturating_add(n).min(self.order.len());
        for &i in &self.order[self.next..end] {
            self.lexicon.add_to(&mut self.jieba, i as usize)?;
        }
        self.next = end;
        Ok(self.next == self.order.len())
    }

    /// The full engine: the words not yet added go in now.
    pub fn finish(mut self) -> Result<Engine, DictError> {
        self.step(usize::MAX)?;
        Ok(Engine::from_jieba(self.jieba))
    }
}

/// Word indexes by byte length, longest first (a counting sort: a few milliseconds).
///
/// Which word goes in when changes nothing in the engine's results (a word's id
/// only indexes its frequency and tag), but it changes the engine's peak memory,
/// which a WebAssembly worker keeps for good. jieba's trie is a hash table of its
/// nodes that doubles as it fills, holding the old and the new table while it
/// moves; its per-word arrays double too. Long words make most of the nodes: added
/// first, they bring the last doubling of the table (8 to 16 MB) while the per-word
/// arrays are still small, and those arrays then grow into the room the old table
/// left. In order of bytes instead, both grow at about the same time, and the
/// worker's memory ends some 5 MB higher.
fn longest_first(lexicon: &Lexicon) -> Vec<u32> {
    let len = |i: usize| lexicon.ends[i] as usize - lexicon.start(i);
    let longest = (0..lexicon.len()).map(len).max().unwrap_or(0);
    // Where the words of each length start in the order: the longest at 0.
    let mut at = vec![0usize; longest + 1];
    for i in 0..lexicon.len() {
        at[len(i)] += 1;
    }
    let mut sum = 0;
    for slot in at.iter_mut().rev() {
        let n = *slot;
        *slot = sum;
        sum += n;
    }
    let mut order = vec![0u32; lexicon.len()];
    for i in 0..lexicon.len() {
        let slot = &mut at[len(i)];
        order[*slot] = i as u32;
        *slot += 1;
    }
    order
}

#[cfg(all(test, feature = "embedded-dict"))]
mod tests {
    use super::*;
    use crate::dict;

    #[test]
    fn words_go_in_longest_first_and_each_once() {
        let lexicon = Lexicon::from_packed(dict::EMBEDDED).unwrap();
        let order = longest_first(&lexicon);
        let len = |i: u32| lexicon.word_bytes(i as usize).len();
        assert!(order.windows(2).all(|w| len(w[0]) >= len(w[1])), "not longest first");
        let mut seen = vec![false; lexicon.len()];
        order.iter().for_each(|&i| seen[i as usize] = true);
        assert!(order.len() == lexicon.len() && seen.iter().all(|&s| s), "not every word exactly once");
    }

    #[test]
    fn the_order_words_go_in_changes_no_result() {
        // The engine as built (longest words first) against one with its words in byte order.
        let lexicon = Lexicon::from_packed(dict::EMBEDDED).unwrap();
        let mut jieba = Jieba::empty();
        (0..lexicon.len()).for_each(|i| lexicon.add_to(&mut jieba, i).unwrap());
        let in_byte_order = Engine::from_jieba(jieba);
        let built = Engine::from_lexicon(lexicon).unwrap();
        // The sample articles (`NNN_hash.txt`; the other files there are in other encodings).
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/decode");
        let mut texts = 0;
        for file in std::fs::read_dir(samples).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.contains('_') && name.ends_with(".txt")) {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            assert!(built.analyze(&text) == in_byte_order.analyze(&text), "{text:.40}…");
            texts += 1;
        }
        assert!(texts >= 3, "the sample articles are missing");
    }

    #[test]
    fn a_text_full_of_private_use_chars_still_gets_its_placeholder() {
        // The top 20,000 private-use chars, where the placeholder is looked for first.
        let mut text: String = (0..20_000u32).filter_map(|k| char::from_u32(0x10FFFD - k)).collect();
        text.push_str("完成投资3亿元。");
        let lexicon = Lexicon::from_packed(dict::EMBEDDED).unwrap();
        let small = lexicon.engine_for(&text).unwrap();
        let whole = Engine::from_lexicon(lexicon).unwrap();
        assert!(small.analyze(&text) == whole.analyze(&text));
    }
}
