//! Lists of figures that follow a paired list in the same sentence pair with its
//! items too (rule 9): in `先进制造业和高技术制造业增加值分别增长36.6%和30.2%，占规上工业
//! 比重分别为55.1%和31.1%`, the shares are the two industries' in the same order, as
//! are the changes after `加工贸易和保税物流进出口10293亿元和3544.9亿元，同增1.9%和38.4%`.
//! A list of as many figures as the nearest list before it in its sentence whose
//! members have distinct subjects takes those subjects, in order, unless its own
//! members have distinct subjects of their own.

use super::Doc;
use crate::model::{Figure, Kind};

/// The longest list paired.
const LIST_MAX: usize = 8;

impl Doc<'_> {
    pub(super) fn repeat_lists(&self, figures: &mut [Figure]) {
        // The lists of the text, as ranges of figures, in order.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < figures.len() {
            let mut m = k + 1;
            if figures[k].kind != Kind::Date {
                while m < figures.len()
                    && figures[m].kind != Kind::Date
                    && self.joins_list(figures[m - 1].end, figures[m].start)
                {
                    m += 1;
                }
            }
            if m - k >= 2 && m - k <= LIST_MAX {
                runs.push((k, m));
            }
            k = m;
        }
        for r in 1..runs.len() {
            let (k, m) = runs[r];
            if distinct(figures, k, m) {
                continue;
            }
            // The nearest list before it in the sentence with paired subjects.
            let Some(&(pk, _)) = runs[..r]
                .iter()
                .rev()
                .take_while(|&&(_, pm)| !self.sentences.ends_within(figures[pm - 1].end, figures[k].start))
                .find(|&&(pk, pm)| pm - pk == m - k && distinct(figures, pk, pm))
            else {
                continue;
            };
            for i in 0..m - k {
                let s = figures[pk + i].subject.clone();
                let f = &mut figures[k + i];
                if !f.label.as_deref().is_some_and(|l| s.as_deref().is_some_and(|s| l.contains(s))) {
                    f.subject = s;
                }
            }
        }
    }
}

/// Do the figures `k..m` all have subjects, each different?
fn distinct(figures: &[Figure], k: usize, m: usize) -> bool {
    (k..m).all(|i| figures[i].subject.is_some())
        && (k..m).all(|i| (i + 1..m).all(|j| figures[i].subject != figures[j].subject))
}
