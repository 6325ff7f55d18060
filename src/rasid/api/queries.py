"""SQL the API needs beyond :class:`rasid.store.Store`: corrections, filtered paging, aggregates.

Everything here is plain parameterised SQL over the store's own connection
(``store._execute``), written with ``?`` placeholders and no literal ``%``/``?``
so it runs on both engines. User input only ever travels as a bound parameter;
the few identifiers that vary (sort keys, date buckets) come from whitelists.

Corrections (the analyst's audit trail) live in two tables created here on
first use (they should move into a store migration later):

* ``corrections`` -- one row per changed field: who, when, the value before
  the change and the new value (JSON). Rows are never updated or deleted.
* ``event_corrected`` -- the effective state of every corrected event: the
  corrected PLOVER record and the denormalised columns queries filter on.
  Rebuilt for one event from ``events.plover`` + its ``corrections`` rows each
  time a correction is stored, so it can always be recomputed from the trail.

Reads go through :data:`EVENTS_VIEW`, which overlays ``event_corrected`` on
``events``: filters, sorting and aggregates all see the corrected values.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rasid.model import PLOVER_TYPES, QUAD
from rasid.store.base import ArticleRecord, Store, event_rows
from rasid.text.normalize import fold

__all__ = [
    "CORRECTABLE_FIELDS",
    "EventQuery",
    "ensure_schema",
    "apply_corrections",
    "add_corrections",
    "corrections_for",
    "list_corrections",
    "search_events",
    "get_event",
    "get_article",
    "list_articles",
    "list_actors",
    "actor_profile",
    "time_series",
    "type_counts",
    "dyad_counts",
    "country_counts",
    "network",
    "gold_annotations",
    "health",
    "iter_corrected",
    "points",
]

# field name -> what its value is
CORRECTABLE_FIELDS = {
    "event": "list of PLOVER event types (the first is the main type)",
    "mode": "list of PLOVER modes",
    "actor": "list of entity objects {code, sector, entity_text, ...}",
    "recipient": "list of entity objects",
    "date": "ISO date or null",
    "enddate": "ISO date or null",
    "event_loc": "location object {resolved_place, lat, lon, country_code, ...} or null",
    "status": "'rejected' or 'accepted'",
}
SYMMETRIC_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
BUCKETS = ("day", "week", "month", "year")

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS corrections ("
    " id TEXT PRIMARY KEY, seq BIGINT NOT NULL, event_id TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT,"
    " analyst TEXT, note TEXT, created_at TIMESTAMP NOT NULL)",
    "CREATE TABLE IF NOT EXISTS event_corrected ("
    " event_id TEXT PRIMARY KEY, event_type TEXT, date DATE, enddate DATE, actor_code TEXT,"
    " recipient_code TEXT, actor_text TEXT, recipient_text TEXT, actor_search TEXT, place_name TEXT,"
    " lat DOUBLE PRECISION, lon DOUBLE PRECISION, loc_country TEXT, countries TEXT, rejected BOOLEAN,"
    " plover TEXT, updated_at TIMESTAMP)",
)

_OVERLAID = (
    "event_type", "date", "enddate", "actor_code", "recipient_code", "actor_text", "recipient_text",
    "actor_search", "place_name", "lat", "lon", "loc_country",
)
EVENTS_VIEW = (
    "SELECT ev.id, ev.article_id, ev.seq, ev.doc, ev.source, ev.published, ev.title, ev.url, ev.event_text,"
    " ev.search_text, ev.confidence, ev.plover, "
    + ", ".join(f"CASE WHEN c.event_id IS NULL THEN ev.{k} ELSE c.{k} END AS {k}" for k in _OVERLAID)
    + ", c.countries AS c_countries, COALESCE(c.rejected, FALSE) AS rejected, c.plover AS c_plover,"
    " CASE WHEN c.event_id IS NULL THEN FALSE ELSE TRUE END AS corrected"
    " FROM events ev LEFT JOIN event_corrected c ON c.event_id = ev.id"
)
_ROW_COLS = "e.plover, e.c_plover, e.id, e.article_id, e.source, e.rejected, e.corrected"

SORTS = {
    "date": "COALESCE(e.date, e.published) ASC NULLS LAST, e.id ASC",
    "-date": "COALESCE(e.date, e.published) DESC NULLS LAST, e.id ASC",
    "confidence": "e.confidence ASC NULLS LAST, e.id ASC",
    "-confidence": "e.confidence DESC NULLS LAST, e.id ASC",
    "type": "e.event_type ASC NULLS LAST, e.id ASC",
    "-type": "e.event_type DESC NULLS LAST, e.id ASC",
    "published": "e.published ASC NULLS LAST, e.id ASC",
    "-published": "e.published DESC NULLS LAST, e.id ASC",
    "id": "e.id ASC",
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _like(s: str) -> str:
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date | dt.datetime) else v


def ensure_schema(store: Store) -> None:
    """Create the corrections tables if this store has none yet (idempotent)."""
    for stmt in _SCHEMA:
        store._execute(stmt)


# ---------------------------------------------------------------- corrections
def apply_corrections(event: dict[str, Any], corrections: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Return a copy of the PLOVER ``event`` with ``corrections`` applied in order.

    Each correction is a dict with ``field`` (one of :data:`CORRECTABLE_FIELDS`)
    and ``new_value`` (already decoded from JSON); later ones win. The copy gets
    a ``_review`` entry: ``{status, corrected_fields, n_corrections, analyst, at}``
    (``status`` is ``"rejected"``, ``"accepted"``, ``"corrected"`` or ``None``).
    The export layer calls this so that exports carry the analysts' values.
    """
    ev = copy.deepcopy(event)
    fields: list[str] = []
    status: str | None = None
    last: dict[str, Any] = {}
    n = 0
    for c in corrections:
        f, v = c["field"], c.get("new_value")
        n += 1
        last = c
        if f == "status":
            status = v
            continue
        if f not in CORRECTABLE_FIELDS:
            continue
        if f == "event" and isinstance(v, str):
            v = [v]
        ev[f] = copy.deepcopy(v)
        if f == "date" and ev.get("date") and ev.get("enddate") and ev["enddate"] < ev["date"]:
            ev["enddate"] = ev["date"]
        if f not in fields:
            fields.append(f)
    if n:
        if status is None and fields:
            status = "corrected"
        ev["_review"] = {
            "status": status,
            "corrected_fields": fields,
            "n_corrections": n,
            "analyst": last.get("analyst"),
            "at": _iso(last.get("created_at")),
        }
    return ev


