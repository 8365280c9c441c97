//! Key words of an article: frequent content words, weighted by how rare
//! they are in general text (TF times a dictionary-frequency IDF proxy is
//! left for later; here TF over nouns, verbs and names, longer words first
//! on ties).

use crate::fasthash::FxHashMap;
use crate::model::{Keyword, TAGS, Token};
use std::cmp::Ordering;
use std::sync::LazyLock;

const STOP: &[&str] = &[
    "我们", "他们", "进行", "工作", "开展", "目前", "同时", "相关", "实现", "加强", "推进", "全面", "确保", "没有",
    "已经", "一个", "这个", "通过", "表示", "记者", "今年", "问题", "情况", "方面", "部分", "其中", "以及", "有关",
    "主要",
];

/// Tags of the words that can be key words: nouns, names, verbal nouns, set phrases, Latin words.
const CONTENT_TAGS: &[&str] = &["n", "nr", "ns", "nt", "nz", "vn", "l", "j", "i", "eng"];

/// [`CONTENT_TAGS`] by tag index, so each token's tag is one table lookup.
static IS_CONTENT_TAG: LazyLock<[bool; TAGS.len()]> = LazyLock::new(|| TAGS.map(|t| CONTENT_TAGS.contains(&t)));

/// The `n` heaviest key words.
pub fn top(text: &str, tokens: &[Token], n: usize) -> Vec<Keyword> {
    let mut counts = Counts::default();
    counts.add(text, tokens);
    counts.top(n)
}

/// How often each content word occurs. Pieces of a long text can be counted
/// apart (on their own threads) and the counts merged: the key words are the
/// same as counting the whole text at once.
#[derive(Default)]
pub struct Counts<'a> {
    words: FxHashMap<&'a str, usize>,
}

impl<'a> Counts<'a> {
    /// Count the content words among `tokens`, cut from `text`. Stop words are
    /// counted too and dropped in [`Counts::top`]: once per word, not per token.
    pub fn add(&mut self, text: &'a str, tokens: &[Token]) {
        let is_content_tag = &*IS_CONTENT_TAG;
        for t in tokens {
            if t.end - t.start >= 2 && is_content_tag.get(t.tag.0 as usize).copied().unwrap_or(false) {
                *self.words.entry(t.word(text)).or_default() += 1;
            }
        }
    }

    /// Add another stretch's counts to these.
    pub fn merge(&mut self, mut other: Counts<'a>) {
        if other.words.len() > self.words.len() {
            std::mem::swap(self, &mut other);
        }
        for (word, n) in other.words {
            *self.words.entry(word).or_default() += n;
        }
    }

    /// The `n` heaviest key words: most frequent first, then longer, then in
    /// code-point order; weights are shares of all content words counted.
    pub fn top(self, n: usize) -> Vec<Keyword> {
        let (words, content) = self.ranked(n);
        weigh(words, content)
    }

    /// The `n` most frequent words with their counts, heaviest first, and the
    /// number of content words counted (stop words left out of both). For a
    /// text analysed in pieces elsewhere (the browser's workers): the pieces'
    /// lists are summed and ranked again with [`rank`].
    pub fn ranked(mut self, n: usize) -> (Vec<(&'a str, usize)>, usize) {
        for stop in STOP {
            self.words.remove(stop);
        }
        let content: usize = self.words.values().sum();
        let mut words: Vec<(&str, usize)> = self.words.into_iter().collect();
        // The order is total (words are distinct), so selecting the first `n`
        // and sorting only those gives the same list as sorting them all.
        if words.len() > n && n > 0 {
            words.select_nth_unstable_by(n - 1, heavier_first);
            words.truncate(n);
        }
        words.sort_unstable_by(heavier_first);
        words.truncate(n);
        (words, content)
    }
}

/// Key words from summed counts (see [`Counts::ranked`]): the `n` heaviest,
/// ranked and weighed as [`Counts::top`] does.
pub fn rank(counts: &[(String, usize)], content: usize, n: usize) -> Vec<Keyword> {
    let mut words: Vec<(&str, usize)> = counts.iter().map(|(w, c)| (w.as_str(), *c)).collect();
    words.sort_unstable_by(heavier_first);
    words.truncate(n);
    weigh(words, content)
}

fn weigh(words: Vec<(&str, usize)>, content: usize) -> Vec<Keyword> {
    words.into_iter().map(|(w, c)| Keyword { word: w.to_string(), weight: c as f64 / content.max(1) as f64 }).collect()
}

fn heavier_first(a: &(&str, usize), b: &(&str, usize)) -> Ordering {
    b.1.cmp(&a.1).then(b.0.chars().count().cmp(&a.0.chars().count())).then(a.0.cmp(b.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tag;

    /// A text of `words` and their tokens, all tagged `tag`.
    fn tokens_of(words: &[(&str, &str)]) -> (String, Vec<Token>) {
        let (mut text, mut tokens, mut chars) = (String::new(), Vec::new(), 0);
        for (word, tag) in words {
            let n = word.chars().count();
            let byte_start = text.len();
            text.push_str(word);
            tokens.push(Token { start: chars, end: chars + n, byte_start, byte_end: text.len(), tag: Tag::of(tag) });
            chars += n;
        }
        (text, tokens)
    }

    #[test]
    fn counts_merged_from_stretches_rank_as_one_count() {
        let words = [
            ("经济", "n"),
            ("发展", "vn"),
            ("我们", "r"),
            ("经济", "n"),
            ("工作", "vn"),
            ("城市", "n"),
            ("发展", "vn"),
            ("经济", "n"),
            ("的", "uj"),
            ("城", "n"),
        ];
        let (text, tokens) = tokens_of(&words);
        let whole = top(&text, &tokens, 12);
        let (first, second) = tokens.split_at(4);
        let mut counts = Counts::default();
        counts.add(&text, first);
        let mut rest = Counts::default();
        rest.add(&text, second);
        counts.merge(rest);
        assert_eq!(counts.top(12), whole);
        // Stop words (工作) and single characters (城) are not counted.
        let ranked: Vec<(&str, f64)> = whole.iter().map(|k| (k.word.as_str(), k.weight)).collect();
        assert_eq!(ranked, [("经济", 0.5), ("发展", 2.0 / 6.0), ("城市", 1.0 / 6.0)]);
        assert_eq!(top(&text, &tokens, 2).len(), 2);
    }
}
