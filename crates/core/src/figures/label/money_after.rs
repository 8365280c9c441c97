//! `多了一筆212億的收入`, `824億的房屋儲備金`, `1,000多億（綜合）盈餘`, `涉及1.11億元開支`:
//! an amount whose clause names no metric before it is the money named right
//! after it, over `的` or a bracketed note (rule 7); `預留160億元供大學…`: a verb
//! after the amount says what it is for, not what it is.

use super::tokens::{T_UZ, code};
use super::{CLAUSE_BREAKS, Doc, Own, Span};
use crate::model::{Figure, Kind};

/// Heads of the money named after an amount (simplified: the rules read the simplified copy).
const MONEY_HEADS: &[&str] = &[
    "收入",
    "盈余",
    "储备金",
    "资金",
    "款项",
    "拨款",
    "开支",
    "资源",
    "利润",
    "收益",
    "物资",
    "经费",
    "费用",
    "补贴",
    "补助",
];

/// The longest money noun read after an amount, in chars.
const MONEY_NOUN_MAX: usize = 6;

impl Doc<'_> {
    /// Label an amount with the money noun after it when its own clause names no metric.
    pub(super) fn money_after(&self, f: &Figure, own: &mut Own) {
        if f.kind != Kind::Money || own.item || own.label.is_some_and(|l| !own.after && self.names_metric(l)) {
            return;
        }
        if let Some(noun) = self.money_noun_after(f.end) {
            own.label = Some(noun);
            own.after = true;
        }
    }

    fn money_noun_after(&self, end: usize) -> Option<Span> {
        let mut i = self.token_starting(end)?;
        if self.is(&self.tokens[i], "的") || code(&self.tokens[i]) == T_UZ {
            i += 1;
        }
        // `（綜合）盈餘`: a note before the noun is left out.
        if self.tokens.get(i).is_some_and(|t| matches!(self.chars[t.start], '（' | '(')) {
            let lim = (i + 4).min(self.tokens.len());
            i = (i + 1..lim).find(|&j| matches!(self.chars[self.tokens[j].start], '）' | ')'))? + 1;
        }
        let from = self.tokens.get(i)?.start;
        let mut j = i;
        while let Some(t) = self.tokens.get(j) {
            if t.end - from > MONEY_NOUN_MAX || CLAUSE_BREAKS.contains(&self.chars[t.start]) || !self.is_han_word(t) {
                return None;
            }
            let w = &self.chars[from..t.end];
            let ends = |h: &&str| {
                let n = h.chars().count();
                w.len() >= n && w[w.len() - n..].iter().copied().eq(h.chars())
            };
            if MONEY_HEADS.iter().any(ends) {
                // The money noun ends the phrase (`收入`, not `收入来源`).
                let next_noun = self.tokens.get(j + 1).is_some_and(|n| n.start == t.end && self.is_nounish(n));
                return (!next_noun).then_some((from, t.end));
            }
            j += 1;
        }
        None
    }

    /// `預留160億元供大學`: the words after an amount start with a verb, and name no money
    /// (`扶贫资金` does).
    pub(super) fn verb_after_amount(&self, s: Option<Span>, end: usize) -> bool {
        s.and_then(|(s, _)| self.token_starting(s)).is_some_and(|i| self.is_verb(&self.tokens[i]))
            && self.money_noun_after(end).is_none()
    }
}
