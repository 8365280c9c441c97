//! A figure whose clause names no metric, right after a clause that names
//! one and states no figure of it (rule 2): `零售业总销货数量的临时估计，较去年同月上升11%`
//! is the change of 零售业总销货数量, and `全年日照时数为2300小时，居全国第二位`
//! ranks 日照时数.

use super::{Doc, Own, SENTENCE_BREAKS, Span};
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// The metric named by the clause before the one at `lo` when that clause states no figure but dates.
    pub(super) fn metric_clause_before(&self, lo: usize, figures: &[Figure], k: usize) -> Option<Span> {
        if lo == 0 || !matches!(self.chars[lo - 1], '，' | ',') {
            return None;
        }
        let floor = figures[..k].iter().rev().find(|g| g.kind != Kind::Date).map_or(0, |g| g.end);
        if floor + 2 > lo {
            return None;
        }
        let from = self.clause_start(lo - 1, floor);
        let b = self.metric_before(from, lo - 1);
        b.label.filter(|&l| !b.examples && !b.place && self.names_metric(l))
    }

    /// A rank that names no metric, after a duration in its sentence that does, ranks it
    /// (other figures pass their metric on when labels are inherited).
    pub(super) fn rank_after_duration(&self, own: &mut Own, figures: &[Figure], k: usize, owns: &[Own]) {
        let f = &figures[k];
        if f.kind != Kind::Rank || own.label.is_some() || k == 0 {
            return;
        }
        let (prev, p) = (&figures[k - 1], &owns[k - 1]);
        if prev.kind != Kind::Duration || p.label.is_none() || p.after {
            return;
        }
        if self.chars[prev.end..f.start].iter().any(|c| SENTENCE_BREAKS.contains(c)) {
            return;
        }
        own.label = p.label;
    }
}
