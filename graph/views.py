"""Read models for the REST API, as named queries: each function runs `queries/views/*.cypher` files
through the catalog (validated parameters, time limits, row caps) and shapes their rows.

No Cypher here. Where a view starts from a province or a partner, the file for that anchor is
chosen (`agreements_of_province_page`, `…_of_partner_page`, `…_all_page`), so each file has one plan
that starts on the Entity.id index; values are always parameters.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from core.errors import NotFound
from core.fold import fold_key as fold
from graph.catalog import fulltext_terms, run_view
from graph.resolve import PARTNER_LABELS, lookup, pick
from graph.resolve import resolve as _resolve
from graph.store import GraphStore

__all__ = ["PARTNER_LABELS", "pick"]


def _page(store: GraphStore, name: str, params: dict[str, Any]) -> tuple[list[dict], int]:
    filters = {k: v for k, v in params.items() if k not in ("limit", "offset", "sort")}
    total = int(run_view(store, name + "_count", filters).scalar() or 0)
    res = run_view(store, name + "_page", params, max_rows=params.get("limit", 50))
    return [_collected_in_order(r[0]) for r in res.rows], total


def _collected_in_order(value: Any) -> Any:
    """collect() order is promised by neither engine and differs between them: lists of maps inside
    an item come sorted by their fields in name order (a date or id first, as the fields are named)."""
    if isinstance(value, dict):
        return {k: _collected_in_order(v) for k, v in value.items()}
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return sorted((_collected_in_order(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, default=str))
    return value


def resolve(store: GraphStore, key: str, label: str = "Entity", *, as_of: str | None = None) -> dict[str, Any]:
    """An entity by id, else by name or alias (accent- and case-insensitive)."""
    return _resolve(store, key, label, as_of=as_of)


def _optional_id(store: GraphStore, key: str | None, label: str = "Entity") -> str | None:
    """The id of a filter's entity (given by id or name), or None when the filter is not used."""
    return resolve(store, key, label)["id"] if key else None


# -- provinces ------------------------------------------------------------------------------------

def counts_of(store: GraphStore, ids: list[str], *, include_predecessors: bool = True) -> dict[str, dict[str, Any]]:
    """Per province id: `counts` (the unit itself), `inherited_counts` (the units merged into it in the
    2025 reform, named in `rolled_up_from`), `total_counts` (all of them, each partner or fact once)
    and `partners`, the headline number: the total. The one shape of every province row, list or not."""
    if not ids:
        return {}
    rows = run_view(store, "province_counts", {"ids": sorted(set(ids)),
                                               "include_predecessors": include_predecessors}).records()
    out = {}
    for r in rows:
        r["rolled_up_from"] = sorted(r["rolled_up_from"], key=lambda u: u["id"])
        out[r.pop("id")] = {**r, "partners": r["total_counts"]["partners"]}
    return out


def provinces(store: GraphStore, *, current: bool | None, region: str | None, limit: int, offset: int,
              sort: str = "name", as_of: str | None = None,
              include_predecessors: bool = True) -> tuple[list[dict], int]:
    """A page of provinces; a unit formed in the 2025 reform counts what its predecessors did too
    (sorting by partners sorts by that total), `as_of` keeps the units valid on that day."""
    filters = {"current": current, "region": region, "as_of": as_of}
    total = int(run_view(store, "provinces_count", filters).scalar() or 0)
    res = run_view(store, "provinces_page", {**filters, "include_predecessors": include_predecessors, "sort": sort,
                                             "limit": limit, "offset": offset}, max_rows=limit)
    items = [r[0] for r in res.rows]
    counts = counts_of(store, [i["id"] for i in items], include_predecessors=include_predecessors)
    return [{**i, **counts[i["id"]]} for i in items], total


def province(store: GraphStore, key: str, *, as_of: str | None = None,
             include_predecessors: bool = True) -> dict[str, Any]:
    """One province; a unit formed in the 2025 reform also shows, per predecessor, what it inherits,
    and its counts own, inherited and total."""
    pid = resolve(store, key, "VietnameseProvince", as_of=as_of)["id"]
    item = run_view(store, "province_detail", {"id": pid}).rows[0][0]
    item.update(counts_of(store, [pid], include_predecessors=include_predecessors)[pid])
    item["inherited"] = []
    if include_predecessors and item["predecessors"]:
        inherited = []
        for pred in sorted(item["predecessors"], key=lambda u: u["id"]):
            counts = run_view(store, "province_detail", {"id": pred["id"]}).rows[0][0]["counts"]
            inherited.append({"from": pred, "counts": counts})
        item["inherited"] = inherited
    return item


