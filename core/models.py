"""Typed models passed between the ingest stages; the contract each stage reads and writes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

EntityType = Literal["VietnameseProvince", "ForeignLocality", "Country", "Organization", "Person"]


class RawArticle(BaseModel):
    """What a reader returns: the text exactly as found, plus what the container said about it."""

    source: str                       # file path, URL, or "path#line" for JSONL
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None      # ISO date if the container said so
    fmt: Literal["txt", "html", "jsonl", "url"] = "txt"
    body_start: int = 0               # chars of a metadata header before the article text


class CleanArticle(BaseModel):
    source: str
    original: str
    text: str
    offsets: list[int]                # offsets[i] = index in `original` of cleaned char i (len = len(text)+1)
    url: str | None = None
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    content_hash: str
    title_end: int = 0                # cleaned text before this offset is the headline from a header

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end]


class Sentence(BaseModel):
    start: int
    end: int
    text: str


class Entity(BaseModel):
    """A resolved entity: a gazetteer entry, or one first seen in text (curated=False)."""

    id: str
    type: EntityType
    name: str
    name_en: str | None = None
    country: str | None = None        # ISO 3166-1 alpha-2 of the entity (or of its home country)
    iso3166_2: str | None = None
    parent: str | None = None         # id of the unit it lies in (LOCATED_IN)
    org_kind: str | None = None
    unit_type: str | None = None
    valid_to: str | None = None
    successor: str | None = None      # post-2025 province id for a merged unit
    curated: bool = True


class Mention(BaseModel):
    """An entity recognised at a place in the cleaned text."""

    start: int
    end: int
    surface: str
    entity: Entity
    confidence: float = 1.0
    method: str = "gazetteer"


class Evidence(BaseModel):
    text: str                         # exact substring of the original article
    start: int                        # offsets into the original (uncleaned) text
    end: int
    rule: str
    confidence: float = Field(ge=0, le=1)


class PartnerFact(BaseModel):
    province: Entity
    partner: Entity
    since: str | None = None          # the stated start of the relation (ISO date or year), never the article date
    evidence: Evidence


class AgreementFact(BaseModel):
    province: Entity
    partner: Entity | None = None
    parties: list[str] = []           # as written
    party_entities: list[Entity] = []
    kind: str
    level: str | None = None
    fields: list[str] = []
    date: str | None = None
    count: int | None = None
    title: str | None = None
    status: Literal["signed", "planned"] = "signed"
    partner_surface: str | None = None    # the partner as the text writes it
    evidence: Evidence


class EventFact(BaseModel):
    province: Entity
    kind: str
    name: str
    date_start: str | None = None
    date_end: str | None = None
    place: str | None = None
    place_entity: Entity | None = None
    participants: list[str] = []
    participant_entities: list[Entity] = []
    evidence: Evidence


class ObservationFact(BaseModel):
    province: Entity
    indicator: str
    value: float
    value_max: float | None = None
    unit: str
    unit_noun: str | None = None
    period: str | None = None
    qualifier: str = "exact"
    evidence: Evidence


class PersonFact(BaseModel):
    name: str
    role: str | None = None
    organization: str | None = None
    organization_entity: Entity | None = None
    evidence: Evidence


class Rejected(BaseModel):
    section: str
    reason: str
    text: str


class DocumentInfo(BaseModel):
    id: str
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    content_hash: str
    text_length: int
    content: str | None = None
    subject_provinces: list[Entity] = []


class ArticleFacts(BaseModel):
    document: DocumentInfo
    partners: list[PartnerFact] = []
    agreements: list[AgreementFact] = []
    events: list[EventFact] = []
    observations: list[ObservationFact] = []
    people: list[PersonFact] = []
    rejected: list[Rejected] = []

    def count(self) -> int:
        return (len(self.partners) + len(self.agreements) + len(self.events) + len(self.observations)
                + len(self.people))
