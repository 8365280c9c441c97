//! What passes between the page and the analysis workers. Results cross the boundary
//! whole and compact: token boundaries and tag ids as flat arrays, never one message or
//! string per token. The messages themselves, one enum each way, are encoded and read in
//! [`message`] alone.

use serde::{Deserialize, Serialize};
use shudu_core::workbench::{context::Context, words::Tally};
use shudu_core::{Figure, Keyword, Stats, Tag};

mod merge;
pub mod message;

use crate::failure::Failure;
use crate::state::{FigureStore, WordStore};
pub use merge::Merger;

/// Texts are cut into pieces of at most this many UTF-16 units (JavaScript's length), the
/// engine's own `shudu_core::PIECE`, so that the page and the CLI cut at the same places;
/// analysed on every worker at once. The editor keeps a text longer than one piece out of
/// its textarea.
pub const PIECE_UNITS: u32 = shudu_core::PIECE as u32;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// What a worker says, as bincode in a transferred `ArrayBuffer` (see `message`). The
/// variants keep their order: a test sends `TextCrashed` encoded by hand.
pub enum Response {
    /// Sent unasked once the worker has built its engine from the dictionary.
    Ready,
    /// The worker cannot work (its dictionary could not be loaded).
    Broken(Failure),
    Analyzed {
        id: u32,
        report: Report,
    },
    File {
        batch: u32,
        index: u32,
        result: Result<FileReport, Failure>,
    },
    /// The engine failed on a file (a bug, reported instead of hanging; `message` is the
    /// panic's); the worker is spent.
    Crashed {
        batch: u32,
        index: u32,
        message: String,
    },
    /// The engine failed on a text (or a piece of one); the worker is spent.
    TextCrashed {
        id: u32,
        message: String,
    },
}

/// One analysed file of a batch: its encoding, its figures, and its decoded text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub encoding: String,
    /// Its figures, each with its sentence trimmed around it, packed by the worker (the page
    /// keeps them so).
    pub figures: FigureStore,
    /// Its words, counted, packed (as the page keeps them).
    pub words: WordStore,
    /// The text goes beside the bincode, as a JavaScript string (see `message`): the page
    /// keeps it as one, out of its own memory, which never shrinks.
    #[serde(skip)]
    pub text: Option<js_sys::JsString>,
}

/// One analysis, compact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub figures: Vec<Figure>,
    /// Each figure's sentence, trimmed around it.
    pub contexts: Vec<Context>,
    /// The text's words, counted (for the word list; kept for a long text too).
    pub words: Tally,
    /// `char` offset where each token ends; a token starts where the previous ended (none for
    /// a piece of a long text, nor for their join: see [`Merger`]).
    pub token_ends: Vec<u32>,
    /// Each token's tag (`shudu_core::Tag` ids).
    pub token_tags: Vec<u8>,
    pub keywords: Vec<Keyword>,
    /// For joining pieces: the text's most frequent content words with their
    /// counts, and how many content words it has (see `keywords::Counts::ranked`).
    pub keyword_counts: Vec<(String, usize)>,
    pub content_words: usize,
    pub stats: Stats,
    pub elapsed_ms: f64,
    /// Analysed while the worker's full engine was still being built, with an
    /// engine of the text's own dictionary words (the same result; see
    /// `shudu_core::lexicon`).
    pub early: bool,
    /// A piece's: the period its start gives as a report's title, not yet given to its
    /// figures — the first piece's is given to every piece's when they are joined.
    pub title: Option<shudu_core::figures::TitlePeriod>,
}

/// Words per piece kept for joining key words: a word among a long text's first
/// twelve is all but surely among each piece's first hundred.
const KEYWORD_COUNTS: usize = 100;

impl Report {
    /// The report of a text of `chars` chars that could not be analysed: no
    /// words, no figures, one untagged token over it all (so the texts after
    /// it in a long text keep their places).
    pub fn blank(chars: usize) -> Report {
        Report {
            token_ends: if chars > 0 { vec![chars as u32] } else { Vec::new() },
            token_tags: if chars > 0 { vec![Tag::of("x").0] } else { Vec::new() },
            stats: Stats { chars, tokens: usize::from(chars > 0), ..Stats::default() },
            ..Report::default()
        }
    }

    /// The analysis of `text` as the worker sends it; without its words (token arrays) unless
    /// `words` (the pieces of a long text: see [`Merger`]).
    pub fn of(engine: &shudu_core::Engine, text: &str, words: bool, elapsed_ms: impl FnOnce() -> f64) -> Report {
        let (a, keyword_counts, content_words, title) = if words {
            let (a, counts, content) = engine.analyze_counted(text, KEYWORD_COUNTS);
            (a, counts, content, None)
        } else {
            engine.analyze_piece_counted(text, KEYWORD_COUNTS)
        };
        let elapsed_ms = elapsed_ms();
        let contexts = shudu_core::workbench::context::of_figures(text, &a.figures);
        let tally = Tally::of(text, &a.tokens);
        let tokens = if words { &a.tokens[..] } else { &[] };
        let token_ends = tokens.iter().map(|t| t.end as u32).collect();
        let token_tags = tokens.iter().map(|t| t.tag.0).collect();
        Report {
            figures: a.figures,
            contexts,
            words: tally,
            token_ends,
            token_tags,
            keywords: a.keywords,
            keyword_counts,
            content_words,
            stats: a.stats,
            elapsed_ms,
            early: false,
            title,
        }
    }

