"""Ingest throughput of the store alone (fake extractor), DuckDB and PostgreSQL.

    python bench/bench_ingest.py [N] [--pg URL]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

os.environ["RASID_EXTRACTOR"] = "rasid.store.testing:fake_extract"

from rasid.store import open_store  # noqa: E402
from rasid.store.ingest import ingest  # noqa: E402
from rasid.store.testing import PG_TEST_URL, fake_articles, pg_schema_url  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    pg = sys.argv[sys.argv.index("--pg") + 1] if "--pg" in sys.argv else PG_TEST_URL
    with tempfile.TemporaryDirectory() as d:
        corpus = os.path.join(d, "c.jsonl")
        with open(corpus, "w", encoding="utf-8") as fh:
            for r in fake_articles(n):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        targets = [("duckdb", f"duckdb:///{d}/b.duckdb", None)]
        try:
            url, drop = pg_schema_url(pg)
            targets.append(("postgres", url, drop))
        except Exception as e:
            print(f"postgres skipped: {e}")
        for name, url, drop in targets:
            try:
                with open_store(url) as s:
                    t0 = time.perf_counter()
                    st = ingest(s, [corpus], fuse=False)
                    t1 = time.perf_counter()
                    f = s.fuse()
                    t2 = time.perf_counter()
                    again = ingest(s, [corpus], fuse=False)
                    t3 = time.perf_counter()
                print(f"{name}: {st.read} articles ({st.added} new, {st.events} events) in {t1 - t0:.2f}s "
                      f"= {st.read / (t1 - t0):.0f} art/s; fuse {f['events']} events -> {f['fused']} in "
                      f"{t2 - t1:.2f}s; re-ingest (all skipped: {again.skipped}) {t3 - t2:.2f}s")
            finally:
                if drop:
                    drop()


if __name__ == "__main__":
    main()
