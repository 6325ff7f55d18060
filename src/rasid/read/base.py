"""What the readers yield besides articles: :class:`ReadError`.

Readers never raise on bad input: one unreadable file, or one broken line in a
JSONL file, becomes a ``ReadError`` and the others go on.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasid.model import Article

__all__ = ["ReadError", "Item", "STDIN"]

STDIN = "<stdin>"


@dataclass(slots=True, frozen=True)
class ReadError:
    """An input (or one line/record of it) that could not be read.

    ``reason`` is meant for people: it says what is wrong and what to do.
    ``line`` is the 1-based line (JSONL) or record number (JSON list), else None.
    """

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


Item = Article | ReadError
