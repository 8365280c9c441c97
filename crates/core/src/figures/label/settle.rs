//! The last look at every subject, whichever pass set it (rule 8). The passes
//! after the first (lists paired in `inherit`, the actors of `company`, the
//! sentence subject of `carry`) copy subjects as text: they get here the same
//! edge check that `spans` gives a subject found in the figure's own clause
//! (`来自欧盟` → 欧盟, `华工机床研制` → 华工机床, a lone verb such as `超出` refused).
//! Then, for all subjects:
//! - a metric is never a subject: a subject that is the label of a figure
//!   near it (`总就业人数…，失业人数…`) names what is measured, not whose it is;
//! - a count of places (`三县`, `两地`) names several entities, not one;
//! - the owner inside a metric (`归属于上市公司股东的净利润`) is part of the metric.

use super::charbuf::Chars;
use super::words::METRIC;
use super::{Doc, Own, SENTENCE_REACH, Span};
use crate::model::{Figure, Kind};

/// How far before a figure the text of its subject is looked for, in chars.
const LOOK_BACK: usize = SENTENCE_REACH * 2;
/// How far after a figure (`投资8亿元的…项目`).
const LOOK_AHEAD: usize = 60;
/// How many figures either side are asked whether the subject is their metric.
const METRIC_NEIGHBOURS: usize = 8;

impl Doc<'_> {
    /// Check the subject of each figure (see the module notes).
    pub(super) fn settle_subjects(&self, figures: &mut [Figure], owns: &[Own]) {
        for k in 0..figures.len() {
            if figures[k].kind == Kind::Date {
                continue;
            }
            let Some(subject) = figures[k].subject.take() else { continue };
            figures[k].subject = self.settled(figures, owns, k, subject);
        }
    }

    fn settled(&self, figures: &[Figure], owns: &[Own], k: usize, subject: String) -> Option<String> {
        let f = &figures[k];
        let own = owns[k].subject.filter(|&sp| self.text_is(sp, &subject));
        let span = match own {
            Some(sp) => Some(sp),
            None => self.locate(&subject, f.start, f.end),
        };
        let mut subject = subject;
        let mut span = span;
        if own.is_none()
            && let Some(sp) = span
        {
            // Copied as text, the subject is checked as a name, whatever the figure's own clause held.
            let mut o = Own { subject: Some(sp), label: owns[k].label, ..Own::default() };
            self.subject_edges(&mut o);
            match o.subject {
                // A list member keeps its last char (`中远海控`), not a verb before it (`来自欧盟`).
                Some(s) if s != sp && !(s.0 == sp.0 && self.whole_list_member(sp)) => {
                    let t = self.text(s);
                    if t.is_empty() {
                        return None;
                    }
                    subject = t;
                    span = Some(s);
                }
                Some(_) => {}
                None => return None,
            }
        }
        // A share or a contribution is of a part that may be a metric itself (`非国有投资占…比重`).
        let part = figures[k].label.as_deref().is_some_and(|l| {
            ["占", "佔", "拉动", "拉動"].iter().any(|w| l.starts_with(w)) || l.contains("比重") || l.contains("贡献")
        });
        if !part && self.is_metric_near(figures, k, &subject) || counted_places(&subject) {
            return None;
        }
        if let Some((s, e)) = span
            && (self.inside_metric(s, e)
                || owns[k].item && self.verb_item((s, e), f.start)
                || self.list_tail(s, &subject))
        {
            return None;
        }
        Some(subject)
    }

    /// Where `subject` is written nearest before the figure (or else right after it).
    fn locate(&self, subject: &str, start: usize, end: usize) -> Option<Span> {
        let w = Chars::of(subject);
        let n = w.len();
        if n == 0 {
            return None;
        }
        let lo = start.saturating_sub(LOOK_BACK);
        // The first char turns most places away before the slices are compared.
        let at = |p: usize| self.orig[p] == w[0] && self.orig[p..p + n] == w[..];
        let before = (lo..start.saturating_sub(n - 1)).rev().find(|&p| at(p));
        before
            .or_else(|| {
                let hi = (end + LOOK_AHEAD).min(self.orig.len());
                (end..hi.saturating_sub(n - 1)).find(|&p| at(p))
            })
            .map(|p| (p, p + n))
    }

    /// Is `subject` the metric of a figure near figure `k`, in its paragraph?
    fn is_metric_near(&self, figures: &[Figure], k: usize, subject: &str) -> bool {
        // A counted thing (`重大项目`, `规上文化企业`) is a thing, and may own the figures after it.
        let simple = Chars::simple(subject);
        if METRIC.ending(&simple).is_none_or(|m| m < 2) {
            return false;
        }
        let f = &figures[k];
        let lo = k.saturating_sub(METRIC_NEIGHBOURS);
        let hi = (k + METRIC_NEIGHBOURS + 1).min(figures.len());
        (lo..hi).filter(|&j| j != k).any(|j| {
            let g = &figures[j];
            let (a, b) = if g.start < f.start { (g.end, f.start) } else { (f.end, g.start) };
            g.label.as_deref() == Some(subject) && !self.chars[a.min(b)..b.max(a)].contains(&'\n')
        })
    }

    /// `超出11个百分点`, `年增收敛至3.2%`: a verb taken for a breakdown item governs the
    /// figure right after it (an item has its change between: `居住下降0.4%`).
    fn verb_item(&self, (s, e): Span, at: usize) -> bool {
        let Some(i) = self.token_starting(s) else { return false };
        let t = &self.tokens[i];
        t.end == e
            && e <= at
            && at - e <= 1
            && self.is_verb(t)
            && self.chars[e..at].iter().all(|c| matches!(c, '至' | '到' | '为' | '為' | '了'))
    }

    /// `哈密、和田、吐鲁番三地`: the last item of a list with the count of its items
    /// names the whole list (`南方五省区` alone is one group, and may be a subject).
    fn list_tail(&self, s: usize, subject: &str) -> bool {
        if s == 0 || self.chars[s - 1] != '、' {
            return false;
        }
        let w = Chars::of(subject);
        (1..w.len()).any(|i| counted_places(&w[i..].iter().collect::<String>()))
    }

    /// `归属于上市公司股东的净利润`: the owner of a metric named inside it.
    fn inside_metric(&self, s: usize, e: usize) -> bool {
        let belongs = ["属于", "屬於", "归于", "歸於"]
            .iter()
            .any(|w| crate::figures::units::ends_with(self.chars, s, w).is_some());
        belongs && self.chars.get(e) == Some(&'的')
    }
}

/// `三县`, `两地`, `五省区`: a number of places is several entities (rule 8).
fn counted_places(subject: &str) -> bool {
    // Plain numerals only: `陆地` is land, not six places.
    let numeral = |c: char| {
        c.is_ascii_digit()
            || matches!(c, '一' | '二' | '两' | '兩' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
    };
    let mut chars = subject.chars();
    let mut digits = 0;
    let mut rest = 0;
    for c in chars.by_ref() {
        if numeral(c) && rest == 0 {
            digits += 1;
            continue;
        }
        rest += 1;
        if rest > 2 || !(super::places::PLACE_ENDS.contains(&c) || matches!(c, '地' | '国' | '國')) {
            return false;
        }
    }
    digits >= 1 && rest >= 1
}
