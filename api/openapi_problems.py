"""Every error the API can answer is documented as what it is: `application/problem+json`.

FastAPI documents a 422 with its own JSON shape and nothing else; the API answers 400 (refused or
malformed), 404 (unknown id or path) and 422 (a bad parameter, naming it) on any operation, always
as RFC 9457 problems, and schemathesis counted each undocumented one as a finding.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

PROBLEM = {
    "type": "object",
    "title": "Problem",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object", "properties": {
            "field": {"type": "string"}, "in": {"type": "string"}, "message": {"type": "string"}}}},
    },
    "required": ["type", "title", "status", "detail"],
}
ALWAYS = {"400": "Refused or malformed request", "404": "Unknown id or path",
          "422": "A parameter is invalid (the problem names it)"}


def install(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema and app.openapi_schema.get("x-problems"):
            return app.openapi_schema
        spec = generate()
        spec.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
        ref = {"$ref": "#/components/schemas/Problem"}
        for ops in spec.get("paths", {}).values():
            for op in ops.values():
                if not isinstance(op, dict) or "responses" not in op:
                    continue
                responses = op["responses"]
                for code, description in ALWAYS.items():
                    responses.setdefault(code, {"description": description})
                for code, resp in responses.items():
                    if code[:1] in "45":
                        resp["content"] = {"application/problem+json": {"schema": ref}}
        spec["x-problems"] = True
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
