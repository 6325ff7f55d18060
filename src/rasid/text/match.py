"""Phrase lexicon matching over tokens, clitic-aware on the first token.

A :class:`PhraseMatcher` holds multi-word phrases (in matching form, see
:func:`rasid.text.normalize.fold`) in a token trie. At each token it tries the
token's candidate forms (the word, then with proclitics peeled off), then walks
the following tokens on their exact matching form. Lookup is a dict walk per
token, independent of the lexicon size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasid.model import Token
from rasid.text.normalize import fold
from rasid.text.tokenize import WORD_RE, clitic_forms

__all__ = ["PhraseMatcher", "Match", "phrase_key", "readings", "clitic_len"]

_END = "\x00"
_QUOTES = frozenset('"«»“”„\'‘’')


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Tokens of a lexicon phrase in matching form (same tokenisation as the text)."""
    return tuple(m.group() for m in WORD_RE.finditer(fold(phrase)))


@dataclass(slots=True)
class Match:
    i: int  # first token index
    j: int  # one past the last token index
    payload: Any
    prefix: str  # proclitics peeled off the first token
    start: int  # original offsets (stem start: after the proclitics)
    end: int
    noun: int = -1  # a support verb's object noun (قام ... بزيارة): its token index, else -1


class PhraseMatcher:
    def __init__(self, tanween: bool = False, dual: bool = False) -> None:
        """``tanween``: also try the first word without an accusative alif (وفدا → وفد, هجوما → هجوم).
        Right for common nouns and triggers, wrong for names (بنينا is not بنين)."""
        self._root: dict[str, Any] = {}
        self.size = 0
        self.tanween = tanween
        self.dual = dual  # also try a one-word entry in the dual (وفدان، الوفدين → وفد، الوفد)
        self._starts: dict[str, bool] = {}  # word -> can a phrase start at it (cache; reset by add)

    def add(self, phrase: str, payload: Any) -> None:
        key = phrase_key(phrase)
        if not key:
            raise ValueError(f"empty lexicon phrase: {phrase!r}")
        node = self._root
        self._starts.clear()
        for k in key:
            node = node.setdefault(k, {})
        if _END not in node:
            self.size += 1
            node[_END] = payload
        # the first entry for a phrase wins; later duplicates are ignored

    def first_words(self) -> set[str]:
        return {k for k in self._root if k != _END}

    def get(self, phrase: str | tuple[str, ...]) -> Any:
        """Payload stored for exactly this phrase, or None."""
        key = phrase_key(phrase) if isinstance(phrase, str) else phrase
        node = self._root
        for k in key:
            node = node.get(k)
            if node is None:
                return None
        return node.get(_END)

    def add_all(self, items: Iterable[tuple[str, Any]]) -> PhraseMatcher:
        for phrase, payload in items:
            self.add(phrase, payload)
        return self

    def match_at(self, toks: Sequence[Token], i: int, limit: int | None = None) -> Match | None:
        """Longest phrase starting at token i (least clitic peeling preferred on ties)."""
        n = len(toks) if limit is None else limit
        best: Match | None = None
        t0 = toks[i]
        root = self._root
        cands = [fp for fp in readings(t0.norm, self.tanween, self.dual) if fp[0] in root]
        if not cands:
            return None
        for form, pre in cands:
            node = self._root.get(form)
            if node is None:
                continue
            j = i + 1
            last = (j, node[_END]) if _END in node else None
            while j < n:
                nxt = node.get(toks[j].norm)
                if nxt is None and toks[j].norm in _QUOTES and j + 1 < n and toks[j + 1].norm in node:
                    j += 1  # a quotation mark inside a phrase: أعرب عن "استيائه"
                    nxt = node.get(toks[j].norm)
                if nxt is None:
                    break
                node = nxt
                j += 1
                if _END in node:
                    last = (j, node[_END])
            if last is not None and (best is None or last[0] > best.j):
                start = t0.start + clitic_len(t0, pre)
                best = Match(i, last[0], last[1], pre, start, toks[last[0] - 1].end)
        return best

    def find_all(self, toks: Sequence[Token], lo: int = 0, hi: int | None = None) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        hi = len(toks) if hi is None else hi
        out: list[Match] = []
        root, tw, du = self._root, self.tanween, self.dual
        starts = self._starts
        i = lo
        while i < hi:
            w = toks[i].norm
            ok = starts.get(w)
            if ok is None:
                ok = starts[w] = any(f in root for f, _ in readings(w, tw, du))
                if len(starts) > 200_000:
                    starts.clear()
            if not ok:
                i += 1
                continue
            m = self.match_at(toks, i, hi)
            if m is None:
                i += 1
            else:
                out.append(m)
                i = m.j
        return out


@lru_cache(maxsize=300_000)
def readings(norm: str, tanween: bool, dual: bool) -> tuple[tuple[str, str], ...]:
    """(form, peeled proclitics) readings of a word, least peeled first; optional accusative
    tanween alif and dual endings removed."""
    forms, prefixes = clitic_forms(norm)
    cands = list(zip(forms, prefixes, strict=False))
    if tanween:
        cands += [(f[:-1], p) for f, p in cands if len(f) > 3 and f[-1] == "ا" and f[-2] not in "او"]
    if dual:
        cands += [(f[:-2], p) for f, p in cands if len(f) > 4 and f[-2:] in ("ان", "ين")]
        # feminine dual: أمريكيتين / أمريكيتان → أمريكية
        cands += [(f[:-3] + "ه", p) for f, p in cands if len(f) > 5 and f[-3:] in ("تين", "تان")]
    return tuple(sorted(cands, key=lambda fp: len(fp[1])))


def clitic_len(tok: Token, prefix: str) -> int:
    """Characters of the original token taken by the peeled proclitics.

    Walks the original text letter by letter so that diacritics or tatweel
    between the clitic and the stem stay on the right side.
    """
    if not prefix:
        return 0
    need = len(prefix)  # for لل + noun the stem starts at the second lam
    seen = 0
    for k, c in enumerate(tok.text):
        if "\u0621" <= c <= "\u064a" or c.isalpha():
            if seen == need:
                return k
            seen += 1
    return 0
