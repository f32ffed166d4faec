"""Linked open data for publishers: the SPARQL 1.1 Protocol endpoint, dumps, and the VoID/DCAT
description that points at both."""

from __future__ import annotations

import threading
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep
from api.routes_tools import rate_limited
from core.errors import QueryRefused
from core.settings import Settings
from graph.store import GraphStore

router = APIRouter()
_setup_lock = threading.Lock()

QUERY_TYPES = "application/sparql-query"
FORM_TYPES = "application/x-www-form-urlencoded"
RESULT_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/sparql-results+json": {}, "application/sparql-results+xml": {}, "text/csv": {},
                      "text/tab-separated-values": {}, "text/turtle": {}, "application/n-triples": {},
                      "application/ld+json": {}, "application/rdf+xml": {}},
          "description": "Results; X-SPARQL-Result-Truncated says `rows` or `time` when a limit cut them"},
    400: {"description": "Refused (UPDATE, LOAD, SERVICE, too long) or a syntax error"},
    429: {"description": "Rate limited (PROVKG_RATE_LIMIT_PER_MINUTE per client)"},
    406: {"description": "No acceptable result format for this query form"},
    503: {"description": "The SPARQL store is not built or not reachable"},
    504: {"description": "The query ran past the time limit and was stopped"},
}


def _pool(request: Request, settings: Settings, store: GraphStore) -> Any:
    """The query processes of this API process; the first request also repairs the mirror."""
    pool = getattr(request.app.state, "sparql_pool", None)
    if pool is not None:
        return pool
    with _setup_lock:
        pool = getattr(request.app.state, "sparql_pool", None)
        if pool is None:
            from graph.rdf import prefixes
            from graph.sparql import Mirror, wikidata_graph
            from graph.sparql_worker import QueryPool

            mirror = Mirror(settings)
            mirror.repair(store)  # catches up with loads whose sync did not happen (crash, other process)
            pool = QueryPool(mirror.root, settings.base_iri, [wikidata_graph(settings)],
                             max_length=settings.max_query_length, prefixes=prefixes(settings))
            request.app.state.sparql_pool = pool
    return pool


async def _answer(request: Request, settings: Settings, store: GraphStore, query: str | None,
                  fmt: str | None) -> Response:
    from graph.sparql_exec import negotiate, vet
    from graph.sparql_worker import Job

    if not query or not query.strip():
        raise QueryRefused("no query: send it as the `query` parameter or as an application/sparql-query body")
    form = vet(query, settings.max_query_length)
    try:
        key = negotiate(form, request.headers.get("accept"), fmt)
    except QueryRefused as exc:
        raise HTTPException(406, str(exc)) from None
    pool = await run_in_threadpool(_pool, request, settings, store)
    out = await run_in_threadpool(pool.run, Job(query, key, settings.max_rows, settings.query_timeout_ms))
    headers = {"Vary": "Accept", "X-SPARQL-Row-Limit": str(settings.max_rows),
               "X-SPARQL-Time-Limit-Ms": str(settings.query_timeout_ms)}
    if out.cut:
        headers["X-SPARQL-Result-Truncated"] = out.cut
    return Response(content=out.body, media_type=out.media_type, headers=headers)


def _refuse_dataset_params(params: dict[str, list[str]] | Any) -> None:
    for name in ("update", "using-graph-uri", "using-named-graph-uri"):
        if name in params:
            raise QueryRefused("this endpoint is read-only: SPARQL Update is refused")
    for name in ("default-graph-uri", "named-graph-uri"):
        if name in params:
            raise QueryRefused(f"{name} is not supported: the default graph is the data, and GRAPH "
                               "<…dataset/wikidata> holds the Wikidata twinning statements")


@router.get("/sparql", tags=["linked data"], responses=RESULT_CONTENT, dependencies=[rate_limited("sparql")],
            summary="SPARQL 1.1 query (read-only) over the RDF view of the graph")
async def sparql_get(request: Request, settings: SettingsDep, store: StoreDep,
                     query: Annotated[str, Query(min_length=1, description="A SPARQL 1.1 query", examples=[
                         "PREFIX pk: <https://provkg.org/ontology#> SELECT ?p ?name "
                         "{ ?p a pk:VietnameseProvince ; pk:name ?name } LIMIT 10"])],
                     format: Annotated[str | None, Query(description="Overrides Accept: json, xml, csv, tsv, "
                                                         "turtle, nt, jsonld, rdfxml")] = None) -> Response:
    _refuse_dataset_params(request.query_params)
    return await _answer(request, settings, store, query, format)


@router.post("/sparql", tags=["linked data"], dependencies=[rate_limited("sparql")],
             responses={**RESULT_CONTENT, 415: {"description": "Neither an application/sparql-query body nor a form"}},
             summary="SPARQL 1.1 query by POST: an application/sparql-query body or a form with `query`",
             openapi_extra={"requestBody": {"content": {
                 QUERY_TYPES: {"schema": {"type": "string", "minLength": 1}},
                 FORM_TYPES: {"schema": {"type": "object", "required": ["query"],
                                         "properties": {"query": {"type": "string", "minLength": 1},
                                                        "format": {"type": "string"}}}}},
                 "required": True}})
