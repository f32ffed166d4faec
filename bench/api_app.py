"""The API as `provkg serve` runs it, plus one trivial route: the reference the bench compares against.

    uvicorn bench.api_app:make_app --factory   (settings from PROVKG_* as usual)
"""

from __future__ import annotations

from typing import Any


def make_app() -> Any:
    from api.app import create_app
    from core.settings import load_settings

    app = create_app(load_settings())

    @app.get("/_bench/trivial", include_in_schema=False)
    async def trivial() -> dict[str, str]:
        return {"status": "ok"}

    return app
