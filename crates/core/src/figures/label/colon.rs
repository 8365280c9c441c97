//! `营业收入：1090亿元`, `净利润盈利:900亿至940亿`: a figure standing right after a colon
//! is the value of what the words before the colon name, as in a results table written
//! out as lines.

use super::{Before, Doc};
use crate::model::Figure;

impl Doc<'_> {
    /// The metric before the colon that opens the figure's clause at `lo`, when nothing but
    /// spaces or a linking word stands between the colon and the figure.
    pub(super) fn metric_before_colon(&self, f: &Figure, lo: usize, prev_end: usize) -> Option<Before> {
        if lo == 0 || lo <= prev_end || !matches!(self.chars[lo - 1], '：' | ':') {
            return None;
        }
        let bare = self.chars[lo..f.start].iter().all(|c| c.is_whitespace());
        if !bare && !self.only_linking(lo, f.start) {
            return None;
        }
        let lo2 = self.clause_start(lo - 1, prev_end);
        let before = self.metric_before(lo2, lo - 1);
        before.label.filter(|&l| self.names_metric(l) || !self.verbs_only(l)).map(|_| before)
    }
}
