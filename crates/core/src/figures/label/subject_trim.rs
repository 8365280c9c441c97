//! What a subject read over a clause takes in by mistake at its edges (rule 8:
//! the subject is an owner, a noun phrase): a verb, an adverb or a time word
//! after the name (`比亚迪涨至`, a verb and its place `中石化供应重庆`, `龙头公司对应`, `省重点在建项目实际`, `保险近一月`),
//! the measure word of a count before it (`个省重点在建项目`). A phrase that opens
//! with `占` is the base of a share, never its owner (`占总进入城市`): it is no
//! subject, and the topic of the clause may give one; nor is a verb phrase
//! before `的` (`经季节性调整的失业率`), a relative clause about the metric.

use super::tokens::*;
use super::words::Class;
use super::{Doc, Own};

/// Measure words a count before the name leaves at its front.
/// Words of manner or sum after a name, tagged as nouns (`省重点在建项目实际完成投资`, `龙头公司对应增速`).
const MANNER: &[&str] =
    &["实际", "實際", "对应", "對應", "合计", "合計", "共计", "共計", "总计", "總計", "相应", "相應"];

/// What a date leaves after its number when the segmenter cuts it off (`4`+`月份`).
const DATE_RESTS: &[&str] = &["月份", "季度", "年度", "月", "年", "日"];

const MEASURES: &[char] = &['个', '個', '家', '项', '項', '只', '隻', '座', '所'];

impl Doc<'_> {
    /// Cut such words off the edges of the subject, or drop a share's base.
    pub(super) fn trim_subject(&self, own: &mut Own) {
        let Some((mut s, mut e)) = own.subject else { return };
        if let Some(i) = self.token_starting(s) {
            let t = &self.tokens[i];
            let w = self.word(t);
            if matches!(w, ['占' | '佔']) || self.is(t, "占比") {
                own.subject = None;
                return;
            }
            if t.end < e && w.len() == 1 && MEASURES.contains(&w[0]) && s > 0 && self.is_count_char(self.chars[s - 1]) {
                s = t.end;
            }
            // `4月份西安电网`: the rest of a date before the name (`月份`, `季度`) is no part of it.
            if t.end + 2 <= e && s > 0 && self.chars[s - 1].is_ascii_digit() && DATE_RESTS.iter().any(|d| self.is(t, d))
            {
                s = t.end;
            }
        }
        // `经季节性调整的失业率`: a verb before `的` makes a relative clause about the metric, no owner.
        if self.chars.get(e) == Some(&'的')
            && let Some(i) = self.token_ending(e, s)
            && matches!(code(&self.tokens[i]), T_V | T_VN)
        {
            own.subject = None;
            return;
        }
        // `任职总回报`, `净流出`: with no label apart from it (or one over the same words), the words
        // may be the metric's own; a label right after the name leaves them to the name's edge.
        let end = e;
        let label_next = own.label.is_none_or(|(ls, le)| ls < end && le > s);
        while e > s + 2 && !label_next {
            let Some(i) = self.token_ending(e, s + 1) else { break };
            let t = &self.tokens[i];
            let w = self.word(t);
            let verb = matches!(code(t), T_V | T_VD | T_VI) && w.len() >= 2;
            let adverb = code(t) == T_D && w.len() >= 2;
            // `北京现代`: a word tagged a time that names none is the name's.
            let time = code(t) == T_T && !self.timeless_t(t) || self.class(t) == Some(Class::Time);
            // `实际`, `对应`, `合计`: manner words the segmenter tags as nouns.
            let manner = MANNER.iter().any(|m| w.len() == 2 && w.iter().copied().eq(m.chars()));
            if !(verb || adverb || time || manner) || t.start < s + 2 {
                break;
            }
            e = t.start;
        }
        // `中石化供应重庆`: a name, then a verb and the place it acts on, is its doer; the
        // verb and its object are no part of the owner.
        if e >= s + 5
            && let Some(i) = self.token_ending(e, s + 2)
            && code(&self.tokens[i]) == T_NS
        {
            let mut j = i;
            while j > 0 && self.tokens[j - 1].start >= s + 2 && code(&self.tokens[j - 1]) == T_NS {
                j -= 1;
            }
            if j > 0 {
                let v = &self.tokens[j - 1];
                // The doer left is a name or noun, not a modal (`东盟可能会交替成为中国`).
                let doer = self.token_ending(v.start, s).is_some_and(|d| {
                    let c = code(&self.tokens[d]);
                    c & 0xff == u32::from(b'n') || c == T_J
                });
                if v.start >= s + 2
                    && v.end - v.start >= 2
                    && matches!(code(v), T_V | T_VN)
                    && self.is_han_word(v)
                    && doer
                {
                    e = v.start;
                }
            }
        }
        own.subject = Some((s, e));
    }

    fn is_count_char(&self, c: char) -> bool {
        c.is_ascii_digit() || crate::numeral::is_cn_numeral_char(c) || matches!(c, '多' | '余' | '餘')
    }
}
