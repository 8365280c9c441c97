//! Downloads of the figures: the table's rows (CSV, JSON, Excel), or one article's (CSV).

use crate::files;
use crate::state::{DocRef, Docs, Row, Table};
use crate::text::DocText;
use shudu_core::export;
use shudu_core::workbench::summary;
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
            let f = r.figure();
            let (start, end) = (f.start, f.end);
            // The sentence is found within its reach on either side of the figure.
            let from = start.saturating_sub(export::SENTENCE_REACH);
            let around: Vec<char> = text.slice(from, end + export::SENTENCE_REACH).chars().collect();
            let sentence = if end - from <= around.len() {
                export::sentence_of(&around, start - from, end - from)
            } else {
                String::new()
            };
            export::Row::of_ref(r.file, &f, &sentence)
        })
        .collect()
}

/// What the export holds, for its name: the one file or pasted text, or how many files.
fn source(docs: &Docs) -> String {
    match (docs.pasted.is_some(), docs.files.len()) {
        (true, 0) => "pasted".into(),
        (false, 1) => stem(&docs.files[0].name),
        (pasted, n) => format!("{}-files", n + usize::from(pasted)),
    }
}

/// A file's name without its folders and extension (`a/b/report.txt` → `report`).
fn stem(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(s, _)| s).to_string()
}

/// An export's name: `shudu-{source}-{date}[-filtered]`.
pub fn export_name(source: &str, date: &str, filtered: bool) -> String {
    format!("shudu-{source}-{date}{}", if filtered { "-filtered" } else { "" })
}

/// Download the table's rows (with their sentences) as `format`.
pub fn download_table(docs: &Docs, table: &Table, format: Format) {
    let visible = docs.visible_rows(table);
    let rows = export_rows(docs, &visible);
    let stamp = export_name(&source(docs), &crate::dom::today(), table.filtered());
    let result = match format {
        Format::Csv => {
            files::download(&format!("{stamp}.csv"), "text/csv;charset=utf-8", export::csv_document(&rows).as_bytes())
        }
        Format::Json => {
            files::download(&format!("{stamp}.json"), "application/json", export::json_document(&rows).as_bytes())
        }
        Format::Xlsx => match export::xlsx_document(&rows, &summary_of(&visible)) {
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

/// The totals per metric of these rows, for the workbook's summary sheet, in the
/// summary view's default order (by metric).
fn summary_of(rows: &[Row]) -> Vec<summary::Row> {
    let entries: Vec<_> = rows.iter().map(|r| r.entry()).collect();
    summary::summarize(&entries)
}

/// Download the figures of document `doc` (named `name`) alone, as CSV.
pub fn download_article(docs: &Docs, doc: DocRef, name: &str) {
    let rows: Vec<Row> = docs.all_rows().into_iter().filter(|r| r.doc == doc).collect();
    let csv = export::csv_document(&export_rows(docs, &rows));
    let name = export_name(&stem(name), &crate::dom::today(), false);
    if let Err(e) = files::download(&format!("{name}.csv"), "text/csv;charset=utf-8", csv.as_bytes()) {
        web_sys::console::error_1(&e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_are_named_for_what_they_hold() {
        assert_eq!(stem("年报/r02_yichun2022_tjgb.txt"), "r02_yichun2022_tjgb");
        assert_eq!(export_name("r02", "2026-12-04", false), "shudu-r02-2026-12-04");
        assert_eq!(export_name("17-files", "2026-12-04", true), "shudu-17-files-2026-12-04-filtered");
    }
}
