"""``rasid watch``: feeds and pages served by a local http.server on 127.0.0.1.

The pages are our own short Arabic reports (no third-party text).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("feedparser")

from rasid.store import open_store  # noqa: E402
from rasid.watch.feeds import Watcher  # noqa: E402

PAGES = {
    "a1": ("وزير الخارجية يزور عمان",
           "عمان - أعلنت وزارة الخارجية الأردنية أمس أن وزير الخارجية المصري وصل إلى عمان في زيارة رسمية "
           "تستمر يومين. وقال المتحدث باسم الوزارة إن الوزيرين بحثا العلاقات الثنائية والتعاون الاقتصادي بين البلدين."),
    "a2": ("احتجاجات في بغداد",
           "بغداد - تظاهر مئات من العراقيين يوم الجمعة في ساحة التحرير وسط بغداد احتجاجا على انقطاع الكهرباء. "
           "وطالب المتظاهرون الحكومة العراقية بمحاسبة المسؤولين عن تردي الخدمات في العاصمة."),
    "a3": ("اتفاق تعاون بين قطر وتركيا",
           "الدوحة - وقعت قطر وتركيا اليوم اتفاقية للتعاون في مجال الطاقة خلال زيارة وزير الطاقة التركي إلى الدوحة. "
           "وأكد الجانبان عزمهما توسيع الاستثمارات المشتركة خلال الأعوام المقبلة."),
}


def _page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="2025-05-20"></head><body>'
            f'<nav><a href="/">الرئيسية</a></nav><article><h1>{title}</h1>{paras}</article>'
            f"<footer>جميع الحقوق محفوظة</footer></body></html>").encode()


def _rss(base: str, items: list[str]) -> bytes:
    xs = "".join(f"<item><title>{PAGES.get(i.split('-')[0], ('?',))[0]}</title><link>{base}/{i}.html</link>"
                 f"<pubDate>Tue, 20 May 2025 08:00:00 GMT</pubDate></item>" for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'
            f"<link>{base}/</link><description>اختبار</description>{xs}</channel></rss>").encode()


class Site:
    """Routes path -> (status, content type, body); records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.hits: list[str] = []
        self.etags: dict[str, str] = {}  # path -> ETag; a matching If-None-Match gets 304
        self.conditional: list[str] = []
        site = self

        class H(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                site.hits.append(self.path)
                etag = site.etags.get(self.path)
                if etag and self.headers.get("If-None-Match") == etag:
                    site.conditional.append(self.path)
                    self.send_response(304)
                    self.end_headers()
                    return
                status, ctype, body = site.routes.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a) -> None:  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def feed(self, path: str, items: list[str]) -> str:
        self.routes[path] = (200, "application/rss+xml; charset=utf-8", _rss(self.base, items))
        for i in items:
            title, body = PAGES[i.split("-")[0]]
            self.routes.setdefault(f"/{i}.html", (200, "text/html; charset=utf-8", _page(title, body)))
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def site():
    s = Site()
    yield s
    s.close()


def _watcher(feeds, store, state, logs, **kw) -> Watcher:
    return Watcher(feeds, store, state_path=state, interval=60, timeout=5, log=logs.append, fuse=False, **kw)


def test_new_items_are_ingested_and_state_saved(site: Site, tmp_path: Path) -> None:
    feed = site.feed("/rss.xml", ["a1", "a2"])
    state = tmp_path / "state.json"
    logs: list[str] = []
    with open_store(f"duckdb:///{tmp_path}/w.duckdb") as store:
        stats = _watcher([feed], store, state, logs).poll_once(now=1000.0)
        assert (stats.feeds_ok, stats.new, stats.ingested) == (1, 2, 2)
        arts = store._execute("SELECT url, title, published FROM articles ORDER BY url")
    assert [a[0] for a in arts] == [f"{site.base}/a1.html", f"{site.base}/a2.html"]
    assert arts[0][1] == PAGES["a1"][0] and str(arts[0][2]) == "2025-05-20"
    data = json.loads(state.read_text(encoding="utf-8"))
    assert sorted(data["seen_links"]) == [f"{site.base}/a1.html", f"{site.base}/a2.html"]
    assert len(data["seen_hashes"]) == 2 and data["feeds"][feed]["next_poll"] == 1060.0
    assert not list(tmp_path.glob(".state.json.*"))  # the temp file of the atomic write is gone
    assert any("2 articles ingested" in line for line in logs)


