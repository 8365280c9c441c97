//! A change of output written after the metric it changes (`夏收春小麦产量减产15万吨`):
//! the figure is that metric's change (rule 5), so the change word is no part of the
//! label. Alone or inside a name (`恢复性增产`, `夏粮增产总量`) it stays.

use super::words::METRIC;
use super::{Doc, Own};
use crate::figures::units::ends_with_any;

/// Changes of output.
const OUTPUT_CHANGES: &[&str] = &["增产", "减产", "增收", "减收"];

impl Doc<'_> {
    /// Cut a change of output off the end of a label that names a metric before it.
    pub(super) fn change_tail(&self, own: &mut Own) {
        let Some((s, e)) = own.label.filter(|_| !own.after) else { return };
        if let Some((_, n)) = ends_with_any(self.chars, e, OUTPUT_CHANGES)
            && e - n > s
            && METRIC.ending(&self.chars[s..e - n]).is_some()
        {
            own.label = Some((s, e - n));
        }
    }
}
