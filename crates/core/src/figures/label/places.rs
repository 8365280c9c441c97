//! A place fused to the front of a metric (`光明区GDP`, `南方五省区全社会用电量`,
//! `光明区规模以上工业增加值`): the place is whose the figure is (rule 8) and
//! the rest is the label (rule 4). Only a named place is cut off: a scope that
//! belongs to the metric (`城区常住人口`, `开发区工业产值`) stays.

use super::tokens::{T_F, T_M, code};
use super::{Doc, Own, Span};
use crate::model::Figure;

/// The chars a place name ends in.
pub(super) const PLACE_ENDS: &[char] = &['区', '區', '市', '县', '縣', '省', '州', '镇', '鎮', '乡', '鄉', '旗', '盟'];
/// Names of a kind of area, not of one place (`开发区`, `示范区`, `自治区` alone, `城区`):
/// the char before the place ending.
const KIND_OF_AREA: &[char] = &[
    '园', '園', '景', '务', '務', '范', '範', '发', '發', '护', '護', '片', '小', '新', '验', '驗', '能', '板', '城',
    '治', '郊', '辖', '轄', '社', '山', '牧', '矿', '礦', '老', '灾', '災', '贸', '貿', '税', '稅', '保', '港', '业',
    '業', '济', '濟', '全', '本', '我', '该', '該', '各', '地', '城', '乡', '鄉', '县', '縣', '市',
];
/// Metrics written as letters (`光明区GDP`).
const ACRONYMS: &[&str] = &["GDP", "CPI", "PPI", "PMI", "FDI", "GNP"];
/// A place name is at most this long.
const PLACE_MAX: usize = 8;

impl Doc<'_> {
    /// `三峡枢纽通过量9062万吨`: a one-char head (`量`, `额`, `率`) cut off by the
    /// segmenter names nothing alone; the verb before it is part of the metric
    /// (`通过量`, `出栏量`). Where the label `s..e` starts, with it.
    pub(super) fn whole_head(&self, s: usize, e: usize, lo: usize) -> usize {
        if e != s + 1 || !matches!(self.chars[s], '量' | '额' | '額' | '率' | '值' | '数' | '數') {
            return s;
        }
        match self.token_ending(s, lo) {
            Some(i) if self.is_han_word(&self.tokens[i]) && self.class(&self.tokens[i]).is_none() => {
                self.tokens[i].start
            }
            _ => s,
        }
    }

    /// Cut a named place off the front of the figure's own label.
    pub(super) fn split_place(&self, own: &mut Own, figures: &[Figure], k: usize) {
        let Some((s, e)) = own.label else { return };
        let lo = self.clause_start(figures[k].start, if k > 0 { figures[k - 1].end } else { 0 });
        if own.after || own.item || e - s < 4 {
            return;
        }
        // `南方五省区`: a direction and a number before a group of places are part of its name.
        let mut from = s;
        for _ in 0..2 {
            let Some(ti) = self.token_ending(from, lo) else { break };
            let t = &self.tokens[ti];
            let numeral = code(t) == T_M && self.word(t).iter().all(|c| crate::numeral::is_cn_numeral_char(*c));
            if !(numeral || code(t) == T_F && t.end - t.start == 2) {
                break;
            }
            from = t.start;
        }
        let Some(p) = (s + 1..=(s + PLACE_MAX).min(e - 2)).find(|&p| {
            PLACE_ENDS.contains(&self.chars[p - 1])
                && self.token_starting(p).is_some()
                && self.token_ending(p, s).is_some()
        }) else {
            return;
        };
        let place: Span = (from, p);
        let w = &self.chars[from..p];
        if w.len() < 3 || p - s >= 2 && KIND_OF_AREA.contains(&self.chars[p - 2]) || KIND_OF_AREA.contains(&w[0]) {
            return;
        }
        // The place must be one name (all its words nouns or place names), and the rest a metric.
        let acronym = ACRONYMS.iter().any(|a| self.chars[p..e].iter().copied().eq(a.chars()));
        if !(acronym || self.names_metric((p, e))) || self.names_metric((s, p)) {
            return;
        }
        own.label = Some((p, e));
        own.subject = Some(place);
    }
}
