"""A first load into the embedded store through FalkorDB's own bulk facility (`GRAPH.BULK`).

Cypher from Python caps a first load at a few thousand facts/s: every row is turned into a Cypher
literal, parsed and planned again, and merged through the indexes (BENCHMARKS.md, issue #16).
`GRAPH.BULK` takes binary buffers instead and builds the graph's matrices directly, so the writer
here goes from Batch rows straight to those buffers:

* one token per (label group, Batch) and per (relationship type, Batch): a header (the labels,
  `:`-joined, and the property names) and then one record per row. The property columns of a label
  are every key the ontology declares for it, in a fixed order, absent values sent as NULL (the
  engine stores nothing for a NULL), so a row's bytes depend only on its values;
* every value is checked against the key's ontology datatype while it is encoded (a wrong type is a
  SchemaViolation naming the row), on top of the label and key checks Batch.node()/rel() made;
* nodes get the engine's ids in the order they are sent (a new graph numbers its nodes 0, 1, 2, …
  and nothing is deleted during the load), so relationships are sent as pairs of those numbers;
* a row seen again in a later Batch is compared with what was sent by the hash of its bytes; only
  a changed row is written again, as a Cypher update once the bulk part is done (create-only rows,
  entities first seen in text, are never written twice: MERGE … ON CREATE semantics);
* the Batch after the current one is encoded while the engine inserts the current one (one writer
  thread holding the store's write lock for the whole load);
* at the end: `day` strings become date() values (the bulk format has no date type), then every
  index and constraint of the ontology is built once over the loaded graph and waited for.

GRAPH.BULK only creates a new graph. A graph that holds nothing but reference data (curated nodes
and the relationships between them) is read back, dropped and rebuilt with that data in the first
buffers; a graph with anything else in it is refused (use the incremental loader).
"""

from __future__ import annotations

import math
import queue
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from core.errors import InputError, SchemaViolation
from graph.loader import Batch
from graph.schema import ENTITY, GraphSchema, load_schema

# the engine's property type tags (src/bulk_insert/bulk_insert.c of FalkorDB)
_NULL, _BOOL, _DOUBLE, _STRING, _LONG, _ARRAY = range(6)
_NULL_B = bytes([_NULL])
_TRUE_B, _FALSE_B = bytes([_BOOL, 1]), bytes([_BOOL, 0])
_STR_TAG = bytes([_STRING])
_LONG_S = struct.Struct("=Bq")
_DOUBLE_S = struct.Struct("=Bd")
_PAIR = struct.Struct("=QQ").pack
_NONE = type(None)
# the ontology datatypes (local names) whose values are ISO strings in the graph; `day` is the one
# key stored as a date() value (see the loader), converted after the bulk part
_STRINGY = {"string", "Literal", "date", "dateTime", ""}


class _Reject(Exception):
    """A value that does not fit its key's ontology datatype (re-raised as SchemaViolation)."""


# Column encoders: a whole column (one key, every row of a token; None where a row lacks it) at a
# time, the type check done once per column on the set of value types, so the per-value work is
# one comprehension step.
def _strings(col: list[Any]) -> list[bytes]:
    if not set(map(type, col)) <= {str, _NONE}:
        raise _Reject("expected a string")
    out = [_NULL_B if v is None else _STR_TAG + v.encode() + _NULL_B for v in col]
    # every value carries exactly one 0 byte (its terminator, or the NULL tag): more means a NUL
    # inside a string, which would shift the rest of the buffer as the engine reads up to it
    if b"".join(out).count(0) != len(out):
        raise _Reject("contains a NUL character")
    return out


def _integers(col: list[Any]) -> list[bytes]:
    if not set(map(type, col)) <= {int, _NONE}:  # bool is its own type here: refused
        raise _Reject("expected an integer")
    pack = _LONG_S.pack
    try:
        return [_NULL_B if v is None else pack(_LONG, v) for v in col]
    except struct.error:
        raise _Reject("is outside the 64-bit integer range") from None


