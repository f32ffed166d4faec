"""The web explorer and the API docs, both served from the package (nothing from a CDN).

- `/` and `/explore/…` answer the explorer's page; `/id/{type}/{id}` answers it too when a browser
  asks for HTML (see `prefers_html`, used by the linked-data route).
- `/assets/…` are the explorer's files (web/static), `/assets/docs/…` Swagger UI's and ReDoc's
  (from the fastapi-offline wheel).
- `/views/…` are the read models the pages render from, one request per page.
"""

from __future__ import annotations

import gzip
import html
import mimetypes
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from api import params as P
from api.deps import SettingsDep, StoreDep
from api.jsonresp import OrjsonResponse
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


def entity_shell(request: Request, store: Any, settings: Any, segment: str, key: str) -> HTMLResponse:
    """The page of one entity IRI; 404 (the same page, which then says so) when there is no such entity."""
    from graph.rdf import mapping

    label = mapping(settings).label_of_segment.get(segment)
    page = shell(request)
    if label is None or not X.entity_exists(store, label, key):
        page.status_code = 404
    return page


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
async def province_view(id: Annotated[str, PathParam(max_length=200, pattern=P.NAME, examples=["VN-25"])],
                        store: StoreDep) -> Any:
    # plain dicts of JSON values already: orjson directly, not FastAPI's encoder (a tenth of a second at 100k facts)
    return OrjsonResponse(await run_in_threadpool(X.province_page, store, id))


@router.get("/views/partner/{id}", tags=["explorer"], responses=NOT_FOUND,
            summary="Everything the explorer's partner page shows, in one answer",
            description="A foreign locality, country or organisation: which provinces partner with it and since "
                        "when, its coordinates, and the agreements and events between it and each province.")
async def partner_view(id: Annotated[str, PathParam(max_length=200, pattern=P.NAME, examples=["CN-GX"])], store: StoreDep) -> Any:
    return OrjsonResponse(await run_in_threadpool(X.partner_page, store, id))


@router.get("/views/vocabulary", tags=["explorer"],
            summary="Labels of the ontology's concept schemes (agreement kinds, event kinds, fields), in Vietnamese "
                    "and English")
async def vocabulary(settings: SettingsDep) -> Any:
    return await run_in_threadpool(X.vocabulary, settings.ontology)


class Assets:
    """Files of one directory, read once and kept gzipped in memory (the explorer's and the docs' assets
    are a few MB at most; compressing d3 or Swagger UI on every request cost more than serving them)."""

    def __init__(self, root: Path, rewrite: dict[str, tuple[bytes, bytes]] | None = None) -> None:
        self.root = root.resolve()
        self.rewrite = rewrite or {}

    @lru_cache(maxsize=256)  # noqa: B019 - one instance per directory, for the life of the process
    def load(self, rel: str) -> tuple[bytes, bytes, str] | None:
        path = (self.root / rel).resolve()
        if not path.is_file() or not path.is_relative_to(self.root):
            return None
        data = path.read_bytes()
        if rel in self.rewrite:
            data = data.replace(*self.rewrite[rel])
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media.startswith("text/") or media in ("application/javascript", "application/json", "image/svg+xml"):
            media += "; charset=utf-8"
        return data, gzip.compress(data, 6), media

    def response(self, rel: str, request: Request) -> Response:
        found = self.load(rel)
        if found is None:
            raise HTTPException(404, f"no asset {rel!r}")
        data, packed, media = found
        headers = {"Cache-Control": "public, max-age=300", "Vary": "Accept-Encoding"}
        if "gzip" in request.headers.get("accept-encoding", "") and len(packed) < len(data):
            return Response(packed, media_type=media, headers={**headers, "Content-Encoding": "gzip"})
        return Response(data, media_type=media, headers=headers)


def install(app: FastAPI) -> None:
    """The explorer's files and the offline docs pages; call before including the routers."""
    import fastapi_offline

    # ReDoc's bundle draws its "API docs by Redocly" badge from a CDN; point it at a local image
    docs = Assets(Path(fastapi_offline.__file__).resolve().parent / "static",
                  {"redoc.standalone.js": (b"https://cdn.redoc.ly/redoc/logo-mini.svg", b"/assets/docs/favicon.png")})
    own = Assets(STATIC)

    @app.get("/assets/docs/{rel:path}", include_in_schema=False)
    async def docs_asset(rel: str, request: Request) -> Response:
        return docs.response(rel, request)

    @app.get("/assets/{rel:path}", include_in_schema=False)
    async def asset(rel: str, request: Request) -> Response:
        return own.response(rel, request)

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
