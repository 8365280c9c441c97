//! `第三产业用电量7.34亿千瓦时，下降14.7%，占全社会用电量比重12.0%。其中，…业同比增长5.4%`: a
//! change in percent measures a quantity, not a share (a share moves by points: `比重提高0.2个
//! 百分点`), so a change that inherited a share's label takes the quantity named before the
//! share in its paragraph (labels.md rule 5: a change gets the label of the quantity it changes).

use super::Doc;
use crate::model::{Figure, Kind};

/// How many figures back the quantity is looked for.
const BACK: usize = 8;

impl Doc<'_> {
    /// Give a change in percent labelled by a share the quantity named before the share.
    pub(super) fn unshare_changes(&self, figures: &mut [Figure]) {
        for k in 1..figures.len() {
            let f = &figures[k];
            if f.kind != Kind::Percent || f.change.is_none() || f.unit.as_deref() != Some("%") {
                continue;
            }
            let Some(l) = f.label.as_deref() else { continue };
            if !is_share(l) {
                continue;
            }
            // The share must be one this figure inherited: named before it, not in its own clause.
            let paragraph = self.chars[..f.start].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
            // Figures are in text order: the look back stops at the paragraph's start.
            let in_paragraph = figures[..k].iter().rev().take_while(|p| p.start >= paragraph).count();
            let Some(share) = figures[k - in_paragraph..k]
                .iter()
                .rposition(|p| p.label.as_deref() == Some(l) && p.change.is_none())
                .map(|j| k - in_paragraph + j)
            else {
                continue;
            };
            let quantity = figures[..share]
                .iter()
                .rev()
                .take(BACK)
                .take_while(|p| p.start >= paragraph)
                .filter(|p| p.kind != Kind::Date)
                .find_map(|p| p.label.as_deref().filter(|q| !is_share(q)))
                .map(str::to_string);
            if let Some(q) = quantity {
                figures[k].label = Some(q);
            }
        }
    }
}

/// Is `l` the name of a share (`占全社会用电量比重`, `占比`)?
fn is_share(l: &str) -> bool {
    l.starts_with('占') || l.starts_with('佔') || l.ends_with("比重") || l.ends_with("占比") || l.ends_with("佔比")
}
