"""The offline dashboard in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Skips cleanly without chromium or the playwright package. The server runs in a thread on a
free loopback port over a temporary store holding the sample articles; any request the page
makes to another host fails the test (the dashboard must work with no internet at all).
Screenshots go to test-output/.
"""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)

from _support import serve_app  # noqa: E402
from rasid.api.app import create_app  # noqa: E402
from rasid.api.sample import XSS_TITLE, load_sample  # noqa: E402
from rasid.store import open_store  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
OUT = Path(__file__).resolve().parents[1] / "test-output"
TOKEN = "dash-token"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("dash") / "dash.duckdb"
    store = open_store(f"duckdb:///{path}")
    load_sample(store)
    store.close()
    with serve_app(create_app(f"duckdb:///{path}", token=TOKEN)) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    # bypass_csp: lets Playwright poll with string predicates, and makes the XSS check test the
    # DOM code itself rather than the Content-Security-Policy header that also guards it
    ctx = browser.new_context(viewport={"width": 1400, "height": 1300}, bypass_csp=True)
    pg = ctx.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(server):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    yield pg
    ctx.close()
    assert not errors, errors
    assert not foreign, f"the dashboard tried to reach the network: {foreign}"


def _get(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path) as r:
        return json.load(r)


def _ready(pg) -> None:
    pg.wait_for_function("document.body.dataset.ready && !document.body.classList.contains('loading')")


def _rows(pg) -> list[str]:
    return pg.eval_on_selector_all("#events tbody tr", "rows => rows.map(r => r.dataset.id)")


def test_map_timeline_network_table(page, server: str) -> None:
    OUT.mkdir(exist_ok=True)
    page.goto(server + "/")
    _ready(page)
    page.wait_for_selector(".leaflet-overlay-pane path.leaflet-interactive, .rasid-cluster")
    markers = page.locator(".leaflet-overlay-pane path.event-marker").count()
    clusters = page.locator(".rasid-cluster").count()
    assert markers + clusters >= 3  # 7 located events, some clustered at this zoom
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the offline country basemap
    bars = page.eval_on_selector_all("#timeline g.bar:not(.empty)", "gs => gs.map(g => +g.dataset.count)")
    assert sum(bars) == 8 and len(bars) == 3
    assert page.locator("#timeline g.bar rect").count() >= 3
    assert page.locator("#network .node").count() >= 10 and page.locator("#network line.edge").count() == 8
    assert len(_rows(page)) == 8
    page.screenshot(path=str(OUT / "dashboard.png"), full_page=True)


def test_country_filter_changes_table_and_url(page, server: str) -> None:
    page.goto(server + "/")
    _ready(page)
    before = _rows(page)
    page.fill("#f-country", "egy")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 2")
    _ready(page)
    after = _rows(page)
    assert len(before) == 8 and len(after) == 2 and set(after) < set(before)
    assert "country=EGY" in page.url
    assert sum(page.eval_on_selector_all("#timeline g.bar", "gs => gs.map(g => +g.dataset.count)")) == 2
    # the URL alone reproduces the view
    page.goto(server + "/#country=EGY&type=CONSULT")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 1")
    assert page.input_value("#f-country") == "EGY" and page.input_value("#f-type") == "CONSULT"
    page.screenshot(path=str(OUT / "filtered.png"), full_page=True)


