//! The held-out sentence set (`testdata/heldout.jsonl`), scored in-process the
//! way `shared/eval/score.py --items` scores it: gold and predicted figures are
//! paired greedily by largest span overlap; a matched figure counts for value
//! accuracy when kind, value, unit (not for dates; synonyms folded), low and
//! high agree; optional gold figures are neither rewarded nor penalised.

use serde_json::Value as Json;
use shudu_core::{Engine, Figure, Kind, Value};

/// Unit synonyms, as `score.py` folds them.
fn norm_unit(u: &str) -> &str {
    let u = u.trim();
    match u {
        "平米" => "平方米",
        "km" | "千米" => "公里",
        "m" => "米",
        "t" => "吨",
        "kg" | "公斤" => "千克",
        "人民币" | "块" | "億元" | "萬元" => "元",
        "公頃" => "公顷",
        "萬" => "",
        "個" => "个",
        "項" => "项",
        "戶" => "户",
        "％" => "%",
        "个百分点" | "個百分點" | "百分點" => "百分点",
        "周岁" => "岁",
        "週" | "星期" => "周",
        "个月" | "個月" | "月份" => "月",
        "年度" => "年",
        "度" | "万千瓦时" => "千瓦时",
        "立方" => "立方米",
        u => u,
    }
}

fn same_number(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= (1e-6 * a.abs().max(b.abs())).max(1e-9),
        _ => false,
    }
}

fn same_value(got: &Option<Value>, want: &Json) -> bool {
    match (got, want) {
        (None, Json::Null) => true,
        (Some(Value::Text(g)), Json::String(w)) => g.trim().eq_ignore_ascii_case(w.trim()),
        (Some(Value::Number(g)), Json::Number(w)) => same_number(Some(*g), w.as_f64()),
        (Some(Value::Text(g)), Json::Number(w)) => g.trim() == w.to_string(),
        (Some(Value::Number(g)), Json::String(w)) => {
            w.trim().parse::<f64>().is_ok_and(|w| same_number(Some(*g), Some(w)))
        }
        _ => false,
    }
}

struct Gold {
    text: String,
    span: (usize, usize),
    kind: String,
    value: Json,
    unit: Option<String>,
    low: Option<f64>,
    high: Option<f64>,
    optional: bool,
}

/// The char span of the `occurrence`-th `needle` in `hay`, as `score.py`'s `locate`.
fn locate(hay: &str, needle: &str, occurrence: usize) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut byte = None;
    for _ in 0..occurrence.max(1) {
        let k = hay[from..].find(needle)? + from;
        byte = Some(k);
        from = k + hay[k..].chars().next().map_or(1, char::len_utf8);
    }
    let b = byte?;
    let start = hay[..b].chars().count();
    Some((start, start + needle.chars().count()))
}

fn kind_name(k: Kind) -> &'static str {
    k.as_str()
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    value_ok: usize,
    errors: Vec<String>,
}

fn score(tally: &mut Tally, id: &str, gold: &[Gold], pred: &[Figure]) {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ov = g.span.1.min(p.end).saturating_sub(g.span.0.max(p.start));
            if ov > 0 {
                pairs.push((ov, gi, pi));
            }
        }
    }
    // score.py sorts (overlap, gi, pi) descending.
    pairs.sort_by(|a, b| b.cmp(a));
    let mut g_used = vec![None; gold.len()];
    let mut p_used = vec![false; pred.len()];
    for (_, gi, pi) in pairs {
        if g_used[gi].is_some() || p_used[pi] {
            continue;
        }
        g_used[gi] = Some(pi);
        p_used[pi] = true;
    }
    for (g, used) in gold.iter().zip(&g_used) {
        let Some(pi) = used else {
            if !g.optional {
                tally.fn_ += 1;
                tally.errors.push(format!("{id}: missed {:?} ({})", g.text, g.kind));
            }
            continue;
        };
        if g.optional {
            continue;
        }
        tally.tp += 1;
        let p = &pred[*pi];
        let unit_ok = g.kind == "date"
            || norm_unit(p.unit.as_deref().unwrap_or("")) == norm_unit(g.unit.as_deref().unwrap_or(""));
        let ok = kind_name(p.kind) == g.kind
            && same_value(&p.value, &g.value)
            && unit_ok
            && same_number(p.low, g.low)
            && same_number(p.high, g.high);
        if ok {
            tally.value_ok += 1;
        } else {
            tally.errors.push(format!(
                "{id}: {:?} got {} {:?} {:?} low {:?} high {:?}; want {} {} {:?} low {:?} high {:?}",
                g.text,
                kind_name(p.kind),
                p.value,
                p.unit,
                p.low,
                p.high,
                g.kind,
                g.value,
                g.unit,
                g.low,
                g.high
            ));
        }
    }
    for (p, used) in pred.iter().zip(&p_used) {
        if !used {
            tally.fp += 1;
            tally.errors.push(format!("{id}: spurious {:?} ({})", p.text, kind_name(p.kind)));
        }
    }
}

#[test]
fn heldout_f1_and_value_accuracy() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/heldout.jsonl");
    let engine = Engine::new();
    let mut tally = Tally::default();
    let mut items = 0;
    for (line_no, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        items += 1;
        let item: Json = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", line_no + 1));
        let text = item["text"].as_str().unwrap();
        let id = item["id"].as_str().unwrap_or("item");
        let gold: Vec<Gold> = item["figures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                let gt = g["text"].as_str().unwrap();
                let occ = g["occurrence"].as_u64().unwrap_or(1) as usize;
                let span = locate(text, gt, occ).unwrap_or_else(|| panic!("{id}: gold {gt:?} not in text"));
                Gold {
                    text: gt.to_string(),
                    span,
                    kind: g["kind"].as_str().unwrap_or("").to_string(),
                    value: g["value"].clone(),
                    unit: g["unit"].as_str().map(str::to_string),
                    low: g["low"].as_f64(),
                    high: g["high"].as_f64(),
                    optional: g["optional"].as_bool().unwrap_or(false),
                }
            })
            .collect();
        let pred = engine.figures(text);
        score(&mut tally, id, &gold, &pred);
    }
    let (tp, fp, fn_) = (tally.tp as f64, tally.fp as f64, tally.fn_ as f64);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let va = if tally.tp > 0 { tally.value_ok as f64 / tp } else { 0.0 };
    let summary = format!("F1={f1:.3} P={p:.3} R={r:.3} value_acc={va:.3} n_gold={}", tally.tp + tally.fn_);
    println!("heldout: {items} sentences, {summary}");
    for e in &tally.errors {
        println!("  {e}");
    }
    assert!(items >= 150, "the held-out set has at least 150 sentences");
    assert!(f1 >= 0.95 && va >= 0.95, "held-out below target: {summary}\n{}", tally.errors.join("\n"));
}

#[test]
fn locate_counts_chars_and_occurrences() {
    assert_eq!(locate("9月12日电 12日", "12日", 1), Some((2, 5)));
    assert_eq!(locate("9月12日电 12日", "12日", 2), Some((7, 10)));
    assert_eq!(locate("abc", "d", 1), None);
}
