"""Issue 15 #16, the re-count: what the OpenAPI schema admits the API accepts, and what it refuses
the schema refuses too. One test per schemathesis finding, each with the request it reported."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import load_api_settings

KEY = {"X-API-Key": "k-schema"}


@pytest.fixture(scope="module")
def client(fixture_store):
    api = load_api_settings(api_key=KEY["X-API-Key"], rate_limit_per_minute=10_000)
    with TestClient(create_app(fixture_store.settings, fixture_store, api), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def openapi(client):
    return client.get("/openapi.json").json()


def _param(openapi, path: str, method: str, name: str) -> dict:
    return next(p for p in openapi["paths"][path][method]["parameters"] if p["name"] == name)


def test_as_of_is_a_day_not_a_number(client, openapi):
    """ST201: `as_of=0` was read as 1970-01-01 (pydantic takes a number for a date) and answered 200."""
    assert _param(openapi, "/provinces/{id}", "get", "as_of")["schema"]["anyOf"][0]["pattern"]
    for path in ("/provinces/VN-25?as_of=0", "/provinces/VN-25/partners?as_of=0"):
        r = client.get(path)
        assert r.status_code == 422 and "as_of" in r.text, path
    r = client.post("/queries/partners_of_province?as_of=0", json={"province": "VN-25"}, headers=KEY)
    assert r.status_code == 422 and "as_of" in r.text
    assert client.get("/provinces/VN-25?as_of=2024-06-01").status_code == 200


def test_years_months_and_days_that_do_not_exist_are_outside_the_schema(client):
    """ST202: `from=0000` and `to=3360-78-26` matched the old pattern and were then refused (400)."""
    for query in ("from=0000", "to=3360-78-26", "from=2023-02-29"):
        assert client.get(f"/events?{query}").status_code == 422, query
    assert client.get("/events?from=2024-02-29").status_code == 200


def test_nul_in_a_text_filter_is_outside_the_schema(client, openapi):
    """ST202: `participant=%00` was schema-valid and refused by the store (422 from check_params)."""
    assert _param(openapi, "/events", "get", "participant")["schema"]["anyOf"][0]["pattern"] == "^[^\\x00]*$"
    for path in ("/events?participant=%00", "/agreements?partner=a%00b", "/provinces?region=x%00"):
        r = client.get(path)
        assert r.status_code == 422, path
        assert "engine" not in r.text.lower()
    assert client.get("/provinces/VN%0025").status_code == 422


def test_an_empty_type_filter_is_no_filter(client):
    """ST202: `type=` (an empty item, which the schema allows) was 400 'types must not be empty'."""
    r = client.get("/search", params={"q": "quang tri", "type": "", "limit": 20})
    assert r.status_code == 200
    assert r.json()["items"] == client.get("/search", params={"q": "quang tri", "limit": 20}).json()["items"]


def test_paths_need_both_ends(client, openapi):
    """ST202: `from=&to=` was schema-valid and refused (400 'must not be empty')."""
    assert _param(openapi, "/graph/paths", "get", "from")["schema"]["pattern"].startswith("^[^\\x00]*")
    assert client.get("/graph/paths?from=&to=").status_code == 422
    # a blank id (ids are stripped) is outside the schema too: `/graph/neighborhood/%0D` was 400
    assert client.get("/graph/neighborhood/%0D").status_code == 422
    assert client.get("/graph/paths?from=%20&to=VN-25").status_code == 422


def test_a_country_with_no_partnered_places_has_a_page(client, fixture_store):
    """ST202: /views/partner/SL (a country none of whose places partners a province) was 400."""
    lonely = fixture_store.read(
        "MATCH (c:Country) WHERE NOT (c)<-[:LOCATED_IN]-()<-[:PARTNER]-() RETURN c.id ORDER BY c.id LIMIT 1").scalar()
    assert lonely
    r = client.get(f"/views/partner/{lonely}")
    assert r.status_code in (200, 404), r.text
    if r.status_code == 200:
        assert r.json()["country_partnerships"] == []


def test_sparql_needs_a_query(client, openapi):
    """ST202: GET /sparql without `query`, and an empty form, were schema-valid and refused (400)."""
    assert _param(openapi, "/sparql", "get", "query")["required"] is True
    form = openapi["paths"]["/sparql"]["post"]["requestBody"]
    assert form["required"] is True
    assert form["content"]["application/x-www-form-urlencoded"]["schema"]["required"] == ["query"]
    assert client.get("/sparql?format=json").status_code == 400  # the SPARQL protocol's status


def test_an_article_needs_text(client, openapi):
    """ST202: `{"text": ""}` was schema-valid and refused (422 'the article has no text')."""
    schema = openapi["components"]["schemas"]["IngestRequest"]["properties"]["text"]
    assert schema["pattern"] == "\\S"
    r = client.post("/ingest", json={"text": "   "}, headers=KEY)
    assert r.status_code == 422 and "text" in r.text


def test_every_dataset_description_format_is_documented(client, openapi):
    """ST105: /datasets?format=nt answered application/n-triples, which the schema did not list."""
    documented = set(openapi["paths"]["/datasets"]["get"]["responses"]["200"]["content"])
    for fmt in ("turtle", "nt", "jsonld", "rdfxml"):
        r = client.get(f"/datasets?format={fmt}")
        assert r.status_code == 200
        assert r.headers["content-type"].split(";")[0] in documented, fmt


def test_a_blank_name_filter_is_no_filter(client):
    """ST202 (second run): `province=%C2%A0` and `province=+` were 400 'parameter id must not be empty'."""
    for path in ("/observations", "/events", "/agreements"):
        everything = client.get(path).json()["total"]
        for blank in ("%C2%A0", "+"):
            r = client.get(f"{path}?province={blank}")
            assert r.status_code == 200 and r.json()["total"] == everything, (path, blank)
    assert client.get("/events?participant=+").status_code == 200


def test_nul_in_a_search_type_is_outside_the_schema(client, openapi):
    """ST202 (second run): a `type` item with a NUL was schema-valid and refused by the store."""
    assert _param(openapi, "/search", "get", "type")["schema"]["anyOf"][0]["items"]["pattern"] == "^[^\\x00]*$"
    assert client.get("/search?q=quang&type=a%00b").status_code == 422


def test_a_sparql_post_without_a_content_type_is_documented(client, openapi):
    """ST103 (second run): POST /sparql without a content type answered 415, which was not documented."""
    assert "415" in openapi["paths"]["/sparql"]["post"]["responses"]
    assert client.post("/sparql").status_code == 415
