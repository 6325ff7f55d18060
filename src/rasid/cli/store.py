"""Store commands: ``rasid ingest``, ``rasid query``, ``rasid export``, ``rasid fuse``.

Fusion runs once at the end of every ingest (``--no-fuse`` skips it) and on its
own with ``rasid fuse``: it is a global, deterministic clustering over all
stored events, so its result does not depend on ingest order or on where an
interrupted ingest stopped (see :mod:`rasid.store.ingest`).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from rasid.cli.options import parse_date
from rasid.store import EventFilter, default_url, open_store

__all__ = ["COMMANDS", "ingest", "query", "export", "fuse", "group"]




def _near(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as e:
        raise click.BadParameter("expected LAT,LON,KM e.g. 33.51,36.29,50") from e
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
        raise click.BadParameter("latitude/longitude out of range or negative radius")
    return lat, lon, km


db_option = click.option("--db", "db", default=None, metavar="URL",
                         help="store URL: duckdb:///PATH or postgresql://... (default: $RASID_DB or ./rasid.duckdb)")


def filter_options(f: Any) -> Any:
    opts = [
        click.option("--country", metavar="ISO3", help="actor, recipient or location country"),
        click.option("--actor", metavar="TEXT", help="substring of an actor/recipient name or code"),
        click.option("--type", "types", multiple=True, metavar="T", help="PLOVER event type (repeatable)"),
        click.option("--since", callback=parse_date, metavar="YYYY-MM-DD"),
        click.option("--until", callback=parse_date, metavar="YYYY-MM-DD"),
        click.option("--near", callback=_near, metavar="LAT,LON,KM", help="within KM of a point (haversine)"),
        click.option("--text", metavar="Q", help="substring of the Arabic evidence"),
        click.option("--fused", is_flag=True, help="one row per fused event (its representative)"),
        click.option("--limit", type=click.IntRange(min=0), default=None),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _filter(kw: dict[str, Any]) -> EventFilter:
    types = [t for v in kw.get("types") or () for t in v.split(",")]
    return EventFilter(country=kw.get("country"), actor=kw.get("actor"), types=types, since=kw.get("since"),
                       until=kw.get("until"), near=kw.get("near"), text=kw.get("text"),
                       fused_only=bool(kw.get("fused")), limit=kw.get("limit"))


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="extraction processes")
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD", help="publication date for undated inputs")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="articles per transaction")
@click.option("--fuse/--no-fuse", default=True, show_default=True, help="recompute fused events at the end")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
def ingest(inputs: tuple[str, ...], db: str | None, workers: int, published: dt.date | None,
           batch_size: int, fuse: bool, quiet: bool) -> None:
    """Read INPUT files/dirs, extract events and store them (idempotent, resumable)."""
    from rasid.store.ingest import ingest as run_ingest

    with open_store(db) as store:
        st = run_ingest(store, inputs, published=published, workers=workers, batch_size=batch_size,
                        fuse=fuse, progress=not quiet)
    msg = (f"read {st.read} articles: added {st.added} ({st.events} events), skipped {st.skipped} "
           f"already stored, {st.errors} read errors")
    if st.fusion:
        msg += f"; fused {st.fusion['events']} events into {st.fusion['fused']} ({st.fusion['multi']} multi-source)"
    click.echo(msg, err=True)
    if st.errors and not st.added:
        sys.exit(1)


@click.command()
@db_option
@filter_options
@click.option("--json", "as_json", is_flag=True, help="JSON Lines of PLOVER records instead of a table")
def query(db: str | None, as_json: bool, **kw: Any) -> None:
    """Search stored events."""
    flt = _filter(kw)
    if flt.limit is None and not as_json:
        flt.limit = 50
    with open_store(db) as store:
        events = list(store.iter_events(flt))
    if as_json:
        for ev in events:
            click.echo(json.dumps(ev, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("date", "type", "actor", "recipient", "place", "src"):
        t.add_column(col, overflow="fold")
    t.add_column("evidence (trigger)", overflow="ellipsis", no_wrap=True, max_width=48)
    for ev in events:
        st = ev.get("_store") or {}
        loc = ev.get("event_loc") or {}
        t.add_row(
            ev.get("date") or "",
            ",".join(ev.get("event") or []),
            "; ".join(f"{a.get('code') or '?'} {a.get('entity_text') or ''}".strip() for a in ev.get("actor") or []),
            "; ".join(f"{a.get('code') or '?'} {a.get('entity_text') or ''}".strip()
                      for a in ev.get("recipient") or []),
            loc.get("resolved_place") or loc.get("extracted_place") or "",
            str(st.get("n_sources") or ""),
            _trigger_context(ev),
        )
    import sys as _sys

    Console(width=None if _sys.stdout.isatty() else 160).print(t)


def _trigger_context(ev: dict[str, Any]) -> str:
    """A few words of evidence around the trigger (the whole sentence is in --json)."""
    text = ev.get("event_text") or ""
    ti = ev.get("text_info") or {}
    trig = ti.get("trigger") or {}
    if trig and ti.get("start") is not None:
        k = max(0, int(trig.get("start", 0)) - int(ti["start"]) - 20)
        if k:
            k = text.rfind(" ", 0, k) + 1  # start on a word
        return text[k:k + 80]
    return text[:80]


@click.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover", "acled", "cameo", "geojson", "graphml", "gexf", "parquet"]))
@click.option("-o", "--output", "out", default="-", metavar="OUT", help="output file ('-' = stdout)")
@db_option
@filter_options
def export(fmt: str, out: str, db: str | None, **kw: Any) -> None:
    """Export stored events (PLOVER JSONL, ACLED CSV, CAMEO TSV, GeoJSON, GraphML, GEXF, Parquet)."""
    from rasid.export import export as run_export

    if fmt == "parquet" and out == "-":
        raise click.UsageError("parquet needs -o FILE")
    with open_store(db) as store:
        events = store.iter_events(_filter(kw))
        n = run_export(events, fmt, sys.stdout if out == "-" else out)
    click.echo(f"exported {n} {'edges' if fmt in ('graphml', 'gexf') else 'records'} as {fmt}", err=True)


@click.command()
@db_option
def fuse(db: str | None) -> None:
    """Recompute fused events (same real-world event from several articles)."""
    with open_store(db) as store:
        st = store.fuse()
    click.echo(f"fused {st['events']} events into {st['fused']} ({st['multi']} from several articles)", err=True)


@click.command("db-info")
@db_option
def db_info(db: str | None) -> None:
    """Show the store URL, schema version and table sizes."""
    with open_store(db) as store:
        click.echo(json.dumps({"url": store.url if db else default_url(), "schema_version": store.schema_version(),
                               **store.counts()}, ensure_ascii=False))


COMMANDS = [ingest, query, export, fuse, db_info]


@click.group()
def group() -> None:
    """Store commands on their own (``python -m rasid.cli.store``)."""


for _c in COMMANDS:
    group.add_command(_c)

if __name__ == "__main__":  # pragma: no cover
    group()
