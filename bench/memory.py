"""Memory: peak RSS of the API process and of the embedded redis-server (FalkorDB) holding the 1M-fact
synthetic graph.

    .venv/bin/python -m bench.memory [--size tiny|full]

The redis-server is the one the load stage filled (its data dir only ever held this graph), so its
VmHWM is the peak of loading and serving it; INFO memory and GRAPH.MEMORY USAGE say what the graph
itself takes. The API process is started fresh (bench/api_app.py under uvicorn, as in bench.api) and
driven through every read route used by the other stages, 10 clients at a time (and /stats at tiny
size; at 1M it takes about a minute); its VmHWM is read from /proc/<pid>/status before it stops.
"""

from __future__ import annotations

import time
from typing import Any

from bench.api import ApiServer, load, routes
from bench.common import SCALES, ensure_synth, log, parser, proc_memory, write_result
from graph.embedded import EmbeddedServer

MEMORY_SCALE = {"tiny": "1k", "full": "1m"}


def server_memory(store: Any) -> dict[str, Any]:
    srv = EmbeddedServer(store.settings.data_path)
    out: dict[str, Any] = {"pid": srv.pid()}
    if out["pid"]:
        out.update(proc_memory(out["pid"]))
    conn = srv.connection()
    info = conn.info("memory")
    for k in ("used_memory_human", "used_memory_peak_human", "used_memory_rss_human"):
        out[k] = info.get(k)
    try:
        usage = conn.execute_command("GRAPH.MEMORY", "USAGE", store.settings.graph_name)
        out["graph_memory_usage"] = _pairs(usage)
    except Exception as exc:  # noqa: BLE001 - older FalkorDB has no GRAPH.MEMORY
        out["graph_memory_usage"] = f"unavailable: {exc}"
    conn.close()
    return out


def _pairs(v: Any) -> Any:
    if isinstance(v, list) and len(v) % 2 == 0 and all(isinstance(x, (str, bytes)) for x in v[::2]):
        return {(k.decode() if isinstance(k, bytes) else k): _pairs(x) for k, x in zip(v[::2], v[1::2], strict=True)}
    return v


def main(argv: list[str] | None = None) -> None:
    args = parser(__doc__.splitlines()[0]).parse_args(argv)
    started = time.perf_counter()
    scale = MEMORY_SCALE[args.size]
    n = {k: v for d in SCALES.values() for k, v in d.items()}[scale]
    store, meta = ensure_synth(args.data_dir, scale, n)
    nodes = store.read("MATCH (n) RETURN count(n)").scalar()
    rels = store.read("MATCH ()-[r]->() RETURN count(r)").scalar()
    out: dict[str, Any] = {"scale": scale, "facts": n, "nodes": nodes, "relationships": rels,
                           "redis_before_api": server_memory(store)}
    seconds = 3.0 if args.size == "full" else 0.5
    with ApiServer(args.data_dir, scale) as srv:
        out["api_at_start"] = srv.memory()
        import httpx

        paths = routes(n)
        if args.size == "full":  # each call hits the 10 s query limit at 1m (see bench.api)
            paths.pop("province_partners_hub")
        runs = {}
        for name, ps in paths.items():
            log(f"memory {scale}: {name}")
            runs[name] = load(srv.url, ps, 10, seconds)
            runs[name]["drain_s"] = srv.drain()
        if args.size == "tiny":  # at 1m /stats takes about a minute (bench.api times it at 100k)
            t0 = time.perf_counter()
            r = httpx.get(srv.url + "/stats", timeout=600)
            runs["stats"] = {"status": r.status_code, "seconds": round(time.perf_counter() - t0, 3)}
        out["requests"] = {k: {x: v.get(x) for x in ("requests", "non_2xx", "status", "seconds", "drain_s")
                               if x in v}
                           for k, v in runs.items()}
        out["api_after_requests"] = srv.memory()
    out["redis_after_api"] = server_memory(store)
    out["summary"] = {"api_peak_rss_mb": out["api_after_requests"].get("vmhwm_mb"),
                      "redis_peak_rss_mb": out["redis_after_api"].get("vmhwm_mb"),
                      "redis_rss_mb": out["redis_after_api"].get("vmrss_mb")}
    store.close()
    write_result(args, "memory", out, started)


if __name__ == "__main__":
    main()
