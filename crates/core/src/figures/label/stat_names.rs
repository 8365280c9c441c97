//! The edges of a metric named the way statistical releases name them
//! (labels.md rules 3 and 4):
//! - a word ending in 者 that the segmenter cut off the metric (`所有者` + `权益`) belongs to it;
//! - a linking verb before the metric (`发生营业成本`) is left out;
//! - a per-hundred ratio is named whole, from its 每 (`每百元资产实现的营业收入`,
//!   `每百元营业收入中的成本`): the head alone would be another statistic.

use super::{CLAUSE_BREAKS, Doc, Own};
use crate::figures::units::ends_with;
use crate::model::{Figure, Kind};

/// Linking verbs that can open a metric's clause.
const LINKS: &[&str] = &["发生", "發生"];
/// The longest run from 每 to the metric's head, in chars.
const PER_MAX: usize = 12;

impl Doc<'_> {
    /// Fix the edges of a statistic's name (see the module notes).
    pub(super) fn stat_name(&self, f: &Figure, own: &mut Own) {
        if matches!(f.kind, Kind::Date | Kind::Duration) || own.after || own.item {
            return;
        }
        let Some((mut s, e)) = own.label else { return };
        // `所有者` (tagged a conjunction) + `权益`.
        if let Some(i) = self.token_ending(s, s.saturating_sub(4)) {
            let t = &self.tokens[i];
            let w = self.word(t);
            // Not `两者` (both), a numeral with 者.
            if w.len() >= 3
                && w.last() == Some(&'者')
                && self.is_han_word(t)
                && !crate::numeral::is_cn_numeral_char(w[0])
            {
                s = t.start;
            }
        }
        // `发生营业成本`.
        if let Some(i) = self.token_starting(s)
            && LINKS.iter().any(|w| self.is(&self.tokens[i], w))
            && self.tokens[i].end + 2 <= e
            && !self.verbs_only((self.tokens[i].end, e))
        {
            s = self.tokens[i].end;
        }
        // `每百元资产实现的营业收入`.
        if let Some(m) = self.per_hundred_start(s) {
            if own.subject.is_some_and(|(ss, se)| se > m && ss < e) {
                own.subject = self.subject_before(m, &[]);
            }
            s = m;
        }
        own.label = Some((s, e));
    }

    /// `每百元资产实现的` before `s`: where its 每 is.
    fn per_hundred_start(&self, s: usize) -> Option<usize> {
        if s == 0 || !matches!(self.chars[s - 1], '的') {
            return None;
        }
        let lo = s.saturating_sub(PER_MAX);
        let m = (lo..s).rev().find(|&p| self.chars[p] == '每')?;
        let run = &self.chars[m + 1..s];
        if run.iter().any(|c| CLAUSE_BREAKS.contains(c) || c.is_ascii_digit() || *c == '每') {
            return None;
        }
        // A scale and a money or head unit: 百元, 千元, 万元, 百人.
        let scaled = matches!(run.first(), Some('百' | '千' | '万' | '萬' | '十'))
            && matches!(run.get(1), Some('元' | '人' | '户' | '戶'));
        (scaled && ends_with(self.chars, s, "的").is_some()).then_some(m)
    }
}
