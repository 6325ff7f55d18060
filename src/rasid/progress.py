"""A progress bar on stderr for long runs, shown only when a person is watching.

``progress_iter(items, total=None, label="extract")`` yields ``items`` unchanged.
When stderr is a terminal it draws a rich progress bar there (count, rate, ETA;
a spinner and count when ``total`` is unknown); otherwise, in pipes, logs and
tests, it is a plain pass-through that adds no output and no cost.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["progress_iter", "wants_progress", "estimate_articles"]

T = TypeVar("T")


def wants_progress(stream=None) -> bool:  # type: ignore[no-untyped-def]
    """True when ``stream`` (default stderr) is an interactive terminal."""
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def progress_iter(
    items: Iterable[T], total: int | None = None, label: str = "extract", *, force: bool | None = None
) -> Iterator[T]:
    """Yield ``items``; draw a bar on stderr while doing so if stderr is a TTY (or ``force``)."""
    show = wants_progress() if force is None else force
    if not show:
        yield from items
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed}"), TimeElapsedColumn()]
    columns.append(TextColumn("{task.fields[rate]}/s"))
    console = Console(stderr=True, force_terminal=True if force else None)
    with Progress(*columns, console=console, transient=False, refresh_per_second=4) as bar:
        task = bar.add_task(label, total=total, rate="-")
        for n, item in enumerate(items, 1):
            yield item
            el = bar.tasks[0].elapsed or 0.0
            bar.update(task, advance=1, rate=f"{n / el:.1f}" if el > 0 else "-")


def estimate_articles(inputs: Iterable[str]) -> int | None:
    """How many articles ``inputs`` hold (for the bar's total), or None when that is unknown.

    Counts the lines of JSONL files (``.jsonl``/``.jsonl.gz``) and one article per
    other readable file (folders walked as ``rasid.read`` walks them); stdin and
    ``.json`` files make the total unknown. It reads every JSONL file once, so call
    it only when a bar will be shown (``wants_progress()``).
    """
    import gzip
    from pathlib import Path

    from rasid.read.inputs import kind_of

    n = 0
    for inp in inputs:
        if inp == "-":
            return None
        p = Path(inp)
        files = sorted(x for x in p.rglob("*") if x.is_file() and not any(
            part.startswith(".") for part in x.relative_to(p).parts)) if p.is_dir() else [p]
        for f in files:
            kind = kind_of(f.name)
            if kind is None and p.is_dir():
                continue
            if kind == "json" or not f.exists():
                return None
            if kind == "jsonl":
                opener = gzip.open if f.name.lower().endswith(".gz") else open
                try:
                    with opener(f, "rb") as fh:
                        n += sum(1 for line in fh if line.strip())
                except OSError:
                    return None
            else:
                n += 1
    return n
