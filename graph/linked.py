"""Linked data: what `GET /id/{segment}/{key}` returns for one entity IRI, and in which format.

A description holds the entity's own triples (the same ones the export writes), the relationships
in both directions, and the type and name of every node at their other end, so a client can show
the page without dereferencing each neighbour. Relationship keys travel in the JSON form only; in
RDF they are on the qualified node (a pk:Partnership, reached through pk:hasPartnership), as in
the export.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from core.errors import NotFound, QueryRefused
from core.settings import Settings
from graph.rdf import RdfMapping, Triple, mapping, nt_term, prefixes, to_rdflib
from graph.schema import ENTITY
from graph.store import GraphStore

MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
# media type -> format, in order of preference when a wildcard leaves the choice to us
_ACCEPTED: list[tuple[str, str]] = [
    ("application/json", "json"),
    ("text/turtle", "turtle"),
    ("application/x-turtle", "turtle"),
    ("application/ld+json", "jsonld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdfxml"),
]
_ALIASES = {"json": "json", "turtle": "turtle", "ttl": "turtle", "jsonld": "jsonld", "json-ld": "jsonld",
            "nt": "nt", "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdfxml", "rdf": "rdfxml", "xml": "rdfxml"}
_SUPPORTED = ", ".join(MEDIA_TYPES.values())


def negotiate(accept_header: str | None, format_param: str | None) -> str:
    """The format key for a request: ?format= wins, else the Accept header (q-values, wildcards).

    No header, or only wildcards, gives "json". Raises QueryRefused (HTTP 406) when nothing
    acceptable is supported.
    """
    if format_param:
        fmt = _ALIASES.get(format_param.strip().lower())
        if fmt is None:
            raise QueryRefused(f"format {format_param!r} is not supported; use one of "
                               f"{', '.join(sorted(set(_ALIASES)))}")
        return fmt
    if not accept_header or not accept_header.strip():
        return "json"
    ranges = list(parse_accept(accept_header))
    best: tuple[tuple[float, int, int, int], str] | None = None
    for pref, (media, fmt) in enumerate(_ACCEPTED):
        match = _match(media, ranges)
        if match is None or match[0] <= 0:
            continue
        q, specificity, position = match
        candidate = ((q, specificity, -position, -pref), fmt)
        if best is None or candidate[0] > best[0]:
            best = candidate
    if best is None:
        raise QueryRefused(f"none of the accepted media types ({accept_header}) is available; "
                           f"supported: {_SUPPORTED}")
    return best[1]


def parse_accept(header: str) -> Iterator[tuple[str, str, float, int]]:
    """(type, subtype, q, position) of each media range of an Accept header."""
    for position, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        media = bits[0].lower()
        if "/" not in media:
            continue
        main, sub = media.split("/", 1)
        q = 1.0
        for param in bits[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0  # a garbled weight counts as "not acceptable", never as a preference
        yield main.strip(), sub.strip(), q, position


def _match(media: str, ranges: list[tuple[str, str, float, int]]) -> tuple[float, int, int] | None:
    """(q, specificity, position) of the most specific range that covers `media` (RFC 9110 12.5.1)."""
    main, sub = media.split("/")
    found: tuple[float, int, int] | None = None
    for r_main, r_sub, q, position in ranges:
        if (r_main, r_sub) == (main, sub):
            specificity = 3
        elif r_main == main and r_sub == "*":
            specificity = 2
        elif (r_main, r_sub) == ("*", "*"):
            specificity = 1
        else:
            continue
        if found is None or specificity > found[1]:
            found = (q, specificity, position)
    return found


# -- describe ------------------------------------------------------------------------------------

def _neighbours(store: GraphStore, label: str, key: str, direction: str, cap: int) -> tuple[list[list[Any]], bool]:
    pattern = "-[r]->(b:Entity)" if direction == "out" else "<-[r]-(b:Entity)"
    # anchored on the Entity.id index (one index serves every label), then the label checked
    res = store.read(f"MATCH (n:Entity {{id: $id}}) WHERE n:{label} WITH n MATCH (n){pattern} "
                     "RETURN type(r), properties(r), b.id, labels(b), "
                     "{name: b.name, title: b.title, text: b.text} ORDER BY type(r), b.id",
                     {"id": key}, max_rows=cap)
    return res.rows, res.truncated


def _lookup(store: GraphStore, m: RdfMapping, segment: str, key: str) -> tuple[str, dict[str, Any]]:
    label = m.label_of_segment.get(segment)
    if label is None:
        raise NotFound(f"no entity type {segment!r}; types: {', '.join(sorted(m.label_of_segment))}")
    m.schema.label(label)  # the label goes into the query text: only a declared one may
    node = store.read(f"MATCH (n:Entity {{id: $id}}) WHERE n:{label} RETURN n", {"id": key}).scalar()
    if not node:
        raise NotFound(f"no {segment} with id {key!r}")
    return label, node


def _triples(m: RdfMapping, s: str, node: dict[str, Any], out: list[list[Any]], inc: list[list[Any]]
             ) -> Iterator[Triple]:
    own = list(m.node_triples(s, node["labels"], node["properties"]))
    yield from own
    linked = {o for _, _, o in own if isinstance(o, str)}
    yield from (t for t in m.concept_triples if t[0] in linked)
    for direction, rows in (("out", out), ("in", inc)):
        for rel_type, _props, b_id, b_labels, b_names in rows:
            b = m.node_iri(b_labels, b_id)
            yield (s, m.rel_iri[rel_type], b) if direction == "out" else (b, m.rel_iri[rel_type], s)
            for lab in sorted(b_labels):
                if lab != ENTITY and lab in m.class_iri:
                    yield b, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", m.class_iri[lab]
            for k, v in sorted(b_names.items()):  # what a reader would call it: name, title or text
                if v is not None:
                    yield b, m.keys[k].iri, m.literal(m.keys[k], v)


def _ref(m: RdfMapping, b_id: str, b_labels: list[str], names: dict[str, Any]) -> dict[str, Any]:
    label = next((names[k] for k in ("name", "title", "text") if names.get(k) is not None), None)
    return {"id": b_id, "iri": m.node_iri(b_labels, b_id),
            "labels": sorted(x for x in b_labels if x != ENTITY), "name": label}


def describe(store: GraphStore, settings: Settings, segment: str, key: str, fmt: str) -> tuple[bytes, str]:
    """The description of `{base}{segment}/{key}` in fmt (see negotiate) and its media type."""
    if fmt not in MEDIA_TYPES:
        raise QueryRefused(f"format {fmt!r} is not supported; supported: {', '.join(MEDIA_TYPES)}")
    m = mapping(settings)
    label, node = _lookup(store, m, segment, key)
    s = m.node_iri(node["labels"], key)
    out, out_cut = _neighbours(store, label, key, "out", settings.max_rows)
    inc, in_cut = _neighbours(store, label, key, "in", settings.max_rows)
    if fmt == "json":
        body = {
            "id": key, "iri": s, "type": label,
            "labels": sorted(x for x in node["labels"] if x != ENTITY),
            "properties": node["properties"],
            "outgoing": [{"type": t, "predicate": m.rel_iri[t], "properties": p, "target": _ref(m, b, bl, bn)}
                         for t, p, b, bl, bn in out],
            "incoming": [{"type": t, "predicate": m.rel_iri[t], "properties": p, "source": _ref(m, b, bl, bn)}
                         for t, p, b, bl, bn in inc],
            "truncated": out_cut or in_cut,
        }
        return json.dumps(body, ensure_ascii=False, default=str).encode("utf-8"), MEDIA_TYPES[fmt]
    triples = _triples(m, s, node, out, inc)
    if fmt == "nt":
        lines = {f"{nt_term(a)} <{b}> {nt_term(c)} .\n" for a, b, c in triples}  # a neighbour can recur
        return "".join(sorted(lines)).encode("utf-8"), MEDIA_TYPES[fmt]
    g = to_rdflib(triples, settings)
    if fmt == "turtle":
        return g.serialize(format="turtle", encoding="utf-8"), MEDIA_TYPES[fmt]
    if fmt == "rdfxml":
        return g.serialize(format="xml", encoding="utf-8"), MEDIA_TYPES[fmt]
    return g.serialize(format="json-ld", context=prefixes(settings), encoding="utf-8"), MEDIA_TYPES[fmt]
