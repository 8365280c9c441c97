//! Figures in the shapes users take away: the spec's JSON, CSV for Excel,
//! and numbers written the way a reader expects.

#[cfg(feature = "xlsx")]
pub mod xlsx;

use crate::model::{Figure, Value};
use crate::workbench::{FigureRef, ValueRef};
use serde_json::{Map, Value as Json, json};

/// A number as JSON: whole numbers as integers (`1480000000`, not `1480000000.0`).
pub fn json_number(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 9.0e15 { json!(n as i64) } else { json!(n) }
}

/// One figure in the JSON shape of `shared/spec/figures.md`.
pub fn figure_json(f: &Figure) -> Json {
    let mut m = Map::new();
    m.insert("text".into(), json!(f.text));
    m.insert("start".into(), json!(f.start));
    m.insert("end".into(), json!(f.end));
    m.insert("kind".into(), json!(f.kind.as_str()));
    m.insert(
        "value".into(),
        match &f.value {
            Some(Value::Number(n)) => json_number(*n),
            Some(Value::Text(t)) => json!(t),
            None => Json::Null,
        },
    );
    m.insert("unit".into(), json!(f.unit));
    m.insert("approx".into(), json!(f.approx.map(|a| a.as_str())));
    m.insert("low".into(), f.low.map_or(Json::Null, json_number));
    m.insert("high".into(), f.high.map_or(Json::Null, json_number));
    m.insert("change".into(), json!(f.change.map(|c| c.as_str())));
    m.insert("label".into(), json!(f.label));
    m.insert("subject".into(), json!(f.subject));
    m.insert("period".into(), json!(f.period));
    Json::Object(m)
}

/// `{"figures": [...]}` for one text.
pub fn figures_json(figures: &[Figure]) -> Json {
    json!({ "figures": figures.iter().map(figure_json).collect::<Vec<_>>() })
}

/// A plain number without exponent: `1480000000`, `92.92`, `0.0005`.
pub fn plain_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.10}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A number with thousands separators, as a reader expects: `1,480,000,000`, `92.92`.
pub fn grouped_number(n: f64) -> String {
    let plain = plain_number(n.abs());
    let (int, frac) = plain.split_once('.').map_or((plain.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 1);
    if n < 0.0 {
        out.push('-');
    }
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A figure's value for display: `1,480,000,000 元`, `63 %`, `2–3 所`, `--07-10`.
pub fn display_value(f: &FigureRef) -> String {
    let unit = f.unit.unwrap_or("");
    let number = match (f.value, f.low, f.high) {
        (Some(ValueRef::Number(n)), _, _) => grouped_number(n),
        (Some(ValueRef::Text(t)), _, _) => return t.to_string(),
        (None, Some(lo), Some(hi)) => format!("{}–{}", grouped_number(lo), grouped_number(hi)),
        _ => return String::new(),
    };
    if unit.is_empty() { number } else { format!("{number} {unit}") }
}

/// The columns of every table export (CSV, JSON, workbook), in order.
pub const CSV_HEADER: [&str; Row::WIDTH] = [
    "file", "text", "kind", "value", "unit", "approx", "low", "high", "change", "label", "subject", "period", "start",
    "end", "sentence",
];

/// A column of [`CSV_HEADER`], by name rather than by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    File,
    Text,
    Kind,
    Value,
    Unit,
    Approx,
    Low,
    High,
    Change,
    Label,
    Subject,
    Period,
    Start,
    End,
    Sentence,
}

/// One figure as a row of the exports: its cells, as text, in [`CSV_HEADER`] order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    cells: [String; Row::WIDTH],
}

impl Row {
    pub const WIDTH: usize = 15;

    /// The row of figure `f` of file `file`, with its sentence.
    pub fn of(file: &str, f: &Figure, sentence: &str) -> Row {
        Row::of_ref(file, &FigureRef::of(f), sentence)
    }

