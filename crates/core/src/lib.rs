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
pub mod lexicon;
pub mod model;
pub mod numeral;
pub mod segment;
pub mod text;
#[cfg(feature = "xlsx")]
pub mod xlsx;

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
        self.analyze_counted(text, 0).0
    }

    /// [`Engine::analyze`], and also the text's `n` most frequent content words
    /// with their counts and its number of content words
    /// ([`keywords::Counts::ranked`]): what a text analysed in pieces elsewhere
    /// (the browser's workers) needs to rank its key words as one text.
    pub fn analyze_counted(&self, text: &str, n: usize) -> (Analysis, Vec<(String, usize)>, usize) {
        let parts = text::pieces(text, PIECE);
        // Key words are counted where each piece is analysed, while its tokens
        // are fresh in the cache, into one tally per thread.
        let (done, counts) = in_parallel(&parts, |piece, counts: &mut keywords::Counts| {
            let done = self.analyze_piece(piece);
            counts.add(piece, &done.tokens);
            done
        });
        let keywords = counts.into_iter().reduce(|mut all, c| {
            all.merge(c);
            all
        });
        let (tokens, figures, chars) = join(&parts, done);
        let stats = Stats::of(chars, &tokens, &figures);
        let (ranked, content) = keywords.unwrap_or_default().ranked(n.max(12));
        let ranked: Vec<(String, usize)> = ranked.into_iter().map(|(w, c)| (w.to_string(), c)).collect();
        let keywords = keywords::rank(&ranked, content, 12);
        (Analysis { tokens, figures, keywords, stats }, ranked, content)
    }

    /// Only the figures of a text (tokens are still needed for labels and checks).
    pub fn figures(&self, text: &str) -> Vec<Figure> {
        let parts = text::pieces(text, PIECE);
        let (done, _) = in_parallel(&parts, |piece, _: &mut ()| {
            // The tokens are not wanted: dropped here, not joined.
            Piece { tokens: Vec::new(), ..self.analyze_piece(piece) }
        });
        join(&parts, done).1
    }

    /// Tokens and figures of one piece, offsets counted from its start.
    fn analyze_piece(&self, piece: &str) -> Piece {
        let tokens = self.tag(piece);
        let chars: Vec<char> = piece.chars().collect();
        let figures = figures::extract_chars(&chars, &tokens);
        Piece { tokens, figures, chars: chars.len() }
    }
}

/// What one piece of a text yields, offsets counted from the piece's start.
struct Piece {
    tokens: Vec<Token>,
    figures: Vec<Figure>,
    /// Length in chars.
    chars: usize,
}

/// Where a piece starts in the whole text.
#[derive(Clone, Copy)]
struct Shift {
    chars: usize,
    bytes: usize,
}

impl Shift {
    fn token(self, t: &Token) -> Token {
        Token {
            start: t.start + self.chars,
            end: t.end + self.chars,
            byte_start: t.byte_start + self.bytes,
            byte_end: t.byte_end + self.bytes,
            tag: t.tag,
        }
    }

    fn figure(self, mut f: Figure) -> Figure {
        f.start += self.chars;
        f.end += self.chars;
        f
    }
}

/// The pieces' tokens and figures in one list each, offsets counted from the
/// start of the text, and the text's length in chars.
fn join(parts: &[&str], mut done: Vec<Piece>) -> (Vec<Token>, Vec<Figure>, usize) {
    if done.len() == 1 {
        let Piece { tokens, figures, chars } = done.pop().expect("one piece");
        return (tokens, figures, chars);
    }
    let mut shifts = Vec::with_capacity(done.len());
    let mut at = Shift { chars: 0, bytes: 0 };
    for (piece, part) in done.iter().zip(parts) {
        shifts.push(at);
        at = Shift { chars: at.chars + piece.chars, bytes: at.bytes + part.len() };
    }
    let mut figures = Vec::with_capacity(done.iter().map(|p| p.figures.len()).sum());
    for (piece, shift) in done.iter_mut().zip(&shifts) {
        figures.extend(std::mem::take(&mut piece.figures).into_iter().map(|f| shift.figure(f)));
    }
    (join_tokens(done, &shifts), figures, at.chars)
}

/// The pieces' tokens, shifted, in one list. A long text has millions of tokens
/// (40 bytes each): the copy is mostly first writes to fresh memory, each page
/// a fault, so it is done on every core, each thread filling its own stretch.
fn join_tokens(done: Vec<Piece>, shifts: &[Shift]) -> Vec<Token> {
    let total = done.iter().map(|p| p.tokens.len()).sum();
    if total == 0 {
        // `Engine::figures` drops the tokens: nothing to copy, no thread to start.
        return Vec::new();
    }
    let mut tokens: Vec<Token> = Vec::with_capacity(total);
    let mut rest = &mut tokens.spare_capacity_mut()[..total];
    let mut jobs = Vec::new();
    for (group, shifts) in balanced_groups(done, shifts, threads(shifts.len())) {
        let len = group.iter().map(|p| p.tokens.len()).sum();
        let (out, after) = rest.split_at_mut(len);
        rest = after;
        jobs.push((group, shifts, out));
    }
    run_all(jobs, |(group, shifts, out)| {
        let mut out = out.iter_mut();
        for (piece, shift) in group.iter().zip(shifts) {
            // Tokens first: `zip` must not take a slot past the piece's last token.
            for (t, slot) in piece.tokens.iter().zip(out.by_ref()) {
                slot.write(shift.token(t));
            }
        }
        assert!(out.next().is_none(), "every slot written");
    });
    // SAFETY: the stretches cover `tokens[..total]` exactly, and each job wrote
    // every slot of its stretch (asserted; a panic above never gets here).
    unsafe { tokens.set_len(total) };
    tokens
}

