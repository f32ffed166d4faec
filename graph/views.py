"""Read models for the REST API: parametrised Cypher in the subset both engines run.

Labels and relationship types are literals here (they come from the ontology, checked by the
schema test); every value is a $parameter; sort orders are chosen from fixed lists, never built
from input.
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import NotFound
from core.fold import fold_key
from graph.store import GraphStore

EVIDENCE = ("collect(DISTINCT CASE WHEN m IS NULL THEN NULL ELSE {text: m.text, start: m.start, end: m.end, "
            "document: d.id, title: d.title, url: d.url, published: d.published} END)")
PARTNER_LABELS = ("ForeignLocality", "Country", "Organization")
ENTITY_FIELDS = ("{id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country, "
                 "iso3166_2: x.iso3166_2}")


def _page(store: GraphStore, count_q: str, rows_q: str, params: dict[str, Any]) -> tuple[list[dict], int]:
    total = int(store.read(count_q, params).scalar() or 0)
    res = store.read(rows_q, params, max_rows=params.get("limit", 50))
    return [_collected_in_order(r[0]) for r in res.rows], total


def _collected_in_order(value: Any) -> Any:
    """collect() order is promised by neither engine and differs between them: lists of maps inside
    an item come sorted by their fields in name order (a date or id first, as the fields are named)."""
    if isinstance(value, dict):
        return {k: _collected_in_order(v) for k, v in value.items()}
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return sorted((_collected_in_order(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, default=str))
    return value


def resolve(store: GraphStore, key: str, label: str = "Entity") -> dict[str, Any]:
    """An entity by id, else by name or alias (accent- and case-insensitive)."""
    res = store.read(f"MATCH (x:{label} {{id: $id}}) RETURN {ENTITY_FIELDS} LIMIT 1", {"id": key})
    if res.rows:
        return res.rows[0][0]
    folded = fold_key(key)
    if folded:
        res = store.read(f"MATCH (x:{label}) WHERE x.search_text CONTAINS $k "
                         f"RETURN {ENTITY_FIELDS}, coalesce(x.current, false) AS cur ORDER BY cur DESC, x.id LIMIT 1",
                         {"k": f"|{folded}|"})
        if res.rows:
            return res.rows[0][0]
    raise NotFound(f"no {label if label != 'Entity' else 'entity'} with id or name {key!r}")


def _optional_id(store: GraphStore, key: str | None, label: str = "Entity") -> str | None:
    """The id of a filter's entity (given by id or name), or None when the filter is not used."""
    return resolve(store, key, label)["id"] if key else None


# -- provinces ------------------------------------------------------------------------------------

PROVINCE_SORT = {"name": "p.name", "id": "p.id", "partners": "partners DESC, p.name"}


def provinces(store: GraphStore, *, current: bool | None, region: str | None, limit: int, offset: int,
              sort: str = "name") -> tuple[list[dict], int]:
    where = ("WHERE ($current IS NULL OR coalesce(p.current, false) = $current) "
             "AND ($region IS NULL OR p.region = $region)")
    params = {"current": current, "region": region, "limit": limit, "offset": offset}
    order = PROVINCE_SORT.get(sort, "p.name")
    return _page(store, f"MATCH (p:VietnameseProvince) {where} RETURN count(p)",
                 f"MATCH (p:VietnameseProvince) {where} OPTIONAL MATCH (p)-[:PARTNERS_WITH]->(x) "
                 "WITH p, count(x) AS partners "
                 f"RETURN {{id: p.id, name: p.name, name_en: p.name_en, iso3166_2: p.iso3166_2, unit_type: p.unit_type, "
                 "region: p.region, valid_from: p.valid_from, valid_to: p.valid_to, current: coalesce(p.current, false), "
                 f"wikidata: p.wikidata, partners: partners}} AS item, partners ORDER BY {order} SKIP $offset LIMIT $limit",
                 params)