def _doubles(col: list[Any]) -> list[bytes]:
    types = set(map(type, col))
    if not types <= {float, int, _NONE}:
        raise _Reject("expected a number")
    if float in types and not all(math.isfinite(v) for v in col if type(v) is float):
        raise _Reject("is not a finite number")
    if int in types:  # an integer is stored as the integer it is, as the Cypher path stores it
        return [_NULL_B if v is None else _DOUBLE_S.pack(_DOUBLE, v) if type(v) is float
                else _integers([v])[0] for v in col]
    pack = _DOUBLE_S.pack
    return [_NULL_B if v is None else pack(_DOUBLE, v) for v in col]


def _booleans(col: list[Any]) -> list[bytes]:
    if not set(map(type, col)) <= {bool, _NONE}:
        raise _Reject("expected a boolean")
    return [_NULL_B if v is None else _TRUE_B if v else _FALSE_B for v in col]


_SCALAR: dict[str, Callable[[list[Any]], list[bytes]]] = {
    "integer": _integers, "double": _doubles, "decimal": _doubles, "boolean": _booleans}


def _encoder(datatype: str, multi: bool) -> Callable[[list[Any]], list[bytes]]:
    local = datatype.rsplit("#", 1)[-1]
    one = _strings if local in _STRINGY else _SCALAR.get(local, _strings)
    if not multi:
        return one

    def lists(col: list[Any]) -> list[bytes]:
        if not set(map(type, col)) <= {list, _NONE}:
            raise _Reject("expected a list")
        flat = one([x for v in col if v for x in v])
        out, i, pack = [], 0, _LONG_S.pack
        for v in col:
            if v is None:
                out.append(_NULL_B)
            else:
                out.append(pack(_ARRAY, len(v)) + b"".join(flat[i:i + len(v)]))
                i += len(v)
        return out
    return lists


class _Layout:
    """The property columns of one token: a label (or relationship type) and the keys its rows
    use, in a fixed order; the token header names them."""

    def __init__(self, schema: GraphSchema, name: str, labels: str, keys: Iterable[str], *, node: bool) -> None:
        self.name = name
        self.node = node
        # a node's id travels first, from the row's key (no per-row dict with it in)
        self.keys = sorted(set(keys) - {"id"})
        self.encoders = [_encoder(schema.keys[k].datatype, schema.keys[k].multi) for k in self.keys]
        names = (["id"] if node else []) + self.keys
        self.header = (labels.encode() + b"\x00" + struct.pack("=I", len(names))
                       + b"".join(k.encode() + b"\x00" for k in names))

    def records(self, keys: list[Any], rows: list[dict[str, Any]]) -> list[bytes]:
        """One record per row (without the relationship ends), encoded column by column."""
        cols: list[list[bytes]] = []
        if self.node:
            cols.append(self._column(keys, "id", keys, _strings))
        for k, enc in zip(self.keys, self.encoders, strict=True):
            cols.append(self._column(keys, k, [p.get(k) for p in rows], enc))
        if not cols:
            return [b""] * len(rows)
        if len(cols) == 1:
            return cols[0]
        return list(map(b"".join, zip(*cols, strict=True)))

    def _column(self, keys: list[Any], key: str, col: list[Any], enc: Callable[[list[Any]], list[bytes]]) -> list[bytes]:
        try:
            return enc(col)
        except _Reject as exc:
            for row_key, v in zip(keys, col, strict=True):  # name the first row that breaks it
                try:
                    enc([v])
                except _Reject:
                    raise SchemaViolation(f"{self.name} {row_key!r}: {key} = {str(v)[:60]!r} {exc} (the "
                                          "ontology's datatype for this key)") from None
            raise SchemaViolation(f"{self.name}: {key} {exc}") from None


@dataclass
class Prepared:
    """A Batch as records: everything of its encoding that does not depend on the load so far, so
    it can be made in another process (plain tuples and bytes: cheap to pickle)."""

    # (label, create_only, token header, property names, node ids, records with the id first)
    nodes: list[tuple[str, bool, bytes, list[str], list[str], list[bytes]]]
    # (type, token header, property names, (src, dst) ids, records or None when no row has properties)
    rels: list[tuple[str, bytes, list[str], list[tuple[str, str]], list[bytes] | None]]


_LAYOUTS: dict[tuple[int, str, frozenset[str], bool], _Layout] = {}


