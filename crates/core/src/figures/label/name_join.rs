//! Names the segmenter cuts in two (`保利|发展`, `绿城|中国`, `贵州|茅台`, `华润|创业`,
//! `台積|電`): a subject that stops at a word which the text never writes apart from
//! it is only part of a name, and the name is whose the figure is (labels.md rule 8).
//! The text shows the name as one unit when the two words stand together at least
//! twice and one of them never stands without the other; a per-text count of words
//! and of adjacent pairs of words (built once) answers that.
//!
//! Only the words between the subject and what follows it in the figure's sentence
//! are taken: never a word of the label, a time word, a verb or a linking word.

use super::Doc;
use super::charbuf::Chars;
use super::tokens::code;
use super::words::{Class, METRIC, WORDS};
use crate::model::{Figure, Kind, Token};
use rustc_hash::FxHashMap;
use std::cell::{OnceCell, RefCell};

/// The longest word taken into a name, in chars, and how many are taken on each side.
const PART_MAX: usize = 4;
const STEPS: usize = 2;
/// The longest subject looked for, and how far after a figure (`第2位的上海汽车`).
const SUBJECT_MAX: usize = 16;
const AFTER_REACH: usize = 30;

/// Where the text writes each word (Han words only), to count a word, and the words
/// right after it, when asked: the text's tokens grouped by their first char and
/// length (a list for each group, built in one pass), so a count reads only that group, and each
/// word asked is counted once. Hash maps of every word and word pair of the text
/// cost an eighth of extraction.
pub(super) struct Pairs<'a> {
    chars: &'a [char],
    tokens: &'a [Token],
    /// The top bits of a group key's hash name the group.
    shift: u32,
    /// The last token of each group (`u32::MAX`: none)…
    head: Vec<u32>,
    /// …and for each token, the one before it in its group.
    next: Vec<u32>,
    /// The words counted so far.
    seen: RefCell<FxHashMap<&'a [char], Counted<'a>>>,
}

/// How often the text writes a word, and (once asked) each word right after it.
struct Counted<'a> {
    one: u32,
    next: Option<FxHashMap<&'a [char], u32>>,
}

/// Is the word counted: non-empty, at most 8 chars, all Han?
fn counted(w: &[char]) -> bool {
    !w.is_empty() && w.len() <= 8 && w.iter().all(|c| super::is_han(*c))
}

/// The group of a word of 1 to 8 chars that starts with a Han char, else `None`.
#[inline]
fn group(w: &[char], shift: u32) -> Option<usize> {
    let (&c, n) = (w.first()?, w.len());
    (n <= 8 && super::is_han(c))
        .then(|| ((c as u64) << 3 | (n as u64 - 1)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift)
        .map(|h| h as usize)
}

/// The same chars (short words: a loop beats a call to `memcmp`).
#[inline]
fn same(a: &[char], b: &[char]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl<'a> Pairs<'a> {
    pub(super) fn new(chars: &'a [char], tokens: &'a [Token]) -> Self {
        // About one group for every eight tokens.
        let bits = (tokens.len() / 8).max(16).next_power_of_two().trailing_zeros().min(30);
        let shift = 64 - bits;
        let mut head = vec![u32::MAX; 1 << bits];
        // One pass: each token is put at the head of its group's list.
        let next = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| match group(&chars[t.start..t.end], shift) {
                Some(g) => std::mem::replace(&mut head[g], i as u32),
                None => u32::MAX,
            })
            .collect();
        Pairs { chars, tokens, shift, head, next, seen: RefCell::new(FxHashMap::default()) }
    }

    /// Counts the counted word `a` into `seen`, with the words right after it when `next`.
    fn count(&self, seen: &mut FxHashMap<&'a [char], Counted<'a>>, a: &'a [char], next: bool) {
        if seen.get(a).is_some_and(|c| c.next.is_some() || !next) {
            return;
        }
        let Some(g) = group(a, self.shift) else { return };
        let mut one = 0;
        let mut after: Option<FxHashMap<&'a [char], u32>> = next.then(FxHashMap::default);
        let mut i = self.head[g];
        while i != u32::MAX {
            let t = &self.tokens[i as usize];
            let at = i;
            i = self.next[i as usize];
            if !same(&self.chars[t.start..t.end], a) {
                continue;
            }
            one += 1;
            // A pair is counted when both its words are, one right after the other.
            if let (Some(after), Some(u)) = (after.as_mut(), self.tokens.get(at as usize + 1)) {
                let w = &self.chars[u.start..u.end];
                if u.start == t.end && counted(w) {
                    *after.entry(w).or_insert(0) += 1;
                }
            }
        }
        seen.insert(a, Counted { one, next: after });
    }

    /// Do `a` and `b` (adjacent) make one unit of the text?
    fn bound(&self, a: &'a [char], b: &'a [char]) -> bool {
        if !counted(a) || !counted(b) {
            return false;
        }
        let seen = &mut *self.seen.borrow_mut();
        self.count(seen, a, true);
        let ca = &seen[a];
        let (one_a, both) = (ca.one, ca.next.as_ref().and_then(|n| n.get(b)).copied().unwrap_or(0));
        if both < 2 || one_a == both {
            return both >= 2;
        }
        self.count(seen, b, false);
        seen[b].one == both
    }
}

/// The text's [`Pairs`], counted when first asked.
struct LazyPairs<'a> {
    cell: OnceCell<Pairs<'a>>,
    chars: &'a [char],
    tokens: &'a [Token],
}

