"""The extraction pipeline as a Spark job: JSONL/Parquet articles to PLOVER JSONL/Parquet.

``run_spark_extract(inputs, out, master="local[2]", fmt="jsonl")`` is the Spark
twin of ``rasid extract``. It reads JSONL (``.jsonl``/``.jsonl.gz``) or
Parquet articles (the record fields ``rasid.read`` knows: ``text``, ``id``,
``title``, ``published``/``date``, ``url``, ``source``...), runs
:func:`rasid.cli.extract.extract_one` -- the very code of the serial path --
once per article inside ``mapPartitions`` (the pipeline's lexicons and models
load once per Python worker and are reused by every partition it runs), and
writes the events partitioned by event date, ``OUT/year=YYYY/month=MM/``:

* ``jsonl``   -- text files, one PLOVER record a line, byte-identical to the
  lines ``rasid extract`` writes for the same article;
* ``parquet`` -- the flat columns of ``rasid export --format parquet`` plus
  ``plover`` (the whole record as JSON).

Events without a date land in ``year=__HIVE_DEFAULT_PARTITION__``. Records
that cannot be read and articles whose extraction raises are reported (name
and reason, as ``rasid extract`` does) and do not stop the job.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["run_spark_extract", "SparkStats", "extract_partition", "spark_available"]

FORMATS = ("jsonl", "parquet")


@dataclass
class SparkStats:
    articles: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    out: str = ""


def spark_available() -> str | None:
    """None when PySpark and a Java runtime are usable, else the reason they are not."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "PySpark is not installed: pip install 'pyspark>=3.5'"
    import shutil

    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return "no Java runtime found (Spark needs Java 17+): install it or set JAVA_HOME"
    return None


# ---------------------------------------------------------------- executor side
_WARM = False


def _read_one(source: str, line_no: int, kind: str, payload: Any, option: dt.date | None) -> Iterator[Any]:
    """Article or ReadError for one JSONL line / one Parquet record, as ``rasid.read`` makes them."""
    from rasid.read.records import article_from_record

    if kind == "rec":
        yield article_from_record(payload, source, line_no, option)
        return
    try:
        from rasid.read.records import _one  # the JSONL reader's own per-line step
    except ImportError:  # pragma: no cover - fallback if the reader is reorganised
        from rasid.read.records import iter_jsonl_lines

        yield from iter_jsonl_lines([payload], source, option)
        return
    yield from _one(payload, line_no, source, option)


def extract_partition(rows: Iterable[tuple[str, int, str, Any]], option: str | None = None) -> Iterator[tuple]:
    """``mapPartitions`` body: ``(source, line, kind, payload)`` rows to result tuples.

    Yields ``("ev", year, month, json_line)`` per event, ``("ok",)`` per article
    extracted and ``("err", message)`` per unreadable record or failed article.
    """
    global _WARM
    from rasid.cli.extract import doc_name, extract_one
    from rasid.read import ReadError

    if not _WARM:  # once per Python worker process (Spark reuses workers across tasks)
        from rasid.parallel import warm

        warm()
        _WARM = True
    opt = dt.date.fromisoformat(option) if option else None
    for source, line_no, kind, payload in rows:
        for item in _read_one(source, line_no, kind, payload, opt):
            if isinstance(item, ReadError):
                yield ("err", str(item))
                continue
            try:
                events = extract_one(item)
            except Exception as e:  # one bad article never stops the others
                yield ("err", f"{doc_name(item)}: extraction failed ({type(e).__name__}: {e}); please report it")
                continue
            yield ("ok",)
            for d in events:
                date = str(d.get("date") or "")
                year, month = (date[:4], date[5:7]) if len(date) >= 7 else (None, None)
                yield ("ev", year, month, json.dumps(d, ensure_ascii=False))


def _plain(v: Any) -> Any:
    """Parquet values to what ``article_from_record`` reads from JSON (dates as ISO strings)."""
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _parquet_row(line: str, year: str | None, month: str | None, casts: list[str]) -> tuple:
    from rasid.export.parquet import _row

    vals = _row(json.loads(line))
    out: list[Any] = []
    for v, t in zip(vals, casts, strict=True):
        if v is not None and t == "DOUBLE":
            v = float(v)
        elif v is not None and t == "INTEGER":
            v = int(v)
        out.append(v)
    return (*out, year, month)


