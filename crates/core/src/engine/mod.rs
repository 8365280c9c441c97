//! The engine: the dictionary loaded into jieba, and the analysis of a text
//! with it — words and tags ([`tag`](Engine::tag)), figures, key words and
//! counts ([`analyze`](Engine::analyze)). A long text is cut into pieces
//! ([`crate::pieces`]) analysed on every core and joined.

mod join;
pub mod load;
pub(crate) mod parallel;
mod tag;

use crate::dict::{DictError, Lexicon};
use crate::model::{Analysis, Figure};
use crate::{figures, keywords, pieces};
use jieba_rs::Jieba;
use join::Piece;
pub use load::Loading;

/// Texts longer than this many UTF-16 units (about 256 KB of Chinese in
/// UTF-8) are analysed in pieces, on every core; the page cuts at the same
/// places ([`pieces::split_utf16`]).
pub const PIECE: usize = 88 * 1024;

/// The loaded dictionary; build once, reuse for every text.
pub struct Engine {
    jieba: Jieba,
}

#[cfg(feature = "embedded-dict")]
impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    /// Load the dictionary built into the binary.
    #[cfg(feature = "embedded-dict")]
    pub fn new() -> Self {
        Self::from_packed(crate::dict::EMBEDDED).expect("the built-in dictionary is valid")
    }

    /// Load a packed dictionary (`data/jieba-dict.txt`), e.g. one fetched by the web worker.
    pub fn from_packed(packed: &[u8]) -> Result<Self, DictError> {
        Self::from_lexicon(Lexicon::from_packed(packed)?)
    }

    /// Build the engine from an unpacked dictionary (fails if it is damaged).
    pub fn from_lexicon(lexicon: Lexicon) -> Result<Self, DictError> {
        Loading::new(lexicon).finish()
    }

    pub(crate) fn from_jieba(jieba: Jieba) -> Self {
        Engine { jieba }
    }

    /// Add a word to the dictionary of this engine, in place (microseconds; the
    /// engine is not rebuilt). Without a frequency the word gets the one jieba
    /// suggests, enough to keep it whole; without a tag, `n`: user words are
    /// mostly names and terms, and as nouns they count among the key words.
    /// Returns the frequency given to it.
    pub fn add_word(&mut self, word: &str, freq: Option<usize>, tag: Option<&str>) -> usize {
        self.jieba.add_word(word, freq, Some(tag.unwrap_or("n")))
    }

    /// Add every word of a user dictionary ([`crate::dict::user::parse`]).
    pub fn add_words(&mut self, words: &[crate::dict::UserWord]) {
        for w in words {
            self.add_word(&w.word, w.freq, w.tag.as_deref());
        }
    }

    /// Analyse one text: tokens, figures, key words, counts. Long texts are
    /// cut into pieces analysed in parallel (natively).
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_counted(text, 0).0
    }

    /// [`Engine::analyze`], and also the text's `n` most frequent content words
    /// with their counts and its number of content words
    /// ([`keywords::Counts::ranked`]): what a text analysed in pieces elsewhere
    /// (the browser's workers) needs to rank its key words as one text.
    pub fn analyze_counted(&self, text: &str, n: usize) -> (Analysis, Vec<(String, usize)>, usize) {
        let (mut a, ranked, content) = self.analyze_untitled(text, n);
        figures::title_period(&head(text), &mut a.figures);
        (a, ranked, content)
    }

    /// [`Engine::analyze_counted`] for the first or a later piece of a text cut
    /// elsewhere: the period its start would give as a title is returned, not
    /// given — only the first piece's holds, and for the figures of every piece.
    pub fn analyze_piece_counted(
        &self,
        text: &str,
        n: usize,
    ) -> (Analysis, Vec<(String, usize)>, usize, Option<figures::TitlePeriod>) {
        let (a, ranked, content) = self.analyze_untitled(text, n);
        let title = figures::title_of(&head(text), &a.figures);
        (a, ranked, content, title)
    }

    fn analyze_untitled(&self, text: &str, n: usize) -> (Analysis, Vec<(String, usize)>, usize) {
        let parts = pieces::split_utf16(text, PIECE);
        // Key words are counted where each piece is analysed, while its tokens
        // are fresh in the cache, into one tally per thread.
        let (done, counts) = parallel::in_parallel(&parts, |piece, counts: &mut keywords::Counts| {
            let done = self.analyze_piece(piece);
            counts.add(piece, &done.tokens);
            done
        });
        let keywords = counts.into_iter().reduce(|mut all, c| {
            all.merge(c);
            all
        });
        let (tokens, joined) = join::join(&parts, done);
        let (ranked, content) = keywords.unwrap_or_default().ranked(n.max(12));
        let ranked: Vec<(String, usize)> = ranked.into_iter().map(|(w, c)| (w.to_string(), c)).collect();
        let keywords = keywords::rank(&ranked, content, 12);
        (Analysis { tokens, figures: joined.figures, keywords, stats: joined.stats }, ranked, content)
    }

    /// Only the figures of a text (tokens are still needed for labels and checks).
    pub fn figures(&self, text: &str) -> Vec<Figure> {
        let parts = pieces::split_utf16(text, PIECE);
        let (done, _) = parallel::in_parallel(&parts, |piece, _: &mut ()| {
            // The tokens are not wanted: dropped here, not joined.
            Piece { tokens: Vec::new(), ..self.analyze_piece(piece) }
        });
        let mut figures = join::join(&parts, done).1.figures;
        figures::title_period(&head(text), &mut figures);
        figures
    }

    /// The figures of a text and the count of its words (for the word list of a session of
    /// files, whose tokens are not kept).
    pub fn figures_and_words(&self, text: &str) -> (Vec<Figure>, crate::workbench::words::Tally) {
        let parts = pieces::split_utf16(text, PIECE);
        let (done, tallies) = parallel::in_parallel(&parts, |piece, tally: &mut crate::workbench::words::Tally| {
            let done = self.analyze_piece(piece);
            tally.merge(&crate::workbench::words::Tally::of(piece, &done.tokens));
            Piece { tokens: Vec::new(), ..done }
        });
        let tally = tallies.into_iter().reduce(|mut all, t| {
            all.merge(&t);
            all
        });
        let mut figures = join::join(&parts, done).1.figures;
        figures::title_period(&head(text), &mut figures);
        (figures, tally.unwrap_or_default())
    }

    /// Tokens and figures of one piece, offsets counted from its start.
    fn analyze_piece(&self, piece: &str) -> Piece {
        let tokens = self.tag(piece);
        let chars: Vec<char> = piece.chars().collect();
        let figures = figures::extract_piece(&chars, &tokens);
        Piece { tokens, figures, chars: chars.len() }
    }
}

