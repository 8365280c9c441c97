//! `非金属矿物制品和有色金属行业用电量增幅高达32.3%和33.4%`, `汽车、家电和手机销量增长5%、6%和7%`:
//! items joined by 和, 及, 与 or `、`, with one metric written after the last, then as many
//! figures joined the same way. Without `分别` the pairing is the same as with it (labels.md
//! rule 9): the metric is each member's label and each item is its subject, in order.
//! Where `分别` is written, `inherit::pair_list` pairs the list; where the joined words are
//! metrics each (`出口和进口增长…`), `metric_pairs` does; neither is touched here.
//!
//! One pass over the figures: a run of joined figures is found by the few chars between
//! one and the next, and only a run's first figure reads its clause.

use super::charbuf::Chars;
use super::{Doc, LABEL_MAX, is_han};
use crate::figures::units::{ends_with_any, starts_with, string_of};
use crate::model::{Figure, Kind};

/// The most members paired.
const ITEMS_MAX: usize = 6;
/// What joins the items (simplified chars).
const JOINERS: &[char] = &['、', '和', '及', '与'];
/// What a clause before a `分别` list says of its figures (simplified chars).
const STANDING: &[&str] = &[
    "居前", "居后", "靠前", "领先", "较快", "较大", "较多", "较高", "最快", "最大", "最多", "最高", "明显", "显著",
    "突出",
];
/// Scope words opening the clause: none of the first item.
const SCOPES: &[&str] = &["其中", "全国", "全省", "全市", "全区", "全县", "我国", "我省", "我市", "而", "但", "其次"];

