"""RDF out of the real embedded store: shapes, export, round trips, linked data, DCAT/VoID, CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SKOS, VOID
from typer.testing import CliRunner

from core.errors import NotFound, QueryRefused
from core.settings import PROJECT_ROOT, load_settings
from graph.linked import describe, negotiate
from graph.loader import Batch, Loader
from graph.rdf import FORMATS, ExportStats, dataset_description, dataset_iri, export, graph_triples, to_rdflib
from graph.schema import PK, load_schema
from graph.shapes import format_report, shapes_turtle, validate
from graph.stats import graph_counts

from .conftest import store_env

# rdflib's closed namespaces warn when pytest probes module globals, so XSD and DCAT go through `ns`
BASE = "https://provkg.org/id/"
QUANG_TRI = URIRef(BASE + "province/VN-25")
SAVANNAKHET = URIRef(BASE + "place/LA-SV")


@pytest.fixture(scope="module")
def rdf_settings(loaded_store):
    return loaded_store.settings


@pytest.fixture(scope="module")
def exports(loaded_store, rdf_settings) -> dict[str, bytes]:
    """The sample graph exported once in every format."""
    out = {}
    for fmt in FORMATS:
        buf = io.BytesIO()
        export(loaded_store, rdf_settings, fmt, buf)
        out[fmt] = buf.getvalue()
    return out


@pytest.fixture(scope="module")
def sample_graph(exports) -> Graph:
    return Graph().parse(data=exports["nt"], format="nt")


def _parse(fmt: str, data: bytes, settings) -> Graph:
    if fmt == "nq":  # the data sit in one named graph, the dataset's
        ds = Dataset()
        ds.parse(data=data, format="nquads")
        return ds.graph(URIRef(dataset_iri(settings)))
    return Graph().parse(data=data, format=FORMATS[fmt].rdflib_format)


# -- shapes ---------------------------------------------------------------------------------------

def test_committed_shapes_are_regenerated_from_the_ontology():
    assert (PROJECT_ROOT / "shapes.ttl").read_text(encoding="utf-8") == shapes_turtle(), \
        "shapes.ttl is stale: run `provkg schema --write`"


def test_shapes_cover_every_graph_label_and_require_provenance():
    from rdflib.namespace import SH

    g = Graph().parse(PROJECT_ROOT / "shapes.ttl")
    targets = {str(o) for o in g.objects(None, SH.targetClass)}
    assert targets == set(load_schema().labels.values())
    for cls, path, target in [(PK.Observation, PK.evidencedBy, PK.Mention),
                              (PK.Partnership, PK.evidencedBy, PK.Mention),
                              (PK.Role, PK.evidencedBy, PK.Mention),
                              (PK.Mention, PK.inDocument, PK.Document)]:
        shape = g.value(None, SH.targetClass, cls)
        props = [p for p in g.objects(shape, SH.property) if g.value(p, SH.path) == path]
        assert len(props) == 1, (cls, path)
        assert g.value(props[0], SH.minCount).toPython() == 1
        assert g.value(props[0], SH["class"]) == target
    # a key is single-valued unless the ontology says otherwise; dates allow three precisions
    agreement = g.value(None, SH.targetClass, PK.Agreement)
    by_path = {g.value(p, SH.path): p for p in g.objects(agreement, SH.property)}
    assert g.value(by_path[PK.title], SH.maxCount).toPython() == 1
    assert g.value(by_path[PK.field], SH.maxCount) is None
    assert g.value(by_path[PK.date], SH["or"]) is not None


# -- export ---------------------------------------------------------------------------------------

def test_sample_export_conforms_to_the_shapes(sample_graph):
    report = validate(sample_graph)
    assert report.conforms, "\n".join(format_report(report))
    assert report.violations == []


def test_every_format_round_trips_to_the_same_graph(exports, sample_graph, rdf_settings):
    assert len(sample_graph) > 20_000
    for fmt, data in exports.items():
        g = _parse(fmt, data, rdf_settings)
        assert len(g) == len(sample_graph), fmt
        assert isomorphic(g, sample_graph), f"{fmt} does not parse back to the N-Triples graph"


def test_rdflib_serialisations_agree_with_the_streamed_ones(loaded_store, rdf_settings, sample_graph):
    g = to_rdflib(graph_triples(loaded_store, rdf_settings), rdf_settings)
    for fmt in ("turtle", "json-ld", "xml"):
        assert isomorphic(Graph().parse(data=g.serialize(format=fmt), format=fmt), sample_graph), fmt


def test_nt_streams_page_by_page_to_the_same_graph(loaded_store, rdf_settings, exports):
    class Recorder(io.BytesIO):
        chunks: list[int] = []

        def write(self, b):  # type: ignore[override]
            assert bytes(b).endswith(b" .\n"), "every write holds whole lines"
            self.chunks.append(len(b))
            return super().write(b)

    out = Recorder()
    stats = export(loaded_store, rdf_settings, "nt", out, page_size=97)
    counts = graph_counts(loaded_store)
    assert stats.pages == -(-counts["nodes"]["Entity"] // 97), "every page of 97 nodes is one read"
    assert len(out.chunks) > 1 and max(out.chunks) < len(out.getvalue()) / 2, "written as it comes"
    lines = out.getvalue().decode("utf-8").splitlines()
    assert len(lines) == stats.triples and all(line.endswith(" .") for line in lines)
    assert sorted(lines) == sorted(exports["nt"].decode("utf-8").splitlines())


def test_terms_follow_the_ontology(sample_graph):
    g = sample_graph
    assert (QUANG_TRI, RDF.type, PK.VietnameseProvince) in g
    assert (QUANG_TRI, PK.name, Literal("Quảng Trị")) in g
    assert (QUANG_TRI, PK.validTo, Literal("2025-06-30", datatype=ns.XSD.date)) in g
    assert (QUANG_TRI, PK.current, Literal(False)) in g
    assert (SAVANNAKHET, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q465940")) in g
    # dates keep the precision the text gives
    dtypes = {o.datatype for p in (PK.date, PK.dateStart, PK.dateEnd, PK.period, PK.published, PK.since)
              for o in g.objects(None, p)}
    assert dtypes == {ns.XSD.gYear, ns.XSD.gYearMonth, ns.XSD.date}
    assert Literal("2019-10", datatype=ns.XSD.gYearMonth) in set(g.objects(None, PK.dateStart))
    # lists are repeated triples; kinds and fields link to the SKOS concepts
    agr = next(s for s in g.subjects(PK.kind, Literal("MoU")) if len(set(g.objects(s, PK.field))) > 1)
    assert (agr, PK.kindConcept, PK.MoU) in g
    for field in g.objects(agr, PK.field):
        concept = g.value(predicate=SKOS.notation, object=field)
        assert concept is not None and (agr, PK.fieldConcept, concept) in g
    assert (PK.MoU, RDF.type, SKOS.Concept) in g


def test_edge_keys_are_all_carried_by_qualified_nodes(loaded_store, rdf_settings, sample_graph):
    stats = ExportStats()
    for _ in graph_triples(loaded_store, rdf_settings, stats=stats):
        pass
    assert stats.edges_with_keys > 0 and stats.reified_edge_keys == 0
    assert not list(sample_graph.subjects(RDF.type, RDF.Statement))
    # and the Partnership of each shortcut holds the edge's values
    rows = loaded_store.read("MATCH (p)-[r:PARTNERS_WITH]->(x) MATCH (p)-[:HAS_PARTNERSHIP]->(q)-[:PARTNER]->(x) "
                             "RETURN properties(r), properties(q)").rows
    assert rows and all(all(q.get(k) == v for k, v in r.items()) for r, q in rows)
    assert len(list(sample_graph.subject_objects(PK.partnersWith))) == len(rows)


def test_an_edge_key_no_node_carries_is_exported_as_a_statement(store):
    b = Batch(load_schema())
    b.node("VietnameseProvince", "VN-X", {"name": "X"})
    b.node("Country", "LA", {"name": "Lào"})
    b.rel("PARTNERS_WITH", "VN-X", "LA", {"since": "2024-05", "evidence_count": 2})
    Loader(store).load_batch(b)
    stats = ExportStats()
    g = to_rdflib(graph_triples(store, store.settings, stats=stats))
    assert stats.reified_edge_keys == 2
    st = g.value(predicate=RDF.type, object=RDF.Statement)
    assert g.value(st, RDF.subject) == URIRef(BASE + "province/VN-X")
    assert g.value(st, RDF.predicate) == PK.partnersWith
    assert g.value(st, RDF.object) == URIRef(BASE + "country/LA")
    assert g.value(st, PK.since) == Literal("2024-05", datatype=ns.XSD.gYearMonth)
    assert g.value(st, PK.evidenceCount) == Literal(2)


def test_base_iri_and_quoting_come_from_settings(store, data_dir):
    b = Batch(load_schema())
    b.node("Organization", "org/a b", {"name": "A B"})
    Loader(store).load_batch(b)
    s = load_settings(data_dir=data_dir, graph_name=store.settings.graph_name, base_iri="http://example.org/kg/")
    g = to_rdflib(graph_triples(store, s))
    assert (URIRef("http://example.org/kg/org/org%2Fa%20b"), PK.name, Literal("A B")) in g


# -- DCAT / VoID ----------------------------------------------------------------------------------

def test_dataset_description_counts(loaded_store, rdf_settings, sample_graph):
    d = dataset_description(loaded_store, rdf_settings)
    ds = URIRef(dataset_iri(rdf_settings))
    assert (ds, RDF.type, ns.DCAT.Dataset) in d and (ds, RDF.type, VOID.Dataset) in d
    assert d.value(ds, DCTERMS.title) and d.value(ds, DCTERMS.license) and d.value(ds, DCTERMS.publisher)
    assert d.value(ds, DCTERMS.modified).datatype == ns.XSD.dateTime
    assert d.value(ds, VOID.triples).toPython() == len(sample_graph)
    counts = graph_counts(loaded_store)["nodes"]
    assert d.value(ds, VOID.entities).toPython() == counts["Entity"]
    partitions = {d.value(p, VOID["class"]): d.value(p, VOID.entities).toPython()
                  for p in d.objects(ds, VOID.classPartition)}
    assert partitions == {URIRef(PK[label]): n for label, n in counts.items() if n}
    # and the numbers agree with the triples themselves
    assert partitions[PK.Observation] == len(set(sample_graph.subjects(RDF.type, PK.Observation)))
    media = {str(d.value(x, ns.DCAT.mediaType)).rsplit("media-types/", 1)[1] for x in d.objects(ds, ns.DCAT.distribution)}
    assert media == {f.media_type for f in FORMATS.values()}


def test_export_with_dataset_appends_the_description(loaded_store, rdf_settings, sample_graph):
    buf = io.BytesIO()
    export(loaded_store, rdf_settings, "ttl", buf, with_dataset=True)
    g = Graph().parse(data=buf.getvalue(), format="turtle")
    ds = URIRef(dataset_iri(rdf_settings))
    assert g.value(ds, VOID.triples).toPython() == len(sample_graph)
    assert validate(g).conforms


# -- linked data ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,media,rdflib_fmt", [("turtle", "text/turtle", "turtle"),
                                                  ("jsonld", "application/ld+json", "json-ld"),
                                                  ("nt", "application/n-triples", "nt"),
                                                  ("rdfxml", "application/rdf+xml", "xml")])
def test_describe_resolves_an_entity_in_rdf(loaded_store, rdf_settings, fmt, media, rdflib_fmt):
    body, media_type = describe(loaded_store, rdf_settings, "province", "VN-25", fmt)
    assert media_type == media
    g = Graph().parse(data=body, format=rdflib_fmt)
    assert (QUANG_TRI, RDF.type, PK.VietnameseProvince) in g
    assert (QUANG_TRI, PK.name, Literal("Quảng Trị")) in g
    # its partnerships, named, so a client can show them without another request
    ps = set(g.objects(QUANG_TRI, PK.hasPartnership))
    assert ps and all(g.value(p, PK.name) for p in ps)

    body, _ = describe(loaded_store, rdf_settings, "place", "LA-SV", fmt)
    g = Graph().parse(data=body, format=rdflib_fmt)
    assert (SAVANNAKHET, RDF.type, PK.ForeignLocality) in g
    assert (SAVANNAKHET, PK.name, Literal("Savannakhet")) in g
    assert (SAVANNAKHET, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q465940")) in g
    # incoming links too: the partnerships that name Savannakhet as partner
    assert any(True for _ in g.subjects(PK.partner, SAVANNAKHET))


def test_describe_json(loaded_store, rdf_settings):
    body, media_type = describe(loaded_store, rdf_settings, "province", "VN-25", "json")
    assert media_type == "application/json"
    doc = json.loads(body)
    assert doc["iri"] == str(QUANG_TRI) and doc["type"] == "VietnameseProvince"
    assert doc["properties"]["name"] == "Quảng Trị"
    shortcut = [r for r in doc["outgoing"] if r["type"] == "PARTNERS_WITH"]
    assert shortcut and all("evidence_count" in r["properties"] for r in shortcut)
    assert any(r["source"]["labels"] == ["Observation"] for r in doc["incoming"])


def test_describe_unknown_type_or_key(loaded_store, rdf_settings):
    with pytest.raises(NotFound):
        describe(loaded_store, rdf_settings, "planet", "VN-25", "turtle")
    with pytest.raises(NotFound):
        describe(loaded_store, rdf_settings, "province", "VN-99", "turtle")
    with pytest.raises(NotFound):  # an id of another type is not found under this one
        describe(loaded_store, rdf_settings, "country", "VN-25", "json")


@pytest.mark.parametrize("accept,param,expected", [
    (None, None, "json"),
    ("", None, "json"),
    ("*/*", None, "json"),
    ("application/json", None, "json"),
    ("text/turtle", None, "turtle"),
    ("application/ld+json", None, "jsonld"),
    ("application/n-triples", None, "nt"),
    ("text/turtle;q=0.5, application/ld+json", None, "jsonld"),
    ("application/ld+json;q=0.2, text/turtle;q=0.9, */*;q=0.1", None, "turtle"),
    ("text/*", None, "turtle"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None, "json"),
    ("text/turtle;q=0, */*", None, "json"),
    ("application/ld+json; profile=\"http://www.w3.org/ns/json-ld#compacted\"", None, "jsonld"),
    ("text/turtle", "json", "json"),
    (None, "ttl", "turtle"),
    (None, "jsonld", "jsonld"),
    (None, "nt", "nt"),
    ("application/rdf+xml", None, "rdfxml"),
    (None, "rdfxml", "rdfxml"),
])
def test_negotiate(accept, param, expected):
    assert negotiate(accept, param) == expected


@pytest.mark.parametrize("accept,param", [("text/html", None), ("text/turtle;q=0", None), (None, "owl")])
def test_negotiate_refuses_what_it_cannot_serve(accept, param):
    with pytest.raises(QueryRefused) as exc:
        negotiate(accept, param)
    if param is None:
        assert "text/turtle" in str(exc.value) and "application/ld+json" in str(exc.value)


# -- CLI ------------------------------------------------------------------------------------------

@pytest.fixture
def cli_env(monkeypatch, loaded_store):
    from core.settings import get_settings

    for key, value in store_env(loaded_store).items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_cli_export_and_validate_a_good_file(cli_env, tmp_path: Path, sample_graph):
    from cli.main import app

    runner = CliRunner()
    target = tmp_path / "provkg.nt"
    res = runner.invoke(app, ["export", "--format", "nt", "--out", str(target)])
    assert res.exit_code == 0, res.output
    assert isomorphic(Graph().parse(target, format="nt"), sample_graph)
    res = runner.invoke(app, ["validate", str(target)])
    assert res.exit_code == 0, res.output
    assert "conforms" in res.output and "does not" not in res.output


def test_cli_validate_reports_a_broken_file(cli_env, tmp_path: Path, sample_graph):
    from cli.main import app

    g = Graph()
    g += sample_graph
    obs = sorted(g.subjects(RDF.type, PK.Observation))[0]
    g.remove((obs, PK.evidencedBy, None))
    broken = tmp_path / "broken.ttl"
    g.serialize(broken, format="turtle")
    res = CliRunner().invoke(app, ["validate", str(broken)])
    assert res.exit_code == 1, res.output
    assert "does not conform: 1 violations in 1 groups" in res.output
    assert "every Observation needs at least one pk:evidencedBy link to a pk:Mention" in res.output
    assert str(obs) in res.output and "pk:evidencedBy" in res.output


def test_cli_export_to_stdout_and_validate_the_store(cli_env):
    from cli.main import app

    runner = CliRunner()
    res = runner.invoke(app, ["export", "--format", "ttl", "--with-dataset"])
    assert res.exit_code == 0
    assert "void:triples" in res.stdout
    res = runner.invoke(app, ["validate"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("the store: conforms")


def test_cli_validate_refuses_unreadable_input(cli_env, tmp_path: Path):
    from cli.main import app

    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    res = CliRunner().invoke(app, ["validate", str(bad)])
    assert res.exit_code == 2
    res = CliRunner().invoke(app, ["validate", str(tmp_path / "missing.ttl")])
    assert res.exit_code == 2


def test_describe_needs_no_network_for_json_ld(loaded_store, rdf_settings):
    # the JSON-LD context is inline: parsing must not fetch anything
    body, _ = describe(loaded_store, rdf_settings, "agreement",
                       loaded_store.read("MATCH (a:Agreement) RETURN a.id ORDER BY a.id LIMIT 1").scalar(), "jsonld")
    doc = json.loads(body)
    assert isinstance(doc["@context"], dict) and doc["@context"]["pk"] == str(PK)

