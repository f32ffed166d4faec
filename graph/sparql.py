"""The SPARQL mirror: a pyoxigraph on-disk store under `{data_dir}/sparql/` holding the RDF export.

Layout. The default graph holds exactly what `provkg export` writes (graph/rdf.py); the named graph
`{base}dataset/wikidata` holds `wdt:P190` (twinned administrative body) statements between the
Wikidata items of a province and a foreign locality that partner, where both have a QID, in both
directions, as Wikidata keeps them (see graph/wikidata.py).

Keeping it current. `rebuild` streams the export into a fresh store beside the live one and swaps
them; `sync_document` replaces what one article changed, in one SPARQL Update (oxigraph applies an
update atomically). What an article load can change follows from how the loader writes: the
document, its mentions and the facts they evidence ("fact side") are rewritten with every edge
that touches them, while entities ("entity side") only appear, disappear or gain and lose edges to
other entities (PARTNERS_WITH, LOCATED_IN). So a sync takes every node the article touched before
(read from the mirror itself, which still holds the old state) and after (read from the graph),
replaces all triples of the fact-side ones and, for the entity-side ones, their own triples and
their edges to other entities. Edges from an entity to facts of other articles stay untouched,
which keeps a province with thousands of facts cheap to sync.

Repair. A document's `pk:contentHash` in the mirror is the marker of what was synced: `repair`
compares it with the graph's documents and syncs those that differ (a crash between the graph
write and the sync, or a load by a process that had no mirror), and rebuilds if the entity counts
still differ (reference data loaded outside articles).

Processes. RocksDB allows one read-write opener per directory and calls a read-only open while
another process writes undefined, so readers open read-only under a shared file lock and writers
read-write under an exclusive one (graph/locks.py), each only for the operation at hand.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox

from core.errors import ProvkgError, StoreUnavailable
from core.settings import Settings
from graph.locks import RWLock
from graph.rdf import EXPORT_TIMEOUT_MS, RdfMapping, Triple, graph_triples, mapping, nt_term, write_lines
from graph.sparql_exec import Reader, built_state, reading
from graph.store import GraphStore

log = logging.getLogger("provkg.sparql")
WD_ENTITY = "http://www.wikidata.org/entity/"
P190 = "http://www.wikidata.org/prop/direct/P190"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# labels whose nodes an article load rewrites whole (see the module docstring)
FACT_SIDE = ("Document", "Mention", "Partnership", "Agreement", "Event", "Observation", "Role")
_BIG = 10_000_000  # row cap for the sync's own reads: they are bounded by the article, not by users


def wikidata_graph(settings: Settings) -> str:
    return settings.base_iri + "dataset/wikidata"


@dataclass
class SyncStats:
    documents: int = 0
    nodes: int = 0
    inserted: int = 0
    rebuilt: bool = False
    seconds: float = 0.0


class Mirror:
    """The on-disk SPARQL store of one data dir."""

    def __init__(self, settings: Settings, root: Path | None = None) -> None:
        self.settings = settings
        self.root = root or settings.data_path / "sparql" / settings.graph_name
        self.path = self.root / "store"
        self.lock = RWLock(self.root)
        self.m: RdfMapping = mapping(settings)
        self.fact_segments = {self.m.segment_of[lab] for lab in FACT_SIDE if lab in self.m.segment_of}
        fact_side = set(FACT_SIDE)
        # relationships between entities: the only edges of an entity a load can change besides its facts'
        self.entity_rel_types = sorted(t for t, r in self.m.schema.rel_types.items()
                                       if not set(r.domain) <= fact_side and not set(r.range) <= fact_side
                                       and "Entity" not in r.domain)

    # -- access ------------------------------------------------------------------------------
    @property
    def built(self) -> bool:
        return built_state(self.root, self.settings.base_iri) is not None

    def reading(self) -> AbstractContextManager[Reader]:
        """A read-only view for one operation; it must not be kept past the `with` block."""
        return reading(self.root, self.settings.base_iri)

    @contextmanager
    def _writing(self) -> Iterator[ox.Store]:
        """Read-write access; the caller holds the exclusive lock."""
        try:
            store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the SPARQL store for writing: {exc}") from None
        try:
            # no flush(): RocksDB's write-ahead log already makes each committed update durable, and
            # a flush (memtable to SST) was half the time of a one-article sync
            yield store
        finally:
            del store

    # -- full rebuild ------------------------------------------------------------------------
    def rebuild(self, graph: GraphStore) -> SyncStats:
        """Stream the export into a new store, then swap it in and catch up with loads made meanwhile.

        The build runs without the lock, so queries keep being answered from the old store.
        """
        started = time.perf_counter()
        self.root.mkdir(parents=True, exist_ok=True)
        tag = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"  # two processes may rebuild at once
        fresh = self.root / f"store.new-{tag}"
        shutil.rmtree(fresh, ignore_errors=True)
        # N-Triples to a file, then oxigraph's own bulk loader: 1.7x faster than handing it Python
        # term objects one by one (bulk_extend), measured on the sample
        lines = self.root / f"rebuild-{tag}.nt"
        try:
            with lines.open("wb") as fh:
                inserted = write_lines(graph_triples(graph, self.settings), fh)
            st = ox.Store(str(fresh))
            st.bulk_load(path=str(lines), format=ox.RdfFormat.N_TRIPLES)
        finally:
            lines.unlink(missing_ok=True)
        st.update(self._p190_insert(None))
        st.flush()
        del st
        with self.lock.exclusive():
            old = self.root / f"store.old-{tag}"
            if self.path.exists():
                self.path.rename(old)
            fresh.rename(self.path)
            (self.root / "state.json").write_text(json.dumps({"base_iri": self.settings.base_iri, "built_at": time.time()}))
            shutil.rmtree(old, ignore_errors=True)
            stats = self._repair_locked(graph, allow_rebuild=False)
        stats.rebuilt, stats.inserted = True, stats.inserted + inserted
        stats.seconds = time.perf_counter() - started
        return stats

    # -- one article ---------------------------------------------------------------------------
    def sync_document(self, graph: GraphStore, doc_id: str) -> SyncStats:
        """Make the mirror agree with the graph on everything loading `doc_id` changed.

        Builds the mirror first if there is none (it then includes this article).
        """
        if not self.built:
            return self.rebuild(graph)
        started = time.perf_counter()
        with self.lock.exclusive():
            stats = self._sync_locked(graph, [doc_id])
        stats.seconds = time.perf_counter() - started
        return stats

    def repair(self, graph: GraphStore) -> SyncStats:
        """Sync every document whose content hash differs between graph and mirror (or rebuild)."""
        if not self.built:
            return self.rebuild(graph)
        started = time.perf_counter()
        with self.lock.exclusive():
            stats = self._repair_locked(graph, allow_rebuild=True)
        if stats.rebuilt:  # rebuild outside the lock, so queries go on meanwhile
            stats = self.rebuild(graph)
        stats.seconds = time.perf_counter() - started
        return stats

    def _repair_locked(self, graph: GraphStore, *, allow_rebuild: bool) -> SyncStats:
        in_graph = {r[0]: r[1] for r in graph.read("MATCH (d:Document) RETURN d.id, d.content_hash",
                                                    max_rows=_BIG, timeout_ms=EXPORT_TIMEOUT_MS).rows}
        doc_cls, id_key, hash_key = self.m.class_iri["Document"], self.m.keys["id"].iri, self.m.keys["content_hash"].iri
        with self._writing() as st:
            in_mirror = {s["id"].value: (s["h"].value if s["h"] is not None else None)
                         for s in st.query(f"SELECT ?id ?h {{ ?d a <{doc_cls}> ; <{id_key}> ?id "
                                           f"OPTIONAL {{ ?d <{hash_key}> ?h }} }}")}  # type: ignore[union-attr]
            changed = sorted(d for d in in_graph.keys() | in_mirror.keys() if in_graph.get(d) != in_mirror.get(d))
            stats = self._sync_with(graph, st, changed)
            if allow_rebuild:
                entities = graph.read("MATCH (n:Entity) RETURN count(n)", timeout_ms=EXPORT_TIMEOUT_MS).scalar()
                mirrored = _count(st, f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a <{self.m.class_iri['Entity']}> }}")
                stats.rebuilt = mirrored != int(entities or 0)
        return stats

    def _sync_locked(self, graph: GraphStore, doc_ids: list[str]) -> SyncStats:
        with self._writing() as st:
            return self._sync_with(graph, st, doc_ids)

    def _sync_with(self, graph: GraphStore, st: ox.Store, doc_ids: list[str]) -> SyncStats:
        stats = SyncStats(documents=len(doc_ids))
        for doc_id in doc_ids:
            touched = self._old_nodes(st, doc_id) | self._new_nodes(graph, doc_id)
            update, inserted = self._replacement(graph, touched)
            st.update(update)
            stats.nodes += len(touched)
            stats.inserted += inserted
        return stats

    def _old_nodes(self, st: ox.Store, doc_id: str) -> set[str]:
        """IRIs of the nodes the mirror says this document touched (its state before the load)."""
        m = self.m
        doc = m.node_iri(["Document"], doc_id)
        in_doc, evidenced, about = (m.rel_iri[t] for t in ("IN_DOCUMENT", "EVIDENCED_BY", "ABOUT"))
        found = {doc}
        facts: set[str] = set()
        for row in st.query(f"SELECT ?m ?f {{ {{ ?m <{in_doc}> <{doc}> OPTIONAL {{ ?f <{evidenced}> ?m }} }} "
                            f"UNION {{ <{doc}> <{about}> ?m }} }}"):  # type: ignore[union-attr]
            mention, fact = row["m"], row["f"]
            if isinstance(mention, ox.NamedNode):
                found.add(mention.value)
            if isinstance(fact, ox.NamedNode):
                found.add(fact.value)
                facts.add(fact.value)
        if facts:
            values = " ".join(f"<{f}>" for f in sorted(facts))
            for row in st.query(f"SELECT DISTINCT ?n {{ VALUES ?f {{ {values} }} {{ ?f ?p ?n }} UNION {{ ?n ?p ?f }} }}"):  # type: ignore[union-attr]
                n = row["n"]
                if isinstance(n, ox.NamedNode):
                    found.add(n.value)
        return {iri for iri in found if self._segment(iri) is not None}

    def _new_nodes(self, graph: GraphStore, doc_id: str) -> set[str]:
        """IRIs of the nodes the graph says this document touches now."""
        m = self.m
        found = {m.node_iri(["Document"], doc_id)}
        rows = graph.read(
            "MATCH (m:Mention {doc_id: $doc}) OPTIONAL MATCH (m)<-[:EVIDENCED_BY]-(f:Entity) "
            "RETURN m.id, labels(m), f.id, labels(f)", {"doc": doc_id}, max_rows=_BIG, timeout_ms=EXPORT_TIMEOUT_MS).rows
        facts: set[str] = set()
        for mid, mlabels, fid, flabels in rows:
            found.add(m.node_iri(mlabels, mid))
            if fid is not None:
                found.add(m.node_iri(flabels, fid))
                facts.add(fid)
        rows = graph.read(
            "UNWIND $ids AS id MATCH (f:Entity {id: id})--(e:Entity) RETURN DISTINCT e.id, labels(e) "
            "UNION MATCH (:Document {id: $doc})-[:ABOUT]->(e:Entity) RETURN DISTINCT e.id, labels(e)",
            {"ids": sorted(facts), "doc": doc_id}, max_rows=_BIG, timeout_ms=EXPORT_TIMEOUT_MS).rows
        for eid, elabels in rows:
            iri = m.node_iri(elabels, eid)
            if self._segment(iri) not in self.fact_segments:  # other articles' mentions stay as they are
                found.add(iri)
        return found

    def _segment(self, iri: str) -> str | None:
        base = self.settings.base_iri
        if not iri.startswith(base):
            return None
        seg, sep, _ = iri[len(base):].partition("/")
        return seg if sep and seg in self.m.label_of_segment else None

    def _split(self, iris: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
        """(fact-side, entity-side) nodes as IRI -> node id."""
        facts: dict[str, str] = {}
        entities: dict[str, str] = {}
        base = self.settings.base_iri
        for iri in iris:
            seg, _, key = iri[len(base):].partition("/")
            (facts if seg in self.fact_segments else entities)[iri] = unquote(key)
        return facts, entities

    def _replacement(self, graph: GraphStore, touched: set[str]) -> tuple[str, int]:
        """One SPARQL Update replacing the triples of `touched`, and how many triples it inserts."""
        m = self.m
        facts, entities = self._split(touched)
        triples: list[Triple] = []
        present: set[str] = set()
        for node in self._nodes(graph, sorted(set(facts.values()) | set(entities.values()))):
            s = m.node_iri(node["labels"], node["properties"]["id"])
            if s in touched:  # an id shared by two segments is not a case the loader makes, but be exact
                present.add(s)
                triples.extend(m.node_triples(s, node["labels"], node["properties"]))
        if facts:
            ids = sorted(facts.values())
            ret = "RETURN a.id, labels(a), type(r), b.id, labels(b)"
            for q in (f"UNWIND $ids AS id MATCH (a:Entity {{id: id}})-[r]->(b:Entity) {ret}",
                      f"UNWIND $ids AS id MATCH (b:Entity {{id: id}})<-[r]-(a:Entity) {ret}"):
                triples.extend(self._edges(graph, q, {"ids": ids}, touched))
        if entities:
            # typed, not filtered on the target's labels: a label test per edge was 100x slower on FalkorDB
            types = "|".join(self.entity_rel_types)
            triples.extend(t for t in self._edges(
                graph, f"UNWIND $ids AS id MATCH (a:Entity {{id: id}})-[r:{types}]->(b:Entity) "
                       "RETURN a.id, labels(a), type(r), b.id, labels(b)",
                {"ids": sorted(entities.values())}, touched, sources=set(entities))
                if self._segment(str(t[2])) not in self.fact_segments)
        fact_prefixes = " || ".join(f'STRSTARTS(STR(?o), "{self.settings.base_iri}{seg}/")'
                                    for seg in sorted(self.fact_segments))
        partnership_seg = m.segment_of["Partnership"]
        # one operation per node with the node as a constant: oxigraph's update evaluator reads the
        # index for a constant but joined a VALUES block 8x slower (measured on the 1k graph)
        ops = [self._p190_delete(f) for f in sorted(facts) if self._segment(f) == partnership_seg]
        for f in sorted(facts):
            ops += [f"DELETE WHERE {{ <{f}> ?p ?o }}", f"DELETE WHERE {{ ?s ?p <{f}> }}"]
        for e in sorted(entities):
            if e in present:
                ops.append(f"DELETE {{ <{e}> ?p ?o }} WHERE {{ <{e}> ?p ?o FILTER(!isIRI(?o) || !({fact_prefixes})) }}")
            else:  # gone from the graph (an orphan the load removed)
                ops += [f"DELETE WHERE {{ <{e}> ?p ?o }}", f"DELETE WHERE {{ ?s ?p <{e}> }}"]
        unique = list(dict.fromkeys(triples))
        if unique:
            ops.append("INSERT DATA {\n" + "".join(f"{nt_term(s)} <{p}> {nt_term(o)} .\n" for s, p, o in unique) + "}")
        ops += [self._p190_insert(e) for e in sorted(entities) if e in present]
        return " ;\n".join(ops), len(unique)

    def _nodes(self, graph: GraphStore, ids: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        return [r[0] for r in graph.read("UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n", {"ids": ids},
                                         max_rows=_BIG, timeout_ms=EXPORT_TIMEOUT_MS).rows]

    def _edges(self, graph: GraphStore, query: str, params: dict[str, Any], touched: set[str],
               sources: set[str] | None = None) -> Iterator[Triple]:
        m = self.m
        for a, a_labels, rel, b, b_labels in graph.read(query, params, max_rows=_BIG, timeout_ms=EXPORT_TIMEOUT_MS).rows:
            s = m.node_iri(a_labels, a)
            if sources is not None and s not in sources:
                continue
            yield s, m.rel_iri[rel], m.node_iri(b_labels, b)

    # -- the Wikidata graph ---------------------------------------------------------------------
    def _p190_pattern(self) -> str:
        m = self.m
        return (f"?p <{m.rel_iri['HAS_PARTNERSHIP']}> ?f . ?f a <{m.class_iri['Partnership']}> ; "
                f"<{m.rel_iri['PARTNER']}> ?x . ?x a <{m.class_iri['ForeignLocality']}> . "
                f"?p <{OWL_SAME_AS}> ?qa . ?x <{OWL_SAME_AS}> ?qb "
                f'FILTER(STRSTARTS(STR(?qa), "{WD_ENTITY}") && STRSTARTS(STR(?qb), "{WD_ENTITY}") && ?qa != ?qb)')

    def _p190_delete(self, partnership: str) -> str:
        g = wikidata_graph(self.settings)
        return (f"DELETE {{ GRAPH <{g}> {{ ?qa <{P190}> ?qb . ?qb <{P190}> ?qa }} }} "
                f"WHERE {{ BIND(<{partnership}> AS ?f) {self._p190_pattern()} }}")

    def _p190_insert(self, entity: str | None) -> str:
        """P190 for the partnerships of every province sharing a QID with this entity (all if None)."""
        g = wikidata_graph(self.settings)
        scope = f"<{entity}> <{OWL_SAME_AS}> ?qa . " if entity else ""
        return (f"INSERT {{ GRAPH <{g}> {{ ?qa <{P190}> ?qb . ?qb <{P190}> ?qa }} }} "
                f"WHERE {{ {scope}{self._p190_pattern()} }}")


def _count(st: ox.Store, query: str) -> int:
    return int(next(iter(st.query(query)))["n"].value)  # type: ignore[index,union-attr,call-overload,arg-type]


def wait_ready(mirror: Mirror, graph: GraphStore) -> SyncStats:
    """Bring the mirror up to date (API start, CLI queries): build it or repair what drifted."""
    return mirror.repair(graph)


def ingest_hook(settings: Settings, graph: GraphStore) -> Callable[[str], object] | None:
    """What the loader calls after each article: sync the mirror, never fail the load.

    None when PROVKG_SPARQL_SYNC=false (bulk loads: run `provkg sparql-sync` afterwards).

    A failed sync leaves the document's content hash in the mirror behind the graph's, so the next
    `repair` (API start, `provkg sparql-sync --changed`) redoes it.
    """
    if not settings.sparql_sync:
        return None
    mirror = Mirror(settings)

    def after_load(doc_id: str) -> object:
        try:
            return mirror.sync_document(graph, doc_id)
        except (ProvkgError, OSError) as exc:
            log.warning("SPARQL mirror not synced for %s (repaired on the next start): %s", doc_id, exc)
            return None

    return after_load
