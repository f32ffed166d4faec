"""The REST API against each real store (embedded and Neo4j) loaded with the fixture graph."""

from __future__ import annotations

import re
import socket

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import load_api_settings
from graph.stats import graph_counts


@pytest.fixture(scope="module")
def client(fixture_store):
    keyed = load_api_settings(api_key="k-test", rate_limit_per_minute=1000)
    with TestClient(create_app(fixture_store.settings, fixture_store, keyed)) as c:
        yield c


def test_health_and_ready(client, engine):
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert ready["status"] == "ready" and ready["store"] == engine
    assert ready["engine"] == {"embedded": "FalkorDB", "neo4j": "Neo4j Kernel"}[engine]
    assert re.fullmatch(r"\d+\.\d+\.\d+", ready["version"]), ready


def test_quang_tri_partners_with_evidence(client):
    body = client.get("/provinces/VN-25/partners", params={"limit": 500}).json()
    assert body["total"] == 3 and sorted(i["partner"]["id"] for i in body["items"]) == ["JP", "LA-SV", "TH-49"]
    sv = next(i for i in body["items"] if i["partner"]["id"] == "LA-SV")
    assert [e["text"] for e in sv["evidence"]] == ["Hai tỉnh kết nghĩa từ năm 1994."]
    assert [(a["kind"], a["date"]) for a in sv["agreements"]] == [("MoU", "2023-03-12")]


def test_province_by_name_any_spelling_and_pagination(client):
    assert client.get("/provinces/hậu giang").json()["id"] == "VN-73"
    r = client.get("/provinces", params={"current": "true", "limit": 10})
    body = r.json()
    assert body["total"] == 34 and len(body["items"]) == 10 and "offset=10" in body["next"]
    last = client.get("/provinces", params={"current": "true", "limit": 10, "offset": 30}).json()
    assert len(last["items"]) == 4 and last["next"] is None
    old = client.get("/provinces/VN-25").json()
    assert old["valid_to"] == "2025-06-30" and old["successors"][0]["id"] == "VN-2025-44"
    new = client.get("/provinces/VN-2025-44").json()
    assert {p["id"] for p in new["predecessors"]} == {"VN-24", "VN-25"}


def test_search_is_accent_and_case_insensitive(client):
    for q in ("quang tri", "Quảng Trị", "QUANG TRI"):
        ids = [i["id"] for i in client.get("/search", params={"q": q}).json()["items"]]
        assert "VN-25" in ids[:3], (q, ids)
    r = client.get("/search", params={"q": "quang tay"}).json()
    assert r["items"][0]["id"] == "CN-GX" and r["facets"]["ForeignLocality"] >= 1


def test_partner_country_and_facts(client):
    gx = client.get("/partners/CN-GX").json()
    assert sorted(p["province"]["id"] for p in gx["provinces"]) == ["VN-01", "VN-09"]
    la = client.get("/countries/la").json()
    assert la["name"] == "Lào"
    # Hậu Giang, Cần Thơ, Quảng Trị, Huế
    assert sorted(p["partner"]["id"] for p in la["partnerships"]) == ["LA-KH", "LA-KH", "LA-SV", "LA-SV"]
    ag = client.get("/agreements", params={"province": "VN-09", "kind": "CooperationAgreement"}).json()
    assert ag["total"] == 1 and sorted(p["id"] for p in ag["items"][0]["parties"]) == ["CN-GX", "VN-09"]
    one = client.get(f"/agreements/{ag['items'][0]['id']}").json()
    assert one["date"] == "2024-05-18" and sorted(one["fields"]) == ["border", "transport"]
    ev = client.get("/events", params={"province": "VN-25", "from": "2023-03", "to": "2023-03"}).json()
    assert [(e["date_start"], e["date_end"]) for e in ev["items"]] == [("2023-03-12", "2023-03-14")]
    later = client.get("/events", params={"province": "VN-25", "from": "2023-04"}).json()
    assert [(e["kind"], e["date_start"]) for e in later["items"]] == [("Forum", "2023-11-17")]
    assert client.get("/events", params={"province": "VN-25", "from": "2023-12"}).json()["total"] == 0
    obs = client.get("/observations", params={"province": "VN-09", "indicator": "fdi_projects"}).json()
    assert [(o["value"], o["period"]) for o in obs["items"]] == [(12, "2023")]


def test_document_highlights_evidence_by_offsets(client):
    doc = client.get("/documents/doc-fixture-qt-sv").json()
    assert len(doc["facts"]) == 5
    for f in doc["facts"]:
        ev = f["evidence"]
        assert doc["content"][ev["start"]:ev["end"]] == ev["text"]


