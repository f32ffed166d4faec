"""Errors become RFC 9457 problem+json here, and only here."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.jsonresp import OrjsonResponse
from core import errors as E

log = logging.getLogger("provkg.api")
TYPE_BASE = "https://provkg.org/problems/"

STATUS: dict[type[E.ProvkgError], int] = {
    E.NotFound: 404,
    E.QueryRefused: 400,
    E.QueryTimeout: 504,
    E.QueryFailed: 400,
    E.InputError: 422,
    E.StoreUnavailable: 503,
    E.ConfigError: 500,
    E.SchemaViolation: 500,
}


class ProblemResponse(OrjsonResponse):
    media_type = "application/problem+json"


def problem(status: int, code: str, title: str, detail: str, **extra: Any) -> ProblemResponse:
    body = {"type": TYPE_BASE + code, "title": title, "status": status, "detail": detail, **extra}
    headers = {"Retry-After": "5"} if status == 503 else None
    return ProblemResponse(body, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(E.ProvkgError)
    async def _domain(_: Request, exc: E.ProvkgError) -> ProblemResponse:
        status = next((s for cls, s in STATUS.items() if isinstance(exc, cls)), 500)
        extra = {"suggestions": exc.suggestions} if isinstance(exc, E.NotFound) and exc.suggestions else {}
        return problem(status, exc.code, type(exc).__name__, str(exc), **extra)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> ProblemResponse:
        errs = [{"field": ".".join(str(p) for p in e["loc"] if p not in ("query", "path", "body")),
                 "in": str(e["loc"][0]) if e["loc"] else "", "message": e["msg"]} for e in exc.errors()]
        # the SPARQL 1.1 Protocol answers a malformed request (no query) with 400
        status = 400 if request.url.path == "/sparql" else 422
        return problem(status, "validation", "Invalid request",
                       "; ".join(f"{e['field']}: {e['message']}" for e in errs), errors=errs)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> ProblemResponse:
        code = {404: "not-found", 405: "method-not-allowed", 401: "unauthorized", 403: "forbidden",
                413: "too-large", 429: "rate-limited"}.get(exc.status_code, "http")
        resp = problem(exc.status_code, code, str(exc.detail) if exc.status_code != 404 else "Not found",
                       str(exc.detail))
        if exc.headers:
            resp.headers.update(exc.headers)
        return resp

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> ProblemResponse:
        log.exception("unhandled error")
        return problem(500, "internal", "Internal error", "an unexpected error occurred; it has been logged")
