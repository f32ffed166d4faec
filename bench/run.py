"""Every bench stage in order, each in its own process, then the summary tables (`make bench`).

    .venv/bin/python -m bench.run [--size tiny|full] [--only load,queries] [--keep]

The load stage fills fresh embedded servers (one data dir per scale under --data-dir) and leaves the
kept graphs running for queries, api, rdf and memory; at the end the servers stop and their data
dirs are removed (they hold GBs of append-only file at 1M facts) unless --keep.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from bench.common import ROOT, log, parser, stop_servers

STAGES = ("extract", "load", "queries", "api", "rdf", "sparql", "memory")


def main(argv: list[str] | None = None) -> int:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated stages (default: all)")
    ap.add_argument("--keep", action="store_true", help="leave the servers and data dirs of the graphs")
    args = ap.parse_args(argv)
    stages = [s for s in (args.only.split(",") if args.only else STAGES) if s]
    unknown = set(stages) - set(STAGES)
    if unknown:
        ap.error(f"unknown stages: {sorted(unknown)}")
    if "load" in stages:
        stop_servers(args.data_dir, remove=True)  # fresh servers: their peak memory is this run's
    common = ["--size", args.size, "--results", str(args.results), "--data-dir", str(args.data_dir)]
    walls: dict[str, object] = {}
    failed = []
    t_all = time.perf_counter()
    try:
        for stage in stages:
            log(f"== {stage} ({args.size})")
            t0 = time.perf_counter()
            rc = subprocess.run([sys.executable, "-m", f"bench.{stage}", *common], cwd=ROOT, check=False).returncode
            walls[stage] = round(time.perf_counter() - t0, 1)
            if rc != 0:
                failed.append(stage)
                log(f"{stage} failed with exit code {rc}")
    finally:
        if not args.keep:
            stop_servers(args.data_dir, remove=True)
    total = round(time.perf_counter() - t_all, 1)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "run.json").write_text(json.dumps({"size": args.size, "stages_s": walls, "total_s": total,
                                                       "failed": failed}, indent=1) + "\n")
    from bench.report import render

    (args.results / "summary.md").write_text(render(args.results), encoding="utf-8")
    log(f"all stages: {total} s; summary in {args.results / 'summary.md'}" + (f"; FAILED: {failed}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
