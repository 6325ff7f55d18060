"""Safe folding of tokens for the tagger.

:func:`rasid.text.normalize.fold` recurses without end on the ~100 code points
in the Arabic presentation-form blocks whose NFKC form is themselves
(e.g. U+FBB2..U+FBC1 ornate signs, unassigned points); those are replaced by a
space here before folding.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rasid.text.normalize import fold

__all__ = ["safe_fold"]

_BAD = {
    o: " "
    for o in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]
    if unicodedata.normalize("NFKC", chr(o)) == chr(o)
}


@lru_cache(maxsize=300_000)
def safe_fold(s: str) -> str:
    """``fold(s)`` with self-normalising presentation-form code points blanked out."""
    return fold(s.translate(_BAD))
