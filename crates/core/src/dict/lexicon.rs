//! The dictionary unpacked: its words in sorted order, with their
//! frequencies and tags, before jieba's index is built. Unpacking takes a
//! fraction of the time that building the index takes; see
//! `crate::engine::load` for what is done with it.

use super::DictError;
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
    /// Number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub(crate) fn start(&self, i: usize) -> usize {
        if i == 0 { 0 } else { self.ends[i - 1] as usize }
    }

    pub(crate) fn word_bytes(&self, i: usize) -> &[u8] {
        &self.words[self.start(i)..self.ends[i] as usize]
    }

    pub(crate) fn word(&self, i: usize) -> Result<&str, DictError> {
        std::str::from_utf8(self.word_bytes(i)).map_err(|_| DictError::Format("words are not UTF-8"))
    }

    /// Word `i` (in byte order) with its frequency and tag.
    pub fn entry(&self, i: usize) -> Result<(&str, u32, &str), DictError> {
        Ok((self.word(i)?, self.freqs[i], &self.tags[self.tag_ids[i] as usize]))
    }

    pub(crate) fn add_to(&self, jieba: &mut Jieba, i: usize) -> Result<(), DictError> {
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
    fn words_out_of_order_are_refused() {
        let raw = |body: &str| format!("SHUDU-DICT 3\nn\n2 {}\n{body}BB\n!!\n", body.len());
        let wrong = Lexicon::from_packed(raw("0甲\n0乙\n").as_bytes()).err();
        assert_eq!(wrong, Some(DictError::Format("words are not in increasing order")));
        assert!(Lexicon::from_packed(raw("0甲\n0甲\n").as_bytes()).is_err(), "a repeated word");
        let lexicon = Lexicon::from_packed(raw("0甲\n1乙\n").as_bytes()).unwrap();
        assert_eq!((lexicon.word(0), lexicon.word(1), lexicon.total), (Ok("甲"), Ok("甲乙"), 2));
    }
}
