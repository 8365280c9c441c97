//! A figure whose clause names no metric, right after a clause that names
//! one and states no figure of it (rule 2): `零售业总销货数量的临时估计，较去年同月上升11%`
//! is the change of 零售业总销货数量, and `全年日照时数为2300小时，居全国第二位`
//! ranks 日照时数.

use super::{Doc, Own, Span};
use crate::model::{Figure, Kind};

/// Verbs that say where a metric ranks.
const RANK_VERBS: &[&str] = &["居", "位居", "排名", "排", "列", "位列", "居于", "跃居", "躍居", "排在"];

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

    /// A rank that names no metric ranks the metric before its verb in its clause
    /// (`进出口总额居全省第4位`), or that of a duration before it in its sentence
    /// (other figures pass their metric on when labels are inherited).
    pub(super) fn rank_after_duration(&self, own: &mut Own, figures: &[Figure], k: usize, owns: &[Own]) {
        let f = &figures[k];
        if f.kind != Kind::Rank || own.label.is_some() {
            return;
        }
        // `进出口总额居全省第4位`: the metric before the verb of ranking in the rank's own clause.
        let lo = self.clause_start(f.start, if k > 0 { figures[k - 1].end } else { 0 });
        if let Some(at) = RANK_VERBS.iter().filter_map(|v| self.find(lo, f.start, v)).max()
            && let Some(l) = self.metric_before(lo, at).label.filter(|&l| self.names_metric(l))
        {
            own.label = Some(l);
            return;
        }
        let Some(j) = k.checked_sub(1) else { return };
        let (prev, p) = (&figures[j], &owns[j]);
        if prev.kind != Kind::Duration || p.label.is_none() || p.after {
            return;
        }
        if self.sentences.ends_within(prev.end, f.start) {
            return;
        }
        own.label = p.label;
    }
}
