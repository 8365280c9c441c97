//! The workbench over a large session: 100,000 figures (the sample articles' figures,
//! repeated as if from many files), timed for each view the page draws from them. A small
//! hand-rolled harness like `extract`'s: one warm-up, then the median of timed repetitions.
//!
//! Run with `cargo bench -p shudu-core --bench workbench`.

use shudu_core::workbench::{Entry, concordance, conflicts, context, search, summary, words};
use std::hint::black_box;
use std::time::{Duration, Instant};

const FIGURES: usize = 100_000;

fn median<T>(reps: usize, mut f: impl FnMut() -> T) -> Duration {
    black_box(f());
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[reps / 2]
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/decode");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.len() == 24 && n.as_bytes()[3] == b'_'))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let analyses: Vec<_> = texts.iter().map(|t| shudu_core::analyze(t)).collect();
    let contexts: Vec<Vec<context::Context>> =
        texts.iter().zip(&analyses).map(|(t, a)| context::of_figures(t, &a.figures)).collect();
    let names: Vec<String> = (0..FIGURES).map(|k| format!("file-{:05}.txt", k / 100)).collect();
    let mut entries = Vec::with_capacity(FIGURES);
    'fill: loop {
        for (a, c) in analyses.iter().zip(&contexts) {
            for (f, c) in a.figures.iter().zip(c) {
                if entries.len() == FIGURES {
                    break 'fill;
                }
                entries.push(Entry { period: None, ..Entry::of(&names[entries.len()], f, c) });
            }
        }
    }
    let tallies: Vec<words::Tally> = texts.iter().zip(&analyses).map(|(t, a)| words::Tally::of(t, &a.tokens)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let many: Vec<&str> = refs.iter().copied().cycle().take(200).collect();
    let rows = [
        (
            "contexts of the samples' figures",
            median(9, || {
                texts.iter().zip(&analyses).map(|(t, a)| context::of_figures(t, &a.figures).len()).sum::<usize>()
            }),
        ),
        (
            "search 100k rows (地区生产总值)",
            median(9, || {
                let q = search::Query::new("地区生产总值");
                entries.iter().filter(|e| q.matches(e)).count()
            }),
        ),
        (
            "search 100k rows (1480000000)",
            median(9, || {
                let q = search::Query::new("1480000000");
                entries.iter().filter(|e| q.matches(e)).count()
            }),
        ),
        ("summary of 100k figures", median(9, || summary::summarize(&entries).len())),
        ("conflicts among 100k figures", median(9, || conflicts::find(&entries).len())),
        ("concordance 增长 in 200 articles", median(9, || concordance::find(&many, "增长", 5_000).1)),
        ("word list of the samples", median(9, || words::list(&tallies, None).len())),
    ];
    println!("| workbench step | median |\n|---|---|");
    for (name, t) in rows {
        println!("| {name} | {:.2} ms |", t.as_secs_f64() * 1000.0);
    }
}
