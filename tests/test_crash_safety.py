"""kill -9 during ``rasid ingest``, many times at seeded random points, on DuckDB and PostgreSQL.

One corpus of a few hundred small synthetic articles (:mod:`rasid.store.testing`, coded by the
fake extractor through ``RASID_EXTRACTOR``) is ingested by a real ``rasid ingest`` process that
is SIGKILLed again and again: at start-up (imports, schema migration), in the middle of
extraction (after a random number of articles) and at the very end (last commit, fusion).
After every kill the store must open, carry the current schema version, have lost nothing it
had committed (article ids only grow), and hold only whole articles: each stored article has
exactly the events, entities and evidence an uninterrupted run gives it. A final run then
completes and the store equals an uninterrupted run's, row for row (no duplicates).

PostgreSQL runs in a fresh schema on postgresql://postgres@127.0.0.1:5432/test (override with
RASID_TEST_PG); it skips when unreachable unless RASID_REQUIRE_PG=1.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from _support import pg_url_or_skip
from rasid.store import open_store
from rasid.store.testing import fake_articles

FAKE = "rasid.store.testing:fake_extract"
SRC = str(Path(__file__).resolve().parents[1] / "src")
N_ARTICLES = 300
KILLS = 10
SEED = 20250526


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "duckdb":
        yield f"duckdb:///{tmp_path}/crash.duckdb"
        return
    url, drop = pg_url_or_skip()
    try:
        yield url
    finally:
        drop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for r in fake_articles(N_ARTICLES, seed=11):
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return p


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory) -> dict:
    """The reference: one uninterrupted run on its own DuckDB file."""
    url = f"duckdb:///{tmp_path_factory.mktemp('clean')}/clean.duckdb"
    p = _ingest(corpus, url, _env())
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode()
    return _snapshot(url, dump=True)


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "RASID_EXTRACTOR": FAKE, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("RASID_FAKE_MARK", None)
    env.pop("RASID_FAKE_DELAY", None)
    env.update(extra)
    return env


def _ingest(corpus: Path, url: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "rasid.cli.store", "ingest", str(corpus), "--db", url,
                             "--batch-size", "10", "-q"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _snapshot(url: str, dump: bool = False) -> dict:
    """Per-article content of the store (ids, events with entity/evidence counts) plus raw counts."""
    with open_store(url) as s:
        version = s.schema_version()
        counts = s.counts()
        arts = {r[0]: r[1] for r in s._execute("SELECT id, n_events FROM articles")}
        evs = s._execute(
            "SELECT e.article_id, e.id, (SELECT count(*) FROM entities x WHERE x.event_id = e.id),"
            " (SELECT count(*) FROM evidence v WHERE v.event_id = e.id) FROM events e")
        rows = s.dump() if dump else None
    per_art: dict[str, list[tuple]] = {}
    for aid, eid, n_ent, n_evd in evs:
        per_art.setdefault(aid, []).append((eid, int(n_ent), int(n_evd)))
    return {"version": version, "counts": counts, "articles": arts,
            "events": {a: sorted(v) for a, v in per_art.items()}, "dump": rows}


def _same_dump(a: dict, b: dict) -> None:
    for table in b:
        assert [tuple(map(str, r)) for r in a[table]] == [tuple(map(str, r)) for r in b[table]], table


def _kill_when(p: subprocess.Popen, mark: Path, kind: str, rng: random.Random, remaining: int) -> bool:
    """SIGKILL ``p`` at a point of the given kind; False when it finished first."""
    if kind == "startup":
        target_marks, extra = 0, rng.uniform(0.05, 0.9)
    elif kind == "middle":
        target_marks, extra = rng.randint(1, max(1, remaining // 5)), 0.0
    else:  # "end": everything extracted; last batch commit and fusion
        target_marks, extra = remaining, rng.uniform(0.0, 0.15)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if p.poll() is not None:
            return False
        n = len(mark.read_text(encoding="utf-8").splitlines()) if mark.exists() else 0
        if n >= target_marks:
            break
        time.sleep(0.003)
    if extra:
        time.sleep(extra)
    if p.poll() is not None:
        return False
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    return True


def test_repeated_sigkill_never_corrupts_or_loses(store_url: str, corpus: Path, clean: dict,
                                                   tmp_path: Path) -> None:
    t0 = time.perf_counter()
    total = len(clean["articles"])
    assert total > 200 and clean["counts"]["events"] > total

    rng = random.Random(SEED)
    # start-up (imports, migration), seven points inside extraction, then the end (commit, fusion)
    kinds = ["startup", *["middle"] * 7, "end", "startup", "end"]
    prev_ids: set[str] = set()
    kills = finished = 0
    log: list[str] = []
    for attempt in range(KILLS * 3):
        if kills >= KILLS:
            break
        mark = tmp_path / f"mark{attempt}.txt"
        kind = kinds[min(kills, len(kinds) - 1)]
        p = _ingest(corpus, store_url, _env(RASID_FAKE_DELAY="0.004", RASID_FAKE_MARK=str(mark)))
        killed = _kill_when(p, mark, kind, rng, total - len(prev_ids))
        if killed:
            kills += 1
        else:
            finished += 1
            assert p.returncode == 0, p.stderr.read().decode()
        snap = _snapshot(store_url)  # opens: not corrupt
        assert snap["version"] == clean["version"], "schema version after a kill"
        ids = set(snap["articles"])
        assert prev_ids <= ids, f"committed articles lost after a kill ({kind})"
        assert ids <= set(clean["articles"])
        # only whole articles: same events (with their entities and evidence) as the clean run
        for aid in ids:
            assert snap["articles"][aid] == clean["articles"][aid], aid
            assert snap["events"].get(aid, []) == clean["events"].get(aid, []), aid
        c = snap["counts"]
        assert c["events"] == sum(len(v) for v in snap["events"].values())
        assert c["events"] == sum(len(clean["events"].get(a, [])) for a in ids)  # no duplicates
        log.append(f"{kind}:{'kill' if killed else 'done'}:{len(ids)}")
        prev_ids = ids
    assert kills >= KILLS, f"only {kills} kills landed: {log}"

    p = _ingest(corpus, store_url, _env())
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode()
    final = _snapshot(store_url, dump=True)
    assert set(final["articles"]) == set(clean["articles"])
    assert final["counts"] == clean["counts"]
    _same_dump(final["dump"], clean["dump"])
    print(f"{store_url.split(':')[0]}: {kills} kills, {finished} finished runs, {time.perf_counter() - t0:.1f}s; "
          + " ".join(log))
    assert Counter(x.split(":")[1] for x in log)["kill"] == kills
