"""Name-list (lexicon) features from rasid's own lexicons, for the CRF tagger.

The project's hand-written lexicons (``rasid/data/lexicons``: groups, IGOs,
countries with their nisba adjectives, offices) and the place gazetteer
(``rasid/data/gazetteer/places.tsv``, Arabic forms) are compiled into one list of
folded phrases with a class:

- ``ORG`` named organisations and IGOs (groups.tsv, igos.tsv);
- ``LOC`` countries, capitals, aliases (countries.tsv) and large places
  (places.tsv: countries, capitals, first-order divisions, population >= 100,000);
- ``PLC`` other places of the gazetteer;
- ``NIS`` nisba adjectives (countries.tsv kind=nisba, places.tsv nisba column);
- ``OFF`` offices and titles (offices.tsv).

Training snapshots the list into the model folder (``lexicon.tsv``), so a model
always sees the list it was trained with. Matching is greedy longest-match over
folded tokens; the first token may have proclitics peeled
(:func:`rasid.text.tokenize.clitic_forms`). Each matched token gets ``L=CLASS-B``
or ``L=CLASS-I``; its neighbours see it at offsets -1/+1.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from rasid.ner.text import safe_fold
from rasid.text.tokenize import clitic_forms

__all__ = ["Lexicon", "build_lexicon_entries", "LEXICON_FILE"]

LEXICON_FILE = "lexicon.tsv"
_END = "\x00"
_DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV with '#' comments and a header line."""
    header: list[str] | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            yield dict(zip(header, cols, strict=False))


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in (safe_fold(x).replace(" ", "") for x in phrase.split()) if w)


def build_lexicon_entries(data_dir: Path = _DATA) -> list[tuple[tuple[str, ...], str]]:
    """(folded phrase, class) pairs from the project's lexicons; earlier classes win on duplicates."""
    out: dict[tuple[str, ...], str] = {}

    def add(phrase: str, cls: str) -> None:
        k = _key(phrase)
        if k and k not in out:
            out[k] = cls

    lx = data_dir / "lexicons"
    for r in _rows(lx / "groups.tsv"):
        add(r.get("form", ""), "ORG")
    for r in _rows(lx / "igos.tsv"):
        add(r.get("form", ""), "ORG")
    for r in _rows(lx / "countries.tsv"):
        kind = r.get("kind", "")
        add(r.get("form", ""), "NIS" if kind == "nisba" else "LOC")
    places = data_dir / "gazetteer" / "places.tsv"
    for r in _rows(places):
        code = r.get("feature_code", "")
        try:
            pop = int(r.get("population") or 0)
        except ValueError:
            pop = 0
        big = code.startswith(("PCL", "ADM1")) or code == "PPLC" or pop >= 100_000
        for f in (r.get("arabic") or "").split("|"):
            add(f, "LOC" if big else "PLC")
        for f in (r.get("nisba") or "").split("|"):
            add(f, "NIS")
    for r in _rows(lx / "offices.tsv"):
        add(r.get("form", ""), "OFF")
    return sorted(out.items())


class Lexicon:
    """Token-trie of folded phrases -> class, with per-sentence longest-match tagging."""

    def __init__(self, entries: Sequence[tuple[tuple[str, ...], str]] = ()) -> None:
        self._root: dict[str, dict] = {}
        self.size = 0
        for key, cls in entries:
            node = self._root
            for k in key:
                node = node.setdefault(k, {})
            if _END not in node:
                node[_END] = cls  # type: ignore[assignment]
                self.size += 1
        self._forms = lru_cache(maxsize=200_000)(self._first_forms)

    def __bool__(self) -> bool:
        return self.size > 0

    @staticmethod
    def _first_forms(w: str) -> tuple[str, ...]:
        return clitic_forms(w)[0]

    def marks(self, words: Sequence[str]) -> list[str | None]:
        """Per folded word: ``CLASS-B``/``CLASS-I`` inside the longest match, else None."""
        n = len(words)
        out: list[str | None] = [None] * n
        root = self._root
        i = 0
        while i < n:
            best_j, best_cls = 0, ""
            for form in self._forms(words[i]):
                node = root.get(form)
                if node is None:
                    continue
                j = i + 1
                if _END in node and j > best_j:
                    best_j, best_cls = j, node[_END]
                while j < n:
                    node = node.get(words[j])
                    if node is None:
                        break
                    j += 1
                    if _END in node and j > best_j:
                        best_j, best_cls = j, node[_END]
            if best_j:
                out[i] = best_cls + "-B"
                for k in range(i + 1, best_j):
                    out[k] = best_cls + "-I"
                i = best_j
            else:
                i += 1
        return out

    @staticmethod
    def to_tsv(entries: Sequence[tuple[tuple[str, ...], str]]) -> str:
        """The snapshot written next to a trained model (``phrase<TAB>class``)."""
        return "".join(" ".join(k) + "\t" + c + "\n" for k, c in entries)

    @classmethod
    def from_tsv(cls, text: str) -> Lexicon:
        """Read a snapshot written by :meth:`to_tsv`."""
        entries = []
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            phrase, c = line.split("\t")
            entries.append((tuple(phrase.split(" ")), c))
        return cls(entries)
