"""Queries: p50/p95/p99 of every curated named query (graph/catalog.py) on the synthetic graphs at
100k and 1M facts, and how each grows with the graph.

    .venv/bin/python -m bench.queries [--size tiny|full]

Each query runs through catalog.run_query (the path the API and CLI take: parameter binding,
GRAPH.RO_QUERY, the store's read lock, row mapping) with two parameter sets: its own `example`
parameters, and `hub` ones naming the most-linked province/partner of the synthetic graph (the
Zipf head), where the data is densest. One warm-up run, then repeats until `reps` or a time budget.
Growth is p50(1m) / p50(100k) against the 10x growth of the data: an exponent log10(growth) above
1.1 is flagged as worse than linear. FalkorDB's GRAPH.PROFILE of the slowest queries at the largest
scale is kept in the result, to show which operation the time goes to.
"""

from __future__ import annotations

import math
import time
from typing import Any

from bench.common import SCALES, ensure_synth, hubs, log, parser, percentiles, server_crashes, write_result
from core.errors import ProvkgError

QUERY_SCALES = {"tiny": ("1k",), "mid": ("100k",), "full": ("100k", "1m")}


def param_sets(q: Any, h: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    example = q.example_params()
    hub: dict[str, Any] = {}
    for p in q.params:
        if p.name in ("province", "participant", "province_a"):
            hub[p.name] = h["provinces"][0]
        elif p.name == "province_b":
            hub[p.name] = h["provinces"][1]
        elif p.name == "partner":
            hub[p.name] = h["partners"][0]
        elif p.required:
            hub[p.name] = p.example
    sets = {"example": example}
    if hub != example:
        sets["hub"] = hub
    return sets


def load_queries() -> tuple[dict[str, Any], dict[str, str]]:
    """The catalog; if one file is broken (the library is being edited), every query that still loads."""
    import shutil
    import tempfile
    from pathlib import Path

    from graph.catalog import CatalogError, list_queries, load_catalog, queries_dir

    try:
        return {q.name: q for q in list_queries()}, {}
    except CatalogError:
        pass
    good: dict[str, Any] = {}
    broken: dict[str, str] = {}
    files = sorted(queries_dir().glob("*.cypher"))
    for stem in sorted({f.name.split(".", 1)[0] for f in files}):
        with tempfile.TemporaryDirectory() as tmp:
            for f in files:
                if f.name.split(".", 1)[0] == stem:
                    shutil.copy(f, Path(tmp) / f.name)
            try:
                good.update(load_catalog(Path(tmp)))
            except CatalogError as exc:
                broken[stem] = str(exc)
    return good, broken


def run_query(store: Any, q: Any, params: dict[str, Any]) -> Any:
    """What graph.catalog.run_query does (bind, derive, resolve names to ids, read), for a NamedQuery in hand."""
    from graph.catalog import execute

    return execute(store, q, params)


def measure(store: Any, q: Any, params: dict[str, Any], reps: int, budget_s: float) -> dict[str, Any]:
    """First call, then repeats; stops at the first server crash (the store restarts the server and
    retries, which would otherwise show only as a slow call — and a restart replays the whole AOF)."""
    crashes = server_crashes(store)
    try:
        t0 = time.perf_counter()
        res = run_query(store, q, params)
        first = time.perf_counter() - t0
    except ProvkgError as exc:
        return {"error": f"{type(exc).__name__}: {exc}"[:300], "server_crashes": server_crashes(store) - crashes}
    if server_crashes(store) > crashes:
        return {"error": "the FalkorDB server crashed on the first call (the store restarted it and retried)",
                "server_crashes": server_crashes(store) - crashes, "first_ms": round(first * 1000, 2)}
    samples: list[float] = []
    if first > budget_s:  # a slow query: its first call is its only sample (the budget is spent)
        return {"rows": len(res.rows), "truncated": res.truncated, "first_ms": round(first * 1000, 2),
                **percentiles([first]), "note": "slower than the time budget: one call only"}
    t_end = time.perf_counter() + budget_s
    for _ in range(reps):
        if samples and time.perf_counter() > t_end:
            break
        t0 = time.perf_counter()
        try:
            run_query(store, q, params)
        except ProvkgError as exc:
            return {"error": f"{type(exc).__name__}: {exc}"[:300], "first_ms": round(first * 1000, 2),
                    "server_crashes": server_crashes(store) - crashes}
        if server_crashes(store) > crashes:
            return {"error": f"the FalkorDB server crashed on repeat {len(samples) + 1} (the store restarted it "
                    f"and retried: that call took {time.perf_counter() - t0:.1f} s)",
                    "server_crashes": server_crashes(store) - crashes, "first_ms": round(first * 1000, 2),
                    "rows": len(res.rows)}
        samples.append(time.perf_counter() - t0)
    return {"rows": len(res.rows), "truncated": res.truncated, "first_ms": round(first * 1000, 2),
            **percentiles(samples)}


def profile_query(store: Any, q: Any, params: dict[str, Any]) -> list[str] | str:
    """FalkorDB's GRAPH.PROFILE: the plan with records produced and time per operation."""
    bound = q.bind(params)
    try:
        g = store._graph()
        header = g._build_params_header(bound)
        with store.lock.shared():
            out = g.client.connection.execute_command("GRAPH.PROFILE", g.name, header + q.text_for(store.kind),
                                                      "timeout", 60_000)
        return [x.decode() if isinstance(x, bytes) else str(x) for x in out]
    except Exception as exc:  # noqa: BLE001 - a profile is a diagnostic, not the benchmark
        return f"profile failed: {exc}"


def main(argv: list[str] | None = None) -> None:
    args = parser(__doc__.splitlines()[0]).parse_args(argv)
    started = time.perf_counter()
    catalog, broken = load_queries()
    scales = QUERY_SCALES[args.size]
    sizes = {k: v for d in SCALES.values() for k, v in d.items()}
    reps, budget = (30, 1.0) if args.size != "tiny" else (1, 0.0)
    out: dict[str, Any] = {"scales": {}, "queries": sorted(catalog), "broken_queries": broken}
    # query -> scale where it crashed the server or timed out: not run at larger scales
    crashed: dict[str, str] = {}
    # (query, params) -> why it is not run at the next scale: its p50 times the data growth would pass
    # the query time limit (such queries time out or take tens of seconds there: see BENCHMARKS.md)
    predicted: dict[tuple[str, str], str] = {}
    for scale in scales:
        n = sizes[scale]
        store, meta = ensure_synth(args.data_dir, scale, n)
        h = hubs(n)
        log(f"queries at {scale}")
        res: dict[str, Any] = {"facts": n, "hub_province": h["provinces"][0], "hub_partner": h["partners"][0],
                               "queries": {}}
        for q in catalog.values():
            res["queries"][q.name] = {}
            for variant, params in param_sets(q, h).items():
                if args.size == "tiny" and variant != "example":
                    continue
                if q.name in crashed:
                    res["queries"][q.name][variant] = {
                        "params": params, "error": f"not run: crashed the server or timed out at {crashed[q.name]}"}
                    continue
                slow = predicted.get((q.name, variant))
                if slow:
                    res["queries"][q.name][variant] = {"params": params, "error": slow}
                    continue
                m = measure(store, q, params, reps, budget)
                if m.get("server_crashes"):
                    crashed[q.name] = scale
                elif "QueryTimeout" in m.get("error", ""):
                    crashed[q.name] = f"{scale} (timed out at {store.settings.query_timeout_ms} ms)"
                res["queries"][q.name][variant] = {"params": params, **m}
                log(f"  {scale} {q.name}/{variant}: p50 {m.get('p50_ms')} ms {m.get('error', '')}")
        out["scales"][scale] = res
        nxt = scales.index(scale) + 1
        if nxt < len(scales):
            grow = sizes[scales[nxt]] / n
            for name, d in res["queries"].items():
                for var, v in d.items():
                    p50 = v.get("p50_ms")
                    if p50 and p50 * grow > store.settings.query_timeout_ms:
                        predicted[(name, var)] = (f"not run: p50 {p50:.0f} ms at {scale} x {grow:.0f} would pass the "
                                                  f"{store.settings.query_timeout_ms} ms query limit")
        if scale == scales[-1]:
            slow = sorted(((v.get("p50_ms") or 0, name, var) for name, d in res["queries"].items()
                           for var, v in d.items() if name not in crashed), reverse=True)[:3]
            out["profiles"] = {f"{name}/{var}": profile_query(store, catalog[name], res["queries"][name][var]["params"])
                               for _, name, var in slow}
        store.close()
    out["crashed_or_timed_out"] = crashed
    if len(scales) > 1:
        out["growth"] = growth(out["scales"][scales[0]], out["scales"][scales[-1]])
    write_result(args, "queries", out, started)


def growth(small: dict[str, Any], large: dict[str, Any]) -> dict[str, Any]:
    data = large["facts"] / small["facts"]
    rows: dict[str, Any] = {}
    worse: list[str] = []
    for name, variants in large["queries"].items():
        for var, v in variants.items():
            s = small["queries"].get(name, {}).get(var, {})
            a, b = s.get("p50_ms"), v.get("p50_ms")
            if not a or not b:
                rows[f"{name}/{var}"] = {"error": v.get("error") or s.get("error")}
                continue
            g = b / a
            exp = math.log(g) / math.log(data) if g > 0 else 0.0
            rows[f"{name}/{var}"] = {"p50_small_ms": a, "p50_large_ms": b, "growth": round(g, 2),
                                     "exponent": round(exp, 2)}
            if exp > 1.1:
                worse.append(f"{name}/{var}")
    return {"data_growth": data, "by_query": rows, "worse_than_linear": worse}


if __name__ == "__main__":
    main()
