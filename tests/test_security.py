"""Hostile queries and access: every write or escape attempt is refused on every path, caps and
timeouts hold, secrets never leak; fuzzing of the parsers and of the whole HTTP API."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import unicodedata

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from api.app import create_app
from api.settings import load_api_settings
from core.errors import QueryFailed, QueryRefused, QueryTimeout
from core.models import RawArticle
from graph.guard import vet_read_query
from graph.stats import graph_counts
from ingest.clean import clean

from .conftest import ROOT, store_env

ATTEMPTS = [
    # plain writes
    "CREATE (n:Country {id: 'ZZ'})", "create (n:Country {id: 'ZZ'})", "MERGE (n:Country {id: 'ZZ'})",
    "MATCH (n:Country {id: 'LA'}) SET n.name = 'x'", "MATCH (n:Country {id: 'LA'}) SET n += {name: 'x'}",
    "MATCH (n:Country {id: 'LA'}) SET n:Hacked", "MATCH (n) DELETE n", "MATCH (n) DETACH DELETE n",
    "MATCH (n:Country) REMOVE n.name", "MATCH (n:Country) REMOVE n:Country",
    "MATCH ()-[r]->() DELETE r", "MATCH (a:Country {id:'LA'}), (b:Country {id:'TH'}) CREATE (a)-[:X]->(b)",
    "MATCH (a:Country {id:'LA'}) MERGE (a)-[:X]->(a)",
    # schema and admin
    "DROP INDEX ON :Country(id)", "CREATE INDEX FOR (n:Country) ON (n.name)", "CREATE INDEX ON :Country(name)",
    "DROP CONSTRAINT entity_id_unique", "CREATE CONSTRAINT c FOR (n:X) REQUIRE n.id IS UNIQUE",
    "CALL db.idx.fulltext.createNodeIndex('Country', 'name')", "CALL db.idx.fulltext.drop('Country')",
    "CALL dbms.security.createUser('a', 'b', false)", "CALL dbms.killQueries([])", "CALL apoc.periodic.iterate('', '', {})",
    "CALL db.clearQueryCaches()", "CALL algo.pageRank('Country', 'X')", "GRAPH.DELETE provkg", "GRAPH.QUERY g 'CREATE (:X)'",
    "CALL graph.delete()", "USE system SHOW USERS", "SHOW DATABASES", "ALTER USER neo4j SET PASSWORD 'x'",
    "GRANT ALL ON DATABASE * TO reader", "START DATABASE neo4j", "STOP DATABASE neo4j",
    # data loading and escapes
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1/x.csv' AS r CREATE (:X)",
    "USING PERIODIC COMMIT LOAD CSV FROM 'file:///x' AS l CREATE (:X)",
    # hidden writes
    "MATCH (n:Country) CALL { WITH n CREATE (:X) } RETURN count(*)",
    "CALL { CREATE (:X) } RETURN 1", "MATCH (n) FOREACH (x IN [1] | CREATE (:X))",
    "MATCH (n) FOREACH (x IN [1] | SET n.a = 1)", "UNWIND [1] AS x CREATE (:X)",
    "MATCH (n) WITH n LIMIT 1 SET n.x = 1 RETURN n",
    "OPTIONAL MATCH (n) WITH n MERGE (:X {id: 1})",
    # multiple statements and comments
    "RETURN 1; CREATE (:X)", "RETURN 1 ; MATCH (n) DETACH DELETE n", "MATCH (n) RETURN n // ; CREATE (:X)\nCREATE (:Y)",
    "MATCH (n) /* harmless */ SET n.x = 1", "/* CREATE */ MATCH (n) DELETE n",
    # unicode tricks
    "ＣＲＥＡＴＥ (:X)", "CREATE\u00a0(:X)", "CRE\u200bATE (:X)", "MATCH (n) SE\u200dT n.x = 1",
    "MATCH (n) ＳＥＴ n.x = 1", "\u202eETAERC (:X)", "CREATE (:X)\u2028",
    # caps
    "UNWIND range(1, 1000000000) AS x RETURN count(x)", "RETURN reduce(s = 0, x IN range(0, $n) | s + x)",
    "RETURN " + "(" * 40 + "1" + ")" * 40, "RETURN [" * 30 + "1" + "]" * 30, "MATCH (n) RETURN n" + " " * 9000 + "LIMIT 1",
]


def test_at_least_fifty_attempts():
    assert len(ATTEMPTS) >= 50


@pytest.mark.parametrize("query", ATTEMPTS)
def test_guard_refuses(query):
    with pytest.raises(QueryRefused):
        vet_read_query(query, max_length=8000, max_nesting=12)


@pytest.mark.parametrize("query", [q for q in ATTEMPTS if "\u200b" not in q and "(" * 40 not in q][:30])
def test_engine_refuses_even_without_the_guard(loaded_store, query):
    """The second refusal: sent straight to the engine's read-only mode, writes fail and nothing changes."""
    before = graph_counts(loaded_store)
    writes = any(w in query.upper() for w in ("CREATE", "MERGE", " SET ", "DELETE", "REMOVE", "DROP"))
    try:
        loaded_store.read(query)
    except (QueryRefused, QueryFailed):
        pass
    else:
        assert not writes, f"the engine ran a write in read-only mode: {query}"
    assert graph_counts(loaded_store) == before


