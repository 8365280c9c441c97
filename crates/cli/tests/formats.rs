//! `shudu text` and `shudu figures` on the real PDF and Word files.

use std::process::Command;

const SHUDU: &str = env!("CARGO_BIN_EXE_shudu");
const FORMATS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/testdata/formats");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(SHUDU).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn text_prints_what_is_analysed() {
    let (code, out, err) = run(&["text", &format!("{FORMATS}/sz_gender_2021.pdf")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("男性969.57万人"), "the line break inside the figure is gone");
    let (code, out, _) = run(&["text", &format!("{FORMATS}/police.doc")]);
    assert_eq!(code, 0);
    assert!(out.contains("可在90分钟后重测1次"));
}

#[test]
fn figures_of_a_pdf() {
    let (code, out, err) = run(&["figures", "--json", &format!("{FORMATS}/sz_gender_2021.pdf")]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let figs = v["figures"].as_array().unwrap();
    let value = |t: &str| figs.iter().find(|f| f["text"] == t).map(|f| f["value"].as_f64().unwrap());
    assert_eq!(value("1761.48万人"), Some(17_614_800.0));
    assert_eq!(value("969.57万人"), Some(9_695_700.0));
    assert_eq!(value("791.91万人"), Some(7_919_100.0));
    assert_eq!(value("55.0%"), Some(55.0));
}

#[test]
fn a_pdf_without_text_is_named_so() {
    let dir = std::env::temp_dir().join(format!("shudu-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scan = dir.join("scan.pdf");
    // A page that draws a line and no text.
    let content = "0 0 m 100 100 l S";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(b"xref\n0 5\n0000000000 65535 f \n");
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").bytes());
    }
    pdf.extend(format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").bytes());
    std::fs::write(&scan, pdf).unwrap();
    let (code, _, err) = run(&["figures", scan.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_ne!(code, 0);
    assert!(err.contains("no text layer"), "{err}");
}
