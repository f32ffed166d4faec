"""The Neo4j 5 path: the same loader, views and guarantees as the embedded store, compared side by side
on the session's two sample graphs. The rest of the suite runs each store test on both engines."""

from __future__ import annotations

import json

import pytest

from core.errors import QueryRefused
from graph import views as V
from graph.loader import Loader
from graph.stats import graph_counts
from ingest.pipeline import process
from ingest.read import read_path

from .conftest import CORPUS

pytestmark = pytest.mark.neo4j


def test_same_counts_as_the_embedded_store(neo4j_loaded, embedded_loaded):
    assert graph_counts(neo4j_loaded) == graph_counts(embedded_loaded)


def test_idempotent_reload(neo4j_loaded):
    before = graph_counts(neo4j_loaded)
    loader = Loader(neo4j_loaded)
    for item in read_path(CORPUS, 5_000_000):
        assert loader.load_article(process(item)) is False
        loader.load_article(process(item), force=True)
    assert graph_counts(neo4j_loaded) == before


@pytest.mark.parametrize("call", [
    lambda s: V.province(s, "VN-25"),
    lambda s: V.province_partners(s, "VN-25", country=None, kind=None, since=None, until=None, limit=50, offset=0),
    lambda s: V.partner(s, "CN-GX"),
    lambda s: V.search(s, "quang tay", types=None, limit=10),
    lambda s: V.paths(s, "VN-09", "VN-13", 4)["paths"],
])
def test_views_answer_the_same(neo4j_loaded, embedded_loaded, call):
    def norm(x):
        return json.loads(json.dumps(x, sort_keys=True, default=str))
    a, b = norm(call(neo4j_loaded)), norm(call(embedded_loaded))
    if isinstance(a, list) and a and isinstance(a[0], list):  # (items, total)
        a, b = sorted(map(str, a[0])), sorted(map(str, b[0]))
    assert a == b


def test_read_transactions_refuse_writes(neo4j_loaded):
    with pytest.raises(QueryRefused):
        neo4j_loaded.read("CREATE (:Country {id: 'ZZ'})")


def test_several_writers_load_the_same_corpus_once(neo4j_empty, embedded_loaded):
    """Three writers (threads sharing one driver, as processes would share the server) load the
    reference data and the corpus at once: idempotent batches, deadlocks retried, no duplicates."""
    from concurrent.futures import ThreadPoolExecutor

    from .conftest import load_sample

    neo4j_empty.ensure_schema()
    with ThreadPoolExecutor(3) as pool:
        for f in [pool.submit(load_sample, neo4j_empty) for _ in range(3)]:
            f.result()
    assert graph_counts(neo4j_empty) == graph_counts(embedded_loaded)


def test_wrong_password_is_refused_as_unavailable(neo4j_loaded):
    from core.errors import StoreUnavailable
    from graph.neo4j_store import Neo4jStore

    bad = Neo4jStore(neo4j_loaded.settings.model_copy(update={"neo4j_password": __import__("pydantic").SecretStr("nope-nope")}))
    with pytest.raises(StoreUnavailable, match="credentials"):
        bad.read("RETURN 1")
    assert not bad.ping()
    bad.close()
