"""The SPARQL mirror: it holds the export, follows ingest article by article, answers like Cypher."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from core.errors import QueryFailed, QueryRefused
from graph import sparql_catalog as C
from graph.catalog import run_query
from graph.loader import Loader
from graph.rdf import export
from graph.sparql import P190, Mirror, wikidata_graph
from graph.sparql_exec import execute, vet
from tests.conftest import CORPUS

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="session")
def sample_mirror(loaded_store, tmp_path_factory) -> Mirror:
    m = Mirror(loaded_store.settings, root=tmp_path_factory.mktemp("sparql"))
    m.rebuild(loaded_store)
    return m


def _export_set(store, settings) -> set[str]:
    """The export, through an in-memory oxigraph store so both sides have the same literal forms."""
    buf = io.BytesIO()
    export(store, settings, "nt", buf)
    mem = ox.Store()
    mem.load(buf.getvalue(), ox.RdfFormat.N_TRIPLES)
    return {str(q.triple) for q in mem}


def _mirror_set(mirror: Mirror) -> set[str]:
    with mirror.reading() as r:
        return {str(q.triple) for q in r.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def _p190_set(mirror: Mirror) -> set[tuple[str, str]]:
    with mirror.reading() as r:
        g = ox.NamedNode(wikidata_graph(mirror.settings))
        return {(q.subject.value, q.object.value) for q in r.store.quads_for_pattern(None, None, None, g)}


def _expected_p190(store) -> set[tuple[str, str]]:
    from graph.wikidata import p190_triples, twinnings

    return {(s, o) for s, _, o in p190_triples(twinnings(store))}


def _articles() -> list:
    from ingest.pipeline import process
    from ingest.read import read_path

    return [process(item) for item in read_path(CORPUS, 5_000_000)]


def test_rebuild_mirrors_the_export(loaded_store, sample_mirror):
    assert _mirror_set(sample_mirror) == _export_set(loaded_store, loaded_store.settings)
    expected = _expected_p190(loaded_store)
    assert expected, "the sample has partnerships between items with QIDs"
    assert _p190_set(sample_mirror) == expected


def test_ingest_keeps_the_mirror_in_step_article_by_article(store, settings, tmp_path):
    """New, changed and reverted articles: after each sync the mirror equals a fresh export."""
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer
    from ingest.pipeline import process
    from ingest.read import read_path

    mirror = Mirror(settings, root=tmp_path / "sparql")
    loader = Loader(store, after_load=lambda doc: mirror.sync_document(store, doc))
    store.ensure_schema()
    load_reference(loader, gazetteer())
    items = list(read_path(CORPUS, 5_000_000))
    loader.load_article(process(items[0]))  # no mirror yet: the first sync builds it
    assert mirror.built
    for item in items[1:]:
        assert loader.load_article(process(item))
        assert _mirror_set(mirror) == _export_set(store, settings)
    assert _p190_set(mirror) == _expected_p190(store)
    # a changed article replaces its facts: keep only its first third, then restore it
    first = items[1]
    shorter = first.model_copy(update={"text": first.text[: len(first.text) // 3]})
    assert loader.load_article(process(shorter))
    assert _mirror_set(mirror) == _export_set(store, settings)
    assert _p190_set(mirror) == _expected_p190(store)
    assert loader.load_article(process(first))
    assert _mirror_set(mirror) == _export_set(store, settings)


def test_repair_catches_up_with_loads_it_missed(store, settings, tmp_path):
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer

    mirror = Mirror(settings, root=tmp_path / "sparql")
    loader = Loader(store)  # no hook: as if the sync had crashed after each graph write
    load_reference(loader, gazetteer())
    articles = _articles()
    loader.load_article(articles[0])
    mirror.rebuild(store)
    for facts in articles[1:]:
        loader.load_article(facts)
    assert _mirror_set(mirror) != _export_set(store, settings)
    stats = mirror.repair(store)
    assert stats.documents == len(articles) - 1 and not stats.rebuilt
    assert _mirror_set(mirror) == _export_set(store, settings)


# -- the example queries give the rows of their Cypher twins -----------------------------------

CASES = [
    ("partners_of_province", {"province": "Quảng Trị"}),
    ("partners_of_province", {"province": "VN-25", "country": "LA"}),
    ("partners_of_province", {"province": "lang son"}),
    ("provinces_partnering_with", {"partner": "Quảng Tây"}),
    ("provinces_partnering_with", {"partner": "LA"}),
    ("provinces_partnering_with", {"partner": "Thái Lan", "include_country_members": False}),
    ("province_agreements_timeline", {"province": "Lạng Sơn"}),
    ("province_agreements_timeline", {"province": "Quảng Trị", "kind": "MoU"}),
    ("shared_partners", {}),
    ("shared_partners", {"province": "Lạng Sơn", "include_countries": True}),
    ("shared_partners", {"min_shared": 2, "include_countries": True}),
    ("province_figures", {"province": "Lạng Sơn"}),
    ("province_figures", {"province": "Thừa Thiên Huế", "indicator": "fdi_registered_usd"}),
]
# Cypher parameter names where the SPARQL file has a narrower one
CYPHER_PARAMS = {"indicator": lambda v: ("indicators", [v])}


def _python(term: dict | None):
    if term is None:
        return None
    dtype = term.get("datatype", "")
    if dtype == XSD + "integer":
        return int(term["value"])
    if dtype in (XSD + "double", XSD + "decimal", XSD + "float"):
        return float(term["value"])
    if dtype == XSD + "boolean":
        return term["value"] == "true"
    return term["value"]


def _sparql_rows(mirror: Mirror, name: str, params: dict) -> tuple[list[str], list[list]]:
    with mirror.reading() as r:
        out = execute(r.store, C.bind(C.text(name), params), "json", max_rows=10_000, timeout_ms=30_000,
                      named_graphs=[])
    body = json.loads(out.body)
    cols = body["head"]["vars"]
    return cols, [[_python(b.get(c)) for c in cols] for b in body["results"]["bindings"]]


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_sparql_example_gives_the_cypher_rows(loaded_store, sample_mirror, name, params):
    assert _same_rows(loaded_store, sample_mirror, name, params), f"{name} {params} has rows on the sample"


def test_sparql_examples_give_the_cypher_rows_on_the_fixture_graph(fixture_store, tmp_path):
    """The hand-written fixture graph: the same answers, whatever the extractor does to the sample."""
    mirror = Mirror(fixture_store.settings, root=tmp_path / "sparql")
    mirror.rebuild(fixture_store)
    with_rows = [(name, params) for name, params in CASES if _same_rows(fixture_store, mirror, name, params)]
    assert {name for name, _ in with_rows} == set(C.names()), with_rows


def _same_rows(store, mirror: Mirror, name: str, params: dict) -> int:
    """Asserts both languages give the same rows; returns how many."""
    cy_params = dict(CYPHER_PARAMS[k](v) if k in CYPHER_PARAMS else (k, v) for k, v in params.items())
    cy = run_query(store, name, cy_params)
    cols, rows = _sparql_rows(mirror, name, params)
    assert cols == cy.columns
    lists = {i for row in cy.rows for i, v in enumerate(row) if isinstance(v, list)}

    def norm(row: list) -> tuple:
        out = []
        for i, v in enumerate(row):
            if i in lists:  # Cypher collects a list; GROUP_CONCAT joins in no set order
                items = v if isinstance(v, list) else ([] if v in (None, "") else str(v).split(" | "))
                out.append(tuple(sorted(str(x) for x in items)))
            else:
                out.append(v)
        return tuple(out)

    # rows in the same order, except where both sort on a null (Cypher puts nulls last, SPARQL first)
    assert sorted(map(norm, rows), key=repr) == sorted(map(norm, cy.rows), key=repr)
    if not any(v is None for row in cy.rows for v in row[:4]):
        assert [norm(r) for r in rows] == [norm(r) for r in cy.rows]
    return len(cy.rows)


def test_example_files_run_as_they_are(sample_mirror):
    assert len(C.names()) == 5
    for name in C.names():
        _, rows = _sparql_rows(sample_mirror, name, {})
        assert rows, name


# -- read-only, limits, formats --------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX x: <urn:x#> LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "drop graph <urn:g>",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused_by_name(query):
    with pytest.raises(QueryRefused, match="read-only"):
        vet(query, 10_000)


def test_service_is_refused_and_keywords_in_strings_are_not():
    with pytest.raises(QueryRefused, match="SERVICE"):
        vet("SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }", 10_000)
    assert vet('SELECT ?insert { ?s <urn:delete> "DROP, LOAD and SERVICE" . ?s pk:load ?insert } # DELETE', 10_000) \
        == "select"
    with pytest.raises(QueryRefused, match="limit is 50"):
        vet("SELECT * { ?s ?p ?o } " + "#" * 60, 50)


def test_rows_are_capped_and_the_cut_reported(sample_mirror):
    with sample_mirror.reading() as r:
        out = execute(r.store, "SELECT ?s { ?s ?p ?o }", "json", max_rows=25, timeout_ms=10_000, named_graphs=[])
        whole = execute(r.store, "SELECT ?s { ?s a <https://provkg.org/ontology#Country> } LIMIT 3", "json",
                        max_rows=25, timeout_ms=10_000, named_graphs=[])
    assert out.cut == "rows" and out.rows == 25
    assert len(json.loads(out.body)["results"]["bindings"]) == 25
    assert whole.cut is None and whole.rows == 3


def test_syntax_errors_are_query_failures(sample_mirror):
    with sample_mirror.reading() as r, pytest.raises(QueryFailed, match="syntax"):
        execute(r.store, "SELECT ?s WHERE { ?s ", "json", max_rows=10, timeout_ms=1000, named_graphs=[])


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_select_formats_parse_back(sample_mirror, fmt):
    q = ('PREFIX pk: <https://provkg.org/ontology#> SELECT ?p ?name ?w { ?p a pk:VietnameseProvince ; pk:name ?name '
         'OPTIONAL { ?p pk:wikidata ?w } } ORDER BY ?p LIMIT 5')
    with sample_mirror.reading() as r:
        out = execute(r.store, q, fmt, max_rows=100, timeout_ms=10_000, named_graphs=[])
        reference = [(s["p"], s["name"]) for s in r.store.query(q)]
    if fmt == "csv":  # CSV drops term kinds (oxigraph will not parse it back): read it as CSV
        import csv

        table = list(csv.reader(io.StringIO(out.body.decode("utf-8"), newline="")))
        assert table[0] == ["p", "name", "w"]
        assert [tuple(row[:2]) for row in table[1:]] == [(a.value, b.value) for a, b in reference]
        return
    parsed = ox.parse_query_results(out.body, {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                                               "tsv": ox.QueryResultsFormat.TSV}[fmt])
    assert [(s["p"], s["name"]) for s in parsed] == reference


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "rdfxml"])
def test_construct_formats(sample_mirror, fmt):
    q = "CONSTRUCT { ?p ?k ?v } WHERE { ?p <https://provkg.org/ontology#id> 'VN-25' ; ?k ?v }"
    with sample_mirror.reading() as r:
        out = execute(r.store, q, fmt, max_rows=1000, timeout_ms=10_000, named_graphs=[])
    rdf_fmt = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
               "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    triples = list(ox.parse(out.body, rdf_fmt))
    assert out.rows == len(triples) > 10
    assert any(isinstance(t.object, ox.Literal) and t.object.value == "Quảng Trị" for t in triples)


def test_ask_and_named_graph_visibility(sample_mirror):
    g = wikidata_graph(sample_mirror.settings)
    with sample_mirror.reading() as r:
        yes = execute(r.store, f"ASK {{ GRAPH <{g}> {{ ?a <{P190}> ?b }} }}", "json", max_rows=10, timeout_ms=5000,
                      named_graphs=[g])
        hidden = execute(r.store, f"ASK {{ GRAPH <{g}> {{ ?a <{P190}> ?b }} }}", "json", max_rows=10,
                         timeout_ms=5000, named_graphs=[])
    assert json.loads(yes.body)["boolean"] is True
    assert json.loads(hidden.body)["boolean"] is False


def test_mirror_not_built_is_unavailable(settings, tmp_path: Path):
    from core.errors import StoreUnavailable

    with pytest.raises(StoreUnavailable, match="sparql-sync"), Mirror(settings, root=tmp_path / "none").reading():
        pass
