"""The read routes serve the views' dicts without FastAPI re-validating them (api.routes_data._served):
here every read route's answer, on the fixture graph and each engine, is exactly what validating it
against the route's documented `response_model` and serialising it again would give — so the
OpenAPI document still tells the truth about every field, default and type."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from api.app import create_app
from api.settings import load_api_settings

# every GET route of api.routes_data with its sample requests (a page with filters, a detail, a
# unit formed in the 2025 reform, an empty answer)
REQUESTS = {
    "/provinces": ["/provinces", "/provinces?current=true&limit=5&sort=partners"],
    "/provinces/{id}": ["/provinces/VN-25", "/provinces/VN-2025-44", "/provinces/VN-2025-44?include_predecessors=false"],
    "/provinces/{id}/partners": ["/provinces/VN-25/partners", "/provinces/VN-2025-44/partners",
                                 "/provinces/VN-09/partners?include_predecessors=false&country=CN",
                                 "/provinces/VN-25/partners?offset=400"],
    "/partners": ["/partners", "/partners?country=LA&limit=2", "/partners?q=quang"],
    "/partners/{id}": ["/partners/CN-GX", "/partners/LA-SV"],
    "/countries/{iso2}": ["/countries/LA", "/countries/CN"],
    "/agreements": ["/agreements", "/agreements?province=VN-09", "/agreements?partner=CN-GX&from=2020"],
    "/agreements/{id}": [],  # filled from /agreements
    "/events": ["/events", "/events?province=VN-25&from=2023-03", "/events?participant=LA-SV"],
    "/events/{id}": [],
    "/observations": ["/observations", "/observations?province=VN-09"],
    "/documents/{id}": ["/documents/doc-fixture-qt-sv"],
    "/search": ["/search?q=quang", "/search?q=lao&type=Country", "/search?q=zzzz"],
    "/graph/neighborhood/{id}": ["/graph/neighborhood/VN-25", "/graph/neighborhood/LA-SV?depth=2"],
    "/graph/paths": ["/graph/paths?from=VN-09&to=VN-01"],
    "/stats": ["/stats"],
}


@pytest.fixture(scope="module")
def client(fixture_store):
    with TestClient(create_app(fixture_store.settings, fixture_store,
                               load_api_settings(rate_limit_per_minute=100_000))) as c:
        yield c


def _routes(client) -> dict[str, APIRoute]:
    from api import routes_data

    return {r.path: r for r in routes_data.router.routes if isinstance(r, APIRoute) and "GET" in r.methods}


def test_every_read_route_is_covered(client):
    assert set(_routes(client)) == set(REQUESTS)


def test_read_routes_answer_what_their_response_model_would(client):
    routes = _routes(client)
    reqs = {k: list(v) for k, v in REQUESTS.items()}
    first = {k: client.get(k[: -len("/{id}")]).json()["items"][0]["id"] for k in ("/agreements/{id}", "/events/{id}")}
    for k, fid in first.items():
        reqs[k].append(k.replace("{id}", fid))
    checked, wrong = 0, []
    for path, urls in reqs.items():
        adapter = TypeAdapter(routes[path].response_model)
        for url in urls:
            r = client.get(url)
            assert r.status_code == 200, (url, r.text)
            body = r.json()
            if adapter.dump_python(adapter.validate_python(body), mode="json", by_alias=True) != body:
                wrong.append(url)
            checked += 1
    assert checked >= 30 and not wrong, wrong
