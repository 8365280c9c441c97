//! Market and company news fuse whose figure it is onto the front of the
//! metric: `沪股通净买入1881亿元`, `酿酒行业资金流出287亿元`, `上汽通用降幅均在30%以上`,
//! `预算案拨款200亿`. The metric is the head (`净买入`, `资金流出`, `降幅`, `拨款`)
//! and the name before it is the subject (rules 4 and 8). A flow verb and the
//! measure noun after it are one metric (`增持金额`, `持股数量`), not the noun alone.

use super::tokens::*;
use super::words::Class;
use super::{Doc, Own, Span};
use crate::model::{Figure, Kind, Token};

/// Flows of money or holdings, after which a name before them is their owner.
const FLOW_HEADS: &[&str] = &[
    "净买入金额",
    "净卖出金额",
    "净流入金额",
    "净流出金额",
    "增持金额",
    "减持金额",
    "买入金额",
    "卖出金额",
    "持仓金额",
    "持仓市值",
    "持股市值",
    "持股数量",
    "持股比例",
    "资金流入",
    "资金流出",
    "净买入",
    "净卖出",
    "净流入",
    "净流出",
];
/// Changes and grants, after which only a proper name before them is their owner.
const NAMED_HEADS: &[&str] = &["降幅", "跌幅", "增幅", "涨幅", "拨款"];
/// Verbs that form one metric with a measure noun after them (`增持金额`).
const FLOW_VERBS: &[&str] = &["净买入", "净卖出", "净流入", "净流出", "增持", "减持", "买入", "卖出", "持仓", "持股"];
/// Measure nouns that need the flow verb before them.
const MEASURES: &[&str] = &["金额", "数量", "市值", "比例"];
/// Words before a head that say which statistic it is, not whose: left out of the label.
const QUALIFIERS: &[&str] = &["同比", "环比", "累计", "单月", "当月", "资金", "北向", "南向", "全年", "平均"];
/// Endings of a group a flow belongs to, whatever its tag.
const GROUP_ENDS: &[&str] = &["行业", "板块", "资金", "通", "基金", "案", "报告", "方案"];
/// The most words a fused owner is read back over.
const OWNER_TOKENS: usize = 3;
/// The longest fused owner, in chars.
const OWNER_MAX: usize = 10;

/// The length of the longest word of `list` that `w` ends with. Compared from the
/// last char back, so most words are turned away after decoding one char.
fn suffix_of(w: &[char], list: &[&str]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for h in list {
        let mut n = 0;
        let whole = h.chars().rev().all(|c| {
            let hit = n < w.len() && w[w.len() - 1 - n] == c;
            n += 1;
            hit
        });
        if whole && best.is_none_or(|b| n > b) {
            best = Some(n);
        }
    }
    best
}

fn is_one_of(w: &[char], list: &[&str]) -> bool {
    list.iter().any(|h| w.iter().copied().eq(h.chars()))
}

impl Doc<'_> {
    /// Split a name fused before a flow or change off its label (see the module notes).
    pub(super) fn flow_split(&self, f: &Figure, own: &mut Own) {
        if f.kind == Kind::Date || own.after {
            return;
        }
        // A name and its change read as the subject (`上汽通用降幅`): the change is the label.
        if own.label.is_none()
            && !own.place
            && let Some((s, e)) = own.subject
            && let Some(n) = suffix_of(&self.chars[s..e], NAMED_HEADS).filter(|&n| e - s > n)
            && let Some(owner) = self.fused_owner_of(s, e - n, false)
        {
            own.label = Some((e - n, e));
            own.subject = Some(owner);
            own.item = false;
            return;
        }
        let Some((mut s, e)) = own.label else { return };
        // `增持金额`: the flow verb before a measure noun belongs to it.
        if is_one_of(&self.chars[s..e], MEASURES)
            && let Some(n) = suffix_of(&self.chars[s.saturating_sub(3)..s], FLOW_VERBS)
        {
            s -= n;
            own.label = Some((s, e));
        }
        let w = &self.chars[s..e];
        let (n, flow) = match (suffix_of(w, FLOW_HEADS), suffix_of(w, NAMED_HEADS)) {
            (Some(n), _) => (n, true),
            (None, Some(n)) => (n, false),
            _ => return,
        };
        let h = e - n;
        if h == s {
            return;
        }
        // `同比降幅`, `北向净买入金额`: a qualifier goes; `北向资金净卖出` keeps its owner.
        if let Some(q) = suffix_of(&self.chars[s..h], QUALIFIERS) {
            let funds = self.chars[h - q..h].starts_with(&['资', '金']);
            // `北向资金`: the side of the market a fund flow comes from names it.
            let side = self.token_ending(h - q, 0).filter(|&i| {
                let t = &self.tokens[i];
                code(t) == T_F && t.end - t.start == 2 && h - q == s
            });
            let owner = match side {
                Some(i) if funds => Some((self.tokens[i].start, h)),
                _ => self.fused_owner_of(s, h, flow).filter(|_| funds),
            };
            own.label = Some((h, e));
            if let Some(o) = owner.filter(|o| o.1 - o.0 > 2) {
                own.subject = Some(o);
            }
            return;
        }
        if let Some(owner) = self.fused_owner_of(s, h, flow) {
            own.label = Some((h, e));
            own.subject = Some(owner);
        }
    }

    /// The name written right before `h`, from `s` or further back over name words
    /// (`深港|通`, `吉利|汽车`), if it is one: a proper name, or for a flow any noun.
    fn fused_owner_of(&self, s: usize, h: usize, flow: bool) -> Option<Span> {
        // The head may begin inside a word the segmenter made up (`深港|通净|卖出`).
        let r = self.seek(|t| t.end <= s)..self.seek(|t| t.start < h);
        if r.is_empty() || self.tokens[r.start].start != s {
            return None;
        }
        let ok = |t: &Token| {
            self.is_han_word(t)
                && matches!(code(t), T_N | T_NZ | T_NT | T_NS | T_NR | T_J | T_NG | T_X | T_VN | T_L | T_B)
                && !matches!(self.class(t), Some(Class::Time | Class::Deictic | Class::Filler | Class::Change))
                && !self.is_action(t)
        };
        if !self.tokens[r.clone()].iter().all(ok) || self.names_metric((s, h)) {
            return None;
        }
        let mut a = r.start;
        while a > 0 && r.end - a < OWNER_TOKENS + r.len() {
            let p = &self.tokens[a - 1];
            if p.end != self.tokens[a].start || !ok(p) || h - p.start > OWNER_MAX {
                break;
            }
            a -= 1;
        }
        let span = (self.tokens[a].start, h);
        let named = self.tokens[a..r.end]
            .iter()
            .any(|t| self.is_entity(t) || matches!(code(t), T_NZ | T_NT | T_NS | T_NR | T_J | T_X))
            || suffix_of(&self.chars[span.0..span.1], GROUP_ENDS).is_some();
        (flow || named).then_some(span)
    }
}