impl<'a> LazyPairs<'a> {
    fn bound(&self, a: &'a [char], b: &'a [char]) -> bool {
        self.cell.get_or_init(|| Pairs::new(self.chars, self.tokens)).bound(a, b)
    }
}

impl<'a> Doc<'a> {
    pub(super) fn join_names(&self, figures: &mut [Figure]) {
        // Counted only once a figure's subject has a word next to it that may belong to it.
        let pairs = &LazyPairs { cell: OnceCell::new(), chars: self.chars, tokens: self.tokens };
        for f in figures.iter_mut() {
            if f.kind == Kind::Date {
                continue;
            }
            let Some(subject) = f.subject.as_deref() else { continue };
            let s = Chars::of(subject);
            if s.is_empty() || s.len() > SUBJECT_MAX {
                continue;
            }
            let Some((p, q)) = self.subject_place(&s, f.start, f.end) else { continue };
            // What follows the subject up to here may not be taken: the label, the figure.
            let label = Chars::of(f.label.as_deref().unwrap_or(""));
            let lim = if q <= f.start { f.start } else { self.chars.len().min(q + PART_MAX * STEPS) };
            let (mut a, mut b) = (p, q);
            for _ in 0..STEPS {
                let Some(e) = self.joined_after(pairs, b, lim, &label) else { break };
                b = e;
            }
            for _ in 0..STEPS {
                let Some(s) = self.joined_before(pairs, a) else { break };
                a = s;
            }
            if (a, b) != (p, q) {
                let name = self.text((a, b));
                if f.label.as_deref().is_none_or(|l| !l.contains(name.as_str())) {
                    f.subject = Some(name);
                }
            }
        }
    }

    /// Where the subject `s` stands: the last place before the figure in its sentence,
    /// else the first after it.
    pub(super) fn subject_place(&self, s: &[char], start: usize, end: usize) -> Option<(usize, usize)> {
        let n = s.len();
        let lo = self.sentence_start(start);
        let orig = |p: usize| self.orig[p..p + n] == *s;
        if let Some(p) = (lo..start.saturating_sub(n - 1)).rev().find(|&p| self.orig[p] == s[0] && orig(p)) {
            return Some((p, p + n));
        }
        let hi = self.chars.len().min(end + AFTER_REACH);
        let mut p = end;
        while p + n <= hi {
            if super::SENTENCE_BREAKS.contains(&self.chars[p]) {
                return None;
            }
            if self.orig[p] == s[0] && orig(p) {
                return Some((p, p + n));
            }
            p += 1;
        }
        None
    }

    /// A word right after a name ending at `b` (before `lim`) that belongs to it.
    fn joined_after(&self, pairs: &LazyPairs<'a>, b: usize, lim: usize, label: &[char]) -> Option<usize> {
        let i = self.token_starting(b)?;
        let (u, a) = (&self.tokens[i], self.tokens.get(i.checked_sub(1)?)?);
        if a.end != b || u.end > lim || !self.name_part(u) || !self.is_han_word(a) {
            return None;
        }
        // The label begins here: the name has ended.
        if self.label_starts(b, label) {
            return None;
        }
        // The name ends where what is said of it begins (`保利|发展|销售均价`, `…|发展|的`, `…|发展|，`):
        // a word before more words of a phrase (`外商|直接|投资`, `金融机构|本外币|各项`) is of that phrase.
        let ends = match self.tokens.get(i + 1) {
            None => true,
            Some(n) => {
                n.start != u.end
                    || self.label_starts(n.start, label)
                    || !self.is_han_word(n)
                    || self.is(n, "的")
                    || matches!(self.class(n), Some(Class::Time | Class::Change))
                    || self.is_verb(n)
            }
        };
        (ends && pairs.bound(self.word(a), self.word(u))).then_some(u.end)
    }

    /// Does the label start at `p`?
    fn label_starts(&self, p: usize, label: &[char]) -> bool {
        !label.is_empty() && self.orig.len() >= p + label.len() && self.orig[p..p + label.len()] == *label
    }

    /// A word right before a name starting at `a` that belongs to it.
    fn joined_before(&self, pairs: &LazyPairs<'a>, a: usize) -> Option<usize> {
        let i = self.token_starting(a)?;
        let (b, w) = (&self.tokens[i], &self.tokens[i.checked_sub(1)?]);
        if w.end != a || !self.name_part(w) || !self.is_han_word(b) {
            return None;
        }
        pairs.bound(self.word(w), self.word(b)).then_some(w.start)
    }

    /// Can the token be part of a name: a short Han word that is no function word (tags
    /// c, d, f, m, p, q, r, u), time, deictic, change, linking word or metric. A verb may be
    /// one (`保利|发展`, `华润|创业`): the counts tell.
    fn name_part(&self, t: &Token) -> bool {
        let w = self.word(t);
        !w.is_empty()
            && w.len() <= PART_MAX
            && self.is_han_word(t)
            && !matches!((code(t) & 0xff) as u8, b'c' | b'd' | b'f' | b'm' | b'p' | b'q' | b'r' | b'u')
            && !WORDS.contains_key(w)
            && METRIC.ending(w).is_none()
    }
}
