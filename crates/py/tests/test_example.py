"""The example job: Parquet of texts in, Parquet of figures out."""

import pathlib
import runpy

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DOCUMENTS, cli_figures
from test_api import USER_DICT

pytest.importorskip("pyspark")

JOB = pathlib.Path(__file__).resolve().parents[1] / "examples/parquet_job.py"


def test_the_parquet_job_writes_the_clis_figures(spark, tmp_path):
    texts = [t for _, t in DOCUMENTS[:4]] + [None]
    source = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"doc": [f"d{k}" for k in range(len(texts))], "body": texts}), source)
    user_dict = tmp_path / "userdict.txt"
    user_dict.write_text(USER_DICT, encoding="utf-8")
    job = runpy.run_path(str(JOB))
    out = tmp_path / "figures"
    job["main"]([str(source), str(out), "--text", "body", "--keep", "doc", "--dict", str(user_dict)])

    table = pq.read_table(out)
    assert table.schema.names[:4] == ["doc", "start", "end", "figure"]
    got = {}
    for r in table.to_pylist():
        value = r["date"] if r["kind"] == "date" else r["value"]
        got.setdefault(r["doc"], []).append((r["start"], r["kind"], value))
    for k, text in enumerate(texts):
        expected = [(f["start"], f["kind"], f["value"]) for f in cli_figures(text)] if text else []
        assert sorted(got.get(f"d{k}", [])) == sorted(expected)
