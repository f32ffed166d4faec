"""The property-graph schema, derived from ontology.ttl and nothing else.

Labels, relationship types and property keys are the only identifiers that cannot be Cypher
parameters, so everything that builds a query string asks this module first; a name the ontology
does not declare raises SchemaViolation before any query is sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from core.errors import SchemaViolation
from graph.vocab import PK

ENTITY = "Entity"


@dataclass
class Key:
    name: str
    iri: str
    datatype: str
    on_labels: list[str]
    on_types: list[str]
    indexed: bool = False
    fulltext: bool = False
    required: bool = False
    multi: bool = False


@dataclass
class RelType:
    name: str
    iri: str
    domain: list[str]
    range: list[str]


@dataclass
class GraphSchema:
    labels: dict[str, str] = field(default_factory=dict)        # label -> class IRI
    segments: dict[str, str] = field(default_factory=dict)      # label -> IRI path segment
    parents: dict[str, list[str]] = field(default_factory=dict)  # class local name -> superclasses (local)
    rel_types: dict[str, RelType] = field(default_factory=dict)
    keys: dict[str, Key] = field(default_factory=dict)

    # -- checks used by the loader and every query builder -------------------------------------
    def label(self, name: str) -> str:
        if name not in self.labels:
            raise SchemaViolation(f"label {name!r} is not declared in ontology.ttl")
        return name

    def rel_type(self, name: str) -> str:
        if name not in self.rel_types:
            raise SchemaViolation(f"relationship type {name!r} is not declared in ontology.ttl")
        return name

    def check_node_keys(self, label: str, keys: set[str]) -> None:
        allowed = self.node_keys(label)
        extra = keys - allowed
        if extra:
            raise SchemaViolation(f"keys {sorted(extra)} are not declared for label {label!r}")

    def check_rel_keys(self, rel: str, keys: set[str]) -> None:
        allowed = {k.name for k in self.keys.values() if rel in k.on_types}
        extra = keys - allowed
        if extra:
            raise SchemaViolation(f"keys {sorted(extra)} are not declared for relationship {rel!r}")

    def node_keys(self, label: str) -> set[str]:
        cls = self.label(label)
        lineage = self._lineage(cls)
        return {k.name for k in self.keys.values() if lineage & set(k.on_labels)}

    def _lineage(self, cls: str) -> set[str]:
        seen, todo = set(), [cls]
        while todo:
            c = todo.pop()
            if c not in seen:
                seen.add(c)
                todo.extend(self.parents.get(c, []))
        return seen

    def labels_of(self, cls: str) -> list[str]:
        """Every node label a node of this class carries (its own and the declared ancestors')."""
        return sorted((self._lineage(cls) & set(self.labels)), key=lambda x: (x != ENTITY, x))

    def indexes(self) -> list[tuple[str, str]]:
        """Range indexes: on the domain's own label, else on the labels under the domain."""
        out = set()
        for key in self.keys.values():
            if not key.indexed:
                continue
            for cls in key.on_labels:
                if cls in self.labels:
                    out.add((cls, key.name))
                    continue
                for label in self.labels:
                    if cls in self._lineage(label):
                        out.add((label, key.name))
        return sorted(out)

    def fulltext(self) -> list[tuple[str, str]]:
        """Full-text indexes (label, key)."""
        return sorted((cls, key.name) for key in self.keys.values() if key.fulltext for cls in key.on_labels
                      if cls in self.labels)

    def unique_keys(self) -> list[tuple[str, str]]:
        return [(ENTITY, "id")]

    def to_json(self) -> dict:
        return {
            "labels": dict(sorted(self.labels.items())),
            "iri_segments": dict(sorted(self.segments.items())),
            "relationship_types": {k: {"iri": v.iri, "domain": v.domain, "range": v.range}
                                   for k, v in sorted(self.rel_types.items())},
            "node_keys": {lab: sorted(self.node_keys(lab)) for lab in sorted(self.labels)},
            "relationship_keys": {t: sorted(k.name for k in self.keys.values() if t in k.on_types)
                                  for t in sorted(self.rel_types)},
            "unique": [list(x) for x in self.unique_keys()],
            "indexes": [list(x) for x in self.indexes()],
            "fulltext": [list(x) for x in self.fulltext()],
        }


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _truthy(g: Graph, s: object, p: URIRef) -> bool:
    v = g.value(s, p)  # type: ignore[call-overload]
    return isinstance(v, Literal) and bool(v.toPython())


def derive(g: Graph) -> GraphSchema:
    schema = GraphSchema()
    for cls in g.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(str(PK)):
            continue
        name = _local(cls)
        schema.parents[name] = [_local(p) for p in g.objects(cls, RDFS.subClassOf) if str(p).startswith(str(PK))]
        label = g.value(cls, PK.graphLabel)
        if label is not None:
            if str(label) != name:
                raise SchemaViolation(f"class {name} must carry its own local name as graphLabel")
            schema.labels[name] = str(cls)
            seg = g.value(cls, PK.iriSegment)
            if seg is not None:
                schema.segments[name] = str(seg)
    type_of_prop: dict[str, str] = {}
    for prop in g.subjects(RDF.type, OWL.ObjectProperty):
        rt = g.value(prop, PK.graphType)
        if rt is None:
            continue
        type_of_prop[str(prop)] = str(rt)
        schema.rel_types[str(rt)] = RelType(
            name=str(rt), iri=str(prop),
            domain=sorted(_local(d) for d in g.objects(prop, RDFS.domain)),
            range=sorted(_local(r) for r in g.objects(prop, RDFS.range)))
    for prop in g.subjects(RDF.type, OWL.DatatypeProperty):
        key = g.value(prop, PK.graphKey)
        if key is None:
            continue
        name = str(key)
        on_types = [type_of_prop[str(r)] for r in g.objects(prop, PK.onRelationship)]
        domain = sorted(_local(d) for d in g.objects(prop, RDFS.domain))
        rng = g.value(prop, RDFS.range)
        if name in schema.keys:
            raise SchemaViolation(f"graph key {name!r} is declared twice in the ontology")
        schema.keys[name] = Key(name=name, iri=str(prop), datatype=str(rng) if rng else "",
                                on_labels=domain, on_types=on_types,
                                indexed=_truthy(g, prop, PK.indexed), required=_truthy(g, prop, PK.required),
                                fulltext=_truthy(g, prop, PK.fullText),
                                multi=_truthy(g, prop, PK.multiValued))
    return schema


@lru_cache(maxsize=4)
def load_schema(path: Path | None = None) -> GraphSchema:
    from core.settings import PROJECT_ROOT

    p = Path(path) if path else PROJECT_ROOT / "ontology.ttl"
    return derive(Graph().parse(p, format="turtle"))


def schema_json(path: Path | None = None) -> str:
    return json.dumps(load_schema(path).to_json(), ensure_ascii=False, indent=2) + "\n"
