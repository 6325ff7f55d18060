"""Extraction throughput and peak memory, against a read-and-tokenise floor.

    python bench/bench_extract.py [--corpus FILE.jsonl.gz] [--limits 2000,all] [--workers 2]
                                  [--profile N] [--json OUT.json]

For each limit (a number of articles, or ``all``) it runs, each in a fresh
Python process so that peak memory is that run's own:

* ``floor``  -- read the same gzipped JSONL and split every text into tokens
  with one regular expression (``\\w+``): the least any extractor must pay;
* ``serial`` -- ``rasid extract`` with one process (the CLI's own ``_run_serial``);
* ``wN``     -- ``rasid extract --workers N`` (:func:`rasid.parallel.run_parallel`).

It prints articles/s (wall and per CPU-second: the machine may be shared),
events, peak RSS of the main process and of the largest worker
(``resource.getrusage``), and the ratio of our wall time to the floor's.
``--profile N`` profiles the serial pipeline on N articles with pyinstrument
(``pip install pyinstrument``) and prints the functions with the most self time.
The corpus is ``/work/shared/data/news/saudinewsnet-2015-07.jsonl.gz`` by
default; when it is missing the benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/news/saudinewsnet-2015-07.jsonl.gz"
if not DEFAULT_CORPUS.exists():
    DEFAULT_CORPUS = Path("/work/shared/data/news/saudinewsnet-2015-07.jsonl.gz")
_TOKEN = re.compile(r"\w+")


def _usage() -> dict[str, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "rss_main_mb": me.ru_maxrss / 1024,  # KiB on Linux
        "rss_worker_mb": kids.ru_maxrss / 1024,
    }


# ---------------------------------------------------------------- one run (child process)
def _floor(corpus: str, limit: int | None) -> dict[str, Any]:
    n = toks = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, limit):
            rec = json.loads(line)
            toks += len(_TOKEN.findall(rec.get("text") or ""))
            n += 1
    return {"articles": n, "tokens": toks}


class _Count(io.TextIOBase):
    """A sink that counts lines and hashes them instead of keeping them."""

    def __init__(self) -> None:
        self.lines = 0
        self.sha = hashlib.sha256()

    def write(self, s: str) -> int:  # type: ignore[override]
        self.lines += s.count("\n")
        self.sha.update(s.encode("utf-8"))
        return len(s)


def _extract(corpus: str, limit: int | None, workers: int) -> dict[str, Any]:
    from rasid.read import read_inputs

    t0 = time.perf_counter()
    load = None
    if workers <= 1:  # the serial path loads lexicons/models on its first article: time that apart
        from rasid.parallel import warm

        warm()
        load = time.perf_counter() - t0
    items = itertools.islice(read_inputs([corpus]), limit)
    sink, errors = _Count(), []
    counted: list[int] = []

    def counting(it):  # type: ignore[no-untyped-def]
        for x in it:
            counted.append(1)
            yield x

    if workers <= 1:
        from rasid.cli.extract import _run_serial

        _run_serial(counting(items), sink, errors)
    else:
        from rasid.parallel import run_parallel

        run_parallel(counting(items), sink, errors, workers)
    return {"articles": len(counted), "events": sink.lines, "errors": len(errors), "load_s": load,
            "sha256": sink.sha.hexdigest()}


def _child(mode: str, corpus: str, limit: int | None, workers: int) -> None:
    t0, c0 = time.perf_counter(), _usage()["cpu"]
    res = _floor(corpus, limit) if mode == "floor" else _extract(corpus, limit, workers)
    res["wall_s"] = time.perf_counter() - t0
    u = _usage()
    res["cpu_s"] = u["cpu"] - c0
    res["rss_main_mb"], res["rss_worker_mb"] = u["rss_main_mb"], u["rss_worker_mb"] if workers > 1 else None
    print("RESULT " + json.dumps(res))


def _spawn(mode: str, corpus: str, limit: int | None, workers: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--_child", mode, "--corpus", corpus, "--_limit", str(limit or 0),
           "--_workers", str(workers)]
    p = subprocess.run(cmd, capture_output=True, text=True, check=False)
    for line in p.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"{mode} run failed (exit {p.returncode}):\n{p.stderr[-2000:]}")


# ---------------------------------------------------------------- profile
def _profile(corpus: str, n: int, top: int) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("profile skipped: pip install pyinstrument")
        return
    from rasid.cli.extract import extract_one
    from rasid.parallel import warm
    from rasid.read import read_inputs

    warm()
    arts = [a for a in itertools.islice(read_inputs([corpus]), n) if hasattr(a, "text")]
    prof = Profiler(interval=0.0005)
    prof.start()
    for a in arts:
        extract_one(a)
    prof.stop()
    session = prof.last_session
    total = session.duration
    # self time per function, and cumulative time per function (counted once per stack)
    selft: dict[str, float] = {}
    cum: dict[str, float] = {}

    def walk(frame, stack: set[str]) -> None:  # type: ignore[no-untyped-def]
        key = f"{frame.function} ({_short(frame.file_path)}:{frame.line_no})"
        real = [c for c in frame.children if not _synthetic(c)]  # "[self]"/"[await]" frames are own time
        own = frame.time - sum(c.time for c in real)
        selft[key] = selft.get(key, 0.0) + max(own, 0.0)
        if key not in stack:
            cum[key] = cum.get(key, 0.0) + frame.time
        for c in real:
            walk(c, stack | {key})

    walk(session.root_frame(), set())
    print(f"\nprofile: {len(arts)} articles, {total:.1f} s sampled")
    print(f"top {top} by self time (share of total):")
    for k, v in sorted(selft.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {100 * v / total:5.1f}%  {k}")
    print(f"top {top} rasid functions by cumulative time:")
    rasid = [(k, v) for k, v in cum.items() if "rasid/" in k]
    for k, v in sorted(rasid, key=lambda kv: -kv[1])[:top]:
        print(f"  {100 * v / total:5.1f}%  {k}")


def _synthetic(frame) -> bool:  # type: ignore[no-untyped-def]
    return str(getattr(frame, "function", "") or "").startswith("[")


def _short(path: str | None) -> str:
    if not path:
        return "?"
    i = path.find("rasid/")
    return path[i:] if i >= 0 else Path(path).name


# ---------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limits", default="2000,all", help="comma-separated article counts, or 'all'")
    ap.add_argument("--workers", default="2", help="comma-separated worker counts for the parallel runs")
    ap.add_argument("--no-serial", action="store_true")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile the pipeline on N articles")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--json", dest="json_out", help="also write the results here")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    ap.add_argument("--_limit", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--_workers", type=int, default=1, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a._child:
        _child(a._child, a.corpus, a._limit or None, a._workers)
        return 0
    if not Path(a.corpus).exists():
        print(f"bench_extract: corpus {a.corpus} not found; skipped")
        return 0
    limits = [None if x.strip() == "all" else int(x) for x in a.limits.split(",") if x.strip()]
    workers = [int(x) for x in a.workers.split(",") if x.strip()]
    print(f"corpus {a.corpus}; CPUs usable {len(os.sched_getaffinity(0))}; load average {os.getloadavg()[0]:.1f}")
    rows: list[dict[str, Any]] = []
    for limit in limits:
        floor = _spawn("floor", a.corpus, limit, 1)
        floor["mode"], floor["limit"] = "floor", limit
        rows.append(floor)
        runs = ([] if a.no_serial else [("serial", 1)]) + [(f"w{w}", w) for w in workers]
        for name, w in runs:
            r = _spawn("extract", a.corpus, limit, w)
            r["mode"], r["limit"], r["ratio"] = name, limit, r["wall_s"] / floor["wall_s"]
            rows.append(r)
        _print(rows, limit)
    if a.json_out:
        Path(a.json_out).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if a.profile:
        _profile(a.corpus, a.profile, a.top)
    return 0


def _print(rows: list[dict[str, Any]], limit: int | None) -> None:
    print(f"\n== {limit or 'all'} articles ==")
    print(f"{'run':8} {'articles':>8} {'events':>7} {'wall s':>8} {'cpu s':>8} {'art/s':>8} {'art/cpu-s':>9} "
          f"{'rss MB':>7} {'worker MB':>9} {'x floor':>8}")
    for r in rows:
        if r["limit"] != limit:
            continue
        ev = r.get("events", r.get("tokens"))
        wm = f"{r['rss_worker_mb']:.0f}" if r.get("rss_worker_mb") else "-"
        ratio = f"{r['ratio']:.0f}" if "ratio" in r else "1"
        print(f"{r['mode']:8} {r['articles']:>8} {ev:>7} {r['wall_s']:>8.1f} {r['cpu_s']:>8.1f} "
              f"{r['articles'] / r['wall_s']:>8.1f} {r['articles'] / max(r['cpu_s'], 1e-9):>9.1f} "
              f"{r['rss_main_mb']:>7.0f} {wm:>9} {ratio:>8}")
    print("(floor 'events' column = regex tokens; serial wall includes loading, load_s: "
          + ", ".join(f"{r['load_s']:.1f}" for r in rows if r["limit"] == limit and r.get("load_s")) + ")")
    digests = {r["mode"]: r["sha256"][:12] for r in rows if r["limit"] == limit and r.get("sha256")}
    if len(digests) > 1:
        same = len(set(digests.values())) == 1
        print(f"output sha256: {digests} -> {'identical' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    sys.exit(main())
