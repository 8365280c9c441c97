//! Figures whose own clause names no metric, in forms the earlier passes leave bare:
//! - `在净资产收益率方面，排名前十的分别是…`, `从营收来看，…分别为…`: the sentence names its
//!   topic first, and the figures after it measure it (labels.md rule 2: the nearest words
//!   before the figure that name the metric);
//! - a change right after such a figure (`（6.3%）上升0.3%`) changes its metric (rule 5);
//! - `东方财富(15.46%)、中信建投（15.30%）`, `最新失業率較9至11月（6.3%）上升0.3%`: a value in
//!   brackets after a name or a date measures the metric named before them in its sentence;
//! - `苏州的GDP总量在全国城市中排名第六`: a rank measures the metric named in its clause (rule 6).

use super::Doc;
use super::is_han;
use super::words::METRIC;
use crate::model::{Figure, Kind};

/// How far back in its sentence a topic or a metric is looked for, in chars.
const REACH: usize = 80;
/// The longest topic, in chars.
const TOPIC_MAX: usize = 12;

impl Doc<'_> {
    /// Label bare figures by their sentence's topic, or bracketed ones by the metric before them.
    pub(super) fn aspect_topics(&self, figures: &mut [Figure]) {
        for k in 0..figures.len() {
            let f = &figures[k];
            if f.label.is_some() || matches!(f.kind, Kind::Date | Kind::Duration) {
                continue;
            }
            let sent = self.sentence_start(f.start).max(f.start.saturating_sub(REACH));
            if let Some(t) = self.topic_in(sent, f.start) {
                figures[k].label = Some(self.text(t));
                continue;
            }
            // `苏州的GDP总量在全国城市中排名第六`: a rank takes the metric ranked, named in its clause.
            if f.kind == Kind::Rank {
                let lo = self.clause_start(f.start, sent);
                if let Some(m) = self.metric_in(lo, f.start) {
                    figures[k].label = Some(self.text(m));
                }
                continue;
            }
            // A change right after a figure labelled here (`（6.3%）上升0.3%`) changes its metric.
            if f.change.is_some()
                && let Some(p) = figures[..k].last().filter(|p| p.start >= sent && p.label.is_some())
                && self.chars[p.end..f.start].iter().all(|&c| !matches!(c, '，' | ',' | '；' | ';'))
            {
                figures[k].label = p.label.clone();
                continue;
            }
            let bracketed = f.start > 0
                && matches!(self.chars[f.start - 1], '（' | '(')
                && matches!(self.chars.get(f.end), Some('）' | ')'));
            if !bracketed {
                continue;
            }
            // A run of bracketed values: the one before, already labelled, lends its label.
            if let Some(p) = figures[..k]
                .iter()
                .rev()
                .take_while(|p| p.start >= sent)
                .find(|p| p.label.is_some() && p.start > 0 && matches!(self.chars[p.start - 1], '（' | '('))
            {
                figures[k].label = p.label.clone();
                continue;
            }
            if let Some(m) = self.metric_in(sent, f.start - 1) {
                figures[k].label = Some(self.text(m));
            }
        }
    }

    /// `在X方面`, `从X来看` / `从X看` opening a clause in `from..to`: X, where it names a metric.
    fn topic_in(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let c = &self.chars[from..to];
        for (i, &ch) in c.iter().enumerate() {
            if !matches!(ch, '在' | '从' | '從') || (i > 0 && is_han(c[i - 1])) {
                continue;
            }
            let close: &[&[char]] =
                if ch == '在' { &[&['方', '面']] } else { &[&['来', '看'], &['來', '看'], &['看']] };
            let rest = &c[i + 1..];
            let Some(end) = (1..=TOPIC_MAX.min(rest.len())).find(|&n| {
                close.iter().any(|w| rest[n..].starts_with(w))
                    && rest[..n].iter().all(|&x| is_han(x) || x.is_ascii_alphanumeric())
            }) else {
                continue;
            };
            let span = (from + i + 1, from + i + 1 + end);
            if self.names_metric(span) {
                return Some(span);
            }
        }
        None
    }

    /// The metric named last before `to` in `from..to`: where a metric's head ends, the
    /// metric as the clause before it names it.
    fn metric_in(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        (from + 2..to).rev().filter(|&p| is_han(self.chars[p - 1])).find_map(|p| {
            METRIC.ending(&self.chars[from..p])?;
            let lo = self.clause_start(p, from);
            self.metric_before(lo, p).label.filter(|&m| self.names_metric(m))
        })
    }
}
