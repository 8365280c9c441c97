//! Shudu's engine: reads Chinese articles and finds every figure they state.
//!
//! Pure Rust with no web dependency; the web worker and the `shudu` command
//! both call [`analyze`] (or an [`Engine`] they keep) and never re-implement
//! any of it.

pub mod dict;
pub mod export;
mod fasthash;
pub mod figures;
pub mod keywords;
pub mod model;
pub mod numeral;
pub mod segment;
pub mod text;

pub use model::*;
pub use segment::Engine;

#[cfg(feature = "embedded-dict")]
use std::sync::LazyLock;

#[cfg(feature = "embedded-dict")]
static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::new);

/// The shared engine with the built-in dictionary, loaded on first use.
#[cfg(feature = "embedded-dict")]
pub fn engine() -> &'static Engine {
    &ENGINE
}

/// Analyse one text with the shared engine: tokens, figures, key words, counts.
#[cfg(feature = "embedded-dict")]
pub fn analyze(text: &str) -> Analysis {
    engine().analyze(text)
}

/// Texts longer than this (bytes) are analysed in pieces, on every core.
pub const PIECE: usize = 256 * 1024;

impl Engine {
    /// Analyse one text: tokens, figures, key words, counts. Long texts are
    /// cut at line ends and the pieces analysed in parallel (natively).
    pub fn analyze(&self, text: &str) -> Analysis {
        let (tokens, figures, chars) = self.tokens_and_figures(text);
        let keywords = keywords::top(text, &tokens, 12);
        let stats = Stats::of(chars, &tokens, &figures);
        Analysis { tokens, figures, keywords, stats }
    }

    /// Only the figures of a text (tokens are still needed for labels and checks).
    pub fn figures(&self, text: &str) -> Vec<Figure> {
        self.tokens_and_figures(text).1
    }

    /// Tokens, figures and the length in chars of a cleaned text, piece by piece.
    fn tokens_and_figures(&self, text: &str) -> (Vec<Token>, Vec<Figure>, usize) {
        let parts = text::pieces(text, PIECE);
        let analysed: Vec<(Vec<Token>, Vec<Figure>, usize)> = self.in_parallel(&parts, |piece| {
            let tokens = self.tag(piece);
            let chars: Vec<char> = piece.chars().collect();
            let figures = figures::extract_chars(&chars, &tokens);
            (tokens, figures, chars.len())
        });
        if analysed.len() == 1 {
            return analysed.into_iter().next().expect("one piece");
        }
        let (mut tokens, mut figures) = (Vec::new(), Vec::new());
        let (mut char_offset, mut byte_offset) = (0, 0);
        for ((t, f, chars), piece) in analysed.into_iter().zip(&parts) {
            tokens.extend(t.into_iter().map(|mut t| {
                t.start += char_offset;
                t.end += char_offset;
                t.byte_start += byte_offset;
                t.byte_end += byte_offset;
                t
            }));
            figures.extend(f.into_iter().map(|mut f| {
                f.start += char_offset;
                f.end += char_offset;
                f
            }));
            char_offset += chars;
            byte_offset += piece.len();
        }
        (tokens, figures, char_offset)
    }

    /// `work` on each piece, on as many threads as there are cores (one piece: no thread).
    fn in_parallel<'a, T: Send>(&self, parts: &[&'a str], work: impl Fn(&'a str) -> T + Sync) -> Vec<T> {
        #[cfg(not(target_arch = "wasm32"))]
        if parts.len() > 1 {
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(parts.len());
            let next = std::sync::atomic::AtomicUsize::new(0);
            let mut results: Vec<Option<T>> = (0..parts.len()).map(|_| None).collect();
            let chunks: Vec<Vec<(usize, T)>> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads)
                    .map(|_| {
                        s.spawn(|| {
                            let mut done = Vec::new();
                            loop {
                                let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                                let Some(piece) = parts.get(k) else { break };
                                done.push((k, work(piece)));
                            }
                            done
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().expect("analysis thread")).collect()
            });
            for (k, r) in chunks.into_iter().flatten() {
                results[k] = Some(r);
            }
            return results.into_iter().map(|r| r.expect("every piece analysed")).collect();
        }
        parts.iter().map(|p| work(p)).collect()
    }
}

impl Stats {
    pub fn of(chars: usize, tokens: &[Token], figures: &[Figure]) -> Stats {
        let by_kind = Kind::ALL.iter().map(|k| (*k, figures.iter().filter(|f| f.kind == *k).count())).collect();
        Stats { chars, tokens: tokens.len(), figures: figures.len(), by_kind }
    }
}
pub mod decode;
mod html;