@pytest.fixture(scope="module")
def client(loaded_store):
    keyed = load_api_settings(api_key="sec-key-123", rate_limit_per_minute=10_000)
    with TestClient(create_app(loaded_store.settings, loaded_store, keyed), raise_server_exceptions=False) as c:
        yield c


def test_every_attempt_refused_over_http_and_counts_unchanged(client, loaded_store):
    before = graph_counts(loaded_store)
    for q in ATTEMPTS:
        r = client.post("/cypher", json={"query": q}, headers={"X-API-Key": "sec-key-123"})
        assert r.status_code in (400, 413), (q, r.status_code)
        assert "sec-key-123" not in r.text
    assert graph_counts(loaded_store) == before


def test_named_query_parameters_cannot_inject(client, loaded_store):
    before = graph_counts(loaded_store)
    names = [q["name"] for q in client.get("/queries").json()]
    assert names
    evil = "x'}) DETACH DELETE n //"
    for name in names[:10]:
        spec = client.get(f"/queries/{name}").json()
        params = {p["name"]: evil for p in spec.get("params", []) if p.get("type", "string") == "string"}
        r = client.post(f"/queries/{name}", json=params)
        assert r.status_code < 500, (name, r.text[:200])
    assert graph_counts(loaded_store) == before


def test_cli_cypher_refuses(loaded_store):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **store_env(loaded_store)}
    for q in ("CREATE (:X)", "MATCH (n) DETACH DELETE n", "CALL { CREATE (:X) } RETURN 1"):
        p = subprocess.run([sys.executable, "-m", "cli.main", "cypher", q], env=env, cwd=ROOT, capture_output=True,
                           text=True)
        assert p.returncode == 2 and "refused" in (p.stderr + p.stdout).lower(), p.stderr


def test_slow_query_is_cut_and_the_store_keeps_serving(loaded_store):
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        loaded_store.read("MATCH (a:Entity), (b:Entity), (c:Country) WHERE a.name < b.name RETURN count(*)",
                          timeout_ms=300)
    assert time.monotonic() - start < 10
    assert loaded_store.read("RETURN 1").scalar() == 1


def test_huge_range_is_refused_before_sending():
    for q in ("UNWIND range(1, 300000000) AS x RETURN count(x)", "RETURN size(range(0, $n))",
              "RETURN range(1, 10, 0)"):
        with pytest.raises(QueryRefused, match="range"):
            vet_read_query(q, max_length=8000, max_nesting=12)
    assert vet_read_query("UNWIND range(1, 1000) AS x RETURN x", max_length=8000, max_nesting=12)


def test_row_cap_sets_truncated(loaded_store):
    res = loaded_store.read("UNWIND range(1, 5000) AS x RETURN x", max_rows=100)
    assert len(res.rows) == 100 and res.truncated


def test_deep_nesting_is_refused_before_parsing():
    start = time.monotonic()
    with pytest.raises(QueryRefused):
        vet_read_query("RETURN " + "(" * 1000 + "1" + ")" * 1000, max_length=100_000, max_nesting=12)
    assert time.monotonic() - start < 0.5


