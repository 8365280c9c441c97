//! `碧桂园以1655亿元的权益销售额位居榜首`, `保利发展以524.6亿元获得广州房地产流量销售金额榜首`,
//! `分别以311.26亿元、282.08亿元和254.43亿元获得销售金额榜前三名`: an amount after `以`
//! ("by", "with") is the measure a ranking or prize is won by; what it measures is
//! the metric after it, after `的` or in the name of the list that is won (rule 2).
//! The name before `以` is whose it is, not what it measures.

use super::tokens::{T_J, T_NS, T_P, code};
use super::{Doc, Own};
use crate::model::{Figure, Kind};

/// Words that close the name of a ranking (`销售金额榜首`, `销售面积榜单`).
const LIST_WORDS: &[&str] = &["榜首", "榜单", "榜單", "榜"];
/// How far after the amounts the metric is looked for, in chars.
const REACH: usize = 24;

impl Doc<'_> {
    /// Label an amount after `以` by the metric it is said to be of.
    pub(super) fn by_amount(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if !matches!(f.kind, Kind::Money | Kind::Quantity | Kind::Percent) || f.start == 0 {
            return;
        }
        // `以` right before the figure, or before the first of a list of figures it heads.
        let mut first = k;
        while first > 0 && self.joins(figures[first - 1].end, figures[first].start) {
            first -= 1;
        }
        let open = figures[first].start;
        if open == 0 || self.chars[open - 1] != '以' {
            return;
        }
        if self.token_ending(open, open - 1).is_none_or(|i| code(&self.tokens[i]) != T_P) {
            return;
        }
        // Past the last figure of the list.
        let mut last = k;
        while last + 1 < figures.len() && self.joins(figures[last].end, figures[last + 1].start) {
            last += 1;
        }
        let end = figures[last].end;
        let next_start = figures.get(last + 1).map_or(self.chars.len(), |n| n.start);
        let metric = if self.chars.get(end) == Some(&'的') {
            self.nouns_after(end + 1, next_start.min(end + REACH))
        } else {
            self.won_list(end, next_start.min(end + REACH), next_start)
        };
        let Some(m) = metric.filter(|&m| self.names_metric(m)) else {
            // `工行以1715.06亿元位居榜首`: no metric after it, but the name before `以` is still
            // whose the amount is, not what it measures; the metric is inherited.
            if own.subject.is_none()
                && let Some(l) = own.label.filter(|&(s, e)| e + 1 == open && !self.names_metric((s, e)))
            {
                own.subject = Some(l);
                own.label = None;
            }
            return;
        };
        // A name before `以` read as an item of a breakdown stays the subject; the metric is this one.
        if own.item {
            own.item = false;
            own.place = false;
        } else if own.subject.is_none()
            && let Some((s, e)) = own.label.filter(|&(_, e)| e + 1 == open)
        {
            own.subject = Some((s, e));
        }
        own.label = Some(m);
        own.after = true;
    }

    /// Only a list mark between two figures (`、`, `和`, `及`).
    fn joins(&self, a: usize, b: usize) -> bool {
        b > a && b - a <= 1 && matches!(self.chars[a], '、' | '和' | '及')
    }

    /// The nouns from `from` up to the first word that is none (`权益销售额` before `位居`).
    fn nouns_after(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let mut i = self.token_starting(from)?;
        let mut e = from;
        while i < self.tokens.len() && self.tokens[i].end <= to && self.is_nounish(&self.tokens[i]) {
            e = self.tokens[i].end;
            i += 1;
        }
        (e > from).then_some((from, e))
    }

    /// `获得广州房地产流量销售金额榜首`: the metric named in the list won after a verb.
    /// Or the metric right before a rank figure at `rank` (`获得销售面积前三名`).
    fn won_list(&self, from: usize, to: usize, rank: usize) -> Option<(usize, usize)> {
        let v = self.token_starting(from)?;
        if !self.is_verb(&self.tokens[v]) {
            return None;
        }
        let mut i = v + 1;
        let mut start = None;
        while i < self.tokens.len() && self.tokens[i].end <= to {
            let t = &self.tokens[i];
            if LIST_WORDS.iter().any(|w| self.is(t, w)) {
                let s = start?;
                return (t.start > s).then_some((s, t.start));
            }
            if matches!(code(t), T_NS | T_J) {
                // A place or scope before the metric is no part of it.
                start = None;
            } else if self.is_nounish(t) || self.is_content(t) {
                start = start.or(Some(t.start));
            } else {
                return None;
            }
            i += 1;
        }
        let s = start?;
        let e = self.tokens.get(i.checked_sub(1)?)?.end;
        (e == rank && e > s).then_some((s, e))
    }
}
