//! Durations named by a statistic of days or weeks (labels.md rule 10): a turnover
//! count `产成品存货周转天数为17.4天` is named by its 天数, and the change stated
//! right after it (`同比减少0.9天`) is the change of the same statistic (rule 5).

use super::charbuf::Chars;
use super::{CLAUSE_BREAKS, Doc, Own, is_han};
use crate::figures::units::ends_with;
use crate::model::{Figure, Kind};

/// The head of a statistic counted in days or weeks (`平均失業週數為26.8週`).
const DAY_HEADS: &[&str] = &["天数", "天數", "日数", "日數", "周数", "週數", "週数", "周數"];

impl Doc<'_> {
    /// Label a duration by a day-count statistic before it, or by the duration before it that it changes.
    pub(super) fn day_count(&self, figures: &[Figure], k: usize, own: &mut Own, before_it: &[Own]) {
        let f = &figures[k];
        if f.kind != Kind::Duration || own.label.is_some() {
            return;
        }
        let floor = k.checked_sub(1).map_or(0, |p| figures[p].end);
        let lo = self.clause_start(f.start, floor);
        // `较上月延长0.8周`: a duration right after a lengthening or shortening verb is a change.
        let lengthened = ["延长", "缩短"].iter().any(|v| {
            let v = Chars::of(v);
            self.chars[..f.start].ends_with(&v)
        });
        if f.change.is_none() && !lengthened {
            let clause = self.metric_before(lo, f.start).label;
            if let Some((s, e)) = clause {
                let w = &self.chars[s..e];
                // (compared in place, not decoded into chars for each head)
                if DAY_HEADS.iter().any(|h| ends_with(self.chars, e, h).is_some_and(|n| e - s > n)) {
                    own.label = Some((s, e));
                    // `失业者平均失业周数`: the group before the 平均 that opens the statistic is its subject.
                    if let Some(at) = w.windows(2).position(|p| p == ['平', '均']).filter(|&at| at >= 2) {
                        own.label = Some((s + at, e));
                        own.subject = own.subject.or(Some((s, s + at)));
                    }
                    return;
                }
            }
            // `其中初次寻职者为33.0周`: a group's value of the day count just before, in the same paragraph.
            if clause.is_some_and(|l| self.names_metric(l)) {
                return;
            }
            let Some(p) = k.checked_sub(1) else { return };
            let Some(j) = (0..=p).rev().find(|&j| figures[j].change.is_none() && figures[j].kind == Kind::Duration)
            else {
                return;
            };
            if (j..k).any(|i| figures[i].kind != Kind::Duration)
                || f.start - figures[j].end > 40
                || self.chars[figures[j].end..f.start].iter().any(|c| matches!(c, '。' | '\n'))
            {
                return;
            }
            let Some((s, e)) = before_it[j].label.filter(|_| !before_it[j].after) else { return };
            if DAY_HEADS.iter().any(|h| ends_with(self.chars, e, h).is_some_and(|n| e - s >= n)) {
                own.label = Some((s, e));
                // The group is the whole clause before its linking verb (`非初次寻职者`), past a `其中`.
                let group = clause.map(|(_, ge)| {
                    let gs = if self.chars[lo..ge].starts_with(&['其', '中']) { lo + 2 } else { lo };
                    (gs, ge)
                });
                own.subject =
                    group.filter(|g| g.1 > g.0 && self.chars[g.0..g.1].iter().all(|c| is_han(*c))).or(own.subject);
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
