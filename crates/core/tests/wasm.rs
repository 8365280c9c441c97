//! The engine inside WebAssembly, run in headless Chromium by
//! `wasm-bindgen-test-runner` (see scripts/test.sh). Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use shudu_core::{Kind, Value, analyze};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../testdata/decode/000_779206c0961d10cc.txt");

#[wasm_bindgen_test]
fn analyses_a_sample_in_the_browser() {
    let a = analyze(SAMPLE);
    assert!(a.tokens.len() > 3000, "segmented: {} tokens", a.tokens.len());
    let f = a.figures.iter().find(|f| f.text == "14.8亿元").expect("14.8亿元 found");
    assert_eq!(f.kind, Kind::Money);
    assert_eq!(f.value, Some(Value::Number(1_480_000_000.0)));
    assert_eq!(f.unit.as_deref(), Some("元"));
    assert_eq!(f.label.as_deref(), Some("完成投资"));
    assert!(a.figures.len() > 100);
    assert!(!a.keywords.is_empty());
}

#[wasm_bindgen_test]
fn offsets_count_chars_in_wasm_too() {
    let text = "😀开复工率63%";
    let a = analyze(text);
    let f = &a.figures[0];
    assert_eq!((f.start, f.end), (5, 8));
    assert_eq!(f.text, "63%");
}
