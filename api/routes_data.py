"""Read routes over the graph: provinces, partners, countries, agreements, events, observations,
documents, search, graph views and dashboard statistics."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from api import params as P
from api import schemas as S
from api.deps import StoreDep, paginated
from api.jsonresp import OrjsonResponse
from graph import views as V

router = APIRouter()
Limit = Annotated[int, Query(ge=1, le=500, description="Page size (max 500)")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")]
PartnerKind = Literal["ForeignLocality", "Country", "Organization"]
IsoDate = Annotated[str, Query(pattern=P.PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD (a day that exists)")]
ISO2 = Annotated[str, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2", examples=["LA"])]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Unknown id or name (the problem lists the "
                                                                  "closest names in `suggestions`)"}}
AsOf = Annotated[str | None, Query(pattern=P.DAY, description="A name that fits several units (before and after the 2025 "
                                                "reform) means the one valid on this day; default today",
                                    examples=["2024-06-01"])]
WithPredecessors = Annotated[bool, Query(description="A unit formed in the 2025 reform also answers with what the "
                                                     "units merged into it did, labelled as inherited "
                                                     "(`inherited_counts`, `rolled_up_from`, `inherited_from`)",
                                         examples=[True])]


def _filter(value: str | None) -> str | None:
    """A blank name filter (`province=%20`, which the schema allows) is no filter."""
    return value if value is not None and value.strip() else None


async def _call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    return await run_in_threadpool(fn, *args, **kwargs)


def _served(content: Any) -> OrjsonResponse:
    """The view's dicts as they are: each route's `response_model` documents them in the OpenAPI
    document, but FastAPI validating and re-serialising a page cost more than the query of a small
    one (5 ms for 50 partners with their evidence). tests/test_api_contract.py checks every read route
    answers exactly what that validation would give."""
    return OrjsonResponse(content)


@router.get("/provinces", response_model=S.Page[S.ProvinceSummary], tags=["provinces"],
            summary="Vietnamese provinces and centrally governed cities, before and after the 2025 reform")
async def list_provinces(request: Request, store: StoreDep,
                         current: Annotated[bool | None, Query(description="true: the 34 units since 2025-07-01; "
                                                               "false: units dissolved in the reform")] = None,
                         region: Annotated[str | None, Query(max_length=100, pattern=P.TEXT)] = None,
                         sort: Literal["name", "id", "partners"] = "name",
                         as_of: Annotated[str | None, Query(pattern=P.DAY, description="Only the units valid on this day "
                                                             "(before or after the 2025 reform)",
                                                             examples=["2024-06-01"])] = None,
                         include_predecessors: WithPredecessors = True,
                         limit: Limit = 50, offset: Offset = 0) -> Any:
    items, total = await _call(V.provinces, store, current=current, region=region, limit=limit, offset=offset,
                               sort=sort, as_of=as_of,
                               include_predecessors=include_predecessors)
    return _served(paginated(items, total, limit, offset, request))


@router.get("/provinces/{id}", response_model=S.ProvinceDetail, tags=["provinces"], responses=NOT_FOUND,
            summary="One province: codes, names, validity, predecessors and successors, counts")
async def get_province(id: Annotated[str, Path(max_length=200, pattern=P.NAME, examples=["VN-25"])], store: StoreDep,
                       as_of: AsOf = None, include_predecessors: WithPredecessors = True) -> Any:
    return _served(await _call(V.province, store, id, as_of=as_of,
                       include_predecessors=include_predecessors))


@router.get("/provinces/{id}/partners", response_model=S.Page[S.ProvincePartner], tags=["provinces"],
            responses=NOT_FOUND, summary="A province's partners with the agreements, events and evidence behind each")
async def province_partners(request: Request, store: StoreDep,
                            id: Annotated[str, Path(max_length=200, pattern=P.NAME, examples=["VN-25"])],
                            country: ISO2 | None = None, kind: PartnerKind | None = None,
                            since: IsoDate | None = None, until: IsoDate | None = None,
                            as_of: AsOf = None, include_predecessors: WithPredecessors = True,
                            limit: Limit = 50, offset: Offset = 0) -> Any:
    items, total = await _call(V.province_partners, store, id, country=country, kind=kind, since=since, until=until,
                               limit=limit, offset=offset, as_of=as_of,
                               include_predecessors=include_predecessors)
    for it in items:  # the model's default: the province's own partnerships come from no predecessor
        it.setdefault("inherited_from", None)
    return _served(paginated(items, total, limit, offset, request))


@router.get("/partners", response_model=S.Page[S.PartnerSummary], tags=["partners"],
            summary="Foreign localities, countries and organisations that partner with provinces")
async def list_partners(request: Request, store: StoreDep, country: ISO2 | None = None,
                        kind: PartnerKind | None = None, q: Annotated[str | None, Query(max_length=200, pattern=P.TEXT)] = None,
                        limit: Limit = 50, offset: Offset = 0) -> Any:
    items, total = await _call(V.partners, store, country=country, kind=kind, q=q, limit=limit, offset=offset)
    return _served(paginated(items, total, limit, offset, request))


@router.get("/partners/{id}", response_model=S.PartnerDetail, tags=["partners"], responses=NOT_FOUND,
            summary="Which provinces partner with this partner, and since when")
async def get_partner(id: Annotated[str, Path(max_length=200, pattern=P.NAME, examples=["CN-GX"])], store: StoreDep) -> Any:
    return _served(await _call(V.partner, store, id))


@router.get("/countries/{iso2}", response_model=S.CountryDetail, tags=["partners"], responses=NOT_FOUND,
            summary="All partnerships of provinces with a country and its places and organisations")
async def get_country(iso2: Annotated[str, Path(pattern=r"^[A-Za-z]{2}$", examples=["LA"])], store: StoreDep) -> Any:
    return _served(await _call(V.country, store, iso2))


@router.get("/agreements", response_model=S.Page[S.Agreement], tags=["facts"], summary="Agreements, filtered")
async def list_agreements(request: Request, store: StoreDep,
                          province: Annotated[str | None, Query(max_length=200, pattern=P.TEXT)] = None,
                          partner: Annotated[str | None, Query(max_length=200, pattern=P.TEXT)] = None,
                          country: ISO2 | None = None, kind: Annotated[str | None, Query(max_length=50, pattern=P.TEXT)] = None,
                          field: Annotated[str | None, Query(max_length=50, pattern=P.TEXT)] = None,
                          level: Literal["provincial", "department"] | None = None,
                          date_from: Annotated[IsoDate | None, Query(alias="from")] = None,
                          date_to: Annotated[IsoDate | None, Query(alias="to")] = None,
                          limit: Limit = 50, offset: Offset = 0) -> Any:
    items, total = await _call(V.agreements, store, province=_filter(province), partner=_filter(partner),
                               country=country, kind=kind,
                               field=field, level=level, date_from=date_from, date_to=date_to, limit=limit,
                               offset=offset)
    return _served(paginated(items, total, limit, offset, request))


@router.get("/agreements/{id}", response_model=S.Agreement, tags=["facts"], responses=NOT_FOUND)
async def get_agreement(id: Annotated[str, Path(max_length=100, pattern=P.NAME)], store: StoreDep) -> Any:
    return _served(await _call(V.agreement, store, id))


@router.get("/events", response_model=S.Page[S.Event], tags=["facts"], summary="Events, filtered")
async def list_events(request: Request, store: StoreDep,
                      province: Annotated[str | None, Query(max_length=200, pattern=P.TEXT)] = None,
                      kind: Annotated[str | None, Query(max_length=50, pattern=P.TEXT)] = None,
                      date_from: Annotated[IsoDate | None, Query(alias="from")] = None,
                      date_to: Annotated[IsoDate | None, Query(alias="to")] = None,
                      participant: Annotated[str | None, Query(max_length=200, pattern=P.TEXT)] = None,
                      limit: Limit = 50, offset: Offset = 0) -> Any:
    items, total = await _call(V.events, store, province=_filter(province), kind=kind, date_from=date_from, date_to=date_to,
                               participant=_filter(participant), limit=limit, offset=offset)
    return _served(paginated(items, total, limit, offset, request))


@router.get("/events/{id}", response_model=S.Event, tags=["facts"], responses=NOT_FOUND)
async def get_event(id: Annotated[str, Path(max_length=100, pattern=P.NAME)], store: StoreDep) -> Any:
    return _served(await _call(V.event, store, id))


@router.get("/observations", response_model=S.Page[S.Observation], tags=["facts"],
            summary="Reported figures (FDI, ODA, NGO aid, delegations…)")
async def list_observations(request: Request, store: StoreDep,
                            province: Annotated[str | None, Query(max_length=200, pattern=P.TEXT)] = None,
                            indicator: Annotated[str | None, Query(max_length=100, pattern=P.TEXT,
                                                                   examples=["fdi_registered_usd"])] = None,
                            period: Annotated[str | None, Query(pattern=P.PARTIAL_DATE)] = None,
                            limit: Limit = 50, offset: Offset = 0) -> Any:
    items, total = await _call(V.observations, store, province=_filter(province), indicator=indicator, period=period,
                               limit=limit, offset=offset)
    return _served(paginated(items, total, limit, offset, request))


@router.get("/documents/{id}", response_model=S.Document, tags=["facts"], responses=NOT_FOUND,
            summary="A source article with every fact read from it and the evidence offsets")
async def get_document(id: Annotated[str, Path(max_length=200, pattern=P.NAME)], store: StoreDep) -> Any:
    return _served(await _call(V.document, store, id))


@router.get("/search", response_model=S.SearchResult, tags=["search"],
            summary="Accent- and case-insensitive search over names and aliases, ranked, with type facets")
async def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200, pattern=P.TEXT, examples=["quang tri"])],
                 type: Annotated[list[Annotated[str, Field(pattern=P.TEXT)]] | None, Query(max_length=10)] = None,
                 limit: Annotated[int, Query(ge=1, le=100)] = 20,
                 as_of: Annotated[str | None, Query(pattern=P.DAY, description="A name shared by units before and "
                                                    "after the 2025 reform ranks the unit valid on this day first; "
                                                    "default today", examples=["2024-06-01"])] = None,
                 include_predecessors: WithPredecessors = True) -> Any:
    # validated by FastAPI: a hit's province-only fields are filled in by the model (at most 100 hits)
    # an empty type= is no filter, as the schema allows it
    return await _call(V.search, store, q, types=[t for t in type or () if t] or None, limit=limit, as_of=as_of,
                       include_predecessors=include_predecessors)


@router.get("/graph/neighborhood/{id}", response_model=S.GraphView, tags=["graph"], responses=NOT_FOUND,
            summary="Nodes and edges around an entity, for a graph view")
async def neighborhood(id: Annotated[str, Path(max_length=200, pattern=P.NAME)], store: StoreDep,
                       depth: Annotated[int, Query(ge=1, le=3)] = 1,
                       limit: Annotated[int, Query(ge=1, le=500)] = 100) -> Any:
    return _served(await _call(V.neighborhood, store, id, depth, limit))


@router.get("/graph/paths", response_model=S.PathsView, tags=["graph"], responses=NOT_FOUND,
            summary="How two provinces, or a province and a partner, connect")
async def paths(store: StoreDep, src: Annotated[str, Query(alias="from", max_length=200, pattern=P.NAME, examples=["VN-09"])],
                dst: Annotated[str, Query(alias="to", max_length=200, pattern=P.NAME, examples=["VN-25"])],
                max_depth: Annotated[int, Query(ge=1, le=6)] = 4) -> Any:
    return _served(await _call(V.paths, store, src, dst, max_depth))


@router.get("/stats", response_model=S.Stats, tags=["graph"],
            summary="Counts by type, partnerships by country, agreements by year and kind")
async def stats(store: StoreDep) -> Any:
    return _served(await _call(V.stats, store))
