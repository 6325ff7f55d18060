"""The engine-neutral event store: API, schema mapping, filters and shared SQL.

Both engines (:mod:`rasid.store.embedded` for DuckDB, :mod:`rasid.store.postgres`
for PostgreSQL) subclass :class:`Store` and supply only a connection, a
transaction context and a parameter style. All SQL in this package is written
with ``?`` placeholders; user input only ever travels as a bound parameter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from rasid.model import as_date
from rasid.text.normalize import fold

__all__ = [
    "Store",
    "EventFilter",
    "ArticleRecord",
    "IngestBatchResult",
    "content_hash",
    "article_key",
    "outlet_of",
]

EARTH_RADIUS_KM = 6371.0088


def content_hash(text: str) -> str:
    """sha256 of the NFC, whitespace-trimmed article text (the duplicate key)."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode("utf-8")).hexdigest()


def article_key(chash: str) -> str:
    return chash[:32]


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet an article came from: the reader's ``source``, else the URL host."""
    if source:
        return source.strip().lower() or None
    if url:
        host = urlsplit(url).hostname or ""
        host = host.lower().removeprefix("www.")
        return host or None
    return None


@dataclass(slots=True)
class ArticleRecord:
    """What the store keeps of an article (see :meth:`from_article`)."""

    id: str
    content_hash: str
    text: str
    doc: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    path: str | None = None

    @classmethod
    def from_article(cls, art: Any) -> ArticleRecord:
        h = content_hash(art.text)
        return cls(
            id=article_key(h),
            content_hash=h,
            text=art.text,
            doc=art.doc,
            url=art.url,
            title=art.title,
            published=art.published,
            source=outlet_of(art.source, art.url),
            path=art.path,
        )


@dataclass(slots=True)
class IngestBatchResult:
    articles: int = 0
    events: int = 0
    skipped: int = 0


@dataclass(slots=True)
class EventFilter:
    """Query filters; every field is optional and they combine with AND."""

    country: str | None = None  # ISO3: any actor/recipient code or the event location
    actor: str | None = None  # substring of actor/recipient text or code (folded)
    types: Sequence[str] = ()  # PLOVER event types
    since: dt.date | None = None
    until: dt.date | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    text: str | None = None  # substring of event text / evidence (folded)
    fused_only: bool = False  # one row per fused event (its representative)
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over ``events e`` and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        if self.country:
            c = self.country.strip().upper()
            conds.append(
                "(e.loc_country = ? OR EXISTS (SELECT 1 FROM entities en WHERE en.event_id = e.id"
                " AND substr(en.code, 1, 3) = ?))"
            )
            params += [c, c]
        if self.actor:
            conds.append("(e.actor_search LIKE ? ESCAPE '\\')")
            params.append("%" + _like_escape(fold(self.actor).lower()) + "%")
        if self.types:
            types = [t.strip().upper() for t in self.types if t.strip()]
            conds.append("e.event_type IN (" + ", ".join("?" for _ in types) + ")")
            params += types
        if self.since:
            conds.append("COALESCE(e.enddate, e.date, e.published) >= ?")
            params.append(self.since)
        if self.until:
            conds.append("COALESCE(e.date, e.published) <= ?")
            params.append(self.until)
        if self.near:
            lat, lon, km = (float(x) for x in self.near)
            conds.append(
                "(e.lat IS NOT NULL AND "
                f"{2 * EARTH_RADIUS_KM} * asin(sqrt(least(1.0, power(sin(radians(e.lat - ?) / 2), 2)"
                " + cos(radians(?)) * cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2)))) <= ?)"
            )
            params += [lat, lat, lon, km]
        if self.text:
            conds.append("(e.search_text LIKE ? ESCAPE '\\')")
            params.append("%" + _like_escape(fold(self.text).lower()) + "%")
        if self.fused_only:
            conds.append("(f.rep_event_id IS NULL OR f.rep_event_id = e.id)")
        return (" AND ".join(conds) or "TRUE"), params


def _like_escape(s: str) -> str:
    # escaped for LIKE ... ESCAPE '\\' (DuckDB has no default escape character)
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _date(v: Any) -> dt.date | None:
    return as_date(v)


def _entity_country(code: str | None) -> str | None:
    return code[:3].upper() if code else None


