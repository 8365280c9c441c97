//! Names fused to the metric they own (`丰田汽车销量`, `华润创业即时股价`): the
//! segmenter cuts the name in two (`丰田` + `汽车`), and the walk back over the
//! metric's words stops at the first half.

use super::tokens::{T_C, T_ENG, T_N, T_NS, T_NT, T_NZ, T_P, code};
use super::words::METRIC;
use super::{Doc, Span};
use crate::figures::units::starts_with;
use crate::model::Token;

impl Doc<'_> {
    /// Where the metric starts in `s..e` when the walk back over it stopped at
    /// a name right before `s`: a common noun that opens the span and is
    /// followed by a whole metric (`汽车` + `销量`, `创业` + `即时股价`) is the
    /// rest of the name (rule 8: the subject), not a modifier of the metric.
    /// After a place it is a scope of the metric (`宜春市` + `地区生产总值`).
    pub(super) fn name_rest(&self, name: &Token, s: usize, e: usize) -> usize {
        if !matches!(code(name), T_NZ | T_NT) {
            return s;
        }
        let Some(i) = self.token_starting(s) else { return s };
        let t = &self.tokens[i];
        // `起亚` + `汽车销量`: the segmenter joined the rest of the name and the metric.
        if t.end == e && code(t) == T_N {
            let w = self.word(t);
            let head = (2..w.len().saturating_sub(1)).find(|&k| METRIC.contains(&w[k..]));
            return match head {
                Some(k) if self.is_han_word(t) => s + k,
                _ => s,
            };
        }
        let rest = (t.end, e);
        let noun = code(t) == T_N && t.end - t.start >= 2 && self.class(t).is_none() && self.is_han_word(t);
        if noun && e >= t.end + 2 && self.names_metric(rest) && !self.generic_only(rest.0, rest.1) { t.end } else { s }
    }
}

impl Doc<'_> {
    /// `超级市场货品的销货价值`: the nouns joined to the metric by `的` name what
    /// it belongs to (rule 8), over a list of them (`珠宝首饰、钟表及名贵礼物的…`).
    pub(super) fn owner_before_de(&self, label_start: usize) -> Option<Span> {
        if label_start == 0 || self.chars[label_start - 1] != '的' {
            return None;
        }
        let mut end = label_start - 1;
        // `…相關行業（即零售、住宿及膳食服務業合計）的失業率`: a note in brackets before 的 is no part of the owner.
        if end > 0
            && matches!(self.chars[end - 1], '）' | ')')
            && let Some(open) =
                (end.saturating_sub(OWNER_MAX * 2)..end - 1).rev().find(|&j| matches!(self.chars[j], '（' | '('))
        {
            end = open;
        }
        let mut s = end;
        let mut nouns = 0;
        while let Some(i) = self.token_ending(s, end.saturating_sub(OWNER_MAX)) {
            let t = &self.tokens[i];
            let joins = code(t) == T_C || self.is(t, "、");
            // `消費及旅遊相關行業`: 相关 inside the name, between its nouns.
            let related = nouns > 0 && (self.is(t, "相关") || self.is(t, "有关"));
            if self.is_nounish(t) || related || matches!(code(t), T_NZ | T_NT | T_NS) && self.is_han_word(t) {
                nouns += 1;
            } else if !joins || nouns == 0 {
                break;
            }
            s = t.start;
        }
        // The span opens with a noun, not a joining word.
        while let Some(i) = self.token_starting(s).filter(|_| s < end) {
            let t = &self.tokens[i];
            if code(t) == T_C || self.is(t, "、") {
                s = t.end;
            } else {
                break;
            }
        }
        // `提供住宿的社会服务机构`: a verb before the nouns opens a relative clause, no owner.
        let mut clause = false;
        if let Some(i) = self.token_ending(s, 0) {
            let t = &self.tokens[i];
            // `與消費及旅遊相關行業`: 与…相关 is one phrase, the owner's name.
            let ends_related = self.token_ending(end, s).is_some_and(|j| {
                j > 0 && (self.is(&self.tokens[j - 1], "相关") || self.is(&self.tokens[j - 1], "有关"))
            });
            if (self.is(t, "与") || self.is(t, "和")) && ends_related {
                s = t.start;
            } else {
                clause = self.is_verb(t) || matches!(code(t), T_P | T_ENG);
            }
        }
        (nouns > 0 && end - s >= 2 && !clause).then_some((s, end))
    }
}

/// The longest owner read before `的`, in chars.
const OWNER_MAX: usize = 16;

impl Doc<'_> {
    /// `对东协出口107.4亿美元`, `对美出口占比`: the partner of a trade figure is its
    /// subject (rule 8), and the label is the trade metric after it. The span of
    /// the partner and of the metric, when `label` is such a phrase.
    pub(super) fn trade_partner(&self, (s, e): Span) -> Option<(Span, Span)> {
        let w = &self.chars[s..e];
        let from = if w.first() == Some(&'对') {
            s + 1
        } else if s > 0 && self.chars[s - 1] == '对' {
            s
        } else {
            return None;
        };
        let rest = &self.chars[from..e];
        let at = (1..rest.len().min(PARTNER_MAX + 1))
            .find(|&k| TRADE.iter().any(|t| starts_with(&rest[k..], 0, t).is_some()))?;
        let partner = (from, from + at);
        let metric = (from + at, e);
        let han = self.chars[partner.0..partner.1].iter().all(|c| super::is_han(*c));
        (han && self.names_metric(metric)).then_some((partner, metric))
    }
}

/// What a trade figure measures, after its partner.
const TRADE: &[&str] = &["进出口", "出口", "进口", "贸易"];
/// The longest partner read, in chars (`中国大陆与香港`).
const PARTNER_MAX: usize = 8;
