//! Names fused to the metric they own (`丰田汽车销量`, `华润创业即时股价`): the
//! segmenter cuts the name in two (`丰田` + `汽车`), and the walk back over the
//! metric's words stops at the first half.

use super::Doc;
use super::tokens::{T_N, T_NT, T_NZ, code};
use super::words::METRIC;
use crate::model::Token;

impl Doc<'_> {
    /// Where the metric starts in `s..e` when the walk back over it stopped at
    /// a name right before `s`: a common noun that opens the span and is
    /// followed by a whole metric (`汽车` + `销量`, `创业` + `即时股价`) is the
    /// rest of the name (rule 8: the subject), not a modifier of the metric.
    /// After a place it is a scope of the metric (`宜春市` + `地区生产总值`).
    pub(super) fn name_rest(&self, name: &Token, s: usize, e: usize) -> usize {
        if !matches!(code(name), T_NZ | T_NT) {
            return s;
        }
        let Some(i) = self.token_starting(s) else { return s };
        let t = &self.tokens[i];
        // `起亚` + `汽车销量`: the segmenter joined the rest of the name and the metric.
        if t.end == e && code(t) == T_N {
            let w = self.word(t);
            let head = (2..w.len().saturating_sub(1)).find(|&k| METRIC.contains(&w[k..]));
            return match head {
                Some(k) if self.is_han_word(t) => s + k,
                _ => s,
            };
        }
        let rest = (t.end, e);
        let noun = code(t) == T_N && t.end - t.start >= 2 && self.class(t).is_none() && self.is_han_word(t);
        if noun && e >= t.end + 2 && self.names_metric(rest) && !self.generic_only(rest.0, rest.1) { t.end } else { s }
    }
}
