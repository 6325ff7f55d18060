"""Watch RSS/Atom feeds and ingest new articles into the store, continuously.

One poll of one feed:

1. fetch the feed (conditional GET with the ETag / Last-Modified of the last
   poll) and parse it with feedparser;
2. for each entry whose link was never seen: fetch the page (urllib, with a
   timeout), read it with rasid's HTML reader (:func:`rasid.read.html.article_from_html`;
   the entry's date is the fallback publication date, its link the URL);
3. drop pages whose content hash was already seen (the same story under two
   URLs), then ingest the rest through :func:`rasid.store.ingest.ingest`, which
   also skips URLs / hashes already stored (so two watchers, or a watcher and
   a batch ingest, never store an article twice);
4. save the state file atomically (temp file + ``os.replace``).

A feed that fails (network, HTTP error, not a feed) is retried with
exponential back-off -- ``interval * 2**(failures-1)``, capped at
``max_backoff`` -- and never holds up the other feeds. A page that fails is
retried on the next polls and given up after ``max_page_tries``. The state
file (seen links and hashes, per-feed validators, failures and next poll
time) makes a restart resume where the last run stopped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Watcher", "WatchState", "PollStats", "FetchError", "fetch_url"]

USER_AGENT = "rasid-watch/0.1 (+https://github.com/rasid)"
STATE_VERSION = 1


class FetchError(Exception):
    """A fetch that failed, with a reason for people."""


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str]


def fetch_url(url: str, timeout: float = 15.0, headers: dict[str, str] | None = None) -> Response:
    """GET ``url``; a 304 comes back as ``status=304`` with an empty body; errors raise FetchError."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:  # noqa: S310 - feeds are http(s) URLs given by the user
            return Response(r.status, r.read(), {k.lower(): v for k, v in r.headers.items()})
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Response(304, b"", {k.lower(): v for k, v in (e.headers or {}).items()})
        raise FetchError(f"HTTP {e.code} {e.reason}") from e
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise FetchError(f"cannot fetch ({reason})") from e


# ---------------------------------------------------------------- state
@dataclass
class FeedState:
    etag: str | None = None
    modified: str | None = None
    failures: int = 0
    next_poll: float = 0.0
    last_ok: float | None = None
    last_error: str | None = None


@dataclass
class WatchState:
    """What a restart needs: per-feed status and every link / content hash already handled."""

    feeds: dict[str, FeedState] = field(default_factory=dict)
    seen_links: set[str] = field(default_factory=set)
    seen_hashes: set[str] = field(default_factory=set)
    page_tries: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None) -> WatchState:
        if not path or not Path(path).exists():
            return cls()
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            feeds={u: FeedState(**f) for u, f in data.get("feeds", {}).items()},
            seen_links=set(data.get("seen_links", [])),
            seen_hashes=set(data.get("seen_hashes", [])),
            page_tries=dict(data.get("page_tries", {})),
        )

    def save(self, path: str | Path | None) -> None:
        """Write atomically: a crash mid-write leaves the previous state intact."""
        if not path:
            return
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": STATE_VERSION,
            "feeds": {u: vars(f) for u, f in sorted(self.feeds.items())},
            "seen_links": sorted(self.seen_links),
            "seen_hashes": sorted(self.seen_hashes),
            "page_tries": dict(sorted(self.page_tries.items())),
        }
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, p)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@dataclass
class PollStats:
    feeds_ok: int = 0
    feeds_failed: int = 0
    entries: int = 0
    new: int = 0
    ingested: int = 0
    duplicates: int = 0
    events: int = 0
    page_errors: int = 0


def _log(msg: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} rasid watch: {msg}", file=sys.stderr, flush=True)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return dt.datetime.fromtimestamp(calendar.timegm(t), dt.UTC).date()
    return None


