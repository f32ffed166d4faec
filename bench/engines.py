"""The embedded store and Neo4j side by side, in one run on one machine: synthetic loads, the named
queries on the largest graph, and the API at 10 clients on it.

    source data/neo4j/neo4j.env        # the server scripts/neo4j.sh started (its database is wiped)
    .venv/bin/python -m bench.engines --wipe-neo4j [--scales 10k,100k] [--seconds 10]

Writes bench/results/engines.json; BENCHMARKS.md quotes it. The Neo4j server's heap and page cache are
whatever it was started with (scripts/neo4j/neo4j.conf, PROVKG_NEO4J_HEAP): pass them with --neo4j-memory
so the result says which.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.api import fact_routes, free_port, load, routes
from bench.common import SYNTH_GRAPH, hubs, load_synth, log, parser, ratio, write_result
from bench.queries import load_queries, param_sets
from core.errors import ProvkgError
from core.settings import load_settings
from graph.catalog import execute

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
ENGINES = ("embedded", "neo4j")


def open_engine(kind: str, data_dir: Path) -> Any:
    if kind == "neo4j":
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(load_settings(store="neo4j", data_dir=data_dir))
    from graph.falkor_store import FalkorStore

    return FalkorStore(load_settings(data_dir=data_dir, graph_name=SYNTH_GRAPH))


def time_queries(store: Any, n_facts: int, reps: int) -> dict[str, Any]:
    queries, _ = load_queries()
    h = hubs(n_facts)
    out: dict[str, Any] = {}
    for name, q in sorted(queries.items()):
        for label, params in param_sets(q, h).items():
            samples: list[float] = []
            try:
                for _ in range(reps + 1):  # the first call plans and warms caches
                    t0 = time.perf_counter()
                    execute(store, q, params)  # as `provkg query` runs it: names resolved, engine variant
                    samples.append(time.perf_counter() - t0)
            except ProvkgError as exc:
                out[f"{name}:{label}"] = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
                continue
            out[f"{name}:{label}"] = {"first_ms": round(samples[0] * 1000, 2),
                                      "median_ms": round(statistics.median(samples[1:]) * 1000, 2)}
    return out


def api_run(kind: str, data_dir: Path, n_facts: int, clients: int, seconds: float) -> dict[str, Any]:
    import httpx

    port = free_port()
    env = {**os.environ, "PROVKG_STORE": kind, "PROVKG_DATA_DIR": str(data_dir), "PROVKG_GRAPH_NAME": SYNTH_GRAPH,
           "PROVKG_RATE_LIMIT_PER_MINUTE": "100000000", "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "bench.api_app:make_app", "--factory", "--host",
                             "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
                             "--loop", "uvloop", "--http", "httptools"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/ready", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"the API on {kind} did not become ready")
            time.sleep(0.3)
        out: dict[str, Any] = {}
        all_routes = routes(n_facts)
        all_routes.update(fact_routes(base, hubs(n_facts)["provinces"]))
        for route, paths in all_routes.items():
            for p in paths[:3]:
                httpx.get(base + p, timeout=60)  # warm-up
            log(f"{kind}: API {route} x{clients}")
            out[route] = load(base, paths, clients, seconds)  # wrk when installed, as bench.api
        trivial = out["trivial"].get("requests_per_s")
        for r in out.values():
            r["vs_trivial"] = ratio(r.get("requests_per_s"), trivial, 3)
        return out
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def main(argv: list[str] | None = None) -> None:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument("--scales", default="10k,100k", help="comma-separated, from " + ", ".join(SIZES))
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--wipe-neo4j", action="store_true", help="allow emptying the database NEO4J_URI points at")
    ap.add_argument("--neo4j-memory", default="heap 1g, page cache 512m, transaction memory 512m")
    args = ap.parse_args(argv)
    if not os.environ.get("NEO4J_URI") or not args.wipe_neo4j:
        ap.error("needs NEO4J_URI (source data/neo4j/neo4j.env) and --wipe-neo4j: the Neo4j database is emptied")
    scales = [s for s in args.scales.split(",") if s]
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="pkbench"))
    result: dict[str, Any] = {"neo4j_memory": args.neo4j_memory, "batch_size": args.batch_size, "load": {},
                              "queries": {}, "api": {}}
    try:
        stores = {kind: open_engine(kind, tmp / "embedded") for kind in ENGINES}
        result["versions"] = {kind: st.describe() for kind, st in stores.items()}
        for scale in scales:
            n = SIZES[scale]
            for kind, st in stores.items():
                st.clear()
                log(f"{kind}: loading {scale} synthetic facts")
                result["load"].setdefault(scale, {})[kind] = load_synth(st, n, args.batch_size)
            loads = result["load"][scale]
            loads["neo4j_over_embedded_s"] = ratio(loads["neo4j"]["seconds"], loads["embedded"]["seconds"])
        top = scales[-1]
        for kind, st in stores.items():
            log(f"{kind}: named queries at {top}")
            result["queries"][kind] = time_queries(st, SIZES[top], args.reps)
        result["queries"]["scale"] = top
        for kind in stores:
            log(f"{kind}: API at {args.clients} clients, {top}")
            result["api"][kind] = api_run(kind, tmp / "embedded", SIZES[top], args.clients, args.seconds)
        result["api"]["scale"], result["api"]["clients"] = top, args.clients
        write_result(args, "engines", result, started)  # before the clean-up, which may fail on its own
        for st in stores.values():
            st.clear()
            st.close()
    finally:
        from graph.embedded import EmbeddedServer

        EmbeddedServer(tmp / "embedded").stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
