//! A metric that opens a bracket after a breakdown item
//! (`其次為珠寶首飾、鐘錶及名貴禮物（銷貨價值下跌58.6%）；其他未分類消費品（下跌21.9%）`):
//! the item is written before the bracket, so nothing fused to the front of the
//! metric is a group (`銷貨` + `價值`); the metric is named whole, as the lead-in named it.

use super::{Doc, Span};

impl Doc<'_> {
    /// Does the label `s..e` open a bracket that follows a name?
    pub(super) fn opens_item_bracket(&self, (s, _): Span) -> bool {
        s >= 2 && matches!(self.chars[s - 1], '（' | '(') && super::is_han(self.chars[s - 2])
    }
}
