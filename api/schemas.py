"""Response models: the contract the OpenAPI document shows frontends."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from api import params as P

T = TypeVar("T")


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(Model, Generic[T]):
    total: int = Field(description="How many items match, over all pages")
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, or null on the last")
    items: list[T]


class EntityRef(Model):
    id: str | None = Field(None, examples=["LA-SV"])
    name: str | None = Field(None, examples=["Savannakhet"])
    type: str | None = Field(None, examples=["ForeignLocality"])
    country: str | None = Field(None, examples=["LA"])
    iso3166_2: str | None = None


class Ref(Model):
    id: str | None = None
    name: str | None = None


class Citation(Model):
    """A stored Mention with its Document, as served; the pipeline's core.models.Evidence is what produced it."""

    text: str | None = Field(None, description="The sentence the fact was read from")
    start: int | None = Field(None, description="Offset of the evidence in the original article")
    end: int | None = None
    document: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None


class Counts(Model):
    partners: int = 0
    agreements: int = 0
    events: int = 0
    observations: int = 0
    documents: int = 0


class ProvinceSummary(Model):
    id: str = Field(examples=["VN-25"])
    name: str = Field(examples=["Quảng Trị"])
    name_en: str | None = None
    iso3166_2: str | None = None
    unit_type: str | None = None
    region: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    current: bool = Field(description="In force since the 2025 reform (one of the 34 units)")
    wikidata: str | None = None
    partners: int = Field(0, description="Partners of the unit and, unless include_predecessors=false, of the units "
                                         "merged into it (= total_counts.partners)")
    counts: Counts = Field(default_factory=lambda: Counts(), description="What the unit itself did")
    inherited_counts: Counts = Field(default_factory=lambda: Counts(),
                                     description="What the units merged into it in the 2025 reform did "
                                                 "(those in rolled_up_from); zero for other units")
    total_counts: Counts = Field(default_factory=lambda: Counts(),
                                 description="Both together, each partner, fact or article once (so it can be "
                                             "less than counts + inherited_counts when units share one)")
    rolled_up_from: list[Ref] = Field([], description="The predecessors whose facts inherited_counts holds")


class Inherited(Model):
    from_: Ref = Field(alias="from", serialization_alias="from")
    counts: dict[str, int | None] = {}


class ProvinceDetail(ProvinceSummary):
    aliases: list[str] | None = None
    gso_code: str | None = None
    gso_code_2025: str | None = None
    successors: list[Ref] = []
    predecessors: list[Ref] = []
    inherited: list[Inherited] = Field([], description="For a unit formed in the 2025 reform: per predecessor, "
                                                       "the counts of what it inherits")


class AgreementRef(Model):
    id: str
    kind: str | None = None
    date: str | None = None
    name: str | None = None


class EventRef(Model):
    id: str
    kind: str | None = None
    name: str | None = None
    date_start: str | None = None


class ProvincePartner(Model):
    partner: EntityRef
    partnership: str
    since: str | None = Field(None, description="The start an article states (kết nghĩa từ năm 1994)")
    first_reported: str | None = Field(None, description="The earliest date of an article that reports it")
    until: str | None = None
    evidence_count: int | None = None
    confidence: float | None = None
    agreements: list[AgreementRef] = []
    events: list[EventRef] = []
    evidence: list[Citation] = []
    inherited_from: Ref | None = Field(None, description="The predecessor unit (merged into this one in the 2025 "
                                                         "reform) whose partnership this is")


class PartnerSummary(Model):
    entity: EntityRef
    provinces: int
    since: str | None = Field(None, description="The start an article states (kết nghĩa từ năm 1994)")
    first_reported: str | None = Field(None, description="The earliest date of an article that reports it")


class PartnerProvince(Model):
    province: Ref
    since: str | None = Field(None, description="The start an article states (kết nghĩa từ năm 1994)")
    first_reported: str | None = Field(None, description="The earliest date of an article that reports it")
    evidence_count: int | None = None
    confidence: float | None = None


class PartnerDetail(Model):
    entity: EntityRef
    name_en: str | None = None
    aliases: list[str] | None = None
    wikidata: str | None = None
    org_kind: str | None = None
    unit_type: str | None = None
    located_in: list[Ref] = []
    provinces: list[PartnerProvince] = []


