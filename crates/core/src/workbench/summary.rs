//! Totals per metric: one row per label and unit over every figure of the session.

use super::{Entry, FigureRef, period};
use crate::model::Kind;
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub unit: String,
    pub kind: Kind,
    pub count: usize,
    /// Files (or texts) it occurs in.
    pub files: usize,
    /// The sum, where adding the figures up means something (amounts, counts and
    /// quantities that are not changes); None for rates, ranks, dates and changes.
    pub sum: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub latest_period: Option<String>,
    /// The entries it sums up (indices into the slice given).
    pub members: Vec<usize>,
}

/// Whether figures like this one can be added up.
fn summable(f: &FigureRef) -> bool {
    matches!(f.kind, Kind::Money | Kind::Count | Kind::Quantity) && f.change.is_none()
}

/// One row per (label, unit) of the entries that have a label, by label then unit.
pub fn summarize(entries: &[Entry]) -> Vec<Row> {
    let mut s = Summarizer::default();
    for (k, e) in entries.iter().enumerate() {
        s.add(k, e);
    }
    s.finish()
}

/// The totals of one (label, unit) so far.
struct Group<'a> {
    key: (&'a str, &'a str),
    kind: Kind,
    members: Vec<usize>,
    files: FxHashSet<&'a str>,
    /// Sum, least and greatest of the numbers, in the order they came.
    sum: f64,
    numbers: usize,
    min: Option<f64>,
    max: Option<f64>,
    summable: bool,
    latest: Option<&'a str>,
}

/// [`summarize`] one entry at a time: the page adds a session's figures over several tasks,
/// none of them long, and the rows are the same.
#[derive(Default)]
pub struct Summarizer<'a> {
    // Grouped through a hash map, then the groups sorted (a tree of 100,000 entries keyed by
    // strings cost a redraw of the summary over 100 ms).
    at: FxHashMap<(&'a str, &'a str), usize>,
    groups: Vec<Group<'a>>,
}

impl<'a> Summarizer<'a> {
    /// Add entry `k` (its index in the entries the rows' members refer to).
    pub fn add(&mut self, k: usize, e: &Entry<'a>) {
        let f = e.figure;
        let Some(label) = f.label.filter(|l| !l.is_empty()) else { return };
        let key = (label, f.unit.unwrap_or(""));
        let groups = &mut self.groups;
        let g = *self.at.entry(key).or_insert_with(|| {
            groups.push(Group {
                key,
                kind: f.kind,
                members: Vec::new(),
                files: FxHashSet::default(),
                // (-0.0: what summing an iterator of floats starts from.)
                sum: -0.0,
                numbers: 0,
                min: None,
                max: None,
                summable: true,
                latest: None,
            });
            groups.len() - 1
        });
        let g = &mut groups[g];
        g.members.push(k);
        g.files.insert(e.file);
        g.summable &= summable(&f);
        if let Some(n) = f.number() {
            g.sum += n;
            g.numbers += 1;
            g.min = Some(g.min.map_or(n, |m| m.min(n)));
            g.max = Some(g.max.map_or(n, |m| m.max(n)));
        }
        if let Some(p) = e.period {
            g.latest = Some(period::later(g.latest, p));
        }
    }

    /// The rows, by label then unit.
    pub fn finish(self) -> Vec<Row> {
        let mut groups = self.groups;
        groups.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        groups
            .into_iter()
            .map(|g| Row {
                label: g.key.0.to_string(),
                unit: g.key.1.to_string(),
                kind: g.kind,
                count: g.members.len(),
                files: g.files.len(),
                sum: (g.summable && g.numbers > 0).then_some(g.sum),
                min: g.min,
                max: g.max,
                latest_period: g.latest.map(str::to_string),
                members: g.members,
            })
            .collect()
    }
}

/// Columns the summary sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SortBy {
    Label,
    Unit,
    Count,
    Files,
    Sum,
    Min,
    Max,
    Period,
}

/// Sort rows by a column (rows without the number or period last either way).
pub fn sort(rows: &mut [Row], by: SortBy, ascending: bool) {
    use std::cmp::Ordering;
    let dir = |o: Ordering| if ascending { o } else { o.reverse() };
    let num = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => dir(x.total_cmp(&y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    rows.sort_by(|a, b| {
        let o = match by {
            SortBy::Label => dir(a.label.cmp(&b.label)),
            SortBy::Unit => dir(a.unit.cmp(&b.unit)),
            SortBy::Count => dir(a.count.cmp(&b.count)),
            SortBy::Files => dir(a.files.cmp(&b.files)),
            SortBy::Sum => num(a.sum, b.sum),
            SortBy::Min => num(a.min, b.min),
            SortBy::Max => num(a.max, b.max),
            SortBy::Period => match (&a.latest_period, &b.latest_period) {
                (Some(x), Some(y)) => dir(period::compare(x, y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        o.then_with(|| a.label.cmp(&b.label)).then_with(|| a.unit.cmp(&b.unit))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::plain_number;
    use crate::workbench::fixture::Fixture;

    /// `testdata/workbench/summary.tsv`: the expected rows for `entries.json`.
    #[test]
    fn one_row_per_label_and_unit_with_its_totals() {
        let fx = Fixture::load();
        let rows = summarize(&fx.entries());
        let show = |n: Option<f64>| n.map(plain_number).unwrap_or_default();
        let got: Vec<String> = rows
            .iter()
            .map(|r| {
                [
                    r.label.clone(),
                    r.unit.clone(),
                    r.count.to_string(),
                    r.files.to_string(),
                    show(r.sum),
                    show(r.min),
                    show(r.max),
                    r.latest_period.clone().unwrap_or_default(),
                ]
                .join("\t")
            })
            .collect();
        let want: Vec<&str> = include_str!("../../testdata/workbench/summary.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn sorting_by_count_and_period() {
        let fx = Fixture::load();
        let mut rows = summarize(&fx.entries());
        sort(&mut rows, SortBy::Count, false);
        assert!(rows.windows(2).all(|w| w[0].count >= w[1].count));
        sort(&mut rows, SortBy::Period, true);
        let periods: Vec<&str> = rows.iter().filter_map(|r| r.latest_period.as_deref()).collect();
        assert!(periods.windows(2).all(|w| period::compare(w[0], w[1]).is_le()), "{periods:?}");
        // Rows without a period come after those with one.
        let first_none = rows.iter().position(|r| r.latest_period.is_none()).unwrap_or(rows.len());
        assert!(rows[first_none..].iter().all(|r| r.latest_period.is_none()));
    }
}
