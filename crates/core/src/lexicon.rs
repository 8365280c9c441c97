//! The dictionary before jieba's index is built: its words in sorted order,
//! with their frequencies and tags. Unpacking it takes a fraction of the time
//! that building jieba's index takes, and two things can be done with it:
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

use crate::dict::{DictError, Unpacking};
use crate::segment::Engine;
use jieba_rs::Jieba;

/// A packed dictionary, unpacked into sorted columns (by [`Unpacking`]).
#[derive(PartialEq, Eq, Debug)]
pub struct Lexicon {
    /// All words, one after another. Each is checked as UTF-8 when it is used
    /// (`word`), not all of them while the page waits for the engine.
    pub(crate) words: Vec<u8>,
    /// Where each word ends in `words`; it starts where the previous one ends.
    pub(crate) ends: Vec<u32>,
    pub(crate) freqs: Vec<u32>,
    pub(crate) tag_ids: Vec<u8>,
    pub(crate) tags: Vec<String>,
    /// Sum of all frequencies.
    pub(crate) total: u64,
}

impl Lexicon {
    /// Unpack a whole packed dictionary (`data/jieba-dict.txt`); see
    /// [`Unpacking`] to unpack one as it arrives. Its words must be in strictly
    /// increasing byte order, as `scripts/pack-dict.mjs` writes them.
    pub fn from_packed(packed: &[u8]) -> Result<Self, DictError> {
        let mut unpacking = Unpacking::new();
        unpacking.feed(packed)?;
        unpacking.finish()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn start(&self, i: usize) -> usize {
        if i == 0 { 0 } else { self.ends[i - 1] as usize }
    }

    fn word_bytes(&self, i: usize) -> &[u8] {
        &self.words[self.start(i)..self.ends[i] as usize]
    }

    fn word(&self, i: usize) -> Result<&str, DictError> {
        std::str::from_utf8(self.word_bytes(i)).map_err(|_| DictError::Format("words are not UTF-8"))
    }

    /// Word `i` (in byte order) with its frequency and tag.
    pub fn entry(&self, i: usize) -> Result<(&str, u32, &str), DictError> {
        Ok((self.word(i)?, self.freqs[i], &self.tags[self.tag_ids[i] as usize]))
    }

    fn add_to(&self, jieba: &mut Jieba, i: usize) -> Result<(), DictError> {
        let (word, freq, tag) = self.entry(i)?;
        jieba.add_word(word, Some(freq as usize), Some(tag));
        Ok(())
    }

    /// First index in `lo..hi` whose word fails `keep` (which holds for a prefix of the range).
    fn partition(&self, mut lo: usize, mut hi: usize, keep: impl Fn(&[u8]) -> bool) -> usize {
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if keep(self.word_bytes(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Indexes of the dictionary words that occur in `text`, in increasing order.
    ///
    /// From every character, the range of words that start with the text from
    /// there is narrowed one character at a time by binary search, until no
    /// word is left; a range whose first word is the prefix itself has found a word.
    pub fn words_in(&self, text: &str) -> Vec<u32> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for (from, _) in text.char_indices() {
            let (mut lo, mut hi) = (0, self.len());
            for (offset, ch) in text[from..].char_indices() {
                let prefix = &bytes[from..from + offset + ch.len_utf8()];
                // Words in lo..hi all start with the prefix minus its last char; those that
                // start with the whole prefix follow those that sort before it.
                lo = self.partition(lo, hi, |w| w < prefix);
                hi = self.partition(lo, hi, |w| w.starts_with(prefix));
                if lo == hi {
                    break;
                }
                if self.word_bytes(lo).len() == prefix.len() {
                    found.push(lo as u32);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// An engine that segments and tags `text` exactly as the whole dictionary
    /// does, built from only the dictionary words that occur in it. Meant for
    /// short texts: finding the words costs about a microsecond per character.
    /// Fails on a damaged dictionary (a word found that is not UTF-8).
    pub fn engine_for(&self, text: &str) -> Result<Engine, DictError> {
        let mut jieba = Jieba::empty();
        let mut sum = 0u64;
        for i in self.words_in(text) {
            self.add_to(&mut jieba, i as usize)?;
            sum += u64::from(self.freqs[i as usize]);
        }
        let rest = self.total - sum;
        if rest > 0 {
            // A word the text cannot contain keeps the sum of frequencies whole.
            let absent = (0xF0000..=0x10FFFDu32).rev().filter_map(char::from_u32).find(|c| !text.contains(*c));
            let absent = absent.expect("a text of under a million chars leaves a private-use char unused");
            jieba.add_word(absent.encode_utf8(&mut [0; 4]), Some(rest as usize), Some("x"));
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
    fn finds_every_dictionary_word_in_a_text_and_only_those() {
        let lexicon = Lexicon::from_packed(dict::EMBEDDED).unwrap();
        let text = "全市完成投资14.8亿元，AT&T和中国人民银行。";
        let found: Vec<&str> = lexicon.words_in(text).into_iter().map(|i| lexicon.word(i as usize).unwrap()).collect();
        for w in ["全市", "完成", "投资", "亿元", "中国", "中国人民银行", "人民", "银行"] {
            assert!(found.contains(&w), "{w} not found in {found:?}");
        }
        assert!(found.iter().all(|w| text.contains(w)));
        // Every dictionary word that is a substring of the text, checked the slow way.
        let all = (0..lexicon.len()).filter(|&i| text.contains(lexicon.word(i).unwrap())).count();
        assert_eq!(found.len(), all);
    }

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
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/samples");
        let mut texts = 0;
        for file in std::fs::read_dir(samples).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            assert!(built.analyze(&text) == in_byte_order.analyze(&text), "{text:.40}…");
            texts += 1;
        }
        assert!(texts >= 3, "the sample articles are missing");
    }

    #[test]
    fn words_out_of_order_are_refused() {
        let raw = |body: &str| format!("SHUDU-DICT 3\nn\n2 {}\n{body}BB\n!!\n", body.len());
        let wrong = Lexicon::from_packed(raw("0甲\n0乙\n").as_bytes()).err();
        assert_eq!(wrong, Some(DictError::Format("words are not in increasing order")));
        assert!(Lexicon::from_packed(raw("0甲\n0甲\n").as_bytes()).is_err(), "a repeated word");
        let lexicon = Lexicon::from_packed(raw("0甲\n1乙\n").as_bytes()).unwrap();
        assert_eq!((lexicon.word(0), lexicon.word(1), lexicon.total), (Ok("甲"), Ok("甲乙"), 2));
    }
}
