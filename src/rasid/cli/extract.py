"""``rasid extract INPUT... [-o OUT] [--published YYYY-MM-DD] [--workers N]``: PLOVER JSON Lines.

The contract (outside tools depend on it): one event a line; each line's ``doc``
is the record's ``id`` when given, else the input file's name; an input that
cannot be read is reported on stderr with its name and the reason, the others
are still processed, and the exit status is then 2.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from rasid import CODER
from rasid.cli.options import parse_date
from rasid.model import Article

__all__ = ["extract", "doc_name", "extract_one"]


def doc_name(art: Article) -> str:
    """The ``doc`` of an article's events: the record id, else the input file's name."""
    if art.id:
        return str(art.id)
    if art.path:
        base = art.path.split(":", 1)[0] if not Path(art.path).exists() else art.path
        return Path(base).name
    return "stdin"


def extract_one(art: Article) -> list[dict[str, Any]]:
    from rasid.pipeline import extract_article

    name = doc_name(art)
    out = []
    for e in extract_article(art):
        d = e.to_plover(CODER)
        d["doc"] = name
        out.append(d)
    return out




def _run_serial(items: Iterator[Any], out: TextIO, err: list[str]) -> int:
    from rasid.read import ReadError

    n = 0
    for item in items:
        if isinstance(item, ReadError):
            err.append(str(item))
            click.echo(f"rasid: {item}", err=True)
            continue
        try:
            events = extract_one(item)
        except Exception as e:  # one bad article never stops the others
            msg = f"{doc_name(item)}: extraction failed ({type(e).__name__}: {e}); please report it"
            err.append(msg)
            click.echo(f"rasid: {msg}", err=True)
            continue
        for d in events:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    return n


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out_path", type=click.Path(dir_okay=False), help="Write JSONL here (default stdout).")
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes (output order is kept).")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="spark: run the same pipeline as a PySpark job (-o is then an output folder).")
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL (with --engine spark).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True,
              help="Spark output format, partitioned by event year/month.")
@click.option("--ner", is_flag=True, help="Also run the statistical name tagger (slower; same as RASID_NER=1).")
def extract(inputs: tuple[str, ...], out_path: str | None, published: dt.date | None, workers: int, engine: str,
            master: str, fmt: str, ner: bool) -> None:
    """Extract PLOVER events from files, folders or - (stdin) as JSON Lines."""
    if ner:
        import os

        os.environ["RASID_NER"] = "1"  # read by the pipeline (and inherited by worker processes)
    from rasid.progress import estimate_articles, progress_iter, wants_progress
    from rasid.read import read_inputs

    if engine == "spark":
        if not out_path:
            raise click.UsageError("--engine spark writes a folder: give it with -o OUTDIR")
        from rasid.spark import run_spark_extract

        stats = run_spark_extract(list(inputs), out_path, master, fmt, published=published)
        click.echo(f"spark: {stats}", err=True)
        return
    errors: list[str] = []
    out: TextIO = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout  # noqa: SIM115
    try:
        items = read_inputs(list(inputs), published=published)
        if wants_progress():
            items = progress_iter(items, total=estimate_articles(list(inputs)), label="extract")
        if workers > 1:
            from rasid.parallel import run_parallel

            run_parallel(items, out, errors, workers)
        else:
            _run_serial(items, out, errors)
    finally:
        if out_path:
            out.close()
        else:
            out.flush()
    if errors:
        raise click.exceptions.Exit(2)
