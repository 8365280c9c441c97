"""Figures of a Parquet table of texts, written as Parquet: one row per figure.

    spark-submit parquet_job.py INPUT OUTPUT [--text text] [--keep id,date] [--dict userdict.txt]

INPUT is a Parquet file or folder with a string column of texts (``--text``,
default ``text``); OUTPUT gets the ``--keep`` columns of each text's row
(default ``id``) and the figure columns (see the README's schema). The
cluster needs the ``shudu`` wheel installed (or shipped with ``--archives``).
"""

import argparse

from pyspark.sql import SparkSession

import shudu.spark


def main(argv=None):
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("input")
    args.add_argument("output")
    args.add_argument("--text", default="text", help="the column of texts (default: text)")
    args.add_argument("--keep", default="id", help="columns to keep, comma-separated (default: id)")
    args.add_argument("--dict", help="a user dictionary (jieba's userdict.txt form)")
    args.add_argument("--mode", default="errorifexists", help="Parquet write mode (e.g. overwrite)")
    opts = args.parse_args(argv)

    # The dictionary is read here, on the driver, and sent as text with the job.
    user_dict = open(opts.dict, encoding="utf-8").read() if opts.dict else None
    keep = [c for c in opts.keep.split(",") if c]
    spark = SparkSession.builder.appName("shudu-figures").getOrCreate()
    texts = spark.read.parquet(opts.input)
    figures = shudu.spark.extract_figures(texts, text=opts.text, keep=keep, dict=user_dict)
    figures.write.mode(opts.mode).parquet(opts.output)


if __name__ == "__main__":
    main()
