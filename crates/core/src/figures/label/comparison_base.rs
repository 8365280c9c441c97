//! The base of a comparison written as a figure after `的` (`比去年全年的4.77%下降1.15个百分点`,
//! `这与2004年同期的7—10天相比`): it is the same metric at another time, so it takes the label
//! of the figure it is compared with, the nearest labelled figure of its kind before it in the
//! paragraph (labels.md rules 2 and 5).
//!
//! Run once over the figures, only for those left with no label and written right after `的`;
//! the comparison word is looked for in the few chars before, and at most [`BACK`] figures back.

use super::Doc;
use crate::model::{Figure, Kind};

/// How far back from `的` the comparison word may be, in chars.
const REACH: usize = 12;
/// How many figures back the compared figure is looked for.
const BACK: usize = 6;

impl Doc<'_> {
    /// Give the base of a comparison the label of the figure compared with it.
    pub(super) fn comparison_bases(&self, figures: &mut [Figure]) {
        for k in 1..figures.len() {
            let f = &figures[k];
            if f.label.is_some()
                || f.start < 2
                || self.chars[f.start - 1] != '的'
                || !matches!(f.kind, Kind::Money | Kind::Percent | Kind::Count | Kind::Quantity | Kind::Duration)
            {
                continue;
            }
            // `比`, `较`, `与`/`同`…(相比): the comparison opens the clause before `的`, with only
            // time words (or a date figure) between.
            let lo = f.start.saturating_sub(REACH + 1);
            let Some(at) = (lo..f.start - 1).rev().find(|&i| {
                super::CLAUSE_BREAKS.contains(&self.chars[i])
                    || matches!(self.chars[i], '比' | '较' | '與' | '与' | '同')
            }) else {
                continue;
            };
            if super::CLAUSE_BREAKS.contains(&self.chars[at]) {
                continue;
            }
            // The comparison word leads the time span (`比去年全年`), not a word (`同比`, `比重`).
            if at > 0 && matches!(self.chars[at - 1], '同' | '环' | '環' | '对' | '對' | '相') {
                continue;
            }
            if self.chars[at + 1..f.start - 1].iter().any(|c| !super::is_han(*c) && !c.is_ascii_digit()) {
                // Only a date figure may hold other chars (`2004年`).
                if !figures[..k].iter().rev().take(2).any(|d| d.kind == Kind::Date && d.start > at && d.end < f.start) {
                    continue;
                }
            }
            let Some(label) = figures[k.saturating_sub(BACK)..k]
                .iter()
                .rev()
                .take_while(|p| !self.chars[p.end..f.start].contains(&'\n'))
                .filter(|p| p.kind == f.kind && p.change.is_none())
                .find_map(|p| p.label.clone())
            else {
                continue;
            };
            figures[k].label = Some(label);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Engine;

    fn label(text: &str, fig: &str) -> Option<String> {
        Engine::new().figures(text).into_iter().find(|f| f.text == fig).and_then(|f| f.label)
    }

    #[test]
    fn a_comparison_base_takes_the_compared_metric() {
        assert_eq!(
            label("平均融资成本3.62%，比去年全年的4.77%下降1.15个百分点。", "4.77%").as_deref(),
            Some("平均融资成本")
        );
    }

    #[test]
    fn no_base_across_a_paragraph() {
        assert_eq!(label("平均融资成本3.62%。\n比去年全年的4.77%下降。", "4.77%"), None);
    }
}
