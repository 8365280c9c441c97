//! `在美国市场销量同比增长26.2%`, `经济体在川FDI到资`, `公司在华销售收入`: a place
//! after the preposition `在` (or `于`) says where the figure was measured, not
//! which statistic it is (rule 4: the subject and place are left out). The
//! metric starts after the place: 销量, FDI到资, 销售收入.

use super::tokens::{T_J, T_NS, T_NT, T_P, code};
use super::{Doc, Own};
use crate::model::Token;

impl Doc<'_> {
    /// Cut a `在`+place phrase off the front of (or out of the start of) the figure's own label.
    pub(super) fn locative(&self, own: &mut Own) {
        if own.after || own.item {
            return;
        }
        let Some((s, e)) = own.label else { return };
        if s == 0 || e - s < 3 {
            return;
        }
        // Cheap first: a `在` or `于` just before the label or inside it.
        let from = s.saturating_sub(1);
        if !self.chars[from..e].iter().any(|c| matches!(c, '在' | '于' | '於')) {
            return;
        }
        let Some(first) = self.token_starting(s) else { return };
        // The preposition right before the label, or one of the label's own words.
        let at = if self.token_ending(s, from).is_some_and(|p| self.is_locative(&self.tokens[p])) {
            Some(first)
        } else {
            (first..self.tokens.len())
                .take_while(|&i| self.tokens[i].end < e)
                .find(|&i| self.is_locative(&self.tokens[i]))
                .map(|i| i + 1)
        };
        let Some(place) = at.filter(|&i| i < self.tokens.len()) else { return };
        let p = &self.tokens[place];
        if p.end >= e || !self.is_place_word(p) {
            return;
        }
        // What is left must still name a thing: two chars or more, ending in a noun or a metric.
        let last = self.token_ending(e, p.end).map(|i| &self.tokens[i]);
        if e - p.end < 2 || !(self.names_metric((p.end, e)) || last.is_some_and(|t| self.is_nounish(t))) {
            return;
        }
        own.label = Some((p.end, e));
    }

    /// `在`, `于` as a preposition.
    fn is_locative(&self, t: &Token) -> bool {
        code(t) == T_P && (self.is(t, "在") || self.is(t, "于") || self.is(t, "於"))
    }

    /// A named place or market (`美国市场`, `川`, `华`).
    fn is_place_word(&self, t: &Token) -> bool {
        matches!(code(t), T_NS | T_NT | T_J) && self.is_han_word(t)
    }
}