def _original(store: Store, event_id: str) -> dict[str, Any] | None:
    rows = store._execute("SELECT plover FROM events WHERE id = ?", [event_id])
    return json.loads(rows[0][0]) if rows else None


def corrections_for(store: Store, event_id: str) -> list[dict[str, Any]]:
    """The audit trail of one event, oldest first."""
    rows = store._execute(
        "SELECT id, event_id, field, old_value, new_value, analyst, note, created_at FROM corrections"
        " WHERE event_id = ? ORDER BY seq",
        [event_id],
    )
    return [_corr(r) for r in rows]


def _corr(r: Sequence[Any]) -> dict[str, Any]:
    return {
        "id": r[0],
        "event_id": r[1],
        "field": r[2],
        "old_value": json.loads(r[3]) if r[3] is not None else None,
        "new_value": json.loads(r[4]) if r[4] is not None else None,
        "analyst": r[5],
        "note": r[6],
        "created_at": _iso(r[7]),
    }


def list_corrections(store: Store, limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    total = int(store._execute("SELECT count(*) FROM corrections")[0][0])
    rows = store._execute(
        "SELECT id, event_id, field, old_value, new_value, analyst, note, created_at FROM corrections"
        " ORDER BY seq DESC LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return total, [_corr(r) for r in rows]


def _current_value(ev: dict[str, Any], field: str) -> Any:
    if field == "status":
        return (ev.get("_review") or {}).get("status")
    return ev.get(field)


def add_corrections(
    store: Store, event_id: str, changes: dict[str, Any], analyst: str, note: str | None = None
) -> dict[str, Any] | None:
    """Store one correction row per changed field and refresh the event's effective state.

    ``changes`` maps field -> new value (JSON-able). Returns the corrected event,
    or ``None`` when the event does not exist. A field whose new value equals
    its current value is not recorded.
    """
    bad = set(changes) - set(CORRECTABLE_FIELDS)
    if bad:
        raise ValueError(f"fields not correctable: {sorted(bad)}")
    with store.transaction():
        orig = _original(store, event_id)
        if orig is None:
            return None
        current = apply_corrections(orig, corrections_for(store, event_id))
        now = _now()
        seq = int(store._execute("SELECT COALESCE(max(seq), 0) FROM corrections")[0][0])
        rows = []
        for f, v in sorted(changes.items()):
            old = _current_value(current, f)
            if old == v:
                continue
            seq += 1
            rows.append((
                f"c{seq:08d}-{uuid.uuid4().hex[:8]}", seq, event_id, f,
                json.dumps(old, ensure_ascii=False), json.dumps(v, ensure_ascii=False),
                analyst, note, now,
            ))
        if rows:
            store._executemany(
                "INSERT INTO corrections (id, seq, event_id, field, old_value, new_value, analyst, note,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return _refresh(store, event_id, orig)


def _refresh(store: Store, event_id: str, orig: dict[str, Any]) -> dict[str, Any]:
    """Recompute ``event_corrected`` for one event from its original record and trail."""
    trail = corrections_for(store, event_id)
    ev = apply_corrections(orig, trail)
    store._execute("DELETE FROM event_corrected WHERE event_id = ?", [event_id])
    if not trail:
        return ev
    art = ArticleRecord(id=str(orig.get("doc") or ""), content_hash="", text="")
    row, _, _ = event_rows(ev, event_id, art, 0)
    from rasid.store.base import EVENT_COLUMNS

    col = dict(zip([c.strip() for c in EVENT_COLUMNS.split(",")], row, strict=True))
    codes = sorted({str(x.get("code"))[:3].upper() for x in (ev.get("actor") or []) + (ev.get("recipient") or [])
                    if x.get("code")})
    store._execute(
        "INSERT INTO event_corrected (event_id, event_type, date, enddate, actor_code, recipient_code,"
        " actor_text, recipient_text, actor_search, place_name, lat, lon, loc_country, countries, rejected,"
        " plover, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [event_id] + [col[k] for k in _OVERLAID]
        + ["|" + "|".join(codes) + "|", (ev.get("_review") or {}).get("status") == "rejected",
           json.dumps(ev, ensure_ascii=False, sort_keys=True), _now()],
    )
    return ev


# ---------------------------------------------------------------- event queries
@dataclass(slots=True)
class EventQuery:
    """Filters shared by every read endpoint and view; all combine with AND."""

    country: str | None = None  # ISO3 of any actor/recipient or of the location
    actor: str | None = None  # substring of actor/recipient text or code (folded)
    types: Sequence[str] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    near: tuple[float, float, float] | None = None  # lat, lon, km
    text: str | None = None
    article: str | None = None
    review: str | None = None  # None: not rejected | all | rejected | corrected | uncorrected

    def where(self) -> tuple[str, list[Any]]:
        conds: list[str] = []
        p: list[Any] = []
        if self.country:
            c = self.country.strip().upper()
            conds.append(
                "(e.loc_country = ? OR e.c_countries LIKE ? ESCAPE '\\' OR (e.c_countries IS NULL AND EXISTS"
                " (SELECT 1 FROM entities en WHERE en.event_id = e.id AND substr(en.code, 1, 3) = ?)))"
            )
            p += [c, _like("|" + c + "|"), c]
        if self.actor and self.actor.strip():
            conds.append("e.actor_search LIKE ? ESCAPE '\\'")
            p.append(_like(fold(self.actor.strip()).lower()))
        types = [t.strip().upper() for t in self.types if t and t.strip()]
        if types:
            conds.append("e.event_type IN (" + ", ".join("?" for _ in types) + ")")
            p += types
        if self.since:
            conds.append("COALESCE(e.enddate, e.date, e.published) >= ?")
            p.append(self.since)
        if self.until:
            conds.append("COALESCE(e.date, e.published) <= ?")
            p.append(self.until)
        if self.bbox:
            w, s, east, n = (float(x) for x in self.bbox)
            conds.append("(e.lat IS NOT NULL AND e.lat BETWEEN ? AND ?)")
            p += [min(s, n), max(s, n)]
            if w <= east:
                conds.append("(e.lon BETWEEN ? AND ?)")
                p += [w, east]
            else:  # crosses the antimeridian
                conds.append("(e.lon >= ? OR e.lon <= ?)")
                p += [w, east]
        if self.near:
            lat, lon, km = (float(x) for x in self.near)
            conds.append(
                "(e.lat IS NOT NULL AND 12742.0176 * asin(sqrt(least(1.0, power(sin(radians(e.lat - ?) / 2), 2)"
                " + cos(radians(?)) * cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2)))) <= ?)"
            )
            p += [lat, lat, lon, km]
        if self.text and self.text.strip():
            conds.append("e.search_text LIKE ? ESCAPE '\\'")
            p.append(_like(fold(self.text.strip()).lower()))
        if self.article:
            conds.append("e.article_id = ?")
            p.append(self.article)
        review = self.review or "active"
        if review == "active":
            conds.append("NOT e.rejected")
        elif review == "rejected":
            conds.append("e.rejected")
        elif review == "corrected":
            conds.append("e.corrected")
        elif review == "uncorrected":
            conds.append("NOT e.corrected")
        return (" AND ".join(conds) or "TRUE"), p


def _event_from_row(r: Sequence[Any]) -> dict[str, Any]:
    ev = json.loads(r[1] if r[1] is not None else r[0])
    ev["_store"] = {"event_id": r[2], "article_id": r[3], "source": r[4]}
    ev["_review"] = ev.get("_review") or {"status": None, "corrected_fields": [], "n_corrections": 0}
    ev["quad"] = QUAD.get((ev.get("event") or [None])[0] or "")
    return ev


def search_events(
    store: Store, q: EventQuery, sort: str = "date", limit: int = 50, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """One page of corrected events matching ``q`` and the total count."""
    where, p = q.where()
    total = int(store._execute(f"SELECT count(*) FROM ({EVENTS_VIEW}) e WHERE {where}", p)[0][0])
    rows = store._execute(
        f"SELECT {_ROW_COLS} FROM ({EVENTS_VIEW}) e WHERE {where} ORDER BY {SORTS.get(sort, SORTS['date'])}"
        " LIMIT ? OFFSET ?",
        [*p, int(limit), int(offset)],
    )
    return total, [_event_from_row(r) for r in rows]


def points(store: Store, q: EventQuery, limit: int = 20000) -> list[dict[str, Any]]:
    """Light map points (events with coordinates)."""
    where, p = q.where()
    rows = store._execute(
        f"SELECT e.id, e.lat, e.lon, e.event_type, COALESCE(e.date, e.published), e.place_name, e.actor_code,"
        f" e.recipient_code FROM ({EVENTS_VIEW}) e WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
        " ORDER BY e.id LIMIT ?",
        [*p, int(limit)],
    )
    return [
        {"id": r[0], "lat": r[1], "lon": r[2], "type": r[3], "quad": QUAD.get(r[3] or ""), "date": _iso(r[4]),
         "place": r[5], "actor": r[6], "recipient": r[7]}
        for r in rows
    ]


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event (corrected) with its article, evidence, sources, trail and original record."""
    rows = store._execute(f"SELECT {_ROW_COLS} FROM ({EVENTS_VIEW}) e WHERE e.id = ?", [event_id])
    if not rows:
        return None
    ev = _event_from_row(rows[0])
    art = store._execute(
        "SELECT id, doc, title, url, source, published FROM articles WHERE id = ?", [rows[0][3]]
    )
    article = None
    if art:
        a = art[0]
        article = {"id": a[0], "doc": a[1], "title": a[2], "url": a[3], "source": a[4], "published": _iso(a[5])}
    fused = store._execute("SELECT fused_id FROM fused_members WHERE event_id = ?", [event_id])
    sources: list[dict[str, Any]] = []
    if fused:
        for r in store._execute(
            "SELECT e.id, e.article_id, e.source, e.url, e.title, e.published FROM fused_members m JOIN events e"
            " ON e.id = m.event_id WHERE m.fused_id = ? ORDER BY e.id",
            [fused[0][0]],
        ):
            sources.append({"event_id": r[0], "article_id": r[1], "source": r[2], "url": r[3], "title": r[4],
                            "published": _iso(r[5])})
    elif article:
        sources.append({"event_id": event_id, "article_id": article["id"], "source": article["source"],
                        "url": article["url"], "title": article["title"], "published": article["published"]})
    ti = ev.get("text_info") or {}
    return {
        "event": ev,
        "article": article,
        "actors": ev.get("actor") or [],
        "recipients": ev.get("recipient") or [],
        "evidence": ([{"kind": "trigger", **ti["trigger"]}] if ti.get("trigger") else [])
        + [{"kind": "evidence", **s} for s in ti.get("evidence") or []],
        "sources": sources,
        "fused_id": fused[0][0] if fused else None,
        "corrections": corrections_for(store, event_id),
        "original": json.loads(rows[0][0]),
    }


def list_articles(
    store: Store, text: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    where, p = "TRUE", []
    if text and text.strip():
        where = "(lower(COALESCE(a.title, '')) LIKE ? ESCAPE '\\' OR lower(COALESCE(a.doc, '')) LIKE ? ESCAPE '\\')"
        p = [_like(text.strip().lower())] * 2
    total = int(store._execute(f"SELECT count(*) FROM articles a WHERE {where}", p)[0][0])
    rows = store._execute(
        f"SELECT a.id, a.doc, a.title, a.url, a.source, a.published, a.n_events FROM articles a WHERE {where}"
        " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        [*p, int(limit), int(offset)],
    )
    return total, [
        {"id": r[0], "doc": r[1], "title": r[2], "url": r[3], "source": r[4], "published": _iso(r[5]),
         "n_events": r[6]}
        for r in rows
    ]


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with its full original text and all its events (rejected ones flagged)."""
    rows = store._execute(
        "SELECT id, doc, title, url, source, published, text, n_events FROM articles WHERE id = ?", [article_id]
    )
    if not rows:
        return None
    r = rows[0]
    _, events = search_events(store, EventQuery(article=article_id, review="all"), sort="id", limit=100000)
    events.sort(key=lambda e: ((e.get("text_info") or {}).get("start") or 0, e["_store"]["event_id"]))
    return {"id": r[0], "doc": r[1], "title": r[2], "url": r[3], "source": r[4], "published": _iso(r[5]),
            "text": r[6], "n_events": r[7], "events": events}


# ---------------------------------------------------------------- actors
def list_actors(store: Store, q: EventQuery, limit: int = 100) -> list[dict[str, Any]]:
    """Actor codes (first actor / first recipient) by number of events, with a sample label."""
    where, p = q.where()
    rows = store._execute(
        f"SELECT code, count(*) AS n, min(label) FROM ("
        f" SELECT e.actor_code AS code, e.actor_text AS label FROM ({EVENTS_VIEW}) e WHERE {where}"
        f" UNION ALL SELECT e.recipient_code, e.recipient_text FROM ({EVENTS_VIEW}) e WHERE {where}"
        ") x WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code LIMIT ?",
        [*p, *p, int(limit)],
    )
    return [{"code": r[0], "events": int(r[1]), "label": r[2]} for r in rows]


def actor_profile(
    store: Store, code: str, q: EventQuery, interval: str = "month", limit: int = 100
) -> dict[str, Any]:
    """One actor code: its events over time, partners, types and latest events."""
    where, p = q.where()
    code = code.strip().upper()
    cond = "(e.actor_code = ? OR e.recipient_code = ?)"
    bucket = _bucket(interval)
    series = store._execute(
        f"SELECT {bucket} AS period, count(*) FROM ({EVENTS_VIEW}) e WHERE {where} AND {cond}"
        " AND COALESCE(e.date, e.published) IS NOT NULL GROUP BY period ORDER BY period",
        [*p, code, code],
    )
    partners = store._execute(
        "SELECT partner, count(*) AS n FROM (SELECT CASE WHEN e.actor_code = ? THEN e.recipient_code"
        f" ELSE e.actor_code END AS partner FROM ({EVENTS_VIEW}) e WHERE {where} AND {cond}) x"
        " WHERE partner IS NOT NULL GROUP BY partner ORDER BY n DESC, partner LIMIT 50",
        [code, *p, code, code],
    )
    types = store._execute(
        f"SELECT e.event_type, count(*) AS n FROM ({EVENTS_VIEW}) e WHERE {where} AND {cond}"
        " GROUP BY e.event_type ORDER BY n DESC, e.event_type",
        [*p, code, code],
    )
    rows = store._execute(
        f"SELECT {_ROW_COLS} FROM ({EVENTS_VIEW}) e WHERE {where} AND {cond} ORDER BY {SORTS['-date']} LIMIT ?",
        [*p, code, code, int(limit)],
    )
    return {
        "code": code,
        "interval": interval,
        "total": sum(int(r[1]) for r in series),
        "series": [{"period": _iso(_day(r[0])), "count": int(r[1])} for r in series],
        "partners": [{"code": r[0], "events": int(r[1])} for r in partners],
        "types": [{"type": r[0], "events": int(r[1])} for r in types],
        "events": [_event_from_row(r) for r in rows],
    }


# ---------------------------------------------------------------- aggregates
def _bucket(interval: str) -> str:
    if interval not in BUCKETS:
        raise ValueError(f"interval must be one of {BUCKETS}")
    return f"date_trunc('{interval}', COALESCE(e.date, e.published))"  # interval is whitelisted


def _day(v: Any) -> Any:
    return v.date() if isinstance(v, dt.datetime) else v


def time_series(store: Store, q: EventQuery, interval: str = "day") -> list[dict[str, Any]]:
    """Event counts per period (with the split by PLOVER quad category), periods in order."""
    where, p = q.where()
    rows = store._execute(
        f"SELECT {_bucket(interval)} AS period, e.event_type, count(*) FROM ({EVENTS_VIEW}) e WHERE {where}"
        " AND COALESCE(e.date, e.published) IS NOT NULL GROUP BY period, e.event_type ORDER BY period",
        p,
    )
    out: dict[Any, dict[str, Any]] = {}
    for period, typ, n in rows:
        d = out.setdefault(_day(period), {"period": _iso(_day(period)), "count": 0, "by_quad": {}})
        d["count"] += int(n)
        quad = QUAD.get(typ or "", "unknown")
        d["by_quad"][quad] = d["by_quad"].get(quad, 0) + int(n)
    return [out[k] for k in sorted(out)]


def type_counts(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    where, p = q.where()
    rows = store._execute(
        f"SELECT e.event_type, count(*) AS n FROM ({EVENTS_VIEW}) e WHERE {where}"
        " GROUP BY e.event_type ORDER BY n DESC, e.event_type",
        p,
    )
    return [{"type": r[0], "quad": QUAD.get(r[0] or ""), "count": int(r[1])} for r in rows]


def dyad_counts(store: Store, q: EventQuery, limit: int = 200) -> list[dict[str, Any]]:
    """Counts by (actor country, recipient country)."""
    where, p = q.where()
    rows = store._execute(
        "SELECT substr(e.actor_code, 1, 3) AS a, substr(e.recipient_code, 1, 3) AS b, count(*) AS n"
        f" FROM ({EVENTS_VIEW}) e WHERE {where} GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?",
        [*p, int(limit)],
    )
    return [{"actor_country": r[0], "recipient_country": r[1], "count": int(r[2])} for r in rows]


def country_counts(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    """Counts by the event's location country."""
    where, p = q.where()
    rows = store._execute(
        f"SELECT e.loc_country, count(*) AS n FROM ({EVENTS_VIEW}) e WHERE {where}"
        " GROUP BY e.loc_country ORDER BY n DESC, e.loc_country",
        p,
    )
    return [{"country": r[0], "count": int(r[1])} for r in rows]


def _node(ent: dict[str, Any]) -> str | None:
    code = ent.get("code")
    if not code:
        return None
    sector = ent.get("sector")
    return f"{code}-{sector}" if sector and not str(code).endswith(str(sector)) else str(code)


def network(store: Store, q: EventQuery, min_weight: int = 1, limit: int = 300) -> dict[str, Any]:
    """Weighted actor network: nodes are actors (code-sector, e.g. ``LBY-GOV``), edges count events
    from the first actor to the first recipient, split by quad category."""
    where, p = q.where()
    rows = store._execute(
        f"SELECT COALESCE(e.c_plover, e.plover), e.event_type FROM ({EVENTS_VIEW}) e WHERE {where}"
        " AND e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL",
        p,
    )
    edges: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    country: dict[str, str] = {}
    for plover, typ in rows:
        ev = json.loads(plover)
        a, b = (ev.get("actor") or [{}])[0], (ev.get("recipient") or [{}])[0]
        na, nb = _node(a), _node(b)
        if not na or not nb or na == nb:
            continue
        edges[(na, nb)][QUAD.get(typ or "", "unknown")] += 1
        for n, ent in ((na, a), (nb, b)):
            country[n] = str(ent.get("code"))[:3].upper()
            if ent.get("entity_text"):
                labels[n][ent["entity_text"]] += 1
    out_edges = sorted(
        ({"source": a, "target": b, "weight": sum(c.values()), "by_quad": dict(c)} for (a, b), c in edges.items()),
        key=lambda x: (-x["weight"], x["source"], x["target"]),
    )
    out_edges = [x for x in out_edges if x["weight"] >= min_weight][:limit]
    deg: Counter[str] = Counter()
    for x in out_edges:
        deg[x["source"]] += x["weight"]
        deg[x["target"]] += x["weight"]
    nodes = [
        {"id": n, "country": country.get(n), "weight": w,
         "label": (labels[n].most_common(1)[0][0] if labels[n] else n)}
        for n, w in sorted(deg.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {"nodes": nodes, "edges": out_edges}


# ---------------------------------------------------------------- gold export
def _side(ents: list[dict[str, Any]] | None) -> dict[str, Any]:
    if not ents:
        return {"country": None}
    e = ents[0]
    code = str(e.get("code") or "") or None
    out: dict[str, Any] = {"country": code[:3].upper() if code else None}
    sector = e.get("sector") or (code[3:6] if code and len(code) >= 6 else None)
    if sector:
        out["sector"] = sector
    name = e.get("identifier_text") or e.get("entity_text")
    if name:
        out["name_ar"] = name
    if e.get("office"):
        out["role"] = e["office"]
    return out


def gold_annotations(store: Store, scope: str = "reviewed", doc: str | None = None) -> list[dict[str, Any]]:
    """Reviewed events as gold files in the scorer's format (``*.gold.json``), one per article.

    ``scope="reviewed"``: every event an analyst touched (corrected or accepted), rejected ones
    left out; ``scope="article"``: every non-rejected event of an article that has any
    correction (the analyst reviewed the whole article).
    """
    if scope not in ("reviewed", "article"):
        raise ValueError("scope must be 'reviewed' or 'article'")
    arts = store._execute(
        "SELECT DISTINCT e.article_id FROM corrections c JOIN events e ON e.id = c.event_id ORDER BY e.article_id"
    )
    out = []
    for (aid,) in arts:
        a = store._execute("SELECT doc, published, source, title FROM articles WHERE id = ?", [aid])
        if not a or (doc and a[0][0] != doc):
            continue
        review = "corrected" if scope == "reviewed" else None
        _, evs = search_events(store, EventQuery(article=aid, review=review), sort="id", limit=100000)
        events = []
        for i, ev in enumerate(evs, 1):
            if (ev.get("_review") or {}).get("status") == "rejected":
                continue
            types = [str(t).upper() for t in ev.get("event") or [] if t]
            loc = ev.get("event_loc") or None
            ti = ev.get("text_info") or {}
            evid = ev.get("event_text") or " ... ".join(s.get("text") or "" for s in ti.get("evidence") or [])
            g: dict[str, Any] = {
                "id": f"R{i}",
                "types": types,
                "directed": not (set(types) <= SYMMETRIC_TYPES),
                "a": _side(ev.get("actor")),
                "b": _side(ev.get("recipient")),
                "date": {"start": ev["date"], "end": ev.get("enddate") or ev["date"]} if ev.get("date") else None,
                "location": (
                    {k: v for k, v in (("name", loc.get("resolved_place") or loc.get("extracted_place")),
                                       ("country", loc.get("country_code")), ("lat", loc.get("lat")),
                                       ("lon", loc.get("lon"))) if v is not None}
                    if loc else None
                ),
                "evidence": evid,
                "source_event": ev["_store"]["event_id"],
            }
            if ev.get("mode"):
                g["mode"] = ev["mode"][0]
            events.append(g)
        out.append({
            "doc": a[0][0],
            "published": _iso(a[0][1]),
            "source": a[0][2],
            "language": "ar",
            "title_en": None,
            "notes": f"Exported from rasid analyst corrections (scope={scope}). Types, dyad, date and place are"
            " the analysts' corrected values; rejected events are left out.",
            "events": events,
        })
    return out


def iter_corrected(store: Store, events: Iterable[dict[str, Any]], keep_rejected: bool = False):
    """Overlay corrections on events from :meth:`Store.iter_events` (for the export layer).

    Each event's ``_store.event_id`` is looked up in ``event_corrected``; corrected
    events are replaced by their corrected record and rejected ones are dropped
    unless ``keep_rejected``.
    """
    ensure_schema(store)
    fixed = {r[0]: json.loads(r[1]) for r in store._execute("SELECT event_id, plover FROM event_corrected")}
    for ev in events:
        eid = (ev.get("_store") or {}).get("event_id")
        if eid in fixed:
            new = copy.deepcopy(fixed[eid])
            new["_store"] = ev["_store"]
            if (new.get("_review") or {}).get("status") == "rejected" and not keep_rejected:
                continue
            yield new
        else:
            yield ev


def health(store: Store) -> dict[str, Any]:
    from rasid import __version__

    counts = store.counts()
    counts["corrections"] = int(store._execute("SELECT count(*) FROM corrections")[0][0])
    return {"status": "ok", "version": __version__, "engine": store.engine,
            "schema_version": store.schema_version(), "counts": counts}


def validate_types(types: Iterable[str]) -> list[str]:
    out = [str(t).strip().upper() for t in types if str(t).strip()]
    bad = [t for t in out if t not in PLOVER_TYPES]
    if bad:
        raise ValueError(f"unknown PLOVER event types: {bad}")
    return out
