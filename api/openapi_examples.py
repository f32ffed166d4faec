"""An example for every route parameter in the OpenAPI document, so /docs can "Try it out" at once.

A parameter keeps an example its route declares; the others get one from the tables below (by
path and name, then by name), else the first value of an enum or of a pattern that lists the
allowed values, else a value of the right type.
Ids are from the sample corpus that `make run` loads.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

BY_PATH: dict[tuple[str, str], Any] = {
    ("/agreements/{id}", "id"): "agr-c44fad41e51995bb",
    ("/events/{id}", "id"): "evt-e6176d6f62edd151",
    ("/documents/{id}", "id"): "doc-000-5e4b71d1a4473b0d-txt-0b09b2d694",  # the suffix hashes the corpus path
    ("/graph/neighborhood/{id}", "id"): "LA-SV",
    ("/queries/{name}", "name"): "partners_of_province",
    ("/agreements", "kind"): "MoU",
    ("/events", "kind"): "Conference",
    ("/provinces/{id}/partners", "since"): "2020",
    ("/provinces/{id}/partners", "until"): "2024-12",
    ("/search", "limit"): 20,
    ("/graph/neighborhood/{id}", "limit"): 100,
    ("/id/{segment}/{key}", "format"): "turtle",
    ("/sparql", "format"): "json",
}
BY_NAME: dict[str, Any] = {
    "id": "VN-25", "province": "Quảng Trị", "partner": "Savannakhet", "participant": "LA-SV", "country": "LA",
    "region": "Bắc Trung Bộ và duyên hải miền Trung", "current": True, "q": "savan", "field": "trade",
    "from": "2023", "to": "2023-12", "period": "2023", "limit": 50, "offset": 0, "depth": 1, "max_depth": 4,
    "type": ["ForeignLocality"], "x-api-key": "your-api-key", "include_predecessors": True,
}


def _example(path: str, param: dict[str, Any]) -> Any:
    name = param["name"]
    schema = param.get("schema", {})
    if schema.get("examples"):
        return schema["examples"][0]
    if (path, name) in BY_PATH:
        return BY_PATH[(path, name)]
    if name in BY_NAME:
        return BY_NAME[name]
    for s in [schema, *schema.get("anyOf", [])]:
        if s.get("enum"):
            return s["enum"][0]
        alternatives = re.fullmatch(r"\^\(([a-z0-9_|-]+)\)\$", s.get("pattern", ""))
        if alternatives:  # a closed list written as a pattern: ^(turtle|ttl|nt)$
            return alternatives.group(1).split("|")[0]
    kinds = {s.get("type") for s in [schema, *schema.get("anyOf", [])]}
    return 1 if "integer" in kinds else True if "boolean" in kinds else "example"


def add_examples(spec: dict[str, Any]) -> dict[str, Any]:
    for path, ops in spec.get("paths", {}).items():
        for op in ops.values():
            for param in op.get("parameters", []):
                if "example" not in param and "examples" not in param:
                    param["example"] = _example(path, param)
    return spec


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            app.openapi_schema = add_examples(spec)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
