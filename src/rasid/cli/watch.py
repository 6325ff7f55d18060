"""``rasid watch FEED_URL... [--db URL] [--state FILE] [--interval S] [--once]``.

Polls RSS/Atom feeds, fetches new article pages, extracts their events and
stores them (see :mod:`rasid.watch.feeds`). Progress goes to stderr, one line
per poll and per problem. Ctrl-C stops it; the state file lets the next run
resume without re-fetching or re-storing anything.
"""

from __future__ import annotations

import click

__all__ = ["COMMANDS", "watch"]


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--db", "db", default=None, metavar="URL",
              help="store URL: duckdb:///PATH or postgresql://... (default: $RASID_DB or ./rasid.duckdb)")
@click.option("--state", "state", default="rasid-watch.json", show_default=True, type=click.Path(dir_okay=False),
              help="JSON state file (seen links, per-feed back-off); a restart resumes from it.")
@click.option("--interval", type=click.FloatRange(min=1), default=300, show_default=True,
              help="Seconds between polls of a feed.")
@click.option("--max-backoff", type=click.FloatRange(min=1), default=3600, show_default=True,
              help="Longest wait after repeated failures of a feed.")
@click.option("--timeout", type=click.FloatRange(min=1), default=15, show_default=True,
              help="Network timeout per request (s).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes.")
@click.option("--once", is_flag=True, help="Poll every feed once and exit.")
@click.option("--no-fuse", is_flag=True, help="Do not re-run event fusion after a poll that added articles.")
def watch(feeds: tuple[str, ...], db: str | None, state: str, interval: float, max_backoff: float,
          timeout: float, workers: int, once: bool, no_fuse: bool) -> None:
    """Watch RSS/Atom feeds and ingest new articles continuously."""
    from rasid.store import open_store
    from rasid.watch.feeds import Watcher

    store = open_store(db)
    try:
        w = Watcher(feeds, store, state_path=state, interval=interval, max_backoff=max_backoff,
                    timeout=timeout, workers=workers, fuse=not no_fuse)
        try:
            stats = w.run(once=once)
        except KeyboardInterrupt:
            w.state.save(state)
            click.echo("rasid watch: stopped; state saved", err=True)
            return
    finally:
        store.close()
    if once and stats.feeds_failed:
        raise click.exceptions.Exit(2)


COMMANDS = [watch]
