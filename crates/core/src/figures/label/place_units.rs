//! Counts whose measure word is the kind of place counted (`云南、贵州两省`,
//! `西南四省市`, `11省市`): only the measure word names what is counted, so the
//! count has no label and no subject (labels.md rule 7); the places listed before
//! it are what it counts, not whose it is.

use crate::model::{Figure, Kind};

/// Measure words that are themselves the kind of place counted.
const PLACE_UNITS: &[&str] = &["省", "省市", "省份", "省区市", "县", "县区", "区县", "县市", "地市", "市（州）"];

pub(super) fn apply(figures: &mut [Figure]) {
    for f in figures.iter_mut() {
        if f.kind == Kind::Count && f.unit.as_deref().is_some_and(|u| PLACE_UNITS.contains(&u)) {
            f.label = None;
            f.subject = None;
        }
    }
}
