"""The web explorer and the API docs, both served from the package (nothing from a CDN).

- `/` and `/explore/…` answer the explorer's page; `/id/{type}/{id}` answers it too when a browser
  asks for HTML (see `prefers_html`, used by the linked-data route).
- `/assets/…` are the explorer's files (web/static), `/assets/docs/…` Swagger UI's and ReDoc's
  (from the fastapi-offline wheel).
- `/views/…` are the read models the pages render from, one request per page.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Request
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from api.deps import StoreDep
from graph import explorer as X
from web import STATIC

router = APIRouter()
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Unknown id"}}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DATA_TYPES = ("application/json", "text/turtle", "application/x-turtle", "application/ld+json",
               "application/n-triples")


def prefers_html(accept: str | None, format_param: str | None) -> bool:
    """True when a client names HTML explicitly and with a higher weight than any data format.

    Browsers send `text/html,…,*/*;q=0.8`; curl sends `*/*`, RDF clients name their format. A
    wildcard never counts for HTML, so every client that worked before keeps getting data.
    """
    if format_param or not accept:
        return False
    html_q, data_q = 0.0, 0.0
    for part in accept.split(","):
        bits = [b.strip() for b in part.split(";")]
        media = bits[0].lower()
        q = 1.0
        for param in bits[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media in _HTML_TYPES:
            html_q = max(html_q, q)
        elif media in _DATA_TYPES:
            data_q = max(data_q, q)
    return html_q > 0 and html_q > data_q


def shell(request: Request) -> HTMLResponse:
    """The explorer's single page; the script reads the URL and renders the page it names."""
    base = request.app.state.settings.base_iri
    return HTMLResponse(_index_html().replace("{{IRI_BASE}}", html.escape(base, quote=True)), headers={"Vary": "Accept"})


@lru_cache(maxsize=1)
def _index_html() -> str:
    return (STATIC / "index.html").read_text(encoding="utf-8")


@router.get("/", include_in_schema=False)
async def home(request: Request) -> HTMLResponse:
    return shell(request)


@router.get("/explore/{rest:path}", include_in_schema=False)
async def explore(rest: str, request: Request) -> HTMLResponse:
    return shell(request)


@router.get("/views/province/{id}", tags=["explorer"], responses=NOT_FOUND,
            summary="Everything the explorer's province page shows, in one answer",
            description="The province (codes, validity, predecessors and successors across the 2025 reform), its "
                        "partners with map coordinates and the ISO numeric code of their country, counts of "
                        "agreements and events per partner, a timeline of agreements and events, and reported "
                        "figures by indicator. For a unit created by the reform, the predecessors' partners, "
                        "agreements, events and figures are included, each labelled with `via` (the predecessor).")
async def province_view(id: Annotated[str, PathParam(max_length=200, examples=["VN-25"])], store: StoreDep) -> Any:
    return await run_in_threadpool(X.province_page, store, id)


@router.get("/views/partner/{id}", tags=["explorer"], responses=NOT_FOUND,
            summary="Everything the explorer's partner page shows, in one answer",
            description="A foreign locality, country or organisation: which provinces partner with it and since "
                        "when, its coordinates, and the agreements and events between it and each province.")
async def partner_view(id: Annotated[str, PathParam(max_length=200, examples=["CN-GX"])], store: StoreDep) -> Any:
    return await run_in_threadpool(X.partner_page, store, id)


@lru_cache(maxsize=1)
def _redoc_bundle(docs_static: Path) -> bytes:
    # ReDoc's bundle draws its "API docs by Redocly" badge from a CDN; point it at a local image
    text = (docs_static / "redoc.standalone.js").read_bytes()
    return text.replace(b"https://cdn.redoc.ly/redoc/logo-mini.svg", b"/assets/docs/favicon.png")


def install(app: FastAPI) -> None:
    """Static files and the offline docs pages; call before including the routers."""
    import fastapi_offline

    docs_static = Path(fastapi_offline.__file__).resolve().parent / "static"

    @app.get("/assets/docs/redoc.standalone.js", include_in_schema=False)
    async def redoc_js() -> Response:
        return Response(_redoc_bundle(docs_static), media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=3600"})

    app.mount("/assets/docs", StaticFiles(directory=docs_static), name="docs-assets")
    app.mount("/assets", StaticFiles(directory=STATIC), name="assets")
    title = app.title

    @app.get("/docs", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{title} — Swagger UI",
                                   oauth2_redirect_url="/docs/oauth2-redirect",
                                   swagger_js_url="/assets/docs/swagger-ui-bundle.js",
                                   swagger_css_url="/assets/docs/swagger-ui.css",
                                   swagger_favicon_url="/assets/favicon.svg")

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    async def swagger_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title=f"{title} — ReDoc",
                              redoc_js_url="/assets/docs/redoc.standalone.js",
                              redoc_favicon_url="/assets/favicon.svg", with_google_fonts=False)
