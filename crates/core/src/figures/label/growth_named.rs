//! `余者同比跌幅均在20%以上`, `同比增幅接近300%`: a growth word names the figure
//! after it. A comparison word right before it names the growth (label 跌幅, alt
//! 同比跌幅), it opens no comparison base; and a growth figure that finds no
//! metric to inherit (rule 5) is labelled by its growth word.

use super::words::{Class, GROWTH_WORDS, METRIC};
use super::{CLAUSE_BREAKS, Doc};
use crate::model::{Figure, Kind};

/// How many words may stand between a growth word and its figure (`均在`, `接近`).
const GAP_WORDS: usize = 3;

impl Doc<'_> {
    /// Does the comparison word at `at..end` name a growth word after it (before `hi`),
    /// with no metric right before it (`手续费及佣金净收入同比增幅`: the metric is named)?
    pub(super) fn growth_follows(&self, (at, end): (usize, usize), hi: usize) -> bool {
        let growth = self.token_starting(end).is_some_and(|i| {
            let t = &self.tokens[i];
            t.end <= hi && GROWTH_WORDS.contains(self.word(t))
        });
        growth && METRIC.ending(&self.chars[at.saturating_sub(3)..at]).is_none()
    }

    /// Label a percent left without a metric with the growth word its clause ends in.
    pub(super) fn growth_fallback(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if f.label.is_some() || !(f.kind == Kind::Percent || f.change.is_some()) {
                continue;
            }
            let mut i = self.seek(|t| t.end <= f.start);
            for _ in 0..=GAP_WORDS {
                if i == 0 {
                    break;
                }
                i -= 1;
                let t = &self.tokens[i];
                if t.end > f.start || CLAUSE_BREAKS.contains(&self.chars[t.start]) {
                    break;
                }
                if GROWTH_WORDS.contains(self.word(t)) {
                    f.label = Some(self.text((t.start, t.end)));
                    break;
                }
                if !matches!(self.class(t), Some(Class::Filler | Class::Verb)) && !self.is(t, "在") {
                    break;
                }
            }
        }
    }
}