def province_partners(store: GraphStore, key: str, *, country: str | None, kind: str | None, since: str | None,
                      until: str | None, limit: int, offset: int, as_of: str | None = None,
                      include_predecessors: bool = False) -> tuple[list[dict], int]:
    """A province's partners; with include_predecessors, a current unit's list also holds the
    partnerships of the units merged into it, each labelled with the predecessor it comes from.

    One round trip after the look-up: the page view counts the total, pages in the engine over the
    unit and its predecessors together, and reads what backs only the items of the page."""
    found = lookup(store, key, "VietnameseProvince", as_of=as_of)
    pid = found["entity"]["id"]
    ids = [pid] + (sorted(found.get("predecessors") or []) if include_predecessors else [])
    filters = {"country": country.upper() if country else None, "kind": kind, "since": since, "until": until,
               "ids": ids}
    res = run_view(store, "province_partners_page", {"id": pid, **filters, "limit": limit, "offset": offset},
                   max_rows=limit)
    if not res.rows:  # an empty page carries no total
        return [], int(run_view(store, "province_partners_count", filters).scalar() or 0)
    items = []
    for item, inherited_from, _ in res.rows:
        item = _collected_in_order(item)
        if inherited_from is not None:
            item["inherited_from"] = inherited_from
        items.append(item)
    return items, int(res.rows[0][2])


# -- partners -----------------------------------------------------------------------------------

def partners(store: GraphStore, *, country: str | None, kind: str | None, q: str | None, limit: int,
             offset: int) -> tuple[list[dict], int]:
    return _page(store, "partners", {"country": country.upper() if country else None, "kind": kind,
                                     "q": q if q and fold(q) else None, "limit": limit, "offset": offset})


def partner(store: GraphStore, key: str) -> dict[str, Any]:
    ent = resolve(store, key)
    if ent["type"] not in PARTNER_LABELS:
        raise NotFound(f"{key!r} is a {ent['type']}, not a partner")
    out = run_view(store, "partner_detail", {"id": ent["id"]}).rows[0][0]
    # collect() order differs between the engines (and between runs): answer in one order
    out["provinces"].sort(key=lambda p: (p["province"]["name"], p["province"]["id"]))
    return out


def country(store: GraphStore, iso2: str) -> dict[str, Any]:
    code = iso2.upper()
    res = run_view(store, "country_detail", {"id": code})
    if not res.rows:
        raise NotFound(f"no country with ISO 3166-1 code {iso2!r}")
    ent, name_en, qid = res.rows[0]
    ps = run_view(store, "country_partnerships", {"id": code})
    return {**ent, "name_en": name_en, "wikidata": qid, "partnerships": [r[0] for r in ps.rows]}


# -- agreements, events, observations ----------------------------------------------------------

