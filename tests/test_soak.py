"""`make soak`: hostile queries of every kind against a real API server while 8 readers use it and
an ingest reloads the sample, for PROVKG_SOAK_SECONDS (600 by default; `make soak SOAK_SECONDS=60`).
No hang, no crash, no answer a reader did not expect, and the counts of a clean run at the end.

On either engine: `make soak` runs the embedded store, `make soak ENGINE=neo4j` the Neo4j server of
`make neo4j-start` (PROVKG_SOAK_ENGINES picks them; the Neo4j database is wiped and loaded with the
sample like every Neo4j test)."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app, uvicorn_options
from api.settings import load_api_settings
from core.settings import load_settings
from graph.falkor_store import FalkorStore
from graph.loader import Loader
from graph.stats import graph_counts
from ingest.pipeline import process
from ingest.read import read_path

from .conftest import CORPUS, load_sample

KEY = "soak-key"
READS = ["/provinces?current=true", "/provinces/VN-25", "/provinces/VN-25/partners", "/partners/LA-SV",
         "/countries/la", "/agreements?province=VN-09", "/search?q=quang", "/stats",
         "/graph/neighborhood/LA-SV?depth=2", "/events?province=VN-25"]
# (what, request, the answers that count as a correct refusal)
HOSTILE: list[tuple[str, dict, set[int]]] = [
    ("parse bomb: unary minus", {"query": "RETURN " + "- " * 24 + "1"}, {400}),
    ("parse bomb: NOT (", {"query": "RETURN " + "NOT (" * 12 + "true" + ")" * 12}, {400}),
    ("parse bomb: CASE", {"query": "RETURN " + "CASE WHEN true THEN " * 14 + "1" + " END" * 14}, {400}),
    ("memory: reduce doubling", {"query": "RETURN size(reduce(s = 'a', x IN range(1, 40) | s + s))"}, {400}),
    ("memory: list doubling", {"query": "RETURN size(reduce(l = [1], x IN range(1, 40) | l + l))"}, {400}),
    ("memory: range product", {"query": "RETURN [x IN range(1, 1000000) | range(1, 1000000)]"}, {400}),
    ("memory: WITH doubling", {"query": "WITH 'a' AS s " + "WITH s + s + s + s AS s " * 8 + "RETURN size(s)"},
     {400}),
    ("bytes: 10,000 rows of 2 kB", {"query": "UNWIND range(1, 10000) AS x RETURN x, '" + "a" * 2000 + "'"},
     {200, 400}),
    ("time: cartesian", {"query": "MATCH (a:Entity), (b:Entity), (c:Entity) RETURN count(*)"}, {200, 504}),
    ("allowlist: comment", {"query": "CALL/**/dbms.procedures()"}, {400}),
    ("allowlist: backticks", {"query": "CALL `db.meta.stats`()"}, {400}),
    ("write: hidden", {"query": "MATCH (n) WITH n LIMIT 1 SET n.x = 1 RETURN n"}, {400}),
    ("params: backtick key", {"query": "RETURN 1", "params": {"`": 1}}, {422}),
    ("params: 10^40", {"query": "RETURN $x", "params": {"x": 10**40}}, {422}),
    ("params: deep list", {"query": "RETURN $x", "params": {"x": [[[[[[[[[[[[1]]]]]]]]]]]]}}, {422}),
    ("params: NUL", {"query": "MATCH (n {id: $x}) RETURN n", "params": {"x": "a\x00b"}}, {422}),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb() -> float:
    """This process's peak resident set (the API, its readers and the ingest all run in it)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.soak
