//! `常州以5.6%的增速领跑全省`, `占据40%的份额`: a percent whose clause names no metric
//! before it is the rate or share named right after its `的`.

use super::words::GROWTH_WORDS;
use super::{Doc, Span};

/// Shares written after a percent and its `的`.
const SHARES: &[&str] = &["份额", "份額", "市场份额", "市場份額", "比重", "占比", "佔比"];

impl Doc<'_> {
    pub(super) fn rate_after(&self, end: usize, next_start: usize) -> Option<Span> {
        let i = self.token_starting(end)?;
        if !self.is(&self.tokens[i], "的") {
            return None;
        }
        let t = self.tokens.get(i + 1).filter(|t| t.end <= next_start)?;
        let w = self.word(t);
        let named = GROWTH_WORDS.contains(w) || SHARES.iter().any(|s| w.iter().copied().eq(s.chars()));
        named.then_some((t.start, t.end))
    }
}