# ---------------------------------------------------------------- the watcher
class Watcher:
    """Polls ``feeds`` and ingests new articles into ``store`` (a :class:`rasid.store.Store`)."""

    def __init__(
        self,
        feeds: Iterable[str],
        store: Any,
        *,
        state_path: str | Path | None = None,
        interval: float = 300.0,
        max_backoff: float = 3600.0,
        timeout: float = 15.0,
        max_page_tries: int = 3,
        workers: int = 1,
        fuse: bool = True,
        fetch: Callable[..., Response] = fetch_url,
        log: Callable[[str], None] = _log,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.store = store
        self.state_path = state_path
        self.interval = interval
        self.max_backoff = max_backoff
        self.timeout = timeout
        self.max_page_tries = max_page_tries
        self.workers = workers
        self.fuse = fuse
        self.fetch = fetch
        self.log = log
        self.clock = clock
        self.state = WatchState.load(state_path)
        for u in self.feeds:
            self.state.feeds.setdefault(u, FeedState())

    # ------------------------------------------------------------ one feed
    def backoff(self, failures: int) -> float:
        """Seconds to wait after the ``failures``-th failure in a row."""
        return min(self.max_backoff, self.interval * 2 ** max(0, failures - 1))

    def _fail(self, url: str, fs: FeedState, reason: str, now: float) -> None:
        fs.failures += 1
        fs.last_error = reason
        wait = self.backoff(fs.failures)
        fs.next_poll = now + wait
        self.log(f"{url}: {reason}; retry in {wait:.0f} s (failure {fs.failures} in a row)")

    def poll_feed(self, url: str, stats: PollStats, now: float | None = None) -> None:
        import feedparser

        now = self.clock() if now is None else now
        fs = self.state.feeds[url]
        headers = {}
        if fs.etag:
            headers["If-None-Match"] = fs.etag
        if fs.modified:
            headers["If-Modified-Since"] = fs.modified
        try:
            resp = self.fetch(url, timeout=self.timeout, headers=headers)
        except FetchError as e:
            stats.feeds_failed += 1
            self._fail(url, fs, str(e), now)
            return
        entries: list[Any] = []
        if resp.status != 304:
            parsed = feedparser.parse(resp.body)
            if not parsed.entries and (parsed.get("bozo") or not parsed.get("feed")):
                stats.feeds_failed += 1
                exc = parsed.get("bozo_exception")
                self._fail(url, fs, f"not an RSS/Atom feed ({exc or 'no entries'})", now)
                return
            entries = list(parsed.entries)
            fs.etag = resp.headers.get("etag") or None
            fs.modified = resp.headers.get("last-modified") or None
        stats.feeds_ok += 1
        fs.failures, fs.last_error, fs.last_ok = 0, None, now
        fs.next_poll = now + self.interval
        stats.entries += len(entries)
        arts = self._new_articles(url, entries, stats)
        if arts:
            self._ingest(arts, stats)
        self.state.save(self.state_path)

    def _new_articles(self, feed_url: str, entries: list[Any], stats: PollStats) -> list[Any]:
        from rasid.read.decode import DecodeError, decode_bytes
        from rasid.read.html import article_from_html
        from rasid.store.base import content_hash

        arts = []
        for e in entries:
            link = e.get("link") or e.get("id")
            if not link:
                continue
            link = urllib.parse.urljoin(feed_url, link)
            if link in self.state.seen_links:
                continue
            stats.new += 1
            try:
                resp = self.fetch(link, timeout=self.timeout)
                html, _enc = decode_bytes(resp.body, html=True)
                art = article_from_html(html, path=link, option=_entry_date(e))
            except (FetchError, DecodeError) as err:
                art = str(err)
            if isinstance(art, str):
                stats.page_errors += 1
                tries = self.state.page_tries.get(link, 0) + 1
                if tries >= self.max_page_tries:
                    self.log(f"{link}: {art}; given up after {tries} tries")
                    self.state.page_tries.pop(link, None)
                    self.state.seen_links.add(link)
                else:
                    self.log(f"{link}: {art}; will retry (try {tries} of {self.max_page_tries})")
                    self.state.page_tries[link] = tries
                continue
            self.state.page_tries.pop(link, None)
            self.state.seen_links.add(link)
            art.url = link  # the feed's link is the article's identity (dedup by URL)
            if not art.title and e.get("title"):
                art.title = e.get("title")
            if not art.source:
                art.source = urllib.parse.urlsplit(link).hostname
            h = content_hash(art.text)
            if h in self.state.seen_hashes:
                stats.duplicates += 1
                continue
            self.state.seen_hashes.add(h)
            arts.append(art)
        return arts

    def _ingest(self, arts: list[Any], stats: PollStats) -> None:
        from rasid.store.ingest import ingest

        errors: list[str] = []
        res = ingest(self.store, articles=arts, workers=self.workers, fuse=False,
                     on_error=lambda item: errors.append(str(item)))
        stats.ingested += res.added
        stats.duplicates += res.skipped
        stats.events += res.events

    # ------------------------------------------------------------ loop
    def poll_once(self, now: float | None = None, *, only_due: bool = True) -> PollStats:
        """Poll every feed that is due (all of them when ``only_due`` is False)."""
        stats = PollStats()
        now = self.clock() if now is None else now
        for url in self.feeds:
            if only_due and self.state.feeds[url].next_poll > now:
                continue
            try:
                self.poll_feed(url, stats, now)
            except Exception as e:  # a bug or a store error on one feed must not stop the others
                stats.feeds_failed += 1
                self._fail(url, self.state.feeds[url], f"{type(e).__name__}: {e}", now)
        if stats.ingested and self.fuse:
            self.store.fuse()
        self.state.save(self.state_path)
        self.log(f"poll: {stats.feeds_ok} feeds ok, {stats.feeds_failed} failed; {stats.new} new links, "
                 f"{stats.ingested} articles ingested ({stats.events} events), {stats.duplicates} duplicates, "
                 f"{stats.page_errors} page errors")
        return stats

    def next_due(self) -> float:
        return min((self.state.feeds[u].next_poll for u in self.feeds), default=self.clock() + self.interval)

    def run(self, once: bool = False, sleep: Callable[[float], None] = time.sleep,
            max_polls: int | None = None) -> PollStats:
        """Poll until interrupted (or once). Returns the last poll's stats."""
        polls = 0
        stats = self.poll_once(only_due=not once)
        polls += 1
        while not once and (max_polls is None or polls < max_polls):
            wait = max(0.0, self.next_due() - self.clock())
            if wait:
                sleep(wait)
            stats = self.poll_once()
            polls += 1
        return stats
