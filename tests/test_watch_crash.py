"""kill -9 during ``rasid watch``: the store and the state file survive, nothing is lost or duplicated.

A local http.server on 127.0.0.1 serves an RSS feed of 40 short Arabic reports written for this test.
``rasid watch --once`` runs in a subprocess and is SIGKILLed at seeded random moments, again and
again; after each kill the store must open, keep every article it had committed and hold no article
twice. A last run without a kill must leave the same articles and events as an uninterrupted run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("feedparser")

from rasid.store import open_store  # noqa: E402

COUNTRIES = ["مصر", "الأردن", "تونس", "المغرب", "العراق", "لبنان", "ليبيا", "السودان"]
N = 40


def _page(k: int) -> bytes:
    a, b = COUNTRIES[k % 8], COUNTRIES[(k + 3) % 8]
    title = f"تقرير رقم {k}: وزير خارجية {a} في {b}"
    body = (f"<p>وصل وزير خارجية {a} أمس إلى عاصمة {b} في زيارة رسمية هي الزيارة رقم {k}.</p>"
            f"<p>وبحث الوزير مع نظيره سبل تعزيز التعاون بين البلدين في المجالات الاقتصادية والأمنية.</p>")
    return (f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="2025-05-20"></head><body><article><h1>{title}</h1>'
            f"{body}</article></body></html>").encode()


@pytest.fixture()
def site():  # type: ignore[no-untyped-def]
    class H(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/feed.xml":
                items = "".join(f"<item><title>تقرير {k}</title><link>{base}/p{k}.html</link>"
                                f"<pubDate>Tue, 20 May 2025 08:00:00 GMT</pubDate></item>" for k in range(N))
                body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'
                        f"<link>{base}/</link><description>اختبار</description>{items}</channel></rss>").encode()
                ctype = "application/rss+xml"
            elif self.path.startswith("/p") and self.path.endswith(".html"):
                time.sleep(0.02)  # a little latency so that kills land mid-run
                body, ctype = _page(int(self.path[2:-5])), "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), H)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield base
    server.shutdown()


def _cmd(base: str, db: str, state: Path) -> list[str]:
    return [sys.executable, "-m", "rasid.cli.main", "watch", f"{base}/feed.xml", "--db", db, "--state", str(state),
            "--once", "--no-fuse", "--timeout", "5"]


def _snapshot(db: str) -> tuple[int, int, int]:
    """(articles, distinct article URLs, events) of the store."""
    with open_store(db) as s:
        rows = s.dump()
    arts = rows.get("articles", [])
    return len(arts), len({r[2] for r in arts}), len(rows.get("events", []))


def test_kill9_during_watch(site: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    clean_db = f"duckdb:///{tmp_path / 'clean.duckdb'}"
    r = subprocess.run(_cmd(site, clean_db, tmp_path / "clean.json"), env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    clean = _snapshot(clean_db)
    assert clean[0] == N

    db = f"duckdb:///{tmp_path / 'killed.duckdb'}"
    state = tmp_path / "killed.json"
    rng = random.Random(20261129)
    before = 0
    kills = 0
    for _ in range(8):
        p = subprocess.Popen(_cmd(site, db, state), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 3.0))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            kills += 1
        p.wait(timeout=60)
        n, distinct, _ev = _snapshot(db)  # the store opens after every kill
        assert n == distinct, "an article (URL) stored twice"
        assert n >= before, "a committed article was lost"
        before = n
    r = subprocess.run(_cmd(site, db, state), env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert _snapshot(db) == clean, "after the kills and a final run the store equals an uninterrupted run"
    assert kills >= 1
