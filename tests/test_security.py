"""Hostile content and hostile requests against the workbench API, the dashboard and ``rasid query``.

(a) XSS: script/img-onerror/javascript:/event-handler payloads planted in article text, titles,
    actor texts, places and URLs come back from the JSON API as data, are escaped in the
    ``?format=html`` views, and never execute or become elements in the dashboard (headless
    Chromium; skips without chromium/playwright unless RASID_REQUIRE_BROWSER=1).
(b) SQL injection / LIKE wildcard strings in every filter of the API and of ``rasid query``
    return exactly the right rows and the tables survive.
(c) write endpoints need the token (401 without or with a wrong one); reads are open by
    default and closed by the read token of :mod:`rasid.api.security`.
(d) request bodies over the limit are refused with 413 (:mod:`rasid.api.security`).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from _support import serve_app  # noqa: E402
from rasid.api import create_app  # noqa: E402
from rasid.api.security import install  # noqa: E402
from rasid.cli.main import cli  # noqa: E402
from rasid.model import Article  # noqa: E402
from rasid.store import open_store  # noqa: E402
from rasid.store.base import ArticleRecord  # noqa: E402
from rasid.text.normalize import fold  # noqa: E402

TOKEN = "w-secret-1"
READ = "r-secret-2"
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '"><svg onload="window.__pwned=3">',
    "javascript:window.__pwned=4",
    "' onmouseover='window.__pwned=5' x='",
    "</textarea><iframe src=javascript:window.__pwned=6>",
]
SQLI = ["' OR 1=1 --", "%", "_", "\\", '"; DROP TABLE events; --', "\u2019 OR \u20181\u2019=\u20181", "%'--", "*"]
# an actor whose name holds the characters a naive LIKE or string-built SQL would trip on
ODD_ACTOR = "O'Brien 100% _x_ \\ \"quoted\" \u2019curly\u2019"


def _event(doc: str, text: str, sent: str, actor: str, recip: str, typ: str, place: str, day: str,
           url: str | None = None, title: str | None = None) -> dict:
    s = text.index(sent)
    a, r, p = text.index(actor), text.index(recip), text.index(place)
    return {
        "id": f"{doc}-1", "doc": doc, "event": [typ], "mode": [], "context": [],
        "actor": [{"code": "SYRGOV", "sector": "GOV", "entity_text": actor, "office": None,
                   "identifier_text": None, "start": a, "end": a + len(actor)}],
        "recipient": [{"code": "TURGOV", "sector": "GOV", "entity_text": recip, "office": None,
                       "identifier_text": None, "start": r, "end": r + len(recip)}],
        "date": day, "enddate": None, "date_precision": "day", "date_text": day,
        "event_loc": {"extracted_place": place, "resolved_place": place, "geonameid": None, "lat": 33.5,
                      "lon": 36.3, "country_code": "SYR", "feature_code": "PPLC", "resolution": "city",
                      "start": p, "end": p + len(place)},
        "event_text": sent,
        "text_info": {"sequence": 1, "start": s, "end": s + len(sent),
                      "trigger": {"start": s, "end": s + 3, "text": sent[:3]},
                      "evidence": [{"start": s, "end": s + len(sent), "text": sent}]},
        "modality": [], "reported_by": None, "confidence": 0.8, "rule": "test", "published": day,
        "title": title, "url": url, "coder": "rasid-test",
    }


def _articles() -> list[tuple[Article, list[dict]]]:
    out = []
    # one article per payload: payload in title, text (inside the evidence), actor, place and URL
    for i, pl in enumerate(PAYLOADS):
        sent = f"بحث {pl} مع وفد تركي في دمشق"
        text = f"خبر رقم {i}\n{sent}.\n{pl}\n"
        url = pl if pl.startswith("javascript:") else f"https://example.org/x{i}?q={pl}"
        art = Article(text=text, id=f"xss{i}", title=f"{pl} عنوان {i}", url=url, source="evil.example",
                      published=dt.date(2025, 5, 1 + i))
        out.append((art, [_event(f"xss{i}", text, sent, pl, "وفد تركي", "CONSULT", "دمشق",
                                 f"2025-05-0{1 + i}", url=url, title=art.title)]))
    # the odd actor (quotes, %, _, backslash) and an ordinary one, for exact filter results
    t1 = f"تقرير\nاتهم {ODD_ACTOR} وزارة الدفاع في حلب.\n"
    out.append((Article(text=t1, id="odd", title="odd", url="https://example.org/odd", source="o",
                        published=dt.date(2025, 6, 1)),
                [_event("odd", t1, f"اتهم {ODD_ACTOR} وزارة الدفاع في حلب", ODD_ACTOR, "وزارة الدفاع",
                        "ACCUSE", "حلب", "2025-06-01")]))
    t2 = "تقرير آخر\nقصف الجيش مواقع في حمص.\n"
    out.append((Article(text=t2, id="plain", title="plain", url="https://example.org/plain", source="o",
                        published=dt.date(2025, 6, 2)),
                [_event("plain", t2, "قصف الجيش مواقع في حمص", "الجيش", "مواقع", "ASSAULT", "حمص",
                        "2025-06-02")]))
    return out


N_EVENTS = len(PAYLOADS) + 2


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    url = f"duckdb:///{tmp_path_factory.mktemp('sec')}/sec.duckdb"
    with open_store(url) as s:
        res = s.add_batch([(ArticleRecord.from_article(a), evs) for a, evs in _articles()])
        assert res.articles == len(PAYLOADS) + 2 and res.events == N_EVENTS
    return url


@pytest.fixture()
def client(store_url: str, tmp_path: Path):
    # every test gets its own copy, so writes and DROP attempts cannot leak between tests
    path = tmp_path / "copy.duckdb"
    shutil.copy(store_url[len("duckdb:///"):], path)
    with TestClient(create_app(f"duckdb:///{path}", token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def ro_client(store_url: str, tmp_path_factory):
    """One app for the read-only checks (they also assert that the tables survive)."""
    path = tmp_path_factory.mktemp("ro") / "ro.duckdb"
    shutil.copy(store_url[len("duckdb:///"):], path)
    with TestClient(create_app(f"duckdb:///{path}", token=TOKEN)) as c:
        yield c


def _expected(name: str, value: str) -> set[str]:
    """Docs a literal substring filter must return, computed from the planted data."""
    if name not in ("actor", "q", "--actor", "--text"):
        return set()
    out = set()
    needle = fold(value).lower()
    for _art, evs in _articles():
        for ev in evs:
            if name in ("actor", "--actor"):
                hay = " | ".join(fold(" ".join(str(x.get(k) or "") for k in ("entity_text", "code")))
                                 for x in ev["actor"] + ev["recipient"])
            else:
                hay = fold(" ".join([ev["event_text"], ev["text_info"]["trigger"]["text"]]))
            if needle and needle in hay.lower():
                out.add(ev["doc"])
    return out


def _all_ids(c: TestClient) -> dict[str, str]:
    items = c.get("/api/events", params={"limit": 1000}).json()["items"]
    return {e["doc"]: e["_store"]["event_id"] for e in items}


def _counts(c: TestClient) -> dict:
    return c.get("/api/health").json()["counts"]


# ------------------------------------------------------------------ (a) XSS
def test_json_returns_payloads_as_data(ro_client: TestClient) -> None:
    r = ro_client.get("/api/events", params={"limit": 1000})
    assert r.headers["content-type"].startswith("application/json")
    assert "nosniff" in r.headers["x-content-type-options"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    by_doc = {e["doc"]: e for e in r.json()["items"]}
    for i, pl in enumerate(PAYLOADS):
        ev = by_doc[f"xss{i}"]
        assert ev["actor"][0]["entity_text"] == pl  # verbatim, as a JSON string
        assert pl in ev["event_text"] and pl in ev["title"]
        art = ro_client.get(f"/api/articles/{ev['_store']['article_id']}").json()
        assert pl in art["text"] and art["title"].startswith(pl)


@pytest.mark.parametrize("kind", ["list", "event", "article"])
def test_html_views_escape_payloads(ro_client: TestClient, kind: str) -> None:
    ids = _all_ids(ro_client)
    for i, _pl in enumerate(PAYLOADS):
        eid = ids[f"xss{i}"]
        if kind == "list":
            r = ro_client.get("/api/events", params={"format": "html", "limit": 1000})
        elif kind == "event":
            r = ro_client.get(f"/api/events/{eid}", params={"format": "html"})
        else:
            aid = ro_client.get(f"/api/events/{eid}").json()["event"]["_store"]["article_id"]
            r = ro_client.get(f"/api/articles/{aid}", params={"format": "html"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        body = r.text.lower()
        for bad in ("<script>window", "<img src=x", "<svg", "<iframe", 'href="javascript:', "onerror=\"",
                    "onload=\"", "' onmouseover='"):
            assert bad not in body, (kind, bad)
        assert html.escape(_pl) in r.text, (kind, _pl)  # shown, as text


def test_html_view_via_accept_header_is_escaped(ro_client: TestClient) -> None:
    r = ro_client.get("/api/events", headers={"Accept": "text/html"}, params={"limit": 1000})
    assert r.headers["content-type"].startswith("text/html")
    assert "<script>window" not in r.text and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in r.text


def test_filter_echo_and_404_do_not_reflect_markup(ro_client: TestClient) -> None:
    r = ro_client.get("/api/events/<script>alert(1)</script>", params={"format": "html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    r = ro_client.get("/api/events", params={"q": "<script>alert(1)</script>", "format": "html"})
    assert r.status_code == 200 and "<script>alert" not in r.text


# ------------------------------------------------------------------ (b) SQL injection
API_FILTERS = ["actor", "q", "type", "country", "article"]


@pytest.mark.parametrize("value", SQLI, ids=[f"s{i}" for i in range(len(SQLI))])
@pytest.mark.parametrize("name", API_FILTERS)
def test_api_filters_take_injection_literally(ro_client: TestClient, name: str, value: str) -> None:
    before = _counts(ro_client)
    v = value[:3] if name == "country" else value  # country is at most 3 characters
    for path in ("/api/events", "/api/points", "/api/aggregates/time", "/api/aggregates/types",
                 "/api/aggregates/dyads", "/api/aggregates/countries", "/api/actors", "/api/network"):
        r = ro_client.get(path, params={name: v})
        assert r.status_code == 200, (path, name, v, r.text)
        if path == "/api/events":
            got = {e["doc"] for e in r.json()["items"]}
            assert got == _expected(name, v), (name, v, got)
    assert _counts(ro_client) == before


def test_odd_actor_found_exactly(ro_client: TestClient) -> None:
    for probe in ("O'Brien", "100%", "_x_", "\\", '"quoted"', "\u2019curly\u2019"):
        got = {e["doc"] for e in ro_client.get("/api/events", params={"actor": probe}).json()["items"]}
        assert got == {"odd"}, probe


@pytest.mark.parametrize("value", SQLI, ids=[f"s{i}" for i in range(len(SQLI))])
def test_path_params_and_other_inputs(ro_client: TestClient, value: str) -> None:
    before = _counts(ro_client)
    assert ro_client.get(f"/api/events/{value}").status_code in (404, 405)
    assert ro_client.get(f"/api/articles/{value}").status_code in (404, 405)
    r = ro_client.get(f"/api/actors/{value}")
    assert r.status_code in (200, 404, 405)
    if r.status_code == 200:
        assert "events" in json.dumps(r.json()) or r.json()
    for name in ("bbox", "near", "since", "until", "sort", "review", "limit", "offset"):
        assert ro_client.get("/api/events", params={name: value}).status_code == 422, name
    r = ro_client.get("/api/articles", params={"q": value})
    v = value.strip().lower()
    want = {a.id for a, _ in _articles() if v in (a.title or "").lower() or v in (a.doc or "").lower()}
    assert r.status_code == 200 and {x["doc"] for x in r.json()["items"]} == want, (value, r.json())
    r = ro_client.get("/api/corrections/gold", params={"doc": value})
    assert r.status_code == 200
    assert _counts(ro_client) == before


@pytest.mark.parametrize("value", SQLI, ids=[f"s{i}" for i in range(len(SQLI))])
def test_rasid_query_takes_injection_literally(store_url: str, tmp_path: Path, value: str) -> None:
    path = tmp_path / "q.duckdb"
    shutil.copy(store_url[len("duckdb:///"):], path)
    db = f"duckdb:///{path}"
    runner = CliRunner()
    for opt in ("--actor", "--text", "--type", "--country"):
        res = runner.invoke(cli, ["query", "--db", db, "--json", opt, value])
        assert res.exit_code == 0, (opt, res.output, res.exception)
        docs = {json.loads(x)["doc"] for x in res.stdout.splitlines() if x.strip()}
        assert docs == _expected(opt, value), (opt, value, docs)
    res = runner.invoke(cli, ["query", "--db", db, "--near", value])
    assert res.exit_code != 0 and "Traceback" not in res.output
    res = runner.invoke(cli, ["db-info", "--db", db])
    info = json.loads(res.stdout)
    assert info["events"] == N_EVENTS and info["articles"] == len(PAYLOADS) + 2


# ------------------------------------------------------------------ (c) tokens
WRITES = [
    ("patch", "/api/events/{eid}", {"event_type": "PROTEST"}),
    ("post", "/api/events/{eid}/corrections", {"event_type": "PROTEST"}),
    ("post", "/api/events/{eid}/reject", {"analyst": "x"}),
    ("post", "/api/events/{eid}/accept", {"analyst": "x"}),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_writes_need_the_token(client: TestClient, method: str, path: str, body: dict) -> None:
    eid = _all_ids(client)["plain"]
    url = path.format(eid=eid)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-Rasid-Token": "wrong"},
                    {"Authorization": f"Basic {TOKEN}"}, {"Authorization": "Bearer "},
                    {"Authorization": f"Bearer {TOKEN}x"}):
        r = getattr(client, method)(url, json=body, headers=headers)
        assert r.status_code == 401, (headers, r.status_code)
    assert client.get(f"/api/events/{eid}/corrections").json() == []
    r = getattr(client, method)(url, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    r = getattr(client, method)(url, json=body, headers={"X-Rasid-Token": TOKEN})
    assert r.status_code == 200, r.text
    assert client.get(f"/api/events/{eid}/corrections").json()


def test_reads_are_open_by_default(client: TestClient) -> None:
    for path in ("/api/events", "/api/health", "/api/articles", "/api/corrections", "/api/aggregates/time"):
        assert client.get(path).status_code == 200, path


@pytest.fixture()
def locked(store_url: str, tmp_path: Path):
    path = tmp_path / "locked.duckdb"
    shutil.copy(store_url[len("duckdb:///"):], path)
    app = install(create_app(f"duckdb:///{path}", token=TOKEN), read_token=READ, max_body_bytes=64 * 1024)
    assert app.state.read_token and app.state.max_body_bytes == 64 * 1024
    with TestClient(app) as c:
        yield c


def test_read_token_closes_reads(locked: TestClient) -> None:
    for path in ("/api/events", "/api/articles", "/api/corrections", "/api/aggregates/time", "/api/network",
                 "/api/events?format=html", "/api/corrections/gold"):
        assert locked.get(path).status_code == 401, path
        assert locked.get(path, headers={"Authorization": "Bearer nope"}).status_code == 401, path
        assert locked.get(path, headers={"Authorization": f"Bearer {READ}"}).status_code == 200, path
        assert locked.get(path, headers={"X-Rasid-Token": READ}).status_code == 200, path
        assert locked.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200, path
        assert locked.get(path, cookies={"rasid_token": READ}).status_code == 200, path
    assert locked.get("/api/health").status_code == 200  # liveness stays open
    assert locked.get("/").status_code == 200  # the dashboard files carry no data


def test_read_token_does_not_grant_writes(locked: TestClient) -> None:
    eid = {e["doc"]: e["_store"]["event_id"] for e in locked.get(
        "/api/events", headers={"Authorization": f"Bearer {READ}"}).json()["items"]}["plain"]
    r = locked.post(f"/api/events/{eid}/reject", json={}, headers={"Authorization": f"Bearer {READ}"})
    assert r.status_code == 401
    r = locked.post(f"/api/events/{eid}/reject", json={}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200


def test_read_token_from_environment(store_url: str, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "env.duckdb"
    shutil.copy(store_url[len("duckdb:///"):], path)
    monkeypatch.setenv("RASID_READ_TOKEN", READ)
    with TestClient(install(create_app(f"duckdb:///{path}", token=TOKEN))) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": f"Bearer {READ}"}).status_code == 200


# ------------------------------------------------------------------ (d) body size
def test_huge_patch_body_refused_with_413(locked: TestClient) -> None:
    ids = {e["doc"]: e["_store"]["event_id"] for e in locked.get(
        "/api/events", headers={"Authorization": f"Bearer {READ}"}).json()["items"]}
    eid = ids["plain"]
    big = json.dumps({"note": "x" * (10 * 1024 * 1024)})
    h = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    t0 = time.perf_counter()
    r = locked.patch(f"/api/events/{eid}", content=big, headers=h)
    assert r.status_code == 413, r.status_code
    assert time.perf_counter() - t0 < 5

    def chunks():
        for _ in range(160):
            yield b"x" * 65536

    r = locked.post(f"/api/events/{eid}/corrections", content=chunks(), headers=h)  # chunked: no length
    assert r.status_code == 413
    r = locked.patch(f"/api/events/{eid}", json={"event_type": "ASSAULT"}, headers=h)
    assert r.status_code == 200  # small bodies still pass
    r = locked.patch(f"/api/events/{eid}", content=b"{}", headers={**h, "Content-Length": "abc"})
    assert r.status_code == 400


def test_without_the_limit_a_huge_body_is_still_rejected(client: TestClient) -> None:
    """Documents the unprotected app: pydantic refuses the 10 MB note (422), after reading it all."""
    eid = _all_ids(client)["plain"]
    big = json.dumps({"note": "x" * (10 * 1024 * 1024)})
    r = client.patch(f"/api/events/{eid}", content=big,
                     headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code in (413, 422)
    assert client.get(f"/api/events/{eid}/corrections").json() == []


# ------------------------------------------------------------------ (a) in a real browser
def _browser_or_skip():
    need = os.environ.get("RASID_REQUIRE_BROWSER") == "1"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        import uvicorn  # noqa: F401
        from playwright import sync_api
    except ImportError as e:
        if need:
            pytest.fail(f"browser test required but playwright/uvicorn missing: {e}")
        pytest.skip(f"playwright/uvicorn missing: {e}")
    if not Path(chromium).exists():
        if need:
            pytest.fail("browser test required but chromium is missing")
        pytest.skip("chromium is not installed")
    return sync_api, chromium


@pytest.fixture(scope="module")
def server(store_url: str, tmp_path_factory):
    sync_api, chromium = _browser_or_skip()

    path = tmp_path_factory.mktemp("srv") / "srv.duckdb"
    shutil.copy(store_url[len("duckdb:///"):], path)
    with serve_app(create_app(f"duckdb:///{path}", token=TOKEN)) as base:
        yield base, sync_api, chromium


def _wait(page, js: str, timeout: float = 15.0) -> None:
    """Poll ``js`` through page.evaluate (CDP, not subject to the page's CSP, unlike wait_for_function)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(js):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {js}")
        time.sleep(0.05)


_INJECTED = ("script:not([src]), img[src='x'], svg[onload], iframe, [onerror], [onload], [onmouseover],"
             " a[href^='javascript:']")


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["csp", "no-csp"])
def test_dashboard_never_runs_payloads(server, bypass_csp: bool) -> None:
    base, sync_api, chromium = server
    with urllib.request.urlopen(base + "/api/events?limit=1000") as r:
        items = json.load(r)["items"]
    by_doc = {e["doc"]: e["_store"] for e in items}
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            # CSP bypassed too: the DOM code itself must treat the data as text
            ctx = b.new_context(bypass_csp=bypass_csp)
            page = ctx.new_page()
            errors: list[str] = []
            foreign: list[str] = []
            page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))

            def route(r):
                if r.request.url.startswith(base):
                    r.continue_()
                else:
                    foreign.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.goto(base + "/")
            _wait(page, "document.body.dataset.ready && !document.body.classList.contains('loading')")
            for i in range(len(PAYLOADS)):
                st = by_doc[f"xss{i}"]
                page.goto(base + f"/#article={st['article_id']}&event={st['event_id']}")
                _wait(page, "!!(document.body.dataset.ready && !document.body.classList.contains('loading')"
                            " && document.querySelector('#article-text mark'))")
                page.hover("#article-text")
                page.hover("#events")
                assert page.evaluate("typeof window.__pwned") == "undefined", (i, bypass_csp)
                assert page.locator(_INJECTED).count() == 0, (i, page.content()[:2000])
                assert PAYLOADS[i] in page.text_content("#article-text")
            assert not errors, errors
            assert not foreign, f"payload URLs were fetched: {foreign}"
        finally:
            b.close()
