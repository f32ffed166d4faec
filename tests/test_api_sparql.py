"""The SPARQL 1.1 Protocol endpoint, the dumps and the dataset description, over HTTP."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import load_api_settings
from graph import sparql_catalog as C
from graph.catalog import run_query

PK = "https://provkg.org/ontology#"
JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def client(loaded_store):
    settings = loaded_store.settings.model_copy(update={"max_rows": 40, "query_timeout_ms": 3000})
    app = create_app(settings, loaded_store, load_api_settings(rate_limit_per_minute=1000))
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


# -- dumps and the dataset description ---------------------------------------------------------

def test_dumps_download_validate_and_answer_304(client, loaded_store):
    import gzip

    from rdflib import Graph

    from graph.shapes import validate

    sizes = {}
    for name, rdflib_fmt in (("provkg.ttl.gz", "turtle"), ("provkg.nt.gz", "nt"), ("provkg.jsonld.gz", "json-ld")):
        resp = client.get(f"/datasets/{name}")
        assert resp.status_code == 200, resp.text
        assert resp.headers["content-type"] == "application/gzip"
        assert name in resp.headers["content-disposition"]
        etag = resp.headers["etag"]
        g = Graph().parse(data=gzip.decompress(resp.content), format=rdflib_fmt)
        sizes[name] = len(g)
        if name == "provkg.ttl.gz":
            report = validate(g)
            assert report.conforms
        again = client.get(f"/datasets/{name}", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.headers["etag"] == etag
    assert len(set(sizes.values())) == 1 and next(iter(sizes.values())) > 1000
    assert client.get("/datasets/provkg.rdf.gz").status_code == 404


def test_wikidata_dump_holds_the_twinnings(client, loaded_store):
    import gzip

    from graph.wikidata import p190_triples, twinnings

    resp = client.get("/datasets/provkg-wikidata.nt.gz")
    assert resp.status_code == 200
    lines = {line for line in gzip.decompress(resp.content).decode().splitlines() if line}
    expected = {f"<{s}> <{p}> <{o}> ." for s, p, o in p190_triples(twinnings(loaded_store))}
    assert lines == expected and expected


def test_void_and_dcat_point_at_the_dumps_and_the_endpoint(client, loaded_store):
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

    resp = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=resp.content, format="turtle")
    ds = URIRef(loaded_store.settings.base_iri + "dataset")
    base = "http://testserver/"
    assert {str(o) for o in g.objects(ds, VOID.dataDump)} == {base + "datasets/provkg.nt.gz",
                                                              base + "datasets/provkg.ttl.gz",
                                                              base + "datasets/provkg.jsonld.gz"}
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef(base + "sparql")
    assert g.value(ds, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    publisher = g.value(ds, DCTERMS.publisher)
    assert g.value(publisher, FOAF.name) == Literal("The provkg project")
    downloads = {str(o) for o in g.objects(None, DCAT.downloadURL)}
    assert downloads == {str(o) for o in g.objects(ds, VOID.dataDump)}
    # the counts are those of the dump a client downloads
    import gzip

    nt = gzip.decompress(client.get("/datasets/provkg.nt.gz").content).decode()
    assert g.value(ds, VOID.triples).toPython() == sum(1 for line in nt.splitlines() if line.strip())
    services = list(g.subjects(DCAT.endpointURL, URIRef(base + "sparql")))
    assert services and (services[0], DCAT.servesDataset, ds) in g
    jsonld = client.get("/datasets", headers={"Accept": "application/ld+json"})
    assert jsonld.status_code == 200 and len(Graph().parse(data=jsonld.content, format="json-ld")) == len(g)


def test_id_answers_rdf_xml(client):
    from rdflib import Graph, Literal, URIRef

    resp = client.get("/id/place/LA-SV", headers={"Accept": "application/rdf+xml"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("application/rdf+xml")
    g = Graph().parse(data=resp.content, format="xml")
    assert (URIRef("https://provkg.org/id/place/LA-SV"), URIRef(PK + "name"), Literal("Savannakhet")) in g
    assert client.get("/id/place/LA-SV", params={"format": "rdfxml"}).headers["content-type"].startswith(
        "application/rdf+xml")
