//! The first item of a breakdown that carries the metric fused to it
//! (`杂项耐用消费品销货价值下跌44.1%，珠宝首饰跌21.4%、燃料下跌21.4%`): the items
//! after it show it is one of them, so its group is its subject and the metric
//! is the one the total was stated in (`零售业总销货价值`), as the items take it.

use super::{Doc, Own, Span};
use crate::model::{Figure, Kind};

/// How many figures back the metric of the total is looked for.
const TOTAL_REACH: usize = 30;
/// The longest gap between the first item and the next, in chars.
const GAP_MAX: usize = 30;

impl Doc<'_> {
    /// Split `group + metric` off the figure that opens a list of breakdown items.
    pub(super) fn breakdown_head(&self, figures: &[Figure], owns: &mut [Own]) {
        for k in 1..owns.len() {
            let Some((s, e)) = owns[k].label.filter(|_| !owns[k].after && !owns[k].item) else { continue };
            // A group already split off the front of the label (`carry::fused_owner`) is done.
            if owns[k].subject.is_some_and(|(_, b)| b == s) {
                continue;
            }
            let Some(j) = (k + 1..owns.len()).find(|&j| figures[j].kind != Kind::Date) else { continue };
            // The next figure is an item that names its group (`珠宝首饰跌21.4%`).
            if !(owns[j].item
                && !owns[j].place
                && owns[j].label.is_none()
                && owns[j].subject.is_some_and(|(ss, _)| ss >= figures[k].end))
            {
                continue;
            }
            let gap = &self.chars[figures[k].end..figures[j].start];
            // `其中` opens a breakdown of this figure itself, not a list of its siblings.
            if gap.len() > GAP_MAX
                || gap.iter().any(|c| matches!(c, '。' | '\n' | '！' | '？'))
                || gap.windows(2).any(|w| w == ['其', '中'])
                // `比上年末增长11.9%`: a change against a base, not a sibling item.
                || gap.iter().any(|c| matches!(c, '比' | '较' | '較'))
            {
                continue;
            }
            if self.opens_item_bracket((s, e)) {
                continue;
            }
            let Some(m) = self.total_metric(owns, k, (s, e)) else { continue };
            // `当中珠宝首饰…`: the word that opens the breakdown is not part of the group.
            let g = if [['当', '中'], ['當', '中'], ['其', '中']].iter().any(|w| self.chars[s..].starts_with(w)) {
                s + 2
            } else {
                s
            };
            owns[k].label = Some((e - m, e));
            owns[k].subject = (g < e - m).then_some((g, e - m));
        }
    }

    /// The length of the metric that `s..e` ends in and a label stated before it ends in too.
    fn total_metric(&self, owns: &[Own], k: usize, (s, e): Span) -> Option<usize> {
        let w = &self.chars[s..e];
        owns[k.saturating_sub(TOTAL_REACH)..k].iter().rev().filter_map(|o| o.label.filter(|_| !o.after)).find_map(
            |(ps, pe)| {
                let p = &self.chars[ps..pe];
                let common = p.iter().rev().zip(w.iter().rev()).take_while(|(x, y)| x == y).count();
                (2..=common.min(w.len().saturating_sub(2))).rev().find(|&m| {
                    self.token_starting(e - m).is_some()
                        && self.names_metric((e - m, e))
                        && !self.generic_only(e - m, e)
                })
            },
        )
    }
}
