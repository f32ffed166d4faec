"""Facts -> batched, idempotent Cypher, every name checked against the ontology-derived schema.

Node and relationship writes are generic (`UNWIND $rows AS row MERGE … SET n += row.props`), so
the loader can only write what it first proves the schema declares. One article is one
transaction: its old mentions and the facts only they supported are removed, then the new facts
are merged, so a changed article replaces its facts and an unchanged one is skipped.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from core.fold import fold_key
from core.ids import fact_id
from core.models import ArticleFacts, Entity, Evidence
from graph.schema import ENTITY, GraphSchema, load_schema
from graph.store import GraphStore, Statement
from graph.undo import Reader, RelKey, Undo

FACT_LABELS = ("Partnership", "Agreement", "Event", "Observation", "Role")


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """The props without empty values, as a new dict (the Batch keeps it)."""
    vals = props.values()
    # three scans in C are cheaper than a comprehension over every row when, as usual, no value is empty
    if None in vals or "" in vals or [] in vals:
        return {k: v for k, v in props.items() if v is not None and v != [] and v != ""}
    return dict(props)


@dataclass
class Batch:
    """Rows to merge, grouped by label / relationship type, checked against the schema on add."""

    schema: GraphSchema
    nodes: dict[tuple[str, bool], dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    rels: dict[str, dict[tuple[str, str], dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    # keys the schema allows per label / relationship type, looked up once per batch (the schema's
    # own checks walk every declared key, which was a third of the time of a bulk batch)
    _node_keys: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _rel_keys: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def node(self, label: str, node_id: str, props: dict[str, Any], *, create_only: bool = False) -> str:
        props = _clean(props)
        allowed = self._node_keys.get(label)
        if allowed is None:
            allowed = self._node_keys[label] = frozenset(self.schema.node_keys(label))
        if "id" not in allowed or not props.keys() <= allowed:
            self.schema.check_node_keys(label, set(props) | {"id"})  # raises, naming the keys
        if "day" in allowed and "day" not in props and (props.get("date") or props.get("date_start")):
            # the first day the date can mean, written as a date() value (see statements())
            props["day"] = first_day(props.get("date") or props["date_start"])
        if "search_text" in props and "keys" in allowed:
            # the folded names, one per list item, for the Entity.keys index (graph.resolve)
            props["keys"] = [k for k in props["search_text"].split("|") if k]
        bucket = self.nodes[(label, create_only)]
        old = bucket.get(node_id)
        if old is None:
            bucket[node_id] = props  # props is the Batch's own copy (_clean)
        else:
            old.update(props)
        return node_id

    def rel(self, rel_type: str, src: str, dst: str, props: dict[str, Any] | None = None) -> None:
        pairs = self.rels.get(rel_type)
        if not props and pairs is not None:  # the common row: a known type, no properties
            if (src, dst) not in pairs:
                pairs[(src, dst)] = {}
            return
        props = _clean(props) if props else {}
        allowed = self._rel_keys.get(rel_type)
        if allowed is None:
            self.schema.rel_type(rel_type)
            allowed = self._rel_keys[rel_type] = frozenset(
                k.name for k in self.schema.keys.values() if rel_type in k.on_types)
        if not props.keys() <= allowed:
            self.schema.check_rel_keys(rel_type, set(props))  # raises, naming the keys
        self.rels[rel_type].setdefault((src, dst), {}).update(props)

    def statements(self, batch_size: int) -> list[Statement]:
        out: list[Statement] = []
        # create-only rows (entities first seen in text) after curated ones, so they never overwrite
        for (label, create_only), rows in sorted(self.nodes.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            labels = ":".join(self.schema.labels_of(label))
            # an entity first seen in an older article may predate its name keys: give it them
            setter = ("ON CREATE SET n += row.props ON MATCH SET n.keys = coalesce(n.keys, row.props.keys)"
                      if create_only else "SET n += row.props")
            if "day" in self.schema.node_keys(label):
                setter += ", n.day = date(row.props.day)"  # a date value: indexed ranges on strings are wrong
            q = f"UNWIND $rows AS row MERGE (n:{labels} {{id: row.id}}) {setter}"
            # rows in id order: concurrent writers lock the same nodes in the same order (no deadlock cycles)
            items = [{"id": k, "props": v} for k, v in sorted(rows.items())]
            out.extend((q, {"rows": chunk}) for chunk in _chunks(items, batch_size))
        for rel_type, pairs in sorted(self.rels.items()):
            q = (f"UNWIND $rows AS row MATCH (a:{ENTITY} {{id: row.src}}) MATCH (b:{ENTITY} {{id: row.dst}}) "
                 f"MERGE (a)-[r:{rel_type}]->(b) SET r += row.props")
            items = [{"src": s, "dst": d, "props": p} for (s, d), p in sorted(pairs.items())]
            out.extend((q, {"rows": chunk}) for chunk in _chunks(items, batch_size))
        return out


def first_day(date: str) -> str:
    """The first day an ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) can mean."""
    return date + "-01-01"[: 10 - len(date)] if len(date) < 10 else date[:10]


def last_day(date: str) -> str:
    """The last day an ISO date of any precision can mean."""
    import calendar

    if len(date) >= 10:
        return date[:10]
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 12
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- entities ------------------------------------------------------------------------------------

def search_text(*names: str | None) -> str:
    keys = []
    for n in names:
        if n:
            f = fold_key(n)
            if f and f not in keys:
                keys.append(f)
    return "|" + "|".join(keys) + "|"


def entity_props(e: Entity, aliases: Iterable[str] = ()) -> dict[str, Any]:
    aliases = [a for a in aliases if a and a != e.name]
    props: dict[str, Any] = {
        "name": e.name, "name_en": e.name_en, "country": e.country, "iso3166_2": e.iso3166_2,
        "curated": e.curated, "search_text": search_text(e.name, e.name_en, *aliases),
    }
    if e.type == "Organization":
        props["org_kind"] = e.org_kind
    if e.type in ("ForeignLocality", "VietnameseProvince"):
        props["unit_type"] = e.unit_type
    if e.type == "Person":
        props = {"name": e.name, "curated": e.curated, "search_text": search_text(e.name)}
    if aliases and e.type != "Person":
        props["aliases"] = list(dict.fromkeys(aliases))
    return props


def add_entity(batch: Batch, e: Entity) -> str:
    """Entities first seen in an article are created once and never overwrite curated data."""
    batch.node(e.type, e.id, entity_props(e), create_only=True)
    if not e.curated and e.parent:
        batch.rel("LOCATED_IN", e.id, e.parent)
    return e.id


# -- articles -------------------------------------------------------------------------------------

# A replaced article's nodes that its new version has again ($keep: same content, same id) stay
# and are updated in place: deleting and re-creating them let a concurrent Neo4j read (read
# committed) match a node before the commit and read it after, all properties null.
REMOVE_OLD_FACTS = """
MATCH (m:Mention {doc_id: $doc})<-[:EVIDENCED_BY]-(f)
WHERE NOT f.id IN $keep
WITH DISTINCT f
OPTIONAL MATCH (f)-[:EVIDENCED_BY]->(o:Mention) WHERE o.doc_id <> $doc
WITH f, count(o) AS others
WHERE others = 0
OPTIONAL MATCH (p)-[:HAS_PARTNERSHIP]->(f)-[:PARTNER]->(x)
OPTIONAL MATCH (p)-[s:PARTNERS_WITH]->(x)
DELETE s
WITH DISTINCT f
DETACH DELETE f
"""
OLD_NEIGHBOURS = """
MATCH (m:Mention {doc_id: $doc})<-[:EVIDENCED_BY]-(f)--(e:Entity)
WHERE e.curated = false
RETURN DISTINCT e.id
"""
OLD_PERSONS = """
MATCH (m:Mention {doc_id: $doc})<-[:EVIDENCED_BY]-(:Role)<-[:HAS_ROLE]-(e:Person)
RETURN DISTINCT e.id
"""
# entities first seen in articles go when the last fact that named them goes
REMOVE_ORPHANS = "UNWIND $ids AS id MATCH (e:Entity {id: id}) WHERE e.curated = false AND NOT (e)--() DELETE e"
REMOVE_OLD_MENTIONS = "MATCH (m:Mention {doc_id: $doc}) WHERE NOT m.id IN $keep DETACH DELETE m"
# a kept mention evidences what the new version says it does, and keeps no optional key it lost
RESET_KEPT_MENTIONS = """
MATCH (m:Mention {doc_id: $doc})<-[r:EVIDENCED_BY]-()
WHERE m.id IN $keep
DELETE r
WITH DISTINCT m
SET m.stated_since = null
"""
REMOVE_DOC_LINKS = "MATCH (d:Document {id: $doc})-[r:ABOUT]->() DELETE r"
REFRESH_PARTNERSHIPS = """
UNWIND $ids AS pid
MATCH (f:Entity {id: pid})
WITH f
MATCH (p)-[:HAS_PARTNERSHIP]->(f)-[:PARTNER]->(x)
OPTIONAL MATCH (f)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
// since: the start an article states; first_reported: the earliest dated article (min() skips nulls,
// so undated articles leave both empty rather than invent a date)
WITH p, f, x, count(m) AS n, min(m.stated_since) AS since, min(d.published) AS first, max(m.confidence) AS conf
SET f.evidence_count = n, f.since = since, f.first_reported = first, f.confidence = conf
MERGE (p)-[r:PARTNERS_WITH]->(x)
SET r.evidence_count = n, r.since = since, r.first_reported = first, r.confidence = conf
"""


def _mention(batch: Batch, doc_id: str, ev: Evidence, stated_since: str | None = None) -> str:
    mid = fact_id("men", doc_id, ev.start, ev.end)
    existing = batch.nodes[("Mention", False)].get(mid, {})
    rules = sorted(set(existing.get("rule", [])) | {ev.rule})
    batch.node("Mention", mid, {"text": ev.text, "start": ev.start, "end": ev.end, "rule": rules,
                                "confidence": max(ev.confidence, existing.get("confidence", 0.0)),
                                "doc_id": doc_id, "stated_since": stated_since})
    batch.rel("IN_DOCUMENT", mid, doc_id)
    return mid


def _document(b: Batch, doc: Any) -> None:
    b.node("Document", doc.id, {
        "title": doc.title, "url": doc.url, "source": doc.source, "published": doc.published,
        "content_hash": doc.content_hash, "text_length": doc.text_length, "content": doc.content,
        "ingested_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "search_text": search_text(doc.title),
    })
    for prov in doc.subject_provinces:
        add_entity(b, prov)
        b.rel("ABOUT", doc.id, prov.id)


def _partnership(b: Batch, doc_id: str, pf: Any) -> str:
    prov_id, partner_id = add_entity(b, pf.province), add_entity(b, pf.partner)
    pid = fact_id("ps", prov_id, partner_id)
    b.node("Partnership", pid, {"name": f"{pf.province.name} – {pf.partner.name}"})
    b.rel("HAS_PARTNERSHIP", prov_id, pid)
    b.rel("PARTNER", pid, partner_id)
    # the start the sentence states, when the extractor read one (PartnerFact.since is optional)
    b.rel("EVIDENCED_BY", pid, _mention(b, doc_id, pf.evidence, getattr(pf, "since", None)))
    return pid


def _agreement(b: Batch, doc_id: str, af: Any) -> None:
    prov_id = add_entity(b, af.province)
    parties: list[str] = sorted({prov_id, *(add_entity(b, e) for e in af.party_entities),
                                 *([add_entity(b, af.partner)] if af.partner else [])})
    aid = fact_id("agr", af.kind, af.date or "", af.level or "", *parties,
                  "" if af.partner else doc_id, af.count or "")
    b.node("Agreement", aid, {"kind": af.kind, "level": af.level, "fields": af.fields, "date": af.date,
                              "count": af.count, "title": af.title,
                              "name": af.title or f"{af.kind} {af.province.name}"
                              + (f" – {af.partner.name}" if af.partner else ""),
                              "confidence": af.evidence.confidence})
    for party in parties:
        b.rel("PARTY", aid, party)
    b.rel("EVIDENCED_BY", aid, _mention(b, doc_id, af.evidence))


def _event(b: Batch, doc_id: str, ef: Any) -> None:
    prov_id = add_entity(b, ef.province)
    eid = fact_id("evt", prov_id, ef.kind, ef.date_start or "", fold_key(ef.name))
    b.node("Event", eid, {"kind": ef.kind, "name": ef.name, "date_start": ef.date_start,
                          "date_end": ef.date_end, "place_name": ef.place,
                          "confidence": ef.evidence.confidence, "search_text": search_text(ef.name)})
    b.rel("PARTICIPANT", eid, prov_id)
    for e in ef.participant_entities:
        b.rel("PARTICIPANT", eid, add_entity(b, e))
    if ef.place_entity:
        b.rel("HELD_IN", eid, add_entity(b, ef.place_entity))
    b.rel("EVIDENCED_BY", eid, _mention(b, doc_id, ef.evidence))


def _observation(b: Batch, doc_id: str, of: Any) -> None:
    prov_id = add_entity(b, of.province)
    oid = fact_id("obs", prov_id, of.indicator, of.period or "", of.unit, of.value, doc_id)
    b.node("Observation", oid, {"indicator": of.indicator, "value": of.value, "value_max": of.value_max,
                                "unit": of.unit, "unit_noun": of.unit_noun, "period": of.period,
                                "qualifier": of.qualifier, "confidence": of.evidence.confidence,
                                "name": of.indicator})
    b.rel("OBSERVATION_OF", oid, prov_id)
    b.rel("EVIDENCED_BY", oid, _mention(b, doc_id, of.evidence))


def _role(b: Batch, doc_id: str, pe: Any) -> None:
    person = Entity(id=fact_id("person", fold_key(pe.name)), type="Person", name=pe.name, curated=False)
    add_entity(b, person)
    org = add_entity(b, pe.organization_entity) if pe.organization_entity else None
    rid = fact_id("role", person.id, fold_key(pe.role or ""), org or "")
    b.node("Role", rid, {"title": pe.role, "name": f"{pe.name}: {pe.role or '?'}",
                         "confidence": pe.evidence.confidence})
    b.rel("HAS_ROLE", person.id, rid)
    if org:
        b.rel("ROLE_IN", rid, org)
    b.rel("EVIDENCED_BY", rid, _mention(b, doc_id, pe.evidence))


def article_batch(facts: ArticleFacts, schema: GraphSchema) -> tuple[Batch, list[str]]:
    """One article's rows, and the ids of the partnerships whose aggregates it changes."""
    b = Batch(schema)
    doc_id = facts.document.id
    _document(b, facts.document)
    partnership_ids = [_partnership(b, doc_id, pf) for pf in facts.partners]
    for af in facts.agreements:
        _agreement(b, doc_id, af)
    for ef in facts.events:
        _event(b, doc_id, ef)
    for of in facts.observations:
        _observation(b, doc_id, of)
    for pe in facts.people:
        _role(b, doc_id, pe)
    return b, sorted(set(partnership_ids))