/// The first chars of a text: its title and opening paragraph, as much as
/// [`figures::title_period`] reads.
fn head(text: &str) -> Vec<char> {
    text.chars().take(figures::TITLE_HEAD).collect()
}

#[cfg(all(test, feature = "embedded-dict"))]
mod tests {
    use super::*;
    use crate::model::Stats;

    const SAMPLES: [&str; 3] = [
        include_str!("../../testdata/decode/000_779206c0961d10cc.txt"),
        include_str!("../../testdata/decode/001_a3a797bd12993cc8.txt"),
        include_str!("../../testdata/decode/002_736a2d626d106f43.txt"),
    ];

    /// The figures of a text read in one pass, not cut into pieces.
    fn one_pass(text: &str, tokens: &[crate::Token]) -> Vec<crate::Figure> {
        let chars: Vec<char> = text.chars().collect();
        let mut figures = figures::extract_piece(&chars, tokens);
        figures::title_period(&chars, &mut figures);
        figures
    }

    /// Several pieces' worth of articles, some with Windows line ends.
    fn long_text() -> String {
        let mut text = String::new();
        for k in 0.. {
            if text.chars().count() > 5 * PIECE / 2 {
                break;
            }
            let article = SAMPLES[k % SAMPLES.len()];
            if k % 4 == 1 {
                text.push_str(&article.replace('\n', "\r\n"));
            } else {
                text.push_str(article);
            }
            text.push('\n');
        }
        text
    }

    #[test]
    fn a_text_in_pieces_is_analysed_as_in_one_pass() {
        let engine = crate::engine();
        let text = long_text();
        assert!(pieces::split_utf16(&text, PIECE).len() >= 3);
        let tokens = engine.tag(&text);
        let figures = one_pass(&text, &tokens);
        assert_eq!(figures::extract(&text, &tokens), figures, "extract_chars cuts and joins as the engine does");
        let a = engine.analyze(&text);
        assert_eq!(a.tokens, tokens);
        assert_eq!(a.figures, figures);
        assert_eq!(a.keywords, keywords::top(&text, &tokens, 12));
        assert_eq!(a.stats, Stats::of(text.chars().count(), &tokens, &figures));
        assert_eq!(engine.figures(&text), figures);
    }

    #[test]
    fn a_long_line_in_pieces_gives_the_figures_of_one_pass() {
        // The articles as one line (as a pasted web page may be): the pieces
        // are cut at sentence ends.
        let mut text = String::new();
        while text.chars().count() < 5 * PIECE / 2 {
            SAMPLES.iter().for_each(|a| text.push_str(&a.replace('\n', "")));
        }
        let parts = pieces::split_utf16(&text, PIECE);
        assert!(parts.len() >= 3 && parts.iter().all(|p| !p.contains('\n')));
        let engine = crate::engine();
        let whole = one_pass(&text, &engine.tag(&text));
        assert_eq!(figures::extract(&text, &engine.tag(&text)), whole);
        assert!(whole.len() > 1000);
        assert_eq!(engine.figures(&text), whole);
        assert_eq!(engine.analyze(&text).figures, whole);
    }

    #[test]
    fn an_opening_period_past_the_first_lines_is_read_as_in_one_pass() {
        // A title with no figure, and the opening paragraph's period (`去年4季度`)
        // over 200 chars in: the engine once gave the title rule too short a
        // start of the text, and it read past it and panicked.
        let filler = "钢铁行业运行平稳，企业经营状况良好，市场需求保持稳定，".repeat(8);
        let text =
            format!("钢铁企业经营情况\n{filler}去年4季度以来，钢材价格上涨，营业收入增长12.5%。\n全年产量增长3.1%。\n");
        assert!(text.chars().position(|c| c == '去').is_some_and(|p| p > 200));
        let engine = crate::engine();
        let whole = one_pass(&text, &engine.tag(&text));
        assert_eq!(figures::extract(&text, &engine.tag(&text)), whole);
        assert!(whole.iter().any(|f| f.text == "12.5%"));
        assert_eq!(engine.figures(&text), whole);
        assert_eq!(engine.analyze(&text).figures, whole);
    }
}