def agreements(store: GraphStore, *, province: str | None, partner: str | None, country: str | None,
               kind: str | None, field: str | None, level: str | None, date_from: str | None,
               date_to: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
    pid, xid = _optional_id(store, province, "VietnameseProvince"), _optional_id(store, partner)
    anchor = "of_province" if pid else "of_partner" if xid else "all"
    params = {"kind": kind, "level": level, "field": field, "from": date_from, "to": date_to, "pid": pid,
              "xid": xid, "country": country.upper() if country else None, "limit": limit, "offset": offset}
    return _page(store, f"agreements_{anchor}", params)


def agreement(store: GraphStore, aid: str) -> dict[str, Any]:
    res = run_view(store, "agreement_detail", {"id": aid})
    if not res.rows:
        raise NotFound(f"no agreement {aid!r}")
    return res.rows[0][0]


def events(store: GraphStore, *, province: str | None, kind: str | None, date_from: str | None,
           date_to: str | None, participant: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
    pid, xid = _optional_id(store, province, "VietnameseProvince"), _optional_id(store, participant)
    anchor = "of_province" if pid else "of_participant" if xid else "all"
    params = {"kind": kind, "from": date_from, "to": date_to, "pid": pid, "xid": xid, "limit": limit,
              "offset": offset}
    return _page(store, f"events_{anchor}", params)


def event(store: GraphStore, eid: str) -> dict[str, Any]:
    res = run_view(store, "event_detail", {"id": eid})
    if not res.rows:
        raise NotFound(f"no event {eid!r}")
    return res.rows[0][0]


def observations(store: GraphStore, *, province: str | None, indicator: str | None, period: str | None,
                 limit: int, offset: int) -> tuple[list[dict], int]:
    pid = _optional_id(store, province, "VietnameseProvince")
    params = {"pid": pid, "indicator": indicator, "period": period, "limit": limit, "offset": offset}
    return _page(store, "observations_of_province" if pid else "observations_all", params)


def document(store: GraphStore, did: str) -> dict[str, Any]:
    res = run_view(store, "document_detail", {"id": did})
    if not res.rows:
        raise NotFound(f"no document {did!r}")
    doc = res.rows[0][0]
    doc["facts"] = [r[0] for r in run_view(store, "document_facts", {"id": did}).rows]
    return doc


# -- search, graph, stats -------------------------------------------------------------------------

def search(store: GraphStore, q: str, *, types: list[str] | None, limit: int, as_of: str | None = None,
           include_predecessors: bool = True) -> dict[str, Any]:
    """Ranked hits with facets over every match. A province dissolved in the 2025 reform is labelled
    with the unit it merged into (`successors`), and that unit is a hit too (`found_via`, just before
    it); province hits carry the counts of a province row (own, inherited, total)."""
    key = fold(q)
    if not key:
        return {"query": q, "items": [], "facets": {}}
    day = as_of or dt.date.today().isoformat()
    params = {"q": q, "terms": fulltext_terms(key), "types": types or None}
    res = run_view(store, "search_items", {**params, "as_of": day, "limit": limit})
    hits = [{**item, "score": score} for item, score in res.rows]
    seen = {h["id"] for h in hits}
    items: list[dict[str, Any]] = []
    added: dict[str, dict[str, Any]] = {}
    for hit in hits:
        for succ in sorted(hit.get("successors") or [], key=lambda u: u["id"]):
            if succ["id"] in seen:
                continue
            if succ["id"] not in added:
                found = run_view(store, "search_unit", {"id": succ["id"]}).rows
                if not found:
                    continue
                added[succ["id"]] = {**found[0][0], "score": hit["score"], "found_via": []}
                items.append(added[succ["id"]])
            added[succ["id"]]["found_via"].append({"id": hit["id"], "name": hit["name"]})
        items.append(hit)
    items = items[:limit]
    counts = counts_of(store, [i["id"] for i in items if i["type"] == "VietnameseProvince"],
                       include_predecessors=include_predecessors)
    for i in items:
        if i["type"] == "VietnameseProvince":
            i.update(counts.get(i["id"], {}))
        else:  # the province fields mean nothing on a partner
            for k in ("current", "valid_from", "valid_to", "successors"):
                i.pop(k, None)
    facets = {typ: int(n) for typ, n in run_view(store, "search_facets", params).rows}
    return {"query": q, "items": items, "facets": facets}


def neighborhood(store: GraphStore, key: str, depth: int, limit: int) -> dict[str, Any]:
    ent = resolve(store, key)
    d = max(1, min(int(depth), 3))
    res = run_view(store, f"neighborhood_{d}", {"id": ent["id"], "limit": limit}, max_rows=limit)
    return _graph_json([(nodes, types) for nodes, types in res.rows], root=ent)


def paths(store: GraphStore, src: str, dst: str, max_depth: int) -> dict[str, Any]:
    a, b = resolve(store, src), resolve(store, dst)
    q = store.shortest_path_query(max(1, min(int(max_depth), 6)))
    res = store.read(q, {"from": a["id"], "to": b["id"]}, max_rows=10)
    projected = [([_node_ref(n) for n in r[0]["nodes"]], [e["type"] for e in r[0]["edges"]]) for r in res.rows]
    g = _graph_json(projected, root=a)
    g["paths"] = [[n["id"] for n in nodes] for nodes, _ in projected]
    g["to"] = b
    return g


def _node_ref(n: dict[str, Any]) -> dict[str, Any]:
    props = n["properties"]
    return {"id": props.get("id"), "type": next((lab for lab in n["labels"] if lab != "Entity"), "Entity"),
            "name": props.get("name"), "country": props.get("country")}


def _graph_json(paths_: list[tuple[list[dict[str, Any]], list[str]]], root: dict[str, Any]) -> dict[str, Any]:
    nodes: dict[str, dict] = {}
    edges: dict[tuple, dict] = {}
    for path_nodes, types in paths_:
        for n in path_nodes:
            nodes.setdefault(n["id"], n)
        for i, typ in enumerate(types):
            src, dst = path_nodes[i]["id"], path_nodes[i + 1]["id"]
            edges.setdefault((src, dst, typ), {"source": src, "target": dst, "type": typ})
    return {"root": root, "nodes": list(nodes.values()), "edges": list(edges.values())}


def stats(store: GraphStore) -> dict[str, Any]:
    from graph.stats import graph_counts

    counts = graph_counts(store)
    return {"nodes": counts["nodes"], "relationships": counts["relationships"],
            "partnerships_by_country": run_view(store, "stats_by_country", {}).records(),
            "agreements_by_year": run_view(store, "stats_by_year", {}).records(),
            "agreements_by_kind": run_view(store, "stats_by_kind", {}).records()}
