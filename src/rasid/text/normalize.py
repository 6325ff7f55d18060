"""Arabic normalisation for matching, with an exact map back to the original text.

``normalize(raw)`` returns the matching form and, for each of its characters, the
offset of the original character it came from. Characters that carry no meaning
for matching (diacritics, tatweel, bidi and zero-width marks) are dropped; the
rest map one-to-one, except presentation-form ligatures that expand to two
letters (both map to the ligature).

``fold(s)`` is the same function without the offset map, used for lexicon keys.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "fold", "ends_in_ta_marbuta", "DROP", "CHAR_MAP"]

# removed from the matching form
DROP: frozenset[str] = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, maddah above, ...
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + ["\u0610", "\u0611", "\u0612", "\u0613", "\u0614", "\u0615", "\u0616", "\u0617", "\u0618", "\u0619", "\u061a"]
    + ["\u06d6", "\u06d7", "\u06d8", "\u06d9", "\u06da", "\u06db", "\u06dc", "\u06df", "\u06e0", "\u06e1",
       "\u06e2", "\u06e3", "\u06e4", "\u06e7", "\u06e8", "\u06ea", "\u06eb", "\u06ec", "\u06ed"]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u061c", "\u00ad"]
    + [chr(c) for c in range(0x202A, 0x202F)]  # LRE RLE PDF LRO RLO
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI RLI FSI PDI
)

CHAR_MAP: dict[str, str] = {
    # alef forms
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", "\u0672": "\u0627",
    "\u0673": "\u0627",
    # alef maqsura -> ya; Persian ya/kaf; ta marbuta -> ha
    "\u0649": "\u064a", "\u06cc": "\u064a", "\u06d2": "\u064a", "\u06a9": "\u0643", "\u0629": "\u0647",
    "\u06c0": "\u0647", "\u06d5": "\u0647",
    # hamza on a seat stays; Persian letters that appear in names
    "\u067e": "\u0628", "\u0686": "\u062c", "\u0698": "\u0632", "\u06af": "\u0643", "\u06a4": "\u0641",
    # typographic quotes and dashes
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    # Arabic punctuation that has a plain equivalent
    "\u066b": ".", "\u066c": ",", "\u066a": "%",
    # spaces
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ", "\u3000": " ",
}
for _i in range(10):
    CHAR_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic (Hindi) digits
    CHAR_MAP[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian/Urdu) digits


def _char(c: str) -> str:
    """Matching form of one character ('' when dropped)."""
    if c in DROP:
        return ""
    m = CHAR_MAP.get(c)
    if m is not None:
        return m
    o = ord(c)
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:  # presentation forms
        nf = unicodedata.normalize("NFKC", c)
        if nf == c:  # ornate parentheses and the like have no plain form
            return c
        return "".join(_char(x) for x in nf if x != " ")
    if "A" <= c <= "Z":
        return c.lower()
    if o > 0x7F and c.isupper():
        return c.lower()
    return c


# precomputed table for the characters news text is made of
_TABLE: dict[str, str] = {}


def _lookup(c: str) -> str:
    r = _TABLE.get(c)
    if r is None:
        r = _char(c)
        if len(_TABLE) < 100_000:
            _TABLE[c] = r
    return r


_TRANSLATE: dict[int, str | None] = {ord(c): None for c in DROP}
_TRANSLATE.update({ord(k): v for k, v in CHAR_MAP.items()})
_TRANSLATE.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
# characters the fast path cannot map one-to-one: presentation forms (ligatures) and non-ASCII capitals
_SLOW_RE = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF\u00C0-\u00DE\u0100-\u024F\u0370-\u03FF\u0400-\u04FF]")


def normalize(raw: str) -> tuple[str, list[int]]:
    """Return (matching form, offset map). ``index[i]`` is the source offset of char i."""
    if _SLOW_RE.search(raw) is None:
        norm = raw.translate(_TRANSLATE)
        if len(norm) == len(raw):
            return norm, list(range(len(raw)))
        drop = DROP
        return norm, [i for i, c in enumerate(raw) if c not in drop]
    return _normalize_slow(raw)


def _normalize_slow(raw: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    for i, c in enumerate(raw):
        m = _lookup(c)
        if not m:
            continue
        out.append(m)
        if len(m) == 1:
            index.append(i)
        else:
            index.extend([i] * len(m))
    return "".join(out), index


def fold(s: str) -> str:
    """Matching form of a lexicon string (no offsets); collapses runs of spaces."""
    return " ".join(normalize(s)[0].split())


_MARKS_AT_END = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"  # harakat, shadda, sukun, tatweel


def ends_in_ta_marbuta(text: str) -> bool:
    """The word as written ends in ة (vowel marks and tatweel after it ignored). The matching form folds ة to ه, so
    only the written form tells a feminine noun (محافظة، رحلة) from a pronoun suffix (رحله، قائده)."""
    return text.rstrip(_MARKS_AT_END).endswith("ة")