    /// [`Row::of`] from a borrowed figure.
    pub fn of_ref(file: &str, f: &FigureRef, sentence: &str) -> Row {
        let value = match f.value {
            Some(ValueRef::Number(n)) => plain_number(n),
            Some(ValueRef::Text(t)) => t.to_string(),
            None => String::new(),
        };
        Row {
            cells: [
                file.to_string(),
                f.text.to_string(),
                f.kind.as_str().into(),
                value,
                f.unit.unwrap_or_default().to_string(),
                f.approx.map(|a| a.as_str().to_string()).unwrap_or_default(),
                f.low.map(plain_number).unwrap_or_default(),
                f.high.map(plain_number).unwrap_or_default(),
                f.change.map(|c| c.as_str().to_string()).unwrap_or_default(),
                f.label.unwrap_or_default().to_string(),
                f.subject.unwrap_or_default().to_string(),
                f.period.unwrap_or_default().to_string(),
                f.start.to_string(),
                f.end.to_string(),
                sentence.to_string(),
            ],
        }
    }

    /// A row of these cells as they are (for tests and hand-made tables).
    pub fn from_cells(cells: [String; Row::WIDTH]) -> Row {
        Row { cells }
    }

    pub fn get(&self, c: Column) -> &str {
        &self.cells[c as usize]
    }

    pub fn set(&mut self, c: Column, text: impl Into<String>) {
        self.cells[c as usize] = text.into();
    }

    pub fn cells(&self) -> &[String; Row::WIDTH] {
        &self.cells
    }

    /// Is the value a number (not a date written as text, such as `2023`)?
    fn numeric_value(&self) -> bool {
        self.get(Column::Kind) != "date"
    }

    /// How column `c` of this row is kept where numbers can be numbers.
    fn cell_kind(&self, c: Column) -> CellKind {
        match c {
            Column::Value if self.numeric_value() => CellKind::Amount,
            Column::Low | Column::High => CellKind::Amount,
            Column::Start | Column::End => CellKind::Offset,
            _ => CellKind::Text,
        }
    }
}

/// What a cell holds in the JSON and the workbook.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CellKind {
    /// A figure's number: grouped in thousands in the workbook.
    Amount,
    /// A character offset: a plain number.
    Offset,
    Text,
}

const COLUMNS: [Column; Row::WIDTH] = [
    Column::File,
    Column::Text,
    Column::Kind,
    Column::Value,
    Column::Unit,
    Column::Approx,
    Column::Low,
    Column::High,
    Column::Change,
    Column::Label,
    Column::Subject,
    Column::Period,
    Column::Start,
    Column::End,
    Column::Sentence,
];

/// One CSV field, quoted when it must be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// The sentence around a figure (for the `sentence` column).
/// At most this many characters are kept on each side of the figure.
pub const SENTENCE_REACH: usize = 200;

pub fn sentence_of(chars: &[char], start: usize, end: usize) -> String {
    const BREAKS: &[char] = &['。', '！', '？', '\n', '!', '?', '；'];
    let floor = start.saturating_sub(SENTENCE_REACH);
    let ceil = (end + SENTENCE_REACH).min(chars.len());
    let from = (floor..start).rev().find(|&k| BREAKS.contains(&chars[k])).map_or(floor, |k| k + 1);
    let to = (end..ceil).find(|&k| BREAKS.contains(&chars[k])).map_or(ceil, |k| k + 1);
    chars[from..to].iter().collect::<String>().trim().to_string()
}

/// A CSV line (no line end) from cells, each defused (see [`defuse`]).
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    cells.iter().map(|c| csv_field(&defuse(c.as_ref()))).collect::<Vec<_>>().join(",")
}

/// A CSV cell as a spreadsheet will not run it: one that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's CSV
/// injection advice), unless it is a plain number such as `-3` or `-0.5`,
/// which runs nothing and stays a number. Only the CSV needs this: the rows
/// themselves, the JSON and the workbook (whose cells are strings, never
/// evaluated) keep the text exactly.
pub fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// `-3`, `-0.5`: an optional minus, digits, an optional fraction.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !int.is_empty() && !frac.is_empty() && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
}

