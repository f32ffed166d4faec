"""The first-load paths (graph.bulk.FirstLoad: CREATE statements; graph.falkor_bulk.FalkorBulk:
GRAPH.BULK) write the same graph as the incremental one: same nodes, labels, properties with their
types (dates as dates, lists as lists), relationships, indexes."""

from __future__ import annotations

import uuid

from core.settings import load_settings
from graph.falkor_store import FalkorStore
from tests import golden


def _typed(props: dict, skip: frozenset = frozenset()) -> list:
    # the value and its engine type: a date read back as an ISO string must still differ from a string
    return sorted((k, repr(v), t) for k, (v, t) in props.items() if k not in skip)


def _dump(store, skip: frozenset = frozenset()) -> tuple[list, list]:
    """Every node and relationship with its properties and their engine types (typeOf)."""
    types = ("[k IN keys(x) | [k, x[k], typeOf(x[k])]]")
    nodes = store.read(f"MATCH (x) RETURN x.id, labels(x), {types}", max_rows=10_000_000).rows
    rels = store.read(f"MATCH (a)-[x]->(b) RETURN a.id, type(x), b.id, {types}", max_rows=10_000_000).rows

    def props(kv: list) -> list:
        return _typed({k: (v, t) for k, v, t in kv}, skip)
    return (sorted((i, sorted(lab), props(p)) for i, lab, p in nodes),
            sorted((a, t, b, props(p)) for a, t, b, p in rels))


def _indexes(store) -> set:
    res = store.read("CALL db.indexes() YIELD label, properties UNWIND properties AS p RETURN label, p")
    return {tuple(r) for r in res.rows}


def test_first_load_writes_the_graph_the_incremental_load_writes(data_dir):
    from bench.synth import generate
    from graph.bulk import FirstLoad
    from graph.loader import Loader
    from graph.reference import load_reference
    from graph.schema import load_schema
    from ingest.gazetteer import gazetteer

    stores = [FalkorStore(load_settings(data_dir=data_dir, graph_name="bulk" + uuid.uuid4().hex[:8]))
              for _ in range(2)]
    try:
        synth = generate(golden.SYNTH_FACTS)
        incremental, bulk = stores
        golden.load_graph("synth", incremental)
        load_reference(Loader(bulk), gazetteer())
        # small chunks, so that partnerships, people and partners recur across chunks (updates, not creates)
        with FirstLoad(bulk, batch_size=300) as fl:
            assert _indexes(bulk) == {("Entity", "id"), ("Entity", "search_text")}, "only id and full-text indexes"
            fl.load(synth.chunks(load_schema(), chunk_facts=500))
        assert _indexes(bulk) == _indexes(incremental)
        assert _dump(bulk) == _dump(incremental)
        assert golden.run_case(bulk, "province", {"key": "VN-63"}) == golden.run_case(
            incremental, "province", {"key": "VN-63"})
    finally:
        for st in stores:
            st.clear()
            st.close()


def _pair(data_dir, n: int = 2) -> list:
    return [FalkorStore(load_settings(data_dir=data_dir, graph_name="bulk" + uuid.uuid4().hex[:8]))
            for _ in range(n)]


def test_bulk_path_writes_the_synthetic_graph_the_incremental_load_writes(data_dir):
    from bench.synth import generate
    from graph.falkor_bulk import FalkorBulk
    from graph.loader import Loader
    from graph.reference import load_reference
    from graph.schema import load_schema
    from ingest.gazetteer import gazetteer

    incremental, bulk = stores = _pair(data_dir)
    try:
        synth = generate(golden.SYNTH_FACTS)
        golden.load_graph("synth", incremental)
        load_reference(Loader(bulk), gazetteer())  # read back and rebuilt by the bulk path
        # small chunks, so that partnerships, roles, people and partners recur across GRAPH.BULK
        # commands (rows compared with what was sent, changed ones updated after)
        with FalkorBulk(bulk) as fl:
            fl.load(synth.chunks(load_schema(), chunk_facts=500))
        assert fl.stats["commands"] > 4 and fl.stats["late_nodes"] > 0
        assert _indexes(bulk) == _indexes(incremental)
        dump = _dump(bulk)
        assert dump == _dump(incremental)
        assert ("day", "Date") in {(k, t) for _, labels, p in dump[0] if "Event" in labels for k, _, t in p}
        assert golden.run_case(bulk, "province", {"key": "VN-63"}) == golden.run_case(
            incremental, "province", {"key": "VN-63"})
        # the unique id constraint holds over the bulk-loaded nodes
        res = bulk.read("CALL db.constraints() YIELD type, label, properties, status RETURN type, label, status")
        assert ["UNIQUE", "Entity", "OPERATIONAL"] in res.rows
    finally:
        for st in stores:
            st.clear()
            st.close()


