"""Ingest: idempotency, resumability after SIGKILL, CLI wiring (both engines).

Uses the fake corpus/extractor of :mod:`rasid.store.testing` through the
``RASID_EXTRACTOR`` hook, so it does not depend on the real pipeline.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasid.store import open_store
from rasid.store.ingest import ingest
from rasid.store.testing import fake_articles

FAKE = "rasid.store.testing:fake_extract"
SRC = str(Path(__file__).resolve().parents[1] / "src")

import test_store  # noqa: E402  (sibling test module; pytest puts tests/ on sys.path)

store_url = test_store.store_url  # the engine-parametrised fixture (DuckDB, PostgreSQL)


@pytest.fixture(autouse=True)
def _fake_extractor(monkeypatch):
    monkeypatch.setenv("RASID_EXTRACTOR", FAKE)


def _corpus(tmp_path: Path, n: int) -> Path:
    p = tmp_path / "corpus.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for r in fake_articles(n):
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return p


def test_reingest_adds_nothing(store_url, tmp_path):
    corpus = _corpus(tmp_path, 120)
    with open_store(store_url) as s:
        first = ingest(s, [str(corpus)], batch_size=16)
        before = s.dump()
        second = ingest(s, [str(corpus)], batch_size=7, workers=2)
        assert second.added == 0 and second.events == 0 and second.skipped == first.read
        assert s.dump() == before
    assert first.added > 100 and first.skipped > 0  # the corpus holds duplicates
    assert first.fusion["multi"] > 0


def test_workers_give_same_result(tmp_path):
    corpus = _corpus(tmp_path, 80)
    dumps = []
    for w in (1, 3):
        with open_store(f"duckdb:///{tmp_path}/w{w}.duckdb") as s:
            ingest(s, [str(corpus)], workers=w, batch_size=20)
            dumps.append(s.dump())
    assert dumps[0] == dumps[1]


def _cli(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "rasid.cli.store", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sigkill_midway_then_rerun_equals_clean_run(store_url, tmp_path):
    corpus = _corpus(tmp_path, 240)
    mark = tmp_path / "mark.txt"
    env = {**os.environ, "RASID_EXTRACTOR": FAKE, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    args = ["ingest", str(corpus), "--db", store_url, "--batch-size", "10", "-q"]
    p = _cli(args, {**env, "RASID_FAKE_DELAY": "0.01", "RASID_FAKE_MARK": str(mark)})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if mark.exists() and len(mark.read_text().splitlines()) >= 100:
            break
        if p.poll() is not None:
            pytest.fail("ingest finished before it could be killed: " + p.stderr.read().decode())
        time.sleep(0.01)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    with open_store(store_url) as s:
        partial = s.counts()
        n_listed = sum(1 for _ in s.iter_events())
    assert 0 < partial["articles"] < 220  # killed mid-way, some batches committed
    assert partial["events"] == n_listed
    p = _cli(args, env)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode()
    with open_store(store_url) as s:
        resumed = s.dump()
    clean_url = f"duckdb:///{tmp_path}/clean.duckdb"
    p = _cli(["ingest", str(corpus), "--db", clean_url, "--batch-size", "10", "-q"], env)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode()
    with open_store(clean_url) as s:
        clean = s.dump()
    for table in clean:
        assert [tuple(map(str, r)) for r in resumed[table]] == [tuple(map(str, r)) for r in clean[table]], table
    assert len(clean["articles"]) > 200


def test_cli_query_and_export(tmp_path):
    from click.testing import CliRunner

    from rasid.cli.store import group

    corpus = _corpus(tmp_path, 40)
    db = f"duckdb:///{tmp_path}/cli.duckdb"
    r = CliRunner()
    res = r.invoke(group, ["ingest", str(corpus), "--db", db, "-q"])
    assert res.exit_code == 0, res.output
    res = r.invoke(group, ["query", "--db", db, "--type", "ASSAULT", "--json"])
    assert res.exit_code == 0
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert lines and all(ev["event"] == ["ASSAULT"] for ev in lines)
    res = r.invoke(group, ["query", "--db", db, "--near", "33.5,36.3,20", "--limit", "3"])
    assert res.exit_code == 0 and "events" in res.stdout
    res = r.invoke(group, ["query", "--db", db, "--near", "95,0,1"])
    assert res.exit_code != 0
    out = tmp_path / "ev.csv"
    res = r.invoke(group, ["export", "--db", db, "--format", "acled", "-o", str(out), "--country", "SYR"])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("event_id_cnty,")
    res = r.invoke(group, ["fuse", "--db", db])
    assert res.exit_code == 0
