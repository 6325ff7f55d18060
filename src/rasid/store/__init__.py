"""The rasid event store: articles, PLOVER events, evidence and fused events.

``open_store(url)`` picks the engine from the URL:

* ``duckdb:///relative/file.duckdb``, ``duckdb:////absolute/file.duckdb`` (SQLAlchemy style) or a bare
  path -- embedded DuckDB, the default;
* ``postgresql://user@host:port/db`` -- PostgreSQL through psycopg 3.

With no URL, ``$RASID_DB`` is used, else ``duckdb:///./rasid.duckdb``.
"""

from __future__ import annotations

import os

from rasid.store.base import ArticleRecord, EventFilter, Store

__all__ = ["open_store", "default_url", "Store", "EventFilter", "ArticleRecord", "DEFAULT_PATH"]

DEFAULT_PATH = "./rasid.duckdb"


def default_url() -> str:
    return os.environ.get("RASID_DB") or f"duckdb:///{DEFAULT_PATH}"


def open_store(url: str | None = None, *, read_only: bool = False) -> Store:
    """Open (and migrate to the current schema) the store at ``url``."""
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        from rasid.store.postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("duckdb://"):
        rest = url[len("duckdb://"):]
        if rest.startswith("/"):
            rest = rest[1:]  # SQLAlchemy style: duckdb:///rel/path.duckdb, duckdb:////abs/path.duckdb, duckdb:///:memory:
        path = rest or DEFAULT_PATH
    elif "://" in url:
        raise ValueError(f"unsupported store URL {url!r} (use duckdb:///PATH or postgresql://...)")
    else:
        path = url
    from rasid.store.embedded import DuckDBStore

    return DuckDBStore(path, read_only=read_only)
