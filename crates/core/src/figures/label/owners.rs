//! Breakdown items and owners the walk over a metric's words misses:
//! - a one-char place, or a place with 以下/以上, joined to the metric by `的`
//!   (`县的零售额`, `县以下的零售额`): the place is whose the figure is;
//! - a school level or other place word the segmenter tags as a direction
//!   (`初中26021人`): a breakdown item like `高中10824人`;
//! - an item named right before a bracket that holds only its change
//!   (`发酵酒（增长87%）`);
//! - the lead-in that says what a breakdown sorts by (`分行业看`) is no owner.

use super::tokens::{T_F, T_S, code};
use super::{Doc, Span};
use crate::model::{Figure, Kind};

/// One-char places that own a figure when joined to it by `的`.
const PLACE_CHARS: &[char] = &['县', '縣', '市', '省', '区', '區', '镇', '鎮', '乡', '鄉', '村'];

impl Doc<'_> {
    /// `县的零售额`, `县以下的零售额`, `市以上的…`: a one-char place (and the scope after it) before `的`.
    pub(super) fn place_before_de(&self, label_start: usize) -> Option<Span> {
        if label_start < 2 || self.chars[label_start - 1] != '的' {
            return None;
        }
        let end = label_start - 1;
        let mut i = self.token_ending(end, end.saturating_sub(4))?;
        let scope = self.is(&self.tokens[i], "以下") || self.is(&self.tokens[i], "以上");
        if scope {
            i = self.token_ending(self.tokens[i].start, end.saturating_sub(4))?;
        }
        let t = &self.tokens[i];
        let w = self.word(t);
        let opens = t.start == 0 || !super::is_han(self.chars[t.start - 1]);
        (w.len() == 1 && PLACE_CHARS.contains(&w[0]) && opens).then_some((t.start, end))
    }

    /// `初中26021人`: a clause of one two-char word the segmenter tags as a
    /// direction or a place (`初中`/f, `高中`/s), right before the figure.
    pub(super) fn bare_level(&self, lo: usize, at: usize) -> Option<Span> {
        let r = self.within(lo, at);
        if r.len() != 1 {
            return None;
        }
        let t = &self.tokens[r.start];
        let two = t.end - t.start == 2 && t.start == lo && t.end == at;
        (two && matches!(code(t), T_F | T_S)
            && self.is_han_word(t)
            && self.class(t).is_none()
            && !self.is(t, "以上")
            && !self.is(t, "以下"))
        .then_some((t.start, t.end))
    }

    /// `发酵酒（增长87%）`: a change alone in a bracket (its clause opens at `lo`,
    /// right after the bracket) belongs to the item named before the bracket.
    pub(super) fn bracketed_item(&self, lo: usize) -> Option<Span> {
        if lo < 3 || !matches!(self.chars[lo - 1], '（' | '(') || !super::is_han(self.chars[lo - 2]) {
            return None;
        }
        let open = lo - 1;
        let from = self.clause_start(open, 0);
        let item = self.metric_before(from, open).label?;
        // A metric before the bracket is no item: the change is its own.
        (!self.names_metric(item) && item.1 - item.0 >= 2).then_some(item)
    }

    /// `分行业看`, `从分地区看`, `按行业分`: what a breakdown sorts by.
    pub(super) fn is_sort_lead(&self, (s, e): Span) -> bool {
        let w = &self.chars[s..e];
        let after = &self.chars[e..self.chars.len().min(e + 2)];
        matches!(w.first(), Some('分' | '按'))
            && (after.first() == Some(&'看') || matches!(after, ['来' | '來', '看']) || after.first() == Some(&'分'))
    }

    /// `紫金矿业为其第一大股东`, `美国成为第一大市场`: the name that opens a rank's
    /// clause before its linking verb is what is ranked (rule 6).
    pub(super) fn rank_owner(&self, f: &Figure, lo: usize) -> Option<Span> {
        if f.kind != Kind::Rank {
            return None;
        }
        let r = self.within(lo, f.start);
        let link = r.clone().find(|&i| RANK_LINKS.iter().any(|w| self.is(&self.tokens[i], w)))?;
        if link == r.start {
            return None;
        }
        let names = (r.start..link).all(|i| {
            let t = &self.tokens[i];
            self.is_han_word(t) && self.class(t).is_none() && (self.is_nounish(t) || self.is_entity(t))
        });
        let (s, e) = (self.tokens[r.start].start, self.tokens[link - 1].end);
        (names && e - s >= 2 && s == lo).then_some((s, e))
    }
}

/// Verbs that link a name to its rank.
const RANK_LINKS: &[&str] = &["为", "為", "是", "成为", "成為", "位居", "居", "列", "位列", "排名", "排在"];
