//! The last word on a subject (rule 8, as the gold carries it): a figure that
//! every rule left without an owner, in a clause that names none, belongs to
//! the owner of the figure right before it in the same sentence. News on one actor
//! goes on over `；` without naming it again: `贝特瑞预计…营业收入…；
//! 归属于上市公司股东的净利润8.5亿元至10亿元`.
//!
//! Not carried: over `。` (rule 8: the subject is named in the figure's sentence), or
//! when the figure's own clause opens with a deictic (`全市`, `该公司`), which names the
//! whole, or names a list of owners.

use super::Doc;
use crate::model::{Figure, Kind};

/// How far back the clause of a count is looked for.
const LABEL_REACH: usize = 24;

impl Doc<'_> {
    pub(super) fn carry_on(&self, figures: &mut [Figure]) {
        // The figure before, dates read over: its owner is carried only to the figure right after
        // it (then on from that one), so a run of figures with labels of their own and no owner
        // (`小学625所、教学点965个`) carries nothing past it.
        let mut last: Option<usize> = None;
        for k in 0..figures.len() {
            if figures[k].kind == Kind::Date {
                continue;
            }
            let prev = last.replace(k);
            let f = &figures[k];
            if f.subject.is_some() {
                continue;
            }
            let Some(g) = prev.map(|j| &figures[j]) else { continue };
            let Some(s) = g.subject.as_deref() else { continue };
            if g.end > f.start || !self.carries(g.end, f.start) || self.counts_own(f) {
                continue;
            }
            // Rule 8: no subject the label already names.
            if f.label.as_deref().is_some_and(|l| l.contains(s)) {
                continue;
            }
            figures[k].subject = Some(s.to_string());
        }
    }

    /// `；小学625所、教学点965个`: a count whose clause opens with what it counts names a thing
    /// of its own, an item, not an attribute of the owner before it.
    fn counts_own(&self, f: &Figure) -> bool {
        let Some(label) = f.label.as_deref().filter(|_| f.kind == Kind::Count) else { return false };
        let lo = f.start.saturating_sub(LABEL_REACH);
        let p = (lo..f.start)
            .rev()
            .find(|&p| matches!(self.chars[p], '，' | ',' | '；' | ';' | '：' | ':' | '、'))
            .map_or(lo, |p| p + 1);
        crate::figures::units::starts_with(self.orig, p, label).is_some()
    }

    /// May an owner be carried from a figure ending at `a` to one starting at `b`? Not over the end
    /// of a sentence (`。！？`) or a paragraph, nor into a clause that opens with a deictic (`，全市…`,
    /// `；本地区…`) or names a list of owners (`，宁德时代、亿纬锂能等涨近4%`).
    fn carries(&self, a: usize, b: usize) -> bool {
        let gap = &self.chars[a..b];
        if gap.iter().any(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n')) {
            return false;
        }
        let p = gap.iter().rposition(|c| matches!(c, '，' | ',' | '；' | ';' | '：' | ':')).map_or(a, |p| a + p + 1);
        let own = &self.chars[p..b];
        if own.contains(&'、') && own.contains(&'等') {
            return false;
        }
        !(2..=3).any(|n| {
            p + n <= b
                && super::words::WORDS.get(&self.chars[p..p + n]).is_some_and(|c| *c == super::words::Class::Deictic)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::subjects_of as subjects;

    #[test]
    fn carried_over_a_semicolon_not_a_full_stop() {
        let s = subjects("宁德时代实现营业总收入440.75亿元；净利润44.84亿元。每股收益1.94元。");
        assert_eq!(s, [Some("宁德时代".to_string()), Some("宁德时代".to_string()), None]);
    }

    #[test]
    fn not_carried_into_a_deictic_or_an_item_counted() {
        let s = subjects("宁德时代实现营业总收入440.75亿元；全市完成投资5亿元。");
        assert_eq!(s[1], None);
        let s = subjects("全市共有中等职业学校24所，教职工1.1万人；小学625所、教学点965个，在校学生44.29万人。");
        assert_eq!(s.last(), Some(&None));
    }
}