def province(store: GraphStore, key: str) -> dict[str, Any]:
    pid = resolve(store, key, "VietnameseProvince")["id"]
    res = store.read(
        "MATCH (p:VietnameseProvince {id: $id}) "
        "OPTIONAL MATCH (p)-[:MERGED_INTO]->(s:VietnameseProvince) "
        "OPTIONAL MATCH (o:VietnameseProvince)-[:MERGED_INTO]->(p) "
        "WITH p, collect(DISTINCT {id: s.id, name: s.name}) AS succ, collect(DISTINCT {id: o.id, name: o.name}) AS pred "
        "OPTIONAL MATCH (p)-[:PARTNERS_WITH]->(x) WITH p, succ, pred, count(DISTINCT x) AS partners "
        "OPTIONAL MATCH (a:Agreement)-[:PARTY]->(p) WITH p, succ, pred, partners, count(DISTINCT a) AS agreements "
        "OPTIONAL MATCH (e:Event)-[:PARTICIPANT]->(p) WITH p, succ, pred, partners, agreements, count(DISTINCT e) AS events "
        "OPTIONAL MATCH (ob:Observation)-[:OBSERVATION_OF]->(p) "
        "WITH p, succ, pred, partners, agreements, events, count(DISTINCT ob) AS observations "
        "OPTIONAL MATCH (d:Document)-[:ABOUT]->(p) "
        "WITH p, succ, pred, partners, agreements, events, observations, count(DISTINCT d) AS documents "
        "RETURN {id: p.id, name: p.name, name_en: p.name_en, aliases: p.aliases, iso3166_2: p.iso3166_2, "
        "gso_code: p.gso_code, gso_code_2025: p.gso_code_2025, unit_type: p.unit_type, region: p.region, "
        "valid_from: p.valid_from, valid_to: p.valid_to, current: coalesce(p.current, false), wikidata: p.wikidata, "
        "successors: [sx IN succ WHERE sx.id IS NOT NULL], predecessors: [px IN pred WHERE px.id IS NOT NULL], "
        "counts: {partners: partners, agreements: agreements, events: events, observations: observations, "
        "documents: documents}}", {"id": pid})
    return res.rows[0][0]


