//! `經濟成長7.91％` (Taiwan's word for GDP growth): 經濟成長 is the metric, named
//! whole (labels.md rule 5, as `經濟成長率`), not an item 經濟 of a breakdown whose
//! change the figure is.

use super::{Doc, Own};
use crate::model::Figure;

impl Doc<'_> {
    /// Name `经济成长` right before a figure as its metric (see the module notes).
    pub(super) fn economy_growth(&self, f: &Figure, own: &mut Own) {
        let Some((s, e)) = own.subject.filter(|_| own.item && own.label.is_none()) else { return };
        if self.chars[s..e] == ['经', '济'] && f.start == e + 2 && self.chars[e..f.start] == ['成', '长'] {
            (own.item, own.place, own.subject) = (false, false, None);
            own.label = Some((s, f.start));
        }
    }
}
