"""Loads the time lexicon (``data/lexicons/time_words.tsv``) into folded lookup tables.

Keys are in the matching form (:func:`rasid.text.normalize.fold`), so the regexes built from
them run on ``Document.norm``. ``alternation`` orders forms longest first so that a regex
alternation prefers ``كانون الثاني`` over a shorter prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rasid.text.normalize import fold

__all__ = ["TimeLexicon", "load_lexicon", "alternation"]


@dataclass(slots=True)
class TimeLexicon:
    """kind -> {folded form: value}; ``strict`` holds (kind, form) pairs that need context."""

    words: dict[str, dict[str, str]] = field(default_factory=dict)
    strict: set[tuple[str, str]] = field(default_factory=set)

    def get(self, kind: str) -> dict[str, str]:
        return self.words.get(kind, {})


def alternation(forms: list[str] | dict[str, str], lil: bool = False) -> str:
    """A regex alternation of the forms, longest first; spaces match any run of spaces.

    ``lil``: also accept ``لل`` for a leading article ``ال`` (للعام = ل + العام).
    """
    keys = set(forms)
    if lil:
        keys |= {"لل" + k[2:] for k in forms if k.startswith("ال")}
    keys = sorted(keys, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + ")"


def parse_lexicon(text: str) -> TimeLexicon:
    lex = TimeLexicon()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise ValueError(f"bad time lexicon line: {line!r}")
        kind, value, form = cols[0], cols[1], fold(cols[2])
        flags = cols[3].split(",") if len(cols) > 3 else []
        lex.words.setdefault(kind, {})[form] = value
        if "strict" in flags:
            lex.strict.add((kind, form))
    return lex


@lru_cache(maxsize=1)
def load_lexicon() -> TimeLexicon:
    text = resources.files("rasid").joinpath("data/lexicons/time_words.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)