def test_graph_views_and_stats(client):
    n = client.get("/graph/neighborhood/LA-SV", params={"depth": 1}).json()
    assert {"VN-25", "LA"} <= {node["id"] for node in n["nodes"]}
    assert any(e["type"] == "PARTNERS_WITH" and {e["source"], e["target"]} == {"VN-25", "LA-SV"}
               for e in n["edges"]), n["edges"]
    p = client.get("/graph/paths", params={"from": "VN-09", "to": "VN-01"}).json()
    assert p["paths"] == [["VN-09", "CN-GX", "VN-01"]]
    st = client.get("/stats").json()
    assert st["nodes"]["VietnameseProvince"] == 86 and st["nodes"]["Document"] == 5
    assert {r["country"]: r["partnerships"] for r in st["partnerships_by_country"]}["LA"] == 4


def test_problem_json_errors(client):
    r = client.get("/provinces/NOPE-99")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith("/not-found")
    r = client.get("/provinces", params={"limit": 501})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "limit"
    r = client.get("/countries/XX")
    assert r.status_code == 404


def test_etag_and_304(client):
    r = client.get("/provinces/VN-25")
    etag = r.headers["etag"]
    assert "max-age" in r.headers["cache-control"]
    r2 = client.get("/provinces/VN-25", headers={"If-None-Match": etag})
    assert r2.status_code == 304


WRITES = [
    "CREATE (n:Country {id: 'ZZ'})", "MERGE (n:Country {id: 'ZZ'})", "MATCH (n) SET n.x = 1",
    "MATCH (n) DELETE n", "MATCH (n) DETACH DELETE n", "MATCH (n) REMOVE n.name", "DROP INDEX ON :Country(id)",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "CALL db.idx.fulltext.createNodeIndex('Country', 'name')",
    "MATCH (n) CALL { WITH n CREATE (:X) } RETURN 1", "MATCH (n) FOREACH (x IN [1] | CREATE (:X))",
    "RETURN 1; CREATE (:X)", "MATCH (n) /* comment */ SET n.x = 1", "MATCH (n) SE\u200bT n.x = 1",
    "ＣＲＥＡＴＥ (:X)", "CALL dbms.security.createUser('a','b')", "CREATE INDEX FOR (n:Country) ON (n.name)",
]


@pytest.mark.parametrize("query", WRITES)
def test_cypher_endpoint_refuses_writes(client, fixture_store, query):
    before = graph_counts(fixture_store)
    r = client.post("/cypher", json={"query": query}, headers={"X-API-Key": "k-test"})
    assert r.status_code == 400, r.text
    assert r.json()["type"].endswith("query-refused")
    assert graph_counts(fixture_store) == before


def test_cypher_endpoint_reads_and_needs_the_key(client):
    q = {"query": "MATCH (p:VietnameseProvince {id: $id}) RETURN p.name AS name", "params": {"id": "VN-25"}}
    assert client.post("/cypher", json=q).status_code == 401
    assert client.post("/cypher", json=q, headers={"X-API-Key": "wrong"}).status_code == 401
    r = client.post("/cypher", json=q, headers={"X-API-Key": "k-test"})
    assert r.json() == {"columns": ["name"], "rows": [["Quảng Trị"]], "truncated": False, "warnings": []}
    deep = "RETURN " + "(" * 30 + "1" + ")" * 30
    assert client.post("/cypher", json={"query": deep}, headers={"X-API-Key": "k-test"}).status_code == 400


def test_cypher_disabled_without_key(fixture_store):
    with TestClient(create_app(fixture_store.settings, fixture_store, load_api_settings(api_key=None))) as c:
        r = c.post("/cypher", json={"query": "RETURN 1"})
        assert r.status_code == 403 and "PROVKG_API_KEY" in r.json()["detail"]


