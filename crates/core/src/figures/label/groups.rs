//! A region or a short name of a group of bodies written fused to the front of a
//! metric, in the way news and bureau reports write them:
//! - a region ending in 地区 (`东部地区商品房销售面积`, `长三角地区商品房销售面积`,
//!   `农村地区快递业务量`), where the segmenter often cuts the name off the front,
//!   or right before the metric (`贫困地区农村居民人均可支配收入`);
//! - a group of companies or bodies in short (`房企到位资金`, `车企销量`,
//!   `险企保费收入`, `券商营收`, `银行业总资产`).
//!
//! The region or group is whose the figure is (rule 8) and the rest is the label
//! (rule 4). `地区生产总值` is one metric: 地区 there is no region.

use super::tokens::{T_A, T_B, T_F, T_J, T_S, T_V, T_VN, code};
use super::{Doc, Own, Span};
use crate::figures::units::{ends_with, ends_with_any, starts_with};
use crate::model::{Figure, Kind};

/// Words that open a region but say not which one (`本地区`, `部分地区`, `其他地区`).
const VAGUE: &[&str] = &[
    "本", "该", "該", "全", "各", "我", "其", "此", "这", "這", "那", "部分", "个别", "個別", "一些", "有关", "有關",
    "相关", "相關", "所在", "周边", "周邊", "多数", "多數", "大部", "少数", "少數", "重点", "重點", "主要",
];
/// A region's name is at most this long, 地区 and all.
const PLACE_MAX: usize = 8;
/// What a region ends in.
const REGION_ENDS: &[&str] = &["地区", "地區"];
/// Metrics that open with a region's word and are one name (`地区生产总值`).
const REGION_METRICS: &[&str] = &["生产总值", "生產總值"];

/// Short names of a group of companies or bodies that are whole words.
const GROUPS: &[&str] = &[
    "券商",
    "开发商",
    "開發商",
    "经销商",
    "經銷商",
    "运营商",
    "運營商",
    "厂商",
    "廠商",
    "供应商",
    "供應商",
    "零售商",
    "制造商",
    "製造商",
    "服务商",
    "服務商",
    "银行业",
    "銀行業",
    "保险业",
    "保險業",
    "证券业",
    "證券業",
    "信托业",
    "信託業",
    "基金业",
    "基金業",
    "期货业",
    "期貨業",
    "险资",
    "險資",
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
        let lo = if k > 0 { figures[k - 1].end.min(s) } else { 0 };
        let lo = self.clause_start(s, lo);
        let Some(((a, b), at)) = self.region_front(s, e, lo).or_else(|| self.group_front(s, e)) else { return };
        // A subject already cut from the label's front is not cut again, unless it
        // is a part of the region (`长三角` of `长三角地区`) or names whose group it is
        // right before it (`韩国`+`车企`).
        let mut a = a;
        match own.subject {
            Some((c, d)) if d == a && a - c <= 6 && self.chars[c..d].iter().all(|ch| super::is_han(*ch)) => a = c,
            Some((c, d)) if c >= s.saturating_sub(4) && d <= e && !(c >= a && d <= b) => return,
            _ => {}
        }
        own.subject = Some((a, b));
        own.label = Some((at, e));
    }

    /// `东部`+`地区商品房销售面积`, `长三角地区`+`商品房销售面积`, `农村地区快递业务量`,
    /// `贫困地区`+`农村居民人均可支配收入`: the region, and where the metric starts.
    fn region_front(&self, s: usize, e: usize, lo: usize) -> Option<(Span, usize)> {
        // The region ends right before the label, or inside it at a word's edge.
        let inside = self.within(s, e).map(|i| self.tokens[i].end).take_while(|&r| r < e && r - s <= PLACE_MAX);
        std::iter::once(s).chain(inside).find_map(|r| {
            ends_with_any(self.chars, r, REGION_ENDS)?;
            let start = self.region_start(r, lo)?;
            (self.metric_after_group(r, e) && !REGION_METRICS.iter().any(|w| starts_with(self.chars, r, w).is_some()))
                .then_some(((start, r), r))
        })
    }

    /// Where a region ending in 地区 at `r` starts: back over the names, directions
    /// and group words before it. None if nothing names which region it is, or a
    /// deictic or a vague quantity does (`本地区`, `部分地区`).
    fn region_start(&self, r: usize, lo: usize) -> Option<usize> {
        let mut st = r;
        while let Some(i) = self.token_ending(st, lo) {
            let t = &self.tokens[i];
            let tag = code(t);
            // `脱贫`+`地区`, `欠发达`+`地区`: a word that says what the region is like, right before 地区.
            let like = st + 2 == r && matches!(tag, T_V | T_VN | T_A);
            let name = tag & 0xff == u32::from(b'n') || matches!(tag, T_J | T_F | T_B | T_S) || like;
            if r - t.start > PLACE_MAX || !name || !self.is_han_word(t) || self.class(t).is_some() || self.is_action(t)
            {
                break;
            }
            st = t.start;
        }
        let vague = VAGUE.iter().any(|w| starts_with(self.chars, st, w).is_some());
        (r - st > 2 && !vague).then_some(st)
    }

    /// `房企到位资金`, `券商营收`: the group and where the metric starts.
    fn group_front(&self, s: usize, e: usize) -> Option<(Span, usize)> {
        let at = self.within(s, e).map(|i| self.tokens[i].end).find(|&b| {
            b < e && b - s <= 6 && {
                let short_qi = b - s >= 2
                    && matches!(self.chars[b - 1], '企')
                    && !NOT_GROUP_QI.contains(&self.chars[b - 2])
                    && self.chars[s..b].iter().all(|c| super::is_han(*c));
                short_qi
                    || (self.chars[b - 1] == '商'
                        || self.chars[b - 1] == '业'
                        || self.chars[b - 1] == '業'
                        || self.chars[b - 1] == '资'
                        || self.chars[b - 1] == '資')
                        && ends_with_any(self.chars, b, GROUPS).is_some()
            }
        })?;
        // The words before the group's name are part of it (`头部房企`, `上市券商`).
        let name_ok =
            self.within(s, at).all(|i| self.is_han_word(&self.tokens[i]) && self.class(&self.tokens[i]).is_none());
        (name_ok && self.metric_after_group(at, e) && ends_with(self.chars, at, "外商").is_none())
            .then_some(((s, at), at))
    }

    /// Is `at..e` a whole metric, opening at a word's edge?
    fn metric_after_group(&self, at: usize, e: usize) -> bool {
        e >= at + 2 && self.token_starting(at).is_some() && self.names_metric((at, e))
    }
}
