"""A first load: many Batches into a graph that holds at most the reference data, faster than the
incremental path (Loader.load_batch, `UNWIND … MERGE`).

* Rows known to be new are CREATEd: no MERGE look-up per row. A row is known new when its id (a
  node) or its (source, type, target) (a relationship) was neither in the graph when the load began
  nor written earlier in the load; the rest are updated in place (`MATCH … SET +=`), or skipped when
  they are create-only nodes (entities first seen in text never overwrite).
* On the embedded store only the unique Entity.id index is kept during the load (every relationship
  row looks its two ends up on it); the ontology's other indexes are built once at the end.
* Statements for the next Batch are built while the engine runs the current ones (one writer thread,
  one Batch ahead).

The same ontology checks apply: rows come from Batch.node()/rel().

On the embedded store a first load goes through the engine's own bulk facility instead
(graph.falkor_bulk.FalkorBulk); `first_load(store)` picks the path for the store's engine, and
`load_articles` is the first load of extracted articles (`provkg ingest --first-load`).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable
from types import TracebackType
from typing import Any

from core.errors import InputError
from graph.loader import REFRESH_PARTNERSHIPS, Batch, _chunks, article_batch
from graph.schema import ENTITY, GraphSchema, load_schema
from graph.store import GraphStore, Statement


class FirstLoad:
    def __init__(self, store: GraphStore, schema: GraphSchema | None = None, batch_size: int = 5_000) -> None:
        self.store = store
        self.schema = schema or load_schema()
        self.batch_size = batch_size
        self._nodes: set[str] = set()
        self._rels: set[int] = set()  # hashes of (src, type, dst): 8 bytes a row, not three strings
        self._queue: queue.Queue[list[Statement] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._writer: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------------
    def __enter__(self) -> FirstLoad:
        if self.store.kind == "embedded":
            self.store.ensure_schema(ids_only=True)  # type: ignore[call-arg]
        else:
            self.store.ensure_schema()
        self._seed()
        self._writer = threading.Thread(target=self._write_loop, name="provkg-first-load", daemon=True)
        self._writer.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._queue.put(None)
        if self._writer is not None:
            self._writer.join()
        self.store.ensure_schema()  # every index the ontology declares, built once over the loaded graph
        if self._error is not None and exc is None:
            raise self._error

    def _seed(self) -> None:
        """What the graph already holds (the reference data, usually): never CREATEd twice."""
        nodes = self.store.read("MATCH (n:Entity) RETURN n.id", max_rows=10_000_000).rows
        self._nodes.update(r[0] for r in nodes)
        rels = self.store.read("MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id, type(r), b.id", max_rows=10_000_000)
        self._rels.update(hash((a, t, b)) for a, t, b in rels.rows)

    def _write_loop(self) -> None:
        while (stmts := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain: the caller sees the error at the next add() or at exit
            try:
                for stmt in stmts:
                    self.store.write([stmt])
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                self._error = exc

    # -- loading --------------------------------------------------------------------------------
    def add(self, batch: Batch) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(self.statements(batch))

    def load(self, batches: Iterable[Batch]) -> None:
        for b in batches:
            self.add(b)

    def statements(self, batch: Batch) -> list[Statement]:
        """The batch as CREATE statements for new rows and SET statements for the others; the
        rows are then remembered as written."""
        out: list[Statement] = []
        for (label, create_only), rows in sorted(batch.nodes.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            new = [{"id": k, "props": v} for k, v in rows.items() if k not in self._nodes]
            old = [] if create_only else [{"id": k, "props": v} for k, v in rows.items() if k in self._nodes]
            self._nodes.update(rows)
            day = ", n.day = date(row.props.day)" if "day" in self.schema.node_keys(label) else ""
            labels = ":".join(self.schema.labels_of(label))
            out += self._chunked(f"UNWIND $rows AS row CREATE (n:{labels} {{id: row.id}}) SET n += row.props{day}",
                                 new)
            out += self._chunked(f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) SET n += row.props{day}",
                                 old)
        for rel_type, pairs in sorted(batch.rels.items()):
            new, old = [], []
            for (s, d), p in pairs.items():
                key = hash((s, rel_type, d))
                if key in self._rels:
                    if p:
                        old.append({"src": s, "dst": d, "props": p})
                else:
                    self._rels.add(key)
                    new.append({"src": s, "dst": d, "props": p})
            ends = f"UNWIND $rows AS row MATCH (a:{ENTITY} {{id: row.src}}) MATCH (b:{ENTITY} {{id: row.dst}}) "
            out += self._chunked(ends + f"CREATE (a)-[r:{rel_type}]->(b) SET r += row.props", new)
            out += self._chunked(ends + f"MATCH (a)-[r:{rel_type}]->(b) SET r += row.props", old)
        return out

    def _chunked(self, query: str, rows: list[dict[str, Any]]) -> list[Statement]:
        return [(query, {"rows": chunk}) for chunk in _chunks(rows, self.batch_size)]


def first_load(store: GraphStore, schema: GraphSchema | None = None) -> Any:
    """The fastest first-load writer the store's engine has: GRAPH.BULK on the embedded store,
    CREATE statements for new rows on Neo4j (its bulk importer, neo4j-admin import, is offline)."""
    if store.kind == "embedded":
        from graph.falkor_bulk import FalkorBulk

        return FalkorBulk(store, schema)
    return FirstLoad(store, schema)


def load_articles(store: GraphStore, articles: Iterable[Any], schema: GraphSchema | None = None,
                  per_batch: int = 200) -> list[str]:
    """Extracted articles (ArticleFacts) into a graph that holds at most the reference data, in
    Batches of `per_batch` articles; then the partnership aggregates the incremental loader
    refreshes after every article, once over all of them. Returns the document ids loaded."""
    schema = schema or load_schema()
    other = store.read("MATCH (n) WHERE NOT coalesce(n.curated, false) RETURN count(n)").scalar()
    if other:  # FalkorBulk refuses too; FirstLoad's CREATEs would duplicate what is there
        raise InputError(f"the graph already holds {other} nodes besides the reference data: a first load "
                         "is for an empty store (ingest without --first-load)")
    docs: list[str] = []
    partnerships: set[str] = set()
    with first_load(store, schema) as fl:
        batch: Batch | None = None
        n = 0
        for facts in articles:
            one, pids = article_batch(facts, schema)
            partnerships.update(pids)
            docs.append(facts.document.id)
            if batch is None:
                batch = one
            else:
                _merge(batch, one)
            n += 1
            if n == per_batch:
                fl.add(batch)
                batch, n = None, 0
        if batch is not None:
            fl.add(batch)
    ids = sorted(partnerships)
    for chunk in range(0, len(ids), 1_000):
        store.write([(REFRESH_PARTNERSHIPS, {"ids": ids[chunk:chunk + 1_000]})])
    return docs


def _merge(into: Batch, other: Batch) -> None:
    """Rows of `other` after those of `into`, with the update semantics of loading them in turn."""
    for key, rows in other.nodes.items():
        bucket = into.nodes[key]
        create_only = key[1]
        for node_id, props in rows.items():
            if create_only:  # MERGE … ON CREATE: the first article's row stays
                bucket.setdefault(node_id, props)
            else:
                bucket.setdefault(node_id, {}).update(props)
    for rel_type, pairs in other.rels.items():
        rbucket = into.rels[rel_type]
        for pair, props in pairs.items():
            rbucket.setdefault(pair, {}).update(props)
