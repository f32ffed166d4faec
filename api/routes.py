"""All routers of the API, in the order the OpenAPI document lists them."""

from __future__ import annotations

from fastapi import FastAPI

from api import routes_data, routes_sparql, routes_tools, routes_web


def include(app: FastAPI) -> None:
    app.include_router(routes_data.router)
    app.include_router(routes_tools.router)
    app.include_router(routes_sparql.router)
    app.include_router(routes_web.router)
