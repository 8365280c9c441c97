//! The figures table's filter: one query over everything a row says.

use super::{Entry, ValueRef};

/// A query, prepared once for many rows.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    /// Latin letters are matched without regard to case (`gdp` finds `GDP`).
    folded: bool,
    /// The query as a number, separators left out (`1,480,000,000`), if it is one.
    number: Option<f64>,
}

impl Query {
    pub fn new(q: &str) -> Query {
        let text = q.trim().to_lowercase();
        let digits: String = text.chars().filter(|c| !matches!(c, ',' | '，' | ' ')).collect();
        let number = digits.parse::<f64>().ok().filter(|n| n.is_finite());
        Query { folded: text.chars().any(|c| c.is_ascii_alphabetic()), text, number }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn has(&self, field: &str) -> bool {
        if self.folded && field.is_ascii() {
            field.to_ascii_lowercase().contains(&self.text)
        } else if self.folded {
            field.to_lowercase().contains(&self.text)
        } else {
            field.contains(&self.text)
        }
    }

    /// Whether the row matches: its text, label, subject, period (as written or in words), sentence, file, or value
    /// (a number finds the normalised value: `1480000000` or `1,480,000,000` finds `14.8亿元`).
    pub fn matches(&self, e: &Entry) -> bool {
        if self.is_empty() {
            return true;
        }
        let f = e.figure;
        let opt = |s: Option<&str>| s.is_some_and(|s| self.has(s));
        self.has(f.text)
            || opt(f.label)
            || opt(f.subject)
            || opt(e.period)
            || self.has(e.before)
            || self.has(e.after)
            || self.has(e.file)
            || self.value_matches(e)
            // The figure inside its sentence (a query across the figure's edge).
            || (!self.folded && self.has(&e.sentence()))
            // A period as the page shows it, too (`上半年` finds `2022-H1`); tried last, as it
            // is written out for the row.
            || e.period.is_some_and(|p| {
                self.has(&super::period::in_words(p, true)) || self.has(&super::period::in_words(p, false))
            })
    }

    fn value_matches(&self, e: &Entry) -> bool {
        let f = e.figure;
        // A number finds the figures of that value (not those whose digits contain it).
        let plain = |n: f64| self.number.is_some_and(|q| (q - n).abs() <= 1e-9 * q.abs().max(n.abs()));
        match f.value {
            Some(ValueRef::Number(n)) if plain(n) => return true,
            Some(ValueRef::Text(t)) if self.has(t) => return true,
            _ => {}
        }
        f.low.is_some_and(plain) || f.high.is_some_and(plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::fixture::Fixture;

    /// `testdata/workbench/search.tsv`: a query and the entries of `entries.json` it finds.
    #[test]
    fn a_query_finds_rows_by_every_field() {
        let fx = Fixture::load();
        let entries = fx.entries();
        let mut n = 0;
        for line in include_str!("../../testdata/workbench/search.tsv").lines().filter(|l| !l.starts_with('#')) {
            let Some((q, want)) = line.split_once('\t') else { continue };
            let want: Vec<usize> = want.split(',').filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
            let query = Query::new(q);
            let got: Vec<usize> = (0..entries.len()).filter(|&k| query.matches(&entries[k])).collect();
            assert_eq!(got, want, "query {q:?}");
            n += 1;
        }
        assert!(n >= 8);
    }
}
