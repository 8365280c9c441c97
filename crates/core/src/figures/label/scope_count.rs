//! `86个投资亿元以上项目`, `45个投资亿元以上重点项目`: a count whose counted words run
//! into a threshold (`亿元以上`, read as a figure of its own) counts the noun
//! after the threshold (rule 7: the counted thing as it is named); what stands
//! between the count and the threshold (`投资`) says what the threshold measures.

use super::{Doc, Own};
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Label a count by the thing named after the threshold its counted words run into.
    pub(super) fn scope_count(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if f.kind != Kind::Count || own.item {
            return;
        }
        let Some(next) = figures.get(k + 1).filter(|n| self.opens_scope(n)) else { return };
        // Only words (no break) between the count and the threshold, and at most a short one.
        let gap = &self.chars[f.end..next.start];
        if gap.len() > 4 || gap.iter().any(|c| !super::is_han(*c)) {
            return;
        }
        if own.label.is_some_and(|(s, e)| !(own.after && s == f.end && e <= next.start)) {
            return;
        }
        let after_next = figures.get(k + 2).map_or(self.chars.len(), |n| n.start);
        if let Some(noun) = self.thing_after(next.end, after_next, false).noun {
            own.label = Some(noun);
            own.after = true;
        }
    }
}
