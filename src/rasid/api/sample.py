"""A small sample data set for the workbench: tests, demos and the browser test.

Three short articles written for rasid (not news copy) with hand-coded PLOVER
events whose offsets are computed from the text, so ``text[start:end]`` always
equals the evidence. The third article carries HTML/script payloads in its title
and text on purpose: the dashboard must show them as plain text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasid import CODER
from rasid.model import Article, Entity, Event, Place, Span
from rasid.store.base import ArticleRecord, Store

__all__ = ["SAMPLE", "sample_batch", "load_sample"]

XSS_TITLE = '<script>window.__xss=1</script> زيارة <img src=x onerror="window.__xss=2">'

# (article fields, [event specs]); an event spec names its evidence by a phrase of the text
SAMPLE: list[tuple[dict[str, Any], list[dict[str, Any]]]] = [
    (
        {
            "id": "sample-tripoli",
            "title": "جولة دبلوماسية في طرابلس",
            "published": dt.date(2025, 5, 26),
            "url": "https://example.org/rasid/sample-tripoli",
            "source": "rasid-sample",
            "text": (
                "وصل وزير الخارجية التركي إلى طرابلس يوم الأحد، والتقى رئيس المجلس الرئاسي الليبي لبحث "
                "التعاون الأمني.\n"
                "وأعلنت وزارة الدفاع المصرية إرسال مساعدات إنسانية إلى غزة عبر معبر رفح.\n"
                "وندد الاتحاد الأفريقي بالهجوم الذي استهدف بلدة في شمال مالي.\n"
                "وكانت القوات التركية قد نشرت جنودا في ليبيا عام 2020."
            ),
        },
        [
            dict(type="CONSULT", mode="visit", actor=("TUR", "GOV", "وزير الخارجية التركي"),
                 recipient=("LBY", "GOV", "رئيس المجلس الرئاسي الليبي"), date="2025-05-25",
                 place=("طرابلس", "Tripoli", 32.8872, 13.1913, "LBY", "city"),
                 evidence=["وصل وزير الخارجية التركي إلى طرابلس", "والتقى رئيس المجلس الرئاسي الليبي"],
                 trigger="وصل"),
            dict(type="AID", mode="humanitarian", actor=("EGY", "MIL", "وزارة الدفاع المصرية"),
                 recipient=("PSE", "CVL", "غزة"), date="2025-05-25",
                 place=("غزة", "Gaza", 31.5017, 34.4668, "PSE", "city"),
                 evidence=["إرسال مساعدات إنسانية إلى غزة"], trigger="إرسال"),
            dict(type="ACCUSE", mode="", actor=("IGOAFU", "IGO", "الاتحاد الأفريقي"),
                 recipient=("MLI", "REB", "الهجوم"), date="2025-05-24",
                 place=("مالي", "Mali", 17.57, -3.99, "MLI", "country"),
                 evidence=["وندد الاتحاد الأفريقي بالهجوم"], trigger="ندد"),
            dict(type="MOBILIZE", mode="troops", actor=("TUR", "MIL", "القوات التركية"),
                 recipient=("LBY", "GOV", "ليبيا"), date="2020-01-01", enddate="2020-12-31",
                 precision="year", place=("ليبيا", "Libya", 26.335, 17.2283, "LBY", "country"),
                 evidence=["نشرت جنودا في ليبيا عام 2020"], trigger="نشرت"),
        ],
    ),
    (
        {
            "id": "sample-algiers",
            "title": "وفد تونسي في الجزائر",
            "published": dt.date(2025, 6, 2),
            "url": "https://example.org/rasid/sample-algiers",
            "source": "rasid-sample",
            "text": (
                "استقبل الرئيس الجزائري في العاصمة الجزائر وفدا من تونس يوم الاثنين.\n"
                "وفي سياق آخر، هددت الحكومة السودانية بطرد بعثة أممية.\n"
                "واعتقلت قوات الأمن الليبية عشرة مهاجرين قرب مدينة سبها."
            ),
        },
        [
            dict(type="CONSULT", mode="visit", actor=("DZA", "GOV", "الرئيس الجزائري"),
                 recipient=("TUN", "GOV", "وفدا من تونس"), date="2025-06-02",
                 place=("الجزائر", "Algiers", 36.7538, 3.0588, "DZA", "city"),
                 evidence=["استقبل الرئيس الجزائري في العاصمة الجزائر وفدا من تونس"], trigger="استقبل"),
            dict(type="THREATEN", mode="expel", actor=("SDN", "GOV", "الحكومة السودانية"),
                 recipient=("IGOUNO", "IGO", "بعثة أممية"), date="2025-06-01", place=None,
                 evidence=["هددت الحكومة السودانية بطرد بعثة أممية"], trigger="هددت"),
            dict(type="COERCE", mode="arrest", actor=("LBY", "COP", "قوات الأمن الليبية"),
                 recipient=("LBY", "CVL", "عشرة مهاجرين"), date="2025-06-02",
                 place=("سبها", "Sabha", 27.0377, 14.4283, "LBY", "city"),
                 evidence=["واعتقلت قوات الأمن الليبية عشرة مهاجرين"], trigger="اعتقلت"),
        ],
    ),
    (
        {
            "id": "sample-cairo",
            "title": XSS_TITLE,
            "published": dt.date(2025, 6, 11),
            "url": "https://example.org/rasid/sample-cairo",
            "source": "rasid-sample",
            "text": (
                'قالت مصادر <img src=x onerror="window.__xss=3"> إن وزير الدفاع الليبي زار القاهرة الأربعاء '
                "وبحث مع نظيره المصري أمن الحدود.\n<script>window.__xss=4</script> انتهى."
            ),
        },
        [
            dict(type="CONSULT", mode="visit", actor=("LBY", "GOV", "وزير الدفاع الليبي"),
                 recipient=("EGY", "GOV", "نظيره المصري"), date="2025-06-11",
                 place=("القاهرة", "Cairo", 30.0444, 31.2357, "EGY", "city"),
                 evidence=["وزير الدفاع الليبي زار القاهرة", "وبحث مع نظيره المصري"], trigger="زار"),
        ],
    ),
]


def _find(text: str, phrase: str) -> Span:
    i = text.index(phrase)
    return Span(i, i + len(phrase), phrase)


def _entity(text: str, spec: tuple[str, str, str]) -> Entity:
    code, sector, phrase = spec
    s = _find(text, phrase)
    return Entity(code=code, sector=sector, entity_text=phrase, start=s.start, end=s.end)


def sample_batch() -> list[tuple[ArticleRecord, list[dict[str, Any]]]]:
    """The sample as ``Store.add_batch`` input."""
    out = []
    for a, specs in SAMPLE:
        art = Article(text=a["text"], id=a["id"], title=a["title"], published=a["published"], url=a["url"],
                      source=a["source"])
        text = art.text
        events = []
        for i, sp in enumerate(specs):
            evid = [_find(text, p) for p in sp["evidence"]]
            place = None
            if sp["place"]:
                ptxt, name, lat, lon, cc, res = sp["place"]
                ps = _find(text, ptxt)
                place = Place(ps.start, ps.end, ptxt, name, None, lat, lon, cc, None, res)
            trig = _find(text, sp["trigger"])
            ev = Event(
                doc=art.doc, event=[sp["type"]], actor=[_entity(text, sp["actor"])],
                recipient=[_entity(text, sp["recipient"])], event_text=" ... ".join(s.text for s in evid),
                start=min(s.start for s in evid), end=max(s.end for s in evid), sequence=i,
                mode=[sp["mode"]] if sp["mode"] else [], date=dt.date.fromisoformat(sp["date"]),
                enddate=dt.date.fromisoformat(sp.get("enddate") or sp["date"]),
                date_precision=sp.get("precision", "day"), place=place, confidence=0.8 - 0.05 * i,
                rule="sample", trigger=trig, evidence=evid, id=f"{art.doc}-{i}", published=art.published,
                title=art.title, url=art.url,
            )
            events.append(ev.to_plover(CODER))
        out.append((ArticleRecord.from_article(art), events))
    return out


def load_sample(store: Store, fuse: bool = True) -> dict[str, int]:
    """Add the sample to ``store`` (idempotent: stored articles are skipped)."""
    res = store.add_batch(sample_batch())
    if fuse:
        store.fuse()
    return {"articles": res.articles, "events": res.events, "skipped": res.skipped}
