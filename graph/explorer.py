"""Read models for the web explorer: one answer per page, so a page renders from one request.

A province page needs its partners with map coordinates and counts, a timeline of agreements and
events, and its figures by indicator. A unit created by the 2025 reform also shows what its
predecessors did, each item labelled with the predecessor it is inherited from (`via`); a unit
dissolved by the reform links to its successor (in `province.successors`).

Values are $parameters; labels are literals from the ontology, as in graph/views.py.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from graph import views as V
from graph.errors import NotFound
from graph.store import GraphStore

_TYPE = "[lbl IN labels(x) WHERE lbl <> 'Entity'][0]"

_PARTNERS = (
    "MATCH (p:VietnameseProvince {id: $id})-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x) "
    "OPTIONAL MATCH (x)<-[:PARTY]-(a:Agreement)-[:PARTY]->(p) "
    "WITH p, ps, x, count(DISTINCT a) AS agreements "
    "OPTIONAL MATCH (x)<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(p) "
    "WITH ps, x, agreements, count(DISTINCT e) AS events "
    f"RETURN {{id: x.id, name: x.name, name_en: x.name_en, type: {_TYPE}, country: x.country, "
    "iso3166_2: x.iso3166_2, lat: x.lat, lon: x.lon, partnership: ps.id, since: ps.since, "
    "evidence_count: ps.evidence_count, confidence: ps.confidence, agreements: agreements, events: events}")

_AGREEMENTS = (
    "MATCH (p:VietnameseProvince {id: $id})<-[:PARTY]-(a:Agreement) "
    "OPTIONAL MATCH (a)-[:PARTY]->(x) "
    f"WITH a, collect(DISTINCT {{id: x.id, name: x.name, type: {_TYPE}}}) AS parties "
    "OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(m:Mention) WITH a, parties, count(DISTINCT m) AS evidence "
    "RETURN {id: a.id, name: a.name, kind: a.kind, date: a.date, fields: a.fields, parties: parties, "
    "evidence_count: evidence}")

_EVENTS = (
    "MATCH (p:VietnameseProvince {id: $id})<-[:PARTICIPANT]-(e:Event) "
    "OPTIONAL MATCH (e)-[:PARTICIPANT]->(x) "
    f"WITH e, collect(DISTINCT {{id: x.id, name: x.name, type: {_TYPE}}}) AS parties "
    "OPTIONAL MATCH (e)-[:EVIDENCED_BY]->(m:Mention) WITH e, parties, count(DISTINCT m) AS evidence "
    "RETURN {id: e.id, name: e.name, kind: e.kind, date: e.date_start, date_end: e.date_end, place: e.place_name, "
    "parties: parties, evidence_count: evidence}")

_FIGURES = (
    "MATCH (p:VietnameseProvince {id: $id})<-[:OBSERVATION_OF]-(o:Observation) "
    "RETURN {id: o.id, indicator: o.indicator, value: o.value, value_max: o.value_max, unit: o.unit, "
    "unit_noun: o.unit_noun, period: o.period, qualifier: o.qualifier}")


@lru_cache(maxsize=512)
def country_numeric(iso2: str | None) -> str | None:
    """ISO 3166-1 numeric code (the id of a country in the Natural Earth TopoJSON the map draws)."""
    if not iso2:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2.upper())
    return c.numeric if c else None


def _rows(store: GraphStore, query: str, pid: str) -> list[dict[str, Any]]:
    return [r[0] for r in store.read(query, {"id": pid}, max_rows=5000).rows]


def _date_key(item: dict[str, Any]) -> str:
    return item.get("date") or ""


def province_page(store: GraphStore, key: str) -> dict[str, Any]:
    """Everything the province page shows, rolled up from predecessors for a post-2025 unit."""
    prov = V.province(store, key)
    pid = prov["id"]
    units: list[tuple[str, dict[str, str] | None]] = [(pid, None)]
    if prov.get("current") and prov.get("predecessors"):
        units += [(p["id"], {"id": p["id"], "name": p["name"]}) for p in prov["predecessors"] if p["id"] != pid]
    partners: dict[str, dict[str, Any]] = {}
    timeline: list[dict[str, Any]] = []
    figures: dict[str, dict[str, Any]] = {}
    for uid, via in units:
        for row in _rows(store, _PARTNERS, uid):
            row["country_numeric"] = country_numeric(row.get("country"))
            row["via"] = [via] if via else []
            seen = partners.get(row["id"])
            if seen is None:
                partners[row["id"]] = row
            else:  # the same partner of two predecessors: one row, both sources, counts added
                seen["agreements"] += row["agreements"]
                seen["events"] += row["events"]
                seen["evidence_count"] = (seen["evidence_count"] or 0) + (row["evidence_count"] or 0)
                seen["via"] += row["via"]
                seen["since"] = min(filter(None, [seen["since"], row["since"]]), default=None)
        for kind, query in (("agreement", _AGREEMENTS), ("event", _EVENTS)):
            for row in _rows(store, query, uid):
                row["type"] = kind
                row["via"] = via
                row["parties"] = [x for x in row["parties"] if x.get("id") and x["id"] != uid]
                timeline.append(row)
        for row in _rows(store, _FIGURES, uid):
            row["via"] = via
            ind = figures.setdefault(row["indicator"], {"indicator": row["indicator"], "unit": row["unit"],
                                                        "points": []})
            ind["points"].append(row)
    for ind in figures.values():
        ind["points"].sort(key=lambda r: (r.get("period") or "", r["id"]))
    timeline.sort(key=lambda r: (_date_key(r), r["id"]), reverse=True)
    plist = sorted(partners.values(), key=lambda r: (-(r["agreements"] + r["events"]), r["name"] or "", r["id"]))
    countries: dict[str, dict[str, Any]] = {}
    for row in plist:
        if row.get("country"):
            c = countries.setdefault(row["country"], {"iso2": row["country"], "numeric": row["country_numeric"],
                                                      "partners": 0})
            c["partners"] += 1
    return {"province": prov, "rolled_up_from": [v for _, v in units if v], "partners": plist,
            "countries": sorted(countries.values(), key=lambda c: (-c["partners"], c["iso2"])),
            "timeline": timeline, "figures": sorted(figures.values(), key=lambda f: f["indicator"])}


def partner_page(store: GraphStore, key: str) -> dict[str, Any]:
    """A partner with the provinces that work with it and the agreements and events of each pair."""
    detail = V.partner(store, key)
    xid = detail["entity"]["id"]
    where = store.read("MATCH (x:Entity {id: $id}) RETURN x.lat, x.lon", {"id": xid}).rows
    lat, lon = where[0] if where else (None, None)
    agreements = store.read(
        "MATCH (x:Entity {id: $id})<-[:PARTY]-(a:Agreement)-[:PARTY]->(p:VietnameseProvince) "
        "RETURN {id: a.id, name: a.name, kind: a.kind, date: a.date, province: {id: p.id, name: p.name}} AS item "
        "ORDER BY item.date DESC, item.id", {"id": xid}, max_rows=5000).rows
    events = store.read(
        "MATCH (x:Entity {id: $id})<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(p:VietnameseProvince) "
        "RETURN {id: e.id, name: e.name, kind: e.kind, date: e.date_start, province: {id: p.id, name: p.name}} AS item "
        "ORDER BY item.date DESC, item.id", {"id": xid}, max_rows=5000).rows
    return {**detail, "lat": lat, "lon": lon, "country_numeric": country_numeric(detail["entity"].get("country")),
            "agreements": [r[0] for r in agreements], "events": [r[0] for r in events]}


def entity_exists(store: GraphStore, label: str, key: str) -> bool:
    return bool(store.read(f"MATCH (n:{label} {{id: $id}}) RETURN count(n)", {"id": key}).scalar())


def require_entity(store: GraphStore, label: str, key: str) -> None:
    if not entity_exists(store, label, key):
        raise NotFound(f"no {label} with id {key!r}")
