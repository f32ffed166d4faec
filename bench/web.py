"""The explorer's budgets: first render of each page in Debian's chromium, and JavaScript size.

    .venv/bin/python -m bench.web [--size tiny|full] [--runs 5]

tiny: the sample corpus only; full: also the 100k-fact synthetic graph (kept in --data-dir/100k
like the other stages). `provkg serve` runs as a user starts it; a page counts as rendered when its
main content has replaced the loading line, measured in the page as `performance.now()` (ms since
navigation start). After one warm-up pass (the server's first answers fill engine and asset caches,
as for any running server), each page is opened cold (new browser context, empty cache: an
analyst's first visit of the morning), then --runs times warm; the budget is the cold render
< 1 s on the sample and < 2 s at 100k facts.
"""

from __future__ import annotations

import gzip
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.request import urlopen

from bench.common import CORPUS, ROOT, ensure_synth, log, parser, write_result

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RENDERED = "() => document.querySelector('#main h1') && !document.querySelector('#main .loading')"
# ms since navigation start, and when the page's HTML had arrived (a fresh browser context spends
# its first hundreds of ms starting a renderer, before the app can do anything)
SINCE_HTML = "() => [performance.now(), performance.getEntriesByType('navigation')[0].responseEnd]"


def js_budget() -> dict[str, int]:
    from web import STATIC

    files = list(STATIC.rglob("*.js"))
    return {"files": len(files), "bytes": sum(f.stat().st_size for f in files),
            "gzip_bytes": sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)}


def load_sample(data_dir: Path) -> Any:
    from core.settings import load_settings
    from graph.falkor_store import FalkorStore
    from graph.loader import Loader
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer
    from ingest.pipeline import process
    from ingest.read import read_path

    store = FalkorStore(load_settings(data_dir=data_dir, graph_name="websample"))
    store.clear()
    loader = Loader(store)
    load_reference(loader, gazetteer())
    for item in read_path(CORPUS, 5_000_000):
        if isinstance(item, Exception):  # an unreadable file: the bench needs the whole sample
            raise item
        loader.load_article(process(item))
    return store


def serve(settings: Any) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PROVKG_DATA_DIR": str(settings.data_dir), "PROVKG_GRAPH_NAME": settings.graph_name}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("provkg")), "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            if urlopen(base + "/ready", timeout=2).status == 200:
                return proc, base
        except OSError:
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError("provkg serve did not start")


def measure(browser: Any, base: str, pages: dict[str, str], runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    warmup = browser.new_context()  # the server's first answers (engine caches, assets read) are not a user's
    for path in pages.values():
        pg = warmup.new_page()
        pg.goto(base + path)
        pg.wait_for_function(RENDERED, timeout=30_000)
    warmup.close()
    for name, path in pages.items():
        cold_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        page = cold_ctx.new_page()
        page.goto(base + path)
        page.wait_for_function(RENDERED, timeout=30_000)
        cold, html_at = page.evaluate(SINCE_HTML)
        warm: list[float] = []
        for _ in range(runs):
            page.goto(base + path)
            page.wait_for_function(RENDERED, timeout=30_000)
            warm.append(page.evaluate("performance.now()"))
        cold_ctx.close()
        out[name] = {"path": path, "cold_ms": round(cold), "cold_after_html_ms": round(cold - html_at),
                     "warm_median_ms": round(statistics.median(warm)),
                     "warm_max_ms": round(max(warm))}
        log(f"{name}: cold {out[name]['cold_ms']} ms ({out[name]['cold_after_html_ms']} ms after the page's HTML), "
            f"warm median {out[name]['warm_median_ms']} ms")
    return out


def pages_for(store: Any, sample: bool) -> dict[str, str]:
    if sample:
        return {"search": "/?q=quang%20tay", "province": "/id/province/VN-25", "province_2025": "/id/province/VN-2025-44",
                "partner": "/id/place/CN-GX", "graph": "/explore/graph/VN-25", "queries": "/explore/queries"}
    top = store.read("MATCH (p:VietnameseProvince)-[:HAS_PARTNERSHIP]->(ps) RETURN p.id, count(ps) AS n "
                     "ORDER BY n DESC LIMIT 1").rows[0][0]
    partner = store.read("MATCH (x:ForeignLocality)<-[:PARTNER]-(ps) RETURN x.id, count(ps) AS n "
                         "ORDER BY n DESC LIMIT 1").rows[0][0]
    return {"search": "/?q=quang", "province_hub": f"/id/province/{top}", "partner_hub": f"/id/place/{partner}",
            "graph": f"/explore/graph/{partner}"}


def main(argv: list[str] | None = None) -> int:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    started = time.perf_counter()
    from playwright.sync_api import sync_playwright

    result: dict[str, Any] = {"js": js_budget(), "graphs": {}}
    log(f"javascript: {result['js']}")
    graphs: list[tuple[str, Any, bool]] = []
    tmp = tempfile.mkdtemp(prefix="pkweb")
    graphs.append(("sample", load_sample(Path(tmp)), True))
    if args.size == "full":
        store, meta = ensure_synth(args.data_dir, "100k", 100_000)
        graphs.append(("100k", store, False))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("PROVKG_CHROMIUM", "/usr/bin/chromium"),
                                    args=LAUNCH_ARGS, headless=True)
        try:
            for name, store, sample in graphs:
                proc, base = serve(store.settings)
                try:
                    log(f"== {name}")
                    result["graphs"][name] = measure(browser, base, pages_for(store, sample), args.runs)
                finally:
                    proc.terminate()
                    proc.wait(10)
        finally:
            browser.close()
    from graph.embedded import EmbeddedServer

    EmbeddedServer(Path(tmp)).stop()
    write_result(args, "web", result, started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
