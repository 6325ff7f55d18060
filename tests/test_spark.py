"""The Spark job codes exactly what the serial ``rasid extract`` codes (local[2]).

A sample of the shared news corpus is written at test time (the corpus itself is
never copied into the repo); the test skips when /work/shared, PySpark or Java
is missing.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared/data/news/saudinewsnet-2015-07.jsonl.gz"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/data/news/saudinewsnet-2015-07.jsonl.gz")
N = 150


@pytest.fixture(scope="module")
def spark():
    if not CORPUS.exists():
        pytest.skip("shared news corpus not available")
    from rasid.spark import spark_available

    why = spark_available()
    if why:
        pytest.skip(why)
    import os
    import sys

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    s = (SparkSession.builder.master("local[2]").appName("rasid-test")
         .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    if not CORPUS.exists():
        pytest.skip("shared news corpus not available")
    d = tmp_path_factory.mktemp("spark")
    p = d / "sample.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh, p.open("w", encoding="utf-8") as out:
        for line in itertools.islice(fh, N):
            out.write(line)
        out.write('{"id": "no-text"}\n')  # a record the reader rejects: reported, the others go on
    return p


def _serial(path: Path) -> tuple[list[str], list[str]]:
    from rasid.cli.extract import extract_one
    from rasid.read import ReadError, read_inputs

    lines, errors = [], []
    for it in read_inputs([str(path)]):
        if isinstance(it, ReadError):
            errors.append(str(it))
            continue
        lines += [json.dumps(d, ensure_ascii=False) for d in extract_one(it)]
    return lines, errors


def test_spark_jsonl_equals_serial(spark, sample: Path, tmp_path: Path) -> None:
    from rasid.spark import read_jsonl_output, run_spark_extract

    out = tmp_path / "out"
    stats = run_spark_extract([str(sample)], str(out), fmt="jsonl", spark=spark, quiet=True)
    expected, errors = _serial(sample)
    got = read_jsonl_output(out)
    assert len(expected) > 100  # the sample is big enough to mean something
    assert sorted(got) == sorted(expected)
    assert stats.articles == N and stats.events == len(expected)
    assert stats.errors == errors and len(errors) == 1
    # partitioned by event date
    for p in out.rglob("part-*"):
        if p.name.endswith(".crc") or "__HIVE_DEFAULT" in str(p):
            continue
        year, month = p.parent.parent.name, p.parent.name
        for line in p.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            assert year == f"year={d['date'][:4]}" and month == f"month={d['date'][5:7]}"


def test_spark_parquet_in_and_out(spark, sample: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    from rasid.export.plover import plover_only
    from rasid.spark import run_spark_extract

    recs = [json.loads(x) for x in sample.read_text(encoding="utf-8").splitlines()[:40]]
    src = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(recs), src)
    out = tmp_path / "out"
    stats = run_spark_extract([str(src)], str(out), fmt="parquet", spark=spark, quiet=True)
    jsonl = tmp_path / "same.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    expected, _ = _serial(jsonl)
    table = pq.read_table(out)
    got = sorted(table.column("plover").to_pylist())
    want = sorted(json.dumps(plover_only(json.loads(x)), ensure_ascii=False) for x in expected)
    assert got == want and stats.events == len(expected) > 0
    assert {"year", "month", "event_type", "date"} <= set(table.column_names)
