//! `analyze_batch`: an Arrow batch of texts in, an Arrow batch of figures
//! out (one row per figure), with no Python object per text or figure.

use crate::columns::{FIGURE_COLUMNS, FigureColumns};
use crate::engines;
use arrow_array::{
    Array, ArrayRef, Int64Array, LargeStringArray, RecordBatch, StringArray, StringViewArray, UInt32Array,
};
use arrow_pyarrow::PyArrowType;
use arrow_schema::{ArrowError, DataType, Field, Schema};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use shudu_core::export;
use std::sync::Arc;

/// The figures of every text in `batch[text]`, one row per figure: `row` (the
/// text's row in `batch`), then the `keep` columns of that row, then the
/// figure columns (`start`, `end`, `figure`, `kind`, `value`, `date`, ...).
/// Null and empty texts give no rows. Rows are analysed one after another on
/// this thread, with the GIL released.
#[pyfunction]
#[pyo3(signature = (batch, text = "text", keep = Vec::new(), *, dict = None))]
pub fn analyze_batch(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    text: &str,
    keep: Vec<String>,
    dict: Option<&str>,
) -> PyResult<PyArrowType<RecordBatch>> {
    let batch = batch.0;
    let schema = batch.schema();
    let names = || schema.fields().iter().map(|f| f.name().as_str()).collect::<Vec<_>>().join(", ");
    let column = |name: &str| {
        schema
            .index_of(name)
            .map_err(|_| PyValueError::new_err(format!("the batch has no column `{name}` (it has: {})", names())))
    };
    let texts = batch.column(column(text)?).clone();
    let kept = keep.iter().map(|k| column(k)).collect::<PyResult<Vec<_>>>()?;
    for k in &keep {
        if k == "row" || FIGURE_COLUMNS.iter().any(|c| c.name == k) {
            return Err(PyValueError::new_err(format!("`{k}` is a figure column; rename it before keeping it")));
        }
    }
    let texts = Texts::of(&texts)
        .ok_or_else(|| PyTypeError::new_err(format!("column `{text}` holds {}, not strings", texts.data_type())))?;
    let out = py.detach(|| -> Result<RecordBatch, BatchError> {
        let engine = engines::engine(dict)?;
        let mut rows = Vec::new();
        let mut figures = FigureColumns::new();
        for i in 0..texts.len() {
            let Some(t) = texts.get(i) else { continue };
            for f in engine.figures(t) {
                rows.push(i as u32);
                figures.push(&export::figure_json(&f));
            }
        }
        let rows = UInt32Array::from(rows);
        let mut fields = vec![Field::new("row", DataType::Int64, false)];
        let mut columns: Vec<ArrayRef> =
            vec![Arc::new(Int64Array::from_iter_values(rows.values().iter().map(|&r| i64::from(r))))];
        for &k in &kept {
            fields.push(schema.field(k).clone());
            columns.push(arrow_select::take::take(batch.column(k), &rows, None)?);
        }
        fields.extend(FIGURE_COLUMNS.iter().map(|c| c.field()));
        columns.extend(figures.finish());
        Ok(RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)?)
    });
    out.map(PyArrowType).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// What can go wrong while a batch is analysed.
#[derive(Debug)]
enum BatchError {
    Engine(engines::EngineError),
    Arrow(ArrowError),
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::Engine(e) => e.fmt(f),
            BatchError::Arrow(e) => write!(f, "cannot build the figures batch: {e}"),
        }
    }
}

impl From<engines::EngineError> for BatchError {
    fn from(e: engines::EngineError) -> Self {
        BatchError::Engine(e)
    }
}

impl From<ArrowError> for BatchError {
    fn from(e: ArrowError) -> Self {
        BatchError::Arrow(e)
    }
}

/// A text column in any of Arrow's string layouts (Spark sends `string` or
/// `large_string`, pyarrow may hold `string_view`).
enum Texts<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
}

impl<'a> Texts<'a> {
    fn of(array: &'a ArrayRef) -> Option<Self> {
        let any = array.as_any();
        any.downcast_ref()
            .map(Texts::Utf8)
            .or_else(|| any.downcast_ref().map(Texts::Large))
            .or_else(|| any.downcast_ref().map(Texts::View))
    }

    fn len(&self) -> usize {
        match self {
            Texts::Utf8(a) => a.len(),
            Texts::Large(a) => a.len(),
            Texts::View(a) => a.len(),
        }
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Texts::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}
