"""DuckDB engine: the default, embedded event store.

Why DuckDB rather than SQLite: event data is analysed far more than it is
updated. DuckDB is columnar and vectorised, so the aggregations researchers run
(counts by country/month/type, actor dyads) stay fast on millions of events; it
writes Parquet (and CSV/JSON) natively with ``COPY ... TO``, which the export
layer uses; it has real DATE/DOUBLE types and math functions (the haversine
radius query runs in SQL); and it is still one local file with no server, like
SQLite. The cost: one writer process at a time (a second ``rasid ingest`` on the
same file waits for the lock or fails) -- use PostgreSQL for concurrent writers.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from rasid.store.base import Store

__all__ = ["DuckDBStore"]


class DuckDBStore(Store):
    engine = "duckdb"

    def __init__(self, path: str | Path, *, read_only: bool = False, lock_wait_s: float = 10.0) -> None:
        self.path = str(path)
        self.url = f"duckdb:///{self.path}"
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + lock_wait_s
        while True:  # another process may hold the file lock for a moment
            try:
                self.con = duckdb.connect(self.path, read_only=read_only)
                break
            except duckdb.IOException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self._in_tx = False
        if not read_only:
            self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.con.execute(sql, list(params))
        try:
            return cur.fetchall()
        except duckdb.InvalidInputException:  # statement without a result set
            return []

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        # DuckDB's executemany runs one statement per row; one multi-row VALUES
        # statement per chunk is an order of magnitude faster.
        head, sep, tail = sql.partition(" VALUES ")
        if not sep or not rows:
            self.con.executemany(sql, [list(r) for r in rows])
            return
        step = 256
        for i in range(0, len(rows), step):
            chunk = rows[i : i + step]
            stmt = head + sep + ", ".join([tail] * len(chunk))
            self.con.execute(stmt, [v for r in chunk for v in r])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_tx:  # nested: part of the outer transaction
            yield
            return
        self.con.begin()
        self._in_tx = True
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        else:
            self.con.commit()
        finally:
            self._in_tx = False

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.con.close()
