//! A second owner compared in a clause of its own (`保利新增土储货值3995亿元，而万科为3940亿元`,
//! `上海为5.1%`): the clause names the owner and a linking verb, not a metric, so the name was
//! read as the label. The figure measures what the figure before it in the sentence measures
//! (labels.md rules 2 and 9), and the name is its subject (rule 8); a rank or figure paired
//! with it later in the sentence (`分别排名行业第二和第三`) takes the same metric.
//!
//! The name must be one the document gives as a figure's owner nearby: a metric the word
//! lists miss (`每股收益为0.17美元`) is not taken for a name.
//!
//! Run once over the figures; each is tested by its label and the linking verb right before
//! it, and compared in place with the figures near it.

use super::Doc;
use super::charbuf::Chars;
use super::words::METRIC;
use crate::figures::units::ends_with;
use crate::model::{Figure, Kind};

/// Linking verbs between the owner and its figure (simplified).
const LINKS: &[&str] = &["则为", "也为", "亦为", "为", "是", "达"];
/// How many figures each side are read for the name as an owner.
const NEAR: usize = 20;
/// How long an owner's name is, in chars.
const NAME: std::ops::RangeInclusive<usize> = 2..=6;

impl Doc<'_> {
    /// Give a figure labelled with an owner's name the metric of the figure before it.
    pub(super) fn compared_names(&self, figures: &mut [Figure]) {
        for k in 1..figures.len() {
            let f = &figures[k];
            if !matches!(f.kind, Kind::Money | Kind::Percent | Kind::Quantity | Kind::Count) {
                continue;
            }
            // The name, then a linking verb, right before the figure: the char before the
            // figure turns most away before the label is read.
            if f.start == 0 || !matches!(self.chars[f.start - 1], '为' | '是' | '达') {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            let Some(n) = LINKS.iter().find_map(|w| ends_with(self.chars, f.start, w)) else { continue };
            let l = Chars::simple(label);
            if !NAME.contains(&l.len()) || !l.iter().all(|c| super::is_han(*c)) || METRIC.ending(&l).is_some() {
                continue;
            }
            let end = f.start - n;
            if end < l.len() || self.chars[end - l.len()..end] != l[..] {
                continue;
            }
            // …and before it a clause break: the clause is the name alone (`，而万科为`).
            let mut s = end - l.len();
            if s > 0 && matches!(self.chars[s - 1], '而' | '但') {
                s -= 1;
            }
            if s == 0 || !matches!(self.chars[s - 1], '，' | ',' | '；' | ';') {
                continue;
            }
            // A name the document gives as an owner nearby (a metric the word lists miss,
            // `每股收益为0.17美元`, is none).
            let lo = k.saturating_sub(NEAR);
            let hi = (k + NEAR + 1).min(figures.len());
            if !figures[lo..hi].iter().any(|g| g.subject.as_deref() == Some(label)) {
                continue;
            }
            let p = &figures[k - 1];
            if p.kind != f.kind || p.unit != f.unit || self.sentences.ends_within(p.end, f.start) {
                continue;
            }
            let Some(metric) = p.label.as_deref().filter(|m| METRIC.ending(&Chars::simple(m)).is_some()) else {
                continue;
            };
            let (metric, name) = (metric.to_string(), label.to_string());
            for j in k..figures.len() {
                if self.sentences.ends_within(figures[k].end, figures[j].start) {
                    break;
                }
                if figures[j].label.as_deref() == Some(name.as_str()) {
                    figures[j].label = Some(metric.clone());
                    if figures[j].subject.is_none() {
                        figures[j].subject = Some(name.clone());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Engine;

    fn get(text: &str, fig: &str) -> (Option<String>, Option<String>) {
        let f = Engine::new().figures(text).into_iter().find(|f| f.text == fig).unwrap();
        (f.label, f.subject)
    }

    #[test]
    fn a_compared_owner_takes_the_metric_before() {
        let (label, subject) =
            get("万科实现营业收入4528亿元。保利新增土储货值3995亿元，而万科为3940亿元。", "3940亿元");
        assert_eq!(label.as_deref(), Some("新增土储货值"));
        assert_eq!(subject.as_deref(), Some("万科"));
    }

    #[test]
    fn a_metric_before_the_verb_stays() {
        let (label, _) = get("营业收入为50亿元，净利润为8亿元。", "8亿元");
        assert_eq!(label.as_deref(), Some("净利润"));
        let (label, _) = get("净利润为3250万美元，每股收益为0.17美元。", "0.17美元");
        assert_eq!(label.as_deref(), Some("每股收益"));
    }
}
