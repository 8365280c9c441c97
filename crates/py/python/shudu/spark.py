"""Shudu on Spark: figures of a DataFrame's texts, one row per figure.

``extract_figures`` runs on ``DataFrame.mapInArrow``: each Python worker gets
Arrow batches of texts and hands them to the engine whole (no Python object
per text or figure). The engine is built lazily in each worker process, on
its first batch; a user dictionary travels as text with the function.

``register`` makes the same available to SQL as a table function where Spark
has Arrow UDTFs (4.1 and later)::

    SELECT * FROM shudu_figures(TABLE(SELECT id, text FROM docs))
"""

import shudu

#: The figure columns as Spark DDL, after the ``keep`` columns.
FIGURE_SCHEMA = (
    "start BIGINT, `end` BIGINT, figure STRING, kind STRING, value DOUBLE, date STRING, "
    "unit STRING, approx STRING, low DOUBLE, high DOUBLE, change STRING, label STRING, "
    "subject STRING, period STRING"
)


def figure_schema(keep_fields=()):
    """The output schema: the ``keep`` fields, then the figure columns
    (built from types, not parsed from DDL, so Spark 3.4 and 3.5 have it too)."""
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    types = {"BIGINT": LongType(), "DOUBLE": DoubleType(), "STRING": StringType()}
    schema = StructType(list(keep_fields))
    for column in FIGURE_SCHEMA.split(", "):
        name, kind = column.split(" ")
        schema.add(StructField(name.strip("`"), types[kind], nullable=True))
    return schema


def _figures_of(text, keep, dict):
    columns = list(keep) + list(shudu.FIGURE_COLUMNS)

    def run(batches):
        for batch in batches:
            out = shudu.analyze_batch(batch, text, keep, dict=dict)
            yield out.select(columns)

    return run


def extract_figures(df, text="text", keep=(), *, dict=None):
    """One row per figure of ``df[text]``, with the ``keep`` columns of its row.

    Columns, in order: the ``keep`` columns, then ``start``, ``end``
    (character offsets in the text), ``figure`` (its text), ``kind``
    (money, percent, count, quantity, duration, date, rank), ``value``
    (double; null for dates), ``date`` (ISO-8601 text for dates), ``unit``,
    ``approx`` (over, under, about), ``low``, ``high`` (a range's ends),
    ``change`` (up, down), ``label``, ``subject``, ``period``.
    Null and empty texts give no rows. ``dict``: a user dictionary's text.
    """
    keep = list(keep)
    missing = [c for c in [text, *keep] if c not in df.columns]
    if missing:
        raise ValueError(f"the DataFrame has no column {missing} (it has: {df.columns})")
    clash = [c for c in keep if c in shudu.FIGURE_COLUMNS or c == "row"]
    if clash:
        raise ValueError(f"{clash} are figure columns; rename them before keeping them")
    fields = [df.schema[c] for c in keep]
    # Only the columns needed travel to Python (a kept column may be the text).
    source = df.select(*{name: None for name in [*keep, text]})
    return source.mapInArrow(_figures_of(text, keep, dict), figure_schema(fields))


def register(spark, name="shudu_figures", *, text="text", keep="id BIGINT", dict=None):
    """Register ``name`` as a SQL table function over a table of texts:
    ``SELECT * FROM shudu_figures(TABLE(SELECT id, text FROM docs))``.

    ``keep`` is the DDL of the columns carried from each text's row to its
    figures (they must be in the table). Needs Spark's Arrow UDTFs (4.1+):
    returns the registered function, or None (nothing registered) on an
    older Spark.
    """
    try:
        from pyspark.sql.functions import arrow_udtf
    except ImportError:
        return None
    from pyspark.sql.types import StructType

    keep_fields = StructType.fromDDL(keep).fields if keep else []
    keep_names = [f.name for f in keep_fields]
    run = _figures_of(text, keep_names, dict)

    class ShuduFigures:
        def eval(self, batch):
            yield from run([batch])

    function = arrow_udtf(ShuduFigures, returnType=figure_schema(keep_fields))
    spark.udtf.register(name, function)
    return function
