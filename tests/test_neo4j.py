"""The Neo4j 5 path: the same loader, views and guarantees as the embedded store.

These run only when NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD) point at a Neo4j 5 server, e.g.
`docker compose up -d neo4j`; the conftest skips them otherwise.
"""

from __future__ import annotations

import os

import pytest

from core.errors import QueryRefused
from core.settings import load_settings
from graph import views as V
from graph.loader import Loader
from graph.stats import graph_counts
from ingest.pipeline import process
from ingest.read import read_path

from .conftest import CORPUS, load_sample

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def neo4j_store():
    from graph.neo4j_store import Neo4jStore

    st = Neo4jStore(load_settings(store="neo4j", neo4j_uri=os.environ["NEO4J_URI"]))
    st.clear()
    st.ensure_schema()
    load_sample(st)
    yield st
    st.clear()
    st.close()


def test_same_counts_as_the_embedded_store(neo4j_store, loaded_store):
    assert graph_counts(neo4j_store) == graph_counts(loaded_store)


def test_idempotent_reload(neo4j_store):
    before = graph_counts(neo4j_store)
    loader = Loader(neo4j_store)
    for item in read_path(CORPUS, 5_000_000):
        assert loader.load_article(process(item)) is False
        loader.load_article(process(item), force=True)
    assert graph_counts(neo4j_store) == before


@pytest.mark.parametrize("call", [
    lambda s: V.province(s, "VN-25"),
    lambda s: V.province_partners(s, "VN-25", country=None, kind=None, since=None, until=None, limit=50, offset=0),
    lambda s: V.partner(s, "CN-GX"),
    lambda s: V.search(s, "quang tay", types=None, limit=10),
    lambda s: V.paths(s, "VN-09", "VN-13", 4)["paths"],
])
def test_views_answer_the_same(neo4j_store, loaded_store, call):
    def norm(x):
        import json
        return json.loads(json.dumps(x, sort_keys=True, default=str))
    a, b = norm(call(neo4j_store)), norm(call(loaded_store))
    if isinstance(a, list) and a and isinstance(a[0], list):  # (items, total)
        a, b = sorted(map(str, a[0])), sorted(map(str, b[0]))
    assert a == b


def test_read_transactions_refuse_writes(neo4j_store):
    with pytest.raises(QueryRefused):
        neo4j_store.read("CREATE (:Country {id: 'ZZ'})")
