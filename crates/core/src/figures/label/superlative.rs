//! `广东GDP总量最高，达88010亿元`, `江苏GDP增速最快，为10.2%`: a superlative
//! (`最高`, `最快`, `最多`) after a metric ranks it, it names no part of it
//! (rule 4: qualifiers are left out). The label ends before it; and a clause of a
//! linking word alone after `METRIC最X，` takes that metric.

use super::{Doc, Own};
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Cut a superlative off the end of the label, or take the metric a superlative ranks in the clause before.
    pub(super) fn superlative(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if own.after || own.item || matches!(f.kind, Kind::Date | Kind::Duration) {
            return;
        }
        match own.label {
            Some((s, e)) => {
                if let Some(at) = self.superlative_end(s, e)
                    && self.names_metric((s, at))
                {
                    own.label = Some((s, at));
                }
            }
            None => {
                // `增速最快，为10.2%`: the clause before ends in the superlative.
                let prev_end = k.checked_sub(1).map_or(0, |p| figures[p].end);
                let lo = self.clause_start(f.start, prev_end);
                if lo == 0
                    || lo <= prev_end
                    || !matches!(self.chars[lo - 1], '，' | ',')
                    || !self.only_linking(lo, f.start)
                {
                    return;
                }
                let lo2 = self.clause_start(lo - 1, prev_end);
                let Some(at) = self.superlative_end(lo2, lo - 1) else { return };
                if let Some(l) = self.metric_before(lo2, at).label.filter(|&l| self.names_metric(l)) {
                    own.label = Some(l);
                }
            }
        }
    }

    /// Where a superlative that ends `s..e` starts (`最高`, `最快`; not `最终`, `最新`).
    fn superlative_end(&self, s: usize, e: usize) -> Option<usize> {
        let t = &self.tokens[self.token_ending(e, s)?];
        let w = self.word(t);
        (t.start > s
            && w.len() == 2
            && w[0] == '最'
            && matches!(w[1], '高' | '低' | '多' | '少' | '大' | '小' | '快' | '慢' | '强' | '強' | '好' | '差'))
        .then_some(t.start)
    }
}
