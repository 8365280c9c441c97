//! A figure whose subject the rules found clauses back takes, instead, the subject
//! of the figure right before it when that one is named nearer, in the same sentence
//! (labels.md rule 8): in `贵州茅台实现营业收入490亿元，同比增长11%，五粮液实现营业收入
//! 350亿元，同比增长20%`, the 20% is 五粮液's, not 贵州茅台's. Only the figure before is
//! read, so this costs nothing per token.

use super::{CLAUSE_BREAKS, Doc, Own, SENTENCE_BREAKS};
use crate::model::{Figure, Kind};

impl Doc<'_> {
    pub(super) fn nearer_owner(&self, figures: &[Figure], k: usize, own: &mut Own, owns: &[Own]) {
        let (Some((s, e)), Some(prev)) = (own.subject, owns.last()) else { return };
        let Some((ps, pe)) = prev.subject else { return };
        let f = &figures[k];
        if own.respectively
            || prev.respectively
            || k == 0
            || matches!(figures[k - 1].kind, Kind::Date | Kind::Duration)
            || ps < e
            || pe > f.start
            || (s, e) == (ps, pe)
        {
            return;
        }
        // Only a subject from an earlier clause gives way, and only within the sentence.
        let between = &self.chars[e..f.start];
        if !between.iter().any(|c| CLAUSE_BREAKS.contains(c)) || between.iter().any(|c| SENTENCE_BREAKS.contains(c)) {
            return;
        }
        own.subject = Some((ps, pe));
    }
}
