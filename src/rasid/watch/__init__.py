"""Live feed watching: poll RSS/Atom feeds and ingest new articles into the store.

See :mod:`rasid.watch.feeds`; the command is ``rasid watch`` (:mod:`rasid.cli.watch`).
"""

from __future__ import annotations

from rasid.watch.feeds import FetchError, PollStats, Watcher, WatchState, fetch_url

__all__ = ["Watcher", "WatchState", "PollStats", "FetchError", "fetch_url"]
