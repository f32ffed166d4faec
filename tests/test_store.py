"""The embedded store against the real FalkorDB server: lifecycle, durability, isolation, read-only."""

from __future__ import annotations

import threading
import time

import pytest

from core.errors import QueryRefused
from graph.embedded import EmbeddedServer
from graph.falkor_store import FalkorStore
from graph.loader import Batch, Loader
from graph.schema import load_schema
from graph.stats import graph_counts


def synthetic_batch(n_provinces: int = 5, n_partners: int = 40, offset: int = 0) -> Batch:
    b = Batch(load_schema())
    for i in range(n_provinces):
        b.node("VietnameseProvince", f"VN-T{i}", {"name": f"Tỉnh {i}", "curated": True})
    for j in range(n_partners):
        pid = f"place-{offset + j}"
        b.node("ForeignLocality", pid, {"name": f"Nơi {offset + j}", "country": "LA"})
        prov = f"VN-T{j % n_provinces}"
        b.rel("PARTNERS_WITH", prov, pid, {"since": "2023", "evidence_count": 1})
        b.rel("PARTNERS_WITH", f"VN-T{(j + 1) % n_provinces}", pid, {"since": "2024"})
    return b


def test_start_stop_and_reuse(tmp_path_factory):
    d = tmp_path_factory.mktemp("srv", numbered=True)
    a, b = EmbeddedServer(d), EmbeddedServer(d)
    try:
        assert a.start() is True
        pid = a.pid()
        assert b.start() is False, "a second process must reuse the running server"
        assert b.pid() == pid
        assert oct((d / "falkordb" / "secret").stat().st_mode & 0o777) == "0o600"
        assert a.socket.exists() and (a.socket.stat().st_mode & 0o077) == 0, "socket must be private"
    finally:
        assert a.stop() is True
    assert not b.is_running()


@pytest.mark.engines("embedded")  # the FalkorDB server process and its 4.16 crash
def test_wrong_password_is_refused(settings, store):
    store.read("RETURN 1")
    import redis

    conn = redis.Redis(unix_socket_path=str(store.server.socket), password="not-the-secret")
    with pytest.raises(redis.AuthenticationError):
        conn.ping()


def test_idempotent_batched_upsert(store, settings):
    loader = Loader(store, batch_size=7)  # several batches per label
    loader.load_batch(synthetic_batch())
    first = graph_counts(store)
    loader.load_batch(synthetic_batch())
    assert graph_counts(store) == first
    assert first["nodes"]["ForeignLocality"] == 40
    assert first["relationships"]["PARTNERS_WITH"] == 80


def test_read_path_refuses_writes_in_the_engine(store):
    store.read("RETURN 1")
    with pytest.raises(QueryRefused):
        store.read("CREATE (:Country {id: 'XX'})")
    assert store.read("MATCH (n) RETURN count(n)").scalar() == 0


def test_kill_9_loses_nothing_acknowledged(tmp_path_factory, settings):
    d = tmp_path_factory.mktemp("kill", numbered=True)
    s = settings.model_copy(update={"data_dir": d})
    store = FalkorStore(s)
    try:
        Loader(store).load_batch(synthetic_batch())
        before = graph_counts(store)
        store.server.kill()
        assert not store.server.is_running()
        # the next call restarts the server and replays the append-only file
        assert graph_counts(store) == before
    finally:
        store.server.stop()


@pytest.mark.engines("embedded")  # the FalkorDB server process and its 4.16 crash
def test_readers_during_batched_ingest_do_not_crash(store, settings):
    """8 readers run multi-hop queries while a writer loads batches for 60 s (the 4.16 crash scenario)."""
    _readers_during_ingest(store, float(__import__("os").environ.get("PROVKG_CONCURRENCY_SECONDS", "60")))


@pytest.mark.soak
@pytest.mark.engines("embedded")
def test_soak_readers_during_ingest_for_ten_minutes(store):
    _readers_during_ingest(store, 600)


def _readers_during_ingest(store, seconds: float) -> None:
    loader = Loader(store, batch_size=50)
    loader.load_batch(synthetic_batch())
    stop = time.monotonic() + seconds
    errors: list[BaseException] = []
    reads = [0]

    def reader() -> None:
        try:
            while time.monotonic() < stop:
                store.read("MATCH (p:VietnameseProvince)-[:PARTNERS_WITH]->(x)<-[:PARTNERS_WITH]-(q) "
                           "WHERE p <> q RETURN p.id, q.id, count(x) ORDER BY p.id LIMIT 50")
                reads[0] += 1
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    def writer() -> None:
        i = 1
        try:
            while time.monotonic() < stop:
                loader.load_batch(synthetic_batch(offset=i * 40))
                i += 1
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(8)] + [threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    assert store.server.is_running()
    assert reads[0] > 100
    assert store.read("MATCH (n:ForeignLocality) RETURN count(n)").scalar() >= 80


@pytest.mark.engines("embedded")  # the FalkorDB server process and its AOF
def test_a_fresh_schema_survives_a_restart(tmp_path_factory, settings):
    """FalkorDB logs a new unique constraint twice; without the compaction that follows, the restarted
    server aborted its AOF replay on "Constraint already exists" and never came back."""
    data = tmp_path_factory.mktemp("schema-restart", numbered=True)
    s = settings.model_copy(update={"data_dir": data})
    st = FalkorStore(s)
    st.ensure_schema()
    Loader(st).load_batch(synthetic_batch())
    st.ensure_schema()  # a second call finds the constraint and creates nothing
    before = graph_counts(st)
    st.server.stop()
    again = FalkorStore(s)
    try:
        assert graph_counts(again) == before
        log = (again.server.dir / "redis.log").read_text(encoding="utf-8", errors="replace")
        assert "Constraint already exists" not in log
    finally:
        again.server.stop()
