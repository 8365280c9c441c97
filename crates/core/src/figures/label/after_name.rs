//! `投资达10亿元的帛士数码`, `身价481亿美元的马云`, `排名第4的理想ONE超过了…`: a proper
//! name right after a figure and its `的` is what the figure belongs to (rule 8), even
//! when it ends like no entity. Only a name counts: a word the segmenter does not
//! know (`帛士`), a person's or brand's name, or one with Latin letters or a model
//! number (`蔚来ES6`); common nouns after `的` (`的好成绩`) name none.

use super::tokens::{T_ENG, T_M, T_NR, T_NS, T_NT, T_NZ, T_X, code, pack};
use super::words::{ENTITY, METRIC};
use super::{Doc, Span};

/// The longest name read after `的`, in chars, and in words.
const NAME_MAX: usize = 12;
const NAME_WORDS: usize = 5;
/// `捐赠1亿元人民币的抗疫物资`: what is given or bought after its worth is no owner.
const GIVES: &[&str] = &[
    "捐赠", "捐贈", "捐助", "捐出", "捐款", "采购", "採購", "购买", "購買", "购置", "購置", "发放", "發放", "提供",
    "赠送", "贈送",
];
/// A person's name in the segmenter's tags (`特斯拉`).
const T_NRT: u32 = pack("nrt");

impl Doc<'_> {
    /// The name right after `的` that follows the figure ending at `end`, when
    /// it stands alone before a break or a verb.
    pub(super) fn name_after_de(&self, start: usize, end: usize) -> Option<Span> {
        if self.chars.get(end) != Some(&'的') || self.gives_before(start) {
            return None;
        }
        let first = self.token_starting(end + 1)?;
        let mut i = first;
        let mut named = false;
        while i < self.tokens.len() && i - first < NAME_WORDS {
            let t = &self.tokens[i];
            let w = self.word(t);
            let latin = w.iter().any(|c| c.is_ascii_alphabetic());
            // `Model 3`: a number or space inside a Latin name.
            let inner = i > first
                && (code(t) == T_M && w.iter().all(|c| c.is_ascii_digit())
                    || w.iter().all(|c| *c == ' ') && self.tokens.get(i + 1).is_some_and(|n| code(n) == T_ENG));
            let word = latin
                || inner
                || self.is_han_word(t)
                    && (self.is_nounish(t) || matches!(code(t), T_NR | T_NRT | T_NS | T_NZ | T_NT | T_X));
            if !word || t.end - self.tokens[first].start > NAME_MAX {
                break;
            }
            named |= latin
                || matches!(code(t), T_NR | T_NRT | T_NZ)
                || code(t) == T_X && self.is_han_word(t) && w.len() >= 2;
            i += 1;
        }
        if i == first || !named {
            return None;
        }
        let (s, e) = (self.tokens[first].start, self.tokens[i - 1].end);
        // It stands alone: a break, a verb or a particle follows, not more of a phrase.
        let next_ok = i >= self.tokens.len() || {
            let n = &self.tokens[i];
            !self.is_han_word(n) && !self.word(n).iter().any(|c| c.is_ascii_alphanumeric()) || self.is_verb(n)
        };
        let w = &self.chars[s..e];
        let common = ENTITY.ending(w) == Some(w.len())
            || METRIC.ending(w).is_some()
            || self.class(&self.tokens[first]).is_some();
        (next_ok && !common && e - s >= 2).then_some((s, e))
    }
}

impl Doc<'_> {
    /// Does a verb of giving or buying stand in the clause before `start` (over a linking word)?
    fn gives_before(&self, start: usize) -> bool {
        let lo = start.saturating_sub(8);
        let open = (lo..start).rev().find(|&p| super::CLAUSE_BREAKS.contains(&self.chars[p])).map_or(lo, |p| p + 1);
        let w = &self.chars[open..start];
        GIVES.iter().any(|g| w.windows(2).any(|x| x.iter().copied().eq(g.chars())))
    }
}