def province_partners(store: GraphStore, key: str, *, country: str | None, kind: str | None, since: str | None,
                      until: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
    pid = resolve(store, key, "VietnameseProvince")["id"]
    match = ("MATCH (p:VietnameseProvince {id: $id})-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x) "
             "WHERE ($country IS NULL OR x.country = $country) "
             "AND ($kind IS NULL OR $kind IN labels(x)) "
             "AND ($since IS NULL OR ps.since IS NULL OR ps.since >= $since) "
             "AND ($until IS NULL OR ps.since IS NULL OR ps.since <= $until) ")
    params = {"id": pid, "country": country.upper() if country else None, "kind": kind, "since": since,
              "until": until, "limit": limit, "offset": offset}
    rows = (match +
            "WITH p, ps, x ORDER BY x.name, x.id SKIP $offset LIMIT $limit "  # expand only the page
            "OPTIONAL MATCH (ps)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document) "
            f"WITH p, ps, x, {EVIDENCE} AS evidence "
            "OPTIONAL MATCH (x)<-[:PARTY]-(a:Agreement)-[:PARTY]->(p) "
            "WITH p, ps, x, evidence, collect(DISTINCT CASE WHEN a IS NULL THEN NULL ELSE "
            "{id: a.id, kind: a.kind, date: a.date, name: a.name} END) AS agreements "
            "OPTIONAL MATCH (x)<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(p) "
            "WITH ps, x, evidence, agreements, collect(DISTINCT CASE WHEN e IS NULL THEN NULL ELSE "
            "{id: e.id, kind: e.kind, name: e.name, date_start: e.date_start} END) AS events "
            f"RETURN {{partner: {ENTITY_FIELDS}, partnership: ps.id, since: ps.since, until: ps.until, "
            "evidence_count: ps.evidence_count, confidence: ps.confidence, agreements: agreements, events: events, "
            "evidence: evidence} AS item ORDER BY item.partner.name, item.partner.id")
    return _page(store, match + "RETURN count(DISTINCT x)", rows, params)


# -- partners -----------------------------------------------------------------------------------

def partners(store: GraphStore, *, country: str | None, kind: str | None, q: str | None, limit: int,
             offset: int) -> tuple[list[dict], int]:
    match = ("MATCH (x)<-[:PARTNER]-(ps:Partnership)<-[:HAS_PARTNERSHIP]-(p:VietnameseProvince) "
             "WHERE ($country IS NULL OR x.country = $country) AND ($kind IS NULL OR $kind IN labels(x)) "
             "AND ($q IS NULL OR x.search_text CONTAINS $q) ")
    params = {"country": country.upper() if country else None, "kind": kind, "q": fold_key(q) if q else None,
              "limit": limit, "offset": offset}
    return _page(store, match + "RETURN count(DISTINCT x)",
                 match + f"WITH x, count(DISTINCT p) AS provinces, min(ps.since) AS since "
                 f"RETURN {{entity: {ENTITY_FIELDS}, provinces: provinces, since: since}} AS item, provinces "
                 "ORDER BY provinces DESC, item.entity.name SKIP $offset LIMIT $limit", params)


def partner(store: GraphStore, key: str) -> dict[str, Any]:
    ent = resolve(store, key)
    if ent["type"] not in PARTNER_LABELS:
        raise NotFound(f"{key!r} is a {ent['type']}, not a partner")
    res = store.read(
        "MATCH (x:Entity {id: $id}) OPTIONAL MATCH (x)-[:LOCATED_IN]->(loc) "
        "WITH x, collect(DISTINCT {id: loc.id, name: loc.name}) AS located "
        "OPTIONAL MATCH (p:VietnameseProvince)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x) "
        "WITH x, located, collect(DISTINCT CASE WHEN p IS NULL THEN NULL ELSE {province: {id: p.id, name: p.name}, "
        "since: ps.since, evidence_count: ps.evidence_count, confidence: ps.confidence} END) AS provinces "
        f"RETURN {{entity: {ENTITY_FIELDS}, name_en: x.name_en, aliases: x.aliases, wikidata: x.wikidata, "
        "org_kind: x.org_kind, unit_type: x.unit_type, located_in: [lx IN located WHERE lx.id IS NOT NULL], "
        "provinces: provinces}", {"id": ent["id"]})
    out = res.rows[0][0]
    # collect() order differs between the engines (and between runs): answer in one order
    out["provinces"].sort(key=lambda p: (p["province"]["name"], p["province"]["id"]))
    return out


def country(store: GraphStore, iso2: str) -> dict[str, Any]:
    code = iso2.upper()
    res = store.read(f"MATCH (x:Country {{id: $id}}) RETURN {ENTITY_FIELDS}, x.name_en, x.wikidata", {"id": code})
    if not res.rows:
        raise NotFound(f"no country with ISO 3166-1 code {iso2!r}")
    ent, name_en, qid = res.rows[0]
    ps = store.read(
        "MATCH (p:VietnameseProvince)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x) "
        "WHERE x.id = $id OR x.country = $id "
        f"RETURN {{province: {{id: p.id, name: p.name}}, partner: {ENTITY_FIELDS}, since: ps.since, "
        "evidence_count: ps.evidence_count} AS item ORDER BY item.province.name, item.partner.name",
        {"id": code}, max_rows=5000)
    return {**ent, "name_en": name_en, "wikidata": qid, "partnerships": [r[0] for r in ps.rows]}


# -- agreements, events, observations ----------------------------------------------------------

def agreements(store: GraphStore, *, province: str | None, partner: str | None, country: str | None,
               kind: str | None, field: str | None, level: str | None, date_from: str | None,
               date_to: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
    pid, xid = _optional_id(store, province, "VietnameseProvince"), _optional_id(store, partner)
    # start from the most selective node given (a fixed choice of prefix; values stay parameters)
    anchor = ("MATCH (:VietnameseProvince {id: $pid})<-[:PARTY]-(a:Agreement) " if pid else
              "MATCH (:Entity {id: $xid})<-[:PARTY]-(a:Agreement) " if xid else "MATCH (a:Agreement) ")
    match = (anchor +
             "WHERE ($kind IS NULL OR a.kind = $kind) AND ($level IS NULL OR a.level = $level) "
             "AND ($field IS NULL OR $field IN a.fields) "
             "AND ($from IS NULL OR (a.date IS NOT NULL AND a.date >= $from)) "
             "AND ($to IS NULL OR (a.date IS NOT NULL AND left(a.date, size($to)) <= $to)) "
             "AND ($pid IS NULL OR (a)-[:PARTY]->(:VietnameseProvince {id: $pid})) "
             "AND ($xid IS NULL OR (a)-[:PARTY]->(:Entity {id: $xid})) "
             "AND ($country IS NULL OR (a)-[:PARTY]->(:Entity {country: $country})) ")
    params = {"kind": kind, "level": level, "field": field, "from": date_from, "to": date_to, "pid": pid,
              "xid": xid, "country": country.upper() if country else None, "limit": limit, "offset": offset}
    return _page(store, match + "RETURN count(a)", match + "WITH a ORDER BY a.date DESC, a.id SKIP $offset LIMIT $limit "
                 + _AGREEMENT_ITEM + " ORDER BY item.date DESC, item.id", params)


_AGREEMENT_ITEM = (
    "OPTIONAL MATCH (a)-[:PARTY]->(x) WITH a, collect(DISTINCT " + ENTITY_FIELDS + ") AS parties "
    "OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document) "
    f"WITH a, parties, {EVIDENCE} AS evidence "
    "RETURN {id: a.id, name: a.name, kind: a.kind, level: a.level, date: a.date, count: a.count, fields: a.fields, "
    "title: a.title, confidence: a.confidence, parties: parties, evidence: evidence} AS item")


def agreement(store: GraphStore, aid: str) -> dict[str, Any]:
    res = store.read("MATCH (a:Agreement {id: $id}) " + _AGREEMENT_ITEM, {"id": aid})
    if not res.rows:
        raise NotFound(f"no agreement {aid!r}")
    return res.rows[0][0]


_EVENT_ITEM = (
    "OPTIONAL MATCH (e)-[:PARTICIPANT]->(x) WITH e, collect(DISTINCT " + ENTITY_FIELDS + ") AS participants "
    "OPTIONAL MATCH (e)-[:HELD_IN]->(pl) WITH e, participants, collect(DISTINCT {id: pl.id, name: pl.name}) AS places "
    "OPTIONAL MATCH (e)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document) "
    f"WITH e, participants, places, {EVIDENCE} AS evidence "
    "RETURN {id: e.id, name: e.name, kind: e.kind, date_start: e.date_start, date_end: e.date_end, "
    "place: e.place_name, held_in: [hx IN places WHERE hx.id IS NOT NULL], confidence: e.confidence, "
    "participants: participants, evidence: evidence} AS item")


def events(store: GraphStore, *, province: str | None, kind: str | None, date_from: str | None,
           date_to: str | None, participant: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
    pid, xid = _optional_id(store, province, "VietnameseProvince"), _optional_id(store, participant)
    anchor = ("MATCH (:VietnameseProvince {id: $pid})<-[:PARTICIPANT]-(e:Event) " if pid else
              "MATCH (:Entity {id: $xid})<-[:PARTICIPANT]-(e:Event) " if xid else "MATCH (e:Event) ")
    match = (anchor + "WHERE ($kind IS NULL OR e.kind = $kind) "
             "AND ($from IS NULL OR (e.date_start IS NOT NULL AND coalesce(e.date_end, e.date_start) >= $from)) "
             "AND ($to IS NULL OR (e.date_start IS NOT NULL AND left(e.date_start, size($to)) <= $to)) "
             "AND ($pid IS NULL OR (e)-[:PARTICIPANT]->(:VietnameseProvince {id: $pid})) "
             "AND ($xid IS NULL OR (e)-[:PARTICIPANT]->(:Entity {id: $xid})) ")
    params = {"kind": kind, "from": date_from, "to": date_to, "pid": pid, "xid": xid, "limit": limit, "offset": offset}
    return _page(store, match + "RETURN count(e)",
                 match + "WITH e ORDER BY e.date_start DESC, e.id SKIP $offset LIMIT $limit "
                 + _EVENT_ITEM + " ORDER BY item.date_start DESC, item.id", params)


def event(store: GraphStore, eid: str) -> dict[str, Any]:
    res = store.read("MATCH (e:Event {id: $id}) " + _EVENT_ITEM, {"id": eid})
    if not res.rows:
        raise NotFound(f"no event {eid!r}")
    return res.rows[0][0]


def observations(store: GraphStore, *, province: str | None, indicator: str | None, period: str | None,
                 limit: int, offset: int) -> tuple[list[dict], int]:
    pid = _optional_id(store, province, "VietnameseProvince")
    anchor = ("MATCH (p:VietnameseProvince {id: $pid})<-[:OBSERVATION_OF]-(o:Observation) " if pid else
              "MATCH (o:Observation)-[:OBSERVATION_OF]->(p:VietnameseProvince) ")
    match = (anchor + "WHERE ($pid IS NULL OR p.id = $pid) AND ($indicator IS NULL OR o.indicator = $indicator) "
             "AND ($period IS NULL OR (o.period IS NOT NULL AND o.period STARTS WITH $period)) ")
    params = {"pid": pid, "indicator": indicator, "period": period, "limit": limit, "offset": offset}
    return _page(store, match + "RETURN count(o)",
                 match + "WITH o, p ORDER BY p.name, o.indicator, o.period, o.id SKIP $offset LIMIT $limit "
                 "OPTIONAL MATCH (o)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document) "
                 f"WITH o, p, {EVIDENCE} AS evidence "
                 "RETURN {id: o.id, province: {id: p.id, name: p.name}, indicator: o.indicator, value: o.value, "
                 "value_max: o.value_max, unit: o.unit, unit_noun: o.unit_noun, period: o.period, "
                 "qualifier: o.qualifier, confidence: o.confidence, evidence: evidence} AS item "
                 "ORDER BY item.province.name, item.indicator, item.period", params)


def document(store: GraphStore, did: str) -> dict[str, Any]:
    res = store.read("MATCH (d:Document {id: $id}) OPTIONAL MATCH (d)-[:ABOUT]->(p) "
                     "WITH d, collect(DISTINCT {id: p.id, name: p.name}) AS subjects "
                     "RETURN {id: d.id, title: d.title, url: d.url, source: d.source, published: d.published, "
                     "content_hash: d.content_hash, ingested_at: d.ingested_at, content: d.content, "
                     "subject_provinces: subjects}", {"id": did})
    if not res.rows:
        raise NotFound(f"no document {did!r}")
    doc = res.rows[0][0]
    doc["subject_provinces"] = [p for p in doc["subject_provinces"] if p.get("id")]
    facts = store.read(
        "MATCH (d:Document {id: $id})<-[:IN_DOCUMENT]-(m:Mention)<-[:EVIDENCED_BY]-(f) "
        "RETURN {type: [lbl IN labels(f) WHERE lbl <> 'Entity'][0], id: f.id, name: f.name, "
        "evidence: {text: m.text, start: m.start, end: m.end, rule: m.rule}} AS item ORDER BY item.evidence.start",
        {"id": did}, max_rows=5000)
    doc["facts"] = [r[0] for r in facts.rows]
    return doc


# -- search, graph, stats -------------------------------------------------------------------------

def search(store: GraphStore, q: str, *, types: list[str] | None, limit: int) -> dict[str, Any]:
    key = fold_key(q)
    if not key:
        return {"query": q, "items": [], "facets": {}}
    match, extra = store.entity_search(key)
    res = store.read(
        match + " WITH x, [lbl IN labels(x) WHERE lbl <> 'Entity'][0] AS type, "
        "CASE WHEN x.search_text CONTAINS $exact THEN 3 WHEN x.search_text CONTAINS $prefix THEN 2 ELSE 1 END AS score "
        "WHERE $types IS NULL OR type IN $types "
        f"RETURN {ENTITY_FIELDS} AS item, type, score, coalesce(x.current, false) AS cur "
        "ORDER BY score DESC, cur DESC, size(x.name), x.name LIMIT 500",
        {**extra, "k": key, "exact": f"|{key}|", "prefix": f"|{key}", "types": types}, max_rows=500)
    facets: dict[str, int] = {}
    items: list[dict[str, Any]] = []
    for item, typ, score, _ in res.rows:
        facets[typ] = facets.get(typ, 0) + 1
        if len(items) < limit:
            items.append({**item, "score": score})
    return {"query": q, "items": items, "facets": facets}


def neighborhood(store: GraphStore, key: str, depth: int, limit: int) -> dict[str, Any]:
    ent = resolve(store, key)
    d = max(1, min(int(depth), 3))  # an int from a fixed range, safe in the pattern
    res = store.read(f"MATCH path = (a:Entity {{id: $id}})-[*1..{d}]-(b) WHERE a <> b "
                     "RETURN path LIMIT $limit", {"id": ent["id"], "limit": limit}, max_rows=limit)
    return _graph_json([r[0] for r in res.rows], root=ent)


def paths(store: GraphStore, src: str, dst: str, max_depth: int) -> dict[str, Any]:
    a, b = resolve(store, src), resolve(store, dst)
    q = store.shortest_path_query(max(1, min(int(max_depth), 6)))
    res = store.read(q, {"from": a["id"], "to": b["id"]}, max_rows=10)
    g = _graph_json([r[0] for r in res.rows], root=a)
    g["paths"] = [[n["properties"].get("id") for n in r[0]["nodes"]] for r in res.rows]
    g["to"] = b
    return g


def _graph_json(paths_: list[dict[str, Any]], root: dict[str, Any]) -> dict[str, Any]:
    nodes: dict[str, dict] = {}
    edges: dict[tuple, dict] = {}
    for p in paths_:
        ids = []
        for n in p["nodes"]:
            props = n["properties"]
            nid = props.get("id")
            ids.append(nid)
            nodes.setdefault(nid, {"id": nid, "type": next((lab for lab in n["labels"] if lab != "Entity"), "Entity"),
                                   "name": props.get("name"), "country": props.get("country")})
        for i, e in enumerate(p["edges"]):
            src, dst = ids[i], ids[i + 1]
            edges.setdefault((src, dst, e["type"]), {"source": src, "target": dst, "type": e["type"]})
    return {"root": root, "nodes": list(nodes.values()), "edges": list(edges.values())}


def stats(store: GraphStore) -> dict[str, Any]:
    from graph.stats import graph_counts

    counts = graph_counts(store)
    by_country = store.read(
        "MATCH (p:VietnameseProvince)-[:HAS_PARTNERSHIP]->(:Partnership)-[:PARTNER]->(x) WHERE x.country IS NOT NULL "
        "RETURN x.country AS country, count(*) AS partnerships, count(DISTINCT p) AS provinces "
        "ORDER BY partnerships DESC, country", max_rows=500)
    by_year = store.read("MATCH (a:Agreement) WHERE a.date IS NOT NULL RETURN left(a.date, 4) AS year, count(a) AS n "
                         "ORDER BY year", max_rows=500)
    by_kind = store.read("MATCH (a:Agreement) RETURN a.kind AS kind, count(a) AS n ORDER BY n DESC", max_rows=100)
    return {"nodes": counts["nodes"], "relationships": counts["relationships"],
            "partnerships_by_country": by_country.records(),
            "agreements_by_year": by_year.records(), "agreements_by_kind": by_kind.records()}
