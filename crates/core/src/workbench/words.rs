//! The word list: every word of the segmentation with its count and share, as a corpus
//! tool lists them, filterable by part of speech.

use crate::model::{Tag, Token};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Counts of (word, tag) over one or more texts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// (word, tag id, count), in no particular order.
    pub words: Vec<(String, u8, u32)>,
}

/// Whether a token is a word to count (not punctuation, space or a symbol).
fn counted(word: &str, tag: Tag) -> bool {
    tag != "x" && word.chars().any(|c| c.is_alphanumeric())
}

impl Tally {
    /// The words of one text from its tokens.
    pub fn of(text: &str, tokens: &[Token]) -> Tally {
        let mut counts: HashMap<(&str, u8), u32> = HashMap::new();
        for t in tokens {
            let w = t.word(text);
            if counted(w, t.tag) {
                *counts.entry((w, t.tag.0)).or_default() += 1;
            }
        }
        Tally { words: counts.into_iter().map(|((w, t), c)| (w.to_string(), t, c)).collect() }
    }

    /// Add another tally to this one.
    pub fn merge(&mut self, other: &Tally) {
        let mut at: HashMap<(String, u8), usize> =
            self.words.iter().enumerate().map(|(k, (w, t, _))| ((w.clone(), *t), k)).collect();
        for (w, t, c) in &other.words {
            match at.get(&(w.clone(), *t)) {
                Some(&k) => self.words[k].2 += c,
                None => {
                    at.insert((w.clone(), *t), self.words.len());
                    self.words.push((w.clone(), *t, *c));
                }
            }
        }
    }

    pub fn total(&self) -> u64 {
        self.words.iter().map(|w| w.2 as u64).sum()
    }
}

/// A row of the word list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub word: String,
    pub tag: Tag,
    pub count: u32,
    /// Its share of all counted words, 0–1.
    pub share: f64,
}

/// The word list of several tallies: most frequent first (then by word); only words whose
/// tag starts with `pos` when given (`n` nouns, `v` verbs, `a` adjectives, `m` numerals …).
pub fn list<'a>(tallies: impl IntoIterator<Item = &'a Tally>, pos: Option<char>) -> Vec<Row> {
    let mut counter = Counter::default();
    for t in tallies {
        counter.add(t);
    }
    counter.rows(pos)
}

/// [`list`] one tally at a time (the page adds a session's tallies over several tasks).
#[derive(Default)]
pub struct Counter<'a> {
    // One count per word over all tallies, in one pass (merging them one into another built
    // an index of the growing whole each time: 2 s for a thousand files).
    all: rustc_hash::FxHashMap<(&'a str, u8), u32>,
}

impl<'a> Counter<'a> {
    pub fn add(&mut self, t: &'a Tally) {
        for (w, tag, c) in &t.words {
            self.add_word(w, *tag, *c);
        }
    }

    /// One word (of tag id `tag`) counted `count` times: a tally kept otherwise than as a
    /// [`Tally`] (the page packs its files').
    pub fn add_word(&mut self, word: &'a str, tag: u8, count: u32) {
        *self.all.entry((word, tag)).or_default() += count;
    }

    /// The word list of the tallies added.
    pub fn rows(&self, pos: Option<char>) -> Vec<Row> {
        let total = self.all.values().map(|&c| c as u64).sum::<u64>().max(1) as f64;
        let mut rows: Vec<Row> = self
            .all
            .iter()
            .filter(|((_, tag), _)| pos.is_none_or(|p| Tag(*tag).starts_with(p)))
            .map(|(&(word, tag), &count)| Row {
                word: word.to_string(),
                tag: Tag(tag),
                count,
                share: count as f64 / total,
            })
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
        rows
    }
}

#[cfg(all(test, feature = "embedded-dict"))]
mod tests {
    use super::*;

    #[test]
    fn words_counted_from_the_segmentation() {
        let a = "全市生产总值增长，全市投资增长。";
        let b = "投资增长较快。";
        let ta = Tally::of(a, &crate::analyze(a).tokens);
        let tb = Tally::of(b, &crate::analyze(b).tokens);
        let rows = list([&ta, &tb], None);
        let count = |w: &str| rows.iter().filter(|r| r.word == w).map(|r| r.count).sum::<u32>();
        assert_eq!(count("增长"), 3);
        assert_eq!(count("投资"), 2);
        assert_eq!(count("，"), 0, "punctuation is not a word");
        assert!((rows.iter().map(|r| r.share).sum::<f64>() - 1.0).abs() < 1e-9);
        assert_eq!(rows[0].word, "增长");
        let verbs = list([&ta, &tb], Some('v'));
        assert!(!verbs.is_empty() && verbs.iter().all(|r| r.tag.starts_with('v')));
    }
}