def test_timeline_brushing_filters(page, server: str) -> None:
    page.goto(server + "/#interval=year")
    _ready(page)
    bars = page.locator("#timeline g.bar:not(.empty)")
    last = bars.nth(bars.count() - 1).bounding_box()
    x, y = last["x"] + 2, last["y"] + last["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + last["width"] - 4, y, steps=4)
    page.mouse.up()
    page.wait_for_function("location.hash.includes('since=2025-01-01')")
    _ready(page)
    assert "until=2025-12-31" in page.url
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 7")


def test_article_view_highlights_evidence(page, server: str) -> None:
    arts = _get(server, "/api/articles")["items"]
    aid = next(a["id"] for a in arts if a["title"] == "جولة دبلوماسية في طرابلس")
    art = _get(server, f"/api/articles/{aid}")
    ev = next(e for e in art["events"] if e["event"] == ["CONSULT"])
    eid = ev["_store"]["event_id"]
    page.goto(server + f"/#article={aid}&event={eid}")
    _ready(page)
    page.wait_for_selector("#article-text mark")
    box = page.locator("#article-text")
    assert box.get_attribute("dir") == "rtl" and box.get_attribute("lang") == "ar"
    assert box.inner_text().replace("\n", "") == art["text"].replace("\n", "")
    checked = 0
    for e in art["events"]:
        for j, s in enumerate(e["text_info"]["evidence"]):
            key = f"{e['_store']['event_id']}:{j}"
            got = page.eval_on_selector_all(
                "#article-text mark", "(ms, k) => ms.filter(m => m.dataset.spans.split(' ').includes(k))"
                ".map(m => m.textContent).join('')", key)
            assert got == s["text"] == art["text"][s["start"]:s["end"]]
            checked += 1
    assert checked == 5
    assert page.locator("#article-text mark.sel").count() >= 2  # the selected event's two spans
    assert page.locator("#article-events .ev-card").count() == 4
    page.screenshot(path=str(OUT / "article.png"), full_page=True)


def test_untrusted_text_stays_text(page, server: str) -> None:
    arts = _get(server, "/api/articles")["items"]
    aid = next(a["id"] for a in arts if a["title"] == XSS_TITLE)
    page.goto(server + f"/#article={aid}")
    _ready(page)
    page.wait_for_selector("#article-text mark")
    assert page.evaluate("window.__xss") is None
    assert page.text_content("#article-title") == XSS_TITLE
    assert page.locator("#article-text img, #article-text script, #article-title script").count() == 0
    assert "<script>" in page.text_content("#article-text")


def test_correction_round_trip(page, server: str) -> None:
    ev = _get(server, "/api/events?type=COERCE")["items"][0]
    eid, aid = ev["_store"]["event_id"], ev["_store"]["article_id"]
    page.goto(server + f"/#article={aid}&event={eid}")
    _ready(page)
    page.wait_for_selector("#editor:not([hidden])")
    assert page.input_value("#ed-type") == "COERCE"
    page.select_option("#ed-type", "ASSAULT")
    page.fill("#ed-date", "2025-06-03")
    page.fill("#ed-analyst", "browser-test")
    page.fill("#ed-token", "wrong")
    page.click("#ed-save")
    page.wait_for_function("document.querySelector('#status').textContent.includes('401')")
    assert _get(server, f"/api/events/{eid}")["corrections"] == []
    page.fill("#ed-token", TOKEN)
    page.click("#ed-save")
    page.wait_for_function("document.querySelectorAll('#trail li').length === 2")
    d = _get(server, f"/api/events/{eid}")
    assert d["event"]["event"] == ["ASSAULT"] and d["event"]["date"] == "2025-06-03"
    assert {(c["field"], c["analyst"]) for c in d["corrections"]} == {("event", "browser-test"),
                                                                      ("date", "browser-test")}
    assert d["original"]["event"] == ["COERCE"]
    page.wait_for_function(
        "[...document.querySelectorAll('#events tbody tr')].some(r => r.textContent.includes('ASSAULT'))")
    page.click("#ed-reject")
    page.wait_for_function("document.querySelectorAll('#trail li').length === 3")
    assert _get(server, f"/api/events/{eid}")["event"]["_review"]["status"] == "rejected"
    assert eid not in [e["_store"]["event_id"] for e in _get(server, "/api/events")["items"]]
    page.screenshot(path=str(OUT / "correction.png"), full_page=True)


def test_arabic_labels(page, server: str) -> None:
    page.goto(server + "/")
    _ready(page)
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    assert "lang=ar" in page.url
    assert page.text_content("#table-panel h2 [data-i18n=events]") == "الأحداث"
    page.screenshot(path=str(OUT / "arabic.png"), full_page=True)
