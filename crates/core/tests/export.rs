//! Exports: the CSV Excel opens, the JSON and the workbook keep numbers as
//! numbers and dates as text, and free text cannot run as a formula.

use shudu_core::{Engine, export};

fn rows(text: &str) -> Vec<[String; 12]> {
    let chars: Vec<char> = text.chars().collect();
    Engine::new()
        .figures(text)
        .iter()
        .map(|f| export::csv_row("=a.txt", f, &export::sentence_of(&chars, f.start, f.end)))
        .collect()
}

#[test]
fn csv_has_bom_header_and_one_line_per_figure() {
    let r = rows("2023年全市完成投资3.5亿元，同比增长12.5%。");
    let csv = export::csv_document(&r);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], export::CSV_HEADER.join(","));
    assert_eq!(lines.len(), 1 + r.len());
    // A file name that looks like a formula is kept as text.
    assert!(lines[1].starts_with("'=a.txt,2023年,date,2023,"), "{}", lines[1]);
}

#[test]
fn json_keeps_numbers_numeric_and_dates_textual() {
    let json: serde_json::Value =
        serde_json::from_str(&export::json_document(&rows("2023年完成投资3.5亿元。"))).unwrap();
    assert_eq!(json[0]["kind"], "date");
    assert_eq!(json[0]["value"], "2023");
    assert_eq!(json[1]["value"], 350000000);
    assert_eq!(json[1]["sentence"], "2023年完成投资3.5亿元。");
}

#[test]
fn sentence_is_capped_in_long_paragraphs() {
    let text = "很".repeat(5000) + "投资3亿元" + &"长".repeat(5000);
    let r = rows(&text);
    assert_eq!(r.len(), 1);
    assert!(r[0][11].chars().count() <= 2 * 200 + 10, "{}", r[0][11].chars().count());
}
