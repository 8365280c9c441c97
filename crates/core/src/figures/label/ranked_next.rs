//! A ranking that names the next item and then its figures (`其次為其他未分類消費品,上升23.4%`,
//! `其次為燃料（銷貨價值上升6.5%）`, `第三高是中港，占比十六．八％，年增九．八％`): the
//! item named after `其次為` (`最高是`, `第三高為`) is whose the figures after it in its
//! sentence are (rule 8), not the item of the sentence before it.

use super::Doc;
use crate::figures::units::{starts_with, string_of};
use crate::model::{Figure, Kind};

/// Words that name the next place of a ranking, before a linking word (simplified).
const LEADS: &[&str] = &["其次", "次之", "次高", "最高", "最低", "第二高", "第三高", "第二大", "第三大"];
/// The most chars of the item named.
const ITEM_MAX: usize = 16;
/// How far before a figure its lead is looked for.
const LOOK_BACK: usize = 2 * ITEM_MAX + 16;

impl Doc<'_> {
    pub(super) fn ranked_next(&self, figures: &mut [Figure]) {
        // The item named last, and where its sentence ends (the figures before that are its).
        let mut current: Option<(String, usize)> = None;
        let mut prev_end = 0;
        for f in figures.iter_mut() {
            let (start, end) = (f.start, f.end);
            if f.kind == Kind::Date {
                continue;
            }
            // The lead, the item (two lengths of it at most, with 的 and quotes) and a linking clause
            // stand within this many chars before the figure: no further back is read.
            let gap_from = prev_end.min(start).max(start.saturating_sub(LOOK_BACK));
            prev_end = end;
            if let Some((item, lo)) = self.next_item(gap_from, start) {
                f.subject = Some(item.clone());
                let stop = self.ranking_end(lo);
                current = Some((item, stop));
                continue;
            }
            match &current {
                // Later figures in the item's sentence with no owner of their own.
                Some((item, stop)) if start < *stop => {
                    if f.subject.is_none() {
                        f.subject = Some(item.clone());
                    }
                }
                _ => current = None,
            }
        }
    }

    /// `其次為X，` in `from..to`: X and where it ends.
    fn next_item(&self, from: usize, to: usize) -> Option<(String, usize)> {
        // Cheap turn-away first: a gap holds no lead's first char.
        let gap = &self.chars[from..to];
        if !gap.iter().any(|c| matches!(c, '其' | '次' | '最' | '第')) {
            return None;
        }
        let p = (from..to).rev().find(|&p| {
            matches!(self.chars[p], '其' | '次' | '最' | '第')
                && LEADS.iter().any(|w| starts_with(self.chars, p, w).is_some_and(|n| self.links(p + n)))
        })?;
        let n = LEADS.iter().find_map(|w| starts_with(self.chars, p, w))?;
        let mut a = p + n + 1;
        // `其次则为`: an adverb before the linking word.
        if matches!(self.chars[a - 1], '则' | '則') {
            a += 1;
        }
        // The item runs to a clause break or an opening bracket, with the figure after it.
        let b = (a..to).find(|&q| matches!(self.chars[q], '，' | ',' | '（' | '(' | '；' | ';' | '。'))?;
        if b == a
            || b - a > 2 * ITEM_MAX
            || self.chars[b..to].iter().any(|c| matches!(c, '。' | '；' | ';' | '！' | '？' | '\n'))
        {
            return None;
        }
        // `建造業中的「樓房裝飾、修葺及保養」`: the item after 的 is the one named.
        let a = (a..b).rev().find(|&q| self.chars[q] == '的').map_or(a, |q| q + 1);
        let item = &self.orig[a..b];
        let item = match item {
            ['「' | '“', rest @ .., '」' | '”'] => rest,
            _ => item,
        };
        // (an item that names a metric, `其次為營業收入`, is none)
        if item.len() < 2
            || item.len() > ITEM_MAX
            || !item.iter().all(|c| super::is_han(*c) || matches!(c, '、'))
            || super::words::METRIC
                .ending(&item.iter().map(|c| crate::simplified::simplify(*c)).collect::<Vec<char>>())
                .is_some()
        {
            return None;
        }
        Some((string_of(item), b))
    }

    /// Is a linking word (为, 是, or 则为) at `at`?
    fn links(&self, at: usize) -> bool {
        match self.chars.get(at) {
            Some('为' | '是') => true,
            Some('则' | '則') => matches!(self.chars.get(at + 1), Some('为' | '是')),
            _ => false,
        }
    }

    /// Where the sentence holding `at` ends.
    fn ranking_end(&self, at: usize) -> usize {
        (at..self.chars.len())
            .take(super::SENTENCE_REACH)
            .find(|&q| matches!(self.chars[q], '。' | '；' | ';' | '！' | '？' | '\n'))
            .unwrap_or(self.chars.len())
    }
}
