//! Extraction throughput on about 10 MB of text built by repeating the sample
//! articles (`testdata/decode/NNN_hash.txt`). A small hand-rolled harness (no extra
//! dependencies): one warm-up pass, then timed repetitions; the best and the
//! median are reported in MB/s of UTF-8 input, where MB = 10^6 bytes (as in
//! the README's benchmark table).
//!
//! Run with `cargo bench -p shudu-core --bench extract`. Prints a table and
//! writes the numbers to `target/bench-extract.json`.

use shudu_core::{Engine, figures};
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 10 * 1024 * 1024;

/// The corpus: the file named by `SHUDU_BENCH_CORPUS` (scripts/bench.sh passes the one the
/// browser measurements use, so both sides read the same text), else built from the samples.
fn corpus() -> String {
    if let Some(path) = std::env::var_os("SHUDU_BENCH_CORPUS") {
        return std::fs::read_to_string(&path).expect("SHUDU_BENCH_CORPUS names a UTF-8 file");
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/decode");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("testdata/decode exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        // The sample articles, not their encoded copies (000.gb18030.txt …).
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.len() == 24 && n.as_bytes()[3] == b'_'))
        .collect();
    paths.sort();
    let articles: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).expect("sample is UTF-8")).collect();
    assert!(!articles.is_empty(), "no sample articles in {dir}");
    let mut text = String::with_capacity(TARGET_BYTES + 64 * 1024);
    while text.len() < TARGET_BYTES {
        for a in &articles {
            text.push_str(a);
            text.push('\n');
        }
    }
    text
}

struct Row {
    name: &'static str,
    best: Duration,
    median: Duration,
    reps: usize,
}

/// Run `f` once to warm up, then `reps` times; best and median wall time.
fn measure<T>(name: &'static str, reps: usize, mut f: impl FnMut() -> T) -> Row {
    black_box(f());
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    Row { name, best: times[0], median: times[times.len() / 2], reps }
}

/// Bytes in a megabyte: 10^6, the README's unit.
const MB: f64 = 1e6;

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / MB / d.as_secs_f64()
}

fn main() {
    let text = corpus();
    let bytes = text.len();
    let chars: Vec<char> = text.chars().collect();

    let init = measure("Engine::new", 5, Engine::new);
    let engine = Engine::new();
    let tokens = engine.tag(&text);

    let rows = [
        measure("segmentation (Engine::tag)", 3, || engine.tag(&text)),
        // In pieces on every core (as the engine reads a long text) …
        measure("figures::extract_chars", 10, || figures::extract_chars(&chars, &tokens)),
        // … and the whole text in one pass on one core.
        measure("figures::extract_piece (1 core)", 5, || figures::extract_piece(&chars, &tokens)),
        measure("figures::extract (text+tokens)", 10, || figures::extract(&text, &tokens)),
        measure("Engine::analyze", 3, || engine.analyze(&text)),
    ];
    let n_figures = figures::extract_chars(&chars, &tokens).len();

    println!(
        "corpus: {:.2} MB, {} chars, {} tokens, {} figures",
        bytes as f64 / MB,
        chars.len(),
        tokens.len(),
        n_figures
    );
    println!("{:<34} {:>10} {:>10} {:>12} {:>5}", "stage", "best MB/s", "med MB/s", "best ms", "reps");
    for r in &rows {
        println!(
            "{:<34} {:>10.1} {:>10.1} {:>12.1} {:>5}",
            r.name,
            mb_per_s(bytes, r.best),
            mb_per_s(bytes, r.median),
            r.best.as_secs_f64() * 1e3,
            r.reps
        );
    }
    println!("{:<34} {:>10} {:>10} {:>12.1} {:>5}", init.name, "-", "-", init.best.as_secs_f64() * 1e3, init.reps);

    let stages: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "stage": r.name,
                "best_mb_per_s": mb_per_s(bytes, r.best),
                "median_mb_per_s": mb_per_s(bytes, r.median),
                "best_ms": r.best.as_secs_f64() * 1e3,
                "median_ms": r.median.as_secs_f64() * 1e3,
                "reps": r.reps,
            })
        })
        .collect();
    let report = serde_json::json!({
        "corpus_bytes": bytes,
        "corpus_chars": chars.len(),
        "tokens": tokens.len(),
        "figures": n_figures,
        "stages": stages,
        "engine_new_ms": {
            "best": init.best.as_secs_f64() * 1e3,
            "median": init.median.as_secs_f64() * 1e3,
            "reps": init.reps,
        },
    });
    let target = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target").to_string());
    let path = std::path::Path::new(&target).join("bench-extract.json");
    match std::fs::write(&path, serde_json::to_string_pretty(&report).unwrap_or_default()) {
        Ok(()) => println!("wrote {}", path.display()),
        Err(e) => eprintln!("could not write {}: {e}", path.display()),
    }
}
