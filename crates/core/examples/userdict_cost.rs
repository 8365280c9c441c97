//! What adding user words costs: in place on a built engine, against building
//! the engine again from the packed dictionary with them (docs/formats.md).
//! `cargo run --release -p shudu-core --example userdict_cost`

use shudu_core::Engine;
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let mut engine = Engine::new();
    let build = t.elapsed();
    let words: Vec<String> = (0..1000).map(|i| format!("用户词{i}号基地")).collect();
    let t = Instant::now();
    for w in &words {
        engine.add_word(w, None, None);
    }
    let add = t.elapsed();
    println!("build the engine: {build:?}; add 1000 words in place: {add:?} ({:?} a word)", add / 1000);
}
