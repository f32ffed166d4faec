"""Issue 14: what the CLI says is what it did (extract writes, unchanged articles reload nothing),
the JSONL fields are in --help, the guard lets honest queries through."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import CORPUS, ROOT, store_env


def _cli(*args, settings=None, env_extra=None):
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "80"}
    if settings is not None:
        env.update({"PROVKG_DATA_DIR": str(settings.data_dir), "PROVKG_GRAPH_NAME": settings.graph_name})
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)


def test_extract_says_written_not_loaded(tmp_path):
    p = _cli("extract", str(sorted(CORPUS.glob("*.txt"))[0]), "--out", str(tmp_path / "o"))
    assert p.returncode == 0, p.stderr
    assert "written: 1" in p.stdout and "loaded" not in p.stdout


def test_reingest_of_an_unchanged_article_reports_no_facts_loaded(settings, store):
    one = str(sorted(CORPUS.glob("*.txt"))[0])
    first = json.loads(_cli("ingest", one, "--format", "json", settings=settings).stdout)
    assert first["loaded"] == 1 and first["facts"]["partners"] >= 1
    again = _cli("ingest", one, settings=settings)
    assert "loaded: 0" in again.stdout and "unchanged: 1" in again.stdout
    assert "none reloaded" in again.stdout and "partners" not in again.stdout
    again_json = json.loads(_cli("ingest", one, "--format", "json", settings=settings).stdout)
    assert again_json["facts"] == {}


def test_ingest_help_documents_the_jsonl_fields():
    p = _cli("ingest", "--help", env_extra={"COLUMNS": "200"})
    for field in ('"text"', '"url"', '"title"', '"published"'):
        assert field in p.stdout, p.stdout


def test_cli_cypher_runs_honest_queries_that_look_like_writes(loaded_store):
    for q in ("MATCH (m:Mention) RETURN m.start LIMIT 1", "MATCH (n:Country) RETURN n.`CREATE` LIMIT 1",
              "MATCH (n:Country) WHERE n.name <> 'DELETE' RETURN n.set LIMIT 1"):
        p = _cli("cypher", q, settings=loaded_store.settings)
        assert p.returncode == 0, (q, p.stderr)


def test_piped_tables_are_not_cut_at_80_columns(loaded_store):
    q = "MATCH (m:Mention) RETURN m.id, m.text, m.doc_id ORDER BY size(m.text) DESC LIMIT 3"
    p = _cli("cypher", q, env_extra=store_env(loaded_store))  # the engine the fixture is on
    assert p.returncode == 0, p.stderr
    longest = loaded_store.read(q).rows[0][1]
    assert longest in p.stdout  # the whole sentence, on one line
    assert "…" not in p.stdout