def event_rows(
    ev: dict[str, Any], event_id: str, art: ArticleRecord, seq: int
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Flatten one PLOVER dict into (events row, entity rows, evidence rows)."""
    types = list(ev.get("event") or [])
    loc = ev.get("event_loc") or {}
    ti = ev.get("text_info") or {}
    actors = ev.get("actor") or []
    recips = ev.get("recipient") or []
    trig = ti.get("trigger") or None
    evid = ti.get("evidence") or []

    def ents_text(es: list[dict[str, Any]]) -> str | None:
        t = "; ".join(x.get("entity_text") or x.get("code") or "" for x in es).strip("; ")
        return t or None

    search_actor = " | ".join(
        fold(" ".join(str(x.get(k) or "") for k in ("entity_text", "identifier_text", "office", "code")))
        for x in actors + recips
    ).lower()
    search_text = fold(
        " ".join([ev.get("event_text") or ""] + [s.get("text") or "" for s in evid] + ([trig["text"]] if trig else []))
    ).lower()
    row = (
        event_id,
        art.id,
        seq,
        ev.get("id") or None,
        ev.get("doc") or art.doc,
        types[0] if types else None,
        json.dumps(types, ensure_ascii=False),
        json.dumps(ev.get("mode") or [], ensure_ascii=False),
        json.dumps(ev.get("context") or [], ensure_ascii=False),
        _date(ev.get("date")),
        _date(ev.get("enddate")),
        ev.get("date_precision"),
        ev.get("date_text"),
        ev.get("event_text"),
        ti.get("sequence"),
        ti.get("start"),
        ti.get("end"),
        trig.get("text") if trig else None,
        json.dumps(ev.get("modality") or [], ensure_ascii=False),
        ev.get("reported_by"),
        float(ev["confidence"]) if ev.get("confidence") is not None else None,
        ev.get("rule"),
        _date(ev.get("published")) or art.published,
        ev.get("title") or art.title,
        ev.get("url") or art.url,
        art.source,
        ev.get("coder"),
        loc.get("extracted_place"),
        loc.get("resolved_place"),
        loc.get("geonameid"),
        loc.get("lat"),
        loc.get("lon"),
        loc.get("country_code"),
        loc.get("feature_code"),
        loc.get("resolution"),
        actors[0].get("code") if actors else None,
        recips[0].get("code") if recips else None,
        ents_text(actors),
        ents_text(recips),
        search_actor,
        search_text,
        json.dumps(ev, ensure_ascii=False, sort_keys=True),
    )
    ent_rows = [
        (event_id, role, i, x.get("code"), x.get("sector"), x.get("entity_text"), x.get("office"),
         x.get("identifier_text"), x.get("start"), x.get("end"))
        for role, xs in (("actor", actors), ("recipient", recips))
        for i, x in enumerate(xs)
    ]
    ev_rows: list[tuple[Any, ...]] = []
    if trig:
        ev_rows.append((event_id, 0, "trigger", trig.get("start"), trig.get("end"), trig.get("text")))
    for s in evid:
        ev_rows.append((event_id, len(ev_rows), "evidence", s.get("start"), s.get("end"), s.get("text")))
    return row, ent_rows, ev_rows


EVENT_COLUMNS = (
    "id, article_id, seq, plover_id, doc, event_type, event_types, mode, context, date, enddate,"
    " date_precision, date_text, event_text, sentence, start_char, end_char, trigger_text, modality,"
    " reported_by, confidence, rule, published, title, url, source, coder, place_text, place_name,"
    " geonameid, lat, lon, loc_country, feature_code, resolution, actor_code, recipient_code,"
    " actor_text, recipient_text, actor_search, search_text, plover"
)
_N_EVENT_COLS = EVENT_COLUMNS.count(",") + 1

FUSED_COLUMNS = (
    "id, event_type, date, enddate, actor_code, recipient_code, place_name, lat, lon, loc_country,"
    " n_events, n_articles, n_sources, sources, rep_event_id, event_text"
)


class Store(ABC):
    """An event store. Use :func:`rasid.store.open_store` to get one.

    All writes go through :meth:`add_batch` (one transaction per call) and
    :meth:`fuse` (one transaction rebuilding the fused tables).
    """

    engine: str = "?"
    url: str = ""

    # ------------------------------------------------------------ engine hooks
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; return its rows (empty for statements without a result)."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Context manager: commit on success, roll back on error."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ migrations
    def migrate(self) -> int:
        """Apply pending migrations from ``migrations/<engine>/NNNN_*.sql``; return the version."""
        self._execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        rows = self._execute("SELECT max(version) FROM schema_version")
        current = rows[0][0] or 0
        folder = resources.files("rasid.store") / "migrations" / self.engine
        files = sorted(p for p in folder.iterdir() if p.name.endswith(".sql"))
        for f in files:
            version = int(f.name.split("_", 1)[0])
            if version <= current:
                continue
            with self.transaction():
                for stmt in _split_sql(f.read_text(encoding="utf-8")):
                    self._execute(stmt)
                self._execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, f.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
                )
            current = version
        return current

    def schema_version(self) -> int:
        return self._execute("SELECT max(version) FROM schema_version")[0][0] or 0

    # ------------------------------------------------------------ ingest
    def known_articles(self, urls: Iterable[str | None], hashes: Iterable[str]) -> tuple[set[str], set[str]]:
        """Which of these URLs / content hashes are already stored."""
        urls = sorted({u for u in urls if u})
        hashes = sorted(set(hashes))
        ku: set[str] = set()
        kh: set[str] = set()
        for i in range(0, len(urls), 500):
            chunk = urls[i : i + 500]
            q = "SELECT url FROM articles WHERE url IN (" + ", ".join("?" for _ in chunk) + ")"
            ku |= {r[0] for r in self._execute(q, chunk)}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            q = "SELECT content_hash FROM articles WHERE content_hash IN (" + ", ".join("?" for _ in chunk) + ")"
            kh |= {r[0] for r in self._execute(q, chunk)}
        return ku, kh

    def add_batch(self, items: Sequence[tuple[ArticleRecord, Sequence[dict[str, Any]]]]) -> IngestBatchResult:
        """Store articles with their PLOVER events, all in ONE transaction.

        Articles whose URL or content hash is already stored are skipped, so a
        batch re-sent after a crash adds nothing twice.
        """
        res = IngestBatchResult()
        if not items:
            return res
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self.transaction():
            ku, kh = self.known_articles([a.url for a, _ in items], [a.content_hash for a, _ in items])
            art_rows, ev_rows, ent_rows, evid_rows = [], [], [], []
            for art, events in items:
                if art.content_hash in kh or (art.url and art.url in ku):
                    res.skipped += 1
                    continue
                kh.add(art.content_hash)
                if art.url:
                    ku.add(art.url)
                art_rows.append((art.id, art.doc, art.url, art.content_hash, art.title, art.published,
                                 art.source, art.path, art.text, len(events), now))
                for i, ev in enumerate(events):
                    eid = f"{art.id[:16]}-{i:04d}"
                    r, en, evd = event_rows(ev, eid, art, i)
                    ev_rows.append(r)
                    ent_rows += en
                    evid_rows += evd
                res.articles += 1
                res.events += len(events)
            if art_rows:
                self._executemany(
                    "INSERT INTO articles (id, doc, url, content_hash, title, published, source, path, text,"
                    " n_events, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    art_rows,
                )
            if ev_rows:
                self._executemany(
                    f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * _N_EVENT_COLS)})", ev_rows
                )
            if ent_rows:
                self._executemany(
                    "INSERT INTO entities (event_id, role, idx, code, sector, entity_text, office,"
                    " identifier_text, start_char, end_char) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ent_rows,
                )
            if evid_rows:
                self._executemany(
                    "INSERT INTO evidence (event_id, idx, kind, start_char, end_char, text)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    evid_rows,
                )
        return res

    # ------------------------------------------------------------ fusion
    def fuse(self, config: Any = None) -> dict[str, int]:
        """Recompute fused events from all stored events (deterministic, one transaction)."""
        from rasid.store.fusion import FuseRecord, FusionConfig, cluster, summarise

        cfg = config or FusionConfig()
        rows = self._execute(
            "SELECT e.id, e.article_id, e.source, e.event_type, e.actor_code, e.recipient_code, e.date,"
            " e.enddate, e.published, e.lat, e.lon, e.loc_country, e.resolution, e.place_name, e.event_text,"
            " e.confidence FROM events e ORDER BY e.id"
        )
        recs = [FuseRecord.from_row(r) for r in rows]
        clusters = cluster(recs, cfg)
        fused_rows, member_rows = [], []
        for members in clusters:
            f = summarise(members)
            fused_rows.append(f)
            member_rows += [(f[0], m.id) for m in members]
        with self.transaction():
            self._execute("DELETE FROM fused_members")
            self._execute("DELETE FROM fused_events")
            if fused_rows:
                self._executemany(
                    f"INSERT INTO fused_events ({FUSED_COLUMNS}) VALUES ({', '.join('?' * 16)})", fused_rows
                )
                self._executemany("INSERT INTO fused_members (fused_id, event_id) VALUES (?, ?)", member_rows)
        return {
            "events": len(recs),
            "fused": len(clusters),
            "multi": sum(1 for c in clusters if len(c) > 1),
        }

    # ------------------------------------------------------------ reading
    def iter_events(self, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Yield stored events as PLOVER dicts, each with a ``_store`` entry:
        ``{event_id, article_id, source, fused_id, n_sources, n_articles, n_events}``."""
        flt = flt or EventFilter()
        where, params = flt.where()
        sql = (
            "SELECT e.plover, e.id, e.article_id, e.source, f.id, f.n_sources, f.n_articles, f.n_events"
            " FROM events e LEFT JOIN fused_members m ON m.event_id = e.id"
            " LEFT JOIN fused_events f ON f.id = m.fused_id"
            f" WHERE {where} ORDER BY COALESCE(e.date, e.published), e.id"
        )
        if flt.limit is not None:
            sql += " LIMIT ?"
            params = [*params, int(flt.limit)]
        for row in self._execute(sql, params):
            d = json.loads(row[0])
            d["_store"] = {
                "event_id": row[1],
                "article_id": row[2],
                "source": row[3],
                "fused_id": row[4],
                "n_sources": row[5],
                "n_articles": row[6],
                "n_events": row[7],
            }
            yield d

    def fused_members(self, fused_id: str) -> list[dict[str, Any]]:
        """Every member event of one fused event (with its source article)."""
        rows = self._execute(
            "SELECT e.plover, e.id, e.article_id, e.source FROM fused_members m JOIN events e"
            " ON e.id = m.event_id WHERE m.fused_id = ? ORDER BY e.id",
            [fused_id],
        )
        out = []
        for r in rows:
            d = json.loads(r[0])
            d["_store"] = {"event_id": r[1], "article_id": r[2], "source": r[3], "fused_id": fused_id}
            out.append(d)
        return out

    def fused_events(self) -> list[dict[str, Any]]:
        cols = [c.strip() for c in FUSED_COLUMNS.split(",")]
        rows = self._execute(f"SELECT {FUSED_COLUMNS} FROM fused_events ORDER BY date, id")
        out = []
        for r in rows:
            d = dict(zip(cols, r, strict=True))
            d["sources"] = json.loads(d["sources"] or "[]")
            out.append(d)
        return out

    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("articles", "events", "entities", "evidence", "fused_events", "fused_members"):
            out[t] = int(self._execute(f"SELECT count(*) FROM {t}")[0][0])  # table names are constants
        return out

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Deterministic content of every table (timestamps left out), for comparisons."""
        out = {
            "articles": self._execute(
                "SELECT id, doc, url, content_hash, title, published, source, path, text, n_events"
                " FROM articles ORDER BY id"
            ),
            "events": self._execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY id"),
            "entities": self._execute("SELECT * FROM entities ORDER BY event_id, role, idx"),
            "evidence": self._execute("SELECT * FROM evidence ORDER BY event_id, idx"),
            "fused_events": self._execute(f"SELECT {FUSED_COLUMNS} FROM fused_events ORDER BY id"),
            "fused_members": self._execute("SELECT * FROM fused_members ORDER BY fused_id, event_id"),
        }
        return {k: [tuple(r) for r in v] for k, v in out.items()}


def _split_sql(script: str) -> list[str]:
    """Split a migration file into statements (no ';' inside literals in our files)."""
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
