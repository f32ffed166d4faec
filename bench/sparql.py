"""SPARQL: the five example queries on the mirror next to the same questions in Cypher on the embedded
store, and what keeping the mirror costs (full rebuild, sync per article), on a synthetic graph.

    .venv/bin/python -m bench.sparql [--size tiny|full] [--scale 100k]

* rebuild: `Mirror.rebuild` — the streamed export into a fresh pyoxigraph store (bulk load), the
  P190 graph, the swap, the catch-up check;
* queries: each `queries/sparql/*.rq` through the endpoint's query worker (`graph.sparql_worker`: a
  process that opens the mirror read-only per query and is killed at the time limit), next to its
  Cypher twin through
  `graph.catalog.run_query`; parameters name the synthetic graph's hub province / partner; 1 warm-up,
  then repeats within a time budget;
* sync: the five sample articles loaded into the synthetic graph by `Loader.load_article`, then
  each again with a third of its text (so its facts are replaced), each followed by
  `Mirror.sync_document`; both times are kept, and at the end the mirror is compared with a fresh
  export (it must be equal).
"""

from __future__ import annotations

import json
import time
from typing import Any

from bench.common import CORPUS, ensure_synth, hubs, log, parser, percentiles, settings_for, write_result

SIZES = {"tiny": {"1k": 1_000}, "full": {"10k": 10_000, "100k": 100_000}}
BUDGET_S = {"tiny": 0.5, "full": 4.0}
REPS = {"tiny": 2, "full": 7}


def _timed(fn: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def _measure(fn: Any, size: str) -> dict[str, Any]:
    try:
        first, rows = _timed(fn)
    except Exception as exc:  # noqa: BLE001 - a timeout is a result here
        return {"error": f"{type(exc).__name__}: {str(exc)[:120]}"}
    samples = []
    t_end = time.perf_counter() + BUDGET_S[size]
    while len(samples) < REPS[size] and time.perf_counter() < t_end:
        s, rows = _timed(fn)
        samples.append(s)
    return {"first_ms": round(first * 1000, 1), "rows": rows, **percentiles(samples or [first])}


def params_for(name: str, h: dict[str, list[str]]) -> dict[str, Any]:
    province, partner = h["provinces"][0], h["partners"][0]
    return {"partners_of_province": {"province": province},
            "provinces_partnering_with": {"partner": partner},
            "province_agreements_timeline": {"province": province},
            "shared_partners": {"province": province},
            "province_figures": {"province": province}}[name]


def run_scale(args: Any, scale: str, n: int, save: Any) -> dict[str, Any]:
    from graph import sparql_catalog as C
    from graph.catalog import run_query
    from graph.sparql import Mirror, wikidata_graph
    from graph.sparql_worker import Job, QueryPool

    store, meta = ensure_synth(args.data_dir, scale, n)
    settings = settings_for(args.data_dir, scale)
    mirror = Mirror(settings)
    log(f"sparql {scale}: rebuild")
    t_rebuild, stats = _timed(lambda: mirror.rebuild(store))
    out: dict[str, Any] = {"facts": n, "rebuild_s": round(t_rebuild, 2), "triples": stats.inserted,
                           "triples_per_s": round(stats.inserted / t_rebuild)}
    save(scale, out)  # each phase is kept as it ends: a long run that fails later still leaves its numbers
    log(f"sparql {scale}: rebuilt {stats.inserted} triples in {t_rebuild:.1f} s")
    h = hubs(n)
    queries: dict[str, Any] = {}
    pool = QueryPool(mirror.root, settings.base_iri, [wikidata_graph(settings)], size=1)
    for name in C.names():
        params = params_for(name, h)
        text = C.bind(C.text(name), params)

        def sparql(text: str = text) -> int:
            # the endpoint's path: a worker process that opens the mirror read-only, killed at the limit
            res = pool.run(Job(text, "json", settings.max_rows, settings.query_timeout_ms))
            return int(res.rows)

        def cypher(name: str = name, params: dict[str, Any] = params) -> int:
            return len(run_query(store, name, params).rows)

        log(f"sparql {scale}: {name}")
        queries[name] = {"params": params, "sparql": _measure(sparql, args.size), "cypher": _measure(cypher, args.size)}
        save(scale, {**out, "queries": queries})
    pool.close()
    out["queries"] = queries
    out["sync"] = sync_articles(store, settings, mirror)
    save(scale, out)
    return out


def sync_articles(store: Any, settings: Any, mirror: Any) -> dict[str, Any]:
    from graph.loader import Loader
    from graph.rdf import export
    from ingest.pipeline import process
    from ingest.read import read_path

    loads: list[float] = []
    syncs: list[float] = []
    nodes: list[int] = []

    def after(doc: str) -> None:
        t, st = _timed(lambda: mirror.sync_document(store, doc))
        syncs.append(t)
        nodes.append(st.nodes)

    loader = Loader(store, after_load=after)
    items = list(read_path(CORPUS, 5_000_000))
    for variant in ("new", "replaced"):
        for item in items:
            raw = item if variant == "new" else item.model_copy(update={"text": item.text[: len(item.text) // 3]})
            facts = process(raw)
            t0 = time.perf_counter()
            loader.load_article(facts, force=True)
            loads.append(time.perf_counter() - t0 - (syncs[-1] if syncs else 0.0))
    # the mirror must now equal a fresh export (the per-article syncs were exact)
    import io

    import pyoxigraph as ox

    buf = io.BytesIO()
    export(store, settings, "nt", buf)
    mem = ox.Store()
    mem.bulk_load(buf.getvalue(), ox.RdfFormat.N_TRIPLES)
    with mirror.reading() as r:
        mirrored = {str(q.triple) for q in r.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    equal = mirrored == {str(q.triple) for q in mem}
    n = len(items)
    return {"articles": n, "new_sync": percentiles(syncs[:n]), "replaced_sync": percentiles(syncs[n:]),
            "load_article": percentiles(loads), "nodes_touched": nodes, "mirror_equals_export": equal}


def main(argv: list[str] | None = None) -> None:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument("--scale", help="only this scale of the size (e.g. 100k)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    scales = {k: v for k, v in SIZES[args.size].items() if not args.scale or k == args.scale}
    result: dict[str, Any] = {}

    def save(scale: str, part: dict[str, Any]) -> None:
        result[scale] = part
        write_result(args, "sparql", {"scales": result}, started)

    for scale, n in scales.items():
        run_scale(args, scale, n, save)
    print(json.dumps(result, indent=1)[:3000])


if __name__ == "__main__":
    main()
