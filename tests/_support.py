"""Helpers shared by several test modules (not a test module itself)."""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest


def pg_url_or_skip() -> tuple[str, Callable[[], None]]:
    """(URL of a fresh PostgreSQL schema, function dropping it); skips when the server is unreachable,
    or fails when ``RASID_REQUIRE_PG=1`` (CI)."""
    from rasid.store.testing import PG_TEST_URL, pg_schema_url

    try:
        return pg_schema_url(os.environ.get("RASID_TEST_PG", PG_TEST_URL))
    except Exception as e:  # server down, psycopg missing
        if os.environ.get("RASID_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL required but unreachable: {e}")
        pytest.skip(f"PostgreSQL unreachable: {e}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """Run an ASGI app with uvicorn in a thread on a free loopback port; yields its base URL once
    ``/api/health`` answers, and stops the server on exit."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/api/health", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        srv.should_exit = True
        th.join(timeout=10)
