//! Figures that contradict each other: the same metric of the same subject and period, with
//! different values in different files (two reports giving 2022年鸡西市地区生产总值 as
//! 1228亿元 and 1282亿元).

use super::Entry;
use crate::model::{Change, Kind};
use std::collections::BTreeMap;

/// One metric stated with different values: its key, and one entry per file and value.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub label: String,
    pub subject: String,
    pub period: Option<String>,
    pub unit: String,
    /// Entries (indices into the slice given), one per distinct (file, value), by value.
    pub members: Vec<usize>,
}

/// Values this close (relatively) are the same value written differently.
const SAME: f64 = 1e-9;

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= SAME * a.abs().max(b.abs())
}

/// Every conflict among the entries, by label, subject and period. Only figures with both a
/// label and a subject are compared, and a change (`增长7.5%`) only with a change of the
/// same direction.
pub fn find(entries: &[Entry]) -> Vec<Conflict> {
    let mut finder = Finder::default();
    for (k, e) in entries.iter().enumerate() {
        finder.add(k, e);
    }
    finder.into_groups().into_iter().filter_map(|g| g.conflict(|k| entries[k])).collect()
}

type Key<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, Kind, Option<&'static str>);

/// [`find`] in steps: entries added one at a time, then each group of figures of one metric,
/// subject and period checked on its own (the page does both over several tasks).
#[derive(Default)]
pub struct Finder<'a> {
    groups: BTreeMap<Key<'a>, Vec<usize>>,
}

/// The figures of one metric, subject and period (indices of entries).
pub struct Group<'a> {
    key: Key<'a>,
    members: Vec<usize>,
}

impl<'a> Finder<'a> {
    /// Add entry `k` (its index in the entries given to [`Group::conflict`]).
    pub fn add(&mut self, k: usize, e: &Entry<'a>) {
        let f = e.figure;
        let (Some(label), Some(subject)) = (f.label, f.subject) else { return };
        if f.number().is_none() || label.is_empty() || subject.is_empty() {
            return;
        }
        let key = (label, subject, e.period, f.unit.unwrap_or(""), f.kind, f.change.map(Change::as_str));
        self.groups.entry(key).or_default().push(k);
    }

    /// The groups, by label, subject and period.
    pub fn into_groups(self) -> Vec<Group<'a>> {
        self.groups.into_iter().map(|(key, members)| Group { key, members }).collect()
    }
}

impl Group<'_> {
    /// Figures in the group.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The group's conflict, if its figures disagree; `entry(k)` is entry `k` as added (a
    /// function, so that the page need not hold every entry of a session at once).
    pub fn conflict<'e>(self, entry: impl Fn(usize) -> Entry<'e>) -> Option<Conflict> {
        let ((label, subject, period, unit, _, _), members) = (self.key, self.members);
        // Each member's number, read once (sorting read them at every comparison).
        let numbers: Vec<(usize, f64)> =
            members.iter().map(|&k| (k, entry(k).figure.number().unwrap_or(0.0))).collect();
        // Two files disagree (some value of one is not stated by the other) exactly when
        // the group has two files and two values: a pair of entries differs in both.
        let mut values: Vec<f64> = numbers.iter().map(|&(_, v)| v).collect();
        values.sort_by(f64::total_cmp);
        values.dedup_by(|a, b| same(*a, *b));
        let file = |k: usize| entry(k).file;
        let first_file = file(members[0]);
        if values.len() < 2 || members.iter().all(|&k| file(k) == first_file) {
            return None;
        }
        // One entry per file and value.
        let mut seen = std::collections::HashSet::new();
        let mut kept: Vec<(usize, f64)> =
            numbers.into_iter().filter(|&(k, v)| seen.insert((file(k), v.to_bits()))).collect();
        kept.sort_by(|&(a, x), &(b, y)| x.total_cmp(&y).then(file(a).cmp(file(b))));
        Some(Conflict {
            label: label.into(),
            subject: subject.into(),
            period: period.map(str::to_string),
            unit: unit.into(),
            members: kept.into_iter().map(|(k, _)| k).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::fixture::Fixture;

    /// `testdata/workbench/conflicts.tsv`: label, subject, period, and the entries listed.
    #[test]
    fn different_values_for_one_metric_in_different_files() {
        let fx = Fixture::load();
        let got: Vec<String> = find(&fx.entries())
            .into_iter()
            .map(|c| {
                let members: Vec<String> = c.members.iter().map(|k| k.to_string()).collect();
                format!("{}\t{}\t{}\t{}", c.label, c.subject, c.period.unwrap_or_default(), members.join(","))
            })
            .collect();
        let want: Vec<&str> = include_str!("../../testdata/workbench/conflicts.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        assert_eq!(got, want);
    }
}
