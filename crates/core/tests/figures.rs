//! Data-driven figure cases from `testdata/figures.jsonl`: each line a text
//! and the figures expected in it, in order. Only the fields a case names are
//! compared; a case with `"figures": []` expects none.

use serde_json::Value as Json;
use shudu_core::{Engine, export};

#[test]
fn figure_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/figures.jsonl");
    let engine = Engine::new();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (line_no, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        cases += 1;
        let case: Json = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", line_no + 1));
        let text = case["text"].as_str().unwrap();
        let got: Vec<Json> = engine.figures(text).iter().map(export::figure_json).collect();
        let want = case["figures"].as_array().unwrap();
        let texts: Vec<&str> = got.iter().map(|f| f["text"].as_str().unwrap_or("")).collect();
        let wanted: Vec<&str> = want.iter().map(|f| f["text"].as_str().unwrap_or("")).collect();
        if texts != wanted {
            failures.push(format!("line {}: {text}\n    want {wanted:?}\n    got  {texts:?}", line_no + 1));
            continue;
        }
        for (g, w) in got.iter().zip(want) {
            for (key, expected) in w.as_object().unwrap() {
                let actual = &g[key.as_str()];
                let same = match (actual.as_f64(), expected.as_f64()) {
                    (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                    _ => actual == expected,
                };
                if !same {
                    failures.push(format!(
                        "line {}: {:?}.{key}: want {expected}, got {actual}",
                        line_no + 1,
                        w["text"]
                    ));
                }
            }
        }
    }
    assert!(cases > 20, "the case file is read");
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn offsets_are_chars_and_text_matches() {
    let text = "\u{feff}第一段：完成投资14.8亿元。\r\n第二段：😀增长7.5%。";
    let chars: Vec<char> = text.chars().collect();
    for f in Engine::new().figures(text) {
        let slice: String = chars[f.start..f.end].iter().collect();
        assert_eq!(slice, f.text);
    }
}
