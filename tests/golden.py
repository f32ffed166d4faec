"""Outputs of every read view and named query on a graph, in a canonical form, so that the rewrite of
their Cypher (issue #16) can be checked against the outputs captured before it.

    .venv/bin/python -m tests.golden capture synth      # writes tests/data/golden/synth.json.gz
    .venv/bin/python -m tests.golden capture sample     # writes tests/data/golden/sample.json (digests)
    .venv/bin/python -m tests.golden add synth|sample   # keeps those, adds the cases added since

The synthetic graph (bench/synth.py, seed 8) is text-free of articles, so its outputs are kept in
full; the sample graph's outputs quote article sentences, so only a digest per case is kept (article
text stays out of the project). Each case is (view or query name, parameters); `run_case` calls it
through the public entry points (graph.views, graph.catalog.run_query).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "data" / "golden"
SYNTH_FACTS = 2_000
# keys whose value is not the graph's content (load time, where the checkout lies)
VOLATILE = {"ingested_at", "source"}  # source: the article path, which moves with the checkout

PROVINCES = ["VN-25", "VN-2025-44", "VN-09", "VN-13", "VN-22", "VN-44", "VN-63", "VN-73"]
PARTNERS = ["CN-GX", "LA-SV", "LA", "KR", "JP", "CN", "TH", "org-vufo"]


def view_cases(first: dict[str, list[str]]) -> list[tuple[str, dict[str, Any]]]:
    """(view, kwargs) pairs; `first` holds a few ids of facts/documents present in the graph."""
    cases: list[tuple[str, dict[str, Any]]] = []
    for cur in (None, True, False):
        for sort in ("name", "id", "partners"):
            cases.append(("provinces", {"current": cur, "region": None, "limit": 50, "offset": 0, "sort": sort}))
    cases.append(("provinces", {"current": None, "region": None, "limit": 20, "offset": 40, "sort": "name"}))
    cases.append(("provinces", {"current": None, "region": "Trung du và miền núi phía Bắc", "limit": 50,
                                "offset": 0, "sort": "name"}))
    for p in PROVINCES:
        cases.append(("province", {"key": p}))
        cases.append(("province_partners", {"key": p, "country": None, "kind": None, "since": None, "until": None,
                                            "limit": 50, "offset": 0}))
        cases.append(("agreements", {"province": p, "partner": None, "country": None, "kind": None, "field": None,
                                     "level": None, "date_from": None, "date_to": None, "limit": 50, "offset": 0}))
        cases.append(("events", {"province": p, "kind": None, "date_from": None, "date_to": None,
                                 "participant": None, "limit": 50, "offset": 0}))
        cases.append(("observations", {"province": p, "indicator": None, "period": None, "limit": 50,
                                       "offset": 0}))
    for kw in ({"country": "LA"}, {"kind": "ForeignLocality"}, {"since": "2015", "until": "2020-06"},
               {"country": "CN", "kind": "Organization"}):
        for p in ("VN-09", "VN-25"):
            base = {"key": p, "country": None, "kind": None, "since": None, "until": None, "limit": 50, "offset": 0}
            cases.append(("province_partners", {**base, **kw}))
    cases.append(("province_partners", {"key": "VN-09", "country": None, "kind": None, "since": None,
                                        "until": None, "limit": 5, "offset": 5}))
    # what the API answers by default: a unit formed in the 2025 reform with its predecessors' partners
    # (captured before the one-query rewrite of issue #16's routes work)
    for p in PROVINCES:
        cases.append(("province_partners", {"key": p, "country": None, "kind": None, "since": None, "until": None,
                                            "limit": 50, "offset": 0, "include_predecessors": True}))
    for kw in ({"limit": 7, "offset": 3}, {"limit": 5, "offset": 10_000}, {"country": "LA"},
               {"since": "2015", "until": "2020-06"}):
        cases.append(("province_partners", {"key": "VN-2025-44", "country": None, "kind": None, "since": None,
                                            "until": None, "limit": 50, "offset": 0, "include_predecessors": True,
                                            **kw}))
    for kw in ({}, {"country": "LA"}, {"kind": "Organization"}, {"q": "quang"}, {"offset": 10, "limit": 10}):
        cases.append(("partners", {"country": None, "kind": None, "q": None, "limit": 50, "offset": 0, **kw}))
    for x in PARTNERS:
        if x != "org-vufo" and "-" in x:
            cases.append(("partner", {"key": x}))
    for c in ("LA", "CN", "TH", "KR"):
        cases.append(("country", {"iso2": c}))
    agr = {"province": None, "partner": None, "country": None, "kind": None, "field": None, "level": None,
           "date_from": None, "date_to": None, "limit": 50, "offset": 0}
    for kw in ({}, {"partner": "CN-GX"}, {"partner": "LA"}, {"country": "LA"}, {"kind": "MoU"},
               {"field": "trade"}, {"level": "provincial"}, {"date_from": "2020", "date_to": "2022-06"},
               {"province": "VN-09", "partner": "CN-GX"}, {"province": "VN-09", "date_from": "2019-03-04"},
               {"offset": 20, "limit": 10}):
        cases.append(("agreements", {**agr, **kw}))
    evt = {"province": None, "kind": None, "date_from": None, "date_to": None, "participant": None, "limit": 50,
           "offset": 0}
    for kw in ({}, {"participant": "LA"}, {"participant": "LA-SV"}, {"kind": "Visit"},
               {"date_from": "2021", "date_to": "2023-02"}, {"province": "VN-25", "participant": "LA-SV"},
               {"offset": 30, "limit": 7}):
        cases.append(("events", {**evt, **kw}))
    obs = {"province": None, "indicator": None, "period": None, "limit": 50, "offset": 0}
    for kw in ({}, {"indicator": "fdi_registered_usd"}, {"period": "2023"}, {"province": "VN-09", "period": "20"}):
        cases.append(("observations", {**obs, **kw}))
    for aid in first.get("Agreement", []):
        cases.append(("agreement", {"aid": aid}))
    for eid in first.get("Event", []):
        cases.append(("event", {"eid": eid}))
    for did in first.get("Document", []):
        cases.append(("document", {"did": did}))
    for q in ("quang", "QUANG TAY", "lao", "savannakhet", "hop tac", "thanh pho", "cong ty", "zzz"):
        cases.append(("search", {"q": q, "types": None, "limit": 20}))
    cases.append(("search", {"q": "quang", "types": ["VietnameseProvince"], "limit": 50}))
    for x in ("LA-SV", "VN-09", "CN-GX"):
        for d in (1, 2):
            cases.append(("neighborhood", {"key": x, "depth": d, "limit": 100_000}))
    for a, b, d in (("VN-09", "VN-13", 4), ("VN-25", "LA", 3), ("VN-09", "VN-44", 6)):
        cases.append(("paths", {"src": a, "dst": b, "max_depth": d}))
    cases.append(("stats", {}))
    return cases


def query_cases(hub_province: str, hub_partner: str) -> list[tuple[str, dict[str, Any]]]:
    from graph.catalog import list_queries

    cases: list[tuple[str, dict[str, Any]]] = []
    for q in list_queries():
        cases.append((q.name, q.example_params()))
        cases.append((q.name, {p.name: p.example for p in q.params}))  # every filter on
        ids: dict[str, Any] = {}
        for p in q.params:
            if p.name in ("province", "participant", "province_a"):
                ids[p.name] = hub_province
            elif p.name == "province_b":
                ids[p.name] = "VN-13"
            elif p.name in ("partner", "entity"):
                ids[p.name] = hub_partner
            elif p.name == "text":
                ids[p.name] = "quang"
            elif p.required:
                ids[p.name] = p.example
        cases.append((q.name, ids))
        if "province" in {p.name for p in q.params}:
            cases.append((q.name, {**ids, "province": "VN-25"}))
    return cases


def first_ids(store: Any) -> dict[str, list[str]]:
    out = {}
    for label in ("Agreement", "Event", "Document"):
        res = store.read(f"MATCH (x:{label}) RETURN x.id ORDER BY x.id LIMIT 3")
        out[label] = [r[0] for r in res.rows]
    return out


def canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in sorted(value.items()) if k not in VOLATILE}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def run_case(store: Any, name: str, params: dict[str, Any]) -> Any:
    """The case's output, canonical; an error is an output too (its type and message)."""
    from core.errors import ProvkgError
    from graph import views as V
    from graph.catalog import run_query

    try:
        if hasattr(V, name) and name not in ("partners_of_province",):
            fn = getattr(V, name)
            kw = dict(params)
            positional = ("key", "iso2", "aid", "eid", "did", "src", "dst") + (("q",) if name == "search" else ())
            args = [kw.pop(k) for k in positional if k in kw]
            if name == "neighborhood":
                args += [kw.pop("depth"), kw.pop("limit")]
            if name == "paths":
                args += [kw.pop("max_depth")]
            out = fn(store, *args, **kw)
            if isinstance(out, tuple):
                out = {"items": out[0], "total": out[1]}
        else:
            res = run_query(store, name, params, max_rows=100_000)
            out = {"columns": res.columns, "rows": res.records()}
    except ProvkgError as exc:
        out = {"error": type(exc).__name__}
    return canonical(out)


