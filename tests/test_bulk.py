"""The first-load path (graph.bulk.FirstLoad) writes the same graph as the incremental one."""

from __future__ import annotations

import uuid

from core.settings import load_settings
from graph.falkor_store import FalkorStore
from tests import golden


def _dump(store) -> tuple[list, list]:
    nodes = store.read("MATCH (n) RETURN n.id, labels(n), properties(n)", max_rows=10_000_000).rows
    rels = store.read("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)", max_rows=10_000_000).rows
    return (sorted((i, sorted(lab), sorted(p.items())) for i, lab, p in nodes),
            sorted((a, t, b, sorted(p.items())) for a, t, b, p in rels))


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