@pytest.mark.engines(*os.environ.get("PROVKG_SOAK_ENGINES", "embedded").split(","))
def test_soak_hostile_queries_under_readers_and_an_ingest(engine, request):
    seconds = float(os.environ.get("PROVKG_SOAK_SECONDS", "600"))
    root = Path(tempfile.mkdtemp(prefix="pks"))
    if engine == "neo4j":
        backend = request.getfixturevalue("neo4j_backend")
        store = backend.empty()
        store.ensure_schema()
        load_sample(store)
        settings = store.settings
    else:
        settings = load_settings(data_dir=root, graph_name="soak")
        store = FalkorStore(settings)
        load_sample(store)
    clean = graph_counts(store)
    api = load_api_settings(api_key=KEY, rate_limit_per_minute=1_000_000, max_body_bytes=200_000)
    app = create_app(settings.model_copy(update={"query_timeout_ms": api.api_query_timeout_ms}), store, api)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           **uvicorn_options(api)))
    serving = threading.Thread(target=server.run)
    serving.start()
    base = f"http://127.0.0.1:{port}"
    stop = time.monotonic() + seconds
    errors: list[str] = []
    reads: Counter[str] = Counter()
    hostile: Counter[str] = Counter()
    slowest: list[tuple[float, str]] = [(0.0, "")]
    ingests = [0]

    def reader(i: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            n = i
            while time.monotonic() < stop:
                path = READS[n % len(READS)]
                n += 1
                t = time.monotonic()
                try:
                    r = c.get(path)
                except httpx.HTTPError as exc:  # a reset connection is an error the summary counts, not a dead reader
                    errors.append(f"reader {path}: {type(exc).__name__} {exc}")
                    continue
                slowest[0] = max(slowest[0], (time.monotonic() - t, path))
                if r.status_code != 200:
                    errors.append(f"reader {path}: {r.status_code} {r.text[:200]}")
                reads[path] += 1

    def attacker() -> None:
        with httpx.Client(base_url=base, timeout=60) as c:
            for _ in range(3):  # a few wrong keys (10 a minute would block this client's keyed calls)
                if c.post("/cypher", json={"query": "RETURN 1"}, headers={"X-API-Key": "guess"}).status_code != 401:
                    errors.append("a wrong key was not 401")
            n = 0
            while time.monotonic() < stop:
                what, body, expected = HOSTILE[n % len(HOSTILE)]
                n += 1
                r = c.post("/cypher", json=body, headers={"X-API-Key": KEY})
                if r.status_code not in expected:
                    errors.append(f"{what}: {r.status_code} {r.text[:200]}")
                hostile[what] += 1
                r = c.get("/provinces/VN%0025")
                if r.status_code not in (404, 422):
                    errors.append(f"NUL id: {r.status_code}")
                big = c.post("/ingest", content=(b"x" * 65536 for _ in range(64)),
                             headers={"X-API-Key": KEY, "Content-Type": "application/json"})
                if big.status_code != 413:
                    errors.append(f"chunked 4 MB body: {big.status_code}")
                hostile["chunked body"] += 1

    def ingest() -> None:
        loader = Loader(store)
        articles = [process(a) for a in read_path(CORPUS, 5_000_000)]
        while time.monotonic() < stop:
            for facts in articles:
                loader.load_article(facts, force=True)
                ingests[0] += 1

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(8)]
    threads += [threading.Thread(target=attacker), threading.Thread(target=ingest)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(seconds + 300)
            assert not t.is_alive(), "a thread hung"
        ready = httpx.get(f"{base}/ready", timeout=10)
    finally:
        server.should_exit = True
        serving.join()
    try:
        counts_equal = graph_counts(store) == clean
        summary = (f"soak {engine} {seconds:.0f} s: {sum(reads.values())} reads (slowest {slowest[0][0]:.2f} s, "
                   f"{slowest[0][1]}), {sum(hostile.values())} hostile requests refused as expected "
                   f"({len(hostile)} kinds), {ingests[0]} article reloads, errors {len(errors)}, "
                   f"counts equal {counts_equal}, peak RSS {_peak_rss_mb():.0f} MB, "
                   f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(summary)
        (root.parent / f"provkg-soak-summary-{engine}.txt").write_text(summary + "\n")
        assert not errors, errors[:5]
        assert ready.status_code == 200
        assert store.ping()
        assert counts_equal
    finally:
        if engine == "neo4j":
            backend.holds = "other"  # reloaded many times: the next test that needs the sample reloads it
        else:
            store.close()
            store.server.stop()
        shutil.rmtree(root, ignore_errors=True)