def article_statements(facts: ArticleFacts, schema: GraphSchema, batch_size: int = 1000,
                       orphan_candidates: list[str] | None = None) -> list[Statement]:
    return article_write(facts, schema, batch_size, orphan_candidates)[0]


def article_write(facts: ArticleFacts, schema: GraphSchema, batch_size: int = 1000,
                  orphan_candidates: list[str] | None = None) -> tuple[list[Statement], Batch]:
    """One article's statements (its stored version out, the new one in), and the batch they came from."""
    batch, partnership_ids = article_batch(facts, schema)
    doc = {"doc": facts.document.id}
    kept = {"doc": facts.document.id, "keep": sorted({i for rows in batch.nodes.values() for i in rows})}
    stmts: list[Statement] = [(REMOVE_OLD_FACTS, kept), (REMOVE_OLD_MENTIONS, kept), (RESET_KEPT_MENTIONS, kept),
                              (REMOVE_DOC_LINKS, doc)]
    stmts.extend(batch.statements(batch_size))
    if partnership_ids:
        stmts.append((REFRESH_PARTNERSHIPS, {"ids": partnership_ids}))
    if orphan_candidates:
        stmts.append((REMOVE_ORPHANS, {"ids": orphan_candidates}))
    return stmts, batch


# -- what undoes a failed article write on an engine without rollback (graph.undo) -------------
OLD_VERSION = """
MATCH (m:Mention {doc_id: $doc})
OPTIONAL MATCH (m)<-[:EVIDENCED_BY]-(f)
RETURN collect(DISTINCT m.id), collect(DISTINCT f.id)
"""


