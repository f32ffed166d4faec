"""RDF export: triples/s for N-Triples and Turtle, rdflib vs pyoxigraph, on the synthetic graphs at 100k
and 1M facts, with the peak memory of each way of doing it.

    .venv/bin/python -m bench.rdf [--size tiny|full]

Every measurement runs in its own child process (so its VmHWM is its own peak RSS), reading the
kept synthetic graph through graph/rdf.py's triple stream (store pages -> triples). Reading the store
runs at ~50k triples/s and the 1M-fact graph has ~20M triples, so the library comparison runs on the
same first PREFIX triples of the stream (the same triples for every mode) at 100k, and the export
as a whole (`export_nt`) runs for up to EXPORT_SECONDS (at 1M paging the store
takes ~15 s a page, MODES_AT), to show its rate and that its peak memory stays flat:
* `read_only`: the triple stream consumed and dropped — the cost of reading the store;
* `stream_nt`: graph.rdf.export(fmt="nt"), the project's own line writer (`provkg export`);
* `pyoxigraph_nt` / `pyoxigraph_ttl`: pyoxigraph.serialize over the same stream (export(fmt="ttl")
  is the Turtle path of `provkg export`);
* `rdflib_nt` / `rdflib_ttl`: the stream loaded into an rdflib Graph, then Graph.serialize;
* `export_nt`: the whole graph as `provkg export --format nt` writes it (time-capped at 1M).
Output goes to a byte counter, not to disk. bench/rdf_export.py (same library, in-memory triples, tracemalloc) is kept for
quick comparisons on the sample corpus.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from typing import Any

from bench.common import (
    ROOT,
    SCALES,
    ensure_synth,
    log,
    open_store,
    parser,
    proc_memory,
    ratio,
    settings_for,
    write_result,
)

RDF_SCALES = {"tiny": ("1k",), "full": ("100k", "1m")}
MODES = ("read_only", "stream_nt", "pyoxigraph_nt", "pyoxigraph_ttl", "rdflib_nt", "rdflib_ttl", "export_nt")
PREFIX = {"tiny": 20_000, "full": 100_000}
EXPORT_SECONDS = {"1k": None, "100k": 45.0, "1m": 30.0}
KILL_AFTER_S = 60.0  # a child still blocked in one store call this long after its cap is stopped
# at 1m each page of graph.rdf.node_pages (`WHERE n.id > $after ORDER BY n.id LIMIT 5000`) scans and
# sorts every remaining node (~15 s a page, see BENCHMARKS.md): reading dominates every mode, so the
# library comparison runs at 100k only and 1m runs the time-capped whole-graph export alone
MODES_AT = {"1m": ("export_nt",)}


class Counter(io.RawIOBase):
    def __init__(self) -> None:
        self.bytes = 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        n = len(b)
        self.bytes += n
        return n


def child(mode: str, data_dir: str, scale: str, limit: int | None, seconds_cap: float | None) -> dict[str, Any]:
    """One measurement, in this (fresh) process: the first `limit` triples (or all), within `seconds_cap`."""
    import os
    from collections.abc import Iterator
    from pathlib import Path

    import pyoxigraph as ox

    from graph.falkor_store import FalkorStore
    from graph.rdf import graph_triples, ox_triples, prefixes, to_rdflib, write_lines

    settings = settings_for(Path(data_dir), scale)
    store = FalkorStore(settings)
    store.ping()
    sink = Counter()
    count = 0
    cut = False

    def triples() -> Iterator[Any]:
        nonlocal count, cut
        deadline = time.perf_counter() + seconds_cap if seconds_cap else None
        for t in graph_triples(store, settings):
            if (limit is not None and count >= limit) or (deadline and count % 1000 == 0
                                                         and time.perf_counter() > deadline):
                cut = True
                return
            count += 1
            yield t

    t0 = time.perf_counter()
    error = None
    t_build = 0.0
    try:
        if mode == "read_only":
            for _ in triples():
                pass
        elif mode in ("stream_nt", "export_nt"):
            write_lines(triples(), sink)  # type: ignore[arg-type]  # what export(fmt="nt") does
        elif mode.startswith("pyoxigraph"):
            fmt = ox.RdfFormat.N_TRIPLES if mode.endswith("nt") else ox.RdfFormat.TURTLE
            ox.serialize(ox_triples(triples()), sink, fmt, prefixes=prefixes(settings))  # type: ignore[arg-type]
        else:
            g = to_rdflib(triples(), settings)
            t_build = time.perf_counter() - t0
            g.serialize(destination=sink, format="nt" if mode.endswith("nt") else "turtle",  # type: ignore[call-overload]
                        encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 - reported with what was written before it
        error = f"{type(exc).__name__}: {exc}"[:300]
    seconds = time.perf_counter() - t0
    out = {"mode": mode, "triples": count, "complete": not cut and error is None, "bytes": sink.bytes,
           "seconds": round(seconds, 3), "triples_per_s": round(count / seconds) if seconds else None,
           **proc_memory(os.getpid())}
    if error:
        out["error"] = error
    if mode.startswith("rdflib"):
        out["rdflib_graph_build_s"] = round(t_build, 3)
    store.close()
    return out


def run_child(mode: str, data_dir: str, scale: str, limit: int | None, seconds_cap: float | None,
              timeout: float = 900) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.rdf", "--child", mode, "--data-dir", data_dir, "--scale", scale]
    if limit:
        cmd += ["--limit", str(limit)]
    if seconds_cap:
        cmd += ["--seconds", str(seconds_cap)]
    if seconds_cap:
        timeout = seconds_cap + KILL_AFTER_S
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"mode": mode, "error": f"stopped after {timeout:.0f} s: still blocked in one store call "
                f"{KILL_AFTER_S:.0f} s past its {seconds_cap} s cap"}
    if proc.returncode != 0:
        return {"mode": mode, "error": proc.stderr[-1500:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument("--child", choices=MODES, help=argparse_hidden())
    ap.add_argument("--scale", help=argparse_hidden())
    ap.add_argument("--limit", type=int, help=argparse_hidden())
    ap.add_argument("--seconds", type=float, help=argparse_hidden())
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, str(args.data_dir), args.scale, args.limit, args.seconds)))
        return
    started = time.perf_counter()
    sizes = {k: v for d in SCALES.values() for k, v in d.items()}
    prefix = PREFIX[args.size]
    out: dict[str, Any] = {"scales": {}, "prefix_triples": prefix, "export_seconds_cap": EXPORT_SECONDS}
    for scale in RDF_SCALES[args.size]:
        n = sizes[scale]
        store, _ = ensure_synth(args.data_dir, scale, n)
        store.close()
        res: dict[str, Any] = {"facts": n, "runs": {}, "page_probe": page_probe(args.data_dir, scale)}
        for mode in MODES_AT.get(scale, MODES):
            log(f"rdf {scale} {mode}")
            if mode == "export_nt":
                r = run_child(mode, str(args.data_dir), scale, None, EXPORT_SECONDS.get(scale))
            else:
                r = run_child(mode, str(args.data_dir), scale, prefix, None)
            res["runs"][mode] = r
        runs = res["runs"]

        def rate(m: str, runs: dict[str, Any] = runs) -> Any:
            return runs.get(m, {}).get("triples_per_s")

        res["ratios"] = {"pyoxigraph_vs_rdflib_nt": ratio(rate("pyoxigraph_nt"), rate("rdflib_nt"), 1),
                         "pyoxigraph_vs_rdflib_ttl": ratio(rate("pyoxigraph_ttl"), rate("rdflib_ttl"), 1),
                         "stream_nt_vs_pyoxigraph_nt": ratio(rate("stream_nt"), rate("pyoxigraph_nt"), 2),
                         "stream_nt_vs_read_only": ratio(rate("stream_nt"), rate("read_only"), 2),
                         "export_nt_vs_stream_nt_prefix": ratio(rate("export_nt"), rate("stream_nt"), 2)}
        out["scales"][scale] = res
    scales = list(out["scales"])
    if len(scales) > 1:
        a, b = out["scales"][scales[0]]["runs"], out["scales"][scales[-1]]["runs"]
        out["export_nt_peak_rss_growth"] = ratio(b["export_nt"].get("vmhwm_mb"), a["export_nt"].get("vmhwm_mb"))
    write_result(args, "rdf", out, started)


def page_probe(data_dir: Any, scale: str) -> dict[str, Any]:
    """One page of graph.rdf's node paging (NODES_PAGE) at the start and in the middle of the graph,
    engine time as FalkorDB reports it: a page must cost the same wherever it is, or the export is
    quadratic (it was, with a keyset on n.id: ~15 s a page at 1M; see BENCHMARKS.md)."""
    from graph.rdf import NODES_PAGE, PAGE_SIZE

    store = open_store(data_dir, scale)
    g = store._graph()
    out: dict[str, Any] = {"page_size": PAGE_SIZE, "query": NODES_PAGE}
    with store.lock.shared():
        top = g.ro_query("MATCH (n:Entity) RETURN max(id(n))", timeout=120_000).result_set[0][0] or 0
    for key, after in (("first_page", -1), ("middle_page", top // 2)):
        t0 = time.perf_counter()
        try:
            with store.lock.shared():
                res = g.ro_query(NODES_PAGE, {"after": after, "limit": PAGE_SIZE}, timeout=120_000)
            out[key] = {"rows": len(res.result_set), "engine_ms": round(res.run_time_ms, 2),
                        "wall_ms": round((time.perf_counter() - t0) * 1000, 2)}
        except Exception as exc:  # noqa: BLE001 - a diagnostic; the paging query may change shape
            out[key] = {"error": str(exc)[:200]}
    store.close()
    return out


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
