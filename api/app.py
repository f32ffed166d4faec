"""The FastAPI application: one store per process, created in the lifespan hook."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from starlette.concurrency import run_in_threadpool

from api import problems
from api.deps import StoreDep, key_checker, keyed_paths
from api.jsonresp import OrjsonResponse
from api.middleware import ETagMiddleware, GuardMiddleware, RateLimiter
from api.settings import ApiSettings, get_api_settings
from core.errors import StoreUnavailable
from core.settings import Settings, get_settings
from graph.store import GraphStore, open_store

DESCRIPTION = """
Provinces of Vietnam and how they work with the world: foreign partners, agreements, events,
reported figures (FDI, ODA, delegations) and the article sentence each fact was read from.

Errors are `application/problem+json` (RFC 9457).
"""


def api_store_settings(settings: Settings, api_settings: ApiSettings) -> Settings:
    return settings.model_copy(update={"query_timeout_ms": min(settings.query_timeout_ms,
                                                              api_settings.api_query_timeout_ms)})


def uvicorn_options(api_settings: ApiSettings) -> dict[str, Any]:
    """How uvicorn must treat forwarded headers: only from the configured proxies (its default
    trusts 127.0.0.1, so anything on the host could claim any client address)."""
    proxies = api_settings.trusted_proxies
    return {"proxy_headers": bool(proxies), "forwarded_allow_ips": ",".join(proxies) if proxies else ""}


def create_app(settings: Settings | None = None, store: GraphStore | None = None,
               api_settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or get_settings()
    api_settings = api_settings or get_api_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.store = store or open_store(api_store_settings(settings, api_settings))
        yield
        if store is None:
            app.state.store.close()

    app = FastAPI(title="provkg API", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  default_response_class=OrjsonResponse, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.api_settings = api_settings
    problems.install(app)
    app.state.rate_limiter = RateLimiter(api_settings.rate_limit_per_minute)
    app.add_middleware(ETagMiddleware)
    app.add_middleware(GuardMiddleware, max_bytes=api_settings.max_body_bytes,
                       keyed_paths=functools.cache(lambda: keyed_paths(app)),
                       check_key=key_checker(api_settings, app.state.rate_limiter))
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    if api_settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=api_settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["*"])

    @app.get("/health", tags=["meta"], summary="The process is up")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/ready", tags=["meta"], summary="The store is reachable",
             responses={503: {"description": "store unreachable"}})
    async def ready(store: StoreDep) -> OrjsonResponse:
        try:
            info = await run_in_threadpool(store.describe)
        except StoreUnavailable as exc:
            return problems.problem(503, "store-unavailable", "Store unavailable", str(exc))
        return OrjsonResponse({"status": "ready", "store": store.kind, **info})

    from api import openapi_examples, openapi_problems, routes, routes_web

    routes_web.install(app)  # offline docs and the explorer's static files
    routes.include(app)
    openapi_examples.install(app)
    openapi_problems.install(app)
    return app
