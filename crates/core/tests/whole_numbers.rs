//! Data-driven tests for `shudu_core::number::parse`, one case per line of
//! `testdata/whole_numbers.tsv`: `input<TAB>expected value or error`; and the
//! Recognizers-Text Number suite (`../shared/eval/external/cases.jsonl`, its
//! cases whose whole input is one number) with the pass mark.

use shudu_core::number::{MAX_CHARS, NumberError, parse};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/whole_numbers.tsv");
const SUITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/external/cases.jsonl");

fn same(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-12 * want.abs().max(1e-300) || got == want
}

#[test]
fn whole_numbers_tsv() {
    let text = std::fs::read_to_string(DATA).unwrap_or_else(|e| panic!("reading {DATA}: {e}"));
    let mut cases = 0;
    let mut failures = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((input, want)) = line.split_once('\t') else {
            failures.push(format!("  line {}: no tab", i + 1));
            continue;
        };
        cases += 1;
        let got = parse(input);
        let ok = match want {
            "empty" => got == Err(NumberError::Empty),
            "not-a-number" => got == Err(NumberError::NotANumber),
            "out-of-range" => got == Err(NumberError::OutOfRange),
            w => match w.parse::<f64>() {
                Ok(w) => got.as_ref().is_ok_and(|g| same(*g, w)),
                Err(e) => panic!("line {}: bad expected value {w:?}: {e}", i + 1),
            },
        };
        if !ok {
            failures.push(format!("  line {}: {input:?}: want {want}, got {got:?}", i + 1));
        }
    }
    assert!(cases >= 50, "only {cases} cases in {DATA}");
    assert!(failures.is_empty(), "{} of {cases} failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn too_long_is_an_error_in_bounded_time() {
    let ones = "一".repeat(40_000);
    assert_eq!(parse(&ones), Err(NumberError::TooLong(40_000)));
    let just = "1".repeat(MAX_CHARS);
    assert!(parse(&just).is_ok());
}

/// The Recognizers-Text Chinese Number model's cases whose span is the whole
/// input; skipped (with a notice) when `../shared` is not beside the project.
#[test]
fn recognizers_number_suite() {
    let Ok(text) = std::fs::read_to_string(SUITE) else {
        eprintln!("notice: {SUITE} not found; Number suite skipped");
        return;
    };
    let (mut total, mut passed, mut misses) = (0, 0, Vec::new());
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("a JSON row");
        if row["suite"] != "Number" || row["span"] != row["input"] {
            continue;
        }
        total += 1;
        let input = row["input"].as_str().unwrap_or_default();
        let want = row["value"].as_f64().expect("a numeric value");
        // The suite writes values to 15 significant digits.
        match parse(input) {
            Ok(got) if (got - want).abs() <= 1e-12 * want.abs().max(1.0) => passed += 1,
            got => misses.push(format!("  {input:?}: want {want}, got {got:?}")),
        }
    }
    println!("Number suite: {passed}/{total}");
    assert!(total >= 200, "only {total} whole-input Number cases read");
    assert!(passed as f64 >= 0.95 * total as f64, "{passed}/{total} < 95%:\n{}", misses.join("\n"));
}
