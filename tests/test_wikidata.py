"""Partnerships as Wikidata P190 twinning statements and QuickStatements; nothing is uploaded."""

from __future__ import annotations

from pathlib import Path

from graph.loader import Loader
from graph.wikidata import p190_triples, quickstatements, read_known, twinnings
from tests.conftest import CORPUS


def _load_with_urls(store) -> None:
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer
    from ingest.pipeline import process
    from ingest.read import read_path

    loader = Loader(store)
    load_reference(loader, gazetteer())
    for n, item in enumerate(read_path(CORPUS, 5_000_000)):
        loader.load_article(process(item.model_copy(update={"url": f"https://news.example.org/article-{n}"})))


def test_twinnings_are_between_provinces_and_foreign_localities_with_qids(loaded_store):
    items = twinnings(loaded_store)
    assert items
    kinds = loaded_store.read(
        "UNWIND $q AS q MATCH (x:Entity {wikidata: q}) RETURN DISTINCT [l IN labels(x) WHERE l <> 'Entity'][0]",
        {"q": sorted({t.partner_qid for t in items})}).rows
    assert {k[0] for k in kinds} == {"ForeignLocality"}
    # Quảng Trị – Savannakhet is in the sample: both directions, as Wikidata keeps P190
    triples = set(p190_triples(items))
    sv, qt = "http://www.wikidata.org/entity/Q465940", "http://www.wikidata.org/entity/Q36579"
    p190 = "http://www.wikidata.org/prop/direct/P190"
    assert (qt, p190, sv) in triples and (sv, p190, qt) in triples


def test_quickstatements_cite_the_evidence_and_skip_known_pairs(store, tmp_path: Path):
    _load_with_urls(store)
    items = twinnings(store)
    lines = list(quickstatements(items))
    assert len(lines) == 2 * len(items)
    for line in lines:
        subject, prop, value, ref_prop, url, _note = line.split("\t")
        assert subject.startswith("Q") and value.startswith("Q") and prop == "P190"
        assert ref_prop == "S854" and url.startswith('"https://news.example.org/article-')
    qt_sv = "Q36579\tP190\tQ465940\tS854\t"
    assert any(line.startswith(qt_sv) for line in lines)
    known_file = tmp_path / "known.tsv"
    known_file.write_text("a\tb\nhttp://www.wikidata.org/entity/Q465940\thttp://www.wikidata.org/entity/Q36579\n")
    known = read_known(known_file)
    assert known == {frozenset({"Q465940", "Q36579"})}
    fewer = list(quickstatements(items, known))
    assert len(fewer) == len(lines) - 2 and not any(line.startswith(qt_sv) for line in fewer)
