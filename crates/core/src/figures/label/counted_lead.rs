//! `还有6只预计亏损`, `共完成72个各类监测工作`, `32.8万台（套）农业机械`: the thing a
//! count counts is read past a qualifier (rule 4) or a bracketed measure word
//! right after the number; `三个较有代表性的时刻`: past a modifier and its `的`.

use super::tokens::{T_M, T_Q, code};
use super::{CLAUSE_BREAKS, Doc};

/// Qualifiers that may stand between a count and what it counts.
const LEAD_QUALIFIERS: &[&str] =
    &["预计", "預計", "已", "已经", "已經", "各类", "各類", "各项", "各項", "各种", "各種"];

/// The longest modifier read before a `的` after a count, in chars.
const MODIFIER_MAX: usize = 12;

impl Doc<'_> {
    /// Where the thing counted after a figure starts: the token `first`, or
    /// the one after a qualifier or a bracketed measure word.
    pub(super) fn counted_start(&self, first: usize, next_start: usize) -> usize {
        let mut i = first;
        for _ in 0..2 {
            let Some(t) = self.tokens.get(i).filter(|t| t.start < next_start) else { break };
            if LEAD_QUALIFIERS.iter().any(|w| self.is(t, w)) {
                i += 1;
                continue;
            }
            if t.end == t.start + 1 && matches!(self.chars[t.start], '（' | '(') {
                let lim = (i + 4).min(self.tokens.len());
                if let Some(close) = (i + 1..lim).find(|&j| matches!(self.chars[self.tokens[j].start], '）' | ')')) {
                    i = close + 1;
                    continue;
                }
            }
            break;
        }
        i
    }

    /// `三个较有代表性的时刻`: the token after the `的` that closes a short
    /// modifier right after a count.
    pub(super) fn after_modifier(&self, first: usize, next_start: usize) -> Option<usize> {
        let from = self.tokens.get(first)?.start;
        let mut i = first;
        while let Some(t) = self.tokens.get(i) {
            if t.start >= next_start || t.end - from > MODIFIER_MAX {
                return None;
            }
            if self.is(t, "的") {
                return (i > first && self.tokens.get(i + 1).is_some_and(|n| n.start < next_start)).then_some(i + 1);
            }
            if matches!(code(t), T_M | T_Q) || CLAUSE_BREAKS.contains(&self.chars[t.start]) || !self.is_han_word(t) {
                return None;
            }
            i += 1;
        }
        None
    }
}
