"""Spark local[2]: `shudu.spark.extract_figures` against the `shudu` CLI, document by document."""

import pytest

import shudu
import shudu.spark
from conftest import DOCUMENTS, cli_figures, long_text
from test_api import USER_DICT

pytest.importorskip("pyspark")


def key(start, kind, value):
    return (start, kind, value)


def cli_keys(text):
    return [key(f["start"], f["kind"], f["value"]) for f in cli_figures(text)]


def spark_keys(rows):
    """(start, kind, value) per document id, in text order."""
    by_doc = {}
    for r in rows:
        value = r["date"] if r["kind"] == "date" else r["value"]
        by_doc.setdefault(r["id"], []).append(key(r["start"], r["kind"], value))
    return {doc: sorted(keys, key=lambda k: k[0]) for doc, keys in by_doc.items()}


def documents_frame(spark, texts):
    return spark.createDataFrame(list(enumerate(texts)), "id BIGINT, text STRING").repartition(2)


def test_every_document_gives_the_clis_figures(spark):
    texts = [t for _, t in DOCUMENTS] + ["", None, long_text()]
    df = documents_frame(spark, texts)
    out = shudu.spark.extract_figures(df, keep=["id"])
    assert out.columns == ["id", *shudu.FIGURE_COLUMNS]
    got = spark_keys(out.collect())
    for doc, text in enumerate(texts):
        expected = sorted(cli_keys(text), key=lambda k: k[0]) if text else []
        assert got.get(doc, []) == expected, f"document {doc}"
    assert len(texts) - 2 == len(got)  # the empty and null texts have no rows


def test_the_schema_is_documented(spark):
    df = documents_frame(spark, ["全年完成投资14.8亿元。"])
    out = shudu.spark.extract_figures(df, keep=["id", "text"])
    types = {f.name: f.dataType.simpleString() for f in out.schema.fields}
    assert types == {
        "id": "bigint", "text": "string", "start": "bigint", "end": "bigint", "figure": "string",
        "kind": "string", "value": "double", "date": "string", "unit": "string", "approx": "string",
        "low": "double", "high": "double", "change": "string", "label": "string", "subject": "string",
        "period": "string",
    }
    [row] = out.collect()
    assert (row["figure"], row["value"], row["unit"], row["label"]) == ("14.8亿元", 1.48e9, "元", "完成投资")


def test_a_user_dictionary_reaches_the_executors(spark):
    texts = ["数读科技去年营收14.8亿元，长江存储增长20%。", DOCUMENTS[0][1]]
    df = documents_frame(spark, texts)
    out = shudu.spark.extract_figures(df, keep=["id"], dict=USER_DICT).collect()
    got = spark_keys(out)
    for doc, text in enumerate(texts):
        local = shudu.figures(text, dict=USER_DICT)
        assert got[doc] == [key(f["start"], f["kind"], f["value"]) for f in local]
    labels = {(r["id"], r["start"]): (r["label"], r["subject"]) for r in out}
    for doc, text in enumerate(texts):
        for f in shudu.figures(text, dict=USER_DICT):
            assert labels[(doc, f["start"])] == (f["label"], f["subject"])


def test_missing_columns_are_named(spark):
    df = documents_frame(spark, ["x"])
    with pytest.raises(ValueError, match="body"):
        shudu.spark.extract_figures(df, text="body")


def test_sql_table_function(spark):
    function = shudu.spark.register(spark)
    if function is None:
        pytest.skip("this Spark has no Arrow UDTFs (4.1+)")
    texts = [t for _, t in DOCUMENTS[:3]]
    documents_frame(spark, texts).createOrReplaceTempView("docs")
    rows = spark.sql("SELECT * FROM shudu_figures(TABLE(SELECT id, text FROM docs))").collect()
    got = spark_keys(rows)
    for doc, text in enumerate(texts):
        assert got[doc] == sorted(cli_keys(text), key=lambda k: k[0])
