//! `济川药业净利润8.4亿元`, `紫金矿业归母净利润达到120亿元`: a company name the segmenter
//! does not know, written fused to a results metric, is read as part of the metric.
//! The company is whose the figure is (labels.md rule 8) and the metric is the label
//! (rule 3: the shortest span that says which statistic it is). Split only where the
//! metric is a company's results metric and the words before it end like a company's
//! name, so a product or a sector fused to its metric (`新能源汽车产量`) stays whole.
//! And `中国石化集团营业收入`, where the segmenter cut `营业|收入`: `营业` is the metric's.

use super::Doc;
use super::charbuf::Chars;
use crate::figures::units::ends_with;
use crate::model::{Figure, Kind};
use crate::simplified::simplify;

/// Results metrics of a company (simplified), longest first where one ends another.
const RESULTS: &[&str] = &[
    "归属于上市公司股东的净利润",
    "归属于母公司股东的净利润",
    "归母净利润",
    "扣非净利润",
    "扣非后净利润",
    "营业总收入",
    "营业收入",
    "营业利润",
    "利润总额",
    "净利润",
    "营收",
    "毛利率",
    "净利率",
    "每股收益",
    "税后纯益",
    "纯益",
    "每股盈余",
    "总资产",
    "净资产",
    "资产负债率",
    "市值",
];
/// How the name of a listed company ends (simplified).
pub(super) const COMPANY_END: &[&str] = &[
    "药业",
    "矿业",
    "股份",
    "集团",
    "控股",
    "证券",
    "银行",
    "科技",
    "医疗",
    "医药",
    "生物",
    "制药",
    "电力",
    "能源",
    "汽车",
    "化学",
    "化工",
    "重工",
    "电气",
    "实业",
    "置业",
    "地产",
    "传媒",
    "电子",
    "酒业",
    "食品",
    "航空",
    "物流",
    "通信",
    "光电",
    "材料",
    "钢铁",
    "建设",
    "环境",
    "环保",
    "智能",
    "软件",
    "国际",
    "投资",
    "保险",
    "信息",
    "发展",
    "电器",
    "机械",
    "装备",
    "新材",
    "有限公司",
    "茅台",
    "五粮液",
    // Boards and groups of listed shares (`上证主板净利润`, `银行股营收`).
    "主板",
    "创业板",
    "科创板",
    "北交所",
    "股",
];
/// Heads the segmenter cuts off `营业` from (`营业|收入`).
const AFTER_YINGYE: &[&str] = &["收入", "总收入", "利润", "成本"];

impl Doc<'_> {
    /// Split a company's name off the results metric it is fused to.
    pub(super) fn split_company_metrics(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if matches!(f.kind, Kind::Date | Kind::Duration) {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            let orig = Chars::of(label);
            let l = Chars::from_chars(orig.iter().map(|&c| simplify(c)));
            // Word lists compared in place: no copy of each listed word for each figure.
            if let Some(k) = RESULTS.iter().find_map(|m| ends_with(&l, l.len(), m)) {
                let p = l.len() - k;
                // `*ST海航资产负债率`: a listed company under special treatment is named with `ST`.
                let st = l.starts_with(&['S', 'T']) || l.starts_with(&['*', 'S', 'T']);
                if p >= 2 && (st || COMPANY_END.iter().any(|e| ends_with(&l, p, e).is_some())) {
                    let name: String = crate::figures::units::string_of(&orig[..p]);
                    let metric: String = crate::figures::units::string_of(&orig[p..]);
                    if f.subject.is_none()
                        || f.subject.as_deref().is_some_and(|s| label.contains(s) || s.contains(&name))
                    {
                        f.subject = Some(name);
                    }
                    f.label = Some(metric);
                    continue;
                }
            }
            // `营业|收入`: the label is the head alone, `营业` right before it in the text.
            if AFTER_YINGYE.iter().any(|h| h.chars().eq(l.iter().copied())) {
                let n = l.len();
                let lim = f.start.saturating_sub(n + 12);
                let Some(at) = (lim + 2..f.start.saturating_sub(n - 1))
                    .rev()
                    .find(|&p| self.chars[p..].starts_with(&l) && self.chars[p - 2..p] == ['营', '业'])
                else {
                    continue;
                };
                f.label = Some(crate::figures::units::string_of(&self.orig[at - 2..at + n]));
                if let Some(s) = f.subject.as_deref() {
                    let s = Chars::of(s);
                    if s.len() > 2 && s.iter().rev().take(2).map(|&c| simplify(c)).eq(['业', '营']) {
                        f.subject = Some(s[..s.len() - 2].iter().collect());
                    }
                }
            }
        }
    }
}
