//! `四川GDP首次突破4万亿元`, `全省GDP再次突破4万亿元`, `进出口总额首次达到1000亿元`: an
//! adverb of time or manner (`首次`, `再次`, `一举`) between a metric and its figure
//! says when or how the figure was reached, not what it measures (rule 4: aspect
//! and qualifier words are left out). The metric is read before it.

use super::tokens::{T_D, code};
use super::words::Class;
use super::{Doc, Own};
use crate::model::{Figure, Kind};

/// Adverbs the segmenter tags as numerals or leaves untagged (`首次`/m), and a few
/// common ones of its `d` words.
const ADVERBS: &[&str] = &[
    "首次",
    "首度",
    "再次",
    "再度",
    "一举",
    "历史性",
    "歷史性",
    "首超",
    "继续",
    "繼續",
    "持续",
    "持續",
    "仍然",
    "依然",
    "稳步",
    "穩步",
];

impl Doc<'_> {
    /// Read the metric before an adverb that ends the clause before a figure left with no label.
    pub(super) fn adverb_end(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if own.label.is_some() || own.item || matches!(f.kind, Kind::Date | Kind::Duration | Kind::Rank) {
            return;
        }
        let Some(mut i) = self.token_ending(f.start, f.start.saturating_sub(4)) else { return };
        // Over a linking word (`首次达到`).
        if self.class(&self.tokens[i]) == Some(Class::Filler)
            && let Some(p) = i.checked_sub(1).filter(|&p| self.tokens[p].end == self.tokens[i].start)
        {
            i = p;
        }
        let t = &self.tokens[i];
        let w = self.word(t);
        // Two chars, listed or an adverb the segmenter knows (`再次`/d) with no class of its own.
        let adverb = w.len() >= 2
            && (ADVERBS.iter().any(|a| self.is(t, a))
                || code(t) == T_D && w.len() == 2 && self.is_han_word(t) && self.class(t).is_none());
        if !adverb {
            return;
        }
        let prev_end = k.checked_sub(1).map_or(0, |p| figures[p].end);
        let lo = self.clause_start(t.start, prev_end);
        if let Some(l) = self.metric_before(lo, t.start).label.filter(|&l| self.names_metric(l)) {
            own.label = Some(l);
            own.after = false;
        }
    }
}