def cases_for(store: Any, hub_province: str, hub_partner: str) -> list[tuple[str, dict[str, Any]]]:
    return [*view_cases(first_ids(store)), *query_cases(hub_province, hub_partner)]


def case_key(name: str, params: dict[str, Any]) -> str:
    return name + " " + json.dumps(params, sort_keys=True, ensure_ascii=False)


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:20]


def graph_fingerprint(store: Any) -> str:
    """A digest of the graph's facts (ids, labels, relationships), to tell whether a golden file was
    captured on the same graph."""
    nodes = store.read("MATCH (n) RETURN n.id, labels(n)", max_rows=10_000_000).rows
    rels = store.read("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id", max_rows=10_000_000).rows
    # labels(n) lists labels in the order the graph first saw them: sort them too
    return digest(sorted([str(i), *sorted(labels)] for i, labels in nodes) + sorted([str(x) for x in r] for r in rels))


# hubs of the 2k synthetic graph (bench.common.hubs(2000)), fixed so the cases do not move with it
SYNTH_HUBS = ("VN-63", "LA")
SAMPLE_HUBS = ("VN-25", "LA-SV")


def load_graph(which: str, store: Any) -> None:
    if which == "synth":
        from bench.common import load_synth

        load_synth(store, SYNTH_FACTS, 10_000)
    else:
        from tests.conftest import load_sample

        load_sample(store)


