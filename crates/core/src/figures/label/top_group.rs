//! `TOP100房企销售金额增长30%，TOP10房企增长20%`: a top list written fused before the noun
//! of what it holds (`TOP10房企`) names a group, the subject of the figures after it; it
//! ranks by a metric only where its own clause names one (`以合约销售金额top10的房企`,
//! `EV销量TOP20`). A metric it took from an earlier clause is none of its own (labels.md
//! rule 6: a rank takes the metric that is ranked).

use super::{Doc, is_han};
use crate::figures::units::same;
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Drop an inherited label from a top list naming a group (see the module notes).
    pub(super) fn top_groups(&self, figures: &mut [Figure]) {
        for k in 0..figures.len() {
            let f = &figures[k];
            if f.kind != Kind::Rank
                || f.end - f.start < 4
                || !self.chars[f.start..f.start + 3].iter().map(char::to_ascii_uppercase).eq(['T', 'O', 'P'])
                || !self.chars.get(f.end).is_some_and(|c| is_han(*c) && *c != '的')
            {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            let prev_end = k.checked_sub(1).map_or(0, |p| figures[p].end);
            let lo = self.clause_start(f.start, prev_end);
            let n = label.chars().count();
            let own =
                (lo..f.start.saturating_sub(n - 1)).any(|p| p + n <= f.start && same(&self.orig[p..p + n], label));
            if !own {
                figures[k].label = None;
            }
        }
    }
}
