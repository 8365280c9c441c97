//! Joining the reports of a long text's pieces.

use super::Report;
use std::collections::HashMap;

/// Joins the reports of the consecutive pieces of one text as they come back:
/// a piece is appended (its offsets shifted) as soon as every piece before it
/// is in, and dropped. The page's memory never shrinks, so it must never hold
/// all the pieces and their join at once (for 10 MB of text that is tens of MB).
/// Nor does it keep a long text's words (for 10 MB, 2 million token ends and tags,
/// 10 MB): the join has figures, key words and counts, and the article view has a
/// stretch of the text around a figure analysed when it shows it.
pub struct Merger {
    /// Pieces back before their turn, by index.
    waiting: Vec<Option<Report>>,
    next: usize,
    /// Pieces back.
    back: usize,
    out: Report,
    /// Chars of the pieces joined so far.
    offset: usize,
    /// UTF-16 length of the whole text, to size the joined arrays from the first piece.
    text_units: usize,
    /// Key-word counts summed over the pieces, and content words.
    keyword_counts: HashMap<String, usize>,
    content_words: usize,
    by_kind: Vec<(shudu_core::Kind, usize)>,
}

impl Merger {
    pub fn new(pieces: usize, text_units: usize) -> Merger {
        Merger {
            waiting: (0..pieces).map(|_| None).collect(),
            next: 0,
            back: 0,
            out: Report::default(),
            offset: 0,
            text_units,
            keyword_counts: HashMap::new(),
            content_words: 0,
            by_kind: shudu_core::Kind::ALL.iter().map(|k| (*k, 0)).collect(),
        }
    }

    /// Piece `k` is back.
    pub fn add(&mut self, k: usize, report: Report) {
        if let Some(slot) = self.waiting.get_mut(k)
            && k >= self.next
            && slot.is_none()
        {
            *slot = Some(report);
            self.back += 1;
        }
        while let Some(part) = self.waiting.get_mut(self.next).and_then(Option::take) {
            if self.next == 0 {
                self.reserve_like(&part);
            }
            self.append(part);
            self.next += 1;
        }
    }

    /// Pieces back so far.
    pub fn back(&self) -> usize {
        self.back
    }

    /// Every piece is in.
    pub fn done(&self) -> bool {
        self.next == self.waiting.len()
    }

    /// Size the joined figures once, from the first piece's figures per char (with a
    /// margin), so they do not double (and leave the doubled size) as they grow.
    fn reserve_like(&mut self, first: &Report) {
        let per_char = first.figures.len() as f64 / first.stats.chars.max(1) as f64;
        self.out.figures.reserve_exact((per_char * self.text_units as f64 * 1.1) as usize + 16);
    }

    fn append(&mut self, part: Report) {
        let offset = self.offset;
        let out = &mut self.out;
        out.figures.extend(part.figures.into_iter().map(|mut f| {
            f.start += offset;
            f.end += offset;
            f
        }));
        out.contexts.extend(part.contexts);
        out.words.merge(&part.words);
        for (word, n) in part.keyword_counts {
            *self.keyword_counts.entry(word).or_default() += n;
        }
        self.content_words += part.content_words;
        for (kind, n) in part.stats.by_kind {
            if let Some(slot) = self.by_kind.iter_mut().find(|(k, _)| *k == kind) {
                slot.1 += n;
            }
        }
        out.stats.chars += part.stats.chars;
        out.stats.tokens += part.stats.tokens;
        out.stats.figures += part.stats.figures;
        // Worker time, summed over the pieces.
        out.elapsed_ms += part.elapsed_ms;
        out.early |= part.early;
        self.offset += part.stats.chars;
    }

    /// The joined report (call once [`Merger::done`]).
    pub fn finish(mut self) -> Report {
        // Ranked and weighed as the engine ranks one text's counts.
        let counts: Vec<(String, usize)> = self.keyword_counts.into_iter().collect();
        self.out.keywords = shudu_core::keywords::rank(&counts, self.content_words, 12);
        self.out.stats.by_kind = self.by_kind;
        self.out.figures.shrink_to_fit();
        self.out
    }
}
