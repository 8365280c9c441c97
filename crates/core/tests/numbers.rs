//! Data-driven tests for `shudu_core::numeral`, one case per line of
//! `testdata/numbers.tsv`: `input<TAB>expected value|none<TAB>expected end|-`.

use shudu_core::numeral::{parse_number, read_number};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/numbers.tsv");

/// Check one case; Err describes the mismatch.
fn check(input: &str, expected: &str, end: &str) -> Result<(), String> {
    let chars: Vec<char> = input.chars().collect();
    let got = read_number(&chars, 0, chars.len());
    if expected == "none" {
        return match got {
            None => Ok(()),
            Some(n) => Err(format!("expected no number, got {n:?}")),
        };
    }
    let want: f64 = expected.parse().map_err(|e| format!("bad expected value {expected:?}: {e}"))?;
    let want_end = match end {
        "-" => chars.len(),
        e => e.parse::<usize>().map_err(|err| format!("bad expected end {e:?}: {err}"))?,
    };
    let Some(n) = got else {
        return Err(format!("expected {want} (end {want_end}), got None"));
    };
    if n.value != want || n.end != want_end {
        return Err(format!("expected {want} (end {want_end}), got {} (end {}) {n:?}", n.value, n.end));
    }
    if end == "-" {
        let whole = parse_number(input);
        if whole != Some(want) {
            return Err(format!("parse_number: expected Some({want}), got {whole:?}"));
        }
    }
    Ok(())
}

#[test]
fn numbers_tsv() {
    let text = std::fs::read_to_string(DATA).unwrap_or_else(|e| panic!("reading {DATA}: {e}"));
    let mut cases = 0;
    let mut failures = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let result = match cols.as_slice() {
            [input, expected, end] => check(input, expected.trim(), end.trim()),
            _ => Err(format!("expected 3 tab-separated columns, got {}", cols.len())),
        };
        cases += 1;
        if let Err(msg) = result {
            failures.push(format!("  line {line_no}: {line:?}: {msg}"));
        }
    }
    assert!(cases >= 80, "only {cases} cases in {DATA}");
    assert!(failures.is_empty(), "{} of {cases} cases in {DATA} failed:\n{}", failures.len(), failures.join("\n"));
}
