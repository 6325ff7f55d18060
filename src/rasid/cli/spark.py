"""``rasid spark-extract INPUT... -o OUTDIR [--master local[2]] [--format jsonl|parquet]``.

The Spark twin of ``rasid extract`` for corpora too big for one machine (see
docs/spark.md). Exit status 2 when some records or articles failed (they are
reported on stderr with their name and the reason), as ``rasid extract`` does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from rasid.cli.options import parse_date

__all__ = ["COMMANDS", "spark_extract"]




@click.command("spark-extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False),
              help="Output folder (partitioned year=YYYY/month=MM).")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master URL; 'submit' keeps what spark-submit set.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True)
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD) for records without one.")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Partitions (default 4 per core).")
@click.option("--overwrite", is_flag=True, help="Replace OUTDIR if it exists.")
def spark_extract(inputs: tuple[str, ...], out: str, master: str, fmt: str, published: dt.date | None,
                  partitions: int | None, overwrite: bool) -> None:
    """Extract PLOVER events from JSONL(.gz)/Parquet articles with Apache Spark."""
    from rasid.spark.job import run_spark_extract, spark_available

    why = spark_available()
    if why:
        raise click.ClickException(why)
    if "://" not in out and Path(out).exists() and not overwrite:
        raise click.ClickException(f"{out} already exists: choose another folder or add --overwrite")
    stats = run_spark_extract(list(inputs), out, None if master == "submit" else master, fmt,
                              published=published, partitions=partitions, overwrite=overwrite)
    click.echo(f"rasid spark-extract: {stats.articles} articles, {stats.events} events, "
               f"{len(stats.errors)} errors -> {out}", err=True)
    if stats.errors:
        raise click.exceptions.Exit(2)


COMMANDS = [spark_extract]
