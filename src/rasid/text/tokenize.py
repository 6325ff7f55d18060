"""Clitic-aware tokenisation over the normalised text.

Tokens are runs of letters/digits or single punctuation marks, found in the
matching form and mapped back to original offsets. Each word token also carries
its candidate *forms* with proclitics peeled off (conjunction و/ف, preposition
ب/ل/ك, the future particle س before an imperfect verb), so that ``والنيجر``,
``ببنغازي``, ``لمدينة`` and ``وللقوات`` meet the lexicon entries ``النيجر``,
``بنغازي``, ``مدينة`` and ``القوات``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasid.model import Token

__all__ = ["tokenize_norm", "clitic_forms", "WORD_RE"]

# a number glued to an Arabic word is two tokens ("15حوثيا" = 15 + حوثيا); Latin letters and digits stay
# together (F16, G20)
WORD_RE = re.compile(r"[0-9]+(?:[.,/][0-9]+)*(?=[\u0600-\u06ff])|[^\W_]+(?:[.,/][0-9]+)*|[^\w\s]|_", re.UNICODE)

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_IMPERFECT = ("ي", "ت", "ن", "ا")


@lru_cache(maxsize=200_000)
def clitic_forms(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Candidate stems of a normalised word and the proclitics removed for each.

    The unsegmented word comes first; longer peelings later. Stems shorter than
    two letters are not proposed.
    """
    forms: list[str] = [word]
    prefixes: list[str] = [""]

    def add(stem: str, pre: str) -> None:
        if len(stem) >= 2 and stem not in forms:
            forms.append(stem)
            prefixes.append(pre)

    if not word or not ("\u0600" <= word[0] <= "\u06ff"):
        return tuple(forms), tuple(prefixes)
    # peel in order of depth: و/ف, then ب/ل/ك (لل = ل + ال), then س before an imperfect verb
    layer = [(word, "")]
    if word[0] in _CONJ and len(word) > 2:
        add(word[1:], word[0])
        layer.append((word[1:], word[0]))
    for base, pre in layer:
        if len(base) > 2 and base[0] in _PREP:
            rest = base[1:]
            if base[0] == "ل" and rest.startswith("ل"):
                add("ا" + rest, pre + "ل")  # لل + noun = ل + ال + noun
            add(rest, pre + base[0])
    for base, pre in layer:
        if len(base) > 3 and base[0] == "س" and base[1] in _IMPERFECT:
            add(base[1:], pre + "س")
    return tuple(forms), tuple(prefixes)


def tokenize_norm(norm: str, index: list[int], raw: str) -> list[Token]:
    """Tokenise the matching form; offsets of each token refer to ``raw``."""
    toks: list[Token] = []
    n = len(raw)
    for m in WORD_RE.finditer(norm):
        ns, ne = m.start(), m.end()
        start = index[ns]
        end = index[ne - 1] + 1 if ne - 1 < len(index) else n
        w = m.group()
        forms, prefixes = clitic_forms(w)
        toks.append(
            Token(text=raw[start:end], start=start, end=end, norm=w, forms=forms, prefixes=prefixes,
                  index=len(toks))
        )
    return toks
