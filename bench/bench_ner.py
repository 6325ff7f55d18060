"""Tagging throughput of the packaged NER model, tokens/s on one core (target >= 20,000).

Usage: python bench/bench_ner.py [--conll FILE] [--repeat N] [--model DIR]

Default input: the ANERcorp *train* file from ../shared when present (only its tokens are
used), else a synthetic sentence set written here. The process is pinned to one core.
The first pass runs with cold per-word feature caches (fresh process), later passes warm.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from rasid.ner.conll import read_tokens, row_token
from rasid.ner.tagger import Tagger

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/data/ner/anercorp/ANERCorp_CamelLab_train.txt"


def _synthetic() -> list[list[str]]:
    base = [
        "قال وزير الخارجية في مؤتمر صحفي عقده في العاصمة إن بلاده تدعم الحوار".split(),
        "وصل الرئيس إلى مدينة طرابلس على رأس وفد رسمي يضم عددا من الوزراء".split(),
        "أعلنت الشركة الوطنية للنفط ارتفاع الإنتاج خلال الشهر الماضي".split(),
    ]
    return [[f"{w}{i % 97}" if j % 5 == 0 else w for j, w in enumerate(s)] for i in range(3000) for s in base]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conll", default=str(DEFAULT) if DEFAULT.exists() else None)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--model", default=None, help="model folder (default: the packaged model)")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    sents = [[row_token(c) for c in rows] for rows in read_tokens(a.conll)] if a.conll else _synthetic()
    n = sum(len(s) for s in sents)
    t0 = time.perf_counter()
    tagger = Tagger.load(a.model)
    print(f"load: {time.perf_counter() - t0:.2f}s; input: {len(sents)} sentences, {n} tokens")
    for r in range(a.repeat):
        t0 = time.perf_counter()
        tagger.tag_sentences(sents)
        dt = time.perf_counter() - t0
        print(f"pass {r + 1} ({'cold' if r == 0 else 'warm'} feature cache): {n / dt:,.0f} tokens/s ({dt:.2f}s)")


if __name__ == "__main__":
    main()
