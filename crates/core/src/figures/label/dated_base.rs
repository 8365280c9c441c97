//! `較10月概估數增加0.57個百分點`, `較8月中預測數大幅上修2.92個百分點`: a comparison
//! whose base is dated has its date read as a figure, and the words after the date
//! (`概估數`, `預測數`) are still the base compared with, not the metric. The figure
//! takes the metric of the figure before it that it changes (rule 5).

use super::{CLAUSE_BREAKS, Doc, Own};
use crate::figures::units::ends_with_any;
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Drop a label that is the rest of a dated comparison base (see the module notes).
    pub(super) fn dated_base(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let Some(date) = k.checked_sub(1).map(|j| &figures[j]).filter(|d| d.kind == Kind::Date) else { return };
        if own.label.is_none() && !own.after {
            self.metric_before_base(figures, k, own);
            return;
        }
        let Some((s, e)) = own.label.filter(|_| !own.after) else { return };
        if date.start == 0
            || !matches!(self.chars[date.start - 1], '较' | '較' | '比')
            || s < date.end
            || self.chars[date.end..e].iter().any(|c| CLAUSE_BREAKS.contains(c))
        {
            return;
        }
        own.label = None;
        if own.subject.is_some_and(|(a, _)| a >= date.end) {
            own.subject = None;
        }
    }

    /// `商品住宅成交面积较2010年同期下降3.8%`: a change with nothing named after its dated
    /// base changes the metric named before the comparison word.
    fn metric_before_base(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let (f, date) = (&figures[k], &figures[k - 1]);
        // `较`, `比`, `环比` (`批准预售面积环比1季度增长78.3%`).
        let Some(n) = ends_with_any(self.chars, date.start, &["较", "較", "比", "环比", "環比"]).map(|(_, n)| n)
        else {
            return;
        };
        if f.change.is_none() || self.chars[date.end..f.start].iter().any(|c| CLAUSE_BREAKS.contains(c)) {
            return;
        }
        // (环比 ends in 比: the longer word is the one read.)
        let n = if n == 1 && date.start >= 2 && matches!(self.chars[date.start - 2], '环' | '環') { 2 } else { n };
        let at = date.start - n;
        let floor = if k > 1 { figures[k - 2].end } else { 0 };
        let lo = self.clause_start(at, floor);
        if let Some(mut l) = self.metric_before(lo, at).label.filter(|&l| self.names_metric(l)) {
            // `两年平均增速较一季度提高`: the span of the average, read as a duration, is part of it.
            if let Some(d) = k.checked_sub(2).map(|j| &figures[j]).filter(|d| {
                d.kind == Kind::Duration && d.end == l.0 && self.chars[d.end - 1] == '年' && self.chars[l.0] == '平'
            }) {
                l.0 = d.start;
            }
            own.label = Some(l);
            own.item = false;
            if own.subject.is_some_and(|(a, b)| b > l.0 && a < l.1) {
                own.subject = None;
            }
        }
    }
}
