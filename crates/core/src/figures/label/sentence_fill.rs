//! The last pass over subjects (rule 8: the subject is named in the figure's
//! sentence). A figure that every other rule left without a subject belongs to
//! the figure before it in the same sentence, when nothing between them starts
//! a new topic: `江苏省民营企业进出口12315.2亿元，同增28.1%，高出全省外贸整体增速
//! 11个百分点，…，占外贸总值的37.5%，同比提高3.3个百分点` are all the firms'.
//! The subjects found last (by the passes after `inherit`) are copied here, so
//! a figure whose owner was found late is not left out.
//!
//! A new topic: a colon (a breakdown follows), `其中` or `分别` (its parts), a
//! deictic opening a clause (`，全市…`: the whole, named by none), a source (`据`).
//! A deictic inside a comparison (`高出全省…`, `占全省…`) is the base, not a topic.

use super::Doc;
use super::words::Class;
use crate::model::{Figure, Kind};

/// How many figures back the owner is looked for.
const BACK: usize = 8;

impl Doc<'_> {
    pub(super) fn fill_from_sentence(&self, figures: &mut [Figure]) {
        for k in 1..figures.len() {
            let f = &figures[k];
            if f.subject.is_some() || matches!(f.kind, Kind::Date) {
                continue;
            }
            let mut from = None;
            for j in (k.saturating_sub(BACK)..k).rev() {
                let g = &figures[j];
                if g.end > f.start || self.sentences.ends_within(g.end, f.start) {
                    break;
                }
                if g.kind == Kind::Date {
                    continue;
                }
                if self.new_topic(g.end, f.start) {
                    break;
                }
                if g.subject.is_some() {
                    from = Some(j);
                }
                break;
            }
            let Some(j) = from else { continue };
            let subject = figures[j].subject.clone();
            let f = &mut figures[k];
            // Rule 8: no subject the label already names.
            if subject.as_deref().is_some_and(|s| !f.label.as_deref().is_some_and(|l| l.contains(s))) {
                f.subject = subject;
            }
        }
    }

    /// Does a time word (`今年`, `1-3月`, `一季度`) open `at..b`, after a mark?
    fn time_follows(&self, at: usize, b: usize) -> bool {
        let at = if at < b && matches!(self.chars[at], '，' | ',' | '：' | ':') { at + 1 } else { at };
        if at >= b {
            return false;
        }
        self.chars[at].is_ascii_digit()
            || (2..=3).any(|n| {
                at + n <= b && super::words::WORDS.get(&self.chars[at..at + n]).is_some_and(|c| *c == Class::Time)
            })
    }

    /// Does `a..b` (between two figures of a sentence) start a new topic?
    fn new_topic(&self, a: usize, b: usize) -> bool {
        let gap = &self.chars[a..b];
        // `，宁德时代、亿纬锂能等涨近4%`: the figure's own clause names a list of owners (rule 8: none).
        let own = gap.iter().rposition(|c| matches!(c, '，' | ',')).map_or(gap, |p| &gap[p + 1..]);
        if let Some(p) = own.iter().position(|c| *c == '、')
            && own[p..].contains(&'等')
        {
            return true;
        }
        if gap.iter().any(|c| matches!(c, '：' | ':')) {
            return true;
        }
        for w in [['其', '中'], ['分', '别'], ['分', '別']] {
            // `其中今年一季度完成投资19.29亿元`: a part in time is still the owner's.
            if let Some(p) = gap.windows(2).position(|x| x == w)
                && !(w[0] == '其' && self.time_follows(a + p + 2, b))
            {
                return true;
            }
        }
        // A deictic or a source right after a clause mark opens a new topic.
        for (i, c) in gap.iter().enumerate() {
            if !matches!(c, '，' | ',') {
                continue;
            }
            let p = a + i + 1;
            if p + 2 <= b && matches!(self.chars[p], '据' | '據') {
                return true;
            }
            if p + 2 <= b
                && let Some(class) = super::words::WORDS.get(&self.chars[p..p + 2])
                && *class == Class::Deictic
            {
                return true;
            }
        }
        false
    }
}
