//! Downloads of the figures: the table's rows (CSV, JSON, Excel), or one article's (CSV).

use crate::files;
use crate::state::{DocRef, Docs, Row};
use crate::text::DocText;
use shudu_core::export;
use std::collections::HashMap;

/// The formats the table can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Xlsx,
}

/// The rows as export cells, with each figure's sentence.
pub fn export_rows(docs: &Docs, rows: &[Row]) -> Vec<export::Row> {
    let mut texts: HashMap<DocRef, DocText> = HashMap::new();
    rows.iter()
        .map(|r| {
            let text = texts.entry(r.doc).or_insert_with(|| docs.doc_text(r.doc).unwrap_or_default());
            let (start, end) = (r.figure.start, r.figure.end);
            // The sentence is found within its reach on either side of the figure.
            let from = start.saturating_sub(export::SENTENCE_REACH);
            let around: Vec<char> = text.slice(from, end + export::SENTENCE_REACH).chars().collect();
            let sentence = if end - from <= around.len() {
                export::sentence_of(&around, start - from, end - from)
            } else {
                String::new()
            };
            export::Row::of(r.file, r.figure, &sentence)
        })
        .collect()
}

/// Download `rows` (with their sentences) as `format`.
pub fn download_table(docs: &Docs, rows: &[Row], format: Format) {
    let rows = export_rows(docs, rows);
    let stamp = "shudu-figures";
    let result = match format {
        Format::Csv => {
            files::download(&format!("{stamp}.csv"), "text/csv;charset=utf-8", export::csv_document(&rows).as_bytes())
        }
        Format::Json => {
            files::download(&format!("{stamp}.json"), "application/json", export::json_document(&rows).as_bytes())
        }
        Format::Xlsx => match export::xlsx_document(&rows) {
            Ok(bytes) => files::download(
                &format!("{stamp}.xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &bytes,
            ),
            Err(e) => Err(wasm_bindgen::JsValue::from_str(&e.to_string())),
        },
    };
    if let Err(e) = result {
        web_sys::console::error_1(&e);
    }
}

/// Download the figures of document `doc` (named `name`) alone, as CSV.
pub fn download_article(docs: &Docs, doc: DocRef, name: &str) {
    let rows: Vec<Row> = docs.all_rows().into_iter().filter(|r| r.doc == doc).collect();
    let csv = export::csv_document(&export_rows(docs, &rows));
    let base = name.rsplit('/').next().unwrap_or("article").trim_end_matches(".txt").to_string();
    if let Err(e) = files::download(&format!("{base}-figures.csv"), "text/csv;charset=utf-8", csv.as_bytes()) {
        web_sys::console::error_1(&e);
    }
}
