"""Multi-process extraction with the serial path's output, order and error reports.

``rasid extract --workers N`` and ingest hand articles to a pool of worker
processes. What holds, whatever N is:

* **same output** -- every worker runs :func:`rasid.cli.extract.extract_one`
  (the serial code) and serialises lines with ``json.dumps(d, ensure_ascii=False)``;
* **same order** -- articles go out in chunks and results come back in input
  order (a bounded window of chunks is in flight, so memory stays flat);
* **errors in place** -- reader errors (:class:`rasid.read.ReadError`) are
  reported where they occur in the input; an article that raises in a worker
  is reported with its name and the reason and the others go on; a worker
  that dies outright (a crash in native code) is replaced, its chunk is re-run
  one article at a time, and only the article that kills a worker again is
  reported.

Workers are forked on Linux (``fork`` shares the already-imported code) and
warm their lexicon/model caches once, in the pool initializer, by extracting
a tiny article; no worker loads anything per article.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TextIO

__all__ = ["run_parallel", "map_articles", "ordered_map", "warm", "default_workers", "DEFAULT_CHUNK"]

DEFAULT_CHUNK = 8  # articles per task: ~0.3 s of work, small enough to balance, big enough to amortise IPC
_WINDOW = 4  # chunks in flight per worker

# (tag, payload): ("ok", lines-or-dicts) or ("err", message for people)
Result = tuple[str, Any]

_WARM_TEXT = "استقبل الرئيس المصري في القاهرة أمس وزير الخارجية الروسي وبحثا العلاقات بين البلدين."


def default_workers() -> int:
    """The CPUs this process may use (affinity-aware), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def warm() -> None:
    """Load every lexicon/model cache the pipeline uses, by extracting one tiny article."""
    import datetime as dt

    from rasid.model import Article
    from rasid.pipeline import extract_article

    extract_article(Article(text=_WARM_TEXT, id="warm", published=dt.date(2015, 7, 1)))


def _noop() -> None:
    return None


def _init_worker() -> None:
    try:
        warm()
    except Exception as e:  # a broken warm-up must not kill the pool: the articles will say what fails
        print(f"rasid: worker warm-up failed ({type(e).__name__}: {e})", file=sys.stderr)


# ---------------------------------------------------------------- worker tasks
def _extract_lines(articles: list[Any]) -> list[Result]:
    """Worker task of ``rasid extract``: JSON lines per article, exactly as the serial path writes them."""
    from rasid.cli.extract import doc_name, extract_one

    out: list[Result] = []
    for art in articles:
        try:
            out.append(("ok", [json.dumps(d, ensure_ascii=False) for d in extract_one(art)]))
        except Exception as e:  # one bad article never stops the others
            out.append(("err", f"{doc_name(art)}: extraction failed ({type(e).__name__}: {e}); please report it"))
    return out


def _resolve(spec: str | None) -> Callable[[Any], list[Any]]:
    if spec:
        import importlib

        mod, _, fn = spec.partition(":")
        return getattr(importlib.import_module(mod), fn)
    from rasid.pipeline import extract_article

    return extract_article


class _DictTask:
    """Worker task of ingest: PLOVER dicts per article (picklable: holds only the extractor spec)."""

    def __init__(self, spec: str | None) -> None:
        self.spec = spec

    def __call__(self, articles: list[Any]) -> list[Result]:
        from rasid import CODER
        from rasid.cli.extract import doc_name

        fn = _resolve(self.spec)
        out: list[Result] = []
        for art in articles:
            try:
                evs = fn(art) or []
                out.append(("ok", [ev if isinstance(ev, dict) else ev.to_plover(CODER) for ev in evs]))
            except Exception as e:
                out.append(("err", f"{doc_name(art)}: extraction failed ({type(e).__name__}: {e}); please report it"))
        return out


