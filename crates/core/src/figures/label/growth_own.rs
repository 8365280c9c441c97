//! `上汽大众、上汽通用降幅均在30%以上`, `下跌0.12元，降幅为1.47%`, `余者同比跌幅均在20%以上`:
//! a growth word (降幅, 涨幅, 增速) right before a figure is the metric it is
//! measured by when the words it would otherwise take name no metric (rule 5
//! inherits a metric, not a name): a name fused before the growth word
//! (`上汽通用`) is whose it is, and a label carried from an earlier clause that
//! names no statistic (`车型`) is not what the growth word measures.

use super::charbuf::Chars;
use super::tokens::{T_ENG, T_J, T_NR, T_NS, T_NT, T_NZ, code};
use super::words::{Class, GROWTH_WORDS, METRIC};
use super::{CLAUSE_BREAKS, Doc};
use crate::model::{Figure, Kind};

/// How many words may stand between a growth word and its figure (`均在`, `接近`).
const GAP_WORDS: usize = 3;

impl Doc<'_> {
    /// Label a growth figure by the growth word before it where its label names no metric.
    pub(super) fn growth_own(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if !(f.kind == Kind::Percent || f.change.is_some()) {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            let Some(g) = self.growth_word_before(f.start) else { continue };
            let gw = &self.orig[g.0..g.1];
            let lab = Chars::of(label);
            if lab.len() <= gw.len() && lab.iter().eq(gw.iter()) {
                continue;
            }
            let replace = if lab.ends_with(gw) {
                // `上汽通用降幅`: the words fused before the growth word, right before it in the text.
                let x = lab.len() - gw.len();
                g.0 >= x
                    && self.orig[g.0 - x..g.0] == lab[..x]
                    && METRIC.ending(&self.chars[g.0 - x..g.0]).is_none()
                    && self.names_a_name(g.0 - x, g.0)
            } else {
                // A label carried from before that names no statistic.
                METRIC.ending(&lab).is_none() && !lab.windows(gw.len()).any(|w| w == gw)
            };
            if replace {
                f.label = Some(self.text(g));
            }
        }
    }

    /// The growth word that ends the clause right before `at`, over a few linking words.
    pub(super) fn growth_word_before(&self, at: usize) -> Option<(usize, usize)> {
        let mut i = self.seek(|t| t.end <= at);
        for _ in 0..=GAP_WORDS {
            if i == 0 {
                return None;
            }
            i -= 1;
            let t = &self.tokens[i];
            if t.end > at || CLAUSE_BREAKS.contains(&self.chars[t.start]) {
                return None;
            }
            if GROWTH_WORDS.contains(self.word(t)) && !self.is(t, "增速") {
                return Some((t.start, t.end));
            }
            if !matches!(self.class(t), Some(Class::Filler | Class::Verb)) && !self.is(t, "在") {
                return None;
            }
        }
        None
    }

    /// Does `s..e` hold a name (an abbreviation, a brand, an organisation, a place)?
    fn names_a_name(&self, s: usize, e: usize) -> bool {
        let r = self.within(s, e);
        !r.is_empty() && self.tokens[r].iter().any(|t| matches!(code(t), T_J | T_NZ | T_NT | T_NR | T_NS | T_ENG))
    }
}
