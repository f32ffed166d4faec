"""Read models for the web explorer: one answer per page, so a page renders from one request.

A province page needs its partners with map coordinates and counts, a timeline of agreements and
events, and its figures by indicator. A unit created by the 2025 reform also shows what its
predecessors did, each item labelled with the predecessor it is inherited from (`via`); a unit
dissolved by the reform links to its successor (in `province.successors`).

Values are $parameters; labels are literals from the ontology, as in graph/views.py.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import NotFound
from graph import views as V
from graph.catalog import run_view
from graph.store import GraphStore

PARTNER_CAP = 200  # rows of the partner table (the most active first); the map gets every located partner
TIMELINE_CAP = 100  # latest agreements and events per unit
PERIOD_CAP = 12  # latest periods per indicator

# the read models are queries/views/explorer_*.cypher; these name the columns they answer
_PARTNER_KEYS = ("id", "name", "labels", "country", "lat", "lon", "since", "first_reported", "evidence_count",
                 "confidence")
_FIGURE_KEYS = ("indicator", "unit", "period", "value", "value_max", "reports", "id")


@lru_cache(maxsize=512)
def country_numeric(iso2: str | None) -> str | None:
    """ISO 3166-1 numeric code (the id of a country in the Natural Earth TopoJSON the map draws)."""
    if not iso2:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2.upper())
    return c.numeric if c else None


def _rows(store: GraphStore, view: str, pid: str, **params: Any) -> list[Any]:
    return [r[0] if len(r) == 1 else r for r in run_view(store, view, {"id": pid, **params}).rows]


def _merge_partner(partners: dict[str, dict[str, Any]], row: dict[str, Any]) -> None:
    seen = partners.get(row["id"])
    if seen is None:
        partners[row["id"]] = row
        return
    # the same partner of two predecessors: one row, both sources, counts added
    for key in ("agreements", "events"):
        seen[key] += row[key]
    seen["evidence_count"] = (seen["evidence_count"] or 0) + (row["evidence_count"] or 0)
    seen["via"] += row["via"]
    for key in ("since", "first_reported"):
        seen[key] = min(filter(None, [seen[key], row[key]]), default=None)


def province_page(store: GraphStore, key: str) -> dict[str, Any]:
    """Everything the province page shows, rolled up from predecessors for a post-2025 unit.

    Long lists are capped (the most active partners, the latest facts, the latest periods) and say so
    with their totals, so a hub province answers as fast as a small one.
    """
    prov = V.province(store, key)
    pid = prov["id"]
    units: list[tuple[str, dict[str, str] | None]] = [(pid, None)]
    if prov.get("current") and prov.get("predecessors"):
        units += [(p["id"], {"id": p["id"], "name": p["name"]}) for p in prov["predecessors"] if p["id"] != pid]
    partners: dict[str, dict[str, Any]] = {}
    timeline: list[dict[str, Any]] = []
    figures: dict[str, dict[str, Any]] = {}
    for uid, via in units:
        agreements = dict(_rows(store, "explorer_agreements_by_partner", uid))
        events = dict(_rows(store, "explorer_events_by_partner", uid))
        for values in _rows(store, "explorer_partners", uid):
            row = dict(zip(_PARTNER_KEYS, values, strict=True))
            row["type"] = next((lbl for lbl in row.pop("labels") if lbl != "Entity"), "Entity")
            row.update(country_numeric=country_numeric(row.get("country")), via=[via] if via else [],
                       agreements=agreements.get(row["id"], 0), events=events.get(row["id"], 0))
            _merge_partner(partners, row)
        for kind, view in (("agreement", "explorer_agreements"), ("event", "explorer_events")):
            for row in _rows(store, view, uid, cap=TIMELINE_CAP):
                row.update(type=kind, via=via, parties=[x for x in row["parties"] if x.get("id") and x["id"] != uid])
                timeline.append(row)
        for values in _rows(store, "explorer_figures", uid):
            row = {**dict(zip(_FIGURE_KEYS, values, strict=True)), "via": via}
            figures.setdefault(row["indicator"], {"indicator": row["indicator"], "unit": row["unit"],
                                                  "points": []})["points"].append(row)
    for ind in figures.values():
        ind["points"] = sorted(ind["points"], key=lambda r: (r.get("period") or "", r["id"]))[-PERIOD_CAP:]
    timeline = list({r["id"]: r for r in timeline}.values())  # an agreement of two predecessors, once
    timeline.sort(key=lambda r: (r.get("date") or "", r["id"]), reverse=True)
    plist = sorted(partners.values(), key=lambda r: (-(r["agreements"] + r["events"]), r["name"] or "", r["id"]))
    countries: dict[str, dict[str, Any]] = {}
    for row in plist:
        if row.get("country"):
            c = countries.setdefault(row["country"], {"iso2": row["country"], "numeric": row["country_numeric"],
                                                      "partners": 0})
            c["partners"] += 1
    points = [{k: r[k] for k in ("id", "name", "type", "country", "lat", "lon", "agreements", "events")}
              for r in plist if r.get("lat") is not None]
    return {"province": prov, "rolled_up_from": [v for _, v in units if v],
            # the province row's totals (each agreement or event once, even when two predecessors share it)
            "totals": {"partners": len(plist), "agreements": prov["total_counts"]["agreements"],
                       "events": prov["total_counts"]["events"]}, "partners": plist[:PARTNER_CAP], "points": points,
            "countries": sorted(countries.values(), key=lambda c: (-c["partners"], c["iso2"])),
            "timeline": timeline[:TIMELINE_CAP], "figures": sorted(figures.values(), key=lambda f: f["indicator"])}


def partner_page(store: GraphStore, key: str) -> dict[str, Any]:
    """A partner with the provinces that work with it and the agreements and events of each pair."""
    detail = V.partner(store, key)
    xid = detail["entity"]["id"]
    where = run_view(store, "explorer_partner_location", {"id": xid}).rows
    lat, lon = where[0] if where else (None, None)
    agreements = run_view(store, "explorer_partner_agreements", {"id": xid}).rows
    events = run_view(store, "explorer_partner_events", {"id": xid}).rows
    page = {**detail, "lat": lat, "lon": lon, "country_numeric": country_numeric(detail["entity"].get("country")),
            "agreements": [r[0] for r in agreements], "events": [r[0] for r in events], "country_partnerships": []}
    if detail["entity"]["type"] == "Country":  # a country page also lists its places' and bodies' partnerships
        rows = V.country(store, xid)["partnerships"]
        ids = sorted({r["partner"]["id"] for r in rows})
        # a country none of whose places partners with a province has nothing to locate
        where_all = {r[0]: (r[1], r[2]) for r in run_view(store, "explorer_locations", {"ids": ids}).rows} if ids else {}
        for r in rows:
            r["partner"]["lat"], r["partner"]["lon"] = where_all.get(r["partner"]["id"], (None, None))
        page["country_partnerships"] = rows
    return page


def entity_exists(store: GraphStore, label: str, key: str) -> bool:
    return bool(run_view(store, "entity_by_id", {"id": key, "labels": [label]}).rows)


def require_entity(store: GraphStore, label: str, key: str) -> None:
    if not entity_exists(store, label, key):
        raise NotFound(f"no {label} with id {key!r}")


@lru_cache(maxsize=4)
def vocabulary(ontology: Path) -> dict[str, dict[str, dict[str, str]]]:
    """The SKOS concept schemes of the ontology (agreement kinds, event kinds, cooperation fields):
    scheme -> notation -> {"vi": label, "en": label}, so the pages name a kind as the ontology does."""
    import rdflib
    from rdflib.namespace import SKOS

    g = rdflib.Graph().parse(ontology, format="turtle")
    out: dict[str, dict[str, dict[str, str]]] = {}
    for concept, scheme in g.subject_objects(SKOS.inScheme):
        notation = g.value(concept, SKOS.notation)
        if notation is None:
            continue
        labels = {lit.language: str(lit) for lit in g.objects(concept, SKOS.prefLabel)
                  if isinstance(lit, rdflib.Literal) and lit.language in ("vi", "en")}
        out.setdefault(str(scheme).rsplit("#", 1)[-1], {})[str(notation)] = labels
    return out