# ---------------------------------------------------------------- the ordered pool
class _Pool:
    """A ProcessPoolExecutor that can be replaced when a worker dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        self.ex = self._new()

    def _new(self) -> ProcessPoolExecutor:
        ex = ProcessPoolExecutor(max_workers=self.workers, mp_context=self.ctx, initializer=_init_worker)
        # with 'fork' the pool forks every worker on its first submit: do it now, before the caller
        # starts threads (a progress bar's refresh thread) whose locks a forked child would inherit held
        ex.submit(_noop)
        return ex

    def renew(self) -> None:
        self.ex.shutdown(wait=False, cancel_futures=True)
        self.ex = self._new()

    def close(self) -> None:
        self.ex.shutdown(wait=True, cancel_futures=True)


def _collect(pool: _Pool, task: Callable[[list[Any]], list[Result]], arts: list[Any], fut: Future) -> list[Result]:
    """The chunk's results; if its worker died, re-run it one article at a time in a fresh pool."""
    try:
        return fut.result()
    except BrokenProcessPool:
        pass
    from rasid.cli.extract import doc_name

    pool.renew()
    out: list[Result] = []
    for art in arts:
        try:
            out.extend(pool.ex.submit(task, [art]).result())
        except BrokenProcessPool:
            pool.renew()
            out.append(("err", f"{doc_name(art)}: extraction failed (the worker process died); please report it"))
    return out


def ordered_map(
    items: Iterable[Any],
    task: Callable[[list[Any]], list[Result]],
    workers: int,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[tuple[Any, Result | None]]:
    """``(item, result)`` for every item in input order; ``result`` is None for non-articles
    (reader errors), which never leave this process."""
    pool = _Pool(workers)
    pending: deque[tuple[list[Any], list[Any], Future | None]] = deque()
    window = max(2, workers * _WINDOW)

    def drain(entry: tuple[list[Any], list[Any], Future | None]) -> Iterator[tuple[Any, Result | None]]:
        buf, arts, fut = entry
        results = iter(_collect(pool, task, arts, fut) if fut is not None else [])
        for it in buf:
            yield (it, next(results)) if hasattr(it, "text") else (it, None)

    try:
        buf: list[Any] = []
        arts: list[Any] = []
        for it in items:
            buf.append(it)
            if hasattr(it, "text"):
                arts.append(it)
            if len(arts) >= chunk_size:
                pending.append((buf, arts, pool.ex.submit(task, arts)))
                buf, arts = [], []
                while len(pending) >= window:
                    yield from drain(pending.popleft())
        if buf:
            pending.append((buf, arts, pool.ex.submit(task, arts) if arts else None))
        while pending:
            yield from drain(pending.popleft())
    finally:
        pool.close()


# ---------------------------------------------------------------- public entry points
def run_parallel(items: Iterable[Any], out: TextIO, errors: list[str], workers: int,
                 chunk_size: int = DEFAULT_CHUNK) -> int:
    """``rasid extract --workers N``: write PLOVER JSON lines to ``out`` in input order.

    Reader errors and failed articles are appended to ``errors`` and reported
    on stderr (``rasid: <message>``), exactly as the serial path does. Returns
    the number of events written.
    """
    import click

    n = 0
    for it, res in ordered_map(items, _extract_lines, workers, chunk_size):
        if res is None:
            errors.append(str(it))
            click.echo(f"rasid: {it}", err=True)
            continue
        tag, payload = res
        if tag == "err":
            errors.append(payload)
            click.echo(f"rasid: {payload}", err=True)
            continue
        for line in payload:
            out.write(line + "\n")
        n += len(payload)
    return n


def map_articles(
    articles: Iterable[Any],
    workers: int,
    *,
    extractor: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    on_error: Callable[[Any, str], None] | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """PLOVER dicts (``to_plover(CODER)``, no ``doc`` rewrite) per article, in input order.

    ``extractor`` is an optional ``module:function`` spec (``Article -> list[Event | dict]``),
    the same hook as ingest's ``RASID_EXTRACTOR``. An article that raises calls
    ``on_error(article, message)`` and yields ``[]``; without ``on_error`` a
    ``RuntimeError`` with the message is raised (as the serial ingest would).
    Non-articles in the input are skipped.
    """
    task = _DictTask(extractor)
    if workers <= 1:
        src: Iterator[tuple[Any, Result | None]] = ((a, task([a])[0]) for a in articles if hasattr(a, "text"))
    else:
        src = ordered_map(articles, task, workers, chunk_size)
    for art, res in src:
        if res is None:
            continue
        tag, payload = res
        if tag == "err":
            if on_error is None:
                raise RuntimeError(payload)
            on_error(art, payload)
            yield []
        else:
            yield payload
