"""The analyst's workbench API (FastAPI) and the offline dashboard it serves.

``create_app(store_url, token)`` opens the store once and serialises access to it
with a lock (one DuckDB connection is not safe to share between threads). Reads
are open; writes (corrections) need ``Authorization: Bearer <token>`` or the
``X-Rasid-Token`` header when a token is configured (``--token`` / ``RASID_TOKEN``).
"""

from __future__ import annotations

import datetime as dt
import hmac
import math
import os
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from rasid import __version__
from rasid.api import html as pages
from rasid.api import queries as Q
from rasid.api.models import CorrectionIn, ReviewIn
from rasid.store import Store, open_store

__all__ = ["create_app", "WEB_DIR"]

T = TypeVar("T")
WEB_DIR = Path(str(resources.files("rasid") / "web" / "static"))
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
    " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class Workbench:
    """The open store plus the lock that serialises its use."""

    def __init__(self, store: Store, token: str | None) -> None:
        self.store = store
        self.token = token or None
        self.lock = threading.Lock()
        with self.lock:
            Q.ensure_schema(store)

    def run(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        with self.lock:
            try:
                return fn(self.store, *args, **kw)
            except ValueError as e:
                raise HTTPException(status_code=422, detail=str(e)) from e


# ------------------------------------------------------------------ query parameters
def _floats(raw: str, n: int, name: str) -> tuple[float, ...]:
    try:
        vals = tuple(float(x) for x in raw.split(","))
    except ValueError:
        raise HTTPException(422, f"{name}: expected {n} comma-separated numbers") from None
    if len(vals) != n or not all(math.isfinite(v) for v in vals):
        raise HTTPException(422, f"{name}: expected {n} comma-separated finite numbers")
    return vals


def event_query(
    country: Annotated[str | None, Query(max_length=3, description="ISO3 country of any actor, recipient or the place")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="substring of an actor/recipient name or code")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER event type(s); repeat or comma-separate")] = None,
    since: Annotated[dt.date | None, Query(description="events ending on/after this date")] = None,
    until: Annotated[dt.date | None, Query(description="events starting on/before this date")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")] = None,
    near: Annotated[str | None, Query(max_length=200, description="lat,lon,km")] = None,
    q: Annotated[str | None, Query(max_length=200, description="substring of the event text or evidence")] = None,
    article: Annotated[str | None, Query(max_length=100, description="article id")] = None,
    review: Annotated[
        Literal["active", "all", "rejected", "corrected", "uncorrected"],
        Query(description="active (default) hides rejected events"),
    ] = "active",
) -> Q.EventQuery:
    types = [t for raw in type or [] for t in raw.split(",") if t.strip()]
    bb = None
    if bbox:
        w, s, e, n = _floats(bbox, 4, "bbox")
        if not (-90 <= s <= 90 and -90 <= n <= 90 and -180 <= w <= 180 and -180 <= e <= 180):
            raise HTTPException(422, "bbox: latitudes in [-90, 90], longitudes in [-180, 180]")
        bb = (w, s, e, n)
    nr = None
    if near:
        lat, lon, km = _floats(near, 3, "near")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= km <= 20040):
            raise HTTPException(422, "near: lat in [-90, 90], lon in [-180, 180], km in [0, 20040]")
        nr = (lat, lon, km)
    return Q.EventQuery(country=country or None, actor=actor, types=types, since=since, until=until, bbox=bb,
                        near=nr, text=q, article=article, review=review)


Filters = Annotated[Q.EventQuery, Depends(event_query)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Interval = Annotated[Literal["day", "week", "month", "year"], Query()]
Format = Annotated[Literal["json", "html"] | None, Query(description="json (default) or html")]


def _wants_html(request: Request, fmt: str | None) -> bool:
    if fmt:
        return fmt == "html"
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


def _clean(v: Any) -> Any:
    """JSON-safe copy: dates as ISO strings, non-finite floats as null."""
    if isinstance(v, dict):
        return {k: _clean(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_clean(x) for x in v]
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


# ------------------------------------------------------------------ app
def create_app(store_url: str | None = None, token: str | None = None, *, read_token: str | None = None,
               max_body_bytes: int | None = None) -> FastAPI:
    """Build the API + dashboard app over the store at ``store_url`` (``$RASID_DB`` by default).

    ``token`` (default ``$RASID_TOKEN``) protects the write endpoints; with no
    token configured they are open, which suits a single analyst on localhost.
    """
    token = token if token is not None else os.environ.get("RASID_TOKEN")
    bench = Workbench(open_store(store_url), token)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202 - FastAPI's lifespan protocol
        yield
        with bench.lock:
            bench.store.close()

    app = FastAPI(
        title="rasid analyst workbench",
        version=__version__,
        description="Query, chart and correct PLOVER events extracted from Arabic news.",
        lifespan=lifespan,
        docs_url=None,  # FastAPI's Swagger/ReDoc pages load their scripts from a CDN: nothing here may
        redoc_url=None,  # load from the network at run time. The schema stays at /openapi.json.
    )
    app.state.bench = bench
    from rasid.api.security import install

    install(app, read_token=read_token, write_token=bench.token, max_body_bytes=max_body_bytes)

    def require_token(
        authorization: Annotated[str | None, Header()] = None,
        x_rasid_token: Annotated[str | None, Header()] = None,
    ) -> None:
        if not bench.token:
            return
        given = x_rasid_token or ""
        if authorization and authorization.lower().startswith("bearer "):
            given = authorization[7:].strip()
        if not hmac.compare_digest(given.encode(), bench.token.encode()):
            raise HTTPException(401, "a valid token is needed to write (Authorization: Bearer <token>)",
                                headers={"WWW-Authenticate": "Bearer"})

    api = APIRouter(prefix="/api")

    @api.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness, version, schema version and table counts."""
        out = bench.run(Q.health)
        out["auth"] = "token" if bench.token else "open"
        return out

    @api.get("/events", tags=["events"])
    def events(request: Request, f: Filters,
               sort: Annotated[Literal[tuple(Q.SORTS)], Query()] = "date",  # type: ignore[valid-type]
               limit: Limit = 50, offset: Offset = 0, format: Format = None) -> Any:
        """Events (corrected values) matching the filters, one page at a time."""
        total, items = bench.run(Q.search_events, f, sort=sort, limit=limit, offset=offset)
        if _wants_html(request, format):
            return HTMLResponse(pages.events_page(total, items, offset))
        return JSONResponse(_clean({"total": total, "limit": limit, "offset": offset, "items": items}))

    @api.get("/events/{event_id}", tags=["events"])
    def event(request: Request, event_id: str, format: Format = None) -> Any:
        """One event with its actors, evidence, sources, audit trail and the original extraction."""
        d = bench.run(Q.get_event, event_id)
        if d is None:
            raise HTTPException(404, "no such event")
        if _wants_html(request, format):
            return HTMLResponse(pages.event_page(d))
        return JSONResponse(_clean(d))

    @api.get("/points", tags=["events"])
    def points(f: Filters, limit: Annotated[int, Query(ge=1, le=100_000)] = 20000) -> Any:
        """Light map points (id, lat, lon, type, quad, date, place) for events with coordinates."""
        return JSONResponse(_clean(bench.run(Q.points, f, limit=limit)))

    @api.get("/articles", tags=["articles"])
    def articles(q: Annotated[str | None, Query(max_length=200)] = None, limit: Limit = 50,
                 offset: Offset = 0) -> Any:
        """Stored articles (newest first), optionally filtered by a title/doc substring."""
        total, items = bench.run(Q.list_articles, q, limit=limit, offset=offset)
        return JSONResponse(_clean({"total": total, "limit": limit, "offset": offset, "items": items}))

    @api.get("/articles/{article_id}", tags=["articles"])
    def article(request: Request, article_id: str, format: Format = None) -> Any:
        """An article's original text with all its events (offsets index into ``text``)."""
        a = bench.run(Q.get_article, article_id)
        if a is None:
            raise HTTPException(404, "no such article")
        if _wants_html(request, format):
            return HTMLResponse(pages.article_page(a))
        return JSONResponse(_clean(a))

    @api.get("/actors", tags=["actors"])
    def actors(f: Filters, limit: Limit = 100) -> Any:
        """Actor codes by number of events (first actor and first recipient of each event)."""
        return JSONResponse(_clean(bench.run(Q.list_actors, f, limit=limit)))

    @api.get("/actors/{code}", tags=["actors"])
    def actor(code: str, f: Filters, interval: Interval = "month", limit: Limit = 100) -> Any:
        """One actor code: events over time, partners, types and its latest events."""
        return JSONResponse(_clean(bench.run(Q.actor_profile, code, f, interval=interval, limit=limit)))

    @api.get("/aggregates/time", tags=["aggregates"])
    def agg_time(f: Filters, interval: Interval = "day") -> Any:
        """Event counts per day/week/month/year, split by PLOVER quad category."""
        return JSONResponse(_clean(bench.run(Q.time_series, f, interval=interval)))

    @api.get("/aggregates/types", tags=["aggregates"])
    def agg_types(f: Filters) -> Any:
        """Event counts by PLOVER event type."""
        return JSONResponse(_clean(bench.run(Q.type_counts, f)))

    @api.get("/aggregates/dyads", tags=["aggregates"])
    def agg_dyads(f: Filters, limit: Limit = 200) -> Any:
        """Event counts by (actor country, recipient country)."""
        return JSONResponse(_clean(bench.run(Q.dyad_counts, f, limit=limit)))

    @api.get("/aggregates/countries", tags=["aggregates"])
    def agg_countries(f: Filters) -> Any:
        """Event counts by the country of the event's location."""
        return JSONResponse(_clean(bench.run(Q.country_counts, f)))

    @api.get("/network", tags=["aggregates"])
    def net(f: Filters, min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1, limit: Limit = 300) -> Any:
        """Weighted actor network (nodes: actor codes; edges: events from actor to recipient)."""
        return JSONResponse(_clean(bench.run(Q.network, f, min_weight=min_weight, limit=limit)))

    # -------------------------------------------------------------- corrections
    def _correct(event_id: str, changes: dict[str, Any], who: ReviewIn) -> Any:
        if not changes:
            raise HTTPException(422, "nothing to correct: give at least one field")
        ev = bench.run(Q.add_corrections, event_id, changes, who.analyst, who.note)
        if ev is None:
            raise HTTPException(404, "no such event")
        d = bench.run(Q.get_event, event_id)
        return JSONResponse(_clean(d))

    @api.patch("/events/{event_id}", tags=["corrections"], dependencies=[Depends(require_token)])
    def patch_event(event_id: str, body: CorrectionIn) -> Any:
        """Correct an event's type, mode, actors, date or place, or reject/accept it (audit-trailed)."""
        return _correct(event_id, body.changes(), body)

    @api.post("/events/{event_id}/corrections", tags=["corrections"], dependencies=[Depends(require_token)])
    def post_correction(event_id: str, body: CorrectionIn) -> Any:
        """Same as ``PATCH /api/events/{id}``, for clients that cannot send PATCH."""
        return _correct(event_id, body.changes(), body)

    @api.post("/events/{event_id}/reject", tags=["corrections"], dependencies=[Depends(require_token)])
    def reject(event_id: str, body: ReviewIn) -> Any:
        """Mark an event as wrongly extracted: hidden from reads and exports, kept in the store."""
        return _correct(event_id, {"status": "rejected"}, body)

    @api.post("/events/{event_id}/accept", tags=["corrections"], dependencies=[Depends(require_token)])
    def accept(event_id: str, body: ReviewIn) -> Any:
        """Confirm an event as extracted (or restore a rejected one); it then counts as reviewed gold."""
        return _correct(event_id, {"status": "accepted"}, body)

    @api.get("/events/{event_id}/corrections", tags=["corrections"])
    def event_corrections(event_id: str) -> Any:
        """The audit trail of one event, oldest first."""
        return JSONResponse(_clean(bench.run(Q.corrections_for, event_id)))

    @api.get("/corrections", tags=["corrections"])
    def all_corrections(limit: Limit = 100, offset: Offset = 0) -> Any:
        """The whole audit trail, newest first."""
        total, items = bench.run(Q.list_corrections, limit=limit, offset=offset)
        return JSONResponse(_clean({"total": total, "limit": limit, "offset": offset, "items": items}))

    @api.get("/corrections/gold", tags=["corrections"])
    def gold(scope: Annotated[Literal["reviewed", "article"], Query()] = "reviewed",
             doc: Annotated[str | None, Query(max_length=300)] = None) -> Any:
        """Reviewed events as gold annotations, one object per article, in the scorer's ``*.gold.json`` format."""
        return JSONResponse(_clean(bench.run(Q.gold_annotations, scope=scope, doc=doc)))

    app.include_router(api)

    # -------------------------------------------------------------- dashboard
    if WEB_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> Any:
        f = WEB_DIR / "index.html"
        if not f.is_file():
            return HTMLResponse("<p>dashboard files missing: run tools/build_web.sh</p>", status_code=503)
        return FileResponse(f, media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        resp = await call_next(request)
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        return resp

    return app
