//! Counted places and bodies written against a metric:
//! - `广东、江苏两省GDP均超过8万亿元`: a count of the places listed (`两省`, `三市`) fused
//!   before the metric refers back to them; it is no part of the metric (rule 4);
//! - `有8个省份GDP增速超过全国`, `有2800家公司净利润同比增长`: what a count counts ends
//!   at the counted thing; the metric after it is what is said of them (rule 7).

use super::words::METRIC;
use super::{Doc, Own};
use crate::model::{Figure, Kind};

/// One-char kinds of place or body a Chinese count fused to them counts.
const KINDS: &[char] = &['省', '市', '县', '縣', '区', '區', '地', '国', '國', '城', '州', '家', '企'];
/// Counted things that end like no entity.
const COUNTED: &[&str] = &["省份", "省区", "省區", "城市", "国家", "國家", "地区", "地區", "公司", "企业", "企業"];

impl Doc<'_> {
    /// Cut a count of places off the front of a metric, or a metric off the end of a counted thing.
    pub(super) fn place_count(&self, f: &Figure, own: &mut Own) {
        if own.item {
            return;
        }
        let Some((s, e)) = own.label else { return };
        if e - s < 3 {
            return;
        }
        if !own.after {
            // `两省GDP`, `三市生产总值`: a numeral and a kind, then the metric.
            let n = self.chars[s..e].iter().take_while(|c| crate::numeral::is_cn_numeral_char(**c)).count();
            if n == 0 || n > 2 || !KINDS.contains(&self.chars[s + n]) {
                return;
            }
            let mut at = s + n + 1;
            // `五省区`: a kind of two chars.
            if at < e && KINDS.contains(&self.chars[at]) {
                at += 1;
            }
            if e - at >= 2 && self.token_starting(at).is_some() && self.names_metric((at, e)) {
                own.label = Some((at, e));
            }
            return;
        }
        if f.kind != Kind::Count {
            return;
        }
        let r = self.within(s, e);
        if r.len() < 2 || self.tokens[r.start].start != s {
            return;
        }
        // The first word after the counted thing that opens a metric running to the end.
        for j in r.start + 1..r.end {
            let at = self.tokens[j].start;
            if !self.names_metric((at, e)) || METRIC.ending(&self.chars[s..at]).is_some() {
                continue;
            }
            let head = &self.tokens[j - 1];
            let counted = COUNTED.iter().any(|w| self.is(head, w)) || self.counted_head_word(head, j - 1 > r.start);
            if counted {
                own.label = Some((s, at));
            }
            return;
        }
    }
}
