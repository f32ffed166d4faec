"""Loading: synthetic facts/s into the embedded store, the first load through GRAPH.BULK
(graph.falkor_bulk.FalkorBulk) and the incremental one through Loader/Batch by batch size, against
the engine's ceiling (the same UNWIND … MERGE statements sent straight through the falkordb client)
and against itself (a re-load of the same facts, which must change nothing).

    .venv/bin/python -m bench.load [--size tiny|full] [--scales 100k,1m] [--no-incremental 1m]

The first load (`bulk`) is timed from the first Batch built to the last index built (everything a
user waits for): `build_s` is bench.synth building Batches (the ontology checks), `encode_s`
FalkorBulk turning them into GRAPH.BULK buffers (the same thread), `send_s` the writer thread waiting
for the engine (overlapped with the next Batch's building), then `dates_s` (day → date()),
`indexes_s` (every index and constraint, waited for) and `late_s` (rows changed after they were
sent). CPU seconds of this process and of the redis-server are recorded next to the wall time:
on a shared machine the wall time says little on its own.

Timings: `build_s` is Batch.node()/rel() (the ontology checks) for the chunk, `write_s` is
Loader.load_batch (statements() + one MULTI/EXEC per statement, under the store's write lock); the
facts/s of the loader count both. The raw run times only the client calls (its rows are built
beforehand, untimed). The raw graph lives in its own server (data dir `<scale>-raw`), so the kept
graph's server never held anything else and its memory stays the memory of one graph.
The graph loaded first at the chosen batch size is kept (graph `synth` in `<data-dir>/<scale>`) for
the queries, api, rdf and memory stages.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from bench.common import (
    ROOT,
    SCALES,
    drop_graph,
    log,
    open_store,
    parser,
    proc_memory,
    ratio,
    set_synth_meta,
    synth_profile,
    write_result,
)
from graph.embedded import EmbeddedServer

BATCH_SIZES = (100, 1_000, 10_000)
CHUNK = 50_000  # facts per Batch (whole documents)
# batch sizes measured per scale (all three at 10k; 100k: the project default; 1m: the best of 100k),
# to fit `make bench` in its 20 minutes
PLAN: dict[str, tuple[int, ...] | None] = {"1k": BATCH_SIZES, "10k": BATCH_SIZES, "100k": (1_000,), "1m": None}
# at 1m a second full load (raw) and a full re-load do not fit the 20-minute budget of `make bench`:
# the raw client loads the first RAW_PREFIX facts of the same rows (compared with the loader's first
# RAW_PREFIX facts), and the re-load re-writes the first RELOAD_PREFIX facts into the full graph
RAW_PREFIX = {"1m": 150_000}
RELOAD_PREFIX = {"1m": 50_000}
KEEP = {"1k", "100k", "1m"}  # scales whose graph later stages use


def loader_run(store: Any, synth: Any, batch_size: int, limit: int | None = None, *,
               serial: bool = False) -> dict[str, Any]:
    """Loader.load_batch of the synthetic chunks; serial: the shape before issue #16's work, one
    store.write() per statement with encoding and sending in turn (the same statements)."""
    from graph.loader import Loader
    from graph.schema import load_schema

    schema = load_schema()
    loader = Loader(store, batch_size=batch_size)
    build = write = 0.0
    rows = stmts = 0
    step = CHUNK
    n = min(synth.n_facts, limit or synth.n_facts)
    chunks: list[float] = []
    for start in range(0, n, step):
        t0 = time.perf_counter()
        batch = synth.batch(schema, start, min(n, start + step))
        t1 = time.perf_counter()
        if serial:
            for stmt in batch.statements(batch_size):
                store.write([stmt])
        else:
            loader.load_batch(batch)
        t2 = time.perf_counter()
        build += t1 - t0
        write += t2 - t1
        chunks.append(round(t2 - t0, 3))
        rows += sum(len(v) for v in batch.nodes.values()) + sum(len(v) for v in batch.rels.values())
        stmts += sum(-(-len(v) // batch_size) for v in batch.nodes.values()) + \
            sum(-(-len(v) // batch_size) for v in batch.rels.values())
    total = build + write
    return {"batch_size": batch_size, "facts": n, "rows": rows, "statements": stmts,
            "seconds": round(total, 3), "build_s": round(build, 3), "write_s": round(write, 3),
            "facts_per_s": round(n / total), "rows_per_s": round(rows / total), "chunk_facts": step,
            "chunk_seconds": chunks}


def _cpu(pid: int | None) -> float:
    """User + system CPU seconds of a process so far (from /proc; 0 if it is gone)."""
    import os

    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


BULK_CHUNK = 10_000  # facts per GRAPH.BULK command: enough chunks at 100k for building to overlap sending
_SYNTH: Any = None  # the drawn facts, inherited by the forked row builders


def _build_chunk(bounds: tuple[int, int]) -> tuple[Any, int, float]:
    """In a row-building worker: one chunk's Batch (the ontology checks) and its records."""
    from graph.falkor_bulk import prepare
    from graph.schema import load_schema

    c = time.process_time()
    schema = load_schema()
    batch = _SYNTH.batch(schema, *bounds)
    rows = sum(len(v) for v in batch.nodes.values()) + sum(len(v) for v in batch.rels.values())
    return prepare(batch, schema), rows, time.process_time() - c


