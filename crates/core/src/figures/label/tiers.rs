//! `新进三四线城市占比`, `一线城市成交面积`: a city tier is a numeral fused to `线`
//! that the segmenter cuts off as a number (`三四`+`线`); the tier and the words
//! before it belong to the metric's name (rule 3).

use super::tokens::{T_NR, T_NS, T_NT, T_NZ, code};
use super::{Doc, LABEL_MAX};

/// The most numerals a tier is written with (`三四线`).
const TIER_DIGITS: usize = 2;

impl Doc<'_> {
    /// Where a label starting at `线` in `s..e` starts once its tier's numerals, and the
    /// word of the name before them, are read back over.
    pub(super) fn tier_start(&self, s: usize, e: usize, lo: usize) -> usize {
        if s <= lo || s >= e || !matches!(self.chars[s], '线' | '線') {
            return s;
        }
        let mut a = s;
        while a > lo && s - a < TIER_DIGITS && matches!(self.chars[a - 1], '一' | '二' | '三' | '四' | '五' | '六')
        {
            a -= 1;
        }
        if a == s {
            return s;
        }
        // One word of the name before the tier (`新进`), not a name (`碧桂园新进`, `金地新进`).
        let Some(ti) = self.token_ending(a, lo) else { return a };
        let t = &self.tokens[ti];
        let name = matches!(code(t), T_NR | T_NS | T_NT | T_NZ);
        if !self.is_content(t) || name || self.is_entity(t) || self.is_action(t) || e - t.start > LABEL_MAX {
            return a;
        }
        t.start
    }
}
