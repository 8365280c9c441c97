//! The tokens the label rules read: the segmenter's, cut where a figure
//! begins or ends inside one (`282栋楼` is one token) and where a linking word
//! is fused to the end of an unknown word (`率达`), in a window that moves with
//! the figures; and their tags as integers.

use super::words::{Class, METRIC, WORDS, WORDS_QUICK};
use super::{WINDOW_AFTER, WINDOW_BEFORE};
use crate::model::{Figure, TAGS, Tag, Token};
use std::cell::Cell;

/// The tokens around the figure at hand, split as [`split_token`] does. Figures
/// come in document order, so the window only moves forward: each token is
/// split once, into a small buffer, and no copy of the whole token list is made.
pub(super) struct Window<'a> {
    chars: &'a [char],
    tokens: &'a [Token],
    /// Every figure's start and end, in order: where tokens are cut.
    cuts: Vec<usize>,
    /// The next cut not yet passed.
    cut: usize,
    /// The next token not yet split into `buf`.
    next: usize,
    buf: Vec<Token>,
    /// What has been learnt of each token of `buf` (its word class and the like,
    /// [`super::Doc::memo`]): a word is classed once, not again for each figure whose
    /// window holds it. 0: nothing yet.
    memo: Vec<u32>,
    /// `buf[live..]` is the window.
    live: usize,
}

impl<'a> Window<'a> {
    pub(super) fn new(chars: &'a [char], tokens: &'a [Token], figures: &[Figure]) -> Self {
        // Figures are in document order and do not overlap: their ends come sorted.
        let cuts = figures.iter().flat_map(|f| [f.start, f.end]).collect();
        Window {
            chars,
            tokens,
            cuts,
            cut: 0,
            next: 0,
            // Room for what the window holds at most before it drops what is behind (about
            // 8,000 tokens): grown seldom, if ever.
            buf: Vec::with_capacity(tokens.len().min(8192) + 256),
            memo: Vec::with_capacity(tokens.len().min(8192) + 256),
            live: 0,
        }
    }

    /// The tokens within reach of a figure at `start..end`, and what is known of each.
    pub(super) fn around(&mut self, start: usize, end: usize) -> (&[Token], &[Cell<u32>]) {
        let had = self.buf.len();
        while self.next < self.tokens.len() && self.tokens[self.next].start < end + WINDOW_AFTER {
            split_token(self.chars, &self.tokens[self.next], &self.cuts, &mut self.cut, &mut self.buf);
            self.next += 1;
        }
        if self.buf.len() > had {
            // The last token split before may have been lengthened (`总营`+`收达`): learnt anew.
            if had > 0 {
                self.memo[had - 1] = 0;
            }
            self.memo.resize(self.buf.len(), 0);
        }
        let from = start.saturating_sub(WINDOW_BEFORE);
        while self.live < self.buf.len() && self.buf[self.live].end <= from {
            self.live += 1;
        }
        // Drop what is behind, now and then: the buffer stays small.
        if self.live > 4096 && self.live * 2 > self.buf.len() {
            self.buf.drain(..self.live);
            self.memo.drain(..self.live);
            self.live = 0;
        }
        (&self.buf[self.live..], Cell::from_mut(&mut self.memo[self.live..]).as_slice_of_cells())
    }
}

