"""conlleval-style exact-span evaluation (micro P/R/F1 and per type)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rasid.ner.conll import map_anercorp, read_conll, spans

__all__ = ["score", "evaluate"]


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, Any]:
    """Exact-match span scores over parallel lists of IOB2 tag sequences."""
    tp: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    np_: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(spans(g)), set(spans(p))
        for s in gs:
            ng[s[2]] += 1
        for s in ps:
            np_[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1

    def prf(t: int, g: int, p: int) -> dict[str, float]:
        pr = t / p if p else 0.0
        rc = t / g if g else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f, 4), "gold": g, "pred": p}

    types = sorted(set(ng) | set(np_))
    out: dict[str, Any] = prf(sum(tp.values()), sum(ng.values()), sum(np_.values()))
    out["per_type"] = {t: prf(tp[t], ng[t], np_[t]) for t in types}
    out["tokens"] = sum(len(g) for g in gold)
    return out


def evaluate(gold_path: str, tagger: Any = None) -> dict[str, Any]:
    """Tag the tokens of a gold CoNLL file (ANERcorp labels) and score exact spans."""
    if tagger is None:
        from rasid.ner.tagger import Tagger

        tagger = Tagger.load()
    sents = read_conll(gold_path, map_anercorp)
    pred = tagger.tag_sentences([t for t, _ in sents])
    return score([g for _, g in sents], pred)
