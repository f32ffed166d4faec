"""Every bench script runs end to end at tiny size (seconds each), so the benchmarks keep working.

Benchmarks are not tests: nothing here asserts a timing, only that each stage ran and wrote its
result file with the fields BENCHMARKS.md is built from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench_run() -> Path:
    # short data dir: the embedded servers' unix sockets live under it
    base = Path(tempfile.mkdtemp(prefix="pkb"))
    results = base / "results"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "bench.run", "--size", "tiny", "--results", str(results),
                           "--data-dir", str(base / "data")], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return results


@pytest.mark.parametrize("stage", ["extract", "load", "queries", "api", "rdf", "sparql", "memory"])
def test_stage_wrote_results(bench_run: Path, stage: str) -> None:
    doc = json.loads((bench_run / f"{stage}.json").read_text(encoding="utf-8"))
    assert doc["stage"] == stage and doc["size"] == "tiny"
    assert doc["machine"]["nproc"] == os.cpu_count()


def test_results_have_the_measures(bench_run: Path) -> None:
    ex = json.loads((bench_run / "extract.json").read_text())
    assert ex["pipeline"]["articles"] == ex["underthesea_ner"]["articles"] >= 5  # the same articles for both
    ld = json.loads((bench_run / "load.json").read_text())
    runs = ld["scales"]["1k"]["runs"]
    assert {r["batch_size"] for r in runs} == {100, 1_000, 10_000}
    kept = [r for r in runs if "reload" in r]
    assert kept and kept[0]["reload"]["nodes_before"] == kept[0]["reload"]["nodes_after"]  # idempotent
    q = json.loads((bench_run / "queries.json").read_text())
    assert q["scales"]["1k"]["queries"]
    api = json.loads((bench_run / "api.json").read_text())
    runs = api["scales"]["1k"]["runs"]
    for route, by_clients in runs.items():  # every route answered, and only with 2xx
        for clients, r in by_clients.items():
            assert r["requests"] > 0 and r.get("non_2xx", 0) == 0, (route, clients, r)
    assert "errors" not in api["scales"]["1k"]
    rdf = json.loads((bench_run / "rdf.json").read_text())
    assert all("error" not in r for r in rdf["scales"]["1k"]["runs"].values())
    sp = json.loads((bench_run / "sparql.json").read_text())["scales"]["1k"]
    assert set(sp["queries"]) == {"partners_of_province", "provinces_partnering_with", "province_agreements_timeline",
                                  "shared_partners", "province_figures"}
    assert sp["triples"] > 0 and sp["sync"]["articles"] == 5 and sp["sync"]["mirror_equals_export"]
    mem = json.loads((bench_run / "memory.json").read_text())
    assert mem["summary"]["api_peak_rss_mb"] and mem["summary"]["redis_peak_rss_mb"]
    assert (bench_run / "summary.md").read_text().count("###") >= 6


def test_synthetic_batches_pass_the_ontology_checks() -> None:
    from bench.synth import KINDS, degree_profile, generate
    from graph.schema import load_schema

    s = generate(2_000)
    batches = list(s.chunks(load_schema(), chunk_facts=700))
    assert sum(len(b.nodes[("Mention", False)]) for b in batches) == s.n_facts  # one evidence per fact
    prof = degree_profile(s)
    assert set(prof["facts_by_kind"]) == set(KINDS)
    assert prof["top_partners"][0]["facts"] > 10 * (s.n_facts / prof["partners"])  # skewed, not uniform
