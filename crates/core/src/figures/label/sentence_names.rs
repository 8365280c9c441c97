//! A figure that every other rule left without a subject belongs to the name its
//! sentence gives (labels.md rule 8), before or after it: `台積電第3季營收為331億美元`
//! (a name the segmenter cuts, `台積|電`), `13151.38亿元，…，今年前三季度，杭州经济…`,
//! `其次分別為民營電廠22.5%及台電17.8%`. What counts as a name is what the text itself
//! names as an owner: the subjects the other rules gave its figures (a per-text set,
//! built once). When the sentence names several, the nearest one before the figure.
//!
//! Not taken: a name inside the figure's label (rule 8), a name that is part of a longer
//! one found at the same place, the figure itself, and a name after the figure past
//! `其中` (it owns a part of the figure: `…12.5亿立方米，其中某公司供气9.8亿立方米`).

use super::Doc;
use super::charbuf::Chars;
use crate::model::{Figure, Kind};
use rustc_hash::FxHashMap;

/// The names taken, in chars.
const NAME: std::ops::RangeInclusive<usize> = 2..=12;
/// How far the sentence is read each side of the figure.
const REACH: usize = 120;

impl Doc<'_> {
    pub(super) fn fill_from_names(&self, figures: &mut [Figure]) {
        // The names, by first char.
        let mut names: FxHashMap<char, Vec<Vec<char>>> = FxHashMap::default();
        for f in figures.iter() {
            let Some(s) = f.subject.as_deref() else { continue };
            let w = Chars::of(s);
            // (no ranking read as a name: `失業率最高`)
            if !NAME.contains(&w.len())
                || w.iter().any(|c| matches!(c, '、' | '，' | ',' | '和' | '及'))
                || super::subject_clean::SUPERLATIVES.iter().any(|x| s.ends_with(x))
            {
                continue;
            }
            let list = names.entry(w[0]).or_default();
            if !list.iter().any(|v| v[..] == w[..]) {
                list.push(w.to_vec());
            }
        }
        if names.is_empty() {
            return;
        }
        // The first chars as bits (code mod 1024): most chars of a sentence open no name, and
        // are turned away here, not by a hash lookup.
        let mut firsts = [0u64; 16];
        for &c in names.keys() {
            firsts[(c as usize >> 6) & 15] |= 1 << (c as u32 & 63);
        }
        let may_open = |c: char| firsts[(c as usize >> 6) & 15] >> (c as u32 & 63) & 1 != 0;
        for f in figures.iter_mut() {
            if f.subject.is_some() || f.kind == Kind::Date {
                continue;
            }
            // `，宁德时代、亿纬锂能等涨近4%`: a clause naming a list of owners has none (rule 8).
            let clause = (f.start.saturating_sub(REACH)..f.start)
                .rev()
                .find(|&p| matches!(self.chars[p], '，' | ',' | '。' | '；' | '\n'))
                .map_or(0, |p| p + 1);
            if self.chars[clause..f.start].contains(&'、') && self.chars[clause..f.start].contains(&'等') {
                continue;
            }
            let lo = self.sentences.start(f.start, REACH);
            let hi = self.sentence_end(f.end);
            let label = Chars::of(f.label.as_deref().unwrap_or(""));
            // (start, end) of each name found, longest at each place.
            let mut found: Vec<(usize, usize)> = Vec::new();
            let mut p = lo;
            while p < hi {
                if !may_open(self.orig[p]) {
                    p += 1;
                    continue;
                }
                let longest = names.get(&self.orig[p]).and_then(|list| {
                    list.iter()
                        .filter(|w| p + w.len() <= hi && self.orig[p..p + w.len()] == w[..])
                        .map(|w| w.len())
                        .max()
                });
                // `全市天然气供应量12.5亿立方米，其中某公司供气9.8亿立方米`: a name after `其中`
                // owns a part of the figure, not the figure itself.
                let part_after = |p: usize| p >= f.end && self.chars[f.end..p].windows(2).any(|w| w == ['其', '中']);
                match longest {
                    Some(n) if p + n <= f.start || (p >= f.end && !part_after(p)) => {
                        let w = &self.orig[p..p + n];
                        if !label.windows(n).any(|l| l == w) {
                            found.push((p, p + n));
                        }
                        p += n;
                    }
                    _ => p += 1,
                }
            }
            let one = found.windows(2).all(|x| self.orig[x[0].0..x[0].1] == self.orig[x[1].0..x[1].1]);
            let pick = if one { found.first() } else { found.iter().rev().find(|s| s.1 <= f.start) };
            if let Some(&s) = pick {
                f.subject = Some(self.text(s));
            }
        }
    }

    /// Where the sentence holding `at` ends (at most [`REACH`] chars on).
    fn sentence_end(&self, at: usize) -> usize {
        let hi = self.chars.len().min(at + REACH);
        (at..hi).find(|&p| super::SENTENCE_BREAKS.contains(&self.chars[p])).unwrap_or(hi)
    }
}
