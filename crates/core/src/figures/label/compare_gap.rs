//! `民营企业进出口增长20%，高出全省外贸整体增速11个百分点`, `增长7.2%，高于GDP增速1.5个百分点`,
//! `近5年平均年增21.9%、高於全球平均的9.1%`: a figure in a clause that opens with a
//! comparison (`高于`, `高出`, `低于`, `快于`…) measures the metric of the figure it is
//! compared from, written before it in its sentence: the base after the comparison
//! word (`外贸整体增速`, `全球平均`) is what it is set against, not what it measures
//! (labels.md rules 2 and 5: a gap in a growth rate inherits the metric whose growth it is).

use super::{Doc, SENTENCE_BREAKS};
use crate::figures::units::starts_with;
use crate::model::{Figure, Kind};

/// Comparison words that open a clause and take the base after them (simplified forms:
/// the rules read the simplified copy of a traditional text).
const COMPARE: &[&str] =
    &["高于", "高出", "低于", "快于", "慢于", "超出", "领先", "落后", "多于", "少于", "高过", "优于", "好于"];
/// Words allowed before the comparison word in its clause: they name no other metric.
const LEAD: &[&str] = &["增速", "增幅", "涨幅", "降幅", "也", "亦", "均", "都", "分别", "还", "并", "且", "明显", "远"];
/// How far back the clause is read, in chars.
const REACH: usize = 24;

impl Doc<'_> {
    /// Give a figure compared against a base the metric of the figure it is compared from.
    pub(super) fn compare_gaps(&self, figures: &mut [Figure]) {
        for k in 1..figures.len() {
            let f = &figures[k];
            if !matches!(f.kind, Kind::Percent | Kind::Money | Kind::Quantity | Kind::Count) {
                continue;
            }
            let lim = f.start.saturating_sub(REACH);
            // The clause: back to a comma, a list mark or a sentence end.
            let Some(cs) = (lim..f.start)
                .rev()
                .find(|&p| {
                    matches!(self.chars[p], '，' | ',' | '、' | '：' | ':') || SENTENCE_BREAKS.contains(&self.chars[p])
                })
                .map(|p| p + 1)
            else {
                continue;
            };
            let clause = &self.chars[cs..f.start];
            // The comparison word, with only lead words before it.
            let Some((at, len)) =
                (0..clause.len()).find_map(|p| COMPARE.iter().find_map(|w| starts_with(clause, p, w)).map(|n| (p, n)))
            else {
                continue;
            };
            if !self.only_lead(&clause[..at]) || at + len >= clause.len() {
                continue;
            }
            // The figure it is compared from: the one before it in its sentence, of its kind
            // (a gap in points follows a rate).
            let sent = self.sentence_start(f.start);
            let Some(p) = figures[..k]
                .iter()
                .rev()
                .take_while(|p| p.start >= sent)
                .find(|p| !matches!(p.kind, Kind::Date | Kind::Duration | Kind::Rank) && p.end <= cs)
            else {
                continue;
            };
            if p.kind != f.kind || p.label.is_none() || (f.kind != Kind::Percent && p.unit != f.unit) {
                continue;
            }
            figures[k].label = p.label.clone();
            // A subject that is the metric itself names no owner (rule 8).
            if figures[k].subject == figures[k].label {
                figures[k].subject = None;
            }
        }
    }

    /// Are `s` lead words only (or nothing)?
    fn only_lead(&self, mut s: &[char]) -> bool {
        'outer: while !s.is_empty() {
            for w in LEAD {
                if let Some(n) = starts_with(s, 0, w) {
                    s = &s[n..];
                    continue 'outer;
                }
            }
            return false;
        }
        true
    }
}
