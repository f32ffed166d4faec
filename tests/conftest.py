"""Fixtures: one real embedded FalkorDB server per test session, a fresh graph per test."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import load_settings
from graph.embedded import EmbeddedServer
from graph.falkor_store import FalkorStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PROVKG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


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


@pytest.fixture
def store(settings) -> Iterator[FalkorStore]:
    st = FalkorStore(settings)
    yield st
    st.clear()
    st.close()


def pytest_collection_modifyitems(config, items):
    if os.environ.get("NEO4J_URI"):
        return
    skip = pytest.mark.skip(reason="NEO4J_URI is not set")
    for item in items:
        if "neo4j" in item.keywords:
            item.add_marker(skip)


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


@pytest.fixture(scope="session")
def loaded_store(data_dir: Path) -> Iterator[FalkorStore]:
    """One graph with the reference data and the five sample articles, shared read-only by many tests."""
    st = FalkorStore(load_settings(data_dir=data_dir, graph_name="sample" + uuid.uuid4().hex[:8]))
    load_sample(st)
    yield st
    st.clear()
    st.close()


@pytest.fixture(scope="session")
def fixture_store(data_dir: Path) -> Iterator[FalkorStore]:
    """The hand-written fixture graph (tests/fixtures/graph.json), shared read-only by query and API tests."""
    from tests.fixture_graph import load_fixture

    st = FalkorStore(load_settings(data_dir=data_dir, graph_name="fixture" + uuid.uuid4().hex[:8]))
    load_fixture(st)
    yield st
    st.clear()
    st.close()
