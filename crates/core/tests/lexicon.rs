//! An engine made for one text from only the dictionary words in it
//! (`Lexicon::engine_for`), and the full engine built a slice at a time
//! (`Loading`), must give exactly what the engine built in one go gives:
//! the same words, tags, figures and key words, on every text we have.

use serde_json::Value as Json;
use shudu_core::Analysis;
use shudu_core::lexicon::{Lexicon, Loading};
use shudu_core::{Engine, dict};
use std::path::Path;

/// The two analyses are equal; if not, say where they first differ (not all of both).
fn same(got: &Analysis, expected: &Analysis, name: &str) {
    if got == expected {
        return;
    }
    let first = |a: usize, b: usize, n: usize| (0..n).find(|&i| i >= a || i >= b).unwrap_or(n);
    if let Some(i) = (0..got.tokens.len().min(expected.tokens.len())).find(|&i| got.tokens[i] != expected.tokens[i]) {
        panic!("{name}: token {i} is {:?}, expected {:?}", got.tokens[i], expected.tokens[i]);
    }
    let n = first(got.tokens.len(), expected.tokens.len(), usize::MAX);
    panic!(
        "{name}: {} tokens (expected {}, first missing at {n}); figures equal: {}; key words equal: {}",
        got.tokens.len(),
        expected.tokens.len(),
        got.figures == expected.figures,
        got.keywords == expected.keywords
    );
}

/// Every text in the test data: the sample articles, and the sentences of the
/// figure and held-out sets.
fn texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    // The five sample articles are the `NNN_hash.txt` files beside their encoded copies.
    let samples = root.join("testdata/decode");
    let mut files: Vec<_> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.len() == 24 && n.as_bytes()[3] == b'_'))
        .collect();
    files.sort();
    for f in files {
        texts.push((f.display().to_string(), std::fs::read_to_string(&f).unwrap()));
    }
    for set in ["figures.jsonl", "heldout.jsonl"] {
        let lines = std::fs::read_to_string(root.join("testdata").join(set)).unwrap();
        for (n, line) in lines.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let item: Json = serde_json::from_str(line).unwrap();
            texts.push((format!("{set}:{}", n + 1), item["text"].as_str().unwrap().to_string()));
        }
    }
    assert!(texts.len() > 100, "test data missing: {} texts", texts.len());
    texts
}

#[test]
fn an_engine_for_one_text_analyses_it_as_the_whole_dictionary_does() {
    let full = Engine::new();
    let lexicon = Lexicon::from_packed(dict::EMBEDDED).unwrap();
    let all = texts();
    for (name, text) in &all {
        let own = lexicon.engine_for(text).unwrap();
        same(&own.analyze(text), &full.analyze(text), name);
    }
    // And all of them at once: one long text with every kind of line.
    let joined: String = all.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
    same(&lexicon.engine_for(&joined).unwrap().analyze(&joined), &full.analyze(&joined), "all texts joined");
}

#[test]
fn a_text_that_holds_the_placeholder_char_is_still_analysed_alike() {
    // The per-text engine keeps the frequency sum whole with a word of one unused
    // private-use char, the last one first: a text that contains it must not match it.
    let full = Engine::new();
    let lexicon = Lexicon::from_packed(dict::EMBEDDED).unwrap();
    let text = "\u{10FFFD}全市完成投资14.8亿元\u{10FFFD}，同比增长6.2%。\u{10FFFC}";
    same(&lexicon.engine_for(text).unwrap().analyze(text), &full.analyze(text), "placeholder");
    same(&lexicon.engine_for("").unwrap().analyze(""), &full.analyze(""), "empty");
}

#[test]
fn the_engine_built_in_slices_is_the_engine_built_at_once() {
    let full = Engine::new();
    let mut loading = Loading::new(Lexicon::from_packed(dict::EMBEDDED).unwrap());
    let mut steps = 1;
    while !loading.step(40_000).unwrap() {
        steps += 1;
    }
    assert!(steps >= 8, "{steps} steps");
    let built = loading.finish().unwrap();
    // Finishing part-way adds the rest at once.
    let mut partly = Loading::new(Lexicon::from_packed(dict::EMBEDDED).unwrap());
    partly.step(1000).unwrap();
    let partly = partly.finish().unwrap();
    for (name, text) in texts() {
        let expected = full.analyze(&text);
        same(&built.analyze(&text), &expected, &name);
        same(&partly.analyze(&text), &expected, &name);
    }
}
