"""Data flows one way: core <- ingest, core <- graph, and only api/cli/bench wire them together."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# what each package may import from the project; everything else is a back door
ALLOWED = {
    "core": {"core"},
    "ingest": {"core", "ingest"},
    "graph": {"core", "graph", "queries"},
    "api": {"core", "graph", "ingest", "api", "queries", "web"},
    "web": {"web"},
    "cli": {"core", "graph", "ingest", "api", "cli", "queries"},
}
PROJECT = {"core", "graph", "ingest", "api", "cli", "queries", "web", "bench", "tests"}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & PROJECT


def sources(package: str) -> list[Path]:
    return [p for p in (ROOT / package).rglob("*.py") if "data/build" not in p.as_posix()]


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_follow_the_data_flow(package):
    crossings = {}
    for path in sources(package):
        bad = imported_packages(path) - ALLOWED[package]
        if bad:
            crossings[path.relative_to(ROOT).as_posix()] = sorted(bad)
    assert not crossings, f"{package}/ imports what it must not: {crossings}"


def test_the_checker_sees_a_crossing(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import os\nfrom ingest.read import read_all\n\ndef f():\n    from graph import store\n")
    assert imported_packages(probe) == {"ingest", "graph"}


def _is_model(node: ast.ClassDef) -> bool:
    return any(getattr(b, "id", getattr(b, "attr", "")) in ("BaseModel", "Model") for b in node.bases)


def test_each_model_is_declared_once():
    """A pydantic shape has one name in the project: api/schemas.py builds on core.models instead of
    re-declaring the shapes the pipeline defines."""
    declared: dict[str, list[str]] = {}
    for package in ALLOWED:
        for path in sources(package):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef) and _is_model(node):
                    declared.setdefault(node.name, []).append(path.relative_to(ROOT).as_posix())
    twice = {name: where for name, where in declared.items() if len(where) > 1}
    assert not twice, twice
