//! A subject read whole with the metric after it (`土木工程建筑业商务活动指数`, taken from
//! the head of `土木工程建筑业商务活动指数、新订单指数和从业人员指数分别为…`): a metric is
//! never whose a figure is (rule 8), and the industry named at its front is. Cut at
//! the end of the industry's name (业) when what follows it names a metric.
//! Checked last, on every subject, whichever pass set it.

use super::words::METRIC;
use crate::model::{Figure, Kind};

/// The most chars read in a subject.
const MAX: usize = 24;

pub(super) fn apply(figures: &mut [Figure]) {
    for f in figures.iter_mut() {
        if f.kind == Kind::Date {
            continue;
        }
        let Some(s) = f.subject.as_deref() else { continue };
        // Most subjects name no metric: asked on the stack first.
        let mut buf = ['\0'; MAX];
        let mut n = 0;
        for c in s.chars() {
            let Some(slot) = buf.get_mut(n) else { break };
            *slot = crate::simplified::simplify(c);
            n += 1;
        }
        let w = &buf[..n];
        if n < 5 || n == MAX || METRIC.ending(w).is_none() {
            continue;
        }
        // The last 业 with at least two chars of metric after it, and a name of two before it.
        let Some(at) = (2..n - 2).rev().find(|&i| w[i] == '业' && METRIC.ending(&w[i + 1..]).is_some()) else {
            continue;
        };
        let rest = &w[at + 1..];
        if METRIC.ending(rest) != Some(rest.len()) && !ends_in_index(rest) {
            continue;
        }
        f.subject = Some(s.chars().take(at + 1).collect());
    }
}

/// Does the rest end in a named index or measure (`商务活动指数`)?
fn ends_in_index(w: &[char]) -> bool {
    w.len() >= 2 && matches!(w[w.len() - 2..], ['指', '数'] | ['价', '格'] | ['增', '速'])
}
