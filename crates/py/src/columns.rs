//! The figure columns of an Arrow batch, filled from the core's JSON export
//! of each figure (`export::figure_json`), so a field the core adds to its
//! export reaches Python and Spark without a second mapping of `Figure`.

use arrow_array::ArrayRef;
use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_schema::{DataType, Field};
use serde_json::Value;
use std::sync::Arc;

/// How a column's cell is read from a figure's JSON object.
#[derive(Clone, Copy)]
pub enum Source {
    /// An integer field.
    Int(&'static str),
    /// A number field (null otherwise).
    Number(&'static str),
    /// A text field; another JSON value is kept as its JSON text.
    Text(&'static str),
    /// The value when it is text: a date's ISO-8601 form (`value` is null then).
    TextOf(&'static str),
}

pub struct Column {
    pub name: &'static str,
    pub source: Source,
    pub nullable: bool,
}

const fn col(name: &'static str, source: Source, nullable: bool) -> Column {
    Column { name, source, nullable }
}

/// The figure columns, in order (documented in crates/py/README.md).
pub const FIGURE_COLUMNS: [Column; 14] = [
    col("start", Source::Int("start"), false),
    col("end", Source::Int("end"), false),
    col("figure", Source::Text("text"), false),
    col("kind", Source::Text("kind"), false),
    col("value", Source::Number("value"), true),
    col("date", Source::TextOf("value"), true),
    col("unit", Source::Text("unit"), true),
    col("approx", Source::Text("approx"), true),
    col("low", Source::Number("low"), true),
    col("high", Source::Number("high"), true),
    col("change", Source::Text("change"), true),
    col("label", Source::Text("label"), true),
    col("subject", Source::Text("subject"), true),
    // Read when the core's export has it (null until then).
    col("period", Source::Text("period"), true),
];

impl Column {
    pub fn field(&self) -> Field {
        let ty = match self.source {
            Source::Int(_) => DataType::Int64,
            Source::Number(_) => DataType::Float64,
            Source::Text(_) | Source::TextOf(_) => DataType::Utf8,
        };
        Field::new(self.name, ty, self.nullable)
    }
}

enum Builder {
    Int(Int64Builder),
    Number(Float64Builder),
    Text(StringBuilder),
}

/// The figure columns being filled, one figure (row) at a time.
pub struct FigureColumns {
    builders: Vec<Builder>,
}

impl FigureColumns {
    pub fn new() -> Self {
        let builders = FIGURE_COLUMNS
            .iter()
            .map(|c| match c.source {
                Source::Int(_) => Builder::Int(Int64Builder::new()),
                Source::Number(_) => Builder::Number(Float64Builder::new()),
                Source::Text(_) | Source::TextOf(_) => Builder::Text(StringBuilder::new()),
            })
            .collect();
        FigureColumns { builders }
    }

    /// Add one figure, as the core exports it (a JSON object).
    pub fn push(&mut self, figure: &Value) {
        for (column, builder) in FIGURE_COLUMNS.iter().zip(&mut self.builders) {
            match (column.source, builder) {
                (Source::Int(key), Builder::Int(b)) => b.append_option(figure[key].as_i64()),
                (Source::Number(key), Builder::Number(b)) => b.append_option(figure[key].as_f64()),
                (Source::TextOf(key), Builder::Text(b)) => b.append_option(figure[key].as_str()),
                (Source::Text(key), Builder::Text(b)) => match &figure[key] {
                    Value::Null => b.append_null(),
                    Value::String(s) => b.append_value(s),
                    other => b.append_value(other.to_string()),
                },
                _ => unreachable!("each column's builder is made from its source"),
            }
        }
    }

    pub fn finish(self) -> Vec<ArrayRef> {
        self.builders
            .into_iter()
            .map(|b| -> ArrayRef {
                match b {
                    Builder::Int(mut b) => Arc::new(b.finish()),
                    Builder::Number(mut b) => Arc::new(b.finish()),
                    Builder::Text(mut b) => Arc::new(b.finish()),
                }
            })
            .collect()
    }
}
