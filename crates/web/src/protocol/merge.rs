//! Joining the reports of a long text's pieces: the engine's own join
//! ([`shudu_core::pieces::Join`]), plus what only the page reports (time, early
//! engine) and a size guess for the joined figures.

use super::Report;
use shudu_core::pieces::{Append, Join, PieceResult};
use shudu_core::workbench::{context::Context, words::Tally};

/// What the page joins beside the engine's join: each figure's sentence (one
/// per figure, in order) and the words counted for the word list.
#[derive(Default)]
struct Extra {
    contexts: Vec<Context>,
    words: Tally,
}

impl Append for Extra {
    fn append(&mut self, next: Extra) {
        self.contexts.extend(next.contexts);
        self.words.merge(&next.words);
    }
}

/// Joins the reports of the consecutive pieces of one text as they come back.
/// The page's memory never shrinks, so it must never hold all the pieces and
/// their join at once (for 10 MB of text that is tens of MB), nor a long text's
/// words (10 MB has 2 million tokens): the join has figures, key words and
/// counts, and the article view analyses a stretch around a figure when it
/// shows it.
pub struct Merger {
    join: Join<Extra>,
    /// UTF-16 length of the whole text, to size the joined figures from the first piece.
    text_units: usize,
    elapsed_ms: f64,
    early: bool,
    /// The period the text's title gives, read from its first piece.
    title: Option<shudu_core::figures::TitlePeriod>,
}

impl Merger {
    pub fn new(pieces: usize, text_units: usize) -> Merger {
        Merger { join: Join::new(pieces), text_units, elapsed_ms: 0.0, early: false, title: None }
    }

    /// Piece `k` is back.
    pub fn add(&mut self, k: usize, report: Report) {
        if k == 0 && self.join.back() == 0 {
            // Sized once, from the first piece's figures per char (with a margin), so
            // the list does not double (and keep the doubled size) as it grows.
            let per_char = report.figures.len() as f64 / report.stats.chars.max(1) as f64;
            self.join.reserve((per_char * self.text_units as f64 * 1.1) as usize + 16);
        }
        if k == 0 {
            self.title = report.title.clone();
        }
        let before = self.join.back();
        let (elapsed_ms, early) = (report.elapsed_ms, report.early);
        self.join.add(
            k,
            PieceResult {
                figures: report.figures,
                stats: report.stats,
                keyword_counts: report.keyword_counts,
                content_words: report.content_words,
                extra: Extra { contexts: report.contexts, words: report.words },
            },
        );
        if self.join.back() > before {
            // Worker time, summed over the pieces.
            self.elapsed_ms += elapsed_ms;
            self.early |= early;
        }
    }

    /// Pieces back so far.
    pub fn back(&self) -> usize {
        self.join.back()
    }

    /// Every piece is in.
    pub fn done(&self) -> bool {
        self.join.done()
    }

    /// The joined report (call once [`Merger::done`]).
    pub fn finish(self) -> Report {
        let mut joined = self.join.finish();
        if let Some(title) = &self.title {
            title.apply(&mut joined.figures);
        }
        Report {
            figures: joined.figures,
            contexts: joined.extra.contexts,
            words: joined.extra.words,
            keywords: joined.keywords,
            stats: joined.stats,
            elapsed_ms: self.elapsed_ms,
            early: self.early,
            ..Report::default()
        }
    }
}
