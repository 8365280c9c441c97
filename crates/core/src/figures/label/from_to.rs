//! `整体失业率由上一期的5.4%上升至6.2%`, `就业不足率由三月至五月的3.5%上升至3.7%`:
//! a move written `METRIC由…A…至…B` gives both its ends the metric named before
//! `由` (rule 2: the nearest words before the figure that name it), over the time
//! words, `的` and the verb of the move that stand between.

use super::tokens::{T_P, code};
use super::{CLAUSE_BREAKS, Doc, Own};
use crate::model::{Figure, Kind};

/// How far back `由` is looked for, in chars.
const REACH: usize = 30;

impl Doc<'_> {
    /// Label a figure with no metric of its own by the metric before the `由` of its move.
    pub(super) fn move_ends(&self, f: &Figure, own: &mut Own) {
        if own.label.is_some() || own.item || matches!(f.kind, Kind::Date | Kind::Duration | Kind::Rank) {
            return;
        }
        let lim = f.start.saturating_sub(REACH);
        // Cheap first: a `由` in reach, in the clause (no break between).
        let Some(at) = (lim..f.start)
            .rev()
            .take_while(|&p| !CLAUSE_BREAKS.contains(&self.chars[p]))
            .find(|&p| self.chars[p] == '由')
        else {
            return;
        };
        let Some(i) = self.token_starting(at).filter(|&i| {
            let t = &self.tokens[i];
            t.end == at + 1 && code(t) == T_P
        }) else {
            return;
        };
        // The move: `由…至`, or the figure is its start (`由5.4%上升至…`).
        let between = &self.chars[at + 1..f.start];
        let to = between.iter().any(|c| matches!(c, '至' | '到'));
        let from_end = self.chars[f.end..(f.end + 8).min(self.chars.len())]
            .iter()
            .take_while(|c| !CLAUSE_BREAKS.contains(c))
            .any(|c| matches!(c, '至' | '到'));
        if !(to || from_end) {
            return;
        }
        let lo = self.clause_start(self.tokens[i].start, 0);
        let Some(l) = self.metric_before(lo, self.tokens[i].start).label else { return };
        if self.names_metric(l) {
            own.label = Some(l);
            own.after = false;
        }
    }
}
