"""Issue 15 #10, #14-16 and issue 14: the API checks the key and the body size before a route reads
the body, limits failed authentications, trusts forwarded headers only from configured proxies,
answers HEAD/OPTIONS, turns bad parameters into 4xx naming the field, documents its problems."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from api.app import create_app, uvicorn_options
from api.settings import load_api_settings

from .conftest import ROOT


@pytest.fixture(scope="module")
def app(loaded_store):
    return create_app(loaded_store.settings, loaded_store,
                      load_api_settings(api_key="k-guard", rate_limit_per_minute=1000, max_body_bytes=10_000))


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _post_chunked(app, path: str, headers: dict[str, str], chunks: int) -> tuple[int, int]:
    """Drive the ASGI app with a chunked body (no Content-Length); (status, chunks the app pulled)."""
    import asyncio

    pulled = [0]
    sent: list[dict] = []

    async def receive():
        pulled[0] += 1
        more = pulled[0] < chunks
        return {"type": "http.request", "body": b"x" * 4096, "more_body": more}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 80), "app": app}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], pulled[0]


def test_a_chunked_body_is_cut_at_the_cap_not_read_whole(app, client):
    status, pulled = _post_chunked(app, "/ingest", {"X-API-Key": "k-guard", "Content-Type": "application/json"},
                                   chunks=1200)  # ~5 MB offered
    assert status == 413
    assert pulled <= 4  # 10 kB cap: three 4 kB chunks, not 1,200


def test_the_key_is_checked_before_the_body_is_read(app, client):
    status, pulled = _post_chunked(app, "/ingest", {"Content-Type": "application/json"}, chunks=1200)
    assert status == 401
    assert pulled == 0


def test_failed_authentications_are_rate_limited(loaded_store):
    app = create_app(loaded_store.settings, loaded_store, load_api_settings(api_key="k-x", rate_limit_per_minute=1000))
    with TestClient(app, raise_server_exceptions=False) as c:
        codes = [c.post("/cypher", json={"query": "RETURN 1"}, headers={"X-API-Key": f"guess{i}"}).status_code
                 for i in range(30)]
        assert codes[:10] == [401] * 10 and set(codes[10:]) == {429}
        # the right key is refused too while the client is blocked: guessing cannot go on beside it
        assert c.post("/cypher", json={"query": "RETURN 1"}, headers={"X-API-Key": "k-x"}).status_code == 429


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_forwarded_headers_are_not_trusted_by_default(loaded_store):
    api = load_api_settings(api_key="k-f", rate_limit_per_minute=5)
    app = create_app(loaded_store.settings, loaded_store, api)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           **uvicorn_options(api)))
    t = threading.Thread(target=server.run)
    t.start()
    try:
        while not server.started:
            time.sleep(0.05)
        codes = [httpx.post(f"http://127.0.0.1:{port}/cypher", json={"query": "RETURN 1"},
                            headers={"X-API-Key": "k-f", "X-Forwarded-For": f"10.0.0.{i}"}).status_code
                 for i in range(10)]
    finally:
        server.should_exit = True
        t.join()
    assert codes.count(200) == 5 and codes.count(429) == 5, codes


def test_head_and_options(client):
    r = client.head("/provinces")
    assert r.status_code == 200 and r.content == b""
    r = client.options("/provinces")
    assert r.status_code == 204 and "GET" in r.headers["allow"] and "HEAD" in r.headers["allow"]
    assert client.options("/nowhere").status_code == 404


@pytest.mark.parametrize(("params", "field"), [
    ({"`": 1}, "`"), ({"": 1}, "''"), ({"x": 10**40}, "x"), ({"x": "a\x00b"}, "x"),
    ({"x": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}, "x"),
])
def test_bad_cypher_parameters_are_422_naming_the_field(client, params, field):
    r = client.post("/cypher", json={"query": "RETURN 1", "params": params}, headers={"X-API-Key": "k-guard"})
    assert r.status_code == 422, r.text
    assert field in r.json()["detail"]


def test_a_nul_in_an_id_is_a_4xx_not_the_engine_text(client):
    r = client.get("/provinces/VN%0025")
    assert r.status_code in (404, 422), r.text
    assert "errCtx" not in r.text and "QueryFailed" not in r.text


def test_openapi_documents_problem_json_and_4xx(client):
    spec = client.get("/openapi.json").json()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            for code in ("400", "404", "422"):
                assert code in op["responses"], (method, path, code)
                assert "application/problem+json" in op["responses"][code]["content"], (method, path, code)
    assert "Problem" in spec["components"]["schemas"]


def test_serve_says_the_port_is_taken():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        p = subprocess.run([sys.executable, "-m", "cli.main", "serve", "--port", str(port)], capture_output=True,
                           text=True, cwd=ROOT, timeout=60, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"})
    assert p.returncode == 2
    assert "taken" in p.stderr and "PORT=" in p.stderr and "Errno" not in p.stderr
