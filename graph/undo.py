"""Undo for an engine without rollback: what a write may touch, read before it, put back if it fails.

FalkorDB runs every statement of a MULTI/EXEC even after one fails and keeps what the others did,
so a new version of an article that failed part-way had already deleted the old one. The store
calls `Undo.prepare(read)` under the write's exclusive lock, before anything is sent: it reads
every node and relationship the write may create, change or delete, and returns the statements
that make exactly those as they were (nodes and relationships the write created go, the ones it
deleted or changed come back with their properties). Neo4j rolls back and never calls it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from core.errors import SchemaViolation
from graph.schema import ENTITY, GraphSchema
from graph.store import Statement

Reader = Callable[[str, dict[str, Any]], list[list[Any]]]
RelKey = tuple[str, str, str]  # type, start node id, end node id

NODES = f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) RETURN n.id, labels(n), properties(n)"
RELS_OF = (f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}})-[r]-() "
           "RETURN type(r), startNode(r).id, endNode(r).id, properties(r)")
RELS_BETWEEN = (f"UNWIND $keys AS k MATCH (a:{ENTITY} {{id: k.src}})-[r]->(b:{ENTITY} {{id: k.dst}}) "
                "WHERE type(r) = k.type RETURN type(r), startNode(r).id, endNode(r).id, properties(r)")
DELETE_NODES = f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) DETACH DELETE n"


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _split_dates(props: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Date values travel as ISO text and are written back with date() (a plain string would
    compare and index differently)."""
    plain, dates = {}, {}
    for k, v in props.items():
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            dates[k] = v.isoformat()
        else:
            plain[k] = v
    return plain, dates


@dataclass
class Undo:
    """What one write may touch.

    node_ids: nodes it merges or may delete; rel_keys: relationships it merges; detached: nodes it
    may delete with all their relationships. `extra` reads more of these under the same lock (the
    loader's stored version of an article); `derive` names the relationships other statements of the
    write merge or delete because of these (the loader's PARTNERS_WITH summaries)."""

    schema: GraphSchema
    node_ids: set[str] = field(default_factory=set)
    rel_keys: set[RelKey] = field(default_factory=set)
    detached: set[str] = field(default_factory=set)
    extra: Callable[[Reader, Undo], None] | None = None
    derive: Callable[[set[RelKey]], set[RelKey]] | None = None
    batch_size: int = 1000

    def prepare(self, read: Reader) -> list[Statement]:
        if self.extra is not None:
            self.extra(read, self)
        rels: dict[RelKey, dict[str, Any]] = {}
        for chunk in _chunks(sorted(self.detached), self.batch_size):
            rels.update({(r[0], r[1], r[2]): r[3] for r in read(RELS_OF, {"ids": chunk})})
        # the nodes at the other end of a deleted relationship may go too (entities only it named)
        ids = sorted(self.node_ids | self.detached | {i for _, s, d in rels for i in (s, d)})
        nodes = {r[0]: (r[1], r[2]) for chunk in _chunks(ids, self.batch_size)
                 for r in read(NODES, {"ids": chunk})}
        if self.derive is not None:
            self.rel_keys |= self.derive(self.rel_keys | rels.keys())
        keys = [{"type": t, "src": s, "dst": d} for t, s, d in sorted(self.rel_keys - rels.keys())]
        for chunk in _chunks(keys, self.batch_size):
            rels.update({(r[0], r[1], r[2]): r[3] for r in read(RELS_BETWEEN, {"keys": chunk})})
        return self._restore(ids, nodes, rels)

    def _restore(self, ids: list[str], nodes: dict[str, tuple[list[str], dict[str, Any]]],
                 rels: dict[RelKey, dict[str, Any]]) -> list[Statement]:
        out: list[Statement] = []
        created = [i for i in ids if i not in nodes]
        out.extend((DELETE_NODES, {"ids": chunk}) for chunk in _chunks(created, self.batch_size))
        new_rels: dict[str, list[dict[str, str]]] = defaultdict(list)
        for t, s, d in sorted(self.rel_keys - rels.keys()):
            new_rels[t].append({"src": s, "dst": d})
        for t, rows in sorted(new_rels.items()):
            q = (f"UNWIND $rows AS row MATCH (a:{ENTITY} {{id: row.src}})-[r:{self.schema.rel_type(t)}]->"
                 f"(b:{ENTITY} {{id: row.dst}}) DELETE r")
            out.extend((q, {"rows": chunk}) for chunk in _chunks(rows, self.batch_size))
        out.extend(self._nodes_back(nodes))
        out.extend(self._rels_back(rels))
        return out

    def _nodes_back(self, nodes: dict[str, tuple[list[str], dict[str, Any]]]) -> Iterable[Statement]:
        groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
        for node_id, (labels, props) in sorted(nodes.items()):
            plain, dates = _split_dates(dict(props))
            groups[(tuple(sorted(labels)), tuple(sorted(dates)))].append({"id": node_id, "props": plain,
                                                                           "dates": dates})
        for (label_set, date_keys), rows in sorted(groups.items()):
            # labels and keys read from the graph are spliced only once the schema knows them
            label_text = ":".join(self.schema.label(lb) for lb in label_set)
            setter = "".join(f", n.{self._key(k)} = date(row.dates.{self._key(k)})" for k in date_keys)
            q = f"UNWIND $rows AS row MERGE (n:{label_text} {{id: row.id}}) SET n = row.props{setter}"
            yield from ((q, {"rows": chunk}) for chunk in _chunks(rows, self.batch_size))

    def _rels_back(self, rels: dict[RelKey, dict[str, Any]]) -> Iterable[Statement]:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for (t, s, d), props in sorted(rels.items()):
            groups[t].append({"src": s, "dst": d, "props": dict(props)})
        for t, rows in sorted(groups.items()):
            q = (f"UNWIND $rows AS row MATCH (a:{ENTITY} {{id: row.src}}) MATCH (b:{ENTITY} {{id: row.dst}}) "
                 f"MERGE (a)-[r:{self.schema.rel_type(t)}]->(b) SET r = row.props")
            yield from ((q, {"rows": chunk}) for chunk in _chunks(rows, self.batch_size))

    def _key(self, key: str) -> str:
        if not key.isidentifier() or key not in self.schema.keys:
            raise SchemaViolation(f"key {key!r} is not declared in ontology.ttl")
        return key
