"""PLOVER JSON Lines: the events exactly as extracted (store bookkeeping removed)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

__all__ = ["write_plover", "plover_only"]


def plover_only(ev: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record without store-internal keys (those starting with ``_``)."""
    return {k: v for k, v in ev.items() if not k.startswith("_")}


def write_plover(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(plover_only(ev), ensure_ascii=False) + "\n")
        n += 1
    return n