def test_bulk_path_loads_the_sample_articles_as_ingest_does(data_dir):
    """`provkg ingest --first-load`'s path (graph.bulk.load_articles) against one load_article per
    article, on the sample corpus."""
    from graph.bulk import load_articles
    from graph.loader import Loader
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer
    from ingest.pipeline import process
    from ingest.read import read_path
    from tests.conftest import CORPUS, load_sample

    incremental, bulk = stores = _pair(data_dir)
    try:
        load_sample(incremental)
        load_reference(Loader(bulk), gazetteer())
        docs = load_articles(bulk, (process(item) for item in read_path(CORPUS, 5_000_000)), per_batch=2)
        assert len(docs) == 5
        skip = frozenset({"ingested_at"})  # the clock at load time
        assert _dump(bulk, skip) == _dump(incremental, skip)
        assert _indexes(bulk) == _indexes(incremental)
    finally:
        for st in stores:
            st.clear()
            st.close()


def test_bulk_path_refuses_a_graph_with_facts_and_rows_of_the_wrong_type(data_dir):
    import pytest

    from core.errors import InputError, SchemaViolation
    from graph.falkor_bulk import FalkorBulk
    from graph.loader import Batch
    from graph.schema import load_schema

    (store,) = stores = _pair(data_dir, 1)
    try:
        first = Batch(load_schema())
        first.node("Observation", "obs-0", {"indicator": "fdi_projects", "value": 1.0, "unit": "count"})
        b = Batch(load_schema())
        b.node("Observation", "obs-1", {"indicator": "fdi_projects", "value": "many", "unit": "count"})
        with (pytest.raises(SchemaViolation, match=r"Observation 'obs-1': value = 'many' expected a number"),
              FalkorBulk(store) as fl):
            fl.add(first)
            fl.add(b)
        assert store.read("MATCH (n) RETURN count(n)").scalar() == 0, "a failed load leaves no half graph"
        assert ("Entity", "id") in _indexes(store)
        good = Batch(load_schema())
        good.node("Observation", "obs-2", {"indicator": "fdi_projects", "value": 3.0, "unit": "count"})
        with FalkorBulk(store) as fl:
            fl.add(good)
        assert store.read("MATCH (n:Observation) RETURN n.id, n.value").rows == [["obs-2", 3.0]]
        with pytest.raises(InputError, match="besides the reference data"), FalkorBulk(store) as fl:
            fl.add(good)
        assert store.read("MATCH (n) RETURN count(n)").scalar() == 1, "the refused load changed nothing"
    finally:
        for st in stores:
            st.clear()
            st.close()


def test_cli_ingest_first_load_into_an_empty_store(settings):
    """`provkg ingest --first-load` builds the graph in one bulk pass, then refuses a second one."""
    import os
    import subprocess
    import sys

    from tests.conftest import CORPUS, store_env

    store = FalkorStore(settings)
    try:
        env = {**os.environ, **store_env(store)}
        cmd = [sys.executable, "-m", "cli.main", "ingest", "--first-load", str(CORPUS), "--format", "json"]
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert p.returncode == 0, p.stderr
        assert store.read("MATCH (d:Document) RETURN count(d)").scalar() == 5
        # the aggregates the incremental loader refreshes per article
        assert store.read("MATCH (:VietnameseProvince)-[r:PARTNERS_WITH]->() WHERE r.evidence_count > 0 "
                          "RETURN count(r)").scalar() > 0
        again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert again.returncode != 0 and "besides the reference data" in again.stderr
        assert store.read("MATCH (d:Document) RETURN count(d)").scalar() == 5
    finally:
        store.clear()
        store.close()
