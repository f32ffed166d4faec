"""Issue 15 #6-7: an article's write is all-or-nothing, and one bad JSONL line is only its own error."""

from __future__ import annotations

import json

import pytest

from core.errors import InputError, QueryFailed
from graph.loader import Loader
from graph.reference import load_reference
from ingest.gazetteer import gazetteer
from ingest.pipeline import process
from ingest.read import read_path

from .conftest import CORPUS

ORPHANS = ("MATCH (m:Mention) WHERE NOT (m)-[:IN_DOCUMENT]->(:Document) RETURN count(m)")


def _article_with_nul(tmp_path):
    text = sorted(CORPUS.glob("*.txt"))[1].read_text(encoding="utf-8")
    assert len(text.encode()) > 5000
    cut = text.index("\n", 4500)
    f = tmp_path / "nul.txt"
    f.write_text(text[:cut] + "\x00" + text[cut:], encoding="utf-8")
    return f


def test_a_nul_after_the_first_4k_leaves_no_half_loaded_article(store, tmp_path):
    loader = Loader(store)
    load_reference(loader, gazetteer())
    items = list(read_path(_article_with_nul(tmp_path), 5_000_000))
    for item in items:
        if isinstance(item, InputError):
            continue
        try:
            loader.load_article(process(item))
        except InputError:
            pass
    assert store.read(ORPHANS).scalar() == 0
    docs = store.read("MATCH (d:Document) RETURN count(d)").scalar()
    facts = store.read("MATCH (f)-[:EVIDENCED_BY]->(:Mention) RETURN count(DISTINCT f)").scalar()
    assert (docs, facts) == (0, 0) or (docs == 1 and facts > 0)


def test_a_failing_statement_rolls_the_whole_article_back(store):
    """A statement the engine rejects mid-transaction (MULTI/EXEC does not roll back): compensated."""
    loader = Loader(store)
    load_reference(loader, gazetteer())
    item = next(i for i in read_path(sorted(CORPUS.glob("*.txt"))[0], 5_000_000))
    facts = process(item)
    before = store.read("MATCH (n) RETURN count(n)").scalar()
    from graph import loader as L

    stmts, batch = L.article_write(facts, loader.schema, loader.batch_size)
    broken = stmts[:5] + [("RETURN 1 + 'x' + toInteger([1])", {})] + stmts[5:]
    with pytest.raises(QueryFailed):
        store.write(broken, compensate=L.article_undo(facts.document.id, batch))
    assert store.read(ORPHANS).scalar() == 0
    assert store.read("MATCH (n) RETURN count(n)").scalar() == before


def test_one_bad_jsonl_line_is_its_own_error_and_the_others_load(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    lines = [json.dumps({"text": t, "url": f"https://example.org/{i}"}, ensure_ascii=False)
             for i, t in enumerate(texts)]
    lines.insert(2, json.dumps({"text": texts[0], "url": 123}))
    lines.insert(3, json.dumps({"text": texts[0], "published": ["x"]}))
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(f, 5_000_000))
    errors = [i for i in items if isinstance(i, InputError)]
    good = [i for i in items if not isinstance(i, InputError)]
    assert len(good) == 5 and len(errors) == 2
    assert "#3" in str(errors[0]) and "url" in str(errors[0])
    assert "#4" in str(errors[1]) and "published" in str(errors[1])
