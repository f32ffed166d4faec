"""Counts by label and relationship type, from the ontology's list (both engines, no procedures)."""

from __future__ import annotations

from graph.schema import load_schema
from graph.store import GraphStore


def graph_counts(store: GraphStore) -> dict[str, dict[str, int]]:
    schema = load_schema()
    nodes: dict[str, int] = {}
    for label in schema.labels:
        nodes[label] = int(store.read(f"MATCH (n:{schema.label(label)}) RETURN count(n)").scalar() or 0)
    rels: dict[str, int] = {}
    for rt in schema.rel_types:
        rels[rt] = int(store.read(f"MATCH ()-[r:{schema.rel_type(rt)}]->() RETURN count(r)").scalar() or 0)
    return {"nodes": nodes, "relationships": rels}