def test_openapi_documents_every_route(client):
    spec = client.get("/openapi.json").json()
    for path in ("/provinces", "/provinces/{id}/partners", "/partners", "/countries/{iso2}", "/agreements",
                 "/events", "/observations", "/documents/{id}", "/search", "/graph/neighborhood/{id}",
                 "/graph/paths", "/stats", "/queries", "/cypher", "/ingest", "/health", "/ready"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200


ARTICLE = ("Ngày 12/3/2024, UBND tỉnh Quảng Trị và tỉnh Savannakhet (Lào) đã ký kết biên bản ghi nhớ hợp tác "
           "về thương mại và du lịch. Năm 2023, tỉnh đã đón 45 đoàn khách quốc tế.")


def test_ingest_endpoint_extracts_loads_and_is_idempotent(store):
    with TestClient(create_app(store.settings, store, load_api_settings(api_key="k2"))) as c:
        assert c.post("/ingest", json={"text": ARTICLE}).status_code == 401
        r = c.post("/ingest", json={"text": ARTICLE, "url": "https://example.org/a1"}, headers={"X-API-Key": "k2"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["loaded"] is True and body["facts"]["partners"] >= 1 and body["facts"]["agreements"] == 1
        assert body["extracted"]["agreements"][0]["kind"] == "MoU"
        again = c.post("/ingest", json={"text": ARTICLE, "url": "https://example.org/a1"},
                       headers={"X-API-Key": "k2"})
        assert again.json()["loaded"] is False
        partners = c.get("/provinces/VN-25/partners").json()
        assert any(i["partner"]["id"] == "LA-SV" for i in partners["items"])
        empty = c.post("/ingest", json={"text": "   "}, headers={"X-API-Key": "k2"})
        assert empty.status_code == 422 and empty.headers["content-type"].startswith("application/problem+json")


def test_rate_limit_and_body_cap(fixture_store):
    limited = load_api_settings(api_key="k3", rate_limit_per_minute=3, max_body_bytes=2000)
    with TestClient(create_app(fixture_store.settings, fixture_store, limited)) as c:
        codes = [c.post("/cypher", json={"query": "RETURN 1"}, headers={"X-API-Key": "k3"}).status_code
                 for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[3] == 429
        r = c.post("/cypher", json={"query": "RETURN 1"}, headers={"X-API-Key": "k3"})
        assert int(r.headers["retry-after"]) >= 1
        big = c.post("/ingest", json={"text": "x" * 5000}, headers={"X-API-Key": "k3"})
        assert big.status_code == 413


def test_store_down_is_503_with_retry_after(tmp_path_factory, settings):
    from graph.falkor_store import FalkorStore

    d = tmp_path_factory.mktemp("down", numbered=True)
    s = settings.model_copy(update={"data_dir": d})
    st = FalkorStore(s, autostart=False)  # nothing runs there and this process may not start it
    with TestClient(create_app(s, st), raise_server_exceptions=False) as c:
        r = c.get("/provinces")
        assert r.status_code == 503 and r.headers["retry-after"]
        assert c.get("/ready").status_code == 503
        assert "Traceback" not in r.text


# -- names across the 2025 reform, errors that help, named-query rows (issue #14) ------------------

def test_a_name_means_the_unit_valid_on_the_day_asked_with_what_it_inherits(client):
    today = client.get("/provinces/can tho").json()
    assert today["id"] == "VN-2025-92" and today["partners"] == today["total_counts"]["partners"] == 2
    inherited = {i["from"]["id"]: i["counts"] for i in today["inherited"]}
    assert set(inherited) == {"VN-52", "VN-73", "VN-CT"} and inherited["VN-CT"]["partners"] == 1
    before = client.get("/provinces/can tho", params={"as_of": "2024-06-01"}).json()
    assert before["id"] == "VN-CT" and before["partners"] == 1 and before["inherited"] == []
    rolled = client.get("/provinces/VN-2025-92/partners").json()
    pairs = [(i["partner"]["id"], i["inherited_from"]["id"]) for i in rolled["items"]]
    assert ("LA-KH", "VN-CT") in pairs and {p for _, p in pairs} == {"VN-73", "VN-CT"}
    assert len(pairs) == rolled["total"] == inherited["VN-73"]["partners"] + inherited["VN-CT"]["partners"]
    own = client.get("/provinces/VN-2025-92/partners", params={"include_predecessors": "false"}).json()
    assert own["total"] == 0 and own["items"] == []


# the fixture graph: Quảng Trị (VN-25: 3 partners, 3 agreements, 3 events, 1 figure, 2 articles) and a
# predecessor with no facts merged into VN-2025-44; Hậu Giang (VN-73: 2 partners, 1 event, 1 figure,
# 1 article) and Cần Thơ (VN-CT: Khăm Muồn, a partner Hậu Giang shares) merged into VN-2025-92; neither
# new unit has anything of its own; Lạng Sơn (VN-09, 2 partners) was not merged
ROLLED_QT = {"partners": 3, "agreements": 3, "events": 3, "observations": 1, "documents": 2}
ROLLED_CT = {"partners": 2, "agreements": 0, "events": 1, "observations": 1, "documents": 1}
NOTHING = {"partners": 0, "agreements": 0, "events": 0, "observations": 0, "documents": 0}


def test_province_detail_gives_own_inherited_and_total_counts(client):
    d = client.get("/provinces/quang tri").json()
    assert d["counts"] == NOTHING and d["inherited_counts"] == ROLLED_QT == d["total_counts"]
    assert d["partners"] == 3 and [u["id"] for u in d["rolled_up_from"]] == ["VN-24", "VN-25"]
    alone = client.get("/provinces/quang tri", params={"include_predecessors": "false"}).json()
    assert alone["partners"] == 0 and alone["total_counts"] == alone["inherited_counts"] == NOTHING
    assert alone["rolled_up_from"] == [] and alone["inherited"] == []
    old = client.get("/provinces/VN-25").json()
    assert old["counts"] == old["total_counts"] and old["inherited_counts"] == NOTHING and old["partners"] == 3


def test_province_lists_roll_up_predecessors(client):
    rows = {i["id"]: i for i in client.get("/provinces", params={"current": "true", "limit": 500}).json()["items"]}
    qt, ls = rows["VN-2025-44"], rows["VN-09"]
    assert qt["partners"] == 3 and qt["counts"] == NOTHING and qt["inherited_counts"] == ROLLED_QT == qt["total_counts"]
    assert [u["id"] for u in qt["rolled_up_from"]] == ["VN-24", "VN-25"]
    assert ls["partners"] == 2 == ls["counts"]["partners"] and ls["inherited_counts"] == NOTHING and not ls["rolled_up_from"]
    ct = rows["VN-2025-92"]
    assert ct["partners"] == 2 and ct["inherited_counts"] == ROLLED_CT and ct["counts"] == NOTHING
    top = client.get("/provinces", params={"current": "true", "sort": "partners", "limit": 3}).json()["items"]
    assert [i["id"] for i in top] == ["VN-26", "VN-2025-44", "VN-2025-92"]  # Huế's 3 of its own, then rolled up
    alone = {i["id"]: i for i in client.get("/provinces", params={"current": "true", "limit": 500,
                                                                  "include_predecessors": "false"}).json()["items"]}
    assert alone["VN-2025-44"]["partners"] == 0 and alone["VN-2025-44"]["inherited_counts"] == NOTHING
    assert alone["VN-09"]["partners"] == 2
    then = client.get("/provinces", params={"as_of": "2024-06-01", "limit": 500}).json()
    ids = {i["id"] for i in then["items"]}
    assert then["total"] == 63 == len(ids) and "VN-25" in ids and "VN-73" in ids and "VN-2025-44" not in ids
    assert client.get("/provinces", params={"as_of": "2025-13-01"}).status_code == 422


def test_search_finds_the_current_unit_of_a_merged_name_with_its_rolled_up_counts(client):
    r = client.get("/search", params={"q": "hậu giang"}).json()
    provinces = [i for i in r["items"] if i["type"] == "VietnameseProvince"]
    assert [i["id"] for i in provinces] == ["VN-2025-92", "VN-73"]
    new, old = provinces
    assert new["found_via"] == [{"id": "VN-73", "name": "Hậu Giang"}] and new["partners"] == 2
    assert new["inherited_counts"] == ROLLED_CT and new["counts"] == NOTHING
    assert old["successors"] == [{"id": "VN-2025-92", "name": "Cần Thơ"}] and old["valid_to"] == "2025-06-30"
    assert old["partners"] == 2 and old["inherited_counts"] == NOTHING
    assert r["facets"]["VietnameseProvince"] == 2  # the unit it merged into counts as a hit, once
    same = client.get("/search", params={"q": "quang tri"}).json()
    units = [i for i in same["items"] if i["type"] == "VietnameseProvince"]
    assert [i["id"] for i in units] == ["VN-2025-44", "VN-25"] and same["facets"]["VietnameseProvince"] == 2
    assert units[0]["partners"] == 3 and not units[0].get("found_via") and units[1]["successors"][0]["id"] == "VN-2025-44"
    then = client.get("/search", params={"q": "quang tri", "as_of": "2024-06-01"}).json()
    assert then["items"][0]["id"] == "VN-25"
    alone = client.get("/search", params={"q": "hau giang", "include_predecessors": "false"}).json()
    assert alone["items"][0]["id"] == "VN-2025-92" and alone["items"][0]["partners"] == 0
    only = client.get("/search", params={"q": "hau giang", "type": "VietnameseProvince"}).json()
    assert only["facets"] == {"VietnameseProvince": 2} and len(only["items"]) == 2


def test_the_readme_tour_of_provinces_and_search_shows_merged_units_rolled_up(client):
    """What a new user meets first (README's curl lines): no merged unit answers 0 next to its
    predecessors' partners."""
    from tests.conftest import ROOT

    urls = re.findall(r"curl '[^']*?(/(?:provinces|search)[^']*)'", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(urls) >= 4, urls
    seen = 0
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        body = r.json()
        rows = body.get("items", [body]) if isinstance(body, dict) else []
        for row in rows:
            if row.get("type", "VietnameseProvince") != "VietnameseProvince" or "total_counts" not in row:
                continue
            assert row["partners"] == row["total_counts"]["partners"], url
            assert row["total_counts"]["partners"] >= row["counts"]["partners"], url
            if row["id"] == "VN-2025-44" and "include_predecessors=false" not in url:
                assert row["partners"] == 3 and row["rolled_up_from"], url
                seen += 1
    assert seen >= 2


def test_a_misspelt_name_is_a_404_with_the_closest_names(client):
    r = client.get("/provinces/quang trj")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    assert any("Quảng Trị" in s for s in r.json()["suggestions"]), r.json()
    r = client.post("/queries/partners_of_province", json={"province": "Quang Trj"})
    assert r.status_code == 404 and any("VN-25" in s or "VN-2025-44" in s for s in r.json()["suggestions"])


def test_named_query_rows_are_objects_like_the_cli_json(client):
    r = client.post("/queries/partners_of_province", json={"province": "VN-25"})
    body = r.json()
    assert r.status_code == 200 and body["rows"] and isinstance(body["rows"][0], dict)
    assert set(body["rows"][0]) == set(body["columns"])
    assert {row["partner_id"] for row in body["rows"]} == {"JP", "LA-SV", "TH-49"}
    before = client.post("/queries/province_profile", params={"as_of": "2024-06-01", "include_predecessors": False},
                         json={"province": "Quảng Trị"}).json()
    assert [row["province_id"] for row in before["rows"]] == ["VN-25"]


def test_an_impossible_date_is_refused_naming_the_field(client):
    """The schema's date pattern admits only days that exist (so what it admits is accepted), and
    FastAPI's 422 names the parameter."""
    for params, name in (({"from": "2023-13"}, "from"), ({"to": "2023-02-30"}, "to"), ({"from": "0000"}, "from")):
        r = client.get("/agreements", params=params)
        assert r.status_code == 422, (params, r.status_code)
        assert name in r.text
    assert client.get("/events", params={"from": "2023-13"}).status_code == 422
    assert client.get("/agreements", params={"from": "2023-12"}).status_code == 200
    assert client.get("/agreements", params={"to": "2024-02-29"}).status_code == 200


def test_date_filters_use_the_stored_day_values(client, fixture_store):
    """Agreements and events carry `day` (a date value, indexed); range filters compare days, so a
    date at any precision is placed by the first day it can mean."""
    days = fixture_store.read("MATCH (a:Agreement) RETURN a.date, a.day ORDER BY a.id").rows
    assert days and all(d == (date + "-01-01"[: 10 - len(date)] if len(date) < 10 else date) for date, d in days
                        if date)
    mou = client.get("/agreements", params={"province": "VN-25", "from": "2023-03", "to": "2023-03"}).json()
    assert [a["date"] for a in mou["items"]] == ["2023-03-12"]
    assert client.get("/agreements", params={"province": "VN-25", "from": "2023-03-13", "to": "2023-11-16"}
                      ).json()["total"] == 0
    later = client.get("/agreements", params={"province": "VN-25", "from": "2023-03-13"}).json()
    assert sorted((a["kind"], a["date"]) for a in later["items"]) == [("CooperationMinutes", "2023-11-17"),
                                                                      ("MoU", "2023-11-17")]
    assert client.get("/agreements", params={"province": "VN-25", "to": "2023-03-11"}).json()["total"] == 0


@pytest.fixture
def silent_bolt_port():
    """A port that accepts TCP connections and never answers: a hung server, not a refused one."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(64)
        yield s.getsockname()[1]


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_neo4j_down_is_503_with_retry_after(silent_bolt_port, data_dir, scheme):
    from core.settings import load_settings
    from graph.neo4j_store import Neo4jStore

    s = load_settings(store="neo4j", data_dir=data_dir, neo4j_uri=f"{scheme}://127.0.0.1:{silent_bolt_port}",
                      neo4j_password="not-a-real-one", neo4j_connect_timeout_s=0.5)
    st = Neo4jStore(s)
    with TestClient(create_app(s, st), raise_server_exceptions=False) as c:
        r = c.get("/provinces")
        assert r.status_code == 503 and int(r.headers["retry-after"]) >= 1
        assert r.headers["content-type"].startswith("application/problem+json")
        ready = c.get("/ready")
        assert ready.status_code == 503 and str(silent_bolt_port) in ready.json()["detail"]
    st.close()