/// A CSV document that Excel opens correctly: UTF-8 with BOM, CRLF line ends, a header.
pub fn csv_document(rows: &[Row]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&CSV_HEADER));
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&csv_line(r.cells()));
        out.push_str("\r\n");
    }
    out
}

/// A JSON array with one object per row, keyed by `CSV_HEADER`; numbers stay numbers.
pub fn json_document(rows: &[Row]) -> String {
    let items: Vec<Json> = rows
        .iter()
        .map(|r| {
            let mut m = Map::new();
            for (key, c) in CSV_HEADER.iter().zip(COLUMNS) {
                let cell = r.get(c);
                let v = match r.cell_kind(c) {
                    CellKind::Text => text_or_null(cell),
                    _ => cell.parse::<f64>().map(json_number).unwrap_or_else(|_| text_or_null(cell)),
                };
                m.insert((*key).to_string(), v);
            }
            Json::Object(m)
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

fn text_or_null(s: &str) -> Json {
    if s.is_empty() { Json::Null } else { json!(s) }
}

/// The columns of the workbook's summary sheet (one row per metric and unit).
pub const SUMMARY_HEADER: [&str; 8] = ["label", "unit", "count", "files", "sum", "min", "max", "latest period"];

/// An Excel workbook of the rows, as file bytes. Its first sheet, "figures",
/// has a bold, frozen header that filters, figures' numbers as numbers grouped
/// in thousands, offsets as plain numbers, everything else as text (never a
/// formula), and room for the text and the sentence. Its second, "summary",
/// has the totals per metric of [`workbench::summary`](crate::workbench::summary)
/// as the page shows them (sums only where adding up means something).
/// The error is the [`XlsxError`](xlsx::XlsxError)'s message (the page shows it as it is).
#[cfg(feature = "xlsx")]
pub fn xlsx_document(rows: &[Row], summary: &[crate::workbench::summary::Row]) -> Result<Vec<u8>, String> {
    xlsx_workbook(rows, summary).map_err(|e| e.to_string())
}

#[cfg(feature = "xlsx")]
fn xlsx_workbook(rows: &[Row], summary: &[crate::workbench::summary::Row]) -> Result<Vec<u8>, xlsx::XlsxError> {
    use xlsx::{Cell, Style, Workbook};
    let widths = [(Column::Text as usize, 16.0), (Column::Period as usize, 16.0), (Column::Sentence as usize, 60.0)];
    let mut book = Workbook::with_sheets(&["figures", "summary"], &widths, &CSV_HEADER)?;
    for row in rows {
        let cells = COLUMNS.iter().map(|&c| {
            let cell = row.get(c);
            let kind = row.cell_kind(c);
            match cell.parse::<f64>() {
                // "inf" and "NaN" parse too, but are no cell value: they stay text.
                Ok(n) if kind == CellKind::Amount && n.is_finite() => Cell::Amount(n),
                Ok(n) if kind == CellKind::Offset && n.is_finite() => Cell::Number(n),
                _ if cell.is_empty() => Cell::Empty,
                _ => Cell::Text(cell),
            }
        });
        book.row(cells, Style::Normal)?;
    }
    book.next_sheet(&[(0, 24.0), (7, 16.0)], &SUMMARY_HEADER)?;
    let amount = |n: Option<f64>| n.filter(|n| n.is_finite()).map_or(Cell::Empty, Cell::Amount);
    for r in summary {
        let cells = [
            Cell::Text(&r.label),
            Cell::Text(&r.unit),
            Cell::Number(r.count as f64),
            Cell::Number(r.files as f64),
            amount(r.sum),
            amount(r.min),
            amount(r.max),
            r.latest_period.as_deref().map_or(Cell::Empty, Cell::Text),
        ];
        book.row(cells.into_iter().map(|c| if c == Cell::Text("") { Cell::Empty } else { c }), Style::Normal)?;
    }
    book.finish()
}