/// `t` into `out`, cut at any figure end inside it (`cuts[*c..]`, sorted), and
/// with a linking word fused to the end of an unknown word split off.
fn split_token(chars: &[char], t: &Token, cuts: &[usize], c: &mut usize, out: &mut Vec<Token>) {
    while *c < cuts.len() && cuts[*c] <= t.start {
        *c += 1;
    }
    let cut_inside = *c < cuts.len() && cuts[*c] < t.end;
    // Most tokens: a dictionary word of under four chars, or a single char (a mark, a digit),
    // whole. Nothing below splits or joins one (those rules ask for an unknown word of two
    // chars or more, or a longer one).
    let len = t.end - t.start;
    if !cut_inside && (len < 2 || t.tag != X && len < 4) {
        out.push(*t);
        return;
    }
    let mut t = *t;
    // `总营`+`收达`: the first char of an unknown word completes the metric's head the word before cut.
    if let Some(prev) = out.last_mut().filter(|p| p.end == t.start && completes_head(chars, p, &t)) {
        prev.end += 1;
        t.start += 1;
    }
    let t = &t;
    if !cut_inside && linking_suffix(chars, t).is_none() && comparison_prefix(chars, t).is_none() {
        if place_fused(chars, t) {
            // `市中`, `市均`: a place head fused to a frame or qualifier word after it.
            out.push(Token { end: t.start + 1, ..*t });
            let tag = if matches!(chars[t.start + 1], '中' | '内' | '內' | '里') { F } else { t.tag };
            out.push(Token { start: t.start + 1, tag, ..*t });
            return;
        }
        out.push(*t);
        return;
    }
    let mut from = t.start;
    // `比规上`: the comparison word opens a base, not a name.
    if let Some(n) = comparison_prefix(chars, t).filter(|_| !cut_inside) {
        out.push(Token { end: t.start + n, ..*t });
        from = t.start + n;
    }
    let mut piece = *t;
    while *c < cuts.len() && cuts[*c] < t.end {
        out.push(Token { start: from, end: cuts[*c], tag: X, ..piece });
        from = cuts[*c];
        *c += 1;
        piece.tag = X;
    }
    let mut last = Token { start: from, ..piece };
    if let Some(n) = linking_suffix(chars, &last) {
        out.push(Token { end: last.end - n, ..last });
        last.start = last.end - n;
    }
    out.push(last);
}

/// An unknown word that ends in a linking, change or time word (`價值則`, `率达`)
/// is two words: the length of the second.
fn linking_suffix(chars: &[char], t: &Token) -> Option<usize> {
    let len = t.end - t.start;
    // `价格下降`, `价格上涨`: a dictionary word of a metric and its change.
    if t.tag != X
        && len >= 4
        && word_class(&chars[t.end - 2..t.end]) == Some(Class::Change)
        && metric_then_change(chars, t, 2)
    {
        return Some(2);
    }
    if t.tag != X || len < 2 {
        return None;
    }
    // `營業利益率原預計`: 原 (as first given) after a metric's head.
    if chars[t.end - 1] == '原' && METRIC.ending(&chars[t.start..t.end - 1]).is_some() {
        return Some(1);
    }
    (1..=3.min(len - 1)).rev().find(|&n| {
        word_class(&chars[t.end - n..t.end]).is_some_and(|c| c != Class::Generic)
            // One char splits off only if it is a linking word (`率达`), not `营收`.
            && (n > 1 || matches!(chars[t.end - 1], '达' | '達' | '为' | '為' | '约' | '約' | '则' | '則' | '亦' | '以')
                // `内共售出`: a qualifier after a frame word.
                || chars[t.end - 1] == '共' && chars[t.end - 2] != '公'
                // `銷貨值跌`: a one-char change after a metric's head.
                || metric_then_change(chars, t, 1))
    })
}

/// The class of `w`, hashed only if its first char and length may be a listed word's.
fn word_class(w: &[char]) -> Option<Class> {
    if !WORDS_QUICK.may_hold(w) {
        return None;
    }
    WORDS.get(w).copied()
}

/// Does the first char of the unknown word `t` complete a two-char metric head
/// (`营收`, `净利`) with the last char of the unknown word `prev` before it (`总营`+`收达`)?
/// `prev` may be one char: the piece of a word cut at a figure's end (`第3季营`+`收为`).
fn completes_head(chars: &[char], prev: &Token, t: &Token) -> bool {
    prev.tag == X
        && t.tag == X
        && prev.end > prev.start
        && t.end - t.start >= 2
        && METRIC.contains(&chars[prev.end - 1..t.start + 1])
        && METRIC.ending(&chars[prev.start..prev.end]).is_none()
}