impl Doc<'_> {
    /// Pair the items before a run of joined figures with the figures (see the module notes).
    pub(super) fn item_lists(&self, figures: &mut [Figure]) {
        let mut first = 0;
        while first < figures.len() {
            let mut last = self.list_end(figures, first);
            let n = last - first + 1;
            if (2..=ITEMS_MAX).contains(&n)
                && let Some((metric, items)) = self.items_before(figures, first, n)
            {
                let joined = figures[first].label.take();
                for (f, item) in figures[first..=last].iter_mut().zip(&items) {
                    f.label = Some(metric.clone());
                    f.subject = Some(item.clone());
                }
                // `…进出口10293亿元和3544.9亿元，同增1.9%和38.4%`: a run of as many figures after it
                // in its sentence that took the joined span pairs with the items too.
                last = self.pair_next_run(figures, last, n, joined.as_deref(), &metric, &items);
            }
            first = last + 1;
        }
    }

    /// `有色金属行业用电量`: the metric as the segmenter's last word of the last item (`用电量`),
    /// where no listed head of two chars ends it; no other item may name a metric.
    fn last_word_metric(&self, items: &mut [String], simple: &[Vec<char>], at: usize, e: usize) -> Option<String> {
        let n = items.len();
        if simple[..n - 1].iter().any(|w| super::lists::longest_metric(w).is_some()) {
            return None;
        }
        // The metric opens with a listed head of two chars or more (`用电`+`量`), after an item of two chars.
        let heads = super::words::METRIC_HEADS.iter().filter(|w| w.chars().count() >= 2);
        let opens = |p: usize| heads.clone().any(|w| starts_with(self.chars, p, w).is_some_and(|n| p + n <= e));
        let start = (at + 2..e.saturating_sub(1)).find(|&p| opens(p))?;
        let cut = start - at;
        if !self.names_metric((start, e)) {
            return None;
        }
        let longest_other = simple[..n - 1].iter().map(Vec::len).max().unwrap_or(0);
        if cut > longest_other + 2 {
            return None;
        }
        let orig = Chars::of(&items[n - 1]);
        let metric = string_of(&orig[cut..]);
        items[n - 1] = string_of(&orig[..cut]);
        Some(metric)
    }

    /// Pair the next run of `n` joined figures of the sentence after `figures[last]` with
    /// `items` when each took the `joined` span as its label; where that run ends, or `last`.
    fn pair_next_run(
        &self,
        figures: &mut [Figure],
        last: usize,
        n: usize,
        joined: Option<&str>,
        metric: &str,
        items: &[String],
    ) -> usize {
        let start = last + 1;
        let end = start + n;
        if end > figures.len()
            || self.sentences.ends_within(figures[last].end, figures[start].start)
            || !(start + 1..end).all(|j| self.joins_list(figures[j - 1].end, figures[j].start))
            || !figures[start..end].iter().all(|f| f.label.is_some() && f.label.as_deref() == joined)
        {
            return last;
        }
        for (f, item) in figures[start..end].iter_mut().zip(items) {
            f.label = Some(metric.to_string());
            f.subject = Some(item.clone());
        }
        end - 1
    }

    /// The shared metric and the `n` items written before `figures[first]`, if its clause is such a list.
    fn items_before(&self, figures: &[Figure], first: usize, n: usize) -> Option<(String, Vec<String>)> {
        let f = &figures[first];
        let group = &figures[first..first + n];
        if f.kind == Kind::Date || group.iter().any(|g| g.kind != f.kind) {
            return None;
        }
        // The run's first figure read its metric from the list; the others read none of their own.
        let label = f.label.as_deref()?;
        if group[1..].iter().any(|g| g.label.as_deref().is_some_and(|l| l != label)) {
            return None;
        }
        let prev_end = first.checked_sub(1).map_or(0, |p| figures[p].end);
        let mut lo = self.clause_start(f.start, prev_end);
        // `汽车、家电和手机…`: the clause's breaks at `、` join items.
        while lo > prev_end + 1 && self.chars[lo - 1] == '、' {
            lo = self.clause_start(lo - 1, prev_end);
        }
        let mut hi = f.start;
        if let Some(at) = self.find_respectively(lo, f.start) {
            // `钢铁、有色金属、化工行业净利润增幅居前，分别增长…`: a 分别 clause that names no items
            // pairs with the items of the clause before it, which `inherit` does not read.
            if at != lo || lo <= prev_end + 1 || !matches!(self.chars[lo - 1], '，' | ',') {
                return None;
            }
            hi = lo - 1;
            lo = self.clause_start(hi, prev_end);
            while lo > prev_end + 1 && self.chars[lo - 1] == '、' {
                lo = self.clause_start(lo - 1, prev_end);
            }
            // (`…增幅居前`: what the clause says of the items' figures is none of the metric.)
            if let Some((_, n)) = ends_with_any(self.chars, hi, STANDING) {
                hi -= n;
            }
        }
        let (_, mut e) = self.metric_before(lo, hi).label?;
        let read_to = e;
        // `用电量增幅高达…`: the rate of growth of the metric is labelled with the metric (rule 5).
        if let Some((_, n)) = ends_with_any(self.chars, e, super::growth_name::GROWTH_NAMES) {
            e -= n;
        }
        let mut a = lo;
        for w in SCOPES {
            if let Some(k) = starts_with(self.chars, a, w).filter(|&k| a + k < e) {
                a += k;
                break;
            }
        }
        if e <= a || e - a > 3 * LABEL_MAX || !self.chars[a..e].iter().all(|c| is_han(*c) || JOINERS.contains(c)) {
            return None;
        }
        // The first figure's label is read from this span.
        let span: String = string_of(&self.orig[a..read_to]);
        if !span.contains(label) {
            return None;
        }
        let mut items = Vec::with_capacity(n);
        let mut simple = Vec::with_capacity(n);
        let (mut at, mut last_at) = (a, a);
        for p in a..=e {
            if p == e || JOINERS.contains(&self.chars[p]) {
                if p == at || p - at > LABEL_MAX {
                    return None;
                }
                items.push(string_of(&self.orig[at..p]));
                simple.push(self.chars[at..p].to_vec());
                last_at = at;
                at = p + 1;
            }
        }
        if items.len() != n {
            return None;
        }
        let metric = match super::lists::shared_metric(&mut items, &simple) {
            Some(m) => m,
            None => self.last_word_metric(&mut items, &simple, last_at, e)?,
        };
        // Each item is a name of two chars or more, not a metric's head cut short.
        if items.iter().any(|w| Chars::of(w).len() < 2) {
            return None;
        }
        Some((metric, items))
    }
}
