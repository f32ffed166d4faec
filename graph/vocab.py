"""The project's vocabulary as a closed term set, generated from ontology.ttl when first imported.

A misspelt term (`PK.graphLable`) raises instead of minting a new IRI, so code cannot drift from
the ontology it claims to follow."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import ClosedNamespace

BASE = "https://provkg.org/ontology#"
ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology.ttl"


def declared_terms(path: Path = ONTOLOGY) -> list[str]:
    """Every local name under BASE that ontology.ttl mentions (classes, properties, concepts, annotations)."""
    g = Graph().parse(path, format="turtle")
    terms = {str(t)[len(BASE):] for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(BASE)}
    return sorted(t for t in terms if t)


PK = ClosedNamespace(URIRef(BASE), declared_terms())
