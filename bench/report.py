"""Markdown tables from bench/results/*.json (written by bench.run to results/summary.md; the numbers
of BENCHMARKS.md are copied from it).

    .venv/bin/python -m bench.report [results dir]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.common import RESULTS


def _load(d: Path, stage: str) -> dict[str, Any] | None:
    p = d / f"{stage}.json"
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None


def _table(head: list[str], rows: list[list[Any]]) -> str:
    def cell(v: Any) -> str:
        if v is None:
            return "–"
        if isinstance(v, bool):
            return "yes" if v else "**no**"
        if isinstance(v, float):
            if 0 < abs(v) < 0.1:
                return f"{v:.3f}"
            return f"{v:,.2f}" if abs(v) < 100 else f"{v:,.0f}"
        if isinstance(v, int):
            return f"{v:,}"
        return str(v)

    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def _header(d: Path) -> list[str]:
    parts: list[str] = []
    run = _load(d, "run")
    any_doc = next((x for x in (_load(d, s) for s in ("extract", "load", "queries", "api", "rdf", "sparql", "memory")) if x),
                   None)
    if any_doc:
        m = any_doc["machine"]
        parts.append(f"Machine: {m['nproc']} × {m['cpu']}, {m['mem_gb']} GB RAM, Linux {m['kernel']}, Python "
                     f"{m['python']}, {m['falkordb_server']}; load generator: {m.get('wrk') or 'httpx'}.\n")
        parts.append("Packages: " + ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v) + ".\n")
    if run:
        parts.append("Wall time per stage (s): " + ", ".join(f"{k} {v}" for k, v in run["stages_s"].items())
                     + f"; total **{run['total_s']} s**" + (f"; failed: {run['failed']}" if run["failed"] else "")
                     + ".\n")
    return parts


def _extract_section(ex: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    rows = []
    for key, label in (("pipeline", "pipeline: process()"), ("clean_recognise_link", "clean + recognise + link"),
                       ("underthesea_ner", "underthesea ner() per sentence (reference)"),
                       ("underthesea_ner_whole_text", "underthesea ner() on the whole article"),
                       ("underthesea_word_tokenize", "underthesea word_tokenize() (reference)")):
        r = ex[key]
        rows.append([label, r["articles"], r["articles_per_s"], r["kb_per_s"], r["ms_per_article"]])
    parts.append("### Extraction (one core)\n\n" + _table(["what", "articles", "articles/s", "kB/s", "ms/article"],
                                                           rows))
    parts.append(f"Ratios: {ex['ratios']}; load average at the end {ex['machine']['loadavg_1_5_15']}.\n")
    return parts


def _load_section(ld: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    rows = []
    for scale, res in ld["scales"].items():
        for r in res["runs"]:
            rows.append([scale, r["batch_size"], r["loader"]["seconds"], r["loader"]["facts_per_s"],
                         r["loader"]["rows_per_s"], r["loader"]["build_s"], r["loader"]["write_s"],
                         r["raw"]["facts"], r["raw"]["facts_per_s"], r["loader_vs_raw"],
                         r.get("reload", {}).get("facts"), r.get("reload", {}).get("seconds"),
                         r.get("reload_vs_first")])
    parts.append("### Loading\n\n" + _table(
        ["facts", "batch", "first load s", "loader facts/s", "loader rows/s", "build s", "write s",
         "raw: facts", "raw facts/s", "loader/raw (same facts)", "re-load: facts", "re-load s",
         "re-load/first (same facts)"], rows))
    bulk = []
    for scale, res in ld["scales"].items():
        for name in ("bulk_in_process", "bulk"):
            b = res.get(name)
            if b:
                bulk.append([scale, b.get("workers", 0), b["seconds"], b["facts_per_s"], b["rows_per_s"],
                             b["until_sent_s"], b["indexes_s"], b["process_cpu_s"], b.get("worker_cpu_s"),
                             b["server_cpu_s"], b["loadavg_before"][0], b["loadavg_after"][0]])
    if bulk:
        parts.append("### First load (GRAPH.BULK)\n\n" + _table(
            ["facts", "row workers", "seconds", "facts/s", "rows/s", "until sent s", "indexes s", "main CPU s",
             "workers CPU s", "server CPU s", "load before", "load after"], bulk))
    mem = {s: r.get("server_memory_after_load") for s, r in ld["scales"].items() if r.get("server_memory_after_load")}
    if mem:
        parts.append(f"redis-server memory after the kept load: {mem}.\n")
    return parts


def _queries_section(q: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    scales = list(q["scales"])
    rows = []
    names = sorted({(n, v) for s in scales for n, vs in q["scales"][s]["queries"].items() for v in vs})
    for name, var in names:
        row: list[Any] = [f"{name}/{var}"]
        for s in scales:
            r = q["scales"][s]["queries"].get(name, {}).get(var, {})
            if "error" in r:
                row += [r["error"][:60], None, None]
            else:
                row += [r.get("p50_ms"), r.get("p95_ms"), r.get("p99_ms")]
        g = q.get("growth", {}).get("by_query", {}).get(f"{name}/{var}", {})
        row.append(g.get("exponent"))
        rows.append(row)
    head = ["query/params"] + [f"{s} {p}" for s in scales for p in ("p50 ms", "p95 ms", "p99 ms")] + ["growth exp."]
    parts.append("### Named queries\n\n" + _table(head, rows))
    if q.get("growth"):
        parts.append(f"Worse than linear (exponent > 1.1): {q['growth']['worse_than_linear'] or 'none'}.\n")
    if q.get("broken_queries"):
        parts.append(f"Not measured (catalog refused the file): {q['broken_queries']}.\n")
    return parts


def _api_section(api: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    rows = []
    for scale, res in api["scales"].items():
        for name, runs in res["runs"].items():
            for c, r in runs.items():
                rows.append([scale, name, c, r.get("requests_per_s"), r.get("p50_ms"), r.get("p99_ms"),
                             r.get("non_2xx"), res["vs_trivial"].get(name, {}).get(c) if name != "trivial" else 1.0])
    parts.append(f"### API ({api['tool']}, {api['seconds_per_run']} s per run)\n\n" + _table(
        ["facts", "route", "clients", "req/s", "p50 ms", "p99 ms", "non-2xx", "vs trivial"], rows))
    return parts


def _rdf_section(rdf: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    rows = []
    for scale, res in rdf["scales"].items():
        for mode, r in res["runs"].items():
            rows.append([scale, mode, r.get("triples"), r.get("complete"), r.get("triples_per_s"),
                         r.get("seconds"), r.get("vmhwm_mb"), r.get("error", "")[:80] if r.get("error") else ""])
    parts.append(f"### RDF export (library comparison on the first {rdf['prefix_triples']:,} triples)\n\n" + _table(
        ["facts", "mode", "triples", "to the end (prefix runs stop by design)", "triples/s", "s", "peak RSS MB",
         "error"], rows))
    parts.append("Ratios: " + "; ".join(f"{s}: {r['ratios']}" for s, r in rdf["scales"].items()) + ".\n")
    probes = {s: r.get("page_probe") for s, r in rdf["scales"].items() if r.get("page_probe")}
    if probes:
        parts.append("One page of graph/rdf.py's node paging, engine ms: " + "; ".join(
            f"{s}: first page {p.get('first_page', {}).get('engine_ms')}, middle page "
            f"{p.get('middle_page', {}).get('engine_ms')}" for s, p in probes.items()) + ".\n")
    return parts


def _memory_section(memd: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    mem = memd
    parts.append(f"### Memory ({mem['scale']}: {mem['facts']:,} facts, {mem['nodes']:,} nodes, "
                 f"{mem['relationships']:,} relationships)\n\n" + _table(
                     ["process", "RSS MB", "peak RSS (VmHWM) MB", "notes"],
                     [["API (uvicorn) at start", mem["api_at_start"].get("vmrss_mb"),
                       mem["api_at_start"].get("vmhwm_mb"), ""],
                      ["API after the request mix", mem["api_after_requests"].get("vmrss_mb"),
                       mem["api_after_requests"].get("vmhwm_mb"), ""],
                      ["redis-server (FalkorDB)", mem["redis_after_api"].get("vmrss_mb"),
                       mem["redis_after_api"].get("vmhwm_mb"),
                       f"used_memory {mem['redis_after_api'].get('used_memory_human')}, peak "
                       f"{mem['redis_after_api'].get('used_memory_peak_human')}"]]))
    return parts


def _sparql_section(sp: dict[str, Any]) -> list[str]:
    rows, keep = [], []
    for scale, r in sp["scales"].items():
        for name, q in r.get("queries", {}).items():
            a, b = q["sparql"], q["cypher"]
            rows.append([scale, name, a.get("p50_ms", a.get("error")), a.get("p95_ms"), b.get("p50_ms", b.get("error")),
                         b.get("p95_ms"), a.get("rows"), b.get("rows"),
                         round(a["p50_ms"] / b["p50_ms"], 1) if a.get("p50_ms") and b.get("p50_ms") else None])
        s = r.get("sync")
        if not s:
            continue
        keep.append([scale, r["triples"], r["rebuild_s"], r["triples_per_s"], s["new_sync"].get("p50_ms"),
                     s["new_sync"].get("max_ms"), s["replaced_sync"].get("p50_ms"), s["replaced_sync"].get("max_ms"),
                     s["load_article"].get("p50_ms"), s["mirror_equals_export"]])
    return ["### SPARQL (the five example queries; keeping the mirror)\n\n" + _table(
        ["facts", "query", "SPARQL p50 ms", "SPARQL p95 ms", "Cypher p50 ms", "Cypher p95 ms", "SPARQL rows",
         "Cypher rows", "SPARQL/Cypher"], rows), _table(
        ["facts", "triples", "full rebuild s", "triples/s", "sync new article p50 ms", "max ms",
         "sync replaced article p50 ms", "max ms", "graph load_article p50 ms (reference)",
         "mirror = export after the syncs"], keep)]


SECTIONS = {"extract": _extract_section, "load": _load_section, "queries": _queries_section, "api": _api_section,
            "rdf": _rdf_section, "sparql": _sparql_section, "memory": _memory_section}


def render(d: Path = RESULTS) -> str:
    parts = _header(d)
    for stage, section in SECTIONS.items():
        doc = _load(d, stage)
        if doc:
            parts += section(doc)
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS))
