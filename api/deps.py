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


def paginated(items: list[Any], total: int, limit: int, offset: int, request: Request) -> dict[str, Any]:
    nxt = None
    if offset + limit < total:
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"total": total, "limit": limit, "offset": offset, "next": nxt, "items": items}
