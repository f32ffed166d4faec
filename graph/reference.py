"""The curated reference tables as graph nodes: provinces (with validity and MERGED_INTO), countries,
foreign subdivisions and cities (LOCATED_IN), organisations. Loaded idempotently before an ingest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from core.models import Entity
from graph.loader import Batch, Loader, entity_props
from graph.schema import load_schema


class ReferenceEntry(Protocol):
    """One curated row as the gazetteer keeps it; graph/ reads it without importing ingest/."""

    entity: Entity
    names: list[str]
    valid_from: str | None
    valid_to: str | None
    wikidata: str | None
    extra: dict[str, str]


class ReferenceSource(Protocol):
    @property
    def entries(self) -> Mapping[str, ReferenceEntry]: ...


def reference_batch(gaz: ReferenceSource) -> Batch:
    b = Batch(load_schema())
    for entry in gaz.entries.values():
        e = entry.entity
        props = entity_props(e, entry.names)
        props["wikidata"] = entry.wikidata
        if e.type == "VietnameseProvince":
            props.update(valid_from=entry.valid_from, valid_to=entry.valid_to,
                         current=entry.valid_to is None, gso_code=entry.extra.get("gso_code") or None,
                         gso_code_2025=entry.extra.get("gso_code_2025") or None,
                         region=entry.extra.get("region") or None)
        if entry.extra.get("lat"):
            props.update(lat=float(entry.extra["lat"]), lon=float(entry.extra["lon"]))
        if e.type == "Country":
            props["iso3166_1_alpha3"] = entry.extra.get("iso3") or None
        b.node(e.type, e.id, props)
    for entry in gaz.entries.values():
        e = entry.entity
        if e.successor and e.successor in gaz.entries:
            b.rel("MERGED_INTO", e.id, e.successor)
        if e.parent and e.parent in gaz.entries and e.parent != e.id:
            b.rel("LOCATED_IN", e.id, e.parent)
    return b


def load_reference(loader: Loader, gaz: ReferenceSource) -> int:
    batch = reference_batch(gaz)
    loader.load_batch(batch)
    return sum(len(v) for v in batch.nodes.values())
