//! Who a figure belongs to when the sentence names it without an entity's
//! ending: the name a sentence opens with, a quoted name, a name before a note.

use super::tokens::*;
use super::{Doc, Span};
use crate::figures::units::ends_with;
use crate::model::Token;
use std::ops::Range;

impl Doc<'_> {
    /// The name a sentence opens with, before its verb (`禾速传媒自3月复工以来…`):
    /// the subject when nothing in the sentence ends like an entity.
    pub(super) fn topic(&self, r: Range<usize>) -> Option<Span> {
        let mut j = r.start;
        while j < r.end && j - r.start < 4 {
            let t = &self.tokens[j];
            if !(self.is_nounish(t) || matches!(code(t), T_NZ | T_NR | T_NS | T_NT))
                || !self.is_han_word(t)
                || self.class(t).is_some()
            {
                break;
            }
            j += 1;
        }
        let next_verbal =
            j > r.start && j < self.tokens.len() && matches!(code(&self.tokens[j]), T_V | T_P | T_D | T_VN);
        (next_verbal && self.topic_long_enough(r.start, j))
            .then(|| (self.tokens[r.start].start, self.tokens[j - 1].end))
    }

    /// Is the name `tokens[from..verb]` opening a sentence long enough to be its subject?
    /// Three chars, or two when the verb after it reports a total (`铁路累计完成货运量27亿吨`,
    /// `港口完成吞吐量…`: a sector, a mode of transport).
    fn topic_long_enough(&self, from: usize, verb: usize) -> bool {
        let len = self.tokens[verb - 1].end - self.tokens[from].start;
        len >= 3 || len == 2 && ["累计", "累計", "完成", "实现", "實現"].iter().any(|w| self.is(&self.tokens[verb], w))
    }

    /// `“两路二环”完成投资19.29亿元`, `“两路二环”工程总投资…`: a quoted name right
    /// before a metric that opens with a verb (or before the 工程/项目 it names) is what the
    /// figure belongs to.
    pub(super) fn quoted_before(&self, at: usize, floor: usize) -> Option<Span> {
        let mut e = at;
        if e >= floor + 3 && matches!(&self.chars[e - 2..e], ['工', '程'] | ['项', '目'] | ['項', '目']) {
            e -= 2;
        } else if !self.token_starting(at).is_some_and(|i| self.is_verb(&self.tokens[i])) {
            // `“最多跑一次”事项1019项`: a quoted name before a noun is what kind it is, not whose.
            return None;
        }
        if e < floor + 4 || !matches!(self.chars[e - 1], '”' | '」') {
            return None;
        }
        let close = e - 1;
        let open = (close.saturating_sub(11).max(floor)..close).rev().find(|&j| matches!(self.chars[j], '“' | '「'))?;
        let name = &self.chars[open + 1..close];
        (name.len() >= 2 && name.iter().all(|c| super::is_han(*c) || c.is_ascii_alphanumeric()))
            .then_some((open + 1, close))
    }

    /// A closing bracket token `t`: the index of the token that opens it, at or after `lo`.
    pub(super) fn bracket_open(&self, t: &Token, lo: usize) -> Option<usize> {
        if !matches!(self.word(t), ['）'] | [')']) {
            return None;
        }
        let i = self.token_starting(t.start)?;
        (lo..i).rev().take(30).find(|&j| matches!(self.word(&self.tokens[j]), ['（'] | ['(']))
    }

    /// `轨道交通工程1号线`, `二期工程`: a numbered part right after a name ending at `end` (before `lim`) is
    /// part of the name. Where the name ends, with it.
    pub(super) fn numbered_part(&self, end: usize, lim: usize) -> usize {
        let digits = self.chars[end..lim].iter().take(3).take_while(|c| c.is_ascii_digit()).count();
        let rest = &self.chars[end + digits..lim];
        let part = [&['号', '线'][..], &['號', '線'][..], &['标', '段'][..], &['期'][..], &['号'][..], &['號'][..]]
            .into_iter()
            .find(|p| rest.starts_with(p));
        match part {
            Some(p) if digits > 0 => end + digits + p.len(),
            _ => end,
        }
    }

    /// `；九大风区总面积达…`: a numeral opening the clause before a name is part of it
    /// (the name of a group). Where the name starting at token `j` starts, with it.
    pub(super) fn counted_name_start(&self, j: usize, lo: usize) -> usize {
        let start = self.tokens[j].start;
        if j == lo {
            return start;
        }
        let p = &self.tokens[j - 1];
        let numeral = p.end == start
            && p.end - p.start == 1
            && code(p) == T_M
            && crate::numeral::is_cn_numeral_char(self.chars[p.start]);
        let opens = p.start == 0 || !super::is_han(self.chars[p.start - 1]);
        if numeral && opens { p.start } else { start }
    }
}

/// Verbs that end a speaker's clause (`国盛证券计算机首席刘高畅认为，…`).
const SAYS: &[&str] = &["认为", "認為", "表示", "指出", "介绍", "介紹", "称", "稱", "说", "說", "坦言", "透露", "分析"];

impl Doc<'_> {
    /// `三县`, `十部门`, `两区`: a numeral and an ending count places; `四川省`, `三亚市`,
    /// `九江`, whose name opens with a numeral's char, are names.
    pub(super) fn counted_word(&self, w: &[char]) -> bool {
        let n = w.iter().take_while(|c| crate::numeral::is_cn_numeral_char(**c)).count();
        if n == 0 {
            return false;
        }
        let rest = &w[n..];
        rest.len() <= 1 || super::words::ENTITY.ending(rest) == Some(rest.len())
    }

    /// A name the walk back over a sentence reads over: who speaks
    /// (`国盛证券计算机首席刘高畅认为，`), named in a clause that ends with a verb of saying.
    pub(super) fn not_owner(&self, (_, e): Span) -> bool {
        // The clause it stands in ends with a verb of saying: a speaker.
        let lim = (e + 16).min(self.chars.len());
        let Some(brk) = (e..lim).find(|&p| matches!(self.chars[p], '，' | ',' | '：' | ':')) else { return false };
        let clause = &self.chars[e..brk];
        SAYS.iter().any(|w| ends_with(clause, clause.len(), w).is_some())
            && !clause.iter().any(|c| super::SENTENCE_BREAKS.contains(c))
    }
}
