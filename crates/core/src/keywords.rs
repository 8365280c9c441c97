//! Key words of an article: frequent content words, weighted by how rare
//! they are in general text (TF times a dictionary-frequency IDF proxy is
//! left for later; here TF over nouns, verbs and names, longer words first
//! on ties).

use crate::model::{Keyword, Token};
use std::collections::HashMap;

const STOP: &[&str] = &[
    "我们", "他们", "进行", "工作", "开展", "目前", "同时", "相关", "实现", "加强", "推进", "全面", "确保", "没有",
    "已经", "一个", "这个", "通过", "表示", "记者", "今年", "问题", "情况", "方面", "部分", "其中", "以及", "有关",
    "主要",
];

/// The `n` heaviest key words.
pub fn top(text: &str, tokens: &[Token], n: usize) -> Vec<Keyword> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut content = 0usize;
    for t in tokens {
        let tag = t.tag.as_str();
        let wanted =
            matches!(tag, "n" | "nr" | "ns" | "nt" | "nz" | "vn" | "l" | "j" | "i" | "eng") && t.end - t.start >= 2;
        let word = t.word(text);
        if wanted && !STOP.contains(&word) {
            *counts.entry(word).or_default() += 1;
            content += 1;
        }
    }
    let mut words: Vec<(&str, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.chars().count().cmp(&a.0.chars().count())).then(a.0.cmp(b.0)));
    words
        .into_iter()
        .take(n)
        .map(|(w, c)| Keyword { word: w.to_string(), weight: c as f64 / content.max(1) as f64 })
        .collect()
}
