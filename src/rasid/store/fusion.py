"""Event fusion: one real-world interaction reported by several articles -> one fused event.

Two events are *compatible* (:func:`compatible`) when all of these hold:

1. same PLOVER type (the first listed type);
2. they come from different articles (two events in one article are the
   extractor's business);
3. compatible actors: first actor and first recipient compared by country
   (first three letters of the code). Ordered for directed types, unordered for
   the symmetric ones (CONSULT, AGREE, COOPERATE). A missing code on either
   side is a wildcard, but then the match is *weak* (see 6);
4. the date intervals ``[date, enddate]`` overlap, with ``date_slack_days`` of
   tolerance. An event without a date is placed at
   ``[published - 2 days, published]``; without either it is
   unknown, which also makes the match weak;
5. places: if both have coordinates they lie within ``max_km`` (haversine);
   if either is resolved only to a country, the country codes must agree;
   an unknown place is compatible with anything;
6. a weak match (wildcard actor or unknown date) additionally needs either both
   places known and close, or character 3-gram Jaccard similarity of the
   (folded) event texts >= ``weak_min_sim``.

Clustering (:func:`cluster`) is deterministic and independent of ingest order:
events are sorted by (type, start date, id) and each joins the existing cluster
it is compatible with *every* member of (complete linkage) and most similar to;
ties go to the earliest cluster. An event never joins a cluster that already
holds an event of its own article. Each fused event counts its member events,
articles and independent sources (distinct outlets; an article with no known
outlet counts as its own source).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasid.model import as_date
from rasid.text.normalize import fold

__all__ = ["FusionConfig", "FuseRecord", "compatible", "similarity", "cluster", "summarise", "haversine_km"]

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class FusionConfig:
    max_km: float = 50.0
    date_slack_days: int = 0
    weak_min_sim: float = 0.25
    ngram: int = 3


@dataclass(slots=True)
class FuseRecord:
    """The fields fusion looks at, for one stored event."""

    id: str
    article_id: str
    source: str | None
    type: str | None
    actor: str | None
    recipient: str | None
    start: dt.date | None
    end: dt.date | None
    lat: float | None
    lon: float | None
    country: str | None
    resolution: str | None
    place: str | None
    text: str
    confidence: float = 0.5

    @classmethod
    def from_row(cls, r: Sequence[Any]) -> FuseRecord:
        (eid, art, src, typ, actor, recip, date, enddate, published, lat, lon, country, res, place, text,
         conf) = r
        start, end = _interval(_d(date), _d(enddate), _d(published))
        return cls(eid, art, src, typ, _cc(actor), _cc(recip), start, end, lat, lon, country, res, place,
                   text or "", float(conf) if conf is not None else 0.5)

    @classmethod
    def from_plover(cls, d: dict[str, Any], *, article_id: str | None = None, source: str | None = None) -> FuseRecord:
        loc = d.get("event_loc") or {}
        act = (d.get("actor") or [{}])[0]
        rec = (d.get("recipient") or [{}])[0]
        start, end = _interval(_d(d.get("date")), _d(d.get("enddate")), _d(d.get("published")))
        return cls(
            id=str(d.get("id")),
            article_id=article_id or str(d.get("doc")),
            source=source if source is not None else d.get("source"),
            type=(d.get("event") or [None])[0],
            actor=_cc(act.get("code")),
            recipient=_cc(rec.get("code")),
            start=start,
            end=end,
            lat=loc.get("lat"),
            lon=loc.get("lon"),
            country=loc.get("country_code"),
            resolution=loc.get("resolution"),
            place=loc.get("resolved_place"),
            text=d.get("event_text") or "",
            confidence=float(d.get("confidence") or 0.5),
        )


def _d(v: Any) -> dt.date | None:
    return as_date(v)


def _cc(code: str | None) -> str | None:
    return code[:3].upper() if code else None


def _interval(date: dt.date | None, enddate: dt.date | None, published: dt.date | None,
              lookback: int = 2) -> tuple[dt.date | None, dt.date | None]:
    if date is not None:
        return date, max(enddate or date, date)
    if published is not None:
        return published - dt.timedelta(days=lookback), published
    return None, None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=65536)
def _grams(text: str, n: int) -> frozenset[str]:
    t = " " + fold(text).lower() + " "
    return frozenset(t[i : i + n] for i in range(max(0, len(t) - n + 1)))


def similarity(a: str, b: str, n: int = 3) -> float:
    """Character n-gram Jaccard similarity of two (folded) texts."""
    ga, gb = _grams(a, n), _grams(b, n)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / len(ga | gb)


def _actors(a: FuseRecord, b: FuseRecord) -> tuple[bool, bool]:
    """(compatible, weak)."""

    def eq(x: str | None, y: str | None) -> tuple[bool, bool]:
        if x is None or y is None:
            return True, True
        return x == y, False

    def pair(x: FuseRecord, y: FuseRecord, swap: bool) -> tuple[bool, bool]:
        ya, yr = (y.recipient, y.actor) if swap else (y.actor, y.recipient)
        ok1, w1 = eq(x.actor, ya)
        ok2, w2 = eq(x.recipient, yr)
        return ok1 and ok2, w1 or w2

    ok, weak = pair(a, b, False)
    if ok and not weak:
        return ok, weak
    if a.type in SYMMETRIC:
        ok2, weak2 = pair(a, b, True)
        if ok2 and (not ok or (weak and not weak2)):
            return ok2, weak2
    return ok, weak


def _places(a: FuseRecord, b: FuseRecord, cfg: FusionConfig) -> tuple[bool, bool]:
    """(compatible, both known and close)."""
    if a.country and b.country and a.country != b.country:
        return False, False
    if a.resolution == "country" or b.resolution == "country":
        return True, False  # same country (or unknown): no finer check possible
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return True, False
    close = haversine_km(a.lat, a.lon, b.lat, b.lon) <= cfg.max_km
    return close, close


def compatible(a: FuseRecord, b: FuseRecord, cfg: FusionConfig | None = None) -> bool:
    """Could ``a`` and ``b`` describe the same real-world event? (module docstring)"""
    cfg = cfg or FusionConfig()
    if a.type != b.type or a.type is None:
        return False
    if a.article_id == b.article_id:
        return False
    ok, weak = _actors(a, b)
    if not ok:
        return False
    if a.start is None or b.start is None:
        weak = True
    else:
        slack = dt.timedelta(days=cfg.date_slack_days)
        assert a.end is not None and b.end is not None
        if a.start > b.end + slack or b.start > a.end + slack:
            return False
    pok, close = _places(a, b, cfg)
    if not pok:
        return False
    if weak and not close and similarity(a.text, b.text, cfg.ngram) < cfg.weak_min_sim:
        return False
    return True


def cluster(records: Sequence[FuseRecord], cfg: FusionConfig | None = None) -> list[list[FuseRecord]]:
    """Group records into fused events (deterministic; see the module docstring)."""
    cfg = cfg or FusionConfig()
    order = sorted(records, key=lambda r: (r.type or "", r.start or dt.date.min, r.id))
    clusters: list[list[FuseRecord]] = []
    open_by_type: dict[str | None, list[int]] = {}
    for r in order:
        best: tuple[float, int] | None = None
        for ci in open_by_type.get(r.type, []):
            members = clusters[ci]
            if any(m.article_id == r.article_id for m in members):
                continue
            if not all(compatible(m, r, cfg) for m in members):
                continue
            sim = sum(similarity(m.text, r.text, cfg.ngram) for m in members) / len(members)
            if best is None or sim > best[0]:
                best = (sim, ci)
        if best is None:
            clusters.append([r])
            open_by_type.setdefault(r.type, []).append(len(clusters) - 1)
        else:
            clusters[best[1]].append(r)
        # drop clusters that can no longer match anything later in date order
        if r.start is not None:
            horizon = r.start - dt.timedelta(days=cfg.date_slack_days + 1)
            open_by_type[r.type] = [
                ci for ci in open_by_type[r.type]
                if any(m.end is None or m.end >= horizon for m in clusters[ci])
            ]
    clusters.sort(key=lambda c: min(m.id for m in c))
    return clusters


def _mode(values: list[str | None]) -> str | None:
    c = Counter(v for v in values if v)
    if not c:
        return None
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def summarise(members: Sequence[FuseRecord]) -> tuple[Any, ...]:
    """The fused_events row for one cluster (see base.FUSED_COLUMNS)."""
    ids = sorted(m.id for m in members)
    fid = "F" + hashlib.sha1("\n".join(ids).encode()).hexdigest()[:16]
    rep = sorted(members, key=lambda m: (-m.confidence, m.id))[0]
    outlets = sorted({m.source or f"article:{m.article_id}" for m in members})
    located = sorted(
        (m for m in members if m.lat is not None and m.lon is not None),
        key=lambda m: (m.resolution == "country", m.id),
    )
    loc = located[0] if located else None
    starts = [m.start for m in members if m.start]
    ends = [m.end for m in members if m.end]
    return (
        fid,
        rep.type,
        min(starts) if starts else None,
        max(ends) if ends else None,
        _mode([m.actor for m in members]),
        _mode([m.recipient for m in members]),
        loc.place if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        loc.country if loc else _mode([m.country for m in members]),
        len(members),
        len({m.article_id for m in members}),
        len(outlets),
        json.dumps(outlets, ensure_ascii=False),
        rep.id,
        rep.text,
    )
