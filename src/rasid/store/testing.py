"""A deterministic fake corpus and extractor, for tests and benchmarks of the store.

``fake_articles(n)`` writes short synthetic Arabic reports (our own template
sentences) of invented events; several outlets report the same event in
different words, and some items are exact or URL duplicates. ``fake_extract``
codes them back into PLOVER dicts by pattern matching its own templates, so the
store can be exercised end to end without the real pipeline. Use it through the
ingest hook: ``RASID_EXTRACTOR=rasid.store.testing:fake_extract``.

``RASID_FAKE_DELAY`` (seconds per article) slows extraction down, and
``RASID_FAKE_MARK`` (a path) is appended one line per extracted article, so a
test can kill an ingest mid-run.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import time
from typing import Any

from rasid.model import Article

__all__ = ["COUNTRIES", "CITIES", "VERBS", "fake_articles", "fake_extract"]

COUNTRIES = {"SYR": "سوريا", "TUR": "تركيا", "IRQ": "العراق", "EGY": "مصر", "JOR": "الأردن",
             "LBN": "لبنان", "SAU": "السعودية", "QAT": "قطر"}
# city -> (lat, lon, ISO3); coordinates are public facts
CITIES = {"دمشق": (33.5102, 36.2913, "SYR"), "حلب": (36.2021, 37.1343, "SYR"),
          "أنقرة": (39.9199, 32.8543, "TUR"), "بغداد": (33.3406, 44.4009, "IRQ"),
          "القاهرة": (30.0626, 31.2497, "EGY"), "عمان": (31.9552, 35.945, "JOR"),
          "بيروت": (33.8889, 35.4944, "LBN"), "الدوحة": (25.2855, 51.531, "QAT")}
VERBS = {"CONSULT": "بحث مع", "ASSAULT": "قصف مواقع", "ACCUSE": "اتهم", "AGREE": "اتفق مع",
         "AID": "أرسل مساعدات إلى", "PROTEST": "تظاهر أمام سفارة"}
OUTLETS = ["sana.example", "anadolu.example", "ina.example", "ahram.example", "petra.example"]
LEADS = ["قال مصدر رسمي إن", "أفادت تقارير بأن", "ذكرت وكالة الأنباء أن", "أعلن مسؤول أن", "أكد شهود أن"]

_SENT = re.compile(
    r"(?P<a>" + "|".join(COUNTRIES.values()) + r") (?P<v>" + "|".join(VERBS.values()) + r") "
    r"(?P<r>" + "|".join(COUNTRIES.values()) + r") في (?P<c>" + "|".join(CITIES) + r") يوم "
    r"(?P<d>\d{4}-\d{2}-\d{2})"
)
_BY_NAME = {v: k for k, v in COUNTRIES.items()}
_BY_VERB = {v: k for k, v in VERBS.items()}


def fake_articles(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` article records (dicts with text, id, title, published, url, source)."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    base = dt.date(2024, 3, 1)
    events: list[tuple[str, str, str, str, dt.date]] = []
    while len(out) < n:
        if events and rng.random() < 0.35:  # another outlet reports a known event
            a, v, r, c, d = rng.choice(events)
        else:
            a, r = rng.sample(sorted(COUNTRIES), 2)
            v = rng.choice(sorted(VERBS))
            c = rng.choice(sorted(CITIES))
            d = base + dt.timedelta(days=rng.randrange(60))
            events.append((a, v, r, c, d))
        outlet = rng.choice(OUTLETS)
        k = len(out)
        sent = f"{rng.choice(LEADS)} {COUNTRIES[a]} {VERBS[v]} {COUNTRIES[r]} في {c} يوم {d.isoformat()}."
        extra = ""
        if rng.random() < 0.3:
            a2, r2 = rng.sample(sorted(COUNTRIES), 2)
            extra = f" وفي سياق آخر {COUNTRIES[a2]} اتهم {COUNTRIES[r2]} في {c} يوم {d.isoformat()}."
        rec = {
            "id": f"fake-{k:05d}",
            "text": f"تقرير رقم {k}\n{sent}{extra}\n",
            "title": f"تقرير رقم {k}",
            "published": (d + dt.timedelta(days=1)).isoformat(),
            "url": f"https://{outlet}/news/{k}",
            "source": outlet,
        }
        out.append(rec)
        if rng.random() < 0.05:  # exact duplicate under another URL
            out.append({**rec, "id": rec["id"] + "-dup", "url": rec["url"] + "?amp=1"})
        if rng.random() < 0.05:  # same URL again (e.g. re-crawled)
            out.append({**rec, "id": rec["id"] + "-again", "text": rec["text"] + "تحديث\n"})
    return out[:n]


def fake_extract(article: Article) -> list[dict[str, Any]]:
    """PLOVER dicts for the template sentences found in ``article.text``."""
    delay = float(os.environ.get("RASID_FAKE_DELAY") or 0)
    if delay:
        time.sleep(delay)
    mark = os.environ.get("RASID_FAKE_MARK")
    if mark:
        with open(mark, "a", encoding="utf-8") as fh:
            fh.write(f"{article.doc}\n")
    text = article.text
    out = []
    for i, m in enumerate(_SENT.finditer(text)):
        lat, lon, cc = CITIES[m["c"]]
        typ = _BY_VERB[m["v"]]
        out.append({
            "id": f"{article.doc}-{i + 1}",
            "doc": article.doc,
            "event": [typ],
            "mode": ["heavy-weapons"] if typ == "ASSAULT" else [],
            "context": [],
            "actor": [{"code": _BY_NAME[m["a"]], "sector": "GOV", "entity_text": m["a"], "office": None,
                       "identifier_text": None, "start": m.start("a"), "end": m.end("a")}],
            "recipient": [{"code": _BY_NAME[m["r"]], "sector": "GOV", "entity_text": m["r"], "office": None,
                           "identifier_text": None, "start": m.start("r"), "end": m.end("r")}],
            "date": m["d"],
            "enddate": None,
            "date_precision": "day",
            "date_text": m["d"],
            "event_loc": {"extracted_place": m["c"], "resolved_place": m["c"], "geonameid": None,
                          "lat": lat, "lon": lon, "country_code": cc, "feature_code": "PPLC",
                          "resolution": "city", "start": m.start("c"), "end": m.end("c")},
            "event_text": m.group(0),
            "text_info": {"sequence": 1, "start": m.start(), "end": m.end(),
                          "trigger": {"start": m.start("v"), "end": m.end("v"), "text": m["v"]},
                          "evidence": [{"start": m.start(), "end": m.end(), "text": m.group(0)}]},
            "modality": [],
            "reported_by": None,
            "confidence": 0.9,
            "rule": "fake",
            "published": article.published.isoformat() if article.published else None,
            "title": article.title,
            "url": article.url,
            "coder": "rasid-fake",
        })
    return out


PG_TEST_URL = "postgresql://postgres@127.0.0.1:5432/test"


def pg_schema_url(base: str = PG_TEST_URL) -> tuple[str, Any]:
    """Create a fresh schema on ``base``; return (URL pointing at it, drop() callback).

    Raises ``OSError``-like ``psycopg.OperationalError`` when the server is unreachable.
    """
    import uuid

    import psycopg
    from psycopg import sql

    name = "rasid_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True, connect_timeout=3) as con:
        con.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))

    def drop() -> None:
        with psycopg.connect(base, autocommit=True, connect_timeout=3) as con:
            con.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}", drop
