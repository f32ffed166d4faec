"""graph.falkor_store.params_header writes the header falkordb's own encoder writes, and the engine
reads every value back as sent."""

from __future__ import annotations

import enum
import uuid

from falkordb.graph import Graph

from core.settings import load_settings
from graph.falkor_store import FalkorStore, params_header


class Kind(enum.StrEnum):
    MOU = "MoU"


VALUES = [
    "", "plain", 'say "hi"', "back\\slash", 'both \\" mixed', "Hà Nội – Viêng Chăn", "new\nline\ttab",
    0, -7, 2**62, 1.5, 1e-05, 0.1 + 0.2, True, False, None, [], [1, "a", None, [2.5]],
    {"a": 1, "b c": "x", "@type": [True]}, Kind.MOU, ("t", 1),
]


def test_header_matches_falkordbs_encoder():
    g = Graph.__new__(Graph)  # only its encoder is used: no connection is made
    for v in VALUES:
        params = {"v": v}
        assert params_header(params) == g._build_params_header(params), repr(v)
    rows = {"rows": [{"id": f"n{i}", "props": {"name": str(v), "k": v}} for i, v in enumerate(VALUES)]}
    assert params_header(rows) == g._build_params_header(rows)
    assert params_header({}) == g._build_params_header({})
    assert params_header(None) == g._build_params_header(None)


def test_values_round_trip_through_the_engine(data_dir):
    store = FalkorStore(load_settings(data_dir=data_dir, graph_name="params" + uuid.uuid4().hex[:8]))
    try:
        # what a property can hold: scalars and flat lists of them
        sent = [v for v in VALUES if v is not None and v != [] and not isinstance(v, dict | tuple)
                and not (isinstance(v, list) and any(x is None or isinstance(x, list) for x in v))]
        sent.append(["a", 'q"uote', 2, 3.5, True])
        # the engine replies doubles with 15 significant digits: 0.30000000000000004 comes back as 0.3
        sent.remove(0.1 + 0.2)
        store.write_each([("UNWIND $rows AS row CREATE (:Entity {id: row.id, v: row.v})",
                           {"rows": [{"id": f"n{i}", "v": v}]}) for i, v in enumerate(sent)])
        got = dict(store.read("MATCH (n:Entity) RETURN n.id, n.v").rows)
        assert [got[f"n{i}"] for i in range(len(sent))] == [str(v) if isinstance(v, enum.Enum) else v
                                                            for v in sent]
    finally:
        store.clear()
        store.close()
