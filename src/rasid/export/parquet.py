"""Parquet export through DuckDB's native writer (no pyarrow needed at run time).

One row per event with flat, typed columns for analysis plus ``plover`` (the
full PLOVER record as JSON) so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasid.export.common import first, loc, store_info
from rasid.export.plover import plover_only

__all__ = ["COLUMNS", "write_parquet"]

COLUMNS: list[tuple[str, str]] = [
    ("id", "VARCHAR"), ("event_id", "VARCHAR"), ("doc", "VARCHAR"), ("event_type", "VARCHAR"),
    ("event", "VARCHAR[]"), ("mode", "VARCHAR[]"), ("date", "DATE"), ("enddate", "DATE"),
    ("date_precision", "VARCHAR"), ("actor_code", "VARCHAR"), ("actor_text", "VARCHAR"),
    ("recipient_code", "VARCHAR"), ("recipient_text", "VARCHAR"), ("place", "VARCHAR"),
    ("country_code", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("event_text", "VARCHAR"),
    ("modality", "VARCHAR[]"), ("confidence", "DOUBLE"), ("published", "DATE"), ("url", "VARCHAR"),
    ("source", "VARCHAR"), ("fused_id", "VARCHAR"), ("n_sources", "INTEGER"), ("plover", "VARCHAR"),
]


def _d(v: str | None) -> dt.date | None:
    return dt.date.fromisoformat(v[:10]) if v else None


def _row(ev: dict[str, Any]) -> list[Any]:
    a, r = first(ev.get("actor")) or {}, first(ev.get("recipient")) or {}
    lc, st = loc(ev), store_info(ev)
    return [
        ev.get("id"), st.get("event_id"), ev.get("doc"), first(ev.get("event")), list(ev.get("event") or []),
        list(ev.get("mode") or []), _d(ev.get("date")), _d(ev.get("enddate")), ev.get("date_precision"),
        a.get("code"), a.get("entity_text"), r.get("code"), r.get("entity_text"),
        lc.get("resolved_place") or lc.get("extracted_place"), lc.get("country_code"), lc.get("lat"),
        lc.get("lon"), ev.get("event_text"), list(ev.get("modality") or []), ev.get("confidence"),
        _d(ev.get("published")), ev.get("url"), st.get("source"), st.get("fused_id"), st.get("n_sources"),
        json.dumps(plover_only(ev), ensure_ascii=False),
    ]


def write_parquet(events: Iterable[dict[str, Any]], out: str | Path) -> int:
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        con.execute("CREATE TABLE ev (" + ", ".join(f'"{c}" {t}' for c, t in COLUMNS) + ")")
        rows = [_row(ev) for ev in events]
        if rows:
            con.executemany(f"INSERT INTO ev VALUES ({', '.join('?' * len(COLUMNS))})", rows)
        target = str(Path(out).resolve())
        fd, tmp = tempfile.mkstemp(suffix=".parquet", dir=os.path.dirname(target))
        os.close(fd)
        quoted = "'" + tmp.replace("'", "''") + "'"  # COPY takes no parameter for the path
        con.execute(f"COPY ev TO {quoted} (FORMAT parquet)")
        os.replace(tmp, target)  # never leave a half-written file under the final name
        return len(rows)
    finally:
        con.close()
