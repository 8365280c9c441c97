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
use super::tokens::code;
use super::words::{Class, METRIC, WORDS};
use crate::model::{Figure, Kind, Token};
use rustc_hash::FxHashMap;
use std::cell::OnceCell;

/// The longest word taken into a name, in chars, and how many are taken on each side.
const PART_MAX: usize = 4;
const STEPS: usize = 2;
/// The longest subject looked for, and how far after a figure (`第2位的上海汽车`).
const SUBJECT_MAX: usize = 16;
const AFTER_REACH: usize = 30;

/// How often the text writes each word, and each pair of adjacent words (Han words only).
pub(super) struct Pairs<'a> {
    one: FxHashMap<&'a [char], u32>,
    two: FxHashMap<(&'a [char], &'a [char]), u32>,
}

impl<'a> Pairs<'a> {
    pub(super) fn new(chars: &'a [char], tokens: &[Token]) -> Self {
        let mut one: FxHashMap<&'a [char], u32> = FxHashMap::default();
        let mut two: FxHashMap<(&'a [char], &'a [char]), u32> = FxHashMap::default();
        let mut prev: Option<&'a [char]> = None;
        let mut prev_end = usize::MAX;
        for t in tokens {
            let w = &chars[t.start..t.end];
            if w.is_empty() || w.len() > 8 || !w.iter().all(|c| super::is_han(*c)) {
                prev = None;
                continue;
            }
            *one.entry(w).or_insert(0) += 1;
            if let Some(p) = prev.filter(|_| prev_end == t.start) {
                *two.entry((p, w)).or_insert(0) += 1;
            }
            prev = Some(w);
            prev_end = t.end;
        }
        Pairs { one, two }
    }

    /// Do `a` and `b` (adjacent) make one unit of the text?
    fn bound(&self, a: &[char], b: &[char]) -> bool {
        let both = self.two.get(&(a, b)).copied().unwrap_or(0);
        both >= 2 && (self.one.get(a) == Some(&both) || self.one.get(b) == Some(&both))
    }
}

/// The text's [`Pairs`], counted when first asked.
struct LazyPairs<'a> {
    cell: OnceCell<Pairs<'a>>,
    chars: &'a [char],
    tokens: &'a [Token],
}

impl LazyPairs<'_> {
    fn bound(&self, a: &[char], b: &[char]) -> bool {
        self.cell.get_or_init(|| Pairs::new(self.chars, self.tokens)).bound(a, b)
    }
}

impl Doc<'_> {
    pub(super) fn join_names(&self, figures: &mut [Figure]) {
        // Counted only once a figure's subject has a word next to it that may belong to it.
        let pairs = &LazyPairs { cell: OnceCell::new(), chars: self.chars, tokens: self.tokens };
        for f in figures.iter_mut() {
            if f.kind == Kind::Date {
                continue;
            }
            let Some(subject) = f.subject.as_deref() else { continue };
            let s: Vec<char> = subject.chars().collect();
            if s.is_empty() || s.len() > SUBJECT_MAX {
                continue;
            }
            let Some((p, q)) = self.subject_place(&s, f.start, f.end) else { continue };
            // What follows the subject up to here may not be taken: the label, the figure.
            let label: Vec<char> = f.label.as_deref().map(|l| l.chars().collect()).unwrap_or_default();
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
    fn joined_after(&self, pairs: &LazyPairs, b: usize, lim: usize, label: &[char]) -> Option<usize> {
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
    fn joined_before(&self, pairs: &LazyPairs, a: usize) -> Option<usize> {
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
