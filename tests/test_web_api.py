"""The explorer's server side: read models, HTML for browsers at entity IRIs, offline docs, the
packaged files (vendored libraries, budgets, no CDN), and the curated coordinates."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.routes_web import prefers_html
from web import STATIC, VENDOR_MANIFEST

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.fixture(scope="module")
def client(loaded_store):
    with TestClient(create_app(loaded_store.settings, loaded_store)) as c:
        yield c


# -- read models ---------------------------------------------------------------------------------

def test_province_view_has_partners_with_coordinates_timeline_and_figures(client):
    body = client.get("/views/province/VN-25").json()
    assert body["province"]["id"] == "VN-25" and body["rolled_up_from"] == []
    by_id = {p["id"]: p for p in body["partners"]}
    sv = by_id["LA-SV"]
    assert (sv["lat"], sv["lon"]) == (16.55, 104.75) and sv["country_numeric"] == "418"
    assert sv["evidence_count"] >= 1 and sv["via"] == []
    assert any(p["agreements"] >= 1 for p in body["partners"]) and any(p["events"] >= 1 for p in body["partners"])
    assert by_id["TH"]["type"] == "Country" and by_id["TH"]["lat"] is None
    assert {c["iso2"] for c in body["countries"]} >= {"LA", "TH", "JP"}
    kinds = {i["type"] for i in body["timeline"]}
    assert kinds == {"agreement", "event"}
    dates = [i["date"] or "" for i in body["timeline"]]
    assert dates == sorted(dates, reverse=True)
    assert all("VN-25" not in {x["id"] for x in i["parties"]} for i in body["timeline"])
    assert {f["indicator"] for f in body["figures"]} >= {"cooperation_agreements"}
    coop = next(f for f in body["figures"] if f["indicator"] == "cooperation_agreements")
    assert coop["points"] == [{"indicator": "cooperation_agreements", "unit": "count", "period": "2023", "value": 13.0,
                               "value_max": None, "reports": 1, "id": coop["points"][0]["id"], "via": None}]
    counts = body["province"]["counts"]  # the same numbers the province route answers
    assert body["totals"] == {"partners": len(body["partners"]), "agreements": counts["agreements"],
                              "events": counts["events"]}
    assert {p["id"] for p in body["points"]} == {p["id"] for p in body["partners"] if p["lat"] is not None}
    # the pre-2025 unit names the unit it merged into
    assert [s["id"] for s in body["province"]["successors"]] == ["VN-2025-44"]


def test_post_2025_unit_rolls_up_its_predecessors_labelled(client):
    body = client.get("/views/province/VN-2025-44").json()
    assert {p["id"] for p in body["rolled_up_from"]} == {"VN-25", "VN-24"}
    sv = next(p for p in body["partners"] if p["id"] == "LA-SV")
    assert sv["via"] == [{"id": "VN-25", "name": "Quảng Trị"}]
    assert body["timeline"] and all(i["via"] and i["via"]["id"] in {"VN-24", "VN-25"} for i in body["timeline"])
    # the same numbers the predecessor answers on its own
    own = client.get("/views/province/VN-25").json()
    assert len(body["partners"]) >= len(own["partners"])
    # the page's totals are the province row's rolled-up totals (#14), and its partner count the headline
    total = body["province"]["total_counts"]
    assert body["totals"] == {k: total[k] for k in ("partners", "agreements", "events")}
    assert body["province"]["partners"] == total["partners"] >= own["province"]["partners"] > 0
    assert body["province"]["inherited_counts"]["partners"] >= own["province"]["counts"]["partners"]


def test_partner_view_lists_provinces_agreements_and_coordinates(client):
    body = client.get("/views/partner/CN-GX").json()
    assert body["entity"]["name"] == "Quảng Tây"
    shown = {p["province"]["id"] for p in body["provinces"]}
    assert "VN-09" in shown and shown == {p["province"]["id"] for p in client.get("/partners/CN-GX").json()["provinces"]}
    assert body["lat"] == pytest.approx(22.82) and body["country_numeric"] == "156"
    assert any(a["province"]["id"] == "VN-09" for a in body["agreements"])


def test_vocabulary_names_every_kind_the_extractor_writes(client):
    vocab = client.get("/views/vocabulary").json()
    assert vocab["AgreementKinds"]["MoU"] == {"vi": "biên bản ghi nhớ", "en": "memorandum of understanding"}
    assert vocab["EventKinds"]["Conference"]["vi"] == "hội nghị, hội thảo"
    kinds = {r["kind"] for r in client.get("/agreements", params={"limit": 500}).json()["items"]}
    kinds |= {r["kind"] for r in client.get("/events", params={"limit": 500}).json()["items"]}
    known = set(vocab["AgreementKinds"]) | set(vocab["EventKinds"])
    assert kinds and kinds - {None} <= known, kinds - known


@pytest.mark.parametrize("path", ["/views/province/nowhere", "/views/partner/nowhere", "/views/partner/VN-25"])
def test_views_answer_404_problems(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")


# -- an entity's page is its IRI -----------------------------------------------------------------

@pytest.mark.parametrize("accept,html", [
    (BROWSER_ACCEPT, True), ("text/html", True), ("application/xhtml+xml", True),
    ("*/*", False), (None, False), ("", False), ("application/json", False), ("text/turtle", False),
    ("text/html;q=0.5, text/turtle", False), ("application/ld+json, text/html;q=0.1", False),
    ("text/*", False), ("text/html;q=0", False),
])
def test_prefers_html(accept, html):
    assert prefers_html(accept, None) is html


def test_format_parameter_always_wins_over_html():
    assert prefers_html(BROWSER_ACCEPT, "json") is False


def test_entity_iri_answers_html_to_browsers_and_data_to_everyone_else(client):
    page = client.get("/id/province/VN-25", headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/assets/js/app.js">' in page.text
    assert 'content="https://provkg.org/id/"' in page.text and "Accept" in page.headers["vary"]
    data = client.get("/id/province/VN-25", headers={"Accept": "*/*"})
    assert data.headers["content-type"].startswith("application/json") and data.json()["id"] == "VN-25"
    ttl = client.get("/id/province/VN-25", headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    assert client.get("/id/province/VN-25?format=jsonld", headers={"Accept": BROWSER_ACCEPT}) \
        .headers["content-type"].startswith("application/ld+json")


@pytest.mark.parametrize("path", ["/id/province/VN-99", "/id/nosuchtype/VN-25"])
def test_unknown_entity_iri_answers_the_page_with_404(client, path):
    r = client.get(path, headers={"Accept": BROWSER_ACCEPT})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html") and "<main" in r.text


@pytest.mark.parametrize("path", ["/", "/explore/graph/VN-25", "/explore/queries/partners_of_province"])
def test_explorer_routes_answer_the_page(client, path):
    r = client.get(path)
    assert r.status_code == 200 and "<main id=\"main\"" in r.text


# -- docs and files from the package, nothing from the internet ---------------------------------

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_load_their_assets_locally(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert not EXTERNAL.search(r.text), EXTERNAL.search(r.text)
    assets = re.findall(r"""(?:src|href)=["'](/assets/[^"']+)["']""", r.text)
    assert assets
    for a in assets:
        assert client.get(a).status_code == 200, a


def test_explorer_files_reference_nothing_outside_the_app():
    for f in STATIC.rglob("*"):
        if f.suffix in (".html", ".js", ".css") and "vendor" not in f.parts:
            text = f.read_text(encoding="utf-8")
            assert not EXTERNAL.search(text), f
            assert "fetch(\"http" not in text and "import(\"http" not in text, f


def test_vendored_files_match_their_manifest():
    manifest = json.loads(VENDOR_MANIFEST.read_text())
    listed = {e["vendored_as"] for e in manifest["files"]}
    on_disk = {f.name for f in (STATIC / "vendor").iterdir() if f.name != "LICENSES.txt"}
    assert listed == on_disk
    for e in manifest["files"]:
        digest = hashlib.sha256((STATIC / "vendor" / e["vendored_as"]).read_bytes()).hexdigest()
        assert digest == e["sha256"], e["vendored_as"]


def test_javascript_budget_under_400_kb_gzipped():
    total = sum(len(gzip.compress(f.read_bytes(), 9)) for f in STATIC.rglob("*.js"))
    assert total < 400_000, total


def test_every_js_module_is_package_data():
    import tomllib
    from fnmatch import fnmatch
    from pathlib import Path

    globs = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())[
        "tool"]["setuptools"]["package-data"]["web"]
    for f in STATIC.rglob("*"):
        if f.is_file():
            rel = f.relative_to(STATIC.parent).as_posix()
            assert any(fnmatch(rel, g) and rel.count("/") == g.count("/") for g in globs), rel


def test_openapi_documents_the_explorer_views(client):
    spec = client.get("/openapi.json").json()
    for path in ("/views/province/{id}", "/views/partner/{id}"):
        op = spec["paths"][path]["get"]
        assert op["summary"] and op["parameters"][0]["example"] == op["parameters"][0]["schema"]["examples"][0]
    assert "/" not in spec["paths"] and "/explore/{rest}" not in spec["paths"]


def test_every_route_parameter_has_an_example_that_the_api_accepts(client):
    spec = client.get("/openapi.json").json()
    params = [(path, method, p) for path, ops in spec["paths"].items() for method, op in ops.items()
              for p in op.get("parameters", [])]
    assert len(params) > 50
    missing = [(path, p["name"]) for path, _, p in params if "example" not in p and "examples" not in p]
    assert not missing, missing
    # each GET answered with its examples filled in gets no 422: the examples are valid values
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if not op or path.startswith("/id/"):
            continue
        url = path
        query = {}
        for p in op.get("parameters", []):
            if p["in"] == "path":
                url = url.replace("{" + p["name"] + "}", str(p["example"]))
            elif p["in"] == "query":
                query[p["name"]] = p["example"]
        r = client.get(url, params=query)
        assert r.status_code != 422, (url, query, r.text[:300])


# -- coordinates ----------------------------------------------------------------------------------

def test_coordinates_are_known_entities_in_range_and_near_their_country():
    from ingest.gazetteer import DATA, Gazetteer

    gaz = Gazetteer.load()
    with (DATA / "coordinates.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len({r["id"] for r in rows}) == len(rows)
    by_country: dict[str, list[tuple[float, float]]] = {}
    for r in rows:
        assert r["id"] in gaz.entries, r["id"]
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        by_country.setdefault(gaz.entries[r["id"]].entity.country, []).append((lat, lon))
    spans = {"CN": 45, "JP": 25, "TH": 15, "LA": 10, "KH": 6, "KR": 6}
    for iso, pts in by_country.items():
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        span = spans.get(iso, 60)
        assert max(lats) - min(lats) <= span and max(lons) - min(lons) <= span, iso
    # every foreign locality the sample articles name as a partner can be drawn
    for key in ("LA-SV", "LA-SL", "LA-XE", "LA-CH", "TH-49", "TH-34", "JP-26", "CN-GX", "LA-HO", "kr-seongnam",
                "JP-15", "IT-72", "CZ-42", "DE-TH", "de-triptis"):
        assert key in {r["id"] for r in rows}, key


def test_coordinates_load_as_node_properties(loaded_store):
    res = loaded_store.read("MATCH (x:ForeignLocality {id: 'CN-GX'}) RETURN x.lat, x.lon")
    assert res.rows == [[22.82, 108.32]]


def test_province_view_caps_long_lists_and_says_so(loaded_store, monkeypatch):
    from graph import explorer as X

    monkeypatch.setattr(X, "PARTNER_CAP", 3)
    monkeypatch.setattr(X, "TIMELINE_CAP", 2)
    monkeypatch.setattr(X, "PERIOD_CAP", 1)
    body = X.province_page(loaded_store, "VN-25")
    assert len(body["partners"]) == 3 and body["totals"]["partners"] == body["province"]["counts"]["partners"] > 3
    assert len(body["points"]) >= 6  # the map still gets every located partner
    agreements = [i for i in body["timeline"] if i["type"] == "agreement"]
    assert len(agreements) <= 2 and len(body["timeline"]) == 2  # at most two per kind and unit, then the latest two
    counts = body["province"]["counts"]
    assert (body["totals"]["agreements"], body["totals"]["events"]) == (counts["agreements"], counts["events"])
    assert counts["agreements"] + counts["events"] > 2
    assert all(len(f["points"]) == 1 for f in body["figures"])
