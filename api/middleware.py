"""HTTP plumbing: ETag/304 and Cache-Control on GETs, key and body checks before a route runs,
per-client rate limits."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem


class ETagMiddleware(BaseHTTPMiddleware):
    """Weak validators over the body of successful GETs; a matching If-None-Match gets 304."""

    def __init__(self, app, max_age: int = 60) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.max_age = max_age

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        if request.method != "GET" or response.status_code != 200 or request.url.path in ("/health", "/ready"):
            return response
        if "etag" in response.headers:  # the route knows its version (dumps): never buffer a file body
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        etag = 'W/"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        headers = dict(response.headers)
        headers.pop("content-length", None)
        headers["ETag"] = etag
        headers.setdefault("Cache-Control", f"public, max-age={self.max_age}")
        inm = request.headers.get("if-none-match")
        if inm and etag in [t.strip() for t in inm.split(",")]:
            return Response(status_code=304, headers={"ETag": etag, "Cache-Control": headers["Cache-Control"]})
        return Response(content=body, status_code=200, headers=headers, media_type=response.media_type)


class GuardMiddleware:
    """Before a route reads anything: keyed routes check X-API-Key (and limit failed attempts per
    client), and the body is counted as it streams in and cut at the cap.

    A BaseHTTPMiddleware that awaited `request.body()` read a chunked body of any size whole before
    looking at it (400 MB grew the API by 800 MB, without a key). HEAD runs the GET without a body;
    OPTIONS answers the methods a path allows."""

    def __init__(self, app: ASGIApp, max_bytes: int, keyed_paths: Callable[[], frozenset[str]],
                 check_key: Callable[[str | None, str], tuple[int, str] | None]) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.keyed_paths = keyed_paths
        self.check_key = check_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        headers = Headers(scope=scope)
        if method == "OPTIONS" and "access-control-request-method" not in headers:
            await self._options(scope, receive, send)
            return
        if method == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            return
        if scope["path"] in self.keyed_paths():
            client = scope["client"][0] if scope.get("client") else "?"
            refusal = self.check_key(headers.get("x-api-key"), client)
            if refusal is not None:
                status, detail = refusal
                hdrs = {"WWW-Authenticate": "ApiKey"} if status == 401 else {}
                if status == 429:
                    hdrs = {"Retry-After": "60"}
                code = {401: "unauthorized", 403: "forbidden", 429: "rate-limited"}[status]
                await _drain_small(receive)
                resp = problem(status, code, detail, detail)
                resp.headers.update(hdrs)
                await resp(scope, receive, send)
                return
        if method in ("POST", "PUT", "PATCH"):
            declared = headers.get("content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
                resp = problem(413, "too-large", "Request body too large",
                               f"the body is {declared} bytes; the limit is {self.max_bytes:,}")
                await resp(scope, receive, send)
                return
            received = 0
            cut = False
            started = False

            async def counted() -> Message:
                nonlocal received, cut
                if cut:
                    return {"type": "http.disconnect"}
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > self.max_bytes:
                        # answer 413 now and tell the route the client left: nothing more is read
                        cut = True
                        if not started:
                            await _send_413(send, self.max_bytes, scope, receive)
                        return {"type": "http.disconnect"}
                return message

            async def watch(message: Message) -> None:
                nonlocal started
                if cut:
                    return  # the route's own answer to the cut body is dropped; 413 went out
                if message["type"] == "http.response.start":
                    started = True
                await send(message)

            await self.app(scope, counted, watch)
            return
        await self.app(scope, receive, send)

    async def _options(self, scope: Scope, receive: Receive, send: Send) -> None:
        routes = getattr(scope.get("app"), "routes", [])
        allowed = {m for m in ("GET", "POST", "PUT", "PATCH", "DELETE")
                   if any(route.matches({**scope, "method": m})[0] == Match.FULL for route in routes)}
        if not allowed:
            resp: Response = problem(404, "not-found", "Not found", "no such path")
        else:
            if "GET" in allowed:
                allowed.add("HEAD")
            allowed.add("OPTIONS")
            resp = Response(status_code=204, headers={"Allow": ", ".join(sorted(allowed))})
        await resp(scope, receive, send)


async def _send_413(send: Send, limit: int, scope: Scope, receive: Receive) -> None:
    resp = problem(413, "too-large", "Request body too large", f"the body is over the limit of {limit:,} bytes")
    await resp(scope, receive, send)


def _without_body(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)
    return wrapped


async def _drain_small(receive: Receive) -> None:
    """Nothing of a refused request's body is read (the connection is closed after the answer)."""
    return None


class RateLimiter:
    """A sliding one-minute window per client and route group."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.hits: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def check(self, client: str, group: str, per_minute: int | None = None) -> float | None:
        """None if allowed (and counted), else seconds until the next request would be."""
        limit = per_minute or self.per_minute
        now = time.monotonic()
        with self.lock:
            q = self.hits[(client, group)]
            while q and now - q[0] > 60:
                q.popleft()
            if len(q) >= limit:
                return 60 - (now - q[0])
            q.append(now)
        return None

    def blocked(self, client: str, group: str, per_minute: int) -> bool:
        """Whether the client has used up its allowance (without counting this call)."""
        now = time.monotonic()
        with self.lock:
            q = self.hits.get((client, group)) or deque()
            return len([t for t in q if now - t <= 60]) >= per_minute
