"""Gazetteer size, load time and per-article matching cost.

    python bench/bench_gazetteer.py [N]    # N news articles from ../shared (skipped when absent), default 500
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from rasid.model import Article
from rasid.place.gazetteer import DATA_DIR, Gazetteer
from rasid.place.resolve import find_places
from rasid.text.segment import build_document

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    for f in sorted(DATA_DIR.glob("*.tsv")):
        rows = sum(1 for line in f.open(encoding="utf-8") if line.strip() and not line.startswith("#"))
        print(f"{f.name}: {rows} rows, {f.stat().st_size} bytes")
    t = time.perf_counter()
    gaz = Gazetteer()
    t1 = time.perf_counter()
    m = gaz.matcher
    t2 = time.perf_counter()
    print(f"entries {len(gaz)}, Arabic forms {len(gaz.by_form)}, matcher phrases {m.size}")
    print(f"load {t1 - t:.3f} s, matcher build {t2 - t1:.3f} s, total {t2 - t:.3f} s")
    if not NEWS.exists():
        print("news corpus absent: matching benchmark skipped")
        return
    docs = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            if any(0xFD3E <= ord(c) <= 0xFD3F for c in text):  # see the normaliser issue in the report
                continue
            docs.append(build_document(Article(text=text)))
            if len(docs) >= n:
                break
    t = time.perf_counter()
    found = sum(len(find_places(d, gaz=gaz)) for d in docs)
    dt = time.perf_counter() - t
    chars = sum(len(d.text) for d in docs)
    print(f"find_places: {len(docs)} articles, {chars} chars, {found} places, "
          f"{1000 * dt / len(docs):.2f} ms/article")


if __name__ == "__main__":
    main()
