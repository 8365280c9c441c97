//! `較10月概估數增加0.57個百分點`, `較8月中預測數大幅上修2.92個百分點`: a comparison
//! whose base is dated has its date read as a figure, and the words after the date
//! (`概估數`, `預測數`) are still the base compared with, not the metric. The figure
//! takes the metric of the figure before it that it changes (rule 5).

use super::{CLAUSE_BREAKS, Doc, Own};
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Drop a label that is the rest of a dated comparison base (see the module notes).
    pub(super) fn dated_base(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let Some((s, e)) = own.label.filter(|_| !own.after) else { return };
        let Some(date) = k.checked_sub(1).map(|j| &figures[j]).filter(|d| d.kind == Kind::Date) else { return };
        if date.start == 0
            || !matches!(self.chars[date.start - 1], '较' | '較' | '比')
            || s < date.end
            || self.chars[date.end..e].iter().any(|c| CLAUSE_BREAKS.contains(c))
        {
            return;
        }
        own.label = None;
        if own.subject.is_some_and(|(a, _)| a >= date.end) {
            own.subject = None;
        }
    }
}
