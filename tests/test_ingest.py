"""Ingest end to end on the real embedded store: evidence everywhere, idempotence, replacement,
per-file errors that never stop the rest."""

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from core.models import RawArticle
from graph.loader import Loader
from graph.stats import graph_counts
from ingest.pipeline import process
from ingest.read import read_path

from .conftest import CORPUS, GOLD, ROOT, SHARED


def cp1258(text: str) -> bytes:
    """Windows-1258: base letters precomposed (â, ơ, ư…), the five tone marks as combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append(base + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


def load_corpus(store, path=CORPUS):
    loader = Loader(store)
    return [loader.load_article(process(item)) for item in read_path(path, 5_000_000)]


def test_corpus_loads_with_evidence_on_every_fact(store):
    extracted = [process(item) for item in read_path(CORPUS, 5_000_000)]
    assert load_corpus(store) == [True] * 5
    res = store.read("MATCH (f) WHERE f:Partnership OR f:Agreement OR f:Event OR f:Observation "
                     "OPTIONAL MATCH (f)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document) "
                     "RETURN count(DISTINCT f), count(DISTINCT CASE WHEN m IS NULL THEN f END)")
    total, without = res.rows[0]
    assert without == 0
    # every extracted partner, agreement, event and figure is a fact node (same-id facts merge into one)
    assert 0 < total <= sum(len(f.partners) + len(f.agreements) + len(f.events) + len(f.observations)
                            for f in extracted)
    # evidence offsets point at the evidence text in the original article
    row = store.read("MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document) RETURN m.text, m.start, m.end, d.source "
                     "LIMIT 20").rows
    for text, start, end, source in row:
        assert Path(source).read_text(encoding="utf-8")[start:end] == text


def test_quang_tri_partners_include_its_lao_and_thai_provinces(store):
    load_corpus(store)
    res = store.read("MATCH (p:VietnameseProvince {id: 'VN-25'})-[:PARTNERS_WITH]->(x) RETURN x.id")
    got = {r[0] for r in res.rows}
    assert {"LA-SV", "LA-SL", "LA-XE", "LA-CH", "TH-49"} <= got
    assert "LA" not in got, "Laos only places Savannakhet; it is not a partner"


def test_reingest_is_a_no_op_and_changed_article_replaces_its_facts(store, tmp_path):
    load_corpus(store)
    before = graph_counts(store)
    assert load_corpus(store) == [False] * 5
    assert graph_counts(store) == before
    # change one article: its old facts go, the new ones come, the others stay
    src = next(CORPUS.glob("002_*.txt"))
    text = src.read_text(encoding="utf-8").replace("ký kết 10 thỏa thuận", "ký kết 12 thỏa thuận")
    raw = RawArticle(source=str(src), text=text)
    assert Loader(store).load_article(process(raw)) is True
    vals = {r[0] for r in store.read("MATCH (o:Observation {indicator: 'international_agreements'}) RETURN o.value").rows}
    assert 12 in vals and 10 not in vals
    assert graph_counts(store)["nodes"]["Document"] == 5
    # a person only the old version named is gone with its role; nothing is left dangling
    raw = RawArticle(source=str(src), text=text.replace("bà Trịnh Tuyết Mai - Giám đốc Sở Ngoại vụ tỉnh Lạng Sơn",
                                                        "lãnh đạo Sở Ngoại vụ tỉnh Lạng Sơn"))
    assert Loader(store).load_article(process(raw)) is True
    assert store.read("MATCH (p:Person {name: 'Trịnh Tuyết Mai'}) RETURN count(p)").scalar() == 0
    assert store.read("MATCH (e:Entity) WHERE e.curated = false AND NOT (e)--() RETURN count(e)").scalar() == 0


ARTICLE_NODES = """
MATCH (m:Mention {doc_id: $doc})<-[:EVIDENCED_BY]-(f)
RETURN m.id, m.wikidata, f.id, f.wikidata ORDER BY m.id, f.id
"""


def test_a_reload_updates_the_articles_nodes_in_place(store):
    """The Neo4j soak's 500s: a reload deleted and re-created every node of the article, so a read
    that matched a node before the commit read it after, every property null. Nodes the new version
    has again must stay the same nodes (a probe value set before survives: in a declared key the
    loader never writes on these labels, since Neo4j keeps every property key ever used) and the graph must
    end as a clean load leaves it; what the new version lost still goes."""
    load_corpus(store)
    src = next(CORPUS.glob("002_*.txt"))
    doc = process(RawArticle(source=str(src), text=src.read_text(encoding="utf-8")))
    params = {"doc": doc.document.id}
    store.write([("MATCH (m:Mention {doc_id: $doc})<-[:EVIDENCED_BY]-(f) SET m.wikidata = 'probe', f.wikidata = 'probe'",
                  params)])
    before = graph_counts(store)
    assert Loader(store).load_article(doc, force=True) is True
    rows = store.read(ARTICLE_NODES, params, max_rows=10**5).rows
    assert rows and all(m_probe == f_probe == "probe" for _, m_probe, _, f_probe in rows)
    assert graph_counts(store) == before
    # a new version without one figure: that fact and its mention go, the rest stay in place
    text = src.read_text(encoding="utf-8").replace("ký kết 10 thỏa thuận", "ký kết 12 thỏa thuận")
    assert Loader(store).load_article(process(RawArticle(source=str(src), text=text))) is True
    values = {r[0] for r in store.read("MATCH (o:Observation {indicator: 'international_agreements'}) "
                                       "RETURN o.value").rows}
    assert 12 in values and 10 not in values
    kept = store.read(ARTICLE_NODES, params, max_rows=10**5).rows
    assert any(f_probe is None for *_, f_probe in kept) and sum(f_probe == "probe" for *_, f_probe in kept) > len(kept) // 2


def test_bad_files_fail_alone_and_the_rest_load(tmp_path, settings):
    corpus = tmp_path / "mixed"
    shutil.copytree(CORPUS, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "latin.txt").write_bytes("Hợp tác với Lào".encode("utf-16"))
    (corpus / "cp1258.txt").write_bytes(cp1258("Tỉnh Quảng Trị hợp tác với tỉnh Savannakhet (Lào)."))
    big = corpus / "big.txt"
    with big.open("wb") as fh:
        fh.write(b"a" * (6 * 1024 * 1024))
    env = {"PATH": "/usr/bin:/bin", "PROVKG_DATA_DIR": str(settings.data_dir), "PROVKG_GRAPH_NAME": settings.graph_name}
    proc = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(corpus), "--format", "json"],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    summary = json.loads(proc.stdout)
    failed = {f["source"].rsplit("/", 1)[-1]: f["error"] for f in summary["failed"]}
    assert set(failed) == {"empty.txt", "binary.txt", "big.txt"}
    assert "empty" in failed["empty.txt"] and "binary" in failed["binary.txt"] and "size cap" in failed["big.txt"]
    assert summary["loaded"] == 7  # five articles + UTF-16 + Windows-1258


def test_extract_cli_writes_gold_shaped_files_that_score(tmp_path):
    out = tmp_path / "pred"
    proc = subprocess.run([sys.executable, "-m", "cli.main", "extract", str(CORPUS), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.glob("*.json")) == sorted(p.name for p in GOLD.glob("*.json"))
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(GOLD), str(out), "--json"],
                           capture_output=True, text=True)
    report = json.loads(score.stdout)
    # a floor a little under what the extractor reaches, so quality cannot silently regress
    assert report["micro"]["f1"] >= FLOOR_MICRO, report["micro"]
    for section in ("partners", "agreements", "events", "indicators", "people"):
        assert report[section]["f1"] >= FLOOR_SECTION[section], (section, report[section])


def test_dev_set_scores_above_its_floor():
    from ingest.evaluate import gold_sets, predict, score

    corpus, gold = gold_sets(SHARED)["dev"]
    report = score(gold, predict(corpus))
    assert report["micro"]["f1"] >= DEV_FLOOR_MICRO, report["micro"]
    for section, floor in DEV_FLOOR_SECTION.items():
        assert report[section]["f1"] >= floor, (section, report[section])


# reached against the revised gold (make eval): samples 0.929, dev 0.905
FLOOR_MICRO = 0.91
FLOOR_SECTION = {"partners": 0.92, "agreements": 0.83, "events": 0.86, "indicators": 0.90, "people": 0.95}
DEV_FLOOR_MICRO = 0.89
DEV_FLOOR_SECTION = {"partners": 0.89, "agreements": 0.85, "events": 0.74, "indicators": 0.86, "people": 0.95}


ONE = "Ngày 12/3/2024, tỉnh Quảng Trị và tỉnh Savannakhet (Lào) ký biên bản ghi nhớ hợp tác về du lịch."
TWO = "Tỉnh Lạng Sơn và Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) ký thỏa thuận hợp tác về thương mại."


def test_same_file_name_in_two_folders_is_two_articles(store, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "b" / "report.txt").write_text(TWO, encoding="utf-8")
    assert load_corpus(store, tmp_path / "a") + load_corpus(store, tmp_path / "b") == [True, True]
    sources = {r[0] for r in store.read("MATCH (d:Document) RETURN d.source").rows}
    assert sources == {str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt")}
    partners = {r[0] for r in store.read("MATCH (:Partnership)-[:PARTNER]->(x) RETURN x.id").rows}
    assert partners == {"LA-SV", "CN-GX"}


def test_an_edited_file_is_a_new_version_of_the_same_article(store, tmp_path):
    f = tmp_path / "report.txt"
    f.write_text(ONE, encoding="utf-8")
    assert load_corpus(store, tmp_path) == [True]
    f.write_text(TWO, encoding="utf-8")
    assert load_corpus(store, tmp_path) == [True]
    assert store.read("MATCH (d:Document) RETURN count(d)").scalar() == 1
    partners = {r[0] for r in store.read("MATCH (:Partnership)-[:PARTNER]->(x) RETURN x.id").rows}
    assert partners == {"CN-GX"}


def test_jsonl_lines_are_identified_by_their_url_or_their_content(tmp_path):
    from ingest.pipeline import document_id

    lines = [RawArticle(source=f"{tmp_path}/feed.jsonl#{n}", text=t, fmt="jsonl") for n, t in ((1, ONE), (2, TWO))]
    moved = RawArticle(source=f"{tmp_path}/feed.jsonl#2", text=ONE, fmt="jsonl")  # a line inserted above it
    ids = [document_id(r, str(hash(r.text))) for r in (*lines, moved)]
    assert ids[0] != ids[1] and ids[2] == ids[0]
    with_url = RawArticle(source="x#1", text=ONE, url="https://example.org/a", fmt="jsonl")
    assert document_id(with_url, "h1") == document_id(with_url, "h2")  # same URL: a new version, same id
