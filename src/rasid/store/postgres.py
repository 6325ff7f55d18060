"""PostgreSQL engine (psycopg 3), for shared, concurrently written stores.

Select it with a ``postgresql://`` URL. The schema lives in whatever schema the
connection's ``search_path`` points at, so ``?options=-csearch_path%3Dmyschema``
in the URL isolates several stores in one database (the tests do this).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from rasid.store.base import Store

__all__ = ["PostgresStore"]


def _pg_sql(sql: str) -> str:
    """Our SQL uses ``?`` placeholders and no literal ``%`` or ``?``: map to psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(Store):
    engine = "postgres"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover
            raise RuntimeError("PostgreSQL support needs psycopg: pip install 'rasid[postgres]'") from e
        self.url = url
        self.con = psycopg.connect(url, autocommit=True)
        self._tx: Any = None
        self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.con.cursor() as cur:
            cur.execute(_pg_sql(sql), list(params))
            return cur.fetchall() if cur.description is not None else []

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.con.cursor() as cur:
            cur.executemany(_pg_sql(sql), [list(r) for r in rows])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if self._tx is not None:
            yield
            return
        with self.con.transaction() as tx:
            self._tx = tx
            try:
                yield
            finally:
                self._tx = None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.con.close()
