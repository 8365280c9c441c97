//! `在乘联会厂商批发销量榜单中，…，比亚迪、吉利汽车分别排在第4、第5`, `按企业统计2021年的
//! 纯电动汽车（EV）销量，…排在第2位的上海汽车集团`: a rank whose clause names no metric
//! ranks the one the paragraph opened its chart with (rule 6: a rank takes the metric
//! that is ranked): the metric before a chart word, or after `统计`.

use super::{CLAUSE_BREAKS, Doc, Own};
use crate::model::{Figure, Kind};

/// Chart words after the ranked metric.
const CHARTS: &[&str] = &["排行榜", "榜单", "榜單", "排名"];
/// How far back in its paragraph a chart is looked for, in chars.
const CHART_REACH: usize = 160;

impl Doc<'_> {
    /// The metric of the chart a rank with no metric of its own is placed in.
    pub(super) fn rank_chart(&self, f: &Figure, own: &mut Own) {
        if f.kind != Kind::Rank || own.label.is_some() || self.chars[f.start] != '第' {
            return;
        }
        let floor = f.start.saturating_sub(CHART_REACH);
        let para = (floor..f.start).rev().find(|&p| self.chars[p] == '\n').map_or(floor, |p| p + 1);
        for p in (para + 2..f.start).rev() {
            // `…榜单中`: the metric written before the chart word.
            if let Some(w) = CHARTS.iter().find(|w| super::super::units::ends_with(self.chars, p, w).is_some()) {
                let at = p - w.chars().count();
                let lo = self.clause_start(at, para);
                if let Some(l) = self.metric_before(lo, at).label.filter(|&l| self.names_metric(l)) {
                    own.label = Some(l);
                    return;
                }
            }
            // `统计…销量，`: the metric a count by something is of, at the end of its clause.
            if self.chars[p - 2] == '统' && matches!(self.chars[p - 1], '计' | '計') {
                // (read over a bracketed note: `纯电动汽车（EV）销量`)
                let brackets = ['（', '）', '(', ')'];
                let Some(end) = (p..f.start)
                    .find(|&q| CLAUSE_BREAKS.contains(&self.chars[q]) && !brackets.contains(&self.chars[q]))
                else {
                    continue;
                };
                if let Some(l) = self.metric_before(p, end).label.filter(|&l| self.names_metric(l)) {
                    own.label = Some(l);
                    return;
                }
            }
        }
    }
}