def bulk_run(store: Any, synth: Any, limit: int | None = None, workers: int = 0) -> dict[str, Any]:
    """A first load of the synthetic facts (reference data already in, read back by FalkorBulk).

    workers = 0: Batches built and encoded in this process, one after the other; workers = N: built
    and encoded in N forked processes (as the ingest pipeline extracts in a pool), this process
    only numbering the nodes, pairing the relationship ends and sending."""
    import multiprocessing
    import os

    from graph.falkor_bulk import FalkorBulk, prepare
    from graph.schema import load_schema

    global _SYNTH
    schema = load_schema()
    n = min(synth.n_facts, limit or synth.n_facts)
    server_pid = EmbeddedServer(store.settings.data_path).pid()
    build = worker_cpu = 0.0
    rows = 0
    chunk = max(BULK_CHUNK, n // 20)  # at most ~20 commands: each one re-syncs the graph's matrices
    bounds = [(start, min(n, start + chunk)) for start in range(0, n, chunk)]
    load_before = os.getloadavg()
    cpu0, eng0, t_start = time.process_time(), _cpu(server_pid), time.perf_counter()
    with FalkorBulk(store, schema) as fl:
        if workers:
            _SYNTH = synth
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for prepared, r, c in pool.imap(_build_chunk, bounds):
                    rows += r
                    worker_cpu += c
                    fl.add_prepared(prepared)
            _SYNTH = None
        else:
            for b in bounds:
                t0 = time.perf_counter()
                batch = synth.batch(schema, *b)
                build += time.perf_counter() - t0
                rows += sum(len(v) for v in batch.nodes.values()) + sum(len(v) for v in batch.rels.values())
                t0 = time.perf_counter()
                prepared = prepare(batch, schema)
                fl.stats["encode_s"] += time.perf_counter() - t0
                fl.add_prepared(prepared)
        t_sent = time.perf_counter()
        eng_sent = _cpu(server_pid)
    total = time.perf_counter() - t_start
    cpu, eng = time.process_time() - cpu0, _cpu(server_pid) - eng0
    st = fl.stats
    return {"facts": n, "rows": rows, "nodes": st["nodes"], "relationships": st["relationships"],
            "workers": workers, "worker_cpu_s": round(worker_cpu, 2),
            "commands": st["commands"], "send_each_s": st["send_each_s"],
            "seconds": round(total, 3), "facts_per_s": round(n / total),
            "rows_per_s": round(rows / total), "build_s": round(build, 3), "encode_s": round(st["encode_s"], 3),
            "send_s": round(st["send_s"], 3), "until_sent_s": round(t_sent - t_start, 3),
            "dates_s": st["dates_s"], "indexes_s": st["indexes_s"], "late_s": st["late_s"],
            "late_nodes": st["late_nodes"], "late_relationships": st["late_relationships"],
            "process_cpu_s": round(cpu, 2), "server_cpu_s": round(eng, 2),
            "server_cpu_bulk_s": round(eng_sent - eng0, 2),  # the rest: dates, indexes, late rows
            "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()]}


def encoder_ab(synth: Any, batch_size: int) -> dict[str, Any]:
    """CPU seconds to encode the first chunk's statements: falkordb's header builder vs graph.falkor_store's."""
    from falkordb.graph import Graph

    from graph.falkor_store import params_header
    from graph.schema import load_schema

    stmts = synth.batch(load_schema(), 0, min(synth.n_facts, CHUNK)).statements(batch_size)
    g = Graph.__new__(Graph)  # the encoder only: no connection
    out = {}
    for name, enc in (("falkordb", g._build_params_header), ("provkg", params_header)):
        c = time.process_time()
        for _, params in stmts:
            enc(params)
        out[name + "_s"] = round(time.process_time() - c, 3)
    out["speedup"] = ratio(out["falkordb_s"], out["provkg_s"])
    return out


def prefix_rate(run: dict[str, Any], facts: int) -> dict[str, Any]:
    """The loader's rate over its first `facts` facts (whole chunks), from its per-chunk times."""
    k = max(1, facts // run["chunk_facts"])
    s = sum(run["chunk_seconds"][:k])
    return {"facts": k * run["chunk_facts"], "seconds": round(s, 3), "facts_per_s": round(k * run["chunk_facts"] / s)}


def raw_run(store: Any, synth: Any, batch_size: int, limit: int | None = None) -> dict[str, Any]:
    """The same statements through the falkordb client alone: no lock, no MULTI, no result mapping."""
    from falkordb import FalkorDB

    from graph.schema import load_schema

    schema = load_schema()
    store.ping()
    db = FalkorDB(unix_socket_path=str(store.server.socket), password=store.server.password())
    g = db.select_graph(store.settings.graph_name)
    seconds = 0.0
    rows = 0
    engine_ms = 0.0
    step = CHUNK
    n = min(synth.n_facts, limit or synth.n_facts)
    by: dict[str, list[float]] = {}
    for start in range(0, n, step):
        statements = synth.batch(schema, start, min(n, start + step)).statements(batch_size)
        for query, params in statements:
            t0 = time.perf_counter()
            res = g.query(query, params)
            dt = time.perf_counter() - t0
            seconds += dt
            engine_ms += res.run_time_ms
            rows += len(params["rows"])
            m = re.search(r"MERGE \(n:([\w:]+)|\[r:(\w+)\]", query)
            key = (m.group(1) or m.group(2)) if m else "?"
            acc = by.setdefault(key, [0, 0.0, 0.0])
            acc[0] += len(params["rows"])
            acc[1] += dt
            acc[2] += res.run_time_ms / 1000
    db.connection.close()
    by_statement = {k: {"rows": int(v[0]), "seconds": round(v[1], 3), "engine_s": round(v[2], 3),
                        "rows_per_s": round(v[0] / v[1]) if v[1] else None}
                    for k, v in sorted(by.items(), key=lambda kv: -kv[1][1])}
    return {"batch_size": batch_size, "facts": n, "rows": rows, "seconds": round(seconds, 3),
            "engine_s": round(engine_ms / 1000, 3), "facts_per_s": round(n / seconds),
            "rows_per_s": round(rows / seconds), "by_statement": by_statement}


def profile_loader(args: Any, scale: str, n_facts: int, batch_size: int) -> list[dict[str, Any]]:
    """cProfile of a loader run (Python side: Batch checks, statements(), the store's write path)."""
    import cProfile
    import pstats

    from bench.synth import generate

    synth = generate(n_facts)
    store = open_store(args.data_dir, scale, "profile")
    prepare(store)
    pr = cProfile.Profile()
    pr.enable()
    loader_run(store, synth, batch_size)
    pr.disable()
    drop_graph(store)
    store.close()
    st = pstats.Stats(pr)
    stats = st.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in stats.values())
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in sorted(stats.items(), key=lambda kv: -kv[1][2])[:15]:
        short = file.split("/site-packages/")[-1].replace(str(ROOT) + "/", "")
        rows.append({"function": f"{short}:{line}({func})", "calls": nc, "tottime_s": round(tt, 3),
                     "cumtime_s": round(ct, 3), "share": round(tt / total, 3) if total else None})
    return rows


def prepare(store: Any) -> None:
    from graph.loader import Loader
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer

    store.clear()
    store.ensure_schema()
    load_reference(Loader(store, batch_size=10_000), gazetteer())


def bench_scale(args: Any, scale: str, n_facts: int, sizes: tuple[int, ...], keep_bs: int) -> dict[str, Any]:
    from bench.synth import generate

    synth = generate(n_facts)
    out: dict[str, Any] = {"facts": synth.n_facts, "profile": synth_profile(n_facts), "runs": []}
    # the first load, through GRAPH.BULK: the graph later stages read (identical to the incremental
    # one: tests/test_bulk.py)
    store = open_store(args.data_dir, scale, "synth")
    if n_facts <= 100_000 and args.bulk_workers:
        # the same load with the rows built in this process: what the worker pool buys
        prepare(store)
        log(f"load {scale}: first load (GRAPH.BULK), rows built in-process")
        out["bulk_in_process"] = bulk_run(store, synth)
        log(f"  {out['bulk_in_process']['facts_per_s']} facts/s, {out['bulk_in_process']['seconds']} s")
        drop_graph(store)
    prepare(store)
    log(f"load {scale}: first load (GRAPH.BULK), {args.bulk_workers} row-building workers")
    out["bulk"] = bulk_run(store, synth, workers=args.bulk_workers)
    log(f"  {out['bulk']['facts_per_s']} facts/s, {out['bulk']['seconds']} s")
    if scale in KEEP:
        set_synth_meta(store, {"facts": synth.n_facts, "loaded_by": "bench.load (GRAPH.BULK)", **out["bulk"]})
    else:
        drop_graph(store)
    store.close()
    if not sizes:
        return out
    raw_store = open_store(args.data_dir, f"{scale}-raw", "raw")
    for bs in sizes:
        reload = bs == keep_bs
        store = open_store(args.data_dir, scale, f"bs{bs}")
        prepare(store)
        log(f"load {scale} batch {bs}: loader")
        first = loader_run(store, synth, bs)
        log(f"  {first['facts_per_s']} facts/s; raw client")
        prepare(raw_store)
        raw = raw_run(raw_store, synth, bs, RAW_PREFIX.get(scale))
        drop_graph(raw_store)
        same = prefix_rate(first, raw["facts"]) if raw["facts"] < first["facts"] else first
        run = {"batch_size": bs, "loader": first, "raw": raw,
               "loader_vs_raw": ratio(same["facts_per_s"], raw["facts_per_s"])}
        if same is not first:
            run["loader_same_facts_as_raw"] = same
        log(f"  raw {raw['facts_per_s']} facts/s")
        if reload:
            # before/after of the incremental path in this run: the same statements sent one write()
            # at a time (encode, then wait), into a fresh graph of their own
            log(f"load {scale} batch {bs}: serial writes (before)")
            prev = open_store(args.data_dir, scale, f"serial{bs}")
            prepare(prev)
            run["serial"] = loader_run(prev, synth, bs, serial=True)
            run["write_each_vs_serial"] = ratio(first["facts_per_s"], run["serial"]["facts_per_s"])
            drop_graph(prev)
            prev.close()
            run["encoder"] = encoder_ab(synth, bs)
            log(f"  serial {run['serial']['facts_per_s']} facts/s; encoder {run['encoder']}")
        if reload:
            log(f"load {scale} batch {bs}: re-load of the same facts")
            before = store.read("MATCH (n) RETURN count(n)").scalar()
            again = loader_run(store, synth, bs, RELOAD_PREFIX.get(scale))
            after = store.read("MATCH (n) RETURN count(n)").scalar()
            run["reload"] = {**again, "nodes_before": before, "nodes_after": after}
            base = prefix_rate(first, again["facts"]) if again["facts"] < first["facts"] else first
            run["reload_vs_first"] = ratio(again["seconds"], base["seconds"])
            pid = EmbeddedServer(store.settings.data_path).pid()
            if pid:
                out["server_memory_after_load"] = proc_memory(pid)
        drop_graph(store)
        store.close()
        out["runs"].append(run)
    EmbeddedServer(raw_store.settings.data_path).stop()
    best = max(out["runs"], key=lambda r: r["loader"]["facts_per_s"])
    out["best_batch_size"] = best["batch_size"]
    return out


def main(argv: list[str] | None = None) -> None:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument("--scales", help="comma-separated scales of --size full to run (default: all of --size)")
    ap.add_argument("--no-incremental", default="1m",
                    help="comma-separated scales loaded by the bulk path only (the 1M incremental load takes "
                         "~5 min of a shared machine; its 100k rate is measured)")
    ap.add_argument("--bulk-workers", type=int, default=2,
                    help="processes building and encoding the synthetic rows for the first load (0: in-process)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    all_scales = {**SCALES["tiny"], **SCALES["full"]}
    scales = ({k: all_scales[k] for k in args.scales.split(",")} if args.scales
              else SCALES["full" if args.size == "mid" else args.size])
    skip_inc = set(filter(None, args.no_incremental.split(",")))
    result: dict[str, Any] = {"scales": {}}
    best_bs = 1_000
    for scale, n in scales.items():
        sizes = () if scale in skip_inc else (PLAN.get(scale) or (best_bs,))
        keep_bs = best_bs if PLAN.get(scale) is None else 1_000
        res = bench_scale(args, scale, n, tuple(sizes), keep_bs)
        result["scales"][scale] = res
        write_result(args, "load", result, started)  # what is measured so far survives a later failure
        if res.get("runs"):
            best_bs = res["best_batch_size"]
    first_scale, n0 = next(iter(scales.items()))
    log(f"load: cProfile of the loader at {first_scale}")
    result["profile_loader"] = {"scale": first_scale, "batch_size": 1_000,
                                "top_tottime": profile_loader(args, first_scale, min(n0, 10_000), 1_000)}
    result["targets"] = targets(result)
    write_result(args, "load", result, started)
    # the kept graphs stay in their running servers for the next stages; the others' servers stop
    for scale in scales:
        if scale not in KEEP:
            EmbeddedServer(args.data_dir / scale).stop()


def targets(result: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for scale, res in result["scales"].items():
        bulk = res["bulk"]
        out[scale] = {"first_load_facts_per_s": bulk["facts_per_s"], "first_load_target": 20_000,
                      "first_load_met": bulk["facts_per_s"] >= 20_000, "first_load_s": bulk["seconds"]}
        if scale == "1m":
            out[scale].update(load_1m_s=bulk["seconds"], load_1m_target_s=90, load_1m_met=bulk["seconds"] <= 90)
        if not res["runs"]:
            continue
        best = max(res["runs"], key=lambda r: r["loader"]["facts_per_s"])
        kept = next((r for r in res["runs"] if "reload" in r), None)
        out[scale].update({
            "best_batch_size": best["batch_size"],
            "incremental_facts_per_s": best["loader"]["facts_per_s"], "incremental_target": 10_000,
            "incremental_met": best["loader"]["facts_per_s"] >= 10_000,
            "loader_vs_raw": best["loader_vs_raw"], "loader_vs_raw_target": 0.5,
            "loader_vs_raw_met": (best["loader_vs_raw"] or 0) >= 0.5,
            "reload_vs_first": kept and kept["reload_vs_first"], "reload_vs_first_target": 2.0,
            "reload_vs_first_met": bool(kept and kept["reload_vs_first"] <= 2.0),
        })
    return out


if __name__ == "__main__":
    main()