class CountryPartnership(Model):
    province: Ref
    partner: EntityRef
    since: str | None = Field(None, description="The start an article states (kết nghĩa từ năm 1994)")
    first_reported: str | None = Field(None, description="The earliest date of an article that reports it")
    evidence_count: int | None = None


class CountryDetail(EntityRef):
    name_en: str | None = None
    wikidata: str | None = None
    partnerships: list[CountryPartnership] = []


class Agreement(Model):
    id: str
    name: str | None = None
    kind: str = Field(examples=["MoU"])
    level: str | None = None
    date: str | None = Field(None, description="ISO 8601 at the precision the text gives")
    count: int | None = None
    fields: list[str] | None = None
    title: str | None = None
    confidence: float | None = None
    parties: list[EntityRef] = []
    evidence: list[Citation] = []


class Event(Model):
    id: str
    name: str
    kind: str
    date_start: str | None = None
    date_end: str | None = None
    place: str | None = None
    held_in: list[Ref] = []
    confidence: float | None = None
    participants: list[EntityRef] = []
    evidence: list[Citation] = []


class Observation(Model):
    id: str
    province: Ref
    indicator: str = Field(examples=["fdi_registered_usd"])
    value: float
    value_max: float | None = None
    unit: str = Field(examples=["USD"])
    unit_noun: str | None = None
    period: str | None = None
    qualifier: str | None = None
    confidence: float | None = None
    evidence: list[Citation] = []


class FactEvidence(Model):
    text: str | None = None
    start: int | None = None
    end: int | None = None
    rule: list[str] | str | None = None


class DocumentFact(Model):
    type: str
    id: str
    name: str | None = None
    evidence: FactEvidence


class Document(Model):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    content_hash: str | None = None
    ingested_at: str | None = None
    content: str | None = Field(None, description="The original text; fact offsets index into it")
    subject_provinces: list[Ref] = []
    facts: list[DocumentFact] = []


class SearchHit(EntityRef):
    score: int = Field(description="3 exact name, 2 prefix, 1 substring")
    # provinces only: the counts of a province row, and where the hit stands in the 2025 reform
    current: bool | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    successors: list[Ref] | None = Field(None, description="A dissolved unit: the unit it merged into")
    found_via: list[Ref] | None = Field(None, description="A unit found because a predecessor's name matched")
    partners: int | None = Field(None, description="= total_counts.partners")
    counts: Counts | None = None
    inherited_counts: Counts | None = None
    total_counts: Counts | None = None
    rolled_up_from: list[Ref] | None = None


class SearchResult(Model):
    query: str
    items: list[SearchHit]
    facets: dict[str, int] = Field(description="Hits by entity type")


class GraphNode(Model):
    id: str | None
    type: str
    name: str | None = None
    country: str | None = None


class GraphEdge(Model):
    source: str | None
    target: str | None
    type: str


class GraphView(Model):
    root: EntityRef
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class PathsView(GraphView):
    to: EntityRef
    paths: list[list[str | None]]


class Stats(Model):
    nodes: dict[str, int]
    relationships: dict[str, int]
    partnerships_by_country: list[dict[str, Any]]
    agreements_by_year: list[dict[str, Any]]
    agreements_by_kind: list[dict[str, Any]]


class CypherRequest(Model):
    query: str = Field(examples=["MATCH (p:VietnameseProvince {id: $id})-[:PARTNERS_WITH]->(x) RETURN x.name"])
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"id": "VN-25"}])


class Rows(Model):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="True when the row cap cut the result")
    warnings: list[str] = Field([], description="e.g. a LIMIT applied outside the engine to avoid its "
                                               "double-rows bug")


class QueryRows(Model):
    """A named query's answer: rows as objects keyed by column, as `provkg query --format json` prints."""
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="True when the row cap cut the result")


class IngestRequest(Model):
    # at least one character that is not white space (an empty article is refused anyway)
    text: str = Field(pattern=r"\S", description="Article text (plain), or HTML when format is html")
    format: str = Field("txt", pattern="^(txt|html)$")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://\S+$")
    title: str | None = Field(None, max_length=500, pattern=P.TEXT)
    published: str | None = Field(None, pattern=P.DAY, description="YYYY-MM-DD (a day that exists)")


class IngestResult(Model):
    document: str
    loaded: bool = Field(description="False when the same content was already stored")
    facts: dict[str, int]
    extracted: dict[str, Any]