def capture(which: str, store: Any) -> dict[str, Any]:
    hubs = SYNTH_HUBS if which == "synth" else SAMPLE_HUBS
    out = {case_key(n, p): run_case(store, n, p) for n, p in cases_for(store, *hubs)}
    return {"fingerprint": graph_fingerprint(store), "cases": out}


def capture_missing(which: str, store: Any) -> dict[str, Any]:
    """The kept outputs plus, under `cases_now`, those of cases added since: run on the code of the
    day they were added (before the rewrite they guard), so they compare equal, with no intended change."""
    old = read(which)
    if graph_fingerprint(store) != old["fingerprint"]:
        raise SystemExit(f"the {which} graph differs from the one {which}'s outputs were captured on")
    hubs = SYNTH_HUBS if which == "synth" else SAMPLE_HUBS
    now = old.setdefault("cases_now", {})
    for n, p in cases_for(store, *hubs):
        key = case_key(n, p)
        if key not in old["cases"] and key not in now:
            now[key] = run_case(store, n, p)
    return old


def write(which: str, data: dict[str, Any]) -> Path:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    if which == "synth":
        path = GOLDEN / "synth.json.gz"
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, sort_keys=True, indent=0)
        return path
    path = GOLDEN / "sample.json"
    slim = {"fingerprint": data["fingerprint"]}
    for part in ("cases", "cases_now"):
        if part in data:
            slim[part] = {k: v if isinstance(v, str) else digest(v) for k, v in data[part].items()}
    path.write_text(json.dumps(slim, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return path


def read(which: str) -> dict[str, Any]:
    if which == "synth":
        with gzip.open(GOLDEN / "synth.json.gz", "rt", encoding="utf-8") as f:
            return json.load(f)
    return json.loads((GOLDEN / "sample.json").read_text(encoding="utf-8"))


def main() -> None:
    import tempfile
    import uuid

    from core.settings import load_settings
    from graph.embedded import EmbeddedServer
    from graph.falkor_store import FalkorStore

    what, which = sys.argv[1], sys.argv[2]
    d = Path(tempfile.mkdtemp(prefix="pkg"))
    store = FalkorStore(load_settings(data_dir=d, graph_name="g" + uuid.uuid4().hex[:8]))
    try:
        load_graph(which, store)
        print(write(which, capture_missing(which, store) if what == "add" else capture(which, store)))
    finally:
        store.clear()
        store.close()
        EmbeddedServer(d).stop()


if __name__ == "__main__":
    main()
