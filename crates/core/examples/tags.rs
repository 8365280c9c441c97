fn main() {
    let e = shudu_core::Engine::new();
    for s in std::env::args().skip(1) {
        let t: Vec<String> = e.tag(&s).into_iter().map(|t| format!("{}/{}", t.word, t.tag)).collect();
        println!("{}", t.join(" "));
    }
}
