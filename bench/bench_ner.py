"""Tagging throughput of the packaged NER model, tokens/s on one core (target >= 20,000).

Usage: python bench/bench_ner.py [--conll FILE] [--repeat N] [--model DIR]
       python bench/bench_ner.py --news N       # N news articles, each a document, one cold pass

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
    ap.add_argument("--news", type=int, default=0, metavar="N",
                    help="instead, tag the first N articles of the SaudiNewsNet corpus in ../shared, each article "
                         "one document (rasid's own sentence split and tokens): one pass, cold start")
    a = ap.parse_args()
    if a.news:
        _news(a.news, a.model)
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    sents = [[row_token(c) for c in rows] for rows in read_tokens(a.conll)] if a.conll else _synthetic()
    n = sum(len(s) for s in sents)
    t0 = time.perf_counter()
    tagger = Tagger.load(a.model)
    print(f"load: {time.perf_counter() - t0:.2f}s; input: {len(sents)} sentences, {n} tokens; "
          f"{'two-stage (document consistency)' if tagger.two_stage else 'one-stage'} model")
    for r in range(a.repeat):
        t0 = time.perf_counter()
        tagger.tag_sentences(sents)
        dt = time.perf_counter() - t0
        print(f"pass {r + 1} ({'cold' if r == 0 else 'warm'} feature cache): {n / dt:,.0f} tokens/s ({dt:.2f}s)")


def _news(n_articles: int, model: str | None) -> None:
    """Throughput on news articles as the pipeline sees them (each article its own document)."""
    import gzip
    import itertools
    import json

    from rasid.model import Article
    from rasid.text.segment import build_document

    corpus = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet-2015-07.jsonl.gz"
    if not corpus.exists():
        print(f"{corpus} not found: skipping")
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    docs = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, n_articles):
            d = build_document(Article(text=json.loads(line).get("text") or ""))
            docs.append([[t.text for t in d.tokens[s.tok_start:s.tok_end]] for s in d.sentences
                         if s.tok_end > s.tok_start])
    n = sum(len(s) for d in docs for s in d)
    t0 = time.perf_counter()
    tagger = Tagger.load(model)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        tagger.tag_document(d)
    dt = time.perf_counter() - t0
    print(f"load: {load:.2f}s; {len(docs)} articles, {n} tokens, one pass from a cold start: "
          f"{n / dt:,.0f} tokens/s ({dt:.2f}s)")


if __name__ == "__main__":
    main()
