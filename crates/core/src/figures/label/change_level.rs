//! `增加值2306亿元，占GDP的26.7%，同比增长16.7%`: a growth in percent after a
//! share or a rate grows the level before them, not the share (rule 5: a change
//! takes the quantity it changes). A change in percentage points
//! (`比重提高1.2个百分点`) still takes the share.

use super::Doc;
use crate::model::{Figure, Kind};

/// Does a label name a share or a rate (`占GDP`, `占比`, `比重`, `贡献率`)?
fn is_ratio(l: &str) -> bool {
    l.starts_with('占') || l.ends_with('率') || l.ends_with("比重") || l.ends_with("占比")
}

impl Doc<'_> {
    /// The figure whose metric a change at `k` takes: `from`, or the level before a share it follows.
    pub(super) fn level_of_change(
        &self,
        figures: &[Figure],
        labels: &[Option<String>],
        from: usize,
        k: usize,
    ) -> usize {
        let f = &figures[k];
        if f.change.is_none()
            || f.kind != Kind::Percent
            || f.unit.as_deref() != Some("%")
            || !labels[from].as_deref().is_some_and(is_ratio)
        {
            return from;
        }
        (0..from)
            .rev()
            .take_while(|&j| !self.chars[figures[j].end..f.start].iter().any(|c| matches!(c, '\n' | '。')))
            .find(|&j| {
                !matches!(figures[j].kind, Kind::Date | Kind::Duration | Kind::Percent)
                    && labels[j].as_deref().is_some_and(|l| !is_ratio(l))
            })
            .unwrap_or(from)
    }
}
