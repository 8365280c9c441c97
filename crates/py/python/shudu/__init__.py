"""Shudu: find every figure stated in Chinese text.

The engine is the one of the ``shudu`` command and the web page (Rust), built
into this package. Nothing is loaded at import: the first call in a process
builds the engine (about a second), later calls reuse it.

- ``figures(text, *, dict=None)``: the figures of one text, as dicts in the
  spec's JSON shape (``text``, ``start``, ``end``, ``kind``, ``value``, ...).
- ``segment(text, *, dict=None)``: the words, as ``(word, tag, start, end)``.
- ``analyze_batch(batch, text="text", keep=(), *, dict=None)``: a
  ``pyarrow.RecordBatch`` of texts in, one of figures out.
- ``shudu.spark``: the same on Spark DataFrames.

``dict`` is a user dictionary in jieba's ``userdict.txt`` form, as text:
one word a line, optionally followed by a frequency and a tag.
"""

from ._shudu import FIGURE_COLUMNS, __version__, figures, segment
from ._shudu import analyze_batch as _analyze_batch

__all__ = ["FIGURE_COLUMNS", "__version__", "analyze_batch", "figures", "segment"]


def analyze_batch(batch, text="text", keep=(), *, dict=None):
    """The figures of every text of ``batch[text]``, one row per figure.

    Columns: ``row`` (the text's row in ``batch``), the ``keep`` columns of
    that row, then ``FIGURE_COLUMNS``: ``start``, ``end`` (character offsets),
    ``figure`` (the figure's text), ``kind``, ``value`` (float; null for
    dates), ``date`` (ISO-8601 text for dates), ``unit``, ``approx``, ``low``,
    ``high``, ``change``, ``label``, ``subject``, ``period``. Null and empty
    texts give no rows. ``batch`` is a ``pyarrow.RecordBatch`` (or anything
    exporting ``__arrow_c_array__``); the result is a ``pyarrow.RecordBatch``.
    """
    return _analyze_batch(batch, text, list(keep), dict=dict)
