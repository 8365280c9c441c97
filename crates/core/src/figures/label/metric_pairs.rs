//! `失業率以及就業不足率為3.1%和1.2%`, `出口和进口为3.1亿元和1.2亿元`: metrics joined
//! before a list of as many figures are paired with them in order (rule 9, as with
//! `分别`), each figure taking its own metric, not the joined span.

use super::Doc;
use super::charbuf::Chars;
use super::words::METRIC;
use crate::model::Figure;

/// What joins metrics; `以及` before `及`, which it ends in.
const JOINERS: &[&str] = &["以及", "和", "及", "与", "與", "、"];
/// The most metrics paired.
const PAIRS_MAX: usize = 4;

impl Doc<'_> {
    /// Give each figure of a list the metric it pairs with (see the module notes).
    pub(super) fn metric_pairs(&self, figures: &mut [Figure]) {
        let mut first = 0;
        while first < figures.len() {
            let last = self.list_end(figures, first);
            let n = last - first + 1;
            if (2..=PAIRS_MAX).contains(&n)
                && let Some(label) = figures[first].label.as_deref()
                && figures[first + 1..=last].iter().all(|f| f.label.as_deref() == Some(label))
                && let Some(items) = split_metrics(label, n)
            {
                for (f, item) in figures[first..=last].iter_mut().zip(items) {
                    f.label = Some(item);
                }
            }
            first = last + 1;
        }
    }
}

/// `label` cut at its joiners into `n` metrics, each of two chars or more ending in a metric's head.
fn split_metrics(label: &str, n: usize) -> Option<Vec<String>> {
    let chars = Chars::of(label);
    let simple = Chars::from_chars(chars.iter().map(|&c| crate::simplified::simplify(c)));
    let mut items = Vec::with_capacity(n);
    let (mut a, mut p) = (0, 0);
    while p < simple.len() {
        let joiner = JOINERS.iter().map(|j| j.chars().collect::<Vec<char>>()).find(|j| simple[p..].starts_with(j));
        match joiner {
            Some(j) => {
                items.push((a, p));
                p += j.len();
                a = p;
            }
            None => p += 1,
        }
    }
    items.push((a, simple.len()));
    let metric = |&(a, b): &(usize, usize)| b >= a + 2 && METRIC.ending(&simple[a..b]).is_some();
    (items.len() == n && items.iter().all(metric))
        .then(|| items.iter().map(|&(a, b)| chars[a..b].iter().collect()).collect())
}
