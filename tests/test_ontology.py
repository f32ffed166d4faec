"""ontology.ttl is the single source of truth: it parses, it is closed, and the graph holds nothing else."""

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from core.settings import PROJECT_ROOT
from graph.loader import Loader
from graph.reference import load_reference
from graph.schema import PK, load_schema, schema_json
from ingest.gazetteer import gazetteer
from ingest.pipeline import process
from ingest.read import read_path

from .conftest import CORPUS


def test_ontology_parses_and_every_used_class_is_declared():
    g = Graph().parse(PROJECT_ROOT / "ontology.ttl")
    declared = set(g.subjects(RDF.type, OWL.Class))
    used = {o for p in (RDFS.domain, RDFS.range, RDFS.subClassOf) for o in g.objects(None, p)
            if str(o).startswith(str(PK))}
    assert used <= declared, used - declared
    for cls in declared:
        labels = {lit.language for lit in g.objects(cls, RDFS.label)}
        assert {"vi", "en"} <= labels, f"{cls} needs Vietnamese and English labels"


def test_committed_schema_is_regenerated_from_the_ontology():
    assert (PROJECT_ROOT / "graph" / "schema.json").read_text(encoding="utf-8") == schema_json(), \
        "graph/schema.json is stale: run `provkg schema --write`"


def test_loader_writes_only_what_the_ontology_declares(store):
    schema = load_schema()
    loader = Loader(store)
    load_reference(loader, gazetteer())
    for item in read_path(CORPUS, 5_000_000):
        loader.load_article(process(item))
    labels = {r[0] for r in store.read("CALL db.labels()").rows}
    types = {r[0] for r in store.read("CALL db.relationshipTypes()").rows}
    keys = {r[0] for r in store.read("CALL db.propertyKeys()").rows}
    assert labels and labels <= set(schema.labels)
    assert types and types <= set(schema.rel_types)
    assert keys and keys <= set(schema.keys)
    # and per label: every key on a node is declared for that node's class
    for label in labels - {"Entity"}:  # a node is checked against its own class and its ancestors
        res = store.read(f"MATCH (n:{label}) UNWIND keys(n) AS k RETURN DISTINCT k")
        assert {r[0] for r in res.rows} <= schema.node_keys(label), label


def test_undeclared_names_are_refused_before_sending():
    from core.errors import SchemaViolation
    from graph.loader import Batch

    b = Batch(load_schema())
    with pytest.raises(SchemaViolation):
        b.node("Province", "x", {})
    with pytest.raises(SchemaViolation):
        b.node("Country", "x", {"favourite_colour": "red"})
    with pytest.raises(SchemaViolation):
        b.rel("LIKES", "a", "b")


def test_the_vocabulary_is_closed():
    from graph.vocab import PK

    assert str(PK.graphLabel) == "https://provkg.org/ontology#graphLabel"
    with pytest.raises(AttributeError):
        PK.graphLable  # noqa: B018 - a misspelt term is an error, not a new IRI
