//! The whole analysis of any text, and its exports.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shudu_core::export;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = shudu_core::analyze(&text);
    let chars: Vec<char> = text.chars().collect();
    let rows: Vec<[String; 12]> = analysis
        .figures
        .iter()
        .map(|f| {
            assert!(f.start <= f.end && f.end <= chars.len());
            export::csv_row("a.txt", f, &export::sentence_of(&chars, f.start, f.end))
        })
        .collect();
    let _ = export::csv_document(&rows);
    let _ = export::json_document(&rows);
    let _ = export::xlsx_document(&rows);
});
