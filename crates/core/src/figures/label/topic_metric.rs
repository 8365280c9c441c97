//! A metric named as the topic of its sentence, with the figure further on in a
//! predicate (labels.md rule 2): `第一产业用电量稳步增长，完成38.86亿千瓦时`,
//! `今年GDP上修至7.37%`, `失業率較…下跌0.2個百分點至3.1%`, `已售未结资源规模刷新纪录，
//! 达到1022万平方米`. The clause of such a figure names no metric, and no figure
//! before it stated one to inherit, so it would get none: it takes the nearest
//! metric before it in its sentence. A level after a change (`销量比上年增加9成，
//! 增至93万辆`) takes the metric of the change.

use super::inherit::{clean_label, cleaned};
use super::words::DURATION;
use super::{CLAUSE_BREAKS, Doc};
use crate::model::{Figure, Kind};

/// The most clause breaks read back over from a figure to its metric.
const CLAUSES_MAX: usize = 2;
/// Verbs that lead from a change to the level it reaches (`增至93万辆`).
const TO_LEVEL: &[&str] = &["至", "到", "达", "达到", "為", "为"];

impl Doc<'_> {
    /// Give a figure that has no label the metric its sentence opens with (see the module notes).
    pub(super) fn topic_metrics(&self, figures: &mut [Figure]) {
        for k in 0..figures.len() {
            let f = &figures[k];
            // A count names what it counts, or nothing (`200余人顶着烈日施工`), unless it is a level a change reaches.
            // (Compared in place: no copy of each word.)
            let level = TO_LEVEL.iter().any(|w| crate::figures::units::ends_with(self.chars, f.start, w).is_some());
            if f.label.is_some()
                || !matches!(f.kind, Kind::Percent | Kind::Money | Kind::Quantity | Kind::Duration | Kind::Count)
                || f.kind == Kind::Count && !level
            {
                continue;
            }
            let sent = self.sentence_start(f.start);
            let mut hi = f.start;
            let mut j = k;
            let mut breaks = 0;
            let label = loop {
                let lo = if j > 0 { figures[j - 1].end.max(sent).min(hi) } else { sent };
                match self.nearest_metric(lo, hi, &mut breaks) {
                    Ok(Some(l)) => break Some(l),
                    Ok(None) => {}
                    Err(()) => break None,
                }
                if j == 0 || figures[j - 1].end <= sent {
                    break None;
                }
                let p = &figures[j - 1];
                if p.kind == Kind::Date || p.label.is_none() {
                    hi = p.start;
                    j -= 1;
                    continue;
                }
                // A labelled figure before it: a change's level or a change takes its metric.
                break (f.change.is_some() || level).then(|| p.label.clone()).flatten();
            };
            let Some(label) = label else { continue };
            if f.kind == Kind::Duration && DURATION.ending(&label.chars().collect::<Vec<_>>()).is_none() {
                continue;
            }
            // The metric's own words are no subject (rule 8).
            if figures[k].subject.as_deref() == Some(label.as_str()) {
                figures[k].subject = None;
            }
            figures[k].label = Some(label);
        }
    }

    /// The metric named nearest before `hi` in `lo..hi`: `Ok(None)` if none is named there,
    /// `Err` if the sentence turns to something else first (too many clauses back).
    fn nearest_metric(&self, lo: usize, hi: usize, breaks: &mut usize) -> Result<Option<String>, ()> {
        let r = self.within(lo, hi);
        for ti in r.rev() {
            let t = &self.tokens[ti];
            if t.end - t.start == 1 && CLAUSE_BREAKS.contains(&self.chars[t.start]) {
                *breaks += 1;
                if *breaks > CLAUSES_MAX || !matches!(self.chars[t.start], '，' | ',') {
                    return Err(());
                }
                continue;
            }
            // `呈两位数增长`: a numeral word names no metric.
            // `平均利用小时`: a time named as a statistic (its last word is no noun).
            let timed = |s: (usize, usize)| DURATION.ending(&self.chars[s.0.saturating_sub(2).max(lo)..s.1]).is_some();
            let names = |s: (usize, usize)| self.names_metric(s) || timed(s);
            if !(self.names_metric((t.start, t.end)) && self.is_nounish(t) || timed((t.start, t.end)))
                || crate::numeral::is_cn_numeral_char(self.chars[t.start])
            {
                continue;
            }
            // `空置率高的商場`: a metric inside a modifier is not what the sentence is about.
            let clause_end = (t.end..hi).find(|&p| CLAUSE_BREAKS.contains(&self.chars[p])).unwrap_or(hi);
            if self.chars[t.end..clause_end].contains(&'的') {
                return Err(());
            }
            let from = self.clause_start(t.end, lo);
            // A time's last word is dropped as a unit by the metric reader: it reads the words before it.
            let time = !self.names_metric((t.start, t.end));
            let mut b = self.metric_before(from, if time { t.start } else { t.end });
            if time {
                b.label = b.label.filter(|l| l.1 == t.start).map(|l| (l.0, t.end));
            }
            if b.examples || b.place {
                return Err(());
            }
            if let Some(l) = b.label.filter(|&l| names(l)) {
                return Ok(cleaned(self.text(l), clean_label));
            }
        }
        Ok(None)
    }
}
