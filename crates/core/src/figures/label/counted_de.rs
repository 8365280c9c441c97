//! `净利润同比翻倍的公司有1110家`, `股价上涨的个股共有201只`: a count after `有` whose counted
//! thing is the noun before it, modified by a `的` phrase. The noun is the label (labels.md
//! rule 7: the counted thing as it is named, before or after the number); the metric inside
//! the `的` phrase says which of them are counted, not what is counted.

use super::Doc;
use crate::figures::units::ends_with;
use crate::model::{Figure, Kind};

/// Linking words between the counted noun and the number (simplified forms included).
const LINKS: &[&str] = &["共有", "合计有", "一共有", "有", "達", "达", "为", "為"];
/// The longest counted noun, in chars.
const NOUN_MAX: usize = 8;

impl Doc<'_> {
    /// Label a count after `X的<noun>有` by the noun.
    pub(super) fn counted_after_de(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if f.kind != Kind::Count || f.start < 3 {
                continue;
            }
            let Some(n) = LINKS.iter().find_map(|w| ends_with(self.chars, f.start, w)) else {
                continue;
            };
            let e = f.start - n;
            let Some(mut i) = self.token_ending(e, e.saturating_sub(NOUN_MAX)) else { continue };
            let mut s = e;
            while self.is_nounish(&self.tokens[i]) && e - self.tokens[i].start <= NOUN_MAX {
                s = self.tokens[i].start;
                if i == 0 {
                    break;
                }
                i -= 1;
            }
            if s == e || s == 0 || self.chars[s - 1] != '的' || self.names_metric((s, e)) {
                continue;
            }
            f.label = Some(self.text((s, e)));
        }
    }
}
