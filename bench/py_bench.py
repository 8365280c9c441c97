"""Documents per CPU-second: the engine alone (the release CLI), the Python
API (`shudu.figures` per text, `shudu.analyze_batch` per batch) and Spark
`local[2]` (`shudu.spark.extract_figures`, on `mapInArrow`), on the same
corpus: the 1,000 files of bench/corpus/batch/ (~10 KB each; `node
bench/corpus.mjs` builds them). Run through `scripts/test-py.sh --bench`
(from scripts/bench.sh), which builds and installs the wheel first.

CPU seconds are user + system time of every process doing the work: the CLI
process; this process for the Python API; for Spark, the JVM and its Python
workers (every process under this one, from /proc, children they reaped
included). The engine's set-up (about a second per process) is left out of
the CLI's and the Python API's numbers, and is inside Spark's (each Python
worker builds its own). Prints a table; writes bench/results-py.json.
"""

import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")


def corpus(folder):
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        sys.exit(f"py_bench: no corpus in {folder} (run `node bench/corpus.mjs`)")
    return [p.read_text(encoding="utf-8") for p in paths], paths


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli(binary, folder, tiny, runs):
    """CPU seconds of `shudu figures DIR`, less those of a one-line file (start + engine)."""

    def cpu(arg):
        before = children_cpu()
        subprocess.run([binary, "figures", str(arg)], check=True, stdout=subprocess.DEVNULL)
        return children_cpu() - before

    start = min(cpu(tiny) for _ in range(runs))
    return min(cpu(folder) for _ in range(runs)) - start, start


def python_api(texts, runs):
    import shudu

    shudu.figures("去年完成投资14.8亿元。")  # the engine is built here, not in the runs
    best = None
    figures = 0
    for _ in range(runs):
        t0 = time.process_time()
        figures = sum(len(shudu.figures(t)) for t in texts)
        spent = time.process_time() - t0
        best = spent if best is None else min(best, spent)
    return best, figures


def python_batch(texts, runs):
    import pyarrow as pa

    import shudu

    batch = pa.RecordBatch.from_pydict({"id": list(range(len(texts))), "text": texts})
    shudu.analyze_batch(batch.slice(0, 1))
    best = None
    for _ in range(runs):
        t0 = time.process_time()
        rows = shudu.analyze_batch(batch, keep=["id"]).num_rows
        spent = time.process_time() - t0
        best = spent if best is None else min(best, spent)
    return best, rows


def tree_cpu(root):
    """user+system seconds (with reaped children's) of every process under `root`, by pid."""
    parents = {}
    seconds = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = open(f"/proc/{entry}/stat").read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry)] = int(fields[1])
        seconds[int(entry)] = sum(int(x) for x in fields[11:15]) / TICK
    under = {root}
    grew = True
    while grew:
        new = {p for p, parent in parents.items() if parent in under and p not in under}
        under |= new
        grew = bool(new)
    return {p: seconds[p] for p in under if p in seconds}


def spark_job(texts, runs):
    from pyspark.sql import SparkSession

    import shudu.spark

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("shudu-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    docs = spark.createDataFrame(list(enumerate(texts)), "id BIGINT, text STRING").repartition(4).cache()
    docs.count()
    best = None
    wall = None
    for _ in range(runs):
        before = tree_cpu(os.getpid())
        t0 = time.perf_counter()
        shudu.spark.extract_figures(docs, keep=["id"]).write.format("noop").mode("overwrite").save()
        took = time.perf_counter() - t0
        after = tree_cpu(os.getpid())
        spent = sum(s - before.get(p, 0.0) for p, s in after.items())
        if best is None or spent < best:
            best, wall = spent, took
    figures = shudu.spark.extract_figures(docs).count()
    spark.stop()
    return best, wall, figures


def main():
    args = argparse.ArgumentParser(description="documents per CPU-second: CLI, Python API, Spark")
    args.add_argument("--corpus", default=str(ROOT / "bench/corpus/batch"))
    args.add_argument("--cli", default=str(ROOT / "target/release/shudu"))
    args.add_argument("--runs", type=int, default=3)
    args.add_argument("--skip-spark", action="store_true")
    opts = args.parse_args()

    folder = pathlib.Path(opts.corpus)
    texts, _ = corpus(folder)
    docs = len(texts)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    tiny = ROOT / "target/py-bench-tiny.txt"
    tiny.write_text("去年完成投资14.8亿元，增长12.5%。\n", encoding="utf-8")

    results = {"documents": docs, "megabytes": round(mb, 2), "runs": opts.runs, "rows": {}}
    rows = results["rows"]
    cli_cpu, start = cli(opts.cli, folder, tiny, opts.runs)
    rows["engine alone (shudu CLI)"] = {"cpu_s": cli_cpu, "startup_cpu_s": start}
    api_cpu, figures = python_api(texts, opts.runs)
    rows["Python API (shudu.figures per text)"] = {"cpu_s": api_cpu, "figures": figures}
    batch_cpu, batch_rows = python_batch(texts, opts.runs)
    rows["Python API (analyze_batch, one batch)"] = {"cpu_s": batch_cpu, "figures": batch_rows}
    if not opts.skip_spark:
        spark_cpu, wall, spark_rows = spark_job(texts, opts.runs)
        rows["Spark local[2] (extract_figures, mapInArrow)"] = {
            "cpu_s": spark_cpu,
            "wall_s": wall,
            "figures": spark_rows,
        }

    print(f"\n{docs} documents, {mb:.1f} MB, best of {opts.runs} runs")
    print(f"{'':48} {'CPU s':>8} {'docs / CPU s':>13} {'MB / CPU s':>11}")
    for name, row in rows.items():
        row["docs_per_cpu_s"] = round(docs / row["cpu_s"], 1)
        row["mb_per_cpu_s"] = round(mb / row["cpu_s"], 2)
        row["cpu_s"] = round(row["cpu_s"], 3)
        print(f"{name:48} {row['cpu_s']:8.2f} {row['docs_per_cpu_s']:13.1f} {row['mb_per_cpu_s']:11.2f}")
    engine = rows["engine alone (shudu CLI)"]["cpu_s"]
    for name, row in rows.items():
        row["share_of_engine_alone"] = round(engine / row["cpu_s"], 3)
    out = ROOT / "bench/results-py.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nall numbers: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
