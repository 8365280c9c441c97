//! `但净利润的增幅仅有1.9%`: a growth word joined by `的` to the metric before it
//! names the growth of that metric, and the figure takes the metric (rule 5:
//! `GDP增速达6.3%` → GDP). Left to inheritance, the bare growth word would carry
//! the metric of the clause before (`主营业务收入…增长23.98%，但…`) across it.

use super::{Doc, Own};
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Label a growth figure by the metric `的` joins to the growth word before it.
    pub(super) fn growth_of(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if own.label.is_some() && own.label.is_none_or(|l| !self.is_growth_word(l)) || own.item {
            return;
        }
        if !(f.kind == Kind::Percent || f.change.is_some()) {
            return;
        }
        let Some((g, _)) = self.growth_word_before(f.start) else { return };
        if g < 2 || self.chars[g - 1] != '的' {
            return;
        }
        let floor = k.checked_sub(1).map_or(0, |p| figures[p].end);
        let lo = self.clause_start(g - 1, floor);
        if let Some(m) = self.metric_before(lo, g - 1).label.filter(|&m| m.1 == g - 1 && self.names_metric(m)) {
            own.label = Some(m);
            own.after = false;
        }
    }

    fn is_growth_word(&self, (s, e): (usize, usize)) -> bool {
        super::words::GROWTH_WORDS.contains(&self.chars[s..e])
    }
}
