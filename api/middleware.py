"""HTTP plumbing: ETag/304 and Cache-Control on GETs, request body caps, per-client rate limits."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict, deque

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

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


class BodyLimitMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, max_bytes: int) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.max_bytes = max_bytes

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.method in ("POST", "PUT", "PATCH"):
            declared = request.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                return problem(413, "too-large", "Request body too large",
                               f"the body is {declared} bytes; the limit is {self.max_bytes}")
            body = await request.body()  # starlette caches it for the route
            if len(body) > self.max_bytes:
                return problem(413, "too-large", "Request body too large",
                               f"the body is {len(body)} bytes; the limit is {self.max_bytes}")
        return await call_next(request)


class RateLimiter:
    """A sliding one-minute window per client and route group."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.hits: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def check(self, client: str, group: str) -> float | None:
        """None if allowed, else seconds until the next request would be."""
        now = time.monotonic()
        with self.lock:
            q = self.hits[(client, group)]
            while q and now - q[0] > 60:
                q.popleft()
            if len(q) >= self.per_minute:
                return 60 - (now - q[0])
            q.append(now)
        return None
