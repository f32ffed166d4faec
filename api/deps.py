"""Dependencies injected into routes: settings, the store, the API key check."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Request

from api.settings import ApiSettings
from core.settings import Settings
from graph.store import GraphStore


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_store(request: Request) -> GraphStore:
    return request.app.state.store  # type: ignore[no-any-return]


def get_api_settings_dep(request: Request) -> ApiSettings:
    return request.app.state.api_settings  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
ApiSettingsDep = Annotated[ApiSettings, Depends(get_api_settings_dep)]
StoreDep = Annotated[GraphStore, Depends(get_store)]


def require_api_key(settings: ApiSettingsDep, x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Writes and raw Cypher need PROVKG_API_KEY; with no key configured they are off."""
    if settings.api_key is None:
        raise HTTPException(403, "this endpoint is disabled: set PROVKG_API_KEY to enable it")
    expected = settings.api_key.get_secret_value().encode()
    if not x_api_key or not hmac.compare_digest(x_api_key.encode(), expected):
        raise HTTPException(401, "missing or wrong X-API-Key header", headers={"WWW-Authenticate": "ApiKey"})


ApiKey = Depends(require_api_key)

# failed authentications a client may make per minute before it is refused without a check
AUTH_FAILURES_PER_MINUTE = 10


def key_checker(api_settings: ApiSettings, limiter: Any) -> Any:
    """The check GuardMiddleware runs before a keyed route reads its body: (status, detail) or None."""
    def check(header: str | None, client: str) -> tuple[int, str] | None:
        if api_settings.api_key is None:
            return 403, "this endpoint is disabled: set PROVKG_API_KEY to enable it"
        if limiter.blocked(client, "auth-failure", AUTH_FAILURES_PER_MINUTE):
            return 429, "too many failed authentications from this client; retry in a minute"
        expected = api_settings.api_key.get_secret_value().encode()
        if not header or not hmac.compare_digest(header.encode(), expected):
            limiter.check(client, "auth-failure", AUTH_FAILURES_PER_MINUTE)
            return 401, "missing or wrong X-API-Key header"
        return None
    return check


def keyed_paths(app: Any) -> frozenset[str]:
    """Paths whose routes depend on the key (read from the routes, so a new keyed route is covered)."""
    paths = set()
    routes = list(app.routes)
    while routes:
        route = routes.pop()
        nested = getattr(route, "original_router", None)  # an included router (no prefix here)
        if nested is not None:
            routes.extend(nested.routes)
            continue
        if any(getattr(d, "dependency", None) is require_api_key for d in getattr(route, "dependencies", None) or []):
            paths.add(route.path)
            continue
        dependant = getattr(route, "dependant", None)
        stack = list(dependant.dependencies) if dependant is not None else []
        while stack:
            d = stack.pop()
            if d.call is require_api_key:
                paths.add(route.path)
                break
            stack.extend(d.dependencies)
    return frozenset(paths)


def paginated(items: list[Any], total: int, limit: int, offset: int, request: Request) -> dict[str, Any]:
    nxt = None
    if offset + limit < total:
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"total": total, "limit": limit, "offset": offset, "next": nxt, "items": items}
