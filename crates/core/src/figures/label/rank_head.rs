//! `晋升第一大股东`, `成为我国的第一大贸易伙伴`, `第二、第三大持仓股`: a rank written
//! fused before a noun (`第N大`) ranks that noun (rule 6: a rank takes the metric
//! that is ranked); the words before it are the field or the doer, not the metric.

use super::{Doc, Own, Span};
use crate::model::{Figure, Kind};

/// The longest noun read after `第N大`, in chars.
const HEAD_MAX: usize = 6;

impl Doc<'_> {
    /// The noun a `第N大` rank is fused to: the label (see the module notes).
    pub(super) fn rank_head(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        // `前十大个股` is a top list, read by `rank_label`.
        if f.kind != Kind::Rank || f.end >= self.chars.len() || self.chars[f.start] != '第' {
            return;
        }
        // `第二、第三大持仓股`: a rank listed before one fused to the noun reads that one's.
        let mut r = f;
        if self.chars[f.end - 1] != '大'
            && let Some(n) = figures.get(k + 1)
            && n.kind == Kind::Rank
            && n.start == f.end + 1
            && matches!(self.chars[f.end], '、' | '和' | '及')
        {
            r = n;
        }
        if self.chars[r.end - 1] != '大' {
            return;
        }
        if let Some(l) = self.fused_noun(r.end) {
            own.label = Some(l);
        }
    }

    /// The noun starting at `s` (nouns only, after one leading content word: `出口地区`, `贸易伙伴`).
    fn fused_noun(&self, s: usize) -> Option<Span> {
        let mut i = self.token_starting(s)?;
        let mut e = s;
        while let Some(t) = self.tokens.get(i) {
            let first = e == s;
            // `持仓`+`股`: a one-char head that closes the phrase.
            let head = !first
                && t.end - t.start == 1
                && super::is_han(self.chars[t.start])
                && self.chars.get(t.end).is_none_or(|c| !super::is_han(*c));
            if t.start != e || t.end - s > HEAD_MAX || !(self.is_nounish(t) || first && self.is_content(t) || head) {
                break;
            }
            e = t.end;
            i += 1;
        }
        (e > s).then_some((s, e))
    }
}
