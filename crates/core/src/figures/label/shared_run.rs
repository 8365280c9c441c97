//! `697只主动权益基金收益超100%`, `150家期货公司客户权益总量达到1.2万亿元`,
//! `482个农家书屋补充图书期刊11万册`: the words after a count run into the metric
//! of the next figure of its clause. The count counts what comes before that
//! metric or before the verb (rule 7), and the next figure measures the rest,
//! which belongs to what is counted (rule 8).

use super::words::{GROWTH_WORDS, METRIC};
use super::{CLAUSE_BREAKS, Doc, Own};
use crate::model::{Figure, Kind};

/// Metrics of funds and stocks that end no listed metric head.
const RUN_METRICS: &[&str] = &["收益", "回报", "回報"];

impl Doc<'_> {
    /// Split the counted thing of `figures[k - 1]` from the metric of `figures[k]`.
    pub(super) fn split_run(&self, figures: &[Figure], k: usize, own: &mut Own, prev: Option<&mut Own>) {
        let Some(prev) = prev else { return };
        let (a, b) = (&figures[k - 1], &figures[k]);
        if !matches!(a.kind, Kind::Count | Kind::Quantity) || !prev.after || own.after {
            return;
        }
        // `697只主动权益基金收益超100%`: a percent whose clause names no metric took the run as its item.
        let read = if own.item && !own.place { own.subject } else { own.label };
        let (Some((s, e)), Some((s2, e2))) = (prev.label, read) else { return };
        if own.item && (s2, e2) != (s, e) {
            return;
        }
        if s < a.end || e2 > b.start || self.chars[a.end..b.start].iter().any(|c| CLAUSE_BREAKS.contains(c)) {
            return;
        }
        // `33台单机容量为1500千瓦的风机`: the run and the next figure describe what follows `的`.
        if self.chars.get(b.end) == Some(&'的') {
            return;
        }
        if s < s2 && s2 < e {
            // `150家期货公司客户权益总量`: the count's run reaches into the next metric.
            if self.token_ending(s2, s).is_some_and(|i| self.is_nounish(&self.tokens[i])) {
                prev.label = Some((s, s2));
                own.subject = own.subject.or(prev.label);
            }
            return;
        }
        if s2 > s || e2 < e {
            return;
        }
        let r = self.within(s, e2);
        if r.len() < 2 || self.tokens[r.start].start != s || self.tokens[r.end - 1].end != e2 {
            return;
        }
        // `农家书屋补充图书期刊`: the verb after the counted thing takes what the next figure measures.
        if let Some(v) = (r.start + 1..r.end - 1).find(|&i| self.is_predicate_word(&self.tokens[i])) {
            let (vs, ve) = (self.tokens[v].start, self.tokens[v].end);
            // `海上风电示范项目`: a verb inside a name that ends in a counted head is no predicate.
            if self.is_nounish(&self.tokens[v - 1])
                && (v + 1..r.end).all(|i| self.is_nounish(&self.tokens[i]))
                && !self.counted_head_word(&self.tokens[r.end - 1], true)
            {
                prev.label = Some((s, vs));
                own.label = Some((ve, e2));
                own.subject = own.subject.or(prev.label);
            }
            return;
        }
        // `主动权益基金收益`: the metric at the end is the next figure's.
        let last = &self.tokens[r.end - 1];
        let w = self.word(last);
        let metric = w.len() >= 2
            && (METRIC.ending(w).is_some() || GROWTH_WORDS.contains(w) || RUN_METRICS.iter().any(|m| self.is(last, m)));
        if metric && self.is_nounish(&self.tokens[r.end - 2]) {
            prev.label = Some((s, last.start));
            own.label = Some((last.start, e2));
            own.subject = if own.item { prev.label } else { own.subject.or(prev.label) };
            own.item = false;
        }
    }
}
