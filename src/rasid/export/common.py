"""Small helpers shared by the exporters."""

from __future__ import annotations

from typing import Any

__all__ = ["first", "entity_name", "loc", "store_info", "QUAD_CLASS"]

# CAMEO/ICEWS quad class numbers for PLOVER's quad categories
QUAD_CLASS = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}


def first(xs: list[Any] | None) -> Any:
    return xs[0] if xs else None


def entity_name(e: dict[str, Any] | None) -> str:
    """A readable name: the Arabic entity text, else the code."""
    if not e:
        return ""
    return str(e.get("entity_text") or e.get("identifier_text") or e.get("code") or "")


def loc(ev: dict[str, Any]) -> dict[str, Any]:
    return ev.get("event_loc") or {}


def store_info(ev: dict[str, Any]) -> dict[str, Any]:
    return ev.get("_store") or {}
