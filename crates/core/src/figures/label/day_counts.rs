//! Durations named by a statistic of days (labels.md rule 10): a turnover
//! count `产成品存货周转天数为17.4天` is named by its 天数, and the change stated
//! right after it (`同比减少0.9天`) is the change of the same statistic (rule 5).

use super::charbuf::Chars;
use super::{CLAUSE_BREAKS, Doc, Own};
use crate::model::{Figure, Kind};

/// The head of a statistic counted in days.
const DAY_HEADS: &[&str] = &["天数", "天數", "日数", "日數"];

impl Doc<'_> {
    /// Label a duration by a day-count statistic before it, or by the duration before it that it changes.
    pub(super) fn day_count(&self, figures: &[Figure], k: usize, own: &mut Own, before_it: &[Own]) {
        let f = &figures[k];
        if f.kind != Kind::Duration || own.label.is_some() {
            return;
        }
        let floor = k.checked_sub(1).map_or(0, |p| figures[p].end);
        let lo = self.clause_start(f.start, floor);
        if f.change.is_none() {
            let Some((s, e)) = self.metric_before(lo, f.start).label else { return };
            let w = &self.chars[s..e];
            if DAY_HEADS.iter().any(|h| {
                let h = Chars::of(h);
                w.len() > h.len() && w.ends_with(&h)
            }) {
                own.label = Some((s, e));
            }
            return;
        }
        // `…为17.4天，同比减少0.9天`: the duration before, in the same sentence, named.
        let Some(p) = k.checked_sub(1) else { return };
        let (prev, po) = (&figures[p], &before_it[p]);
        if prev.kind != Kind::Duration || prev.change.is_some() || po.label.is_none() || po.after {
            return;
        }
        let gap = &self.chars[prev.end..f.start];
        let breaks = gap.iter().filter(|c| CLAUSE_BREAKS.contains(c)).count();
        if breaks > 1 || gap.iter().any(|c| matches!(c, '。' | '；' | ';' | '\n')) || gap.len() > 12 {
            return;
        }
        // The clause of the change names nothing but the change.
        if self.metric_before(lo, f.start).label.is_some_and(|l| self.names_metric(l)) {
            return;
        }
        own.label = po.label;
        own.subject = own.subject.or(po.subject);
    }
}
