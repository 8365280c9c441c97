//! `--dict`: the user's own words kept whole by `segment` and `figures`.

use std::process::Command;

const SHUDU: &str = env!("CARGO_BIN_EXE_shudu");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/testdata/userdict");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(SHUDU).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn words(out: &str) -> Vec<String> {
    out.lines().map(|l| l.split('\t').next().unwrap().to_string()).collect()
}

#[test]
fn segment_keeps_user_words_whole() {
    let article = format!("{DATA}/article.txt");
    let dict = format!("{DATA}/userdict.txt");
    let (_, plain, _) = run(&["segment", &article]);
    assert!(!words(&plain).contains(&"超级总部基地".to_string()), "not one word without the user dictionary");
    let (code, out, err) = run(&["segment", "--dict", &dict, &article]);
    assert_eq!(code, 0, "{err}");
    let w = words(&out);
    assert!(w.contains(&"超级总部基地".to_string()) && w.contains(&"前海蛇口自贸片区".to_string()), "{w:?}");
    let line = out.lines().find(|l| l.starts_with("前海蛇口自贸片区\t")).unwrap();
    assert_eq!(line.split('\t').nth(1), Some("ns"), "its tag");
}

#[test]
fn figures_see_user_words_whole() {
    let article = format!("{DATA}/article.txt");
    let dict = format!("{DATA}/userdict.txt");
    let subject = |out: &str| {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        let f = v["figures"].as_array().unwrap().iter().find(|f| f["text"] == "15亿元").cloned().unwrap();
        f["subject"].as_str().map(String::from)
    };
    let (code, out, err) = run(&["figures", "--dict", &dict, &article]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(subject(&out).as_deref(), Some("三元里街道"));
    let (_, out, _) = run(&["figures", &article]);
    // Without it the segmenter cuts `三元里` off and the subject is `街道`.
    assert_ne!(subject(&out).as_deref(), Some("三元里街道"), "the user word made the difference");
}

#[test]
fn a_bad_line_is_named() {
    let (code, _, err) = run(&["segment", "--dict", &format!("{DATA}/bad.txt"), &format!("{DATA}/article.txt")]);
    assert_eq!(code, 2);
    assert!(err.contains("line 2") && err.contains("3.5"), "{err}");
}