def test_no_default_key_and_constant_time_compare():
    import inspect

    from api import deps
    assert load_api_settings().api_key is None
    assert "compare_digest" in inspect.getsource(deps.require_api_key)


# -- fuzzing ------------------------------------------------------------------------------------

@hsettings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400))
def test_clean_never_crashes_and_keeps_offsets(text):
    c = clean(RawArticle(source="f.txt", text=text))
    assert len(c.offsets) == len(c.text) + 1
    assert all(0 <= o <= len(text) for o in c.offsets)
    assert c.offsets == sorted(c.offsets)
    assert unicodedata.is_normalized("NFC", c.text)


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Quảng Trị Lào Savannakhet (Thái Lan) hợp tác với, .-–0123456789")),
               max_size=200))
def test_pipeline_never_crashes_on_near_text(text):
    from ingest.pipeline import process

    facts = process(RawArticle(source="f.txt", text=text))
    for p in facts.partners:
        assert text[p.evidence.start:p.evidence.end] == p.evidence.text


# Schema-valid requests these operations still refuse by design: a Cypher or SPARQL text is valid
# only if it parses (and the guard lets it through), a named query's parameters depend on its name
# (one body schema serves every query), and whether an HTML page holds article text is known only
# once it is extracted. Measured figures: RELIABILITY.md, "Fuzzing".
REFUSED_BY_DESIGN = {("POST", "/cypher"), ("POST", "/queries/{name}"), ("GET", "/sparql"), ("POST", "/sparql"),
                     ("POST", "/ingest")}
# a list parameter sent as one value is a one-item list on the wire; schemathesis counts it as a violation
WIRE_AMBIGUOUS = {("GET", "/search")}


def test_schemathesis_no_5xx_and_the_schema_holds(store):
    """On a graph of its own: the generated cases post articles to /ingest, which must not leak into
    the graph other tests share. Positive and negative cases; besides no 5xx, schema-valid requests
    are accepted, schema-violating ones refused, and every answer's content type is documented."""
    import schemathesis
    from hypothesis import settings as hs
    from hypothesis.errors import Unsatisfiable
    from schemathesis.core.failures import Failure, FailureGroup
    from schemathesis.generation import GenerationMode
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        negative_data_rejection,
        positive_data_acceptance,
    )

    from tests.fixture_graph import load_fixture

    load_fixture(store)
    keyed = load_api_settings(api_key="sec-key-123", rate_limit_per_minute=10_000)
    app = create_app(store.settings, store, keyed)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    examples = int(os.environ.get("PROVKG_SCHEMATHESIS_EXAMPLES", "8"))  # per mode, positive and negative
    for op in schema.get_all_operations():
        operation = op.ok()
        headers = {"X-API-Key": "sec-key-123"} if operation.path.startswith(("/ingest", "/cypher")) else {}
        key = (operation.method.upper(), operation.path)
        checks = [content_type_conformance] + ([] if key in WIRE_AMBIGUOUS else [negative_data_rejection])
        if key not in REFUSED_BY_DESIGN:
            checks.append(positive_data_acceptance)
        for mode in GenerationMode:

            @hs(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))  # noqa: B023 - called at once
            def run(case):
                resp = case.call(headers=headers)  # noqa: B023 - run() is called at once, in this iteration
                where = f"{case.method} {case.path} {case.path_parameters} {case.query}"
                if resp.status_code >= 500 and resp.status_code not in (503, 504):
                    failures.append(f"{where} -> {resp.status_code} {resp.text[:200]}")
                try:
                    case.validate_response(resp, checks=checks, headers=headers)  # noqa: B023
                except (Failure, FailureGroup) as exc:
                    found = exc.exceptions if isinstance(exc, FailureGroup) else [exc]
                    failures.extend(f"{where}: {f.title} ({resp.status_code} {resp.text[:120]})" for f in found)
            try:
                run()
            except Unsatisfiable:  # an operation with nothing to break (no parameters, no body)
                assert mode == GenerationMode.NEGATIVE  # noqa: PT017
    assert not failures, failures[:5]
