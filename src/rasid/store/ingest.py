"""Ingest: read articles, extract PLOVER events, store them batch by batch.

Guarantees:

* **idempotent** -- an article whose URL or content hash is already stored is
  skipped before extraction, so re-running over the same inputs adds nothing;
* **transactional per batch** -- each batch of ``batch_size`` articles (with
  all their events, entities and evidence) is one transaction: a crash loses
  at most the batch in flight and never leaves half an article behind;
* **resumable** -- a re-run skips what was committed and continues.

Fusion is NOT done here article by article: it is a global, order-independent
clustering (:mod:`rasid.store.fusion`) run once at the end of an ingest (and by
``rasid fuse``), so the fused result does not depend on arrival order or on
where a previous run was interrupted.

Extraction runs in ``workers`` processes when ``workers > 1``. The extractor is
``rasid.pipeline.extract_article``; tests swap it through the internal hook
``RASID_EXTRACTOR=module:function`` (a function ``Article -> list[Event | dict]``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasid.store.base import ArticleRecord, Store

__all__ = ["IngestStats", "ingest", "iter_articles", "coder_name"]

EXTRACTOR_ENV = "RASID_EXTRACTOR"


@dataclass(slots=True)
class IngestStats:
    read: int = 0
    added: int = 0
    skipped: int = 0
    events: int = 0
    errors: int = 0
    batches: int = 0
    fusion: dict[str, int] = field(default_factory=dict)


def coder_name() -> str:
    from rasid import __version__

    return f"rasid {__version__}"


def _resolve(spec: str | None) -> Callable[[Any], list[Any]]:
    if spec:
        mod, _, fn = spec.partition(":")
        return getattr(importlib.import_module(mod), fn)
    from rasid.pipeline import extract_article  # type: ignore[attr-defined]

    return extract_article


def _extract_one(spec: str | None, article: Any) -> list[dict[str, Any]]:
    """Run the extractor on one article; return PLOVER dicts (worker-process entry point)."""
    fn = _resolve(spec)
    coder = coder_name()
    out = []
    for ev in fn(article) or []:
        out.append(ev if isinstance(ev, dict) else ev.to_plover(coder))
    return out


def _extract_many(spec: str | None, articles: list[Any]) -> list[list[dict[str, Any]]]:
    return [_extract_one(spec, a) for a in articles]


# ---------------------------------------------------------------- reading
def iter_articles(inputs: Iterable[str], published: dt.date | None = None) -> Iterator[Any]:
    """Articles (or reader errors) from ``rasid.read.read_inputs``; a minimal JSONL/text
    reader stands in while that module is not available."""
    try:
        from rasid.read import read_inputs  # type: ignore[attr-defined]
    except ImportError:
        read_inputs = _fallback_read
    yield from read_inputs(list(inputs), published=published)


def _fallback_read(inputs: list[str], published: dt.date | None = None) -> Iterator[Any]:
    from rasid.model import Article

    def one_file(p: Path) -> Iterator[Any]:
        if p.suffix == ".jsonl":
            with p.open(encoding="utf-8") as fh:
                for i, line in enumerate(fh):
                    if not line.strip():
                        continue
                    r = json.loads(line)
                    pub = r.get("published") or (published.isoformat() if published else None)
                    yield Article(
                        text=r["text"], id=r.get("id") or f"{p.stem}:{i + 1}", title=r.get("title"),
                        published=dt.date.fromisoformat(pub[:10]) if pub else None, url=r.get("url"),
                        source=r.get("source"), path=str(p),
                    )
        else:
            yield Article(text=p.read_text(encoding="utf-8"), id=p.stem, published=published, path=str(p))

    for inp in inputs:
        p = Path(inp)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            yield from one_file(f)


def estimate_total(inputs: Iterable[str]) -> int | None:
    """Cheap article count for the progress bar (JSONL/JSONL.gz lines, files); None when unknown."""
    from rasid.progress import estimate_articles

    return estimate_articles(list(inputs))


# ---------------------------------------------------------------- ingest
def ingest(
    store: Store,
    inputs: Iterable[str] | None = None,
    *,
    articles: Iterable[Any] | None = None,
    published: dt.date | None = None,
    workers: int = 1,
    batch_size: int = 64,
    fuse: bool = True,
    progress: bool = False,
    extractor: str | None = None,
    on_error: Callable[[Any], None] | None = None,
) -> IngestStats:
    """Ingest ``inputs`` (paths) or ``articles`` (Article objects) into ``store``."""
    spec = extractor or os.environ.get(EXTRACTOR_ENV) or None
    stats = IngestStats()
    inputs = list(inputs or [])
    source: Iterable[Any] = articles if articles is not None else iter_articles(inputs, published)
    total = None if articles is not None else estimate_total(inputs)
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None

    bar = None
    if progress:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        bar = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} art/s"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), TextColumn("+{task.fields[added]} ev {task.fields[events]}"),
            console=Console(stderr=True), transient=False,
        )
        bar.start()
        task = bar.add_task("ingest", total=total, rate="-", added=0, events=0)

    def flush(batch: list[Any]) -> None:
        recs = [ArticleRecord.from_article(a) for a in batch]
        ku, kh = store.known_articles([r.url for r in recs], [r.content_hash for r in recs])
        todo: list[tuple[Any, ArticleRecord]] = []
        seen_h: set[str] = set()
        seen_u: set[str] = set()
        for a, r in zip(batch, recs, strict=True):
            if r.content_hash in kh or r.content_hash in seen_h or (r.url and (r.url in ku or r.url in seen_u)):
                stats.skipped += 1
                continue
            seen_h.add(r.content_hash)
            if r.url:
                seen_u.add(r.url)
            todo.append((a, r))
        if pool is not None and len(todo) > 1:
            n = max(1, len(todo) // (workers * 2))
            chunks = [[a for a, _ in todo[i : i + n]] for i in range(0, len(todo), n)]
            results = [evs for part in pool.map(_extract_many, [spec] * len(chunks), chunks) for evs in part]
        else:
            results = [_extract_one(spec, a) for a, _ in todo]
        res = store.add_batch([(r, evs) for (_, r), evs in zip(todo, results, strict=True)])
        stats.added += res.articles
        stats.events += res.events
        stats.skipped += res.skipped
        stats.batches += 1
        if bar is not None:
            el = bar.tasks[0].elapsed or 0.0
            bar.update(task, advance=len(batch), added=stats.added, events=stats.events,
                       rate=f"{stats.read / el:.1f}" if el > 0 else "-")

    try:
        batch: list[Any] = []
        for item in source:
            if not hasattr(item, "text"):  # a ReadError
                stats.errors += 1
                if on_error:
                    on_error(item)
                else:
                    print(f"rasid ingest: {item}", file=sys.stderr)
                continue
            stats.read += 1
            batch.append(item)
            if len(batch) >= batch_size:
                flush(batch)
                batch = []
        if batch:
            flush(batch)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if bar is not None:
            bar.stop()
    if fuse:
        stats.fusion = store.fuse()
    return stats
