"""Throughput of the time layer: find_times over N articles of the shared SaudiNewsNet sample.

Usage: python bench/bench_time.py [--n 2000] [--path ../shared/data/news/saudinewsnet-2015-07.jsonl.gz]

Documents are built first (text layer, not timed); only ``find_times`` is timed. Prints articles,
characters, expressions found, total seconds and microseconds per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path

from rasid.model import Article
from rasid.text.segment import build_document
from rasid.time import find_times

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--path", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3, help="best of N timed passes")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"corpus not found: {args.path}", file=sys.stderr)
        return 2
    pub = dt.date(2015, 7, 15)
    docs = []
    with gzip.open(args.path, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            docs.append(build_document(Article(text=text, published=pub)))
            if len(docs) >= args.n:
                break
    find_times(docs[0], pub)  # build the patterns outside the timing
    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        found = sum(len(find_times(d, pub)) for d in docs)
        best = min(best, time.perf_counter() - t0)
    chars = sum(len(d.text) for d in docs)
    print(f"articles={len(docs)} chars={chars} expressions={found} seconds={best:.3f} "
          f"us_per_article={1e6 * best / len(docs):.0f} chars_per_second={chars / best:,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
