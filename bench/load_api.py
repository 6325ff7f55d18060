"""Bounded load test of the workbench API on loopback.

Builds a DuckDB store with ``--events`` synthetic PLOVER events (store ``add_batch``), starts
``rasid serve`` on a free 127.0.0.1 port, and drives it for ``--duration`` seconds with
``--concurrency`` asyncio/httpx workers over a mix of /api/events with filters,
/api/aggregates/time and /api/events/{id}. It prints requests per second, p50/p99 latency and
the error count (overall and per endpoint), stops the server and exits by itself. Only
127.0.0.1 is ever targeted.

    python bench/load_api.py                      # 50,000 events, 60 s, 16 workers
    python bench/load_api.py --duration 10 --json  # quick run, machine-readable summary
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"  # never anything else
COUNTRIES = ["SYR", "TUR", "IRQ", "EGY", "JOR", "LBN", "SAU", "QAT", "LBY", "SDN", "YEM", "PSE"]
TYPES = ["CONSULT", "ASSAULT", "ACCUSE", "AGREE", "AID", "PROTEST", "COERCE", "THREATEN", "MOBILIZE", "REQUEST"]
PLACES = [("دمشق", 33.51, 36.29, "SYR"), ("أنقرة", 39.92, 32.85, "TUR"), ("بغداد", 33.34, 44.40, "IRQ"),
          ("القاهرة", 30.06, 31.25, "EGY"), ("عمان", 31.96, 35.95, "JOR"), ("بيروت", 33.89, 35.49, "LBN"),
          ("طرابلس", 32.89, 13.19, "LBY"), ("الخرطوم", 15.50, 32.56, "SDN"), ("صنعاء", 15.35, 44.21, "YEM")]
WORDS = ["بحث", "قصف", "اتهم", "اتفق", "أرسل", "تظاهر", "اعتقل", "هدد", "حشد", "طلب", "الوزير", "الجيش",
         "الحكومة", "المعارضة", "مساعدات", "مواقع", "الحدود", "وفد"]
PER_ARTICLE = 5


def _event(rng: random.Random, doc: str, text: str, k: int, day: dt.date) -> dict[str, Any]:
    a, r = rng.sample(COUNTRIES, 2)
    place, lat, lon, cc = rng.choice(PLACES)
    typ = rng.choice(TYPES)
    start = k * 40
    sent = text[start:start + 39]
    return {
        "id": f"{doc}-{k + 1}", "doc": doc, "event": [typ], "mode": [], "context": [],
        "actor": [{"code": a + "GOV", "sector": "GOV", "entity_text": f"حكومة {a}", "office": None,
                   "identifier_text": None}],
        "recipient": [{"code": r + "MIL", "sector": "MIL", "entity_text": f"جيش {r}", "office": None,
                       "identifier_text": None}],
        "date": day.isoformat(), "enddate": None, "date_precision": "day", "date_text": None,
        "event_loc": {"extracted_place": place, "resolved_place": place, "geonameid": None, "lat": lat, "lon": lon,
                      "country_code": cc, "feature_code": "PPLC", "resolution": "city"},
        "event_text": sent,
        "text_info": {"sequence": k + 1, "start": start, "end": start + 39,
                      "trigger": {"start": start, "end": start + 3, "text": sent[:3]},
                      "evidence": [{"start": start, "end": start + 39, "text": sent}]},
        "modality": [], "reported_by": None, "confidence": round(rng.random(), 3), "rule": "bench",
        "published": day.isoformat(), "title": None, "url": None, "coder": "rasid-bench",
    }


def build_store(path: Path, n_events: int, seed: int = 5) -> tuple[int, list[str], float]:
    """A DuckDB store with ``n_events`` events; returns (events stored, some event ids, seconds)."""
    from rasid.store import open_store
    from rasid.store.base import ArticleRecord

    t0 = time.perf_counter()
    rng = random.Random(seed)
    n_articles = (n_events + PER_ARTICLE - 1) // PER_ARTICLE
    base = dt.date(2023, 1, 1)
    with open_store(f"duckdb:///{path}") as store:
        batch: list[tuple[ArticleRecord, list[dict[str, Any]]]] = []
        for i in range(n_articles):
            day = base + dt.timedelta(days=rng.randrange(730))
            text = "\n".join(" ".join(rng.choice(WORDS) for _ in range(8))[:39].ljust(39) for _ in range(PER_ARTICLE))
            text = f"{text}\nمقال {i}"
            doc = f"bench-{i:06d}"
            from rasid.model import Article

            art = Article(text=text, id=doc, title=f"مقال {i}", url=f"https://bench.example/{i}",
                          source=rng.choice(["a.example", "b.example", "c.example"]), published=day)
            k_max = min(PER_ARTICLE, n_events - i * PER_ARTICLE)
            batch.append((ArticleRecord.from_article(art), [_event(rng, doc, text, k, day) for k in range(k_max)]))
            if len(batch) >= 500:
                store.add_batch(batch)
                batch = []
        if batch:
            store.add_batch(batch)
        n = store.counts()["events"]
        ids = [r[0] for r in store._execute("SELECT id FROM events ORDER BY id LIMIT 2000")]
    return n, ids, time.perf_counter() - t0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _requests(ids: list[str], rng: random.Random):
    """An endless mix of (endpoint label, path+query)."""
    while True:
        c = rng.choice(COUNTRIES)
        t = rng.choice(TYPES)
        pick = rng.random()
        if pick < 0.30:
            yield "events?filters", f"/api/events?country={c}&type={t}&limit=50"
        elif pick < 0.45:
            y = rng.choice([2023, 2024])
            yield "events?q+since", f"/api/events?q={rng.choice(WORDS)}&since={y}-03-01&until={y}-09-30&limit=50"
        elif pick < 0.70:
            yield "aggregates/time", f"/api/aggregates/time?interval={rng.choice(['day', 'week', 'month'])}&country={c}"
        else:
            yield "events/{id}", f"/api/events/{rng.choice(ids)}"


async def _load(base: str, ids: list[str], duration: float, concurrency: int, seed: int) -> dict[str, Any]:
    import httpx

    assert base.startswith(f"http://{HOST}:"), base
    rng = random.Random(seed)
    gen = _requests(ids, rng)
    lat: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    deadline = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits, trust_env=False) as client:
        async def worker() -> None:
            while time.perf_counter() < deadline:
                label, path = next(gen)
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                lat.setdefault(label, []).append(time.perf_counter() - t0)
                if not ok:
                    errors[label] = errors.get(label, 0) + 1

        t_start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - t_start

    def summary(xs: list[float], errs: int) -> dict[str, Any]:
        xs = sorted(xs)
        q = (lambda p: round(1000 * xs[min(len(xs) - 1, int(p * len(xs)))], 1)) if xs else (lambda p: None)
        return {"requests": len(xs), "rps": round(len(xs) / elapsed, 1), "p50_ms": q(0.50), "p99_ms": q(0.99),
                "errors": errs}

    every = [x for xs in lat.values() for x in xs]
    return {"elapsed_s": round(elapsed, 1), "concurrency": concurrency,
            "total": summary(every, sum(errors.values())),
            "endpoints": {k: summary(v, errors.get(k, 0)) for k, v in sorted(lat.items())}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=50_000)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load (the run stops by itself)")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    args = ap.parse_args(argv)
    if not (1 <= args.concurrency <= 256 and 0 < args.duration <= 600):
        ap.error("concurrency in 1..256 and duration in (0, 600] seconds")

    with tempfile.TemporaryDirectory(prefix="rasid-load-") as tmp:
        path = Path(tmp) / "load.duckdb"
        n, ids, build_s = build_store(path, args.events)
        print(f"store: {n} events built in {build_s:.1f}s", file=sys.stderr)
        port = _free_port()
        base = f"http://{HOST}:{port}"
        env = {**os.environ, "RASID_TOKEN": "load-test"}
        env.pop("RASID_DB", None)
        srv = subprocess.Popen([sys.executable, "-m", "rasid.cli.main", "serve", "--db", f"duckdb:///{path}",
                                "--host", HOST, "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            import urllib.request

            for _ in range(300):
                try:
                    urllib.request.urlopen(base + "/api/health", timeout=1).read()
                    break
                except OSError:
                    if srv.poll() is not None:
                        print(srv.stderr.read().decode() if srv.stderr else "", file=sys.stderr)
                        return 1
                    time.sleep(0.1)
            else:
                print("server did not come up", file=sys.stderr)
                return 1
            res = asyncio.run(_load(base, ids, args.duration, args.concurrency, args.seed))
        finally:
            srv.terminate()
            try:
                srv.wait(timeout=10)
            except subprocess.TimeoutExpired:
                srv.kill()
        res.update({"events": n, "cpus": os.cpu_count()})
        if args.json:
            print(json.dumps(res))
        else:
            t = res["total"]
            print(f"{n} events, {res['concurrency']} workers, {res['elapsed_s']}s, {res['cpus']} CPUs (client and "
                  f"server share them)")
            print(f"{'endpoint':<18}{'requests':>9}{'rps':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
            for k, v in [*res["endpoints"].items(), ("TOTAL", t)]:
                print(f"{k:<18}{v['requests']:>9}{v['rps']:>9}{v['p50_ms']!s:>9}{v['p99_ms']!s:>9}{v['errors']:>8}")
        return 1 if res["total"]["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
