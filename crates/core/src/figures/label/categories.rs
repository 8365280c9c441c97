//! Items of a statistical breakdown named by an official category (labels.md
//! rules 7–9). Two structures:
//!
//! - An item that heads a `；` item with its figure in brackets
//!   (`其次為珠寶首飾、鐘錶及名貴禮物（銷貨價值下跌58.6%）；其他未分類消費品（下跌21.9%）`):
//!   the whole name before the bracket is the subject, its `、` and `及` and a
//!   leading `其他` included, the introducing words (`其次為`, `以及`) left out.
//! - A category whose official name joins parts with `、` and `及` and that opens
//!   the figure's clause (`电力、热力、燃气及水生产和供应业实现利润总额`,
//!   `外商及港澳台商投资企业实现…`): the subject is the whole name, not its last part.

use super::charbuf::Chars;
use super::tokens::{T_NS, code};
use super::words::Class;
use super::{Doc, Own, Span};
use crate::model::{Figure, Kind};

/// The longest name of a category, in chars.
const NAME_MAX: usize = 20;
/// How far before the figure its bracket may open.
const BRACKET_REACH: usize = 16;
/// Words that introduce the next item of a breakdown, not part of its name.
const INTRO: &[&str] =
    &["其次為", "其次为", "其次是", "其次", "以及", "及", "和", "另外", "此外", "而", "其中", "當中", "当中"];
/// Words after a list of items that share one figure or pair with several (`…、酒和饮料制造业同比分别增长`).
const LIST_MARKS: &[char] = &['分', '均', '各', '都'];
/// The last char of an official category's name (`…供应业`, `…投资企业`, `…消費品`, `…禮物`, `…配件`).
const CATEGORY_ENDS: &[char] = &['业', '業', '品', '类', '類', '物', '件', '具', '草', '料', '械', '装', '裝'];

