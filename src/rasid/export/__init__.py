"""Exporters: stored (or freshly extracted) PLOVER events to research formats.

Every exporter takes an iterable of PLOVER dicts -- optionally carrying the
store's ``_store`` entry (source outlet, fused id, source count) -- and writes
to a text stream (binary path for Parquet). ``export(events, fmt, out)`` picks
one by name.

=========  =====================================================================
plover     PLOVER JSON Lines, one event per line (:mod:`.plover`)
acled      ACLED-style CSV (:mod:`.acled`, mapping documented there)
cameo      ICEWS-style TSV with CAMEO codes (:mod:`.cameo`, data/plover_cameo.tsv)
geojson    GeoJSON FeatureCollection of located events (:mod:`.geojson`)
graphml    actor network, edges weighted by event counts (:mod:`.network`)
gexf       same network as GEXF 1.3 (:mod:`.network`)
parquet    flat columns plus the PLOVER JSON (:mod:`.parquet`)
=========  =====================================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

__all__ = ["FORMATS", "BINARY_FORMATS", "export"]

FORMATS = ("plover", "acled", "cameo", "geojson", "graphml", "gexf", "parquet")
BINARY_FORMATS = frozenset({"parquet"})


def export(events: Iterable[dict[str, Any]], fmt: str, out: IO[str] | str | Path) -> int:
    """Write ``events`` as ``fmt`` to ``out`` (a text stream, or a path); return the count."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "parquet":
        from rasid.export.parquet import write_parquet

        if not isinstance(out, str | Path):
            raise ValueError("parquet needs an output file (-o FILE)")
        return write_parquet(events, out)
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return export(events, fmt, fh)
    if fmt == "plover":
        from rasid.export.plover import write_plover as w
    elif fmt == "acled":
        from rasid.export.acled import write_acled as w
    elif fmt == "cameo":
        from rasid.export.cameo import write_cameo as w
    elif fmt == "geojson":
        from rasid.export.geojson import write_geojson as w
    elif fmt == "graphml":
        from rasid.export.network import write_graphml as w
    else:
        from rasid.export.network import write_gexf as w
    return w(events, out)
