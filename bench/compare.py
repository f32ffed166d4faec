"""Before/after in one run: the named queries and read views of a git revision (`--before`, default
the main branch before the issue #16 rewrite) against today's, alternating on the same kept
synthetic graph, so that their ratio does not depend on what else the machine is doing.

    .venv/bin/python -m bench.compare [--size mid] [--before REV]

Old named queries run as they did (their text, their binding: names folded in Cypher); new ones
through graph.catalog.execute (names resolved to ids in Python, then the query). Old views are
graph/views.py of that revision imported from a temporary copy; new ones are graph.views.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, SCALES, ensure_synth, hubs, log, parser, write_result
from core.errors import ProvkgError

BEFORE = "bac0aff"  # main before the rewrite (views.py with f-string Cypher, folding in Cypher)
REPS = 5


def _git(rev: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout


def old_catalog(rev: str, tmp: Path) -> dict[str, Any]:
    from graph.catalog import load_catalog

    names = subprocess.run(["git", "ls-tree", "--name-only", rev, "queries/"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    for n in names:
        if n.endswith(".cypher"):
            (tmp / Path(n).name).write_text(_git(rev, n), encoding="utf-8")
    return load_catalog(tmp)


def old_views(rev: str, tmp: Path) -> Any:
    path = tmp / "views_before.py"
    path.write_text(_git(rev, "graph/views.py"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("views_before", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def timed(fn: Any, reps: int = REPS) -> dict[str, Any]:
    samples = []
    for _ in range(reps + 1):  # the first call warms the plan cache
        t = time.perf_counter()
        try:
            fn()
        except ProvkgError as exc:
            return {"error": f"{type(exc).__name__}: {str(exc)[:80]}"}
        samples.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(statistics.median(samples[1:]), 2)}


def view_cases(h: dict[str, list[str]]) -> dict[str, tuple[str, tuple, dict]]:
    hub, part = h["provinces"][0], h["partners"][0]
    page = {"limit": 50, "offset": 0}
    pp = {"country": None, "kind": None, "since": None, "until": None, **page}
    return {
        "province_partners(VN-25)": ("province_partners", ("VN-25",), pp),
        "province_partners(hub)": ("province_partners", (hub,), pp),
        "province(hub)": ("province", (hub,), {}),
        "partner(hub)": ("partner", (part if "-" in part else "CN-GX",), {}),
        "country(LA)": ("country", ("LA",), {}),
        "search(quang)": ("search", ("quang",), {"types": None, "limit": 20}),
        "search(thanh pho)": ("search", ("thanh pho",), {"types": None, "limit": 20}),
        "neighborhood(LA-SV, 2)": ("neighborhood", ("LA-SV", 2, 200), {}),
        "agreements(hub)": ("agreements", (), {"province": hub, "partner": None, "country": None, "kind": None,
                                              "field": None, "level": None, "date_from": "2015",
                                              "date_to": "2020-06", **page}),
        "events(hub)": ("events", (), {"province": hub, "kind": None, "date_from": None, "date_to": None,
                                      "participant": None, **page}),
        "observations(hub)": ("observations", (), {"province": hub, "indicator": None, "period": None, **page}),
        "partners(LA)": ("partners", (), {"country": "LA", "kind": None, "q": None, **page}),
        "provinces": ("provinces", (), {"current": None, "region": None, **page}),
    }


def main(argv: list[str] | None = None) -> None:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument("--before", default=BEFORE, help="git revision to compare against")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    from bench.queries import param_sets
    from graph import views as new_views
    from graph.catalog import execute, list_queries

    scale = "1k" if args.size == "tiny" else "100k"
    n = {k: v for d in SCALES.values() for k, v in d.items()}[scale]
    store, _ = ensure_synth(args.data_dir, scale, n)
    h = hubs(n)
    out: dict[str, Any] = {"before": args.before, "scale": scale, "queries": {}, "views": {}}
    with tempfile.TemporaryDirectory() as tmp:
        old = old_catalog(args.before, Path(tmp))
        before_views = old_views(args.before, Path(tmp))
        for q in list_queries():
            if q.name not in old:
                continue
            o = old[q.name]
            for variant, params in param_sets(q, h).items():
                known = {k: v for k, v in params.items() if k in {p.name for p in o.params}}
                b = timed(lambda o=o, known=known: store.read(o.text_for(store.kind), o.bind(known)))
                a = timed(lambda q=q, params=params: execute(store, q, params))
                ratio = round(b["p50_ms"] / a["p50_ms"], 2) if "p50_ms" in a and "p50_ms" in b else None
                out["queries"][f"{q.name}/{variant}"] = {"before": b, "after": a, "speedup": ratio}
                log(f"{q.name}/{variant}: before {b} after {a} x{ratio}")
        for label, (fn, pos, kw) in view_cases(h).items():
            b = timed(lambda fn=fn, pos=pos, kw=kw: getattr(before_views, fn)(store, *pos, **kw))
            a = timed(lambda fn=fn, pos=pos, kw=kw: getattr(new_views, fn)(store, *pos, **kw))
            ratio = round(b["p50_ms"] / a["p50_ms"], 2) if "p50_ms" in a and "p50_ms" in b else None
            out["views"][label] = {"before": b, "after": a, "speedup": ratio}
            log(f"view {label}: before {b} after {a} x{ratio}")
    write_result(args, "compare", out, started)


if __name__ == "__main__":
    main()
