"""Shared fixtures: the sample documents and the CLI's figures for them."""

import functools
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "crates/core/testdata/decode"
REAL = ROOT.parent / "shared/corpus/real"


def documents():
    """(name, text) of every sample article and real-corpus text."""
    # The sample articles are NNN_hash.txt; the other files there are other encodings.
    paths = sorted(p for p in SAMPLES.glob("[0-9][0-9][0-9]_*.txt"))
    paths += sorted(REAL.glob("*.txt")) if REAL.is_dir() else []
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


DOCUMENTS = documents()


def cli():
    path = os.environ.get("SHUDU_CLI") or str(ROOT / "target/release/shudu")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no shudu CLI at {path} (set SHUDU_CLI)")
    return path


def cli_run(*args, text):
    out = subprocess.run([cli(), *args, "-"], input=text.encode(), capture_output=True, check=True)
    return out.stdout.decode()


@functools.lru_cache(maxsize=None)
def cli_figures(text):
    """`shudu figures --json` of the text."""
    return json.loads(cli_run("figures", "--json", text=text))["figures"]


def cli_segment(text):
    """`shudu segment` of the text, as (word, tag, start, end)."""
    rows = [line.split("\t") for line in cli_run("segment", text=text).splitlines()]
    return [(w, t, int(s), int(e)) for w, t, s, e in rows]


def long_text():
    """The documents repeated to over 256 KB (the engine cuts it in pieces)."""
    body = "\n".join(t for _, t in DOCUMENTS)
    text = body
    while len(text.encode()) <= 300 * 1024:
        text += "\n" + body
    return text


@pytest.fixture(scope="session")
def spark():
    pyspark = pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("shudu-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    assert pyspark.__version__
    yield session
    session.stop()