/// Cut `done` into `n` runs of consecutive pieces with about as many tokens each.
fn balanced_groups(done: Vec<Piece>, shifts: &[Shift], n: usize) -> Vec<(Vec<Piece>, &[Shift])> {
    let total: usize = done.iter().map(|p| p.tokens.len()).sum();
    let mut groups = Vec::new();
    let mut pieces = done.into_iter();
    let (mut from, mut sum) = (0, 0);
    for k in 1..=n {
        let goal = total * k / n;
        let mut group = Vec::new();
        for piece in pieces.by_ref() {
            sum += piece.tokens.len();
            group.push(piece);
            if sum >= goal && k < n {
                break;
            }
        }
        let to = from + group.len();
        if !group.is_empty() {
            groups.push((group, &shifts[from..to]));
        }
        from = to;
    }
    groups
}

/// How many threads to use for `jobs` independent jobs: one per core, at most
/// one per job (wasm: no threads, this one only).
fn threads(jobs: usize) -> usize {
    if jobs <= 1 {
        return 1;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    #[cfg(target_arch = "wasm32")]
    let cores = 1;
    cores.min(jobs)
}

/// `work` on each job, the first on this thread and each other on a thread of its own.
fn run_all<J: Send>(jobs: Vec<J>, work: impl Fn(J) + Sync) {
    let mut jobs = jobs.into_iter();
    let Some(first) = jobs.next() else { return };
    #[cfg(not(target_arch = "wasm32"))]
    std::thread::scope(|s| {
        for job in jobs {
            s.spawn(|| work(job));
        }
        work(first);
    });
    #[cfg(target_arch = "wasm32")]
    {
        work(first);
        jobs.for_each(&work);
    }
}

/// `work` on each piece, on as many threads as there are cores, each thread
/// also folding into a state of its own (returned, one per thread). Pieces
/// are handed out one at a time, so a slow piece does not hold up the rest.
fn in_parallel<'a, T: Send, S: Default + Send>(
    parts: &[&'a str],
    work: impl Fn(&'a str, &mut S) -> T + Sync,
) -> (Vec<T>, Vec<S>) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::with_capacity(parts.len()));
    let states = std::sync::Mutex::new(Vec::new());
    run_all((0..threads(parts.len())).collect(), |_| {
        let mut state = S::default();
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(piece) = parts.get(k) else { break };
            done.push((k, work(piece, &mut state)));
        }
        results.lock().expect("no thread panicked").extend(done);
        states.lock().expect("no thread panicked").push(state);
    });
    let mut results = results.into_inner().expect("no thread panicked");
    results.sort_unstable_by_key(|(k, _)| *k);
    let states = states.into_inner().expect("no thread panicked");
    (results.into_iter().map(|(_, r)| r).collect(), states)
}

impl Stats {
    pub fn of(chars: usize, tokens: &[Token], figures: &[Figure]) -> Stats {
        let by_kind = Kind::ALL.iter().map(|k| (*k, figures.iter().filter(|f| f.kind == *k).count())).collect();
        Stats { chars, tokens: tokens.len(), figures: figures.len(), by_kind }
    }
}
pub mod decode;
mod html;

#[cfg(all(test, feature = "embedded-dict"))]
mod tests {
    use super::*;

    const SAMPLES: [&str; 3] = [
        include_str!("../testdata/decode/000_779206c0961d10cc.txt"),
        include_str!("../testdata/decode/001_a3a797bd12993cc8.txt"),
        include_str!("../testdata/decode/002_736a2d626d106f43.txt"),
    ];

    /// Several pieces' worth of articles, some with Windows line ends.
    fn long_text() -> String {
        let mut text = String::new();
        for k in 0.. {
            if text.len() > 5 * PIECE / 2 {
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
        let engine = engine();
        let text = long_text();
        assert!(text::pieces(&text, PIECE).len() >= 3);
        let tokens = engine.tag(&text);
        let figures = figures::extract(&text, &tokens);
        let a = engine.analyze(&text);
        assert_eq!(a.tokens, tokens);
        assert_eq!(a.figures, figures);
        assert_eq!(a.keywords, keywords::top(&text, &tokens, 12));
        assert_eq!(a.stats, Stats::of(text.chars().count(), &tokens, &figures));
        assert_eq!(engine.figures(&text), figures);
    }
}
