//! The `shudu` command as a user runs it.

use std::io::Write;
use std::process::{Command, Stdio};

const SHUDU: &str = env!("CARGO_BIN_EXE_shudu");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/testdata/decode/000_779206c0961d10cc.txt");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(SHUDU).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn figures_json_of_a_sample() {
    let (code, out, _) = run(&["figures", "--json", SAMPLE]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let figs = v["figures"].as_array().unwrap();
    let f = figs.iter().find(|f| f["text"] == "14.8亿元").unwrap();
    assert_eq!(f["kind"], "money");
    assert_eq!(f["value"], 1480000000i64);
    assert_eq!(f["unit"], "元");
    let text: Vec<char> = std::fs::read_to_string(SAMPLE).unwrap().chars().collect();
    for f in figs {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(text[s..e].iter().collect::<String>(), f["text"].as_str().unwrap());
    }
}

#[test]
fn figures_from_stdin() {
    let mut child = Command::new(SHUDU)
        .args(["figures", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("新开工项目15个，同比增长7.5%。".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = v["figures"].as_array().unwrap().iter().map(|f| f["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["15个", "7.5%"]);
    assert_eq!(v["figures"][1]["change"], "up");
}

#[test]
fn missing_file_is_one_clear_line() {
    let (code, out, err) = run(&["figures", "--json", "/no/such/file.txt"]);
    assert_ne!(code, 0);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/file.txt"), "{err}");
}

#[test]
fn binary_file_is_refused() {
    let dir = std::env::temp_dir().join(format!("shudu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("x.bin");
    std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0, 0, 1, 2, 3]).unwrap();
    let (code, _, err) = run(&["figures", "--json", bin.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert_eq!(err.lines().count(), 1, "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn number_command() {
    for (text, want) in [
        ("四亿五千六百四十二万零一十五", "456420015"),
        ("14.8亿", "1480000000"),
        ("三十二点六", "32.6"),
        ("２，８００", "2800"),
    ] {
        let (code, out, _) = run(&["number", text]);
        assert_eq!(code, 0, "{text}");
        assert_eq!(out.trim(), want, "{text}");
    }
    let (code, _, err) = run(&["number", "abc"]);
    assert_ne!(code, 0);
    assert!(err.contains("not a number"));
    // Too large for a float, or too long to be one number: an error, not `inf`.
    let long = "一".repeat(40_000);
    for text in ["1e400", "10^400", long.as_str()] {
        let (code, out, err) = run(&["number", text]);
        assert_ne!(code, 0, "{text}");
        assert!(out.is_empty() && err.lines().count() == 1 && err.len() < 300, "{err}");
    }
}

#[test]
fn segment_command() {
    let (code, out, _) = run(&["segment", SAMPLE]);
    assert_eq!(code, 0);
    let first: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    assert_eq!(first.len(), 4);
    assert!(out.lines().any(|l| l.starts_with("鸡西\t")));
}

#[test]
fn help_explains_both_commands() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("shudu figures") && out.contains("shudu segment") && out.contains("shudu number"));
    let (code, _, err) = run(&["frobnicate"]);
    assert_ne!(code, 0);
    assert!(err.contains("unknown command"));
}

const DECODE_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/testdata/decode");

fn figures_of(path: &str) -> serde_json::Value {
    let (code, out, err) = run(&["figures", "--json", path]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<serde_json::Value>(&out).unwrap()["figures"].clone()
}

#[test]
fn encoded_files_give_the_figures_of_their_utf8_originals() {
    for (encoded, original) in [
        ("000.gb18030.txt", "000_779206c0961d10cc.txt"),
        ("001.utf16le-bom.txt", "001_a3a797bd12993cc8.txt"),
        ("002.utf8-bom.txt", "002_736a2d626d106f43.txt"),
        ("003.gbk.txt", "003_d3781b2b04487d6d.txt"),
    ] {
        let a = figures_of(&format!("{DECODE_DATA}/{encoded}"));
        let b = figures_of(&format!("{DECODE_DATA}/{original}"));
        assert!(a.as_array().unwrap().len() > 30, "{encoded}");
        assert_eq!(a, b, "{encoded} vs {original}");
    }
}

#[test]
fn many_files_and_folders_as_json_lines_and_csv() {
    let dir = std::env::temp_dir().join(format!("shudu-cli-batch-{}", std::process::id()));
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.join("a.txt"), "完成投资3.5亿元，同比增长12.5%。").unwrap();
    std::fs::write(sub.join("b.txt"), "新建学校2所。").unwrap();
    std::fs::write(sub.join("empty.txt"), "").unwrap();
    let d = dir.to_str().unwrap();
    // JSON Lines: one object per file, the bad file reported, the rest analysed.
    let (code, out, err) = run(&["figures", d]);
    assert_eq!(code, 1, "a failed file makes the exit status 1");
    assert_eq!(err.lines().count(), 1, "{err}");
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    let by_name = |n: &str| rows.iter().find(|r| r["file"].as_str().unwrap().ends_with(n)).unwrap().clone();
    assert_eq!(by_name("a.txt")["figures"].as_array().unwrap().len(), 2);
    assert_eq!(by_name("b.txt")["figures"][0]["text"], "2所");
    assert!(by_name("empty.txt")["error"].as_str().unwrap().contains("empty"));
    // CSV: a header and one line per figure, with the sentence.
    let (_, csv, _) = run(&["figures", "--csv", d]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "file,text,kind,value,unit,approx,low,high,change,label,subject,period,start,end,sentence");
    assert_eq!(lines.len(), 4);
    assert!(
        lines
            .iter()
            .any(|l| l.contains(",3.5亿元,money,350000000,元,") && l.ends_with("完成投资3.5亿元，同比增长12.5%。"))
    );
    std::fs::remove_dir_all(&dir).ok();
}
