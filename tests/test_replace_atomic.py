"""Issue 15: a new version of a stored article that fails part-way leaves the old version whole.

The article goes in through `POST /ingest` (the path a user takes); the failure is the engine's own,
not a mock: on the embedded store a per-query memory cap the new version's document is too big
for (FalkorDB runs the rest of a MULTI/EXEC after one statement fails, and had already deleted the
old version's facts); on Neo4j the write blocks behind another transaction's lock and an operator
terminates it (`TERMINATE TRANSACTIONS`) mid-way.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import load_api_settings

from .conftest import CORPUS

KEY = {"X-API-Key": "k-replace"}
URL = "https://example.org/replaced-article"
NODES = "MATCH (n) RETURN labels(n), properties(n)"
RELS = "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)"
EVIDENCE = """
MATCH (f:Partnership)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document {id: $doc})
RETURN f.id, f.evidence_count, m.text, m.start, m.end, d.content_hash ORDER BY f.id, m.start
"""


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def graph_state(store) -> tuple[Counter, Counter]:
    """Every node (labels and properties) and every relationship (type, ends, properties)."""
    nodes = Counter(_frozen([sorted(r[0]), r[1]]) for r in store.read(NODES, max_rows=10**6).rows)
    rels = Counter(_frozen(r) for r in store.read(RELS, max_rows=10**6).rows)
    return nodes, rels


@contextmanager
def engine_refuses_big_statements(store):
    """The embedded engine's per-query memory cap, lowered so a ~170 kB document cannot be written."""
    conn = store._graph().client.connection
    old = conn.execute_command("GRAPH.CONFIG", "GET", "QUERY_MEM_CAPACITY")[1]
    conn.execute_command("GRAPH.CONFIG", "SET", "QUERY_MEM_CAPACITY", 512 * 1024)
    try:
        yield
    finally:
        conn.execute_command("GRAPH.CONFIG", "SET", "QUERY_MEM_CAPACITY", old)


@contextmanager
def operator_terminates_the_write(store, doc_id: str):
    """Holds the Document's write lock in another transaction; the loader's transaction, once it has
    run its first statements and waits for that lock, is terminated as an operator would."""
    done = threading.Event()
    with store.driver.session(database=store.database) as s:
        blocker = s.begin_transaction()
        blocker.run("MATCH (d:Document {id: $id}) SET d.title = d.title", id=doc_id).consume()
        own = {r["transactionId"] for r in blocker.run(
            "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery STARTS WITH 'SHOW'").data()}

        def terminate() -> None:
            with store.driver.session(database=store.database) as admin:
                while not done.is_set():
                    blocked = [r["transactionId"] for r in admin.run(
                        "SHOW TRANSACTIONS YIELD transactionId, status WHERE status STARTS WITH 'Blocked'").data()
                        if r["transactionId"] not in own]
                    if blocked:
                        admin.run("TERMINATE TRANSACTIONS $ids", ids=blocked).consume()
                        return
                    time.sleep(0.05)

        t = threading.Thread(target=terminate, daemon=True)
        t.start()
        try:
            yield
        finally:
            done.set()
            t.join(timeout=10)
            blocker.rollback()


def test_a_failed_new_version_keeps_the_old_one_whole(store):
    text = sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8")
    app = create_app(store.settings, store, load_api_settings(api_key=KEY["X-API-Key"], rate_limit_per_minute=1000))
    with TestClient(app, raise_server_exceptions=False) as c:
        first = c.post("/ingest", json={"text": text, "url": URL}, headers=KEY)
        assert first.status_code == 200 and first.json()["loaded"], first.text
        doc_id = first.json()["document"]
        before = graph_state(store)
        evidence = store.read(EVIDENCE, {"doc": doc_id}).rows
        assert evidence, "the old version evidences at least one partnership"
        stored = c.get(f"/documents/{doc_id}").json()

        # a new version: one more paragraph, and text enough to be over the engine's cap
        new = text + "\n\nBài viết được cập nhật.\n" + ("Thông tin bổ sung về thời tiết trong ngày. " * 3000)
        failing = (engine_refuses_big_statements(store) if store.kind == "embedded"
                   else operator_terminates_the_write(store, doc_id))
        with failing:
            second = c.post("/ingest", json={"text": new, "url": URL}, headers=KEY)
        assert second.status_code >= 400, second.text
        assert second.headers["content-type"].startswith("application/problem+json")

        after = graph_state(store)
        assert after[0] == before[0], "nodes differ from the old version's graph"
        assert after[1] == before[1], "relationships differ from the old version's graph"
        assert store.read(EVIDENCE, {"doc": doc_id}).rows == evidence
        assert c.get(f"/documents/{doc_id}").json() == stored

        # and the new version still loads once the engine lets it
        third = c.post("/ingest", json={"text": new, "url": URL}, headers=KEY)
        assert third.status_code == 200 and third.json()["loaded"], third.text
        assert store.read("MATCH (d:Document {id: $doc}) RETURN size(d.content)", {"doc": doc_id}).scalar() > len(text)
