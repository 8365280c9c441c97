//! Company news names products with a Latin model after a Chinese make
//! (`五菱宏光MINI`, `哈弗H6`, `特斯拉Model 3`, `理想ONE`), which the segmenter cuts
//! apart: such a name in the figure's clause, before it, is its subject
//! (`五菱宏光MINI以月销4.198万辆`), and so is a name right before a bracket that
//! holds the figure alone (`比亚迪秦（2.4万辆）`).

use super::{CLAUSE_BREAKS, Doc, Own, Span};
use crate::model::{Figure, Kind};

/// The most Chinese chars of a make before its model.
const MAKE_MAX: usize = 5;
/// The longest model, in chars.
const MODEL_MAX: usize = 10;
/// The longest name before a bracket, in chars.
const BRACKET_NAME_MAX: usize = 12;
/// Chars that end a make on its left (`位居榜首的哈弗H6`).
const MAKE_STOPS: &[char] = &['的', '是', '为', '與', '与', '和', '及', '在', '将', '將', '被', '让', '讓'];

/// Latin abbreviations that are statistics or kinds of shares, not models.
const NOT_MODELS: &[&str] =
    &["GDP", "CPI", "PPI", "PMI", "GNP", "IPO", "ETF", "QFII", "RQFII", "ESG", "CEO", "APP", "VR", "AI"];
/// First chars of a deictic or a scope word, which begin no make (`全市GDP`).
const NOT_MAKE_STARTS: &[char] = &['全', '该', '該', '我', '本', '各', '其', '此', '这', '這'];

fn is_model_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

impl Doc<'_> {
    /// A product name before the figure in its clause, when it has no subject yet.
    pub(super) fn model_subject(&self, f: &Figure, own: &mut Own) {
        if own.after || f.kind == Kind::Date {
            return;
        }
        let lo = self.clause_start(f.start, f.start.saturating_sub(40));
        // `五菱宏光MINI以月销`: a name the label was read over is its subject.
        if let Some((s, e)) = own.label
            && let Some((ns, ne)) = self.model_name(lo, e).filter(|&(_, ne)| ne > s && ne < e)
        {
            let mut b = ne;
            while b < e && matches!(self.chars[b], '以' | '仅' | '僅' | '的' | ' ') {
                b += 1;
            }
            // Only a preposition between them shows the name is not part of the metric.
            if e >= b + 2 && b > ne {
                own.label = Some((b, e));
                own.subject = Some((ns, ne));
                return;
            }
        }
        if own.subject.is_some() {
            return;
        }
        if let Some(name) = self.name_before_bracket(f) {
            own.subject = Some(name);
            return;
        }
        let hi = own.label.map_or(f.start, |l| l.0.min(f.start));
        own.subject = self.model_name(lo, hi);
    }

    /// `比亚迪秦（2.4万辆）`: the name right before a bracket that holds only the figure.
    fn name_before_bracket(&self, f: &Figure) -> Option<Span> {
        if f.start == 0 || !matches!(self.chars[f.start - 1], '（' | '(') {
            return None;
        }
        if !matches!(self.chars.get(f.end), Some('）' | ')')) {
            return None;
        }
        let e = f.start - 1;
        let lo = e.saturating_sub(BRACKET_NAME_MAX);
        let s = (lo..e)
            .rev()
            .find(|&p| {
                let c = self.chars[p];
                !(super::is_han(c) || is_model_char(c) || c == ' ') || MAKE_STOPS.contains(&c)
            })
            .map_or(lo, |p| p + 1);
        let s = (s..e).find(|&p| self.chars[p] != ' ')?;
        // At least two chars, and a name: not a bare count or unit.
        (e >= s + 2 && super::is_han(self.chars[s])).then_some((s, e))
    }

    /// The last `make + model` name in `lo..hi` (`五菱宏光MINI`).
    fn model_name(&self, lo: usize, hi: usize) -> Option<Span> {
        let mut p = hi;
        while p > lo {
            // The end of a model: a Latin letter or digit, with a letter in it.
            if !is_model_char(self.chars[p - 1]) {
                p -= 1;
                continue;
            }
            let e = p;
            let mut m = e;
            while m > lo
                && e - m < MODEL_MAX
                && (is_model_char(self.chars[m - 1])
                    || self.chars[m - 1] == ' ' && m - 1 > lo && self.chars[m - 2].is_ascii_alphanumeric())
            {
                m -= 1;
            }
            // `PM2.5`: a model ends before no decimal point.
            if self.chars.get(e).is_some_and(|&c| c == '.' || c == '．') {
                p = m;
                continue;
            }
            let model = &self.chars[m..e];
            let mut s = m;
            while s > lo
                && m - s < MAKE_MAX
                && super::is_han(self.chars[s - 1])
                && !MAKE_STOPS.contains(&self.chars[s - 1])
            {
                s -= 1;
            }
            let lettered = model.iter().any(|c| c.is_ascii_alphabetic())
                && !NOT_MODELS.iter().any(|w| model.iter().copied().eq(w.chars()));
            // `获得CCC认证`: a verb before Latin letters is no make.
            let verb = self.tokens.get(self.seek(|t| t.end <= s)).is_some_and(|t| t.start <= s && self.is_verb(t));
            if lettered
                && m >= s + 2
                && !verb
                && !NOT_MAKE_STARTS.contains(&self.chars[s])
                && !self.chars[s..e].iter().any(|c| CLAUSE_BREAKS.contains(c))
            {
                return Some((s, e));
            }
            p = m;
        }
        None
    }
}