impl Doc<'_> {
    /// Give a breakdown item its whole category name as subject.
    pub(super) fn category_item(&self, f: &Figure, own: &mut Own) {
        if f.kind == Kind::Date {
            return;
        }
        if let Some(name) = self.bracket_item(f) {
            own.subject = Some(name);
            return;
        }
        if let Some(s) = own.subject.and_then(|s| self.joined_name(s)) {
            own.subject = Some(s);
        }
    }

    /// `…；其他未分類消費品（下跌21.9%）`: the name heading the item whose bracket holds the figure.
    fn bracket_item(&self, f: &Figure) -> Option<Span> {
        let lim = f.start.saturating_sub(BRACKET_REACH);
        let open = (lim..f.start)
            .rev()
            .find(|&p| matches!(self.chars[p], '（' | '(' | '）' | ')' | '，' | '。' | '；' | ';' | '\n' | '：'))?;
        if !matches!(self.chars[open], '（' | '(') || open == 0 {
            return None;
        }
        // The bracket closes right after the figure: it holds this figure alone.
        let close = self.chars.get(f.end..)?.iter().take(3).position(|c| matches!(c, '）' | ')'))?;
        if close != 0 {
            return None;
        }
        // The item starts after the break before it.
        let lo = open.saturating_sub(NAME_MAX + 4);
        let start = (lo..open)
            .rev()
            .find(|&p| matches!(self.chars[p], '；' | ';' | '。' | '，' | ',' | '：' | ':' | '\n' | '）' | ')'))
            .map(|p| p + 1)?;
        // Only an item after another: `；` before it, or a `；` right after its bracket.
        let after_semi = start > 0 && matches!(self.chars[start - 1], '；' | ';');
        let before_semi = matches!(self.chars.get(f.end + 1), Some('；' | ';'));
        if !(after_semi || before_semi) {
            return None;
        }
        let s = self.after_intro(start, open);
        let name = &self.chars[s..open];
        if name.len() < 2
            || name.len() > NAME_MAX
            || !name.iter().all(|c| super::is_han(*c) || *c == '、')
            || name.last() == Some(&'、')
            || self.names_metric((s, open))
        {
            return None;
        }
        // A name, not a clause: no verb, change or time word among its words.
        let r = self.within(s, open);
        if r.is_empty() || self.tokens[r.start].start != s {
            return None;
        }
        let clean = self.tokens[r].iter().all(|t| {
            self.word(t) == ['、']
                || !matches!(self.class(t), Some(Class::Change | Class::Time | Class::Verb | Class::Deictic))
                    && (!self.is_verb(t) || self.is_nounish(t))
        });
        clean.then_some((s, open))
    }

    /// Where an item starting at `s` (and ending at `end`) starts after the words that introduce it.
    fn after_intro(&self, s: usize, end: usize) -> usize {
        INTRO
            .iter()
            .find_map(|w| {
                let n = w.chars().count();
                (s + n <= end && self.chars[s..s + n].iter().copied().eq(w.chars())).then_some(s + n)
            })
            .unwrap_or(s)
    }

    /// `燃气及水生产和供应业` cut from `电力、热力、燃气及水生产和供应业`: the whole name,
    /// when the parts joined with `、` / `及` open the clause and the name ends as a category does.
    fn joined_name(&self, (s, e): Span) -> Option<Span> {
        if s == 0 || !self.chars[e - 1..e].iter().all(|c| CATEGORY_ENDS.contains(c)) {
            return None;
        }
        // `租赁业、零售业、住宿餐饮业分别下降…`: a name another item follows is a member of a list.
        if matches!(self.chars.get(e), Some('、')) {
            return None;
        }
        let lo = s.saturating_sub(NAME_MAX);
        let mut start =
            (lo..s).rev().find(|&p| !(super::is_han(self.chars[p]) || self.chars[p] == '、')).map(|p| p + 1)?;
        if start == s || !matches!(self.chars[start - 1], '，' | '；' | '。' | '：' | '\n' | ',' | ';' | ':') {
            return None;
        }
        start = self.after_intro(start, s);
        if start >= s || e - start > NAME_MAX {
            return None;
        }
        let head = &self.chars[start..s];
        // The name is joined: a `、` or `及` in it; each part a name, not a numeral (`第一、二、三产业`).
        if !head.iter().chain(&self.chars[s..e]).any(|c| matches!(c, '、' | '及'))
            || head
                .strip_suffix(&['、'])
                .unwrap_or(head)
                .split(|c| *c == '、')
                .any(|p| p.len() < 2 || p.first().is_some_and(|c| *c == '第' || crate::numeral::is_cn_numeral_char(*c)))
        {
            return None;
        }
        // `专用设备制造业、酒和饮料制造业同比分别增长`: a list, not one name.
        let tail = &self.chars[e..self.chars.len().min(e + 24)];
        let tail = &tail[..tail.iter().position(|c| super::CLAUSE_BREAKS.contains(c)).unwrap_or(tail.len())];
        if tail.iter().any(|c| LIST_MARKS.contains(c)) {
            return None;
        }
        let r = self.within(start, s);
        if r.is_empty() || self.tokens[r.start].start != start {
            return None;
        }
        // Parts are nouns, not places (`北京、上海及广州` is a list) nor verbs or time words.
        let parts_ok = self.tokens[r].iter().all(|t| {
            self.word(t).iter().all(|c| matches!(c, '、' | '及' | '和' | '其' | '他'))
                || code(t) != T_NS
                    && self.class(t).is_none_or(|c| c == Class::Generic)
                    && (!self.is_verb(t) || self.is_nounish(t))
        });
        parts_ok.then_some((start, e))
    }
}

impl Doc<'_> {
    /// After every pass: a subject that is the last part of a joined category name
    /// written in the figure's sentence (`燃料加工业` of `石油、煤炭及其他燃料加工业`) becomes the whole name.
    pub(super) fn whole_categories(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            let Some(subj) = f.subject.as_deref().filter(|_| f.kind != Kind::Date) else { continue };
            let want = Chars::of(subj);
            let n = want.len();
            if n < 2 || !want.last().is_some_and(|c| CATEGORY_ENDS.contains(c)) {
                continue;
            }
            let from = self.sentence_start(f.start);
            let Some(s) = (from..f.start.saturating_sub(n - 1)).rev().find(|&p| self.orig[p..p + n] == *want) else {
                continue;
            };
            if let Some((a, e)) = self.joined_name((s, s + n)) {
                f.subject = Some(self.text((a, e)));
            }
        }
    }
}
