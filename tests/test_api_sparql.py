"""The SPARQL 1.1 Protocol endpoint, the dumps and the dataset description, over HTTP."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import sparql_catalog as C
from graph.catalog import run_query

PK = "https://provkg.org/ontology#"
JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def client(loaded_store):
    settings = loaded_store.settings.model_copy(update={"rate_limit_per_minute": 1000, "max_rows": 40,
                                                        "query_timeout_ms": 3000})
    app = create_app(settings, loaded_store)
    with TestClient(app) as c:
        yield c
    pool = getattr(app.state, "sparql_pool", None)
    if pool is not None:
        pool.close()


def _bindings(resp) -> list[dict]:
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith(JSON)
    return resp.json()["results"]["bindings"]


def test_the_readme_curl_gives_the_partners(client, loaded_store):
    """curl -H 'Accept: application/sparql-results+json' --data-urlencode query@queries/sparql/partners_of_province.rq"""
    resp = client.post("/sparql", content="query=" + __import__("urllib.parse").parse.quote(C.text("partners_of_province")),
                       headers={"Accept": JSON, "Content-Type": "application/x-www-form-urlencoded"})
    rows = _bindings(resp)
    expected = run_query(loaded_store, "partners_of_province", {"province": "Quảng Trị"}).rows
    assert [(b["province_id"]["value"], b["partner_id"]["value"]) for b in rows] == [(r[0], r[2]) for r in expected]
    assert "X-SPARQL-Result-Truncated" not in resp.headers
    assert resp.headers["X-SPARQL-Row-Limit"] == "40"


def test_get_and_direct_post_agree(client):
    q = f"SELECT ?name {{ ?p a <{PK}Country> ; <{PK}id> 'LA' ; <{PK}name> ?name }}"
    by_get = _bindings(client.get("/sparql", params={"query": q}, headers={"Accept": JSON}))
    by_post = _bindings(client.post("/sparql", content=q.encode(), headers={"Content-Type": "application/sparql-query",
                                                                             "Accept": JSON}))
    assert by_get == by_post == [{"name": {"type": "literal", "value": "Lào"}}]


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("*/*", JSON),
    ("application/json;q=0.5, text/csv", "text/csv"),
])
def test_select_result_formats_by_accept(client, accept, media):
    resp = client.get("/sparql", params={"query": f"SELECT ?p {{ ?p a <{PK}Country> }} LIMIT 3"},
                      headers={"Accept": accept})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith(media)
    assert "Accept" in [v.strip() for v in resp.headers["vary"].split(",")]


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", ox.RdfFormat.TURTLE),
                                              ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                                              ("application/ld+json", ox.RdfFormat.JSON_LD)])
def test_construct_and_describe_by_accept(client, accept, fmt):
    for q in (f"CONSTRUCT {{ ?p ?k ?v }} WHERE {{ ?p <{PK}id> 'LA-SV' ; ?k ?v }}",
              "DESCRIBE <https://provkg.org/id/place/LA-SV>"):
        resp = client.get("/sparql", params={"query": q}, headers={"Accept": accept})
        assert resp.status_code == 200, resp.text
        triples = list(ox.parse(resp.content, fmt))
        assert any(t.predicate.value == PK + "name" for t in triples)


def test_no_acceptable_format_is_406(client):
    resp = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 1"}, headers={"Accept": "text/turtle"})
    assert resp.status_code == 406
    assert resp.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(("kind", "payload"), [
    ("sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
    ("form-update", "update=DELETE%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D"),
    ("query-insert", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
    ("load", "LOAD <http://example.org/x.ttl>"),
    ("service", "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"),
])
def test_writes_load_and_service_are_refused(client, loaded_store, kind, payload):
    before = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}, headers={"Accept": JSON})
    if kind == "sparql-update":
        resp = client.post("/sparql", content=payload, headers={"Content-Type": "application/sparql-update"})
    elif kind == "form-update":
        resp = client.post("/sparql", content=payload, headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        resp = client.post("/sparql", content=payload, headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code == 400
    assert resp.headers["content-type"].startswith("application/problem+json")
    problem = resp.json()
    assert problem["type"].endswith("/query-refused") and problem["status"] == 400
    after = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}, headers={"Accept": JSON})
    assert before.json() == after.json()


def test_row_cap_is_said_in_the_response(client):
    resp = client.get("/sparql", params={"query": "SELECT ?s { ?s ?p ?o }"}, headers={"Accept": JSON})
    assert len(_bindings(resp)) == 40
    assert resp.headers["X-SPARQL-Result-Truncated"] == "rows"


def test_a_query_past_the_time_limit_is_stopped(client):
    # a cartesian product oxigraph must finish before its first solution: only the kill stops it
    q = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    resp = client.get("/sparql", params={"query": q}, headers={"Accept": JSON})
    assert resp.status_code == 504
    assert resp.json()["type"].endswith("/query-timeout")
    # and the endpoint goes on answering
    ok = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": JSON})
    assert ok.status_code == 200 and ok.json()["boolean"] is True


def test_missing_query_and_bad_syntax(client):
    assert client.get("/sparql").status_code == 400
    resp = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s"})
    assert resp.status_code == 400 and "syntax" in resp.json()["detail"]
    assert client.post("/sparql", content="x", headers={"Content-Type": "text/plain"}).status_code == 415


def test_wikidata_graph_is_queryable(client):
    q = ("SELECT ?a ?b { GRAPH <https://provkg.org/id/dataset/wikidata> "
         "{ ?a <http://www.wikidata.org/prop/direct/P190> ?b } }")
    rows = _bindings(client.get("/sparql", params={"query": q}, headers={"Accept": JSON}))
    assert rows and all(b["a"]["value"].startswith("http://www.wikidata.org/entity/Q") for b in rows)
