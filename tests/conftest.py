"""Fixtures: every store test runs on both engines.

`store` (an empty graph per test), `loaded_store` (the sample corpus through the real pipeline) and
`fixture_store` (the hand-written tests/fixtures/graph.json), the last two shared read-only by many
tests, are parametrised over ENGINES through the session-scoped `engine` fixture:

- embedded: one real FalkorDB server per session; a graph of its own per test (graphs are cheap).
- neo4j: the server NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE point at (`make
  neo4j-start; source data/neo4j/neo4j.env`). Community edition has one user database, so the
  Neo4j tests are ordered by what they need it to hold (sample, then fixture graph, then empty:
  `pytest_collection_modifyitems`) and each content is loaded once; a test that still finds the
  wrong content gets it loaded first. The database is wiped, so a non-empty one is refused unless
  PROVKG_TEST_NEO4J_WIPE=1.

Without NEO4J_URI the neo4j half is skipped with the reason; under CI=true it fails instead, since CI
must run both. `@pytest.mark.engines("embedded")` keeps an engine-specific test on one engine.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.settings import load_settings
from graph.embedded import EmbeddedServer
from graph.falkor_store import FalkorStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PROVKG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
ENGINES = ("embedded", "neo4j")


def pytest_configure(config):
    config.addinivalue_line("markers", "engines(*kinds): run this store test on these engines only")


def pytest_generate_tests(metafunc):
    if "engine" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("engines")
    kinds = marker.args if marker else ENGINES
    metafunc.parametrize("engine", kinds, indirect=True, scope="session")


def _engine_of(item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("engine") if callspec else None


def neo4j_content(item) -> str | None:
    """What a Neo4j test needs the one database to hold: "sample", "fixture", "empty", or None."""
    names = set(getattr(item, "fixturenames", ()))
    on_neo4j = _engine_of(item) == "neo4j"
    if "neo4j_empty" in names or (on_neo4j and "store" in names):
        return "empty"
    if "neo4j_fixture" in names or (on_neo4j and "fixture_store" in names):
        return "fixture"
    if "neo4j_loaded" in names or (on_neo4j and "loaded_store" in names):
        return "sample"
    return None


_ORDER = {None: 0, "sample": 0, "fixture": 1, "empty": 2}


@pytest.hookimpl(trylast=True)  # after pytest has grouped the items by their session parameters
def pytest_collection_modifyitems(config, items):
    # one user database on Neo4j community: load each content once (a stable sort keeps the rest in order)
    # the cross-engine comparisons first, before any test (e.g. fuzzing POST /ingest) adds to a sample
    def key(item) -> int:
        names = set(getattr(item, "fixturenames", ()))
        return -1 if {"neo4j_loaded", "embedded_loaded"} <= names else _ORDER[neo4j_content(item)]

    items.sort(key=key)
    if os.environ.get("NEO4J_URI"):
        return
    skip = pytest.mark.skip(reason="NEO4J_URI is not set (make neo4j-start; source data/neo4j/neo4j.env)")
    for item in items:
        # the marker, not item.keywords: keywords also hold directory names (this worktree is "neo4j")
        if item.get_closest_marker("neo4j") or neo4j_content(item) or _engine_of(item) == "neo4j":
            item.add_marker(skip)


@pytest.fixture(scope="session")
def engine(request) -> str:
    kind = request.param
    if kind == "neo4j" and not os.environ.get("NEO4J_URI"):
        if os.environ.get("CI"):
            pytest.fail("CI must run every store test on Neo4j too, but NEO4J_URI is not set")
        pytest.skip("NEO4J_URI is not set (make neo4j-start; source data/neo4j/neo4j.env)")
    return kind


@pytest.fixture(scope="session")
def data_dir() -> Iterator[Path]:
    # short path: the server's unix socket lives under it
    d = Path(tempfile.mkdtemp(prefix="pk"))
    yield d
    EmbeddedServer(d).stop()
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def settings(data_dir: Path):
    return load_settings(data_dir=data_dir, graph_name="t" + uuid.uuid4().hex[:12])


def load_sample(store) -> None:
    """The reference data and the five sample articles, through the same loader as `provkg ingest`."""
    from graph.loader import Loader
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer
    from ingest.pipeline import process
    from ingest.read import read_path

    loader = Loader(store)
    load_reference(loader, gazetteer())
    for item in read_path(CORPUS, 5_000_000):
        loader.load_article(process(item))


def store_env(store) -> dict[str, str]:
    """Environment for a `provkg` subprocess that should use the same store as `store`."""
    s = store.settings
    env = {"PROVKG_DATA_DIR": str(s.data_dir), "PROVKG_GRAPH_NAME": s.graph_name, "PROVKG_STORE": store.kind}
    if store.kind == "neo4j":
        env.update({"NEO4J_URI": s.neo4j_uri or "", "NEO4J_USER": s.neo4j_user, "NEO4J_DATABASE": s.neo4j_database,
                    "NEO4J_PASSWORD": s.neo4j_password.get_secret_value() if s.neo4j_password else ""})
    return env


def load_fixture_graph(store) -> None:
    from tests.fixture_graph import load_fixture

    load_fixture(store)


class Neo4jBackend:
    """The one Neo4j database the session shares, and what it holds now."""

    LOADERS = {"sample": load_sample, "fixture": load_fixture_graph}

    def __init__(self, data_dir: Path) -> None:
        from graph.neo4j_store import Neo4jStore

        self.store = Neo4jStore(load_settings(store="neo4j", data_dir=data_dir))
        self.holds = "other"

    def empty(self) -> Any:
        self.store.clear()
        self.holds = "other"
        return self.store

    def holding(self, content: str) -> Any:
        if content == "empty":
            return self.empty()
        if self.holds != content:
            self.store.clear()
            self.store.ensure_schema()
            self.LOADERS[content](self.store)
            self.holds = content
        return self.store


@pytest.fixture(scope="session")
def neo4j_backend(data_dir: Path) -> Iterator[Neo4jBackend]:
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI is not set")
    backend = Neo4jBackend(data_dir)
    if backend.store.read("MATCH (n) RETURN count(n)").scalar() and os.environ.get("PROVKG_TEST_NEO4J_WIPE") != "1":
        backend.store.close()
        pytest.fail("the Neo4j database NEO4J_URI points at is not empty; the tests wipe it, so set "
                    "PROVKG_TEST_NEO4J_WIPE=1 to allow that")
    backend.store.ensure_schema()
    yield backend
    backend.store.clear()
    backend.store.close()


@pytest.fixture(scope="session")
def embedded_loaded(data_dir: Path) -> Iterator[FalkorStore]:
    st = FalkorStore(load_settings(data_dir=data_dir, graph_name="sample" + uuid.uuid4().hex[:8]))
    load_sample(st)
    yield st
    st.clear()
    st.close()


@pytest.fixture(scope="session")
def embedded_fixture(data_dir: Path) -> Iterator[FalkorStore]:
    st = FalkorStore(load_settings(data_dir=data_dir, graph_name="fixture" + uuid.uuid4().hex[:8]))
    load_fixture_graph(st)
    yield st
    st.clear()
    st.close()


@pytest.fixture(scope="session")
def neo4j_loaded(neo4j_backend: Neo4jBackend):
    return neo4j_backend.holding("sample")


@pytest.fixture(scope="session")
def neo4j_fixture(neo4j_backend: Neo4jBackend):
    return neo4j_backend.holding("fixture")


@pytest.fixture(autouse=True)
def _neo4j_content_in_place(request):
    """Puts the content a Neo4j test needs in place should the ordering not have done it (the
    session fixtures above load it only once)."""
    content = neo4j_content(request.node)
    if content in ("sample", "fixture"):
        request.getfixturevalue("neo4j_backend").holding(content)


@pytest.fixture(scope="session")
def loaded_store(engine: str, request):
    """One graph with the reference data and the five sample articles, shared read-only by many tests."""
    return request.getfixturevalue(f"{engine}_loaded")


@pytest.fixture(scope="session")
def fixture_store(engine: str, request):
    """The hand-written fixture graph (tests/fixtures/graph.json), shared read-only by query and API tests."""
    return request.getfixturevalue(f"{engine}_fixture")


@pytest.fixture
def neo4j_empty(neo4j_backend: Neo4jBackend):
    return neo4j_backend.holding("empty")


@pytest.fixture
def store(engine: str, request) -> Iterator[Any]:
    """An empty graph of its own (embedded) or the emptied Neo4j database."""
    if engine == "neo4j":
        st = request.getfixturevalue("neo4j_empty")
        yield st
        st.clear()
        return
    st = FalkorStore(request.getfixturevalue("settings"))
    yield st
    st.clear()
    st.close()
