"""CAMEO-coded, ICEWS-style TSV.

Columns follow the public ICEWS event files: ``Event ID, Event Date, Source
Name, Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target
Name, Target Sectors, Target Country, Story ID, Sentence Number, Publisher,
City, District, Province, Country, Latitude, Longitude``, plus ``Quad Class``
(1-4, from PLOVER's quad category) and ``PLOVER Event``.

The CAMEO code comes from ``rasid/data/plover_cameo.tsv``: the first event
mode with a row for (type, mode), else the type's default row. ``Event Text``
holds the CAMEO label (as in ICEWS); the Arabic evidence stays in PLOVER/ACLED
exports. ``Intensity`` (ICEWS's Goldstein-like score) is left empty: rasid
ships no intensity scale. Countries are ISO3 codes.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from rasid.export.common import QUAD_CLASS, entity_name, first, loc, store_info

__all__ = ["COLUMNS", "cameo_table", "cameo_code", "write_cameo"]

COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "Quad Class", "PLOVER Event",
]


@lru_cache(maxsize=1)
def cameo_table() -> dict[tuple[str, str], tuple[str, str]]:
    """(PLOVER type, mode) -> (CAMEO code, label), from data/plover_cameo.tsv."""
    text = (resources.files("rasid") / "data" / "plover_cameo.tsv").read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    table: dict[tuple[str, str], tuple[str, str]] = {}
    for ln in rows[1:]:
        typ, mode, code, _root, label = ln.split("\t")
        table[(typ, mode)] = (code, label)
    return table


def cameo_code(event_type: str | None, modes: Iterable[str] = ()) -> tuple[str, str] | None:
    t = cameo_table()
    for m in modes:
        if (event_type or "", m) in t:
            return t[(event_type or "", m)]
    return t.get((event_type or "", ""))


def _row(ev: dict[str, Any]) -> dict[str, Any]:
    from rasid.model import QUAD

    typ = first(ev.get("event")) or ""
    code = cameo_code(typ, ev.get("mode") or [])
    a, r = first(ev.get("actor")), first(ev.get("recipient"))
    lc = loc(ev)
    st = store_info(ev)
    res = lc.get("resolution")
    ti = ev.get("text_info") or {}
    return {
        "Event ID": st.get("event_id") or ev.get("id") or "",
        "Event Date": ev.get("date") or "",
        "Source Name": entity_name(a),
        "Source Sectors": (a or {}).get("sector") or "",
        "Source Country": ((a or {}).get("code") or "")[:3],
        "Event Text": code[1] if code else "",
        "CAMEO Code": code[0] if code else "",
        "Intensity": "",
        "Target Name": entity_name(r),
        "Target Sectors": (r or {}).get("sector") or "",
        "Target Country": ((r or {}).get("code") or "")[:3],
        "Story ID": st.get("article_id") or ev.get("doc") or "",
        "Sentence Number": ti.get("sequence", ""),
        "Publisher": st.get("source") or "",
        "City": lc.get("resolved_place") if res in ("city", "facility") else "",
        "District": "",
        "Province": lc.get("resolved_place") if res == "province" else "",
        "Country": lc.get("country_code") or "",
        "Latitude": lc.get("lat") if lc.get("lat") is not None else "",
        "Longitude": lc.get("lon") if lc.get("lon") is not None else "",
        "Quad Class": QUAD_CLASS.get(QUAD.get(typ, ""), ""),
        "PLOVER Event": typ,
    }


def _clean(v: Any) -> Any:
    return v.replace("\t", " ").replace("\n", " ") if isinstance(v, str) else v


def write_cameo(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n",
                       quoting=csv.QUOTE_NONE, escapechar="\\")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow({k: _clean(v) for k, v in _row(ev).items()})
        n += 1
    return n
