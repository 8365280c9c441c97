//! `今年出口確定破六千億美元`, `出超有機會破一五〇〇億美元`, `出口將落在…之間`: words of
//! certainty, chance or reaching between a metric and its figure are left out
//! (rule 4), as 预计 and 突破 are.

use super::Doc;

/// Hedges and reaching verbs that end the words before a figure (simplified: the rules read the simplified copy).
const HEDGES: &[&str] =
    &["有机会破", "有机会", "确定破", "确定", "有望破", "有望", "可望", "将落在", "落在", "料将", "破"];

impl Doc<'_> {
    /// Where a hedge ending at `e` (not before `lo`) starts.
    pub(super) fn hedge_before(&self, e: usize, lo: usize) -> Option<usize> {
        if e <= lo || !matches!(self.chars[e - 1], '破' | '会' | '定' | '望' | '在' | '将') {
            return None;
        }
        HEDGES.iter().find_map(|h| {
            let n = h.chars().count();
            let s = e.checked_sub(n).filter(|&s| s >= lo)?;
            // A whole word or words: the hedge starts where a token starts.
            (self.chars[s..e].iter().copied().eq(h.chars()) && s > lo && self.token_starting(s).is_some()).then_some(s)
        })
    }
}