    /// Whether it holds the text's words (a long text's report does not: see [`Merger`]).
    pub fn has_words(&self) -> bool {
        !self.token_ends.is_empty() || self.stats.chars == 0
    }

    /// Token `k` as (start, end, tag).
    pub fn token(&self, k: usize) -> (usize, usize, &'static str) {
        let start = if k == 0 { 0 } else { self.token_ends[k - 1] as usize };
        let tag = Tag(self.token_tags[k]).as_str();
        (start, self.token_ends[k] as usize, tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Merger;
    use shudu_core::{Figure, Kind};

    /// A piece's report as a worker sends it (no words), with figures at these char offsets.
    fn piece(chars: usize, figures: &[(usize, usize)], tokens: usize) -> Report {
        let figure = |&(start, end): &(usize, usize)| Figure::plain(Kind::ALL[0], &"1".repeat(end - start), start);
        Report {
            figures: figures.iter().map(figure).collect(),
            stats: Stats { chars, tokens, figures: figures.len(), ..Stats::default() },
            ..Report::default()
        }
    }

    fn places(r: &Report) -> Vec<(usize, usize)> {
        r.figures.iter().map(|f| (f.start, f.end)).collect()
    }

    #[test]
    fn key_words_of_pieces_are_ranked_from_their_summed_counts() {
        let with_counts = |counts: &[(&str, usize)], content: usize| Report {
            keyword_counts: counts.iter().map(|(w, c)| (w.to_string(), *c)).collect(),
            content_words: content,
            ..piece(1, &[], 1)
        };
        let mut m = Merger::new(2, 2);
        m.add(0, with_counts(&[("投资", 3), ("项目", 2)], 10));
        m.add(1, with_counts(&[("项目", 4), ("工程", 1)], 5));
        let kws: Vec<(String, f64)> = m.finish().keywords.into_iter().map(|k| (k.word, k.weight)).collect();
        assert_eq!(kws, vec![("项目".into(), 6.0 / 15.0), ("投资".into(), 3.0 / 15.0), ("工程".into(), 1.0 / 15.0)]);
    }

    #[test]
    fn a_piece_that_failed_keeps_its_length() {
        let mut m = Merger::new(3, 9);
        m.add(0, piece(3, &[(0, 2)], 2));
        m.add(1, Report::blank(4));
        m.add(2, piece(2, &[(1, 2)], 2));
        let r = m.finish();
        assert_eq!(places(&r), vec![(0, 2), (8, 9)], "the last piece keeps its place after the blank one");
        assert_eq!((r.stats.chars, r.stats.tokens), (9, 5));
    }

    #[test]
    fn pieces_join_in_order_whatever_order_they_come_back_in() {
        let mut m = Merger::new(3, 9);
        m.add(2, piece(2, &[(0, 1)], 2));
        assert!(!m.done());
        m.add(0, piece(3, &[(1, 3)], 2));
        assert!(!m.done());
        assert_eq!(m.back(), 2);
        m.add(0, piece(3, &[(1, 3)], 2));
        assert_eq!(m.back(), 2, "a piece that came back twice counts once");
        m.add(1, piece(4, &[(0, 2), (2, 4)], 1));
        assert!(m.done());
        assert_eq!(m.back(), 3);
        let r = m.finish();
        assert_eq!(places(&r), vec![(1, 3), (3, 5), (5, 7), (7, 8)]);
        assert_eq!((r.stats.chars, r.stats.tokens, r.stats.figures), (9, 5, 4));
        assert!(!r.has_words(), "a long text's words are not kept");
        assert!(r.token_ends.is_empty() && r.token_tags.is_empty());
    }

    #[test]
    fn the_first_pieces_title_gives_its_period_to_every_piece() {
        use shudu_core::figures::TitlePeriod;
        let titled = |r: Report, after: usize, period: &str| Report {
            title: Some(TitlePeriod { after, period: period.into() }),
            ..r
        };
        let mut m = Merger::new(2, 10);
        // A later piece whose first line looks like a title says nothing for the text.
        m.add(1, titled(piece(5, &[(1, 2), (3, 4)], 2), 0, "2023"));
        let mut first = titled(piece(5, &[(0, 1), (3, 4)], 2), 2, "2022-H1");
        first.figures[1].period = Some("2022-06".into());
        m.add(0, first);
        let periods: Vec<Option<String>> = m.finish().figures.into_iter().map(|f| f.period).collect();
        let want = [None, Some("2022-06"), Some("2022-H1"), Some("2022-H1")];
        assert_eq!(periods, want.map(|p| p.map(String::from)), "none in the title; a figure's own period kept");
    }

    #[test]
    fn a_text_has_words_unless_they_were_left_out() {
        assert!(Report::blank(0).has_words() && Report::blank(5).has_words(), "nothing to leave out; one blank token");
        assert!(!piece(5, &[], 2).has_words());
    }
}
