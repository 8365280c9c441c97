//! Attributes of a counted unit (`labels.md` rule 8): in `中等职业学校24所，在校学生
//! 5.19万人，教职工2281人；` the students and the staff are the schools', so the
//! schools are the subject of the figures that follow the count in its sentence.

use super::charbuf::Chars;
use super::words::{ENTITY, METRIC};
use super::{Doc, Own, SENTENCE_BREAKS};
use crate::figures::units::starts_with;
use crate::model::{Figure, Kind};

/// Measure words that count bodies (schools, firms, households, institutions):
/// a count in one of them names a unit whose attributes may follow.
/// Measure words of what a body has: its people, its beds.
const PEOPLE_UNITS: &[&str] = &["人", "名", "人次", "张", "張", "床"];

/// How the name of a counted body ends (`普通高中`, `个体工商户`, `国有文艺院团`),
/// beyond the endings of a named entity.
const BODY_ENDINGS: &[char] = &['中', '学', '學', '户', '戶', '团', '團', '部', '位', '点', '點', '馆', '館'];

const BODY_UNITS: &[&str] = &["所", "家", "户", "戶", "个", "個", "座", "处", "處", "间", "間", "支", "项", "項"];

impl Doc<'_> {
    /// Give each figure that names its own metric but no subject the body counted
    /// first in its sentence, when the count is in another unit (an attribute, not
    /// a sibling: `普通高中561所，中等职业学校263所` are siblings).
    pub(super) fn unit_attributes(
        &self,
        figures: &[Figure],
        owns: &[Own],
        labels: &[Option<String>],
        subjects: &mut [Option<String>],
    ) {
        let mut body: Option<usize> = None;
        for k in 0..figures.len() {
            let f = &figures[k];
            // A date, or a note in brackets (`普通初中220所（含九年一贯制学校77所）`), is neither.
            if f.kind == Kind::Date || self.in_brackets(f.start) {
                continue;
            }
            // A member of a list (`小学625所、教学点965个`) is a sibling of the figure before it.
            let prev = figures[..k].iter().rev().find(|p| p.kind != Kind::Date).map_or(0, |p| p.end);
            let listed = self.chars[prev..f.start]
                .iter()
                .rev()
                .find(|c| matches!(c, '，' | ',' | '、') || SENTENCE_BREAKS.contains(c))
                == Some(&'、');
            if listed {
                body = None;
                continue;
            }
            let same_sentence = body.is_some_and(|j| !self.sentences.ends_within(figures[j].end, f.start));
            if !same_sentence {
                body = self.counts_body(f, &owns[k], labels[k].as_deref()).then_some(k);
                continue;
            }
            let Some(j) = body else { continue };
            if self.find(figures[j].end, f.start, "分别").is_some() {
                continue;
            }
            let sibling = f.kind == Kind::Count && f.unit == figures[j].unit;
            if sibling || !self.is_attribute(f, labels[k].as_deref()) {
                // Another body (`其中，新建项目55个，总投资39.98亿元`) has the attributes after it.
                body = self.counts_body(f, &owns[k], labels[k].as_deref()).then_some(k);
                continue;
            }
            let (Some(own), Some(unit)) = (labels[k].as_deref(), labels[j].as_deref()) else { continue };
            if subjects[k].is_none()
                && owns[k].label.is_some()
                && !owns[k].item
                && !own.contains(unit)
                && !unit.contains(own)
                // `项目总投资`: the figure names the body it belongs to.
                && !own.contains(&unit[unit.char_indices().rev().nth(1).map_or(0, |(i, _)| i)..])
            {
                subjects[k] = Some(unit.to_string());
            }
        }
    }

    /// What a body has (its students, staff, income, beds), not another thing counted.
    fn is_attribute(&self, f: &Figure, label: Option<&str>) -> bool {
        f.kind != Kind::Count || f.unit.as_deref().is_some_and(|u| PEOPLE_UNITS.contains(&u)) || {
            let simple = Chars::simple(label.unwrap_or(""));
            METRIC.ending(&simple).is_some()
        }
    }

    /// Is `f` a count of bodies named before it (`普通高中54所`, `个体工商户16743户`)?
    fn counts_body(&self, f: &Figure, own: &Own, label: Option<&str>) -> bool {
        let Some(label) = label else { return false };
        // `新增个体户2102户`: an item with no metric to take names what is counted.
        let named = own.label.is_some() && !own.item || own.item && own.label.is_none() && own.subject.is_some();
        if !(f.kind == Kind::Count && named && !own.after && f.unit.as_deref().is_some_and(|u| BODY_UNITS.contains(&u)))
        {
            return false;
        }
        let simple = Chars::simple(label);
        METRIC.ending(&simple).is_none()
            && (ENTITY.ending(&simple).is_some() || simple.last().is_some_and(|c| BODY_ENDINGS.contains(c)))
    }

    /// A change (`比上年末增长11.3%`) of the figure just before it in its sentence,
    /// with the same metric, belongs to the same thing (rule 5).
    pub(super) fn changes_share_subject(
        &self,
        figures: &[Figure],
        labels: &[Option<String>],
        subjects: &mut [Option<String>],
    ) {
        for k in 1..figures.len() {
            let (p, f) = (&figures[k - 1], &figures[k]);
            // A subject of its own that is a part of the one before (`城镇` of
            // `城镇就业人员`) was read from the same words, cut short.
            let part =
                |s: &String| subjects[k - 1].as_ref().is_some_and(|w| w.len() > s.len() && w.contains(s.as_str()));
            if f.change.is_none()
                || subjects[k].as_ref().is_some_and(|s| !part(s))
                || p.kind == Kind::Date
                || labels[k].is_none()
                || labels[k] != labels[k - 1]
                || self.sentences.ends_within(p.end, f.start)
            {
                continue;
            }
            subjects[k] = subjects[k - 1].clone();
        }
    }

    /// `投资对经济增长的贡献率为57%，拉动GDP增长1.1个百分点`: what contributes is
    /// named before `对`, and the pull on growth after it is its too (rules 6, 8).
    pub(super) fn contributors(&self, figures: &[Figure], labels: &[Option<String>], subjects: &mut [Option<String>]) {
        for k in 0..figures.len() {
            let f = &figures[k];
            if !labels[k].as_deref().is_some_and(|l| l.ends_with("贡献率") || l.ends_with("貢獻率")) {
                continue;
            }
            let from = if k > 0 { figures[k - 1].end } else { 0 };
            let lo = (from..f.start)
                .rev()
                .find(|&p| matches!(self.chars[p], '，' | ',' | '。' | '；' | ';' | '：' | '\n'))
                .map_or(from, |p| p + 1);
            let Some(dui) = (lo..f.start).find(|&p| matches!(self.chars[p], '对' | '對')) else { continue };
            let mut s = lo;
            for w in ["全市", "全省", "全县", "全区", "全国"] {
                if starts_with(&self.chars[s..dui], 0, w).is_some() {
                    s += 2;
                }
            }
            let name = &self.chars[s..dui];
            if !(2..=10).contains(&name.len()) || !name.iter().all(|c| super::is_han(*c)) {
                continue;
            }
            let name: String = crate::figures::units::string_of(&self.orig[s..dui]);
            subjects[k] = Some(name.clone());
            for j in k + 1..figures.len() {
                if self.sentences.ends_within(f.end, figures[j].start) {
                    break;
                }
                if labels[j].as_deref().is_some_and(|l| l.starts_with("拉动") || l.starts_with("拉動")) {
                    subjects[j] = Some(name.clone());
                }
            }
        }
    }
}
