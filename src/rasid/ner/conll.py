"""CoNLL-style token-per-line files: reading, label mapping, IOB2 repair, writing.

A file holds one token per line (token first, tag last; extra columns are
ignored), sentences separated by blank lines. The readers here are forgiving
about the noise found in the public Arabic corpora (byte-order marks, bidi
marks, CRLF, tag typos such as ``B-ERS`` or ``IPERS``, a swapped column) and
map each corpus's own label set onto the four ANERcorp types PERS/ORG/LOC/MISC.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

__all__ = [
    "LABELS", "read_conll", "row_token", "read_tokens", "write_conll", "to_iob2", "spans",
    "map_anercorp", "map_aqmar", "map_fane", "map_wojood", "CORPUS_MAPPERS", "FANE_MAP",
]

LABELS: tuple[str, ...] = ("PERS", "ORG", "LOC", "MISC")
_STRIP = "\ufeff\u200e\u200f\r"

Sentence = tuple[list[str], list[str]]


def _clean(s: str) -> str:
    return s.strip().strip(_STRIP).strip()


def _looks_tag(s: str) -> bool:
    u = s.upper()
    return u == "O" or (len(u) > 2 and u[0] in "BI" and u[1] == "-" and u[2:].replace("-", "").replace("_", "").isalnum())


def read_tokens(path: str) -> list[list[list[str]]]:
    """Sentences of raw rows (whitespace/tab-split columns), blank lines separating sentences."""
    out: list[list[list[str]]] = []
    cur: list[list[str]] = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n").strip(_STRIP)
            if not line.strip():
                if cur:
                    out.append(cur)
                    cur = []
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            cols = [c for c in (_clean(c) for c in cols) if c] or [line.strip()]
            cur.append(cols)
    if cur:
        out.append(cur)
    return out


def row_token(cols: list[str]) -> str:
    """The token of a row: the first column, unless only the first column looks like a tag."""
    if len(cols) > 1 and _looks_tag(cols[0]) and not _looks_tag(cols[-1]):
        return cols[-1]
    return cols[0]


def read_conll(path: str, mapper: Callable[[str], str] | None = None) -> list[Sentence]:
    """Read (tokens, tags) sentences; ``mapper`` turns a raw tag into an IOB tag of our label set.

    The token is the first column and the tag the last; when only the first
    column looks like a tag the two are swapped. The result is repaired to IOB2.
    """
    mapper = mapper or (lambda t: t)
    sents: list[Sentence] = []
    for rows in read_tokens(path):
        toks: list[str] = []
        tags: list[str] = []
        for cols in rows:
            tok, tag = cols[0], (cols[-1] if len(cols) > 1 else "O")
            if len(cols) > 1 and _looks_tag(tok) and not _looks_tag(tag):
                tok, tag = tag, tok
            toks.append(tok)
            tags.append(mapper(tag))
        sents.append((toks, to_iob2(tags)))
    return sents


def to_iob2(tags: list[str]) -> list[str]:
    """Repair a tag sequence to valid IOB2 (an I- that does not continue its type becomes B-)."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and not (prev != "O" and prev[2:] == t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Exact (start, end_exclusive, label) token spans of an IOB2 sequence."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and not (t.startswith("I-") and t[2:] == label):
            out.append((start, i, label))
            start = -1
        if t.startswith("B-") or (t.startswith("I-") and start < 0):
            start, label = i, t[2:]
    return out


def write_conll(sents: Iterable[tuple[list[str], list[str]]], out: TextIO) -> None:
    """Write ``token<TAB>TAG`` lines, a blank line after each sentence."""
    for toks, tags in sents:
        for tok, tag in zip(toks, tags, strict=True):
            out.write(f"{tok}\t{tag}\n")
        out.write("\n")


def _split(tag: str) -> tuple[str, str]:
    t = tag.strip()
    if not t or t.upper() == "O":
        return "O", ""
    u = t.upper()
    if len(u) > 1 and u[0] in "BI" and u[1] != "-":  # "IPERS"
        return u[0], t[1:]
    if len(u) > 2 and u[0] in "BI" and u[1] == "-":
        return u[0], t[2:]
    return "B", t


def _join(p: str, lab: str) -> str:
    return "O" if not lab or lab == "O" or p == "O" else f"{p}-{lab}"


_ANER_FIX = {"ERS": "PERS", "PERS": "PERS", "PER": "PERS", "OEG": "ORG", "ORF": "ORG", "ORG": "ORG",
             "LOC": "LOC", "MISC": "MISC", "LOCI-PERS": "LOC"}


def map_anercorp(tag: str) -> str:
    """ANERcorp tags (with the known typos repaired)."""
    p, lab = _split(tag)
    return _join(p, _ANER_FIX.get(lab.upper(), ""))


def map_aqmar(tag: str) -> str:
    """AQMAR: PER/LOC/ORG kept; its MIS0-3 classes are topical Wikipedia categories (a sport, a
    science, an operating system) unlike ANERcorp's MISC, so they are dropped to O."""
    p, lab = _split(tag)
    lab = lab.upper()
    if lab.startswith("MIS"):
        return "O"
    return _join(p, {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}.get(lab, ""))


# FANE fine types (ACE-like two-level taxonomy) -> our four types; unlisted -> O.
FANE_MAP: dict[str, str] = {
    **{t: "PERS" for t in ("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                            "Businessperson", "Lawyer", "Engineer", "Police")},
    # PER.Group are collective nouns (العرب، المسلمين) that ANERcorp leaves untagged
    "Group": "O",
    **{t: "ORG" for t in ("Non-Governmental", "Sports", "Government", "Media", "Commercial", "Educational",
                           "Police-ORG", "Religious_ORG", "Entertainment", "Medical-Science")},
    **{t: "LOC" for t in ("Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "County-or-District",
                           "Continent", "Water-Body", "Land-Region-Natural", "Celestial", "Building-Grounds",
                           "Airport", "Path", "Subarea-Facility", "Plant")},
    **{t: "MISC" for t in ("Book", "Movie", "Software", "Hardware", "Food", "Drug")},
    # vehicles and weapons (Air, Land, Water, Projectile, Shooting) -> O
}


def map_fane(tag: str) -> str:
    p, lab = _split(tag)
    return _join(p, FANE_MAP.get(lab, "O") if lab else "")


_WOJOOD = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "MISC",
           "CURR": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC", "LAW": "MISC"}


def map_wojood(tag: str) -> str:
    """Wojood outer level (last column of the flat sample): GPE/LOC/FAC->LOC, EVENT/CURR/LANGUAGE/
    PRODUCT/LAW->MISC, PERS, ORG; NORP, OCC, dates, numbers, websites -> O."""
    p, lab = _split(tag)
    return _join(p, _WOJOOD.get(lab.upper(), "O") if lab else "")


CORPUS_MAPPERS: dict[str, Callable[[str], str]] = {
    "anercorp": map_anercorp, "aqmar": map_aqmar, "fane": map_fane, "wojood": map_wojood,
}


def iter_pairs(sents: list[Sentence]) -> Iterator[tuple[str, str]]:
    for toks, tags in sents:
        yield from zip(toks, tags, strict=True)