async def sparql_post(request: Request, settings: SettingsDep, store: StoreDep) -> Response:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if ctype == "application/sparql-update":
        raise QueryRefused("this endpoint is read-only: SPARQL Update is refused")
    if ctype == QUERY_TYPES:
        _refuse_dataset_params(request.query_params)
        return await _answer(request, settings, store, body, request.query_params.get("format"))
    if ctype == FORM_TYPES:
        form = parse_qs(body, keep_blank_values=True)
        _refuse_dataset_params(form)
        _refuse_dataset_params(request.query_params)
        fmt: str | None = form["format"][0] if form.get("format") else request.query_params.get("format")
        query: str | None = form["query"][0] if form.get("query") else None
        return await _answer(request, settings, store, query, fmt)
    raise HTTPException(415, f"send the query as {QUERY_TYPES} or {FORM_TYPES}, not {ctype or 'no content type'}")


# -- dumps and the dataset description ------------------------------------------------------

def _links(request: Request) -> Any:
    from graph.dumps import MAIN_DUMPS
    from graph.rdf import Links

    base = str(request.base_url)
    return Links(sparql=base + "sparql",
                 dumps={name.split(".")[1]: base + "datasets/" + name for name in MAIN_DUMPS},
                 wikidata_dump=base + "datasets/provkg-wikidata.nt.gz")


def _etag_matches(request: Request, etag: str) -> bool:
    inm = request.headers.get("if-none-match")
    if not inm:
        return False
    return inm.strip() == "*" or etag in [t.strip().removeprefix("W/") for t in inm.split(",")]


@router.get("/datasets/{name}", tags=["linked data"], summary="Download the whole graph, gzipped",
            response_class=Response,
            responses={200: {"content": {"application/gzip": {}},
                             "description": "provkg.nt.gz, provkg.ttl.gz, provkg.jsonld.gz, or "
                                            "provkg-wikidata.nt.gz (the P190 twinning statements)"},
                       304: {"description": "Not modified (If-None-Match)"}, 404: {"description": "No such dump"}})
async def dataset_dump(name: Annotated[str, Path(pattern=r"^[a-z.-]{1,40}$", examples=["provkg.nt.gz"])],
                       request: Request, settings: SettingsDep, store: StoreDep) -> Response:
    from fastapi.responses import FileResponse

    from core.errors import NotFound
    from graph.dumps import DUMPS, data_version, ensure

    if name not in DUMPS:
        raise NotFound(f"no dump {name!r}; dumps: {', '.join(DUMPS)}")
    version = await run_in_threadpool(data_version, store, settings)
    etag = f'"{version}-{DUMPS[name].fmt}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300"}
    if _etag_matches(request, etag):
        return Response(status_code=304, headers=headers)
    dump = await run_in_threadpool(ensure, store, settings, name, version)
    return FileResponse(dump.path, media_type="application/gzip", filename=name, headers=headers)


@router.get("/.well-known/void", tags=["linked data"], response_class=Response,
            summary="VoID and DCAT description of the dataset: licence, publisher, dumps, SPARQL endpoint",
            responses={200: {"content": {"text/turtle": {}, "application/ld+json": {}, "application/n-triples": {},
                                         "application/rdf+xml": {}}}})
async def void(request: Request, settings: SettingsDep, store: StoreDep,
               format: Annotated[str | None, Query(pattern=r"^(turtle|ttl|nt|jsonld|rdfxml)$")] = None) -> Response:
    from graph.sparql_exec import GRAPH_FORMATS, negotiate

    try:
        key = negotiate("describe", request.headers.get("accept"), format)
    except QueryRefused as exc:
        raise HTTPException(406, str(exc)) from None
    body = await run_in_threadpool(_description, store, settings, _links(request), key)
    return Response(content=body, media_type=GRAPH_FORMATS[key], headers={"Vary": "Accept"})


@router.get("/datasets", tags=["linked data"], response_class=Response,
            summary="The DCAT dataset description (the same document as /.well-known/void)",
            responses={200: {"content": {"text/turtle": {}, "application/ld+json": {}, "application/n-triples": {},
                                         "application/rdf+xml": {}}}})
async def datasets(request: Request, settings: SettingsDep, store: StoreDep,
                   format: Annotated[str | None, Query(pattern=r"^(turtle|ttl|nt|jsonld|rdfxml)$")] = None) -> Response:
    return await void(request, settings, store, format)


def _description(store: GraphStore, settings: Settings, links: Any, key: str) -> bytes:
    from collections import Counter

    import pyoxigraph as ox

    from graph.dumps import ensure
    from graph.rdf import ExportStats, description_triples, last_modified, ox_triples, prefixes

    # the counts of the N-Triples dump: VoID then describes exactly what a client downloads
    stats = ensure(store, settings, "provkg.nt.gz").stats
    es = ExportStats(triples=int(stats.get("triples", 0)), entities=int(stats.get("entities", 0)),  # type: ignore[call-overload]
                     classes=Counter(stats.get("classes", {})))  # type: ignore[arg-type,call-overload]
    fmt = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
           "rdfxml": ox.RdfFormat.RDF_XML}[key]
    out = ox.serialize(ox_triples(description_triples(settings, es, last_modified(store), links)), None, fmt,
                       prefixes=prefixes(settings))
    return out or b""
