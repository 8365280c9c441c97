//! A file's word counts, packed: the words one after another in one string, their tags and
//! counts in arrays beside it. As a `Tally` (a `String` per word) the words of a thousand
//! files took more of the page's heap than their figures: about 35 KB a file of 1,000
//! distinct words (20 bytes a word and a block of its own), packed about 15 KB.

use serde::{Deserialize, Serialize};
use shudu_core::workbench::words::{Counter, Tally};

/// The words of one file, counted, packed (see the module's comment).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WordStore {
    /// The words, one after another.
    arena: String,
    /// Where each word ends in `arena` (it starts where the one before ended).
    ends: Vec<u32>,
    tags: Vec<u8>,
    counts: Vec<u32>,
}

impl WordStore {
    /// The words of a tally, in its order.
    pub fn new(t: &Tally) -> WordStore {
        let mut s = WordStore {
            arena: String::with_capacity(t.words.iter().map(|(w, _, _)| w.len()).sum()),
            ends: Vec::with_capacity(t.words.len()),
            tags: Vec::with_capacity(t.words.len()),
            counts: Vec::with_capacity(t.words.len()),
        };
        for (w, tag, count) in &t.words {
            s.arena.push_str(w);
            s.ends.push(s.arena.len() as u32);
            s.tags.push(*tag);
            s.counts.push(*count);
        }
        s
    }

    /// Distinct words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each word with its tag id and count, in the tally's order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u8, u32)> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).zip(self.tags.iter().zip(&self.counts)).map(|((from, &to), (&tag, &count))| {
            (self.arena.get(from as usize..to as usize).unwrap_or_default(), tag, count)
        })
    }

    /// The tally again (a session's file keeps it so).
    pub fn tally(&self) -> Tally {
        Tally { words: self.iter().map(|(w, t, c)| (w.to_string(), t, c)).collect() }
    }

    /// Bytes it holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.ends.capacity() * 4 + self.tags.capacity() + self.counts.capacity() * 4
    }
}

/// A document's word counts: the editor text's tally, or a file's packed words.
#[derive(Clone, Copy)]
pub enum Tallied<'a> {
    Tally(&'a Tally),
    Store(&'a WordStore),
}

impl<'a> Tallied<'a> {
    pub fn len(self) -> usize {
        match self {
            Tallied::Tally(t) => t.words.len(),
            Tallied::Store(s) => s.len(),
        }
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Count its words in the word list's counter.
    pub fn add_to(self, counter: &mut Counter<'a>) {
        match self {
            Tallied::Tally(t) => counter.add(t),
            Tallied::Store(s) => s.iter().for_each(|(w, tag, count)| counter.add_word(w, tag, count)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Tally {
        let words = [("增长", 17, 3), ("GDP", 55, 1), ("", 0, 0), ("鸡西市", 19, 120_000), ("增长", 20, 2)];
        Tally { words: words.iter().map(|&(w, t, c)| (w.to_string(), t, c)).collect() }
    }

    #[test]
    fn a_tally_comes_back_exactly_in_its_order() {
        let t = sample();
        let s = WordStore::new(&t);
        assert_eq!(s.len(), 5);
        assert_eq!(s.tally(), t);
        assert_eq!(WordStore::new(&Tally::default()).tally(), Tally::default());
        let bytes = bincode::serialize(&s).unwrap();
        assert_eq!(bincode::deserialize::<WordStore>(&bytes).unwrap(), s);
    }

    #[test]
    fn packed_words_count_as_the_tally_does() {
        let t = sample();
        let s = WordStore::new(&t);
        let rows = |words: Tallied| {
            let mut c = Counter::default();
            words.add_to(&mut c);
            c.rows(None)
        };
        assert_eq!(rows(Tallied::Store(&s)), rows(Tallied::Tally(&t)));
        assert!(s.heap_bytes() < t.words.len() * size_of::<(String, u8, u32)>());
    }
}
