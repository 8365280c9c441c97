//! A list of items that share one metric, followed by as many figures joined as a
//! list, with no `分别` to pair them (`非金属矿物制品和有色金属行业用电量增幅高达32.3%和33.4%`,
//! `太陽光電、離岸風電年增45%及135%`): the members pair in order all the same, as in a
//! `分别` list (rule 9): each item is its figure's subject.

use super::{Doc, Own};
use crate::model::{Figure, Kind};

/// The most chars of the words between the listed items and the first figure (`高达`, `年增`).
const VERB_MAX: usize = 4;

impl Doc<'_> {
    /// Where the items of an unmarked list end, if `figures[k]` opens one: its own label
    /// (`太陽光電、離岸風電`) lists as many items as there are figures joined after it.
    pub(super) fn implied_list(&self, figures: &[Figure], owns: &[Own], k: usize) -> Option<usize> {
        let f = &figures[k];
        // The items read as the figure's label, or as a breakdown item (its subject).
        let (s, e) = if owns[k].item { owns[k].subject } else { owns[k].label.filter(|_| !owns[k].after) }?;
        if f.kind != Kind::Percent || e > f.start || f.start - e > VERB_MAX {
            return None;
        }
        // Only verbs and linking words between the items and the figure.
        if self.chars[e..f.start].iter().any(|c| !super::is_han(*c) || matches!(c, '、' | '和' | '及' | '与' | '與'))
        {
            return None;
        }
        let mut m = k + 1;
        while m < figures.len()
            && figures[m].kind == f.kind
            // (none names a metric of its own after the figure before it)
            && owns[m].label.is_none_or(|(ls, _)| ls < figures[m - 1].end)
            && self.joins_list(figures[m - 1].end, figures[m].start)
        {
            m += 1;
        }
        let n = m - k;
        if n < 2 {
            return None;
        }
        let items = &self.chars[s..e];
        let count = |seps: &[char]| 1 + items.iter().filter(|c| seps.contains(c)).count();
        let listed = if items.contains(&'、') { count(&['、']) } else { count(&['和', '及', '与', '與']) };
        (listed == n).then_some(e)
    }
}
