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

__all__ = ["progress_iter", "wants_progress"]

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