def _layout(schema: GraphSchema, name: str, keys: frozenset[str], *, node: bool) -> _Layout:
    lay = _LAYOUTS.get((id(schema), name, keys, node))
    if lay is None:
        if node:
            allowed = schema.node_keys(name)
            labels = ":".join(schema.labels_of(name))
        else:
            allowed = {k.name for k in schema.keys.values() if name in k.on_types}
            labels = schema.rel_type(name)
        if not keys <= allowed:  # Batch checked them already; a hand-built Batch may not have
            raise SchemaViolation(f"keys {sorted(keys - allowed)} are not declared for {name!r}")
        lay = _LAYOUTS[(id(schema), name, keys, node)] = _Layout(schema, name, labels, keys, node=node)
    return lay


def prepare(batch: Batch, schema: GraphSchema) -> Prepared:
    """Every row of the batch encoded (and type-checked) column by column, one token per label
    group and relationship type; the columns are the keys the group's rows use."""
    nodes: list[tuple[str, bool, bytes, list[str], list[str], list[bytes]]] = []
    rels: list[tuple[str, bytes, list[str], list[tuple[str, str]], list[bytes] | None]] = []
    # curated groups before create-only ones, as Batch.statements() orders them
    for (label, create_only), rows in sorted(batch.nodes.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if not rows:
            continue
        keys = list(rows)
        props = list(rows.values())
        used: set[str] = set()
        for p in props:
            used.update(p)
        lay = _layout(schema, label, frozenset(used), node=True)
        nodes.append((label, create_only, lay.header, lay.keys, keys, lay.records(keys, props)))
    for rel_type, pairs in sorted(batch.rels.items()):
        if not pairs:
            continue
        ends = list(pairs)
        rprops = list(pairs.values())
        used = set()
        for p in rprops:
            used.update(p)
        lay = _layout(schema, rel_type, frozenset(used), node=False)
        rels.append((rel_type, lay.header, lay.keys, ends, lay.records(ends, rprops) if used else None))
    return Prepared(nodes, rels)


_TAKE = {_BOOL: 1, _DOUBLE: 8, _LONG: 8}


def _decode(names: list[str], rec: bytes, skip: int = 0) -> dict[str, Any]:
    """A record back into properties (only for the rare row that changed after it was sent)."""
    pos = 0

    def value() -> Any:
        nonlocal pos
        tag = rec[pos]
        pos += 1
        if tag == _NULL:
            return None
        if tag == _STRING:
            end = rec.index(0, pos)
            v: Any = rec[pos:end].decode()
            pos = end + 1
        elif tag == _ARRAY:
            n = _LONG_S.unpack_from(rec, pos - 1)[1]
            pos += 8
            v = [value() for _ in range(n)]
        else:
            raw = rec[pos:pos + _TAKE[tag]]
            pos += _TAKE[tag]
            v = bool(raw[0]) if tag == _BOOL else struct.unpack("=d" if tag == _DOUBLE else "=q", raw)[0]
        return v

    for _ in range(skip):
        value()
    out = {k: value() for k in names}
    return {k: v for k, v in out.items() if v is not None}


class FalkorBulk:
    """`with FalkorBulk(store) as fl: fl.add(batch) …`: a first load of Batches into the embedded
    store, the same graph the incremental Loader would write (tests/test_bulk.py)."""

    def __init__(self, store: Any, schema: GraphSchema | None = None, *, update_batch: int = 5_000) -> None:
        self.store = store
        self.schema = schema or load_schema(store.settings.ontology)
        self.update_batch = update_batch
        self._ids: dict[str, int] = {}          # node id -> the engine's node number
        self._sent: dict[str, int] = {}         # node id -> hash of the record sent (updatable rows)
        # per type: (src << 32 | dst) in the engine's numbers -> hash of its record
        self._rels: dict[str, dict[int, int]] = {}
        self._late_nodes: dict[str, dict[str, Any]] = {}
        self._late_rels: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._labels: set[str] = set()  # the labels loaded (their `day` keys become dates at the end)
        self._queue: queue.Queue[list[Any] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._writer: threading.Thread | None = None
        self._begun = False
        self._reference: Batch | None = None
        self.stats: dict[str, Any] = {"nodes": 0, "relationships": 0, "commands": 0, "send_s": 0.0,
                                      "encode_s": 0.0, "skipped_relationships": 0, "send_each_s": []}

    # -- lifecycle ------------------------------------------------------------------------------
    def __enter__(self) -> FalkorBulk:
        self._reference = reference = self._take_over()
        self._writer = threading.Thread(target=self._write_loop, name="provkg-bulk", daemon=True)
        self._writer.start()
        if reference is not None:
            self.add(reference)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._queue.put(None)
        if self._writer is not None:
            self._writer.join()
        if exc is not None or self._error is not None:
            self._abort()
            if exc is None:
                raise self._error  # type: ignore[misc]
            return
        self.finish()

    def _abort(self) -> None:
        """A failed load leaves the store as it found it, less the facts: an empty graph with its
        indexes and the reference data it held (a half-built graph has neither)."""
        if not self._begun:
            return
        self.store.clear()
        self.store.ensure_schema()
        if self._reference is not None:
            for stmt in self._reference.statements(self.update_batch):
                self.store.write([stmt])

    def _take_over(self) -> Batch | None:
        """Refuse a graph with facts in it; read a reference-only graph back into a Batch."""
        store = self.store
        store.ping()
        if not store.graph_exists():
            return None
        other = store.read("MATCH (n) WHERE NOT coalesce(n.curated, false) RETURN count(n)").scalar()
        if other:
            raise InputError(f"the graph {store.settings.graph_name!r} already holds {other} nodes besides the "
                             "reference data: a bulk first load only builds a new graph (load incrementally)")
        b = Batch(self.schema)
        by_labels = {tuple(sorted(self.schema.labels_of(lab))): lab for lab in self.schema.labels}
        rows = store.read("MATCH (n) RETURN labels(n), properties(n)", max_rows=10_000_000).rows
        for labels, props in rows:
            label = by_labels.get(tuple(sorted(labels)))
            if label is None:
                raise SchemaViolation(f"a stored node carries labels {labels} that no ontology class has")
            b.node(label, props.pop("id"), props)
        for s, t, d, props in store.read("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)",
                                         max_rows=10_000_000).rows:
            b.rel(t, s, d, props)
        return b

    # -- encoding (the caller's thread) ----------------------------------------------------------
    def add(self, batch: Batch) -> None:
        self._enqueue(lambda: self.encode(batch))

    def load(self, batches: Iterable[Batch]) -> None:
        for b in batches:
            self.add(b)

    def encode(self, batch: Batch) -> list[Any] | None:
        """The batch as the arguments of one GRAPH.BULK command (None when it adds nothing)."""
        return self.commit(prepare(batch, self.schema))

    def add_prepared(self, prepared: Prepared) -> None:
        """A Batch prepare()d elsewhere (another process: the records need no state of the load)."""
        self._enqueue(lambda: self.commit(prepared))

    def _enqueue(self, build: Callable[[], list[Any] | None]) -> None:
        """Build the next command here while the writer thread sends the previous one."""
        if self._error is not None:
            raise self._error
        t0 = time.perf_counter()
        command = build()
        self.stats["encode_s"] += time.perf_counter() - t0
        if command is not None:
            self._queue.put(command)

    def commit(self, prepared: Prepared) -> list[Any] | None:
        """The engine's node numbers, the relationship ends and the rows seen before: the part of
        the encoding that depends on what this load sent already."""
        ids, sent = self._ids, self._sent
        node_tokens: list[bytes] = []
        rel_tokens: list[bytes] = []
        n_nodes = n_rels = 0
        for label, create_only, header, names, keys, recs in prepared.nodes:
            self._labels.add(label)
            fresh: list[bytes] = []
            next_id = len(ids)
            salt = hash(header)  # a row's hash depends on its layout too
            for node_id, rec in zip(keys, recs, strict=True):
                if node_id in ids:  # sent before: written again only if it changed since
                    if create_only:
                        continue  # MERGE … ON CREATE: an entity first seen in text is never overwritten
                    h = hash(rec) ^ salt
                    if sent.get(node_id) != h:
                        sent[node_id] = h
                        self._late_nodes.setdefault(node_id, {}).update(_decode(names, rec, skip=1))
                    continue
                ids[node_id] = next_id
                next_id += 1
                if not create_only:
                    sent[node_id] = hash(rec) ^ salt
                fresh.append(rec)
            if fresh:
                node_tokens.append(header + b"".join(fresh))
                n_nodes += len(fresh)
        for rel_type, header, names, ends, rel_recs in prepared.rels:
            seen = self._rels.setdefault(rel_type, {})
            src = [ids.get(s) for s, _ in ends]
            dst = [ids.get(d) for _, d in ends]
            salt = hash(header)
            out: list[bytes] = []
            for i, (a, b) in enumerate(zip(src, dst, strict=True)):
                if a is None or b is None:  # the Cypher path's MATCH finds no end either: nothing written
                    self.stats["skipped_relationships"] += 1
                    continue
                key = a << 32 | b
                h = salt if rel_recs is None else hash(rel_recs[i]) ^ salt
                old = seen.get(key)
                if old is not None:
                    if old != h:
                        seen[key] = h
                        s, d = ends[i]
                        self._late_rels.setdefault((s, rel_type, d), {}).update(
                            _decode(names, rel_recs[i]) if rel_recs is not None else {})
                    continue
                seen[key] = h
                out.append(_PAIR(a, b) if rel_recs is None else _PAIR(a, b) + rel_recs[i])
            if out:
                rel_tokens.append(header + b"".join(out))
                n_rels += len(out)
        if not node_tokens and not rel_tokens:
            return None
        self.stats["nodes"] += n_nodes
        self.stats["relationships"] += n_rels
        args: list[Any] = [n_nodes, n_rels, len(node_tokens), len(rel_tokens), *node_tokens, *rel_tokens]
        if not self._begun:
            args.insert(0, "BEGIN")
            self._begun = True
        return args

    # -- sending (the writer thread) -------------------------------------------------------------
    def _write_loop(self) -> None:
        try:
            with self.store.bulk_session() as send:
                while (args := self._queue.get()) is not None:
                    t0 = time.perf_counter()
                    send(args)
                    took = time.perf_counter() - t0
                    self.stats["send_s"] += took
                    self.stats["send_each_s"].append(round(took, 3))
                    self.stats["commands"] += 1
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            self._error = exc
            while self._queue.get() is not None:  # let a blocked add() finish
                pass

    # -- after the bulk part (the caller's thread) ------------------------------------------------
    def finish(self) -> None:
        store = self.store
        t0 = time.perf_counter()
        if self._begun:
            # the bulk format has no date type: the loader's `day` values become date()s here, before
            # any index exists to maintain (graph.loader stores them so; range comparisons need it)
            for label in sorted(self._labels):
                if label != ENTITY and "day" in self.schema.node_keys(label):
                    store.write([(f"MATCH (n:{label}) WHERE n.day IS NOT NULL SET n.day = date(n.day)", {})])
        t1 = time.perf_counter()
        store.ensure_schema()
        store.wait_for_indexes()
        t2 = time.perf_counter()
        self._write_late()
        self.stats.update(dates_s=round(t1 - t0, 3), indexes_s=round(t2 - t1, 3),
                          late_s=round(time.perf_counter() - t2, 3), late_nodes=len(self._late_nodes),
                          late_relationships=len(self._late_rels))

    def _write_late(self) -> None:
        """Rows that changed after they were sent: updated in place, as the incremental MERGE would."""
        stmts: list[tuple[str, dict[str, Any]]] = []
        if self._late_nodes:
            day = ", n.day = CASE WHEN row.props.day IS NULL THEN n.day ELSE date(row.props.day) END"
            rows = [{"id": k, "props": v} for k, v in sorted(self._late_nodes.items())]
            q = f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) SET n += row.props{day}"
            stmts += [(q, {"rows": rows[i:i + self.update_batch]}) for i in range(0, len(rows), self.update_batch)]
        by_type: dict[str, list[dict[str, Any]]] = {}
        for (s, t, d), p in sorted(self._late_rels.items()):
            by_type.setdefault(t, []).append({"src": s, "dst": d, "props": p})
        for t, rows in by_type.items():
            q = (f"UNWIND $rows AS row MATCH (a:{ENTITY} {{id: row.src}})-[r:{self.schema.rel_type(t)}]->"
                 f"(b:{ENTITY} {{id: row.dst}}) SET r += row.props")
            stmts += [(q, {"rows": rows[i:i + self.update_batch]}) for i in range(0, len(rows), self.update_batch)]
        for stmt in stmts:
            self.store.write([stmt])
