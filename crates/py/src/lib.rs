//! `shudu` for Python: the engine of the CLI and the page, called from
//! CPython (one abi3 wheel for 3.10+) and from Spark through Arrow batches.
//!
//! Nothing is set up at import: the engine is built on first use in each
//! process (a Spark worker builds its own), and the GIL is released while it
//! works. The Python side (`python/shudu/`) re-exports these functions and
//! adds `shudu.spark`.

mod batch;
mod columns;
mod engines;
mod pyjson;
mod userdict;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use shudu_core::export;

/// The figures of `text`, each a dict in the JSON shape of the spec
/// (`text`, `start`, `end`, `kind`, `value`, `unit`, ...; offsets in characters).
/// `dict`: a user dictionary, jieba's `userdict.txt` text (`word [freq] [tag]` per line).
#[pyfunction]
#[pyo3(signature = (text, *, dict = None))]
fn figures<'py>(py: Python<'py>, text: &str, dict: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    let found = py.detach(|| {
        let engine = engines::engine(dict)?;
        Ok::<_, engines::EngineError>(engine.figures(text).iter().map(export::figure_json).collect::<Vec<_>>())
    });
    let found = found.map_err(|e| PyValueError::new_err(e.to_string()))?;
    pyjson::to_python(py, &serde_json::Value::Array(found))
}

/// The words of `text` as `(word, tag, start, end)` tuples (offsets in
/// characters), blanks left out, as `shudu segment` prints them.
#[pyfunction]
#[pyo3(signature = (text, *, dict = None))]
fn segment(py: Python<'_>, text: &str, dict: Option<&str>) -> PyResult<Vec<(String, &'static str, usize, usize)>> {
    let words = py.detach(|| {
        let engine = engines::engine(dict)?;
        Ok::<_, engines::EngineError>(
            engine
                .tag(text)
                .into_iter()
                .filter(|t| !t.word(text).trim().is_empty())
                .map(|t| (t.word(text).to_string(), t.tag.as_str(), t.start, t.end))
                .collect(),
        )
    });
    words.map_err(|e| PyValueError::new_err(e.to_string()))
}

#[pymodule]
fn _shudu(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(figures, m)?)?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(batch::analyze_batch, m)?)?;
    m.add("FIGURE_COLUMNS", columns::FIGURE_COLUMNS.iter().map(|c| c.name).collect::<Vec<_>>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
