"""Server-side HTML for the same queries the JSON endpoints answer (``?format=html``).

Minimal pages for people who open an API link in a browser. Every value from the
store goes through :func:`html.escape`; no script is emitted at all.
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["events_page", "event_page", "article_page"]

_HEAD = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{t}</title>'
    '<link rel="stylesheet" href="/static/style.css"></head><body class="api-page"><h1>{t}</h1>'
)


def _e(v: Any) -> str:
    return escape("" if v is None else str(v))


def _codes(ents: list[dict[str, Any]] | None) -> str:
    return ", ".join(str(x.get("code") or x.get("entity_text") or "?") for x in ents or [])


def events_page(total: int, items: list[dict[str, Any]], offset: int) -> str:
    rows = []
    for ev in items:
        eid = ev["_store"]["event_id"]
        loc = ev.get("event_loc") or {}
        rows.append(
            "<tr>"
            f'<td><a href="/api/events/{_e(eid)}?format=html">{_e(eid)}</a></td>'
            f"<td>{_e(ev.get('date'))}</td><td>{_e(', '.join(ev.get('event') or []))}</td>"
            f"<td>{_e(_codes(ev.get('actor')))}</td><td>{_e(_codes(ev.get('recipient')))}</td>"
            f"<td>{_e(loc.get('resolved_place'))}</td>"
            f'<td dir="rtl" lang="ar">{_e(ev.get("event_text"))}</td>'
            f"<td>{_e((ev.get('_review') or {}).get('status'))}</td></tr>"
        )
    return (
        _HEAD.format(t="rasid events")
        + f"<p>{total} events; showing {offset + 1 if items else 0}-{offset + len(items)}</p>"
        "<table><thead><tr><th>id</th><th>date</th><th>type</th><th>actor</th><th>recipient</th><th>place</th>"
        "<th>evidence</th><th>review</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></body></html>"
    )


def event_page(d: dict[str, Any]) -> str:
    ev = d["event"]
    eid = ev["_store"]["event_id"]
    art = d.get("article") or {}
    loc = ev.get("event_loc") or {}
    items = [
        ("type", ", ".join(ev.get("event") or [])),
        ("mode", ", ".join(ev.get("mode") or [])),
        ("actor", _codes(ev.get("actor"))),
        ("recipient", _codes(ev.get("recipient"))),
        ("date", f"{ev.get('date') or ''} – {ev.get('enddate') or ''}"),
        ("place", f"{loc.get('resolved_place') or ''} ({loc.get('country_code') or ''})"),
        ("review", (ev.get("_review") or {}).get("status")),
        ("article", art.get("title") or art.get("doc")),
    ]
    dl = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items)
    ev_list = "".join(f'<li dir="rtl" lang="ar">{_e(s.get("text"))}</li>' for s in d.get("evidence") or [])
    trail = "".join(
        f"<li>{_e(c['created_at'])} {_e(c['analyst'])}: {_e(c['field'])} {_e(c['old_value'])} → {_e(c['new_value'])}</li>"
        for c in d.get("corrections") or []
    )
    return (
        _HEAD.format(t=f"event {_e(eid)}")
        + f"<dl>{dl}</dl><h2>evidence</h2><ul>{ev_list}</ul><h2>corrections</h2><ul>{trail}</ul>"
        + (f'<p><a href="/api/articles/{_e(art.get("id"))}?format=html">article</a></p>' if art else "")
        + "</body></html>"
    )


def article_page(a: dict[str, Any]) -> str:
    evs = "".join(
        f'<li><a href="/api/events/{_e(e["_store"]["event_id"])}?format=html">{_e(", ".join(e.get("event") or []))}'
        f"</a> {_e(e.get('date'))}</li>"
        for e in a.get("events") or []
    )
    return (
        _HEAD.format(t=_e(a.get("title") or a.get("doc") or a["id"]))
        + f'<p>{_e(a.get("published"))} {_e(a.get("source"))}</p><ul>{evs}</ul>'
        + f'<div class="article-text" dir="rtl" lang="ar">{_e(a.get("text"))}</div></body></html>'
    )
