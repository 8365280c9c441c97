//! The results of a text's pieces in one: offsets counted from the start of
//! the text.

use super::parallel;
use crate::model::{Figure, Stats, Token};
use crate::pieces::{self, Joined, PieceResult};

/// What one piece of a text yields, offsets counted from the piece's start.
pub(super) struct Piece {
    pub(super) tokens: Vec<Token>,
    pub(super) figures: Vec<Figure>,
    /// Length in chars.
    pub(super) chars: usize,
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
}

/// The pieces' tokens in one list, and their figures and counts joined as the
/// page joins them ([`pieces::Join`]), offsets counted from the start of the
/// text. (Key words are ranked by the caller from its exact counts.)
pub(super) fn join(parts: &[&str], mut done: Vec<Piece>) -> (Vec<Token>, Joined) {
    let mut shifts = Vec::with_capacity(done.len());
    let mut at = Shift { chars: 0, bytes: 0 };
    let mut joined = pieces::Join::new(done.len());
    for (k, (piece, part)) in done.iter_mut().zip(parts).enumerate() {
        shifts.push(at);
        at = Shift { chars: at.chars + piece.chars, bytes: at.bytes + part.len() };
        let figures = std::mem::take(&mut piece.figures);
        let stats = Stats::of(piece.chars, &piece.tokens, &figures);
        joined.add(k, PieceResult { figures, stats, ..PieceResult::default() });
    }
    let joined = joined.finish();
    if done.len() == 1 {
        let piece = done.pop().expect("one piece");
        return (piece.tokens, joined);
    }
    (join_tokens(done, &shifts), joined)
}

/// The pieces' tokens, shifted, in one list. A long text has millions of tokens
/// (40 bytes each): they are copied on every core (see `parallel::fill`).
fn join_tokens(done: Vec<Piece>, shifts: &[Shift]) -> Vec<Token> {
    let total: usize = done.iter().map(|p| p.tokens.len()).sum();
    if total == 0 {
        // `Engine::figures` drops the tokens: nothing to copy, no thread to start.
        return Vec::new();
    }
    let groups = balanced_groups(done, shifts, parallel::threads(shifts.len()));
    let jobs = groups
        .into_iter()
        .map(|(group, shifts)| {
            let len = group.iter().map(|p| p.tokens.len()).sum();
            ((group, shifts), len)
        })
        .collect();
    parallel::fill(jobs, |(group, shifts), out| {
        for (piece, shift) in group.iter().zip(shifts) {
            for t in &piece.tokens {
                out.push(shift.token(t));
            }
        }
    })
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
