//! `海外生產比四十九．九％`, `存贷比75%`: a `比` right before the number, after a
//! noun or verbal noun, ends the name of a ratio (rule 6: rates keep their name);
//! it opens no comparison, as no base stands between it and the number.

use super::tokens::{T_P, code};
use super::{Doc, Own};
use crate::model::Figure;

impl Doc<'_> {
    /// Label a figure right after `NOUN比` with the ratio named by that noun and `比`.
    pub(super) fn ratio_head(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if f.start < 3 {
            return;
        }
        let Some(bi) = self.token_ending(f.start, f.start - 1) else { return };
        let bi_tok = &self.tokens[bi];
        if !(self.is(bi_tok, "比") && code(bi_tok) == T_P) || bi == 0 {
            return;
        }
        let prev = &self.tokens[bi - 1];
        // `占比` is a share (rule 6), read elsewhere; the noun must touch `比`.
        if prev.end != bi_tok.start || self.is(prev, "占") || self.is(prev, "佔") || !self.is_nounish(prev) {
            return;
        }
        // A figure before it in the clause (`十月`) is no part of the name.
        let lo = self.clause_start(bi_tok.start, k.checked_sub(1).map_or(0, |p| figures[p].end));
        let Some((s, e)) = self.metric_before(lo, bi_tok.start).label else { return };
        if e != bi_tok.start {
            return;
        }
        // Read as a breakdown item (`海外生產` naming no metric), the noun is the ratio's name.
        if own.item {
            if own.subject.is_none_or(|(_, se)| se != e) {
                return;
            }
            own.item = false;
            own.place = false;
            own.subject = None;
        }
        own.label = Some((s, bi_tok.end));
        own.after = false;
    }
}
