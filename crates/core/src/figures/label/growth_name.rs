//! `累计利润增幅`, `用电量增幅`, `销售收入增速`: the name of a rate of growth written after a
//! metric. Where a list pairs metrics or items with its figures, a member ending in one is
//! the metric it follows, and its changes are labelled with that metric (labels.md rule 5:
//! changes inherit; `增幅` is an alt).

use crate::figures::units::ends_with_any;

/// Names of a rate of growth (simplified chars), longest first where one ends another.
pub(super) const GROWTH_NAMES: &[&str] = &["增长率", "增长速度", "增幅", "涨幅", "降幅", "增速"];

/// The length of `w` (simplified chars) without a growth name at its end, if two chars or
/// more are left; else its whole length.
pub(super) fn without_growth_name(w: &[char]) -> usize {
    match ends_with_any(w, w.len(), GROWTH_NAMES) {
        Some((_, n)) if w.len() >= n + 2 => w.len() - n,
        _ => w.len(),
    }
}
