"""The analyst's workbench: REST API, offline dashboard and corrections with an audit trail.

``create_app(store_url=None, token=None)`` returns the FastAPI app that ``rasid serve``
runs; :func:`rasid.api.queries.apply_corrections` and
:func:`rasid.api.queries.iter_corrected` let the export layer use analysts' values.
FastAPI is imported lazily so that ``import rasid.api`` works without it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "apply_corrections", "iter_corrected", "gold_annotations"]


def create_app(store_url: str | None = None, token: str | None = None) -> Any:
    from rasid.api.app import create_app as _create

    return _create(store_url, token)


def __getattr__(name: str) -> Any:
    if name in ("apply_corrections", "iter_corrected", "gold_annotations"):
        from rasid.api import queries

        return getattr(queries, name)
    raise AttributeError(name)
