"""The event store API, one suite run against DuckDB and PostgreSQL.

PostgreSQL tests use a fresh schema on postgresql://postgres@127.0.0.1:5432/test
(override with RASID_TEST_PG) and drop it afterwards; they skip when the server
is unreachable, unless RASID_REQUIRE_PG=1.
"""

from __future__ import annotations

import datetime as dt

import pytest

from _support import pg_url_or_skip
from rasid.model import Article
from rasid.store import EventFilter, open_store
from rasid.store.base import ArticleRecord
from rasid.store.testing import fake_extract


@pytest.fixture(params=["duckdb", "postgres"])
def store_url(request, tmp_path):
    if request.param == "duckdb":
        yield f"duckdb:///{tmp_path}/store.duckdb"
        return
    url, drop = pg_url_or_skip()
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def _art(i: int, a: str, v: str, r: str, city: str, day: str, source: str = "o1", **kw) -> Article:
    text = f"خبر {i}\nقال مسؤول إن {a} {v} {r} في {city} يوم {day}.\n"
    return Article(text=text, id=f"a{i}", url=kw.get("url", f"https://{source}/n/{i}"), source=source,
                   published=dt.date.fromisoformat(day), title=f"خبر {i}")


def _add(store, *arts: Article):
    return store.add_batch([(ArticleRecord.from_article(a), fake_extract(a)) for a in arts])


ARTS = [
    _art(1, "سوريا", "بحث مع", "تركيا", "دمشق", "2024-03-10"),
    _art(2, "تركيا", "قصف مواقع", "سوريا", "حلب", "2024-03-12", source="o2"),
    _art(3, "مصر", "اتهم", "قطر", "القاهرة", "2024-04-01"),
    _art(4, "العراق", "أرسل مساعدات إلى", "لبنان", "بيروت", "2024-04-20"),
    _art(5, "تركيا", "قصف مواقع", "سوريا", "حلب", "2024-03-12", source="o3"),  # same event, other outlet
]


def test_migrations_create_schema_version(store):
    assert store.schema_version() == 1
    assert store.migrate() == 1  # idempotent
    assert store.counts()["events"] == 0


def test_add_batch_and_counts(store):
    res = _add(store, *ARTS)
    assert (res.articles, res.events, res.skipped) == (5, 5, 0)
    c = store.counts()
    assert c["articles"] == 5 and c["events"] == 5 and c["entities"] == 10 and c["evidence"] == 10


def test_duplicates_by_hash_and_url_are_skipped(store):
    _add(store, *ARTS)
    same_text = Article(text=ARTS[0].text, id="x", url="https://other/1", source="other")
    same_url = Article(text="نص مختلف تماما", id="y", url=ARTS[1].url)
    res = _add(store, *ARTS, same_text, same_url)
    assert (res.articles, res.skipped) == (0, 7)
    assert store.counts()["articles"] == 5


def test_roundtrip_keeps_plover_record(store):
    _add(store, ARTS[0])
    (ev,) = list(store.iter_events())
    orig = fake_extract(ARTS[0])[0]
    assert {k: v for k, v in ev.items() if k != "_store"} == orig
    assert ev["_store"]["source"] == "o1"


@pytest.mark.parametrize(
    ("flt", "expected_docs"),
    [
        (EventFilter(), {"a1", "a2", "a3", "a4", "a5"}),
        (EventFilter(country="SYR"), {"a1", "a2", "a5"}),
        (EventFilter(country="lbn"), {"a4"}),
        (EventFilter(actor="قطر"), {"a3"}),
        (EventFilter(actor="IRQ"), {"a4"}),
        (EventFilter(types=["ASSAULT"]), {"a2", "a5"}),
        (EventFilter(types=["ASSAULT", "ACCUSE"]), {"a2", "a3", "a5"}),
        (EventFilter(since=dt.date(2024, 4, 1)), {"a3", "a4"}),
        (EventFilter(until=dt.date(2024, 3, 11)), {"a1"}),
        (EventFilter(since=dt.date(2024, 3, 11), until=dt.date(2024, 3, 31)), {"a2", "a5"}),
        (EventFilter(near=(33.51, 36.29, 30)), {"a1"}),  # Damascus
        (EventFilter(near=(33.51, 36.29, 100)), {"a1", "a4"}),  # Beirut is ~85 km away
        (EventFilter(near=(33.51, 36.29, 320)), {"a1", "a2", "a4", "a5"}),  # Aleppo ~310 km
        (EventFilter(near=(33.51, 36.29, 5), types=["ASSAULT"]), set()),
        (EventFilter(text="القاهرة"), {"a3"}),
        (EventFilter(text="قصف"), {"a2", "a5"}),
        (EventFilter(text="%"), set()),  # LIKE wildcards in user input are literal
        (EventFilter(actor="' OR 1=1 --"), set()),  # and so is SQL
        (EventFilter(limit=1), {"a1"}),  # ordered by date
    ],
)
def test_query_filters(store, flt, expected_docs):
    _add(store, *ARTS)
    got = {ev["doc"] for ev in store.iter_events(flt)}
    assert got == expected_docs


def test_fuse_groups_same_event_and_counts_sources(store):
    _add(store, *ARTS)
    st = store.fuse()
    assert st == {"events": 5, "fused": 4, "multi": 1}
    fused = {f["n_sources"]: f for f in store.fused_events() if f["n_events"] == 2}
    f = fused[2]
    assert f["event_type"] == "ASSAULT" and f["sources"] == ["o2", "o3"] and f["n_articles"] == 2
    members = store.fused_members(f["id"])
    assert sorted(m["doc"] for m in members) == ["a2", "a5"]
    # fused_only shows one representative per fused event
    assert len(list(store.iter_events(EventFilter(fused_only=True)))) == 4
    # deterministic: a second run gives the same rows
    before = store.dump()
    store.fuse()
    assert store.dump() == before


def test_transaction_rolls_back_whole_batch(store):
    bad = ArticleRecord.from_article(ARTS[1])
    good = ArticleRecord.from_article(ARTS[0])
    with pytest.raises(Exception):  # noqa: B017 - engine-specific error types
        store.add_batch([(good, fake_extract(ARTS[0])), (bad, [{"confidence": "not a number"}])])
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0


def test_open_store_default_url(monkeypatch, tmp_path):
    monkeypatch.setenv("RASID_DB", f"duckdb:///{tmp_path}/env.duckdb")
    with open_store() as s:
        assert s.url.endswith("env.duckdb")
    with pytest.raises(ValueError):
        open_store("mysql://x")