def _spark_schema(fmt: str) -> Any:
    from pyspark.sql import types as T

    part = [T.StructField("year", T.StringType()), T.StructField("month", T.StringType())]
    if fmt == "jsonl":
        return T.StructType([T.StructField("value", T.StringType()), *part])
    from rasid.export.parquet import COLUMNS

    kinds = {"VARCHAR": T.StringType(), "VARCHAR[]": T.ArrayType(T.StringType()), "DATE": T.DateType(),
             "DOUBLE": T.DoubleType(), "INTEGER": T.IntegerType()}
    return T.StructType([T.StructField(c, kinds[t]) for c, t in COLUMNS] + part)


# ---------------------------------------------------------------- driver side
def _is_parquet(path: str) -> bool:
    p = Path(path)
    return path.lower().endswith(".parquet") or (p.is_dir() and any(p.rglob("*.parquet")))


def run_spark_extract(
    inputs: list[str] | tuple[str, ...] | str,
    out: str,
    master: str | None = "local[2]",
    fmt: str = "jsonl",
    *,
    published: dt.date | None = None,
    partitions: int | None = None,
    overwrite: bool = False,
    spark: Any = None,
    quiet: bool = False,
) -> SparkStats:
    """Extract PLOVER events from JSONL/Parquet ``inputs`` with Spark into ``out`` (a folder).

    ``master`` is a Spark master URL (``local[N]``, ``spark://host:7077``,
    ``yarn``...; None keeps what ``spark-submit`` configured). ``spark`` reuses
    an existing SparkSession (it is then not stopped). Errors are reported on
    stderr unless ``quiet`` and returned in ``SparkStats.errors``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    why = spark_available()
    if why:
        raise RuntimeError(why)
    inputs = [inputs] if isinstance(inputs, str) else list(inputs)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run the interpreter that has rasid
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    own = spark is None
    if own:
        b = SparkSession.builder.appName("rasid-extract").config("spark.ui.enabled", "false")
        if master:
            b = b.master(master)
        spark = b.getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    try:
        rdds = []
        for path in inputs:
            if _is_parquet(path):
                df = spark.read.parquet(path)
                rdd = df.rdd.zipWithIndex().map(
                    lambda ri, src=path: (src, ri[1] + 1, "rec", _plain(ri[0].asDict(recursive=True))))
            else:
                rdd = sc.textFile(path).zipWithIndex().map(lambda li, src=path: (src, li[1] + 1, "line", li[0]))
            rdds.append(rdd)
        rows = sc.union(rdds) if len(rdds) > 1 else rdds[0]
        n_part = partitions or max(2, sc.defaultParallelism * 4)
        option = published.isoformat() if published else None
        results = rows.repartition(n_part).mapPartitions(lambda it: extract_partition(it, option))
        results.persist(StorageLevel.MEMORY_AND_DISK)
        counts = results.map(lambda t: t[0]).countByValue()
        stats = SparkStats(articles=counts.get("ok", 0), events=counts.get("ev", 0), out=out)
        stats.errors = sorted(results.filter(lambda t: t[0] == "err").map(lambda t: t[1]).collect())
        evs = results.filter(lambda t: t[0] == "ev")
        schema = _spark_schema(fmt)
        mode = "overwrite" if overwrite else "errorifexists"
        if fmt == "jsonl":
            df = spark.createDataFrame(evs.map(lambda t: (t[3], t[1], t[2])), schema)
            df.write.mode(mode).partitionBy("year", "month").option("compression", "none").text(out)
        else:
            from rasid.export.parquet import COLUMNS

            casts = [t for _, t in COLUMNS]
            df = spark.createDataFrame(evs.map(lambda t: _parquet_row(t[3], t[1], t[2], casts)), schema)
            df.write.mode(mode).partitionBy("year", "month").parquet(out)
        results.unpersist()
        if not quiet:
            for msg in stats.errors:
                print(f"rasid: {msg}", file=sys.stderr)
        return stats
    finally:
        if own:
            spark.stop()


def read_jsonl_output(out: str | Path) -> list[str]:
    """Every event line of a ``jsonl`` job output folder (for tests and quick checks)."""
    lines: list[str] = []
    for p in sorted(Path(out).rglob("part-*")):
        if p.name.endswith(".crc"):
            continue
        lines += [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines
