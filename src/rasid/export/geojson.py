"""GeoJSON (RFC 7946) FeatureCollection: one Point per event that has coordinates.

Coordinates are ``[longitude, latitude]``. Properties carry the event id, type,
mode, date, actors, recipients, place, Arabic evidence, source and fusion info.
Events without coordinates are left out (their count is returned separately by
:func:`to_feature_collection`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from rasid.export.common import loc, store_info

__all__ = ["feature", "to_feature_collection", "write_geojson"]


def feature(ev: dict[str, Any]) -> dict[str, Any] | None:
    lc = loc(ev)
    if lc.get("lat") is None or lc.get("lon") is None:
        return None
    st = store_info(ev)
    return {
        "type": "Feature",
        "id": st.get("event_id") or ev.get("id"),
        "geometry": {"type": "Point", "coordinates": [float(lc["lon"]), float(lc["lat"])]},
        "properties": {
            "id": ev.get("id"),
            "event": ev.get("event") or [],
            "mode": ev.get("mode") or [],
            "date": ev.get("date"),
            "enddate": ev.get("enddate"),
            "actor": [a.get("code") for a in ev.get("actor") or []],
            "actor_text": [a.get("entity_text") for a in ev.get("actor") or []],
            "recipient": [r.get("code") for r in ev.get("recipient") or []],
            "recipient_text": [r.get("entity_text") for r in ev.get("recipient") or []],
            "place": lc.get("resolved_place") or lc.get("extracted_place"),
            "geonameid": lc.get("geonameid"),
            "country_code": lc.get("country_code"),
            "resolution": lc.get("resolution"),
            "event_text": ev.get("event_text"),
            "url": ev.get("url"),
            "source": st.get("source"),
            "fused_id": st.get("fused_id"),
            "n_sources": st.get("n_sources"),
            "confidence": ev.get("confidence"),
        },
    }


def to_feature_collection(events: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], int]:
    feats, skipped = [], 0
    for ev in events:
        f = feature(ev)
        if f is None:
            skipped += 1
        else:
            feats.append(f)
    return {"type": "FeatureCollection", "features": feats}, skipped


def write_geojson(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    fc, _ = to_feature_collection(events)
    json.dump(fc, out, ensure_ascii=False)
    out.write("\n")
    return len(fc["features"])
