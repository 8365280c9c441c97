"""The Python API against the `shudu` CLI (the same engine, called two ways)."""

import threading

import pyarrow as pa
import pytest

import shudu
from conftest import DOCUMENTS, cli_figures, cli_segment, long_text

USER_DICT = "数读科技 20 nt\n# a comment, and a word with a tag only\n长江存储 nt\n"


def test_the_spec_example():
    [figure] = shudu.figures("全年完成投资14.8亿元。")
    assert figure["text"] == "14.8亿元"
    assert figure["value"] == 1_480_000_000
    assert figure["unit"] == "元"
    assert figure["kind"] == "money"


@pytest.mark.parametrize("name,text", DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_figures_equal_the_cli(name, text):
    assert shudu.figures(text) == cli_figures(text)


@pytest.mark.parametrize("name,text", DOCUMENTS[:3], ids=[n for n, _ in DOCUMENTS[:3]])
def test_segment_equals_the_cli(name, text):
    assert shudu.segment(text) == cli_segment(text)


def test_a_text_over_256_kb_equals_the_cli():
    text = long_text()
    assert len(text.encode()) > 256 * 1024
    found = shudu.figures(text)
    assert len(found) > 1000
    assert found == cli_figures(text)


def test_empty_and_blank_texts_have_no_figures():
    assert shudu.figures("") == []
    assert shudu.figures(" \n") == []
    assert shudu.segment("") == []


def test_a_user_word_is_kept_whole():
    text = "数读科技去年营收14.8亿元，长江存储增长20%。"
    plain = [w for w, *_ in shudu.segment(text)]
    assert "数读科技" not in plain and "长江存储" not in plain
    words = {w: tag for w, tag, *_ in shudu.segment(text, dict=USER_DICT)}
    assert words["数读科技"] == "nt" and words["长江存储"] == "nt"
    # The figures are still found, with the same values.
    values = lambda found: [(f["start"], f["kind"], f["value"]) for f in found]  # noqa: E731
    assert values(shudu.figures(text, dict=USER_DICT)) == values(shudu.figures(text))


def test_a_bad_user_dictionary_says_which_line():
    with pytest.raises(ValueError, match="line 2"):
        shudu.figures("营收14.8亿元", dict="数读科技\n数读 十 nt\n")


def batch_of(texts, ids=None, type=pa.string()):
    ids = list(range(len(texts))) if ids is None else ids
    return pa.RecordBatch.from_arrays([pa.array(ids, pa.int64()), pa.array(texts, type)], names=["id", "text"])


def rows_of(out, row):
    """The figures of one input row, as dicts shaped like `shudu.figures`."""
    figures = []
    for r in out.to_pylist():
        if r["row"] != row:
            continue
        value = r["date"] if r["kind"] == "date" else r["value"]
        figures.append({"start": r["start"], "end": r["end"], "text": r["figure"], "kind": r["kind"], "value": value})
    return figures


def same_fields(found):
    return [
        {"start": f["start"], "end": f["end"], "text": f["text"], "kind": f["kind"], "value": f["value"]}
        for f in found
    ]


@pytest.mark.parametrize("type", [pa.string(), pa.large_string(), pa.string_view()], ids=str)
def test_a_batch_gives_each_rows_figures(type):
    texts = [t for _, t in DOCUMENTS[:4]] + [None, ""]
    out = shudu.analyze_batch(batch_of(texts, type=type), keep=["id"])
    assert isinstance(out, pa.RecordBatch)
    assert out.schema.names == ["row", "id", *shudu.FIGURE_COLUMNS]
    for row, text in enumerate(texts):
        expected = same_fields(cli_figures(text)) if text else []
        assert rows_of(out, row) == expected
    assert out.column("id").to_pylist() == out.column("row").to_pylist()


def test_batch_columns_follow_the_json_export():
    text = "2023年7月10日，销售额约14.8亿元，同比增长7.5%，投资2-3亿元。"
    out = shudu.analyze_batch(batch_of([text])).to_pylist()
    found = shudu.figures(text)
    assert len(out) == len(found)
    for r, f in zip(out, found):
        is_date = f["kind"] == "date"
        assert r["value"] == (None if is_date else f["value"])
        assert r["date"] == (f["value"] if is_date else None)
        for key in ["unit", "approx", "low", "high", "change", "label", "subject"]:
            assert r[key] == f[key], key
        assert r["period"] == f.get("period")
    assert {r["kind"] for r in out} >= {"date", "money", "percent"}


def test_a_batch_with_a_user_dictionary():
    out = shudu.analyze_batch(batch_of(["数读科技去年营收14.8亿元"]), dict=USER_DICT)
    assert out.column("value").to_pylist() == [1_480_000_000]


def test_batch_errors_name_the_columns():
    with pytest.raises(ValueError, match="no column `body`"):
        shudu.analyze_batch(batch_of(["x"]), text="body")
    with pytest.raises(TypeError, match="not strings"):
        shudu.analyze_batch(batch_of(["x"]), text="id")
    with pytest.raises(ValueError, match="figure column"):
        shudu.analyze_batch(pa.RecordBatch.from_pydict({"text": ["x"], "kind": ["y"]}), keep=["kind"])


def test_threads_share_the_engine():
    # The GIL is released while the engine works: several threads at once
    # give each its own text's figures.
    texts = [t for _, t in DOCUMENTS]
    results = [None] * len(texts)

    def work(k):
        results[k] = shudu.figures(texts[k])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(texts))]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert results == [cli_figures(t) for t in texts]
