//! Data-driven cases from `testdata/labels.jsonl`: each line a text and some
//! of its figures, by text, in order, with the `label`, `subject` and
//! `period` expected of them (only the fields a case names are compared;
//! `null` expects none).

use serde_json::Value as Json;
use shudu_core::{Engine, export};

#[test]
fn label_and_period_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/labels.jsonl");
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
        let mut from = 0;
        for w in case["figures"].as_array().unwrap() {
            let Some(at) = got[from..].iter().position(|g| g["text"] == w["text"]) else {
                failures.push(format!("line {}: no figure {} in {text}", line_no + 1, w["text"]));
                continue;
            };
            let g = &got[from + at];
            from += at + 1;
            for (key, expected) in w.as_object().unwrap() {
                if g[key.as_str()] != *expected {
                    failures.push(format!(
                        "line {}: {}.{key}: want {expected}, got {} ({})",
                        line_no + 1,
                        w["text"],
                        g[key.as_str()],
                        case["note"].as_str().unwrap_or("")
                    ));
                }
            }
        }
    }
    assert!(cases >= 10, "the case file is read");
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
}
