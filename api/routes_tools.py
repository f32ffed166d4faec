"""Routes for analysts and pipelines: the named query library, read-only Cypher, ingest, and
linked-data dereferencing of entity IRIs."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api import params as P
from api import schemas as S
from api.deps import ApiKey, SettingsDep, StoreDep
from graph.guard import vet_read_query

router = APIRouter()
_reference_loaded: set[int] = set()
_reference_lock = threading.Lock()


def rate_limited(group: str) -> Any:
    def check(request: Request) -> None:
        limiter = request.app.state.rate_limiter
        client = request.client.host if request.client else "?"
        wait = limiter.check(client, group)
        if wait is not None:
            raise HTTPException(429, f"too many {group} requests; retry in {int(wait) + 1} s",
                                headers={"Retry-After": str(int(wait) + 1)})
    return Depends(check)


# -- named queries ------------------------------------------------------------------------------

@router.get("/queries", tags=["queries"], summary="The curated query library")
async def list_queries() -> list[dict[str, Any]]:
    from graph.catalog import list_queries as _list

    return [q.model_dump(exclude={"text", "texts", "variants"}, exclude_none=True) for q in _list()]


@router.get("/queries/{name}", tags=["queries"], responses={404: {"description": "Unknown query"}})
async def get_query(name: Annotated[str, Path(pattern=r"^[a-z0-9_]{1,80}$")]) -> dict[str, Any]:
    from graph.catalog import get_query as _get

    return _get(name).model_dump(exclude_none=True)


@router.post("/queries/{name}", response_model=S.QueryRows, tags=["queries"],
             responses={404: {"description": "Unknown query, or a province/partner name that fits nothing "
                                             "(the problem lists the closest names in `suggestions`)"},
                        400: {"description": "Bad parameter"}},
             summary="Run a named query with parameters validated from its header")
async def run_query(name: Annotated[str, Path(pattern=r"^[a-z0-9_]{1,80}$")], store: StoreDep,
                    params: Annotated[dict[str, Any], Body(examples=[{"province": "VN-25"}])] | None = None,
                    as_of: Annotated[str | None, Query(pattern=P.DAY, description="a province name means the unit valid on "
                                                        "this day (default today)", examples=["2024-06-01"])] = None,
                    include_predecessors: Annotated[bool, Query(description="a unit formed in the 2025 reform "
                                                                "answers with its predecessors' facts too")] = True,
                    ) -> Any:
    from graph.catalog import run_query as _run

    res = await run_in_threadpool(_run, store, name, params or {}, as_of=as_of,
                                  include_predecessors=include_predecessors)
    return {"columns": res.columns, "rows": res.records(), "truncated": res.truncated}


# -- raw read-only Cypher ----------------------------------------------------------------------

@router.post("/cypher", response_model=S.Rows, tags=["queries"], dependencies=[ApiKey, rate_limited("cypher")],
             responses={400: {"description": "Refused (write, too long, too deep) or failed"},
                        401: {"description": "Missing or wrong X-API-Key"},
                        403: {"description": "Disabled: PROVKG_API_KEY is not set"}, 429: {"description": "Rate limited"},
                        504: {"description": "Cut at the time limit"}},
             summary="Read-only Cypher for analysts (needs X-API-Key)")
async def cypher(req: S.CypherRequest, store: StoreDep, settings: SettingsDep) -> Any:
    query = vet_read_query(req.query, max_length=settings.max_query_length, max_nesting=settings.max_query_nesting)
    from graph.plans import read_checked

    res, warning = await run_in_threadpool(read_checked, store, query, req.params)
    return {**res.model_dump(), "warnings": [warning] if warning else []}


# -- ingest ------------------------------------------------------------------------------------

@router.post("/ingest", response_model=S.IngestResult, tags=["ingest"], dependencies=[ApiKey, rate_limited("ingest")],
             responses={401: {"description": "Missing or wrong X-API-Key"}, 422: {"description": "Unreadable article"},
                        429: {"description": "Rate limited"}},
             summary="Extract facts from one article and load them (needs X-API-Key)")
async def ingest(req: S.IngestRequest, store: StoreDep, settings: SettingsDep) -> Any:
    return await run_in_threadpool(_ingest, req, store, settings)


def _ingest(req: S.IngestRequest, store: Any, settings: Any) -> dict[str, Any]:
    from core.errors import InputError
    from core.models import RawArticle
    from graph.loader import Loader
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer
    from ingest.output import to_gold
    from ingest.pipeline import process
    from ingest.read import from_html

    if len(req.text.encode("utf-8")) > settings.max_article_bytes:
        raise InputError(f"article is over the size cap of {settings.max_article_bytes} bytes")
    source = req.url or "api:" + __import__("hashlib").sha1(req.text.encode()).hexdigest()[:16]
    raw = from_html(req.text, source, url=req.url) if req.format == "html" else \
        RawArticle(source=source, text=req.text, url=req.url, title=req.title, published=req.published)
    if not raw.text.strip():
        raise InputError("the article has no text")
    from graph.sparql import ingest_hook as sparql_hook

    loader = Loader(store, batch_size=settings.batch_size, after_load=sparql_hook(settings, store))
    with _reference_lock:
        if id(store) not in _reference_loaded:
            store.ensure_schema()
            load_reference(loader, gazetteer())
            _reference_loaded.add(id(store))
    facts = process(raw)
    loaded = loader.load_article(facts)
    extracted = to_gold(facts, source)
    return {"document": facts.document.id, "loaded": loaded,
            "facts": {k: len(extracted[k]) for k in ("partners", "agreements", "events", "indicators", "people")},
            "extracted": extracted}


# -- linked data -------------------------------------------------------------------------------

@router.get("/id/{segment}/{key:path}", tags=["linked data"],
            responses={200: {"content": {"application/json": {}, "text/html": {}, "text/turtle": {},
                                         "application/ld+json": {}, "application/n-triples": {},
                                         "application/rdf+xml": {}}},
                       404: {"description": "Unknown entity"}, 406: {"description": "No acceptable format"}},
            summary="Dereference an entity IRI (JSON, Turtle, JSON-LD, N-Triples or RDF/XML by Accept or ?format=; "
                    "the explorer's page for a browser asking for HTML)")
async def linked(segment: Annotated[str, Path(pattern=r"^[a-z]{2,30}$", examples=["province"])],
                 key: Annotated[str, Path(max_length=200, examples=["VN-25"])], request: Request, store: StoreDep,
                 settings: SettingsDep,
                 format: Annotated[str | None, Query(pattern=r"^(json|turtle|ttl|jsonld|nt|rdfxml)$")] = None) -> Response:
    from api.routes_web import entity_shell, prefers_html
    from core.errors import QueryRefused
    from graph.linked import describe, negotiate

    if prefers_html(request.headers.get("accept"), format):  # a browser: the explorer's page for the entity
        return await run_in_threadpool(entity_shell, request, store, settings, segment, key)
    try:
        fmt = negotiate(request.headers.get("accept"), format)
    except QueryRefused as exc:
        raise HTTPException(406, str(exc)) from None
    body, media_type = await run_in_threadpool(describe, store, settings, segment, key, fmt)
    return Response(content=body, media_type=media_type, headers={"Vary": "Accept"})
