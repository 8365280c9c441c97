//! `油价下线将调至每桶94美元`, `生产基地将扩至8家`, `股价一度最高涨至571.5元/股`,
//! `国三0#柴油最低至8600元/吨`, `0#柴油可优惠至7.14元/升`: a level reached, written after a
//! verb of change ending in `至`/`到`. The metric is the noun before the verb, its adverbs and
//! its modals (labels.md rule 4: linking and change words, qualifiers and modals are left out);
//! the verb or an adverb before it (`调至`, `高涨`, `柴油最低`) is no label.

use super::tokens::{T_D, T_VN, code, pack};
use super::{CLAUSE_BREAKS, Doc};
use crate::model::{Figure, Kind};

/// `一度`: the segmenter tags it a numeral with a measure word.
const T_MQ: u32 = pack("mq");

/// Words between a metric and its verb of change (simplified and traditional).
const BETWEEN: &[&str] = &[
    "将",
    "將",
    "可",
    "一度",
    "最高",
    "最低",
    "最",
    "再",
    "已",
    "又",
    "还",
    "還",
    "会",
    "會",
    "也",
    "均",
    "分别",
    "分別",
    "或",
    "有望",
    "将会",
    "將會",
    "已经",
    "已經",
    "仍",
    "最多",
    "最少",
    "进一步",
    "進一步",
    "大幅",
    "逐步",
    "则",
    "則",
];
/// Words ending in `至`/`到` that are no verb of change (`截至3月`, `甚至`, `达到`: a linking verb).
const NOT_CHANGE: &[&str] =
    &["截至", "直至", "乃至", "甚至", "以至", "达到", "達到", "受到", "得到", "做到", "达至", "達至"];
/// How many chars may stand between `至` and the figure (`每桶`, `约`).
const GAP_MAX: usize = 3;

impl Doc<'_> {
    /// Give a level reached after `…至` the metric named before its verb.
    pub(super) fn levels_reached(&self, figures: &mut [Figure]) {
        let mut prev_end = 0;
        for f in figures.iter_mut() {
            let pe = std::mem::replace(&mut prev_end, f.end);
            if matches!(f.kind, Kind::Date | Kind::Duration) || f.start < 3 {
                continue;
            }
            // The `至`/`到` right before the figure, over a per-unit word or a hedge.
            let lim = f.start.saturating_sub(GAP_MAX + 1).max(pe);
            let Some(z) = (lim..f.start).rev().find(|&p| matches!(self.chars[p], '至' | '到')) else { continue };
            if self.chars[z + 1..f.start].iter().any(|c| c.is_ascii_digit() || CLAUSE_BREAKS.contains(c)) {
                continue;
            }
            let Some(ti) = self.token_ending(z + 1, pe) else { continue };
            let t = &self.tokens[ti];
            if self.is_any(t, NOT_CHANGE) {
                continue;
            }
            // The verb: fused to `至` (`调至`) or the word before it (`涨|至`, `优惠|至`).
            let mut i = ti;
            if t.end - t.start == 1 {
                let Some(v) = ti.checked_sub(1).filter(|&v| self.tokens[v].start >= pe) else { continue };
                let vt = &self.tokens[v];
                if !(self.is_verb(vt) || code(vt) == T_VN || self.is_any(vt, BETWEEN)) {
                    continue;
                }
                i = v;
            }
            // Adverbs and modals before the verb.
            let mut p = self.tokens[i].start;
            let mut n = 0;
            while n < 3
                && let Some(a) = i.checked_sub(1).filter(|&a| self.tokens[a].start >= pe)
                && (self.is_any(&self.tokens[a], BETWEEN) || matches!(code(&self.tokens[a]), T_D | T_MQ))
            {
                i = a;
                p = self.tokens[a].start;
                n += 1;
            }
            let lo = self.clause_start(f.start, pe);
            if p < lo + 2 {
                continue;
            }
            // Only a label that took the verb or its adverbs, or none.
            let z1 = z + 1;
            if let Some(l) = f.label.as_deref() {
                let len = l.chars().count();
                let took_verb = (p + 1..=z1)
                    .any(|e| e >= lo + len && e - len >= lo && self.orig[e - len..e].iter().copied().eq(l.chars()));
                if !took_verb {
                    continue;
                }
            }
            let before = self.metric_before(lo, p);
            let Some(span) = before.label.filter(|s| s.1 - s.0 >= 2 && !before.place && !before.examples) else {
                continue;
            };
            // `浙江省内生产基地`: a place's `内` cut off from the place is no part of the metric.
            let span = if matches!(self.chars[span.0], '内' | '內' | '外') && span.1 - span.0 >= 3 {
                (span.0 + 1, span.1)
            } else {
                span
            };
            let new = self.text(span);
            if f.subject.as_deref() == Some(new.as_str()) {
                // The metric read as an owner.
                f.subject = None;
            }
            f.label = Some(new);
        }
    }
}
