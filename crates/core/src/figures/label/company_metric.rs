//! `宁德时代营收同比增长134%`, `比亚迪营收为1000亿元`, `贵州茅台净利润同比增长9%`,
//! `隆基股份净利润为50亿元`: a company's own statistic (营收, 净利润, 毛利率, 销量) written
//! fused to the company's name. The name is whose the figure is (rule 8) and the
//! statistic is the label (rule 4). A name is told by its words' tags (a person,
//! place, organisation or brand name, an abbreviation, an unknown word or letters);
//! a group written before the statistic (`上市公司净利润`, `房企销售额`) stays.

use super::tokens::{T_ENG, T_J, T_NR, T_NS, T_NT, T_NZ, T_X, code};
use super::words::{Class, METRIC};
use super::{Doc, Own};
use crate::figures::units::same;
use crate::model::Figure;

/// Statistics a company reports of itself.
const COMPANY_METRICS: &[&str] = &[
    "营收",
    "營收",
    "总营收",
    "總營收",
    "营业收入",
    "營業收入",
    "营业总收入",
    "營業總收入",
    "净利润",
    "淨利潤",
    "净利",
    "淨利",
    "归母净利润",
    "歸母淨利潤",
    "扣非净利润",
    "扣非淨利潤",
    "毛利率",
    "净利率",
    "淨利率",
    "营业额",
    "營業額",
    "销售额",
    "銷售額",
    "销售金额",
    "銷售金額",
    "合同销售金额",
    "合約銷售金額",
    "销售面积",
    "銷售面積",
    "利润总额",
    "利潤總額",
    "销量",
    "銷量",
    "出货量",
    "出貨量",
    "交付量",
    "市值",
    "股价",
    "股價",
    "总资产",
    "總資產",
    "净资产",
    "淨資產",
    "每股收益",
];

/// The last chars of a group or a kind of body, not of one company's name.
const GROUP_ENDS: &[char] =
    &['业', '業', '类', '類', '司', '企', '商', '户', '戶', '民', '股', '型', '车', '車', '品', '板', '市', '场', '場'];

/// A company name fused to a statistic is at most this long.
const NAME_MAX: usize = 8;

impl Doc<'_> {
    /// Split a company's name off the front of the statistic it reports.
    pub(super) fn company_metric(&self, f: &Figure, own: &mut Own) {
        let _ = f;
        if own.after || own.item {
            return;
        }
        let Some((s, e)) = own.label else { return };
        // `佔全季晶圓銷售金額的37%`: a share of a whole, not a company's own statistic.
        if e - s < 4 || METRIC.ending(&self.chars[s..e]).is_none() || self.chars.get(e) == Some(&'的') {
            return;
        }
        let r = self.within(s, e);
        if r.len() < 2 || self.tokens[r.start].start != s {
            return;
        }
        // The longest statistic the label ends in, from a word's start.
        // A statistic that is the whole label (`归母净利润`) has no name before it.
        let Some(j) = (r.start..r.end).find(|&j| {
            let m = &self.chars[self.tokens[j].start..e];
            COMPANY_METRICS.iter().any(|w| same(m, w))
        }) else {
            return;
        };
        let at = self.tokens[j].start;
        if j == r.start || at - s < 2 || at - s > NAME_MAX {
            return;
        }
        let name = &self.tokens[r.start..j];
        let named = name.iter().any(|t| {
            matches!(code(t), T_NR | T_NZ | T_NT | T_NS | T_J | T_ENG) || code(t) == T_X && self.is_han_word(t)
        });
        let plain = name.iter().all(|t| {
            (self.is_han_word(t) || self.word(t).iter().all(|c| c.is_ascii_alphanumeric()))
                && !matches!(self.class(t), Some(Class::Deictic | Class::Time | Class::Filler | Class::Change))
        });
        if !named || !plain || GROUP_ENDS.contains(&self.chars[at - 1]) || METRIC.ending(&self.chars[s..at]).is_some() {
            return;
        }
        own.label = Some((at, e));
        own.subject = Some((s, at));
    }
}
