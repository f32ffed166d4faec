"""Bad input, crashes and restarts: nothing stored is lost, nothing is half-loaded, good files load."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.embedded import EmbeddedServer
from graph.falkor_store import FalkorStore
from graph.loader import Loader
from graph.reference import load_reference
from graph.stats import graph_counts
from ingest.gazetteer import gazetteer
from ingest.pipeline import process
from ingest.read import read_path

from .conftest import CORPUS, ROOT

BAD = ROOT / "tests" / "data" / "bad"
GOOD_ARTICLE = ("<html><head><title>Hợp tác</title></head><body><article><p>Ngày 12/3/2024, UBND tỉnh Thanh Hóa và "
                "tỉnh Hủa Phăn (Lào) đã ký kết biên bản ghi nhớ hợp tác về giáo dục.</p></article></body></html>")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 - the stdlib's name
        if self.path == "/slow":
            time.sleep(3)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/good":
            body = GOOD_ARTICLE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/huge":  # announces 2 GB and streams until the client hangs up
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(2 * 1024**3))
            self.end_headers()
            chunk = b"Quang Tri " * 6554
            try:
                for _ in range(2 * 1024**3 // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def web():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _env(data_dir: Path, graph: str, **extra: str) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PROVKG_DATA_DIR": str(data_dir),
            "PROVKG_GRAPH_NAME": graph, **extra}


def test_hostile_inputs_fail_alone_and_good_files_load(tmp_path, settings, web):
    corpus = tmp_path / "in"
    shutil.copytree(BAD, corpus)
    (corpus / "README.md").unlink()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    with (corpus / "21_50mb.txt").open("wb") as fh:
        for _ in range(50):
            fh.write(("Tỉnh Quảng Trị hợp tác với tỉnh Savannakhet. " * 19000).encode()[:1024 * 1024])
    with (corpus / "22_million_lines.txt").open("w", encoding="utf-8") as fh:
        fh.write("Quảng Trị\n" * 1_000_000)
    (corpus / "23_deep.html").write_text("<div>" * 200_000 + "Quảng Trị" + "</div>" * 200_000, encoding="utf-8")
    urls = [f"{web}/slow", f"{web}/missing", f"{web}/huge", f"{web}/good"]
    proc = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(corpus), *urls, "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env=_env(settings.data_dir, settings.graph_name, PROVKG_URL_TIMEOUT_S="1",
                                   PROVKG_MAX_ARTICLE_BYTES="5000000"))
    assert proc.returncode == 1, proc.stderr[-2000:]
    summary = json.loads(proc.stdout)
    errors = {f["source"].rsplit("/", 1)[-1]: f["error"] for f in summary["failed"]}
    expected = {
        "01_empty.txt": "empty", "02_whitespace.txt": "whitespace", "03_binary.txt": "binary",
        "04_truncated_utf8.txt": "UTF-8", "19_latin1_not_vietnamese.txt": "UTF-8", "09_broken.jsonl#2": "JSON",
        "21_50mb.txt": "size cap", "slow": "Timeout", "missing": "404", "huge": "size cap",
    }
    for name, word in expected.items():
        assert name in errors, (name, sorted(errors))
        assert word.lower() in errors[name].lower(), (name, errors[name])
    rejected = {r["source"].rsplit("/", 1)[-1] for r in summary["rejected"]}
    assert {"10_no_vietnamese.txt", "20_only_punctuation.txt", "22_million_lines.txt"} & rejected
    # every good input of the same run is in the graph
    store = FalkorStore(settings)
    sources = {r[0].rsplit("/", 1)[-1] for r in store.read("MATCH (d:Document) RETURN d.source").rows}
    must = {f.name for f in CORPUS.glob("*.txt")} | {"05_windows1258.txt", "06_utf16.txt", "13_nfd.txt",
                                                     "14_zero_width.txt", "15_rtl_marks.txt", "16_bom_utf8.txt",
                                                     "09_broken.jsonl#1", "09_broken.jsonl#3", "good"}
    assert must <= sources, must - sources
    # names with NFD marks, zero-width and bidi characters were cleaned and linked like the clean text
    partners = {r[0] for r in store.read(
        "MATCH (d:Document)<-[:IN_DOCUMENT]-(:Mention)<-[:EVIDENCED_BY]-(:Partnership)-[:PARTNER]->(x) "
        "WHERE d.source ENDS WITH '13_nfd.txt' OR d.source ENDS WITH '15_rtl_marks.txt' RETURN x.id").rows}
    assert partners == {"LA-SV"}
    # streaming and caps kept memory bounded (the 2 GB body and the 50 MB file were never held whole)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 2000, peak_mb


def _replicate(dst: Path, copies: int) -> Path:
    dst.mkdir()
    for i in range(copies):
        for f in CORPUS.glob("*.txt"):
            shutil.copy(f, dst / f"{i:03d}_{f.name}")
    return dst


def _per_document(store: FalkorStore) -> dict[str, int]:
    res = store.read("MATCH (d:Document) OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(m:Mention)<-[r:EVIDENCED_BY]-() "
                     "RETURN d.source, count(r)", max_rows=100_000)
    return {src.rsplit("/", 1)[-1]: n for src, n in res.rows}


def _reference(folder: Path, settings) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    st = FalkorStore(settings.model_copy(update={"graph_name": settings.graph_name + "ref"}))
    try:
        loader = Loader(st)
        load_reference(loader, gazetteer())
        for item in read_path(folder, 5_000_000):
            loader.load_article(process(item))
        return graph_counts(st), _per_document(st)
    finally:
        st.clear()


def _wait_for_documents(store: FalkorStore, n: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if (store.read("MATCH (d:Document) RETURN count(d)").scalar() or 0) >= n:
                return
        except Exception:  # noqa: BLE001 - the graph may not exist yet
            pass
        time.sleep(0.05)


@pytest.mark.parametrize("victim", ["server", "cli"])
def test_kill_9_mid_ingest_leaves_no_half_loaded_article(tmp_path_factory, victim):
    _crash(tmp_path_factory, victim, copies=40)  # 200 articles


@pytest.mark.soak
@pytest.mark.parametrize("victim", ["server", "cli"])
def test_soak_kill_9_mid_ingest_of_the_corpus_repeated_200_times(tmp_path_factory, victim):
    _crash(tmp_path_factory, victim, copies=200)  # 1,000 articles


def _crash(tmp_path_factory, victim: str, copies: int) -> None:
    base = tmp_path_factory.mktemp(f"crash-{victim}", numbered=True)
    folder = _replicate(base / "corpus", copies)
    data = base / "data"
    from core.settings import load_settings

    settings = load_settings(data_dir=data, graph_name="g")
    ref_counts, ref_docs = _reference(folder, settings)
    watcher = FalkorStore(settings)
    watcher.ensure_schema()
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "ingest", str(folder)], cwd=ROOT,
                            env=_env(data, "g"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_documents(watcher, copies, proc)
        if victim == "server":
            EmbeddedServer(data).kill()
        else:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=300)
        # after the crash (and the restart the next call makes), every stored article is whole
        per_doc = _per_document(watcher)
        assert per_doc, "nothing was loaded before the kill"
        for name, n in per_doc.items():
            assert n == ref_docs[name], (name, n, ref_docs[name])
        # re-running completes the load with exactly the counts of a clean run
        again = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(folder)], cwd=ROOT, env=_env(data, "g"),
                               capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stderr[-2000:]
        assert graph_counts(watcher) == ref_counts
        assert _per_document(watcher) == ref_docs
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
        EmbeddedServer(data).stop()


def test_api_answers_503_then_recovers_while_the_server_restarts(tmp_path_factory, settings):
    data = tmp_path_factory.mktemp("restart", numbered=True)
    s = settings.model_copy(update={"data_dir": data})
    seed = FalkorStore(s)
    Loader(seed).load_batch(__import__("tests.test_store", fromlist=["synthetic_batch"]).synthetic_batch())
    passive = FalkorStore(s, autostart=False)  # an API that may not start the server itself
    active = FalkorStore(s)                    # one that restarts it on demand
    try:
        with TestClient(create_app(s, passive), raise_server_exceptions=False) as c1, \
                TestClient(create_app(s, active), raise_server_exceptions=False) as c2:
            assert c1.get("/stats").status_code == 200
            seed.server.kill()
            r = c1.get("/stats")
            assert r.status_code == 503 and int(r.headers["retry-after"]) > 0
            assert r.headers["content-type"].startswith("application/problem+json")
            ok = c2.get("/stats")  # the supervising store restarts the server and answers
            assert ok.status_code == 200 and ok.json()["nodes"]["ForeignLocality"] == 40
            assert c1.get("/stats").status_code == 200  # and the passive one recovers with it
    finally:
        seed.server.stop()


def test_concurrent_ingest_while_8_readers_use_the_api(tmp_path_factory):
    base = tmp_path_factory.mktemp("concurrent", numbered=True)
    folder = _replicate(base / "corpus", 10)
    data = base / "data"
    from core.settings import load_settings

    settings = load_settings(data_dir=data, graph_name="g")
    ref_counts, _ = _reference(folder, settings)
    store = FalkorStore(settings)
    store.ensure_schema()
    Loader(store).load_batch(__import__("graph.reference", fromlist=["reference_batch"]).reference_batch(gazetteer()))
    bad: list[tuple[str, int]] = []
    stop = threading.Event()
    paths = ["/provinces/VN-25/partners", "/search?q=quang", "/graph/neighborhood/CN-GX", "/stats", "/events",
             "/observations?province=VN-09", "/partners", "/provinces?current=true"]
    try:
        with TestClient(create_app(settings, store), raise_server_exceptions=False) as client:
            def reader(path: str) -> None:
                while not stop.is_set():
                    r = client.get(path)
                    if r.status_code not in (200, 404):
                        bad.append((path, r.status_code))
            threads = [threading.Thread(target=reader, args=(p,)) for p in paths]
            for t in threads:
                t.start()
            proc = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(folder)], cwd=ROOT,
                                  env=_env(data, "g"), capture_output=True, text=True, timeout=600)
            stop.set()
            for t in threads:
                t.join()
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert not bad, bad[:5]
        assert graph_counts(store) == ref_counts
    finally:
        stop.set()
        EmbeddedServer(data).stop()