/// An unknown two-char word of a one-char place head and a frame or qualifier word (`市中`, `县均`),
/// or of a noun and the frame word that ends its clause (`14只券商股中，`).
fn place_fused(chars: &[char], t: &Token) -> bool {
    if t.tag != X || t.end - t.start != 2 || !super::is_han(chars[t.start]) {
        return false;
    }
    let place = matches!(chars[t.start], '市' | '县' | '縣' | '区' | '區' | '镇' | '鎮' | '乡' | '鄉' | '省' | '州')
        && matches!(chars[t.start + 1], '中' | '内' | '內' | '里' | '均' | '都' | '共' | '已' | '全');
    let frame = matches!(chars[t.start + 1], '中' | '内' | '內') && matches!(chars.get(t.end), Some('，' | ','));
    place || frame
}

/// Do the last `n` chars of `t` say a rise or fall (`跌`, `下降`) after a metric's head (`销货值`, `价格`)?
fn metric_then_change(chars: &[char], t: &Token, n: usize) -> bool {
    matches!(chars[t.end - 1], '涨' | '漲' | '降' | '升' | '跌') && METRIC.ending(&chars[t.start..t.end - n]).is_some()
}

/// An unknown word that starts with a comparison word (`比规上`): the length of that word.
fn comparison_prefix(chars: &[char], t: &Token) -> Option<usize> {
    (t.tag == X && t.end - t.start >= 2 && matches!(chars[t.start], '比' | '较' | '較')).then_some(1)
}

/// The tag of an unknown word, and of the pieces of a word cut at a figure's end.
pub(super) const X: Tag = Tag(0);

/// The tag of a frame word (`中`) split off an unknown word.
const F: Tag = {
    let mut i = 0;
    while i < TAGS.len() && pack(TAGS[i]) != T_F {
        i += 1;
    }
    Tag(i as _)
};

/// A tag name packed in a `u32` (names are at most four ASCII letters): the
/// loops over tokens compare tags as integers, not as strings.
pub(super) const fn pack(name: &str) -> u32 {
    let b = name.as_bytes();
    let mut v = 0;
    let mut i = 0;
    while i < b.len() && i < 4 {
        v |= (b[i] as u32) << (8 * i);
        i += 1;
    }
    v
}

/// [`TAGS`], packed.
const CODES: [u32; TAGS.len()] = {
    let mut out = [0; TAGS.len()];
    let mut i = 0;
    while i < TAGS.len() {
        out[i] = pack(TAGS[i]);
        i += 1;
    }
    out
};

pub(super) fn code(t: &Token) -> u32 {
    CODES.get(t.tag.0 as usize).copied().unwrap_or(T_X)
}

pub(super) const T_A: u32 = pack("a");
pub(super) const T_AD: u32 = pack("ad");
pub(super) const T_AG: u32 = pack("ag");
pub(super) const T_AN: u32 = pack("an");
pub(super) const T_B: u32 = pack("b");
pub(super) const T_C: u32 = pack("c");
pub(super) const T_D: u32 = pack("d");
pub(super) const T_ENG: u32 = pack("eng");
pub(super) const T_F: u32 = pack("f");
pub(super) const T_I: u32 = pack("i");
pub(super) const T_J: u32 = pack("j");
pub(super) const T_L: u32 = pack("l");
pub(super) const T_M: u32 = pack("m");
pub(super) const T_N: u32 = pack("n");
pub(super) const T_NG: u32 = pack("ng");
pub(super) const T_NR: u32 = pack("nr");
pub(super) const T_NS: u32 = pack("ns");
pub(super) const T_NT: u32 = pack("nt");
pub(super) const T_NZ: u32 = pack("nz");
pub(super) const T_P: u32 = pack("p");
pub(super) const T_Q: u32 = pack("q");
pub(super) const T_S: u32 = pack("s");
pub(super) const T_T: u32 = pack("t");
pub(super) const T_UG: u32 = pack("ug");
pub(super) const T_UL: u32 = pack("ul");
pub(super) const T_UZ: u32 = pack("uz");
pub(super) const T_V: u32 = pack("v");
pub(super) const T_VD: u32 = pack("vd");
pub(super) const T_VG: u32 = pack("vg");
pub(super) const T_VI: u32 = pack("vi");
pub(super) const T_VN: u32 = pack("vn");
pub(super) const T_VQ: u32 = pack("vq");
pub(super) const T_X: u32 = pack("x");
pub(super) const T_ZG: u32 = pack("zg");
