//! A size scope written before a name (`规模以上工业`, `限额以上单位`) is part of
//! the name it bounds: `全市规模以上工业实现利润…` is 规模以上工业's (rule 8);
//! so is a city tier (`二线城市`, `三四线城市`: the segmenter cuts `二线` off as a number).

use super::words::Class;
use super::{Doc, Own};

impl Doc<'_> {
    /// Where a name starting at token `j` starts when `以上`/`以下` and the word it
    /// bounds stand before it (not before `lo`).
    pub(super) fn scope_before(&self, j: usize, lo: usize) -> Option<usize> {
        if j < lo + 2 {
            return None;
        }
        let (w, f) = (&self.tokens[j - 2], &self.tokens[j - 1]);
        let bound = self.is(f, "以上") || self.is(f, "以下");
        let noun = super::tokens::code(w) & 0xff == u32::from(b'n')
            && self.is_han_word(w)
            && w.end - w.start >= 2
            && !matches!(self.class(w), Some(Class::Deictic | Class::Time | Class::Change | Class::Filler));
        (bound && noun).then_some(j - 2)
    }

    /// `二线城市业绩贡献占比`: a city tier written before the metric is whose the
    /// figure is (rule 7: the items of a breakdown by tier are subjects).
    pub(super) fn tier_subject(&self, own: &mut Own) {
        let numeral = |c: &char| crate::numeral::is_cn_numeral_char(*c);
        // `城市` or `线城市` split off as a name already: the tier before it is part of it.
        if let Some((a, b)) = own.subject
            && a >= 2
            && b >= a + 2
            && matches!(self.chars[b - 2..b], ['城', '市'])
            && (b == a + 2 && self.chars[a - 1] == '线' || b == a + 3 && self.chars[a] == '线')
        {
            let at = if self.chars[a] == '线' { a } else { a - 1 };
            let n = self.chars[..at].iter().rev().take(2).take_while(|c| numeral(c)).count();
            if n > 0 {
                own.subject = Some((at - n, b));
            }
            return;
        }
        let Some((s, e)) = own.label else { return };
        if own.after || e < s + 4 {
            return;
        }
        let city = |p: usize| matches!(self.chars[p..p + 2], ['城', '市']);
        // The tier either opens the label or stands right before it.
        let (start, cut) = if let Some(q) = (s + 1..(s + 4).min(e - 2)).find(|&q| self.chars[q] == '线' && city(q + 1))
        {
            (s, q + 3)
        } else if city(s) && s >= 2 && self.chars[s - 1] == '线' {
            let n = self.chars[..s - 1].iter().rev().take(2).take_while(|c| numeral(c)).count();
            (s - 1 - n, s + 2)
        } else {
            return;
        };
        let tier = &self.chars[start..cut - 3];
        if tier.is_empty() || !tier.iter().all(numeral) || !self.names_metric((cut, e)) {
            return;
        }
        own.label = Some((cut, e));
        own.subject = Some((start, cut));
    }
}
