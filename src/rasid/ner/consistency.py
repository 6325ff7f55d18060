"""Document-consistency features for the second-stage CRF (Krishnan & Manning 2006 style).

A name is usually tagged the same way every time it occurs in an article. The first-stage CRF
tags each sentence on its own; the second stage sees, for every token, what the first stage said
about the *same word* (its folded, clitic-peeled stem) elsewhere in the document: here a window
of ``window`` sentences on each side (ANERcorp files are consecutive sentences of news articles,
so a window approximates the article; in rasid's pipeline the sentences are those of one article).

Features of a token whose word occurs elsewhere in the window (its own occurrence excluded):

- ``dm=T``: majority first-stage label of the other occurrences (``T`` = PERS/ORG/LOC/MISC or O);
- ``da=T``: at least one other occurrence was inside a ``T`` span (and ``dA=T``: most of them were);
- ``db=T``: an other occurrence *began* a ``T`` span; ``dn=1``/``dn=2+``: how many other occurrences;
- with ``neighbours``, the majority label of the word before and after (``-1dm=T``, ``1dm=T``).
- with ``own``, the token's own first-stage tag and its neighbours' (``s1=B-PERS``, ``-1s1=…``,
  ``1s1=…``), i.e. plain stacking.
- with ``domain`` (feature augmentation as in :mod:`rasid.ner.features`), each document feature is
  repeated under the corpus prefix passed to :meth:`DocFeatures.compute` (``a:`` = the news domain).
- with ``spans``, multi-word matches: where the same word sequence (2-6 words) was tagged as a whole
  ``T`` span elsewhere in the window, its tokens get ``ds=B-T`` / ``ds=I-T`` (longest match first).

Short words, digits and punctuation get no document features (``key`` returns None).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rasid.ner.conll import spans as iob_spans
from rasid.ner.text import safe_fold
from rasid.text.tokenize import clitic_forms

__all__ = ["DocFeatures", "key", "DEFAULT_WINDOW"]

DEFAULT_WINDOW = 30
_TYPES = ("PERS", "ORG", "LOC", "MISC")
_IDX = {t: i for i, t in enumerate(_TYPES)}
# per key: [n, n_O, n_PERS, n_ORG, n_LOC, n_MISC, b_PERS, b_ORG, b_LOC, b_MISC]
_W = 10
_MAX_SPAN = 6


@lru_cache(maxsize=200_000)
def key(token: str) -> str | None:
    """The word a token stands for in the document (folded, proclitics peeled), or None."""
    w = safe_fold(token).replace(" ", "")
    if len(w) < 2 or not w.isalpha():
        return None
    stem = clitic_forms(w)[0][-1]
    return stem if len(stem) >= 2 else None


def _vec(tag: str) -> tuple[int, ...]:
    v = [0] * _W
    v[0] = 1
    if tag == "O" or tag[2:] not in _IDX:
        v[1] = 1
    else:
        k = _IDX[tag[2:]]
        v[2 + k] = 1
        if tag.startswith("B-"):
            v[6 + k] = 1
    return tuple(v)


_TAGS = ("O", *(f"{p}-{t}" for p in "BI" for t in _TYPES))
_VEC = {t: _vec(t) for t in _TAGS}
_TIX = {t: i for i, t in enumerate(_TAGS)}
_NT = len(_TAGS)


def _from_counts(c: dict[str, int], own_tag: str) -> tuple[str | None, tuple[str, ...]]:
    """(majority label, features) from the window's tag counts of a word, less the token's own tag."""
    other = [0] * _W
    for t, x in c.items():
        if t == own_tag:
            x -= 1
        if x:
            v = _VEC[t]
            for j in range(_W):
                if v[j]:
                    other[j] += x
    if other[0] <= 0:
        return None, ()
    tot = other[0]
    best = max(range(1, 6), key=lambda j: (other[j], -j))
    m = "O" if best == 1 else _TYPES[best - 2]
    f = ["dm=" + m, "dn=" + ("1" if tot == 1 else "2+")]
    for j, typ in enumerate(_TYPES):
        if other[2 + j]:
            f.append("da=" + typ)
            if 2 * other[2 + j] > tot:
                f.append("dA=" + typ)
        if other[6 + j]:
            f.append("db=" + typ)
    return m, tuple(f)


class DocFeatures:
    """Computes the document features of a run of consecutive sentences from first-stage tags."""

    def __init__(self, window: int = DEFAULT_WINDOW, neighbours: bool = False, own: bool = False,
                 spans: bool = False, domain: bool = False) -> None:
        self.window = window
        self.domain = domain
        self.neighbours = neighbours
        self.own = own
        self.spans = spans
        self._memo: dict[tuple[object, ...], tuple[str | None, tuple[str, ...]]] = {}

    def compute(self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                targets: Sequence[int] | None = None, domain: str | None = None) -> dict[int, list[list[str]]]:
        """Feature lists (one per token) for each sentence index in ``targets`` (default: all).
        ``domain``: the corpus prefix for the domain copies (when the object was made with ``domain``).

        ``sentences[i]`` are the tokens and ``tags[i]`` the first-stage IOB2 tags of sentence i;
        sentences are consecutive text of one document (or stream of documents).
        """
        keys = [[key(t) for t in s] for s in sentences]
        norm = [[t if t in _VEC else "O" for t in ts] for ts in tags]
        # per-sentence occurrences: (word, tag index)
        per: list[list[tuple[str, int]]] = [
            [(k, _TIX[t]) for k, t in zip(ks, ts, strict=True) if k is not None]
            for ks, ts in zip(keys, norm, strict=True)]
        # per-sentence multi-word spans: (keys, type) -> count
        pspans: list[dict[tuple[tuple[str | None, ...], str], int]] = []
        own_spans: list[set[tuple[int, int, str]]] = []
        if self.spans:
            for ks, ts in zip(keys, norm, strict=True):
                ds: dict[tuple[tuple[str | None, ...], str], int] = {}
                sp = iob_spans(ts)
                own_spans.append(set(sp))
                for a, b, lab in sp:
                    if 2 <= b - a <= _MAX_SPAN and all(k is not None for k in ks[a:b]):
                        kk = (tuple(ks[a:b]), lab)
                        ds[kk] = ds.get(kk, 0) + 1
                pspans.append(ds)
        sfirst: dict[str | None, int] = {}  # first word of the spans in the window -> count
        swin: dict[tuple[str | None, ...], dict[str, int]] = {}
        n = len(sentences)
        want = range(n) if targets is None else sorted(set(targets))
        win: dict[str, list[int]] = {}  # word -> count per tag index, total last
        lo, hi = 0, 0  # the window holds sentences lo .. hi-1

        def add(j_: int, sign: int) -> None:
            for k, ix in per[j_]:
                w = win.get(k)
                if w is None:
                    win[k] = w = [0] * (_NT + 1)
                w[ix] += sign
                w[_NT] += sign
                if not w[_NT]:
                    del win[k]
            if self.spans:
                for (kk, lab), c in pspans[j_].items():
                    v = sfirst.get(kk[0], 0) + sign * c
                    if v:
                        sfirst[kk[0]] = v
                    else:
                        del sfirst[kk[0]]
                    e = swin.setdefault(kk, {})
                    e[lab] = e.get(lab, 0) + sign * c
                    if e[lab] == 0:
                        del e[lab]
                    if not e:
                        del swin[kk]

        out: dict[int, list[list[str]]] = {}
        for i in want:
            a, b = max(0, i - self.window), min(n, i + self.window + 1)
            if a >= hi or b <= lo or (lo, hi) == (0, 0):
                win.clear()
                swin.clear()
                sfirst.clear()
                lo = hi = a
            while lo < a:
                add(lo, -1)
                lo += 1
            while hi < b:
                add(hi, 1)
                hi += 1
            out[i] = self._sentence(keys[i], norm[i], win)
            if self.spans and swin:
                self._span_marks(keys[i], own_spans[i], swin, sfirst, out[i])
            if self.domain and domain:
                for f in out[i]:
                    f.extend([f"{domain}:{x}" for x in f])
        return out

    @staticmethod
    def _span_marks(ks: Sequence[str | None], own: set[tuple[int, int, str]],
                    swin: dict[tuple[str | None, ...], dict[str, int]], sfirst: dict[str | None, int],
                    feats: list[list[str]]) -> None:
        n = len(ks)
        j = 0
        while j < n:
            hit = None
            if ks[j] in sfirst:
                for ln in range(min(_MAX_SPAN, n - j), 1, -1):
                    e = swin.get(tuple(ks[j:j + ln]))
                    if not e:
                        continue
                    cnt = {lab: c - (1 if (j, j + ln, lab) in own else 0) for lab, c in e.items()}
                    cnt = {lab: c for lab, c in cnt.items() if c > 0}
                    if cnt:
                        hit = (ln, max(sorted(cnt), key=lambda x: cnt[x]))
                        break
            if hit is None:
                j += 1
                continue
            ln, lab = hit
            feats[j].append("ds=B-" + lab)
            for k in range(j + 1, j + ln):
                feats[k].append("ds=I-" + lab)
            j += ln

    def _sentence(self, ks: Sequence[str | None], ts: Sequence[str], win: dict[str, list[int]]
                  ) -> list[list[str]]:
        maj: list[str | None] = []
        feats: list[list[str]] = []
        memo = self._memo
        for k, t in zip(ks, ts, strict=True):
            c = win.get(k) if k is not None else None
            if c is None or c[_NT] == 1:  # seen nowhere else in the window
                maj.append(None)
                feats.append([])
                continue
            sig = (t, *c)
            got = memo.get(sig)
            if got is None:
                got = memo[sig] = _from_counts({_TAGS[j]: x for j, x in enumerate(c[:_NT]) if x}, t)
                if len(memo) > 100_000:
                    memo.clear()
            maj.append(got[0])
            feats.append(list(got[1]))
        if self.neighbours:
            for i, f in enumerate(feats):
                if i > 0 and maj[i - 1] is not None:
                    f.append("-1dm=" + maj[i - 1])  # type: ignore[operator]
                if i + 1 < len(feats) and maj[i + 1] is not None:
                    f.append("1dm=" + maj[i + 1])  # type: ignore[operator]
        if self.own:
            for i, f in enumerate(feats):
                f.append("s1=" + ts[i])
                f.append("-1s1=" + (ts[i - 1] if i > 0 else "BOS"))
                f.append("1s1=" + (ts[i + 1] if i + 1 < len(ts) else "EOS"))
        return feats