def test_restart_resumes_without_duplicates(site: Site, tmp_path: Path) -> None:
    feed = site.feed("/rss.xml", ["a1", "a2"])
    state = tmp_path / "state.json"
    db = f"duckdb:///{tmp_path}/w.duckdb"
    logs: list[str] = []
    with open_store(db) as store:
        _watcher([feed], store, state, logs).poll_once(now=1000.0)
    # the feed moves on: one new story, one old story again, and a2's text under a second URL
    site.routes["/a2-copy.html"] = site.routes["/a2.html"]
    feed = site.feed("/rss.xml", ["a3", "a1", "a2-copy"])
    site.hits.clear()
    with open_store(db) as store:  # a new process: state comes from the file
        w = _watcher([feed], store, state, logs)
        assert w.poll_once(now=1030.0).entries == 0  # not due yet: nothing fetched
        assert site.hits == []
        stats = w.poll_once(now=1060.0)
        assert (stats.new, stats.ingested, stats.duplicates) == (2, 1, 1)
        assert "/a1.html" not in site.hits  # a seen link is never fetched again
        assert store.counts()["articles"] == 3
        again = w.poll_once(now=1200.0)
        assert (again.new, again.ingested) == (0, 0) and store.counts()["articles"] == 3


def test_failing_feed_backs_off_and_does_not_stop_others(site: Site, tmp_path: Path) -> None:
    good = site.feed("/good.xml", ["a1"])
    bad = site.base + "/bad.xml"
    site.routes["/bad.xml"] = (500, "text/plain", b"boom")
    notfeed = site.base + "/notfeed.txt"
    site.routes["/notfeed.txt"] = (200, "text/plain", b"just text, no feed here")
    logs: list[str] = []
    with open_store(f"duckdb:///{tmp_path}/w.duckdb") as store:
        w = _watcher([bad, notfeed, good], store, tmp_path / "s.json", logs, max_backoff=200)
        s1 = w.poll_once(now=0.0)
        assert (s1.feeds_ok, s1.feeds_failed, s1.ingested) == (1, 2, 1)
        fs = w.state.feeds[bad]
        assert (fs.failures, fs.next_poll) == (1, 60.0) and "HTTP 500" in (fs.last_error or "")
        assert w.state.feeds[notfeed].failures == 1
        assert any("retry in 60 s" in line for line in logs)
        w.poll_once(now=60.0)
        assert (fs.failures, fs.next_poll) == (2, 180.0)  # 60 * 2
        site.hits.clear()
        w.poll_once(now=120.0)
        assert "/bad.xml" not in site.hits and "/good.xml" in site.hits  # backing off, the others go on
        w.poll_once(now=180.0)
        assert (fs.failures, fs.next_poll) == (3, 380.0)  # 60 * 4 = 240, capped at 200
        site.feed("/bad.xml", ["a2"])  # it recovers
        s = w.poll_once(now=380.0)
        assert fs.failures == 0 and fs.next_poll == 440.0 and s.ingested == 1
        assert store.counts()["articles"] == 2


def test_page_errors_are_retried_then_given_up(site: Site, tmp_path: Path) -> None:
    site.routes["/rss.xml"] = (200, "application/rss+xml", _rss(site.base, ["a1", "missing"]))
    site.routes["/a1.html"] = (200, "text/html; charset=utf-8", _page(*PAGES["a1"]))
    logs: list[str] = []
    with open_store(f"duckdb:///{tmp_path}/w.duckdb") as store:
        w = _watcher([site.base + "/rss.xml"], store, tmp_path / "s.json", logs, max_page_tries=2)
        assert w.poll_once(now=0).page_errors == 1
        assert w.state.page_tries == {f"{site.base}/missing.html": 1}
        assert w.poll_once(now=60).page_errors == 1
        assert f"{site.base}/missing.html" in w.state.seen_links and not w.state.page_tries
        assert w.poll_once(now=120).page_errors == 0
        assert any("given up after 2 tries" in line for line in logs)


def test_cli_once(site: Site, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rasid.cli.watch import watch

    feed = site.feed("/rss.xml", ["a3"])
    db, state = f"duckdb:///{tmp_path}/c.duckdb", tmp_path / "c.json"
    r = CliRunner().invoke(watch, [feed, site.base + "/nope.xml", "--db", db, "--state", str(state), "--once"])
    assert r.exit_code == 2, r.output  # one feed failed
    with open_store(db) as store:
        assert store.counts()["articles"] == 1
    assert json.loads(state.read_text(encoding="utf-8"))["feeds"][site.base + "/nope.xml"]["failures"] == 1


def test_unchanged_feed_is_not_downloaded_again(site: Site, tmp_path: Path) -> None:
    feed = site.feed("/rss.xml", ["a1"])
    site.etags["/rss.xml"] = '"v1"'
    logs: list[str] = []
    with open_store(f"duckdb:///{tmp_path}/w.duckdb") as store:
        w = _watcher([feed], store, tmp_path / "s.json", logs)
        assert w.poll_once(now=0).ingested == 1
        s = w.poll_once(now=60)
        assert site.conditional == ["/rss.xml"] and (s.feeds_ok, s.entries, s.new) == (1, 0, 0)
        assert w.state.feeds[feed].etag == '"v1"' and w.state.feeds[feed].failures == 0
