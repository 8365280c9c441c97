//! `主要國家最新失業率如次:法國10.4%,英國7.1%,加拿大6.9%`: a lead-in that names a metric
//! and ends in a colon opens a list of items, each a name and its figure; the metric is
//! stated once for the whole list and is each member's label (labels.md rules 2 and 9;
//! each item is its subject). Only figures that found no label of their own take it, and
//! the list ends at the first figure that names its own metric or at a sentence break.
//!
//! One pass over the figures: each item is read back from its figure to the break before
//! it (at most [`ITEM_MAX`] chars), and the lead-in is read once, at the colon.

use super::{CLAUSE_REACH, Doc, SENTENCE_BREAKS};
use crate::figures::units::ends_with_any;
use crate::model::{Figure, Kind};

/// The longest item name read between a break and its figure.
const ITEM_MAX: usize = 10;
/// How many chars may stand between one item's figure and the break before the next item
/// (a bracketed note, `新加坡1.8%(居民失業率2.7%)`, has its own figure and ends nothing).
const GAP_MAX: usize = 2;
/// Words that end a lead-in and say a list follows (simplified chars).
const LEAD_ENDS: &[&str] = &["如次", "如下", "依次为", "分别为", "分别是", "依次是", "为", "是"];

impl Doc<'_> {
    /// Give the items of a list after a colon the metric of its lead-in (see the module notes).
    pub(super) fn colon_lists(&self, figures: &mut [Figure]) {
        // The lead-in's label and the end of the last item that took it.
        let mut active: Option<(String, usize)> = None;
        for k in 0..figures.len() {
            let f = &figures[k];
            if f.kind == Kind::Date || f.label.is_some() {
                // A figure naming its own metric ends the list (a bracketed note inside an item does not).
                if f.label.is_some() && active.as_ref().is_some_and(|a| !self.bracketed(a.1, f.start)) {
                    active = None;
                }
                continue;
            }
            let Some(a) = self.item_start(f.start) else {
                active = None;
                continue;
            };
            let brk = self.chars[a - 1];
            let label = if matches!(brk, '：' | ':') {
                let prev_end = k.checked_sub(1).map_or(0, |p| figures[p].end);
                self.colon_lead(a - 1, prev_end)
            } else if matches!(brk, '，' | ',' | '、' | '；' | ';') {
                active.as_ref().filter(|(_, end)| self.item_follows(*end, a - 1)).map(|(l, _)| l.clone())
            } else {
                None
            };
            match label {
                Some(l) => {
                    figures[k].label = Some(l.clone());
                    active = Some((l, figures[k].end));
                }
                None => active = None,
            }
        }
    }

    /// Where the item before a figure at `at` begins: right after a break, with only a short
    /// name (Han chars, letters) between it and the figure.
    fn item_start(&self, at: usize) -> Option<usize> {
        let lo = at.saturating_sub(ITEM_MAX);
        let mut a = at;
        while a > lo && (super::is_han(self.chars[a - 1]) || self.chars[a - 1].is_alphabetic()) {
            a -= 1;
        }
        (a > 0 && a < at && !super::is_han(self.chars[a - 1]) && !self.chars[a - 1].is_alphabetic()).then_some(a)
    }

    /// Does the break at `brk` follow the last item's figure, ending at `end`, closely?
    fn item_follows(&self, end: usize, brk: usize) -> bool {
        brk >= end
            && (brk - end <= GAP_MAX || self.bracketed(end, brk))
            && !self.chars[end..brk].iter().any(|c| SENTENCE_BREAKS.contains(c))
    }

    /// Is `s..e` a bracketed note (`(居民失業率2.7%)`) and nothing else?
    fn bracketed(&self, s: usize, e: usize) -> bool {
        e > s + 1 && matches!(self.chars[s], '(' | '（') && {
            let close = (s + 1..e.min(s + CLAUSE_REACH)).find(|&j| matches!(self.chars[j], ')' | '）'));
            close.is_some_and(|c| e - c <= GAP_MAX)
        }
    }

    /// The metric named by the lead-in that ends in the colon at `colon`.
    fn colon_lead(&self, colon: usize, prev_end: usize) -> Option<String> {
        let lo = self.clause_start(colon, prev_end);
        let mut hi = colon;
        if let Some((_, n)) = ends_with_any(self.chars, hi, LEAD_ENDS) {
            hi -= n;
        }
        let label = self.metric_before(lo, hi).label?;
        (self.names_metric(label) && label.1 - label.0 >= 2).then(|| self.text(label))
    }
}
