//! A region or a short name of a group of bodies written fused to the front of a
//! metric, in the way news and bureau reports write them:
//! - a region named by a direction (`东部地区商品房销售面积`, `中西部地区投资`,
//!   `东北地区工业增加值`), where the segmenter cuts the direction off the front;
//! - a group of companies or bodies in short (`房企到位资金`, `车企销量`,
//!   `险企保费收入`, `券商营收`, `银行业总资产`).
//!
//! The region or group is whose the figure is (rule 8) and the rest is the label
//! (rule 4). `地区生产总值` is one metric: 地区 there is no region.

use super::{Doc, Own, Span};
use crate::figures::units::{ends_with, ends_with_any, starts_with};
use crate::model::{Figure, Kind};

/// Directions that, before 地区 (or 部), name a region; the longest first.
const DIRECTIONS: &[&str] = &[
    "中西部", "东中部", "東中部", "东中西部", "東中西部", "东部", "東部", "西部", "中部", "东北", "東北", "西北",
    "东南", "東南", "西南", "华东", "華東", "华南", "華南", "华北", "華北", "华中", "華中", "沿海", "内陆", "內陸",
];
/// What a region ends in.
const REGION_ENDS: &[&str] = &["地区", "地區"];
/// Metrics that open with a region's word and are one name (`地区生产总值`).
const REGION_METRICS: &[&str] = &["生产总值", "生產總值"];

/// Short names of a group of companies or bodies that are whole words.
const GROUPS: &[&str] = &[
    "券商", "开发商", "開發商", "经销商", "經銷商", "运营商", "運營商", "厂商", "廠商", "供应商", "供應商", "零售商",
    "制造商", "製造商", "服务商", "服務商", "银行业", "銀行業", "保险业", "保險業", "证券业", "證券業", "信托业",
    "信託業", "基金业", "基金業", "期货业", "期貨業", "险资", "險資",
];
/// A short name of a group of companies ends in 企 after one char (`房企`, `车企`,
/// `险企`, `药企`, `央企`): these are not companies.
const NOT_GROUP_QI: &[char] = &['政', '中', '招', '引', '乡', '鄉'];

impl Doc<'_> {
    /// A region or a group fused to the front of the figure's label is its subject.
    pub(super) fn fused_group(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let Some((s, e)) = own.label else { return };
        if own.after || own.item || figures[k].kind == Kind::Date || e - s < 3 {
            return;
        }
        // A subject already cut from the label's front is not cut again.
        if own.subject.is_some_and(|(a, b)| a >= s.saturating_sub(4) && b <= e) {
            return;
        }
        let lo = if k > 0 { figures[k - 1].end.min(s) } else { 0 };
        let lo = self.clause_start(s, lo);
        if let Some((subject, at)) = self.region_front(s, e, lo).or_else(|| self.group_front(s, e)) {
            own.subject = Some(subject);
            own.label = Some((at, e));
        }
    }

    /// `东部`+`地区商品房销售面积`, `东部地区`+`投资`: the region and where the metric starts.
    fn region_front(&self, s: usize, e: usize, lo: usize) -> Option<(Span, usize)> {
        // The label opens with the region's end, its direction cut off before it.
        if let Some(n) = REGION_ENDS.iter().find_map(|w| starts_with(self.chars, s, w))
            && let Some((_, d)) = ends_with_any(self.chars, s, DIRECTIONS)
            && s - d >= lo
            && self.metric_after_group(s + n, e)
            && !REGION_METRICS.iter().any(|w| starts_with(self.chars, s + n, w).is_some())
        {
            return Some(((s - d, s + n), s + n));
        }
        // The label opens with the whole region.
        let (_, d) = DIRECTIONS.iter().find_map(|w| starts_with(self.chars, s, w).map(|n| (*w, n)))?;
        let n = REGION_ENDS.iter().find_map(|w| starts_with(self.chars, s + d, w))?;
        let at = s + d + n;
        (self.metric_after_group(at, e) && !REGION_METRICS.iter().any(|w| starts_with(self.chars, at, w).is_some()))
            .then_some(((s, at), at))
    }

    /// `房企到位资金`, `券商营收`: the group and where the metric starts.
    fn group_front(&self, s: usize, e: usize) -> Option<(Span, usize)> {
        let at = self.within(s, e).map(|i| self.tokens[i].end).find(|&b| {
            b < e && b - s <= 6 && {
                let short_qi = b - s >= 2
                    && matches!(self.chars[b - 1], '企')
                    && !NOT_GROUP_QI.contains(&self.chars[b - 2])
                    && self.chars[s..b].iter().all(|c| super::is_han(*c));
                short_qi || (self.chars[b - 1] == '商' || self.chars[b - 1] == '业' || self.chars[b - 1] == '業'
                    || self.chars[b - 1] == '资' || self.chars[b - 1] == '資')
                    && ends_with_any(self.chars, b, GROUPS).is_some()
            }
        })?;
        // The words before the group's name are part of it (`头部房企`, `上市券商`).
        let name_ok = self.within(s, at).all(|i| self.is_han_word(&self.tokens[i]) && self.class(&self.tokens[i]).is_none());
        (name_ok && self.metric_after_group(at, e) && ends_with(self.chars, at, "外商").is_none())
            .then_some(((s, at), at))
    }

    /// Is `at..e` a whole metric, opening at a word's edge?
    fn metric_after_group(&self, at: usize, e: usize) -> bool {
        e >= at + 2 && self.token_starting(at).is_some() && self.names_metric((at, e))
    }
}
