"""Optional hardening for the workbench API: a token for reads, and a request body limit.

Both are plain ASGI middleware, so they run before FastAPI reads or parses anything:

* **read token** (``read_token=`` or ``$RASID_READ_TOKEN``): every ``/api/...`` request
  except ``/api/health`` must carry it (``Authorization: Bearer <t>``, ``X-Rasid-Token``,
  or the ``rasid_token`` cookie); the write token is accepted too, since whoever may
  write may read. Without it: 401. The dashboard files (``/``, ``/static``) hold no data
  and stay open. Reads are open by default (one analyst on localhost).
* **body limit** (``max_body_bytes=``, ``$RASID_MAX_BODY``, default 1 MiB): a request whose
  ``Content-Length`` is larger is refused with 413 before its body is read; a chunked body
  is counted as it arrives and refused with 413 once it passes the limit.

``install(app, ...)`` adds both to a FastAPI/Starlette app (before it starts serving).
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["install", "ReadTokenMiddleware", "BodyLimitMiddleware", "DEFAULT_MAX_BODY", "READ_TOKEN_ENV",
           "MAX_BODY_ENV"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 1 << 20  # corrections are a few KB; 1 MiB leaves ample room
READ_TOKEN_ENV = "RASID_READ_TOKEN"
MAX_BODY_ENV = "RASID_MAX_BODY"
_OPEN_PATHS = frozenset({"/api/health"})


async def _reply(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers") or ():
        if k.lower() == name:
            return v.decode("latin-1")
    return None


def _given_tokens(scope: Scope) -> list[str]:
    out: list[str] = []
    auth = _header(scope, b"authorization")
    if auth and auth.lower().startswith("bearer "):
        out.append(auth[7:].strip())
    x = _header(scope, b"x-rasid-token")
    if x:
        out.append(x.strip())
    cookie = _header(scope, b"cookie")
    if cookie:
        for part in cookie.split(";"):
            k, _, v = part.strip().partition("=")
            if k == "rasid_token" and v:
                out.append(v)
    return out


class ReadTokenMiddleware:
    """401 for ``/api/...`` requests (but ``/api/health``) that carry neither the read nor the write token."""

    def __init__(self, app: ASGIApp, read_token: str, write_token: str | None = None) -> None:
        self.app = app
        self.tokens = [t.encode() for t in (read_token, write_token) if t]

    def allowed(self, scope: Scope) -> bool:
        given = _given_tokens(scope)
        # compare against every configured token in constant time, whatever matched first
        ok = False
        for g in given:
            for t in self.tokens:
                ok |= hmac.compare_digest(g.encode(), t)
        return ok

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope.get("path") or ""
            if (path == "/api" or path.startswith("/api/")) and path not in _OPEN_PATHS and not self.allowed(scope):
                await _reply(send, 401, "a valid token is needed to read (Authorization: Bearer <token>)",
                             [(b"www-authenticate", b"Bearer")])
                return
        await self.app(scope, receive, send)


class BodyLimitMiddleware:
    """413 for request bodies over ``max_bytes`` (declared or streamed)."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max = int(max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max
            except ValueError:
                await _reply(send, 400, "invalid Content-Length")
                return
            if too_big:
                await _reply(send, 413, f"request body too large (limit {self.max} bytes)",
                             [(b"connection", b"close")])
                return
        seen = 0
        started = refused = False

        async def limited_receive() -> Message:
            # FastAPI turns exceptions raised while it reads the body into 400, so we answer 413
            # ourselves and tell the app the client went away; whatever it sends later is dropped
            nonlocal seen, started, refused
            if refused:
                return {"type": "http.disconnect"}
            msg = await receive()
            if msg.get("type") == "http.request":
                seen += len(msg.get("body") or b"")
                if seen > self.max:
                    refused = True
                    if not started:
                        started = True
                        await _reply(send, 413, f"request body too large (limit {self.max} bytes)",
                                     [(b"connection", b"close")])
                    return {"type": "http.disconnect"}
            return msg

        async def guarded_send(msg: Message) -> None:
            nonlocal started
            if refused:
                return
            if msg.get("type") == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not refused:
                raise  # a real error of the app; a disconnect we caused is expected


def install(app: Any, *, read_token: str | None = None, write_token: str | None = None,
            max_body_bytes: int | None = None) -> Any:
    """Add the body limit and (when a read token is configured) the read-token check to ``app``.

    ``read_token`` None means ``$RASID_READ_TOKEN`` (empty: reads stay open);
    ``write_token`` None means the app's own (``app.state.bench.token``), accepted for reads too;
    ``max_body_bytes`` None means ``$RASID_MAX_BODY`` or 1 MiB; 0 disables the limit.
    Returns ``app``.
    """
    if read_token is None:
        read_token = os.environ.get(READ_TOKEN_ENV) or None
    if write_token is None:  # the workbench's own write token (rasid.api.app.Workbench)
        bench = getattr(getattr(app, "state", None), "bench", None)
        write_token = getattr(bench, "token", None)
    if max_body_bytes is None:
        env = os.environ.get(MAX_BODY_ENV)
        max_body_bytes = int(env) if env else DEFAULT_MAX_BODY
    # add_middleware wraps: the last added runs first -> the token check precedes the body read
    if max_body_bytes:
        app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes)
    if read_token:
        app.add_middleware(ReadTokenMiddleware, read_token=read_token, write_token=write_token)
    app.state.read_token = bool(read_token)
    app.state.max_body_bytes = max_body_bytes
    return app