def partners_with_keys(rel_keys: Iterable[RelKey]) -> set[RelKey]:
    """The PARTNERS_WITH summaries behind partnership facts (REFRESH_PARTNERSHIPS merges them,
    REMOVE_OLD_FACTS deletes them)."""
    keys = set(rel_keys)
    province_of = {f: p for t, p, f in keys if t == "HAS_PARTNERSHIP"}
    return {("PARTNERS_WITH", province_of[f], x) for t, f, x in keys if t == "PARTNER" and f in province_of}


def article_undo(doc_id: str, batch: Batch, batch_size: int = 1000) -> Undo:
    """Everything loading this article may touch: the rows of its batch, and its stored version
    (document, mentions, the facts they evidence), read when the store asks."""
    def old_version(read: Reader, u: Undo) -> None:
        mentions, facts = read(OLD_VERSION, {"doc": doc_id})[0]
        u.detached |= set(mentions) | set(facts)

    return Undo(batch.schema, node_ids={i for rows in batch.nodes.values() for i in rows},
                rel_keys={(t, s, d) for t, pairs in batch.rels.items() for s, d in pairs}, detached={doc_id},
                extra=old_version, derive=partners_with_keys, batch_size=batch_size)


class Loader:
    def __init__(self, store: GraphStore, schema: GraphSchema | None = None, batch_size: int = 1000,
                 after_load: Callable[[str], object] | None = None) -> None:
        self.store = store
        self.schema = schema or load_schema()
        self.batch_size = batch_size
        # called with the document id once an article's transaction is committed (the SPARQL mirror)
        self.after_load = after_load

    def stored_hash(self, doc_id: str) -> str | None:
        res = self.store.read("MATCH (d:Entity {id: $id}) RETURN d.content_hash", {"id": doc_id})
        return res.scalar()

    def load_article(self, facts: ArticleFacts, *, force: bool = False) -> bool:
        """Load one article in one transaction; False if the same content is already stored."""
        stored = self.stored_hash(facts.document.id)
        if not force and stored == facts.document.content_hash:
            return False
        orphans: list[str] = []
        if stored is not None:  # a replaced article: whatever only it named may be left alone after the load
            params = {"doc": facts.document.id}
            orphans = sorted({r[0] for q in (OLD_NEIGHBOURS, OLD_PERSONS) for r in self.store.read(q, params).rows})
        stmts, batch = article_write(facts, self.schema, self.batch_size, orphans)
        # all or nothing: Neo4j rolls the transaction back; the embedded store puts back what the
        # undo read under the write's lock (a failed new version leaves the stored one whole)
        self.store.write(stmts, compensate=article_undo(facts.document.id, batch, self.batch_size))
        if self.after_load is not None:
            self.after_load(facts.document.id)
        return True

    def load_batch(self, batch: Batch) -> None:
        """Bulk loads (reference data, synthetic benchmarks): one transaction per statement batch,
        the next encoded while the engine runs the current one (GraphStore.write_each)."""
        self.store.write_each(batch.statements(self.batch_size))
