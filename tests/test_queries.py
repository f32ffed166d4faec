"""The analysts' query library (queries/*.cypher): every file's header and safety, parameter binding,
each query's content on the hand-written fixture graph (tests/fixtures/graph.json), one end-to-end run
over the sample corpus, the `provkg query` command, and (with NEO4J_URI) the same
rows on Neo4j as on the embedded store."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from core.errors import NotFound, QueryRefused
from core.fold import fold_key as fold
from core.settings import load_settings
from graph import catalog
from graph.catalog import CatalogError, explain, get_query, list_queries, load_catalog, parse_query_file, run_query
from graph.guard import vet_read_query
from graph.loader import Batch, Loader
from graph.schema import load_schema
from tests.conftest import CORPUS, ROOT, store_env
from tests.fixture_graph import FIXTURE

FILES = sorted(catalog.queries_dir().glob("*.cypher"))
NAMES = sorted(q.name for q in list_queries())
REQUIRED = {
    "partners_of_province", "provinces_partnering_with", "shared_partners", "province_agreements_timeline",
    "agreements_by_kind_year", "top_partner_countries", "new_partnerships_per_year", "province_events",
    "event_co_participants", "province_figures", "rank_provinces_by_indicator", "partnership_evidence",
    "paths_between", "successor_rollup", "provinces_without_agreement", "province_organizations",
    "people_and_roles", "documents_mentioning", "entity_neighbourhood", "low_confidence_facts",
    "entities_missing_codes", "partners_without_evidence",
}
# comments and string literals, so that keywords are only looked for in code
NOT_CODE = re.compile(r"""//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`""", re.DOTALL)
# a CALL opens a subquery, or asks an engine's full-text index (read-only, as graph.guard allows)
WRITE_CLAUSE = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b"
    r"|\bCALL\s+(?!\{|db\.idx\.fulltext\.queryNodes\(|db\.index\.fulltext\.queryNodes\()[A-Za-z_]", re.IGNORECASE)
FIXTURE_ARTICLES = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


def rows(store: Any, query: str, /, **params: Any) -> list[dict[str, Any]]:
    return run_query(store, query, params).records()


def ids(records: list[dict[str, Any]], column: str) -> set[Any]:
    return {r[column] for r in records}


# -- (a) every file: header, parameters, read-only ------------------------------------------------

def test_library_has_the_required_queries():
    assert len(NAMES) >= 22
    assert set(NAMES) >= REQUIRED, REQUIRED - set(NAMES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_header_parameters_and_read_only(path: Path):
    variant, header, body = parse_query_file(path)  # raises on a missing or malformed header
    fields = header["fields"]
    assert fields["name"] == path.name.split(".")[0]
    assert fields["mode"] == "read"
    assert fields["title"] and fields["description.en"]
    assert VIETNAMESE.search(fields["description.vi"]), "description.vi must be Vietnamese"
    for p in header["params"]:
        assert p.description and p.example is not None, p.name
    declared = {p.name for p in header["params"]}
    assert catalog.parameters_used(body) <= catalog.bound_names(header["params"]), "none undeclared"
    assert all(catalog.parameters_used(body) & {n, n + "_key", n + "_units"} for n in declared), "every one used"
    code = NOT_CODE.sub(" ", body)
    assert not WRITE_CLAUSE.search(code), WRITE_CLAUSE.search(code)
    # the caps analysts' own Cypher gets, so any file can also be pasted into `provkg cypher`
    s = load_settings()
    vet_read_query(body, max_length=s.max_query_length, max_nesting=s.max_query_nesting)


def test_no_file_folds_names_in_cypher():
    """One fold (core.fold.fold_key, in Python): files take ids or `$NAME_key`, never fold text themselves."""
    for path in [*FILES, *sorted(catalog.views_dir().glob("*.cypher"))]:
        code = NOT_CODE.sub(" ", path.read_text(encoding="utf-8"))
        assert "fold_s" not in code and "search_text CONTAINS ('|' + " not in code, path.name


LOCAL_VARIABLE = re.compile(r"reduce\(\s*(\w+)\s*=|[\[(,]\s*(\w+)\s+IN\s")
GRAPH_VARIABLE = re.compile(r"[(\[]\s*(\w+)\s*[:)\]{]|\bAS\s+(\w+)")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_expression_variables_are_not_reused_for_graph_elements(path: Path):
    """FalkorDB 4.16 segfaulted (Record_Get) on queries whose reduce() variables were named like a
    pattern variable bound later; unique names made the crashes stop. Keep them apart."""
    code = NOT_CODE.sub(" ", path.read_text(encoding="utf-8"))
    local = {a or b for a, b in LOCAL_VARIABLE.findall(code)}
    bound = {a or b for a, b in GRAPH_VARIABLE.findall(code)}
    assert not local & bound, local & bound


GOOD = """// name: demo
// title: Demo
// description.en: A demo
//    over two lines.
// description.vi: Thử nghiệm.
// param: province: string  -- id or name (example: "VN-25")
// param: n: int = 3 range 1..10  -- how many (example: 2)
// mode: read

// the query's own comment
MATCH (p:VietnameseProvince {id: $province}) RETURN p.id LIMIT $n
"""
BROKEN = {
    "no header": ("MATCH (n) RETURN n\n", "no header"),
    "no Vietnamese description": (GOOD.replace("// description.vi: Thử nghiệm.\n", ""), "description.vi"),
    "no mode": (GOOD.replace("// mode: read\n", ""), "'mode'"),
    "write mode": (GOOD.replace("mode: read", "mode: write"), "mode must be 'read'"),
    "name differs from file": (GOOD.replace("name: demo", "name: other"), "differs from the file name"),
    "stray header line": (GOOD.replace("// mode: read", "// mode: read\n// note: x"), "malformed header line"),
    "param without example": (GOOD.replace(' (example: "VN-25")', ""), "malformed parameter"),
    "param of unknown type": (GOOD.replace("province: string ", "province: text "), "malformed parameter"),
    "example of the wrong type": (GOOD.replace("(example: 2)", '(example: "two")'), "'n' must be an integer"),
    "default out of range": (GOOD.replace("int = 3", "int = 30"), "at most 10"),
    "undeclared parameter": (GOOD.replace("RETURN p.id", "WHERE p.x = $other RETURN p.id"), r"\$other"),
    "unused parameter": (GOOD.replace("// mode", "// param: extra: int? = null  -- x (example: 1)\n// mode"),
                         "'extra' is declared but never used"),
    "no Cypher": (GOOD.split("\n\n")[0] + "\n", "no Cypher"),
    **{f"write clause {w}": (GOOD.replace("RETURN p.id", f"{w} RETURN p.id"), "not a read-only query")
       for w in ("SET p.x = 1", "MERGE (q:Country {id: 'X'})", "CREATE (q:Country)", "DELETE p", "DETACH DELETE p",
                 "REMOVE p.name", "FOREACH (x IN [1] | SET p.y = x)", "LOAD CSV FROM 'file:///x' AS l")},
    "procedure call": (GOOD.replace("RETURN p.id", "CALL dbms.killQuery('1') RETURN p.id"), "may not be called"),
    "second statement": (GOOD.rstrip() + "; MATCH (n) DETACH DELETE n\n", "not a read-only query"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_files_are_refused(tmp_path: Path, case: str):
    text, message = BROKEN[case]
    (tmp_path / "demo.cypher").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        load_catalog(tmp_path)


def test_engine_variants(tmp_path: Path):
    (tmp_path / "demo.cypher").write_text(GOOD, encoding="utf-8")
    (tmp_path / "demo.neo4j.cypher").write_text(
        GOOD.replace("// mode: read\n", "// mode: read\n// engine: neo4j\n").replace("LIMIT $n", "LIMIT $n // neo4j"),
        encoding="utf-8")
    q = load_catalog(tmp_path)["demo"]
    assert q.description_en == "A demo over two lines."
    assert "neo4j" in q.text_for("neo4j") and "neo4j" not in q.text_for("embedded")
    assert q.text_for("embedded") == q.texts["default"]

    (tmp_path / "demo.neo4j.cypher").write_text(GOOD.replace("title: Demo", "title: Other"), encoding="utf-8")
    with pytest.raises(CatalogError, match="must match"):
        load_catalog(tmp_path)
    (tmp_path / "demo.neo4j.cypher").unlink()
    (tmp_path / "demo.oracle.cypher").write_text(GOOD, encoding="utf-8")
    with pytest.raises(CatalogError, match="unknown engine variant"):
        load_catalog(tmp_path)


def test_a_when_variant_runs_when_its_parameter_is_given(tmp_path: Path):
    opt = GOOD.replace("// param: province: string  --", "// param: province: string?  --").replace(
        "MATCH (p:VietnameseProvince {id: $province})", "MATCH (p:VietnameseProvince) WHERE $province IS NULL")
    (tmp_path / "demo.cypher").write_text(opt, encoding="utf-8")
    (tmp_path / "demo.when-province.cypher").write_text(opt.replace(
        "MATCH (p:VietnameseProvince) WHERE $province IS NULL", "MATCH (p:Entity {id: $province})"), encoding="utf-8")
    q = load_catalog(tmp_path)["demo"]
    assert "Entity {id: $province}" in q.text_for("embedded", {"province": "VN-25", "n": 3})
    assert q.text_for("neo4j", {"province": None, "n": 3}) == q.texts["default"] == q.text_for("embedded")
    (tmp_path / "demo.when-n.cypher").write_text(opt, encoding="utf-8")  # n has a default: never null
    with pytest.raises(CatalogError, match="names no optional parameter"):
        load_catalog(tmp_path)


def test_the_store_kind_picks_the_variant():
    q = get_query("paths_between")
    assert set(q.texts) == {"default", "neo4j"}
    assert "allShortestPaths((" in q.text_for("neo4j")
    assert "allShortestPaths((" not in q.text_for("embedded") and "CALL {" in q.text_for("embedded")
    assert get_query("partners_of_province").text_for("neo4j") == get_query("partners_of_province").texts["default"]


# -- binding parameters ---------------------------------------------------------------------------

def test_unknown_query_is_not_found():
    with pytest.raises(NotFound, match="no_such_query"):
        get_query("no_such_query")


def test_bind_refuses_unknown_and_missing_parameters_by_name():
    q = get_query("partners_of_province")
    with pytest.raises(QueryRefused, match="unknown parameter 'provnce'"):
        q.bind({"provnce": "VN-25"})
    with pytest.raises(QueryRefused, match="missing required parameter 'province'"):
        q.bind({})
    with pytest.raises(QueryRefused, match="'province' may not be null"):
        q.bind({"province": None})
    with pytest.raises(QueryRefused, match="'province' must not be empty"):
        q.bind({"province": "  "})


def test_bind_fills_defaults_and_coerces_types():
    assert get_query("partners_of_province").bind({"province": "VN-25"}) == {
        "province": "VN-25", "country": None, "kind": None, "since_from": None, "since_to": None}
    assert get_query("paths_between").bind({"province_a": "a", "province_b": "b"})["max_depth"] == 4
    assert get_query("rank_provinces_by_indicator").bind(
        {"indicator": "x", "year": "2023", "limit": 5.0}) == {"indicator": "x", "year": 2023, "limit": 5}
    bound = get_query("province_events").bind({"province": 25, "date_from": 2023, "date_to": "2023-11-30"})
    assert bound["province"] == "25" and bound["date_from"] == "2023" and bound["date_to"] == "2023-11-30"
    assert get_query("province_figures").bind({"province": "VN-09", "indicators": "a, b"})["indicators"] == ["a", "b"]
    assert get_query("province_figures").bind({"province": "VN-09", "indicators": ["a"]})["indicators"] == ["a"]
    assert get_query("shared_partners").bind({"include_countries": "false"})["include_countries"] is False
    assert get_query("low_confidence_facts").bind({"threshold": "0.5"})["threshold"] == 0.5
    nfd = unicodedata.normalize("NFD", "Quảng Trị")
    assert get_query("partners_of_province").bind({"province": nfd})["province"] == "Quảng Trị"


@pytest.mark.parametrize("name, raw, message", [
    ("province_events", {"province": "x", "date_from": "2023-13-01"}, "'date_from' must be a valid ISO date"),
    ("province_events", {"province": "x", "date_to": "next week"}, "'date_to' must be an ISO date"),
    ("rank_provinces_by_indicator", {"indicator": "x", "year": 3000}, "'year' must be at most 2100"),
    ("rank_provinces_by_indicator", {"indicator": "x", "year": "soon"}, "'year' must be an integer"),
    ("rank_provinces_by_indicator", {"indicator": "x", "year": True}, "'year' must be an integer"),
    ("partners_of_province", {"province": "x", "kind": "Bogus"}, "'kind' must be one of"),
    ("shared_partners", {"include_countries": "maybe"}, "'include_countries' must be true or false"),
    ("low_confidence_facts", {"threshold": 2}, "'threshold' must be at most 1"),
    ("province_figures", {"province": "x", "indicators": []}, "'indicators' must be a non-empty list"),
    ("province_figures", {"province": "x", "indicators": [{"a": 1}]}, "'indicators' must be a string"),
])
def test_bind_refuses_bad_values_naming_the_parameter(name: str, raw: dict[str, Any], message: str):
    with pytest.raises(QueryRefused, match=message):
        get_query(name).bind(raw)


def test_explain_shows_the_cypher_and_bound_parameters():
    text = explain("partners_of_province", {"province": "Quảng Trị", "country": "LA"})
    assert text.startswith("// partners_of_province: Partners of a province")
    params_line = next(line for line in text.splitlines() if line.startswith(":params "))
    assert json.loads(params_line.removeprefix(":params ")) == {
        "province": "Quảng Trị", "country": "LA", "kind": None, "since_from": None, "since_to": None,
        "province_units": ["Quảng Trị"]}
    assert "MATCH (p)-[r:PARTNERS_WITH]->(x)" in text
    assert "allShortestPaths((" in explain("paths_between", {"province_a": "a", "province_b": "b"}, kind="neo4j")
    with pytest.raises(QueryRefused, match="'bogus'"):
        explain("partners_of_province", {"province": "x", "bogus": 1})


def test_every_example_runs(fixture_store):
    """Each query with every parameter at its header example (the examples in --list and the README), on
    the fixture graph: the rows the fixture implies, so a query whose filters stop matching fails here."""
    first = {
        "agreements_by_kind_year": ("kind", ["MoU", "MoU"]),  # 2023 and 2024
        "documents_mentioning": ("document_id", ["doc-fixture-ls-lc-gx"]),
        "find_entity": ("id", ["VN-2025-44", "VN-25"]),
        "low_confidence_facts": ("fact", ["MoU Quảng Trị – Nhật Bản"]),
        "new_partnerships_per_year": ("year", [2024]),  # Lạng Sơn – Quảng Tây
        "partners_of_province": ("partner_id", ["LA-KH", "LA-KH"]),  # Hậu Giang's and Cần Thơ's, first reported 2021
        "partnership_evidence": ("sentence", ["Hai tỉnh kết nghĩa từ năm 1994."]),
        "paths_between": ("path_ids", [["VN-01", "CN-GX", "VN-09", "JP", "VN-26"]]),
        "province_events": ("event", ["Diễn đàn hợp tác hành lang kinh tế Đông – Tây"]),
        "province_profile": ("province_id", ["VN-2025-44", "VN-24", "VN-25"]),
        "provinces_partnering_with": ("province_id", ["VN-01", "VN-09"]),
        "successor_rollup": ("partner_id", ["LA-SV", "TH-49"]),
        "top_partner_countries": ("country", ["JP", "CN", "LA", "TH"]),
    }
    # about Thanh Hóa, Trịnh Tuyết Mai, figures and companies the fixture does not have
    empty = {"agreements_by_field", "event_co_participants", "indicator_catalog", "partners_without_evidence",
             "people_and_roles", "province_agreements_timeline", "province_figures", "province_organizations",
             "rank_provinces_by_indicator", "shared_partners"}
    reference = {"entities_missing_codes", "entity_neighbourhood", "provinces_without_agreement"}
    assert set(first) | empty | reference == set(NAMES)
    for q in list_queries():
        got = run_query(fixture_store, q.name, {p.name: p.example for p in q.params}).records()
        if q.name in first:
            column, expected = first[q.name]
            assert sorted(map(json.dumps, (r[column] for r in got))) == sorted(map(json.dumps, expected)), q.name
        elif q.name in empty:
            assert got == [], q.name
    neighbours = rows(fixture_store, "entity_neighbourhood", entity="Savannakhet", depth=2, include_evidence=True)
    assert {("VN-25", "PARTNERS_WITH", "LA-SV"), ("LA-SV", "LOCATED_IN", "LA")} <= {
        (r["source_id"], r["type"], r["target_id"]) for r in neighbours}
    north = rows(fixture_store, "provinces_without_agreement", year=2023, region="Trung du và miền núi phía Bắc")
    assert "VN-09" in ids(north, "province_id")  # its agreement is of 2024
    missing = rows(fixture_store, "entities_missing_codes", kind="ForeignLocality", only_used=False)
    assert missing and ids(missing, "kind") == {"ForeignLocality"}


def test_every_query_copes_with_sparse_and_empty_graphs(store):
    """Missing optional properties (no dates, no counts, no names) must give nulls, not engine errors:
    FalkorDB is stricter than Neo4j about nulls in some functions."""
    for q in list_queries():
        try:
            run_query(store, q.name, {p.name: p.example for p in q.params})
        except NotFound as exc:  # an empty graph knows no province or partner by any name
            assert exc.suggestions == []
    b = Batch(load_schema())
    b.node("VietnameseProvince", "VN-25", {"search_text": "|quang tri|"})
    b.node("ForeignLocality", "LA-SV", {})
    b.node("Partnership", "ps-1", {})
    b.rel("HAS_PARTNERSHIP", "VN-25", "ps-1")
    b.rel("PARTNER", "ps-1", "LA-SV")
    b.rel("PARTNERS_WITH", "VN-25", "LA-SV")
    b.node("Agreement", "agr-1", {"kind": "MoU"})
    b.rel("PARTY", "agr-1", "VN-25")
    b.rel("PARTY", "agr-1", "LA-SV")
    b.node("Event", "evt-1", {"kind": "Forum"})
    b.rel("PARTICIPANT", "evt-1", "VN-25")
    b.rel("PARTICIPANT", "evt-1", "LA-SV")
    b.node("Observation", "obs-1", {"indicator": "fdi_registered_usd", "value": 1.0, "unit": "USD"})
    b.rel("OBSERVATION_OF", "obs-1", "VN-25")
    Loader(store).load_batch(b)
    for q in list_queries():
        for params in ({p.name: p.example for p in q.params}, q.example_params()):
            try:
                run_query(store, q.name, params)
            except NotFound:
                pass  # the example names an entity this small graph lacks
    assert rows(store, "partners_of_province", province="quang tri")[0]["partner_id"] == "LA-SV"
    assert rows(store, "partners_of_province", province="quang tri", since_from="2020") == []  # since unknown


# -- (b) content on the fixture graph --------------------------------------------------------------
# Exact answers derived from tests/fixtures/graph.json, so that an extractor change cannot break them.

def test_the_sample_corpus_end_to_end(loaded_store, embedded_fixture):
    """The one run over the real articles (extractor, loader, every query), asserting only what holds for
    any corpus: each header example runs with the columns it has on the (embedded; on Neo4j both would share
    the one database) fixture graph, every partnership
    has its evidence, the evidence sits at its offsets in the original file, and the yearly counts add up."""
    for q in list_queries():
        params = {p.name: p.example for p in q.params}
        assert run_query(loaded_store, q.name, params).columns == run_query(embedded_fixture, q.name, params).columns
    assert rows(loaded_store, "partners_without_evidence") == []  # the loader keeps shortcuts and evidence in step
    pairs = loaded_store.read("MATCH (p:VietnameseProvince)-[:PARTNERS_WITH]->(x) RETURN p.id, x.id "
                              "ORDER BY p.id, x.id LIMIT 5").rows
    assert pairs
    for province, partner in pairs:
        ev = rows(loaded_store, "partnership_evidence", province=province, partner=partner)
        assert ev and ids(ev, "partner_id") == {partner}, (province, partner)
        for e in ev:
            original = (CORPUS / Path(e["source"]).name).read_text(encoding="utf-8")
            assert original[e["start_offset"]:e["end_offset"]] == e["sentence"]
    assert sum(r["partnerships"] for r in rows(loaded_store, "new_partnerships_per_year")) == loaded_store.read(
        "MATCH ()-[r:PARTNERS_WITH]->() RETURN count(r)").scalar()



def test_partners_of_province(fixture_store):
    # the name is today's Quảng Trị (VN-2025-44), which holds nothing itself: it rolls up the units merged into it
    qt = rows(fixture_store, "partners_of_province", province="Quảng Trị")
    assert {(r["province_id"], r["partner_id"]) for r in qt} == {("VN-25", "LA-SV"), ("VN-25", "TH-49"), ("VN-25", "JP")}
    assert rows(fixture_store, "partners_of_province", province="quang tri") == qt  # accents and case optional
    old = rows(fixture_store, "partners_of_province", province="VN-25")
    assert old == [r for r in qt if r["province_id"] == "VN-25"]
    assert {r["partner_id"]: r["since"] for r in old} == {"LA-SV": "1994", "TH-49": "2015", "JP": None}
    # the filters keep exactly the rows of the unfiltered answer that match them
    localities = rows(fixture_store, "partners_of_province", province="VN-25", kind="ForeignLocality")
    assert localities == [r for r in old if r["partner_kind"] == "ForeignLocality"]
    assert ids(localities, "partner_id") == {"LA-SV", "TH-49"}
    laos = rows(fixture_store, "partners_of_province", province="Quảng Trị", country="la")
    assert laos == [r for r in qt if r["country"] == "LA"]
    assert ids(laos, "partner_id") == {"LA-SV"}
    # today's Cần Thơ (VN-2025-92) rolls up Hậu Giang (VN-73) and the old Cần Thơ (VN-CT), both with Khăm Muồn
    ct = rows(fixture_store, "partners_of_province", province="Cần Thơ")
    assert {(r["province_id"], r["partner_id"]) for r in ct} == {
        ("VN-73", "LA-KH"), ("VN-73", "org-jica"), ("VN-CT", "LA-KH")}
    orgs = rows(fixture_store, "partners_of_province", province="Cần Thơ", kind="Organization")
    assert orgs == [r for r in ct if r["partner_kind"] == "Organization"]
    assert [(r["partner_id"], r["country"]) for r in orgs] == [("org-jica", "JP")]
    # a stated `since` wins over the date the partnership was first reported; without one, that date counts
    assert ids(rows(fixture_store, "partners_of_province", province="VN-25", since_to="2000"), "partner_id") == {
        "LA-SV"}
    assert ids(rows(fixture_store, "partners_of_province", province="VN-25", since_from="2016"), "partner_id") == {
        "JP"}
    assert ids(rows(fixture_store, "partners_of_province", province="VN-25", since_from="2015", since_to="2015"),
               "partner_id") == {"TH-49"}
    hue = rows(fixture_store, "partners_of_province", province="Thừa Thiên - Huế")  # an alias, with punctuation
    assert {(r["province_id"], r["partner_id"]) for r in hue} == {("VN-26", "JP-26"), ("VN-26", "JP"), ("VN-26", "LA-SV")}
    assert ids(rows(fixture_store, "partners_of_province", province="Lạng Sơn"), "partner_id") == {"CN-GX", "JP"}


def test_provinces_partnering_with(fixture_store):
    for key in ("CN-GX", "Guangxi", "Quảng Tây", "quang tay"):
        gx = rows(fixture_store, "provinces_partnering_with", partner=key)
        assert ids(gx, "province_id") == {"VN-01", "VN-09"}, key
    # a country counts the provinces partnering with its localities and organisations, and with it directly
    laos = rows(fixture_store, "provinces_partnering_with", partner="Lào")
    assert {(r["province_id"], r["via_id"]) for r in laos} == {
        ("VN-25", "LA-SV"), ("VN-26", "LA-SV"), ("VN-73", "LA-KH"), ("VN-CT", "LA-KH")}
    assert rows(fixture_store, "provinces_partnering_with", partner="LA", include_country_members=False) == []
    japan = rows(fixture_store, "provinces_partnering_with", partner="Nhật Bản")
    assert {(r["province_id"], r["via_id"]) for r in japan} == {
        ("VN-25", "JP"), ("VN-09", "JP"), ("VN-26", "JP"), ("VN-26", "JP-26"), ("VN-73", "org-jica")}
    direct = rows(fixture_store, "provinces_partnering_with", partner="JP", include_country_members=False)
    assert direct == [r for r in japan if r["via_id"] == "JP"]
    assert {r["province_id"]: r["since"] for r in laos} == {"VN-25": "1994", "VN-26": None, "VN-73": None, "VN-CT": None}


def test_shared_partners(fixture_store):
    # without countries: only the localities two provinces both partner with
    assert [(r["province_a_id"], r["province_b_id"], r["shared"], r["partner_ids"])
            for r in rows(fixture_store, "shared_partners")] == [
        ("VN-01", "VN-09", 1, ["CN-GX"]), ("VN-25", "VN-26", 1, ["LA-SV"]), ("VN-73", "VN-CT", 1, ["LA-KH"])]
    every = rows(fixture_store, "shared_partners", include_countries=True)
    assert {(r["province_a_id"], r["province_b_id"]): sorted(r["partner_ids"]) for r in every} == {
        ("VN-25", "VN-26"): ["JP", "LA-SV"], ("VN-01", "VN-09"): ["CN-GX"], ("VN-09", "VN-25"): ["JP"],
        ("VN-09", "VN-26"): ["JP"], ("VN-73", "VN-CT"): ["LA-KH"]}
    assert every[0]["shared"] == 2  # most shared first
    top = rows(fixture_store, "shared_partners", include_countries=True, min_shared=2)
    assert top == every[:1]
    ls = rows(fixture_store, "shared_partners", province="Lạng Sơn", include_countries=True)
    assert {r["province_a_id"] for r in ls} == {"VN-09"}  # the province asked about is always a
    other = lambda r: r["province_b_id"] if r["province_a_id"] == "VN-09" else r["province_a_id"]  # noqa: E731
    assert [(other(r), r["shared"], r["partner_ids"]) for r in ls] == [
        (other(r), r["shared"], r["partner_ids"]) for r in every if "VN-09" in (r["province_a_id"], r["province_b_id"])]


def test_province_agreements_timeline(fixture_store):
    qt = rows(fixture_store, "province_agreements_timeline", province="Quảng Trị")
    assert [(r["date"], r["kind"], r["other_party_ids"]) for r in qt] == [
        ("2023-03-12", "MoU", ["LA-SV"]), ("2023-11-17", "CooperationMinutes", ["TH-49"]),
        ("2023-11-17", "MoU", ["JP"])]
    assert qt[0]["fields"] == ["trade", "tourism"] and qt[0]["documents"] == ["doc-fixture-qt-sv"]
    assert ids(qt, "province_id") == {"VN-25"}  # the other unit rolled up signed nothing
    mou = rows(fixture_store, "province_agreements_timeline", province="VN-25", kind="MoU")
    assert mou == [r for r in qt if r["kind"] == "MoU"]
    assert rows(fixture_store, "province_agreements_timeline", province="VN-25", year_from=2024) == []
    ls = rows(fixture_store, "province_agreements_timeline", province="lang son", year_from=2024, year_to=2024)
    assert [(r["date"], r["kind"], r["other_party_ids"], r["fields"]) for r in ls] == [
        ("2024-05-18", "CooperationAgreement", ["CN-GX"], ["border", "transport"])]


def test_agreements_by_kind_year(fixture_store):
    got = rows(fixture_store, "agreements_by_kind_year")
    assert [(r["year"], r["kind"], r["agreement_facts"], r["provinces"]) for r in got] == [
        (2023, "CooperationMinutes", 1, 1), (2023, "MoU", 2, 1), (2024, "CooperationAgreement", 1, 1),
        (2024, "MoU", 1, 1)]
    mou = rows(fixture_store, "agreements_by_kind_year", kind="MoU")
    assert mou == [r for r in got if r["kind"] == "MoU"]
    assert rows(fixture_store, "agreements_by_kind_year", year_from=2024) == [r for r in got if r["year"] >= 2024]


def test_agreements_by_field(fixture_store):
    fields = {r["field"]: (r["agreements"], r["provinces"]) for r in rows(fixture_store, "agreements_by_field")}
    assert fields == {
        "agriculture": (1, ["Quảng Trị"]), "border": (1, ["Lạng Sơn"]), "culture": (1, ["Huế"]),
        "education": (1, ["Huế"]), "investment": (1, ["Quảng Trị"]), "tourism": (1, ["Quảng Trị"]),
        "trade": (1, ["Quảng Trị"]), "transport": (1, ["Lạng Sơn"])}
    qt = rows(fixture_store, "agreements_by_field", province="VN-25", year=2023)
    assert ids(qt, "field") == {"agriculture", "investment", "tourism", "trade"}
    assert rows(fixture_store, "agreements_by_field", province="VN-25", year=2024) == []


def test_top_partner_countries(fixture_store):
    top = rows(fixture_store, "top_partner_countries")
    # Japan: Quảng Trị, Lạng Sơn and Huế directly, Huế through Kyoto, Hậu Giang through JICA
    assert [(r["country"], r["provinces"], r["partners"], r["agreements"]) for r in top] == [
        ("JP", 4, 3, 2), ("LA", 4, 2, 1), ("CN", 2, 1, 1), ("TH", 1, 1, 1)]
    assert (top[0]["name"], top[0]["name_en"]) == ("Nhật Bản", "Japan")
    assert rows(fixture_store, "top_partner_countries", limit=2) == top[:2]


def test_new_partnerships_per_year(fixture_store):
    # a partnership counts from its stated `since`, else from the article that first reported it
    got = rows(fixture_store, "new_partnerships_per_year")
    assert [(r["year"], r["partnerships"], r["provinces"], r["partners"]) for r in got] == [
        (1994, 1, 1, 1), (2015, 1, 1, 1), (2021, 3, 2, 2), (2023, 1, 1, 1), (2024, 6, 3, 4)]
    assert sum(r["partnerships"] for r in got) == fixture_store.read(
        "MATCH ()-[r:PARTNERS_WITH]->() RETURN count(r)").scalar()
    ls = rows(fixture_store, "new_partnerships_per_year", province="Lạng Sơn")
    assert [(r["year"], r["partnerships"]) for r in ls] == [(2024, 2)]
    countries = rows(fixture_store, "new_partnerships_per_year", kind="Country")
    assert [(r["year"], r["partnerships"], r["provinces"]) for r in countries] == [(2023, 1, 1), (2024, 2, 2)]


def test_province_events(fixture_store):
    qt = rows(fixture_store, "province_events", province="VN-25")
    assert [(r["date_start"], r["kind"], r["other_participant_ids"]) for r in qt] == [
        ("2023", "Conference", ["JP"]), ("2023-03-12", "Visit", ["LA-SV"]), ("2023-11-17", "Forum", ["TH-49", "TH"])]
    nov = rows(fixture_store, "province_events", province="Quảng Trị", date_from="2023-11", date_to="2023-11")
    # an event dated only "2023" is within 2023, not within November
    assert [(r["event"], r["place"]) for r in nov] == [("Diễn đàn hợp tác hành lang kinh tế Đông – Tây", "Mukdahan")]
    assert rows(fixture_store, "province_events", province="VN-25", date_from="2023", date_to="2023") == qt
    # the visit of 12–14 March is within March, but not within a range that starts on the 13th
    assert [r["kind"] for r in rows(fixture_store, "province_events", province="VN-25", date_from="2023-03",
                                    date_to="2023-03")] == ["Visit"]
    assert rows(fixture_store, "province_events", province="VN-25", date_from="2023-03-13", date_to="2023-04") == []
    assert rows(fixture_store, "province_events", province="VN-25", kind="Forum") == [
        r for r in qt if r["kind"] == "Forum"]
    assert rows(fixture_store, "province_events", province="VN-25", date_to="2022-12-31") == []
    hg = rows(fixture_store, "province_events", province="Hậu Giang")
    assert [(r["date_start"], r["kind"], r["place"]) for r in hg] == [("2021-10-04", "Conference", "Vị Thanh")]


def test_event_co_participants(fixture_store):
    # a name fits the unit valid on the date asked: before the reform, Quảng Trị is VN-25
    qt = run_query(fixture_store, "event_co_participants", {"participant": "Quảng Trị"}, as_of="2024-01-01").records()
    assert [(r["participant_id"], r["co_participant_id"], r["shared_events"]) for r in qt] == [
        ("VN-25", "JP", 1), ("VN-25", "LA-SV", 1), ("VN-25", "TH", 1), ("VN-25", "TH-49", 1)]
    th = rows(fixture_store, "event_co_participants", participant="Thái Lan")
    assert [(r["co_participant_id"], r["events"]) for r in th] == [
        ("TH-49", ["Diễn đàn hợp tác hành lang kinh tế Đông – Tây"]),
        ("VN-25", ["Diễn đàn hợp tác hành lang kinh tế Đông – Tây"])]
    conf = rows(fixture_store, "event_co_participants", participant="VN-25", kind="Conference")
    assert conf == [r for r in qt if r["co_participant_id"] == "JP"]


def test_province_figures(fixture_store):
    figs = rows(fixture_store, "province_figures", province="Lạng Sơn")
    assert [(r["indicator"], r["value"], r["unit"], r["period"], r["sentence"]) for r in figs] == [
        ("fdi_projects", 12, "count", "2023", "Năm 2023, Lạng Sơn thu hút 12 dự án FDI.")]
    assert rows(fixture_store, "province_figures", province="VN-09", indicators=["fdi_projects"], year_from=2023,
                year_to=2023) == figs
    assert rows(fixture_store, "province_figures", province="VN-09", year_from=2024) == []
    assert rows(fixture_store, "province_figures", province="VN-09", indicators=["trade_turnover"]) == []


def test_indicator_catalog(fixture_store):
    got = rows(fixture_store, "indicator_catalog")
    assert [(r["indicator"], r["unit"], r["observations"], r["provinces"], r["years"]) for r in got] == [
        ("fdi_projects", "count", 1, 1, ["2023"]), ("oda_capital", "USD", 1, 1, ["2021"]),
        ("trade_turnover", "USD", 1, 1, ["2022"])]
    assert rows(fixture_store, "indicator_catalog", contains="trade") == got[2:]


def test_rank_provinces_by_indicator(fixture_store):
    fdi = rows(fixture_store, "rank_provinces_by_indicator", indicator="fdi_projects", year=2023)
    assert [(r["rank"], r["province_id"], r["value"], r["reported"]) for r in fdi] == [(1, "VN-09", 12, [12])]
    assert rows(fixture_store, "rank_provinces_by_indicator", indicator="fdi_projects", year=2022) == []
    trade = rows(fixture_store, "rank_provinces_by_indicator", indicator="trade_turnover", year=2022)
    assert [(r["province_id"], r["value"], r["unit"]) for r in trade] == [("VN-25", 300_000_000, "USD")]


def test_partnership_evidence(fixture_store):
    ev = rows(fixture_store, "partnership_evidence", province="Quảng Trị", partner="Savannakhet")
    assert [(r["province_id"], r["partner_id"], r["document_id"], r["sentence"]) for r in ev] == [
        ("VN-25", "LA-SV", "doc-fixture-qt-sv", "Hai tỉnh kết nghĩa từ năm 1994.")]
    text = next(a["text"] for a in FIXTURE_ARTICLES if a["id"] == "doc-fixture-qt-sv")
    assert text[ev[0]["start_offset"]:ev[0]["end_offset"]] == ev[0]["sentence"]  # offsets index the article
    assert ev[0]["source"] == "https://example.org/fixture/quang-tri-savannakhet" and ev[0]["rules"] == ["fixture"]
    assert rows(fixture_store, "partnership_evidence", province="quang tri", partner="savannakhet") == ev
    jp = rows(fixture_store, "partnership_evidence", province="VN-09", partner="Nhật Bản")
    assert [(r["document_id"], r["published"], r["sentence"]) for r in jp] == [
        ("doc-fixture-hue-kyoto", "2024-08-02", "Tỉnh Lạng Sơn cũng mở rộng hợp tác với Nhật Bản về nông nghiệp.")]
    assert rows(fixture_store, "partnership_evidence", province="VN-01", partner="Nhật Bản") == []


def test_paths_between(fixture_store):
    far = rows(fixture_store, "paths_between", province_a="Lai Châu", province_b="Huế")
    assert [(r["hops"], r["path_ids"]) for r in far] == [(4, ["VN-01", "CN-GX", "VN-09", "JP", "VN-26"])]
    assert far[0]["path_names"] == ["Lai Châu", "Quảng Tây", "Lạng Sơn", "Nhật Bản", "Huế"]
    assert rows(fixture_store, "paths_between", province_a="VN-01", province_b="VN-26", max_depth=2) == []
    near = rows(fixture_store, "paths_between", province_a="VN-25", province_b="Lạng Sơn", max_depth=6)
    assert [r["path_ids"] for r in near] == [["VN-25", "JP", "VN-09"]]  # the shortest only, not via Huế
    # Hậu Giang shares a partner with Cần Thơ only, and Cần Thơ with no one else
    assert [r["path_ids"] for r in rows(fixture_store, "paths_between", province_a="VN-73", province_b="VN-CT")] == [
        ["VN-73", "LA-KH", "VN-CT"]]
    assert rows(fixture_store, "paths_between", province_a="VN-73", province_b="VN-01", max_depth=6) == []


def test_successor_rollup(fixture_store):
    new_qt = rows(fixture_store, "successor_rollup", province="VN-2025-44")
    assert {(r["partner_id"], tuple(r["inherited_from"]), r["since"]) for r in new_qt} == {
        ("JP", ("VN-25",), None), ("TH-49", ("VN-25",), "2015"), ("LA-SV", ("VN-25",), "1994")}
    assert ids(new_qt, "successor_id") == {"VN-2025-44"}
    assert rows(fixture_store, "successor_rollup", province="Quảng Trị") == new_qt
    new_ct = rows(fixture_store, "successor_rollup", province="VN-2025-92")
    assert {(r["partner_id"], tuple(r["inherited_from"]), r["evidence_count"]) for r in new_ct} == {
        ("LA-KH", ("VN-73", "VN-CT"), 2), ("org-jica", ("VN-73",), 1)}
    assert ids(new_ct, "successor_id") == {"VN-2025-92"}
    # a predecessor, by name, rolls up to the same successor
    assert rows(fixture_store, "successor_rollup", province="Hậu Giang") == new_ct
    assert rows(fixture_store, "successor_rollup", province="Cần Thơ") == new_ct
    localities = rows(fixture_store, "successor_rollup", province="VN-2025-44", kind="ForeignLocality")
    assert localities == [r for r in new_qt if r["partner_kind"] == "ForeignLocality"]
    # a province the reform left unchanged is its own successor
    ls = rows(fixture_store, "successor_rollup", province="Lạng Sơn")
    assert {(r["successor_id"], r["partner_id"]) for r in ls} == {("VN-09", "CN-GX"), ("VN-09", "JP")}


def test_successor_rollup_merges_predecessors(store):
    b = Batch(load_schema())
    for pid, name in (("VN-X1", "Tỉnh Một"), ("VN-X2", "Tỉnh Hai"), ("VN-2025-X", "Tỉnh Mới")):
        b.node("VietnameseProvince", pid, {"name": name, "search_text": f"|{fold(name)}|"})
    for xid in ("LA-A", "LA-B"):
        b.node("ForeignLocality", xid, {"name": xid, "country": "LA"})
    b.rel("MERGED_INTO", "VN-X1", "VN-2025-X")
    b.rel("MERGED_INTO", "VN-X2", "VN-2025-X")
    b.rel("PARTNERS_WITH", "VN-X1", "LA-A", {"since": "2019-05-01", "evidence_count": 2})
    b.rel("PARTNERS_WITH", "VN-X2", "LA-A", {"since": "2021", "evidence_count": 1})
    b.rel("PARTNERS_WITH", "VN-X2", "LA-B", {"since": "2022", "evidence_count": 1})
    Loader(store).load_batch(b)
    got = rows(store, "successor_rollup", province="tinh mot")
    assert [(r["partner_id"], r["inherited_from"], r["since"], r["evidence_count"]) for r in got] == [
        ("LA-A", ["VN-X1", "VN-X2"], "2019-05-01", 3), ("LA-B", ["VN-X2"], "2022", 1)]


def test_provinces_without_agreement(fixture_store):
    y2023 = rows(fixture_store, "provinces_without_agreement", year=2023)
    got = ids(y2023, "province_id")
    assert len(got) == len(y2023) == 62  # the 63 provinces of 2023 less Quảng Trị, the one with a 2023 agreement
    assert "VN-25" not in got and {"VN-01", "VN-09", "VN-73", "VN-CT", "VN-26"} <= got
    assert not any(p.startswith("VN-2025-") for p in got)  # not yet in force
    y2026 = {r["province_id"]: r for r in rows(fixture_store, "provinces_without_agreement", year=2026)}
    assert len(y2026) == 34 and "VN-2025-44" in y2026
    # Quảng Trị of 2025 has no agreement of its own: its latest is Quảng Trị's (VN-25) before the reform (#14)
    assert {p: r["last_agreement"] for p, r in y2026.items() if r["last_agreement"]} == {
        "VN-09": "2024-05-18", "VN-26": "2024-08-01", "VN-2025-44": "2023-11-17"}
    assert y2026["VN-2025-44"]["rolled_up_from"] == ["VN-24", "VN-25"] and y2026["VN-09"]["rolled_up_from"] == []
    assert y2026["VN-2025-92"]["rolled_up_from"] == ["VN-52", "VN-73", "VN-CT"]
    assert y2026["VN-2025-92"]["last_agreement"] is None  # its predecessors signed nothing
    alone = {r["province_id"]: r for r in run_query(fixture_store, "provinces_without_agreement", {"year": 2026},
                                                    include_predecessors=False).records()}
    assert alone["VN-2025-44"]["last_agreement"] is None and alone["VN-2025-44"]["rolled_up_from"] == []
    # a predecessor's agreement in the year counts for the unit it merged into
    y2023_units = {r["province_id"] for r in rows(fixture_store, "provinces_without_agreement", year=2023)}
    assert "VN-2025-44" not in y2023_units  # not in force in 2023 at all
    north = rows(fixture_store, "provinces_without_agreement", year=2023, region="Trung du và miền núi phía Bắc")
    assert north == [r for r in y2023 if r["region"] == "Trung du và miền núi phía Bắc"] and "VN-09" in ids(
        north, "province_id")


def test_province_organizations(fixture_store):
    ct = rows(fixture_store, "province_organizations", province="Cần Thơ")  # rolled up: Hậu Giang's JICA
    assert [(r["province_id"], r["organization_id"], r["org_kind"], r["relations"]) for r in ct] == [
        ("VN-73", "org-jica", "DevelopmentAgency", ["partner"])]
    assert rows(fixture_store, "province_organizations", province="VN-73", org_kind="Company") == []
    assert rows(fixture_store, "province_organizations", province="Quảng Trị") == []
    assert rows(fixture_store, "province_organizations", province="VN-25") == []


def test_people_and_roles(fixture_store):
    everyone = rows(fixture_store, "people_and_roles")
    assert [(r["person"], r["role"], r["province_id"], r["document_id"]) for r in everyone] == [
        ("Hoàng Nam", "Phó Chủ tịch UBND tỉnh", "VN-25", "doc-fixture-qt-mukdahan-jp"),
        ("Nguyễn Văn Phương", "Chủ tịch UBND thành phố", "VN-26", "doc-fixture-hue-kyoto"),
        ("Santiphap Phomvihane", "Tỉnh trưởng", "VN-25", "doc-fixture-qt-sv")]
    assert rows(fixture_store, "people_and_roles", province="Huế") == [everyone[1]]
    assert rows(fixture_store, "people_and_roles", province="VN-25") == [everyone[0], everyone[2]]
    assert rows(fixture_store, "people_and_roles", name="nguyen van phuong") == [everyone[1]]
    assert rows(fixture_store, "people_and_roles", name="phomvihane", province="VN-26") == []


def test_documents_mentioning(fixture_store):
    jp = {r["document_id"]: r for r in rows(fixture_store, "documents_mentioning", entity="Nhật Bản")}
    assert {d: (r["facts"], r["fact_kinds"]) for d, r in jp.items()} == {
        "doc-fixture-qt-mukdahan-jp": (3, ["Agreement", "Event", "Partnership"]),
        "doc-fixture-hue-kyoto": (2, ["Partnership"])}
    sv = rows(fixture_store, "documents_mentioning", entity="savannakhet")
    assert [(r["entity_id"], r["document_id"], r["facts"], r["fact_kinds"]) for r in sv] == [
        ("LA-SV", "doc-fixture-qt-sv", 4, ["Agreement", "Event", "Partnership", "Role"]),
        ("LA-SV", "doc-fixture-hue-kyoto", 1, ["Partnership"])]
    gx = rows(fixture_store, "documents_mentioning", entity="Guangxi")
    assert ids(gx, "document_id") == {"doc-fixture-ls-lc-gx"}


def test_entity_neighbourhood(fixture_store):
    one = rows(fixture_store, "entity_neighbourhood", entity="Savannakhet")
    edges = {(r["source_id"], r["type"], r["target_id"]) for r in one}
    facts = {e for e in edges if e[1] not in ("LOCATED_IN", "PARTY", "PARTICIPANT", "PARTNER", "ROLE_IN")}
    assert facts == {("VN-25", "PARTNERS_WITH", "LA-SV"), ("VN-26", "PARTNERS_WITH", "LA-SV")}
    assert ("LA-SV", "LOCATED_IN", "LA") in edges
    assert {r["source_kind"] for r in one if r["type"] != "LOCATED_IN"} == {
        "Event", "Partnership", "VietnameseProvince", "Agreement", "Role"}
    assert not {r["source_kind"] for r in one} & {"Mention", "Document"}
    two = rows(fixture_store, "entity_neighbourhood", entity="LA-SV", depth=2, include_evidence=True)
    assert len(two) > len(one) and "EVIDENCED_BY" in {r["type"] for r in two}
    assert len(rows(fixture_store, "entity_neighbourhood", entity="LA-SV", depth=2, limit=5)) == 5


def test_low_confidence_facts(fixture_store):
    # the fixture's two hedged facts, least confident first; everything else is at 0.9
    low = rows(fixture_store, "low_confidence_facts", threshold=0.75)
    assert [(r["fact_kind"], r["fact"], r["confidence"], r["document_id"]) for r in low] == [
        ("Partnership", "Quảng Trị – Nhật Bản", 0.6, "doc-fixture-qt-mukdahan-jp"),
        ("Agreement", "MoU Quảng Trị – Nhật Bản", 0.7, "doc-fixture-qt-mukdahan-jp")]
    assert low[1]["sentence"] == "Quảng Trị ký biên bản ghi nhớ với Nhật Bản về đầu tư"
    assert rows(fixture_store, "low_confidence_facts", threshold=0.65) == low[:1]
    assert rows(fixture_store, "low_confidence_facts", threshold=0.8, kind="Agreement") == low[1:]
    assert rows(fixture_store, "low_confidence_facts", threshold=0.75, limit=1) == low[:1]
    assert rows(fixture_store, "low_confidence_facts", threshold=0.6) == []  # strictly below


def test_entities_missing_codes(fixture_store):
    used = {r["entity_id"]: r for r in rows(fixture_store, "entities_missing_codes")}
    # of the entities the fixture's facts use, only JICA and the old Cần Thơ lack a code (Wikidata); the rest have both
    assert set(used) == {"org-jica", "VN-CT"} and used["org-jica"]["no_wikidata"] and used["org-jica"]["facts"] == 1
    assert used["VN-CT"]["no_wikidata"] and used["VN-CT"]["facts"] == 1
    provinces = {r["entity_id"]: r for r in rows(fixture_store, "entities_missing_codes", kind="VietnameseProvince",
                                                 only_used=False)}
    assert provinces["VN-07"]["no_wikidata"]  # Tuyên Quang has no Wikidata id in the reference table
    assert not provinces.get("VN-2025-44", {}).get("no_iso")  # units from 2025 have no ISO 3166-2 code yet


def test_the_fixture_has_no_partner_without_evidence(fixture_store):
    assert rows(fixture_store, "partners_without_evidence") == []  # the loader keeps shortcuts and evidence in step


def test_partners_without_evidence(store):
    b = Batch(load_schema())
    b.node("VietnameseProvince", "VN-X", {"name": "Tỉnh X", "search_text": "|tinh x|"})
    b.node("Document", "doc-x", {"content_hash": "h", "title": "t"})
    for n in range(1, 5):
        b.node("ForeignLocality", f"P{n}", {"name": f"P{n}"})
        b.rel("PARTNERS_WITH", "VN-X", f"P{n}", {"evidence_count": 2 if n == 3 else 1})
    for n in (2, 3, 4):  # P1 has no Partnership at all
        b.node("Partnership", f"ps-{n}", {"name": f"X – P{n}"})
        b.rel("HAS_PARTNERSHIP", "VN-X", f"ps-{n}")
        b.rel("PARTNER", f"ps-{n}", f"P{n}")
    for n in (3, 4):  # P2 has no mention; P3 has one mention but claims two
        b.node("Mention", f"m-{n}", {"text": "…", "start": 0, "end": 1, "doc_id": "doc-x"})
        b.rel("EVIDENCED_BY", f"ps-{n}", f"m-{n}")
        b.rel("IN_DOCUMENT", f"m-{n}", "doc-x")
    Loader(store).load_batch(b)
    got = {r["partner_id"]: r["problem"] for r in rows(store, "partners_without_evidence", province="Tinh X")}
    assert set(got) == {"P1", "P2", "P3"}
    assert got["P1"].startswith("no Partnership") and got["P2"].startswith("no evidence")
    assert got["P3"].startswith("evidence_count disagrees")


def test_find_entity(fixture_store):
    qt = rows(fixture_store, "find_entity", text="quang tri")
    assert {r["id"] for r in qt if r["score"] == 3} == {"VN-25", "VN-2025-44"}
    assert {r["id"] for r in qt if r["kind"] == "Document"} == {"doc-fixture-qt-sv", "doc-fixture-qt-mukdahan-jp"}
    assert rows(fixture_store, "find_entity", text="Savan")[0]["id"] == "LA-SV"
    assert [(r["id"], r["score"]) for r in rows(fixture_store, "find_entity", text="LA-SV")][:1] == [("LA-SV", 4)]
    only = rows(fixture_store, "find_entity", text="Quảng", kind="VietnameseProvince", limit=3)
    assert len(only) == 3 and ids(only, "kind") == {"VietnameseProvince"}


def test_province_profile(fixture_store):
    prof = {r["province_id"]: r for r in rows(fixture_store, "province_profile", province="Quảng Trị")}
    # the name is today's Quảng Trị (VN-2025-44), rolled up with the two units merged into it
    assert set(prof) == {"VN-25", "VN-2025-44", "VN-24"}
    single = rows(fixture_store, "province_profile", province="VN-2025-44")
    assert [r["province_id"] for r in single] == ["VN-2025-44", "VN-24", "VN-25"]
    before = run_query(fixture_store, "province_profile", {"province": "Quảng Trị"}, as_of="2024-06-01",
                       include_predecessors=False).records()
    assert before == [prof["VN-25"]]
    new = prof["VN-2025-44"]
    assert new["merged_from"] == ["VN-24", "VN-25"] and new["current"] is True and new["valid_from"] == "2025-07-01"
    counts = lambda r: (r["partners"], r["agreements"], r["events"], r["figures"], r["articles"])  # noqa: E731
    assert counts(new) == (0, 0, 0, 0, 0)  # the facts stay on the units they were reported about
    old = prof["VN-25"]
    assert old["merged_into"] == "VN-2025-44" and old["iso3166_2"] == "VN-25" and old["current"] is False
    assert counts(old) == (3, 3, 3, 1, 2)
    assert counts(prof["VN-24"]) == (0, 0, 0, 0, 0)
    ct = {r["province_id"]: r for r in rows(fixture_store, "province_profile", province="Cần Thơ")}
    assert ct["VN-2025-92"]["merged_from"] == ["VN-52", "VN-73", "VN-CT"] and counts(ct["VN-2025-92"]) == (0, 0, 0, 0, 0)
    assert {p: (r["merged_into"], counts(r)) for p, r in ct.items() if p != "VN-2025-92"} == {
        "VN-52": ("VN-2025-92", (0, 0, 0, 0, 0)), "VN-73": ("VN-2025-92", (2, 0, 1, 1, 1)),
        "VN-CT": ("VN-2025-92", (1, 0, 0, 0, 0))}
    ls = rows(fixture_store, "province_profile", province="lang son")
    assert [(r["province_id"], r["merged_into"], counts(r)) for r in ls] == [("VN-09", None, (2, 1, 0, 1, 1))]


def test_name_keys_are_the_python_fold_of_every_name(fixture_store):
    """Nodes store each name and alias folded by core.fold.fold_key in `keys`, which resolution looks up."""
    res = fixture_store.read("MATCH (p:VietnameseProvince) RETURN p.name, p.name_en, p.aliases, p.keys")
    assert len(res.rows) >= 80
    for name, name_en, aliases, keys in res.rows:
        assert set(keys) == {fold(n) for n in [name, name_en, *(aliases or [])] if n and fold(n)}, name


def test_misspelt_name_is_not_found_with_closest_matches(fixture_store):
    with pytest.raises(NotFound) as err:
        rows(fixture_store, "partners_of_province", province="Quang Trj")
    assert any("VN-25" in s or "VN-2025-44" in s for s in err.value.suggestions), err.value.suggestions
    assert "Quảng Trị" in str(err.value)
    with pytest.raises(NotFound) as err:
        rows(fixture_store, "provinces_partnering_with", partner="Savannakhat")
    assert any("LA-SV" in s for s in err.value.suggestions), err.value.suggestions


def test_readme_documents_every_query_with_a_working_example(fixture_store):
    """queries/README.md: a section per query naming all its parameters, and an example invocation that
    returns rows on the fixture graph, but for the figures it has no such indicators for and
    partners_without_evidence, which rightly finds nothing."""
    import shlex

    readme = (catalog.queries_dir() / "README.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `(\w+)`(.*?)(?=^#{2,3} |\Z)", readme, re.MULTILINE | re.DOTALL))
    assert set(sections) == set(NAMES)
    for name, section in sections.items():
        q = get_query(name)
        for param in q.params:
            assert f"`{param.name}`" in section, (name, param.name)
        example = re.search(rf"^provkg query {name}\b(.*)$", section, re.MULTILINE)
        assert example, name
        args = shlex.split(example.group(1))
        from cli.main import parse_params

        params = parse_params([a for a in args if a != "-p"])
        found = run_query(fixture_store, name, params).rows
        empty = {"partners_without_evidence", "province_figures", "indicator_catalog", "rank_provinces_by_indicator"}
        assert bool(found) is (name not in empty), name


# -- (c) the command line ---------------------------------------------------------------------------

def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli.main", "query", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


@pytest.fixture
def cli_env(fixture_store) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PROVKG_", "NEO4J_"))}
    env.update(store_env(fixture_store), COLUMNS="200")
    return env


def test_cli_list(cli_env):
    res = _cli("--list", "--format", "json", env=cli_env)
    assert res.returncode == 0, res.stderr
    listed = json.loads(res.stdout)
    assert {q["name"] for q in listed} == set(NAMES)
    pop = next(q for q in listed if q["name"] == "partners_of_province")
    assert pop["description_vi"] and pop["params"][0] == {**pop["params"][0], "name": "province", "required": True}
    table = _cli("--list", env=cli_env)
    assert table.returncode == 0 and "partners_of_province" in table.stdout
    one = _cli("paths_between", "--list", "--format", "csv", env=cli_env)
    assert one.returncode == 0 and "max_depth,int,no,4,6" in one.stdout


def test_cli_runs_a_query_as_json(cli_env):
    res = _cli("partners_of_province", "--param", "province=VN-25", "--param", "kind=ForeignLocality",
               "--format", "json", env=cli_env)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["columns"][:3] == ["province_id", "province", "partner_id"]
    assert {r["partner_id"] for r in out["rows"]} == {"LA-SV", "TH-49"}
    assert out["truncated"] is False


def test_cli_csv_and_accent_free_names(cli_env):
    res = _cli("provinces_partnering_with", "-p", "partner=guangxi", "--format", "csv", env=cli_env)
    assert res.returncode == 0, res.stderr
    got = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["province_id"] for r in got} == {"VN-01", "VN-09"}
    capped = _cli("partners_of_province", "-p", "province=VN-25", "--max-rows", "2", "--format", "json",
                  env=cli_env)
    assert json.loads(capped.stdout)["truncated"] is True and len(json.loads(capped.stdout)["rows"]) == 2  # of 3


@pytest.mark.engines("embedded")  # the embedded variant's text; the store is chosen by PROVKG_STORE
def test_cli_explain_needs_no_store(cli_env, tmp_path: Path):
    env = {**cli_env, "PROVKG_DATA_DIR": str(tmp_path / "nothing-here")}
    res = _cli("paths_between", "-p", "province_a=Lai Châu", "-p", "province_b=VN-26", "--explain", env=env)
    assert res.returncode == 0, res.stderr
    assert ':params {"province_a": "Lai Châu", "province_b": "VN-26", "max_depth": 4}' in res.stdout
    assert "MATCH p2 = (a)-[:PARTNERS_WITH*2]-(b)" in res.stdout
    assert not (tmp_path / "nothing-here").exists(), "--explain must not start or touch a store"


@pytest.mark.parametrize("args, message", [
    (["partners_of_province", "-p", "provnce=VN-25"], "provnce"),
    (["partners_of_province"], "province"),
    (["rank_provinces_by_indicator", "-p", "indicator=x", "-p", "year=later"], "year"),
    (["no_such_query"], "no_such_query"),
    (["partners_of_province", "-p", "province"], "key=value"),
    ([], "--list"),
])
def test_cli_bad_usage_exits_2(cli_env, args: list[str], message: str):
    res = _cli(*args, env=cli_env)
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert message in res.stderr


@pytest.mark.engines("embedded")  # a broken data dir fails the embedded store only
def test_cli_store_failure_exits_1(cli_env, tmp_path: Path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("")
    res = _cli("find_entity", "-p", "text=x", env={**cli_env, "PROVKG_DATA_DIR": str(not_a_dir)})
    assert res.returncode == 1, (res.stdout, res.stderr)
    assert "Traceback" not in res.stderr


# -- Neo4j: the same rows as the embedded store ---------------------------------------------------

def _normal(value: Any) -> Any:
    """Rows as comparable values: numbers as rounded floats (FalkorDB returns floats where Neo4j has
    integers), lists in a fixed order (collect() order is not promised by either engine)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 6)
    if isinstance(value, list):
        return sorted((_normal(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    return value


def _same(a: Any, b: Any) -> None:
    assert a.columns == b.columns
    key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)  # noqa: E731
    assert sorted((_normal(r) for r in a.rows), key=key) == sorted((_normal(r) for r in b.rows), key=key)


@pytest.mark.neo4j
@pytest.mark.parametrize("name", NAMES)
def test_same_rows_on_neo4j(neo4j_loaded, embedded_loaded, name: str):
    q = get_query(name)
    for params in (q.example_params(), {p.name: p.example for p in q.params}):
        _same(run_query(neo4j_loaded, name, params), run_query(embedded_loaded, name, params))


@pytest.mark.neo4j
def test_neo4j_runs_its_own_variant(neo4j_fixture, embedded_fixture):
    assert "allShortestPaths((" in get_query("paths_between").text_for(neo4j_fixture.kind)
    params = {"province_a": "Lai Châu", "province_b": "Huế", "max_depth": 6}
    res = run_query(neo4j_fixture, "paths_between", params)
    assert [r["path_ids"] for r in res.records()] == [["VN-01", "CN-GX", "VN-09", "JP", "VN-26"]]
    _same(res, run_query(embedded_fixture, "paths_between", params))


def test_cli_misspelt_province_exits_2_with_closest_names(embedded_fixture):
    env = {**os.environ, "PROVKG_DATA_DIR": str(embedded_fixture.settings.data_dir),
           "PROVKG_GRAPH_NAME": embedded_fixture.settings.graph_name}
    out = subprocess.run([sys.executable, "-m", "cli.main", "query", "partners_of_province", "-p",
                          "province=Quang Trj"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 2 and "closest" in out.stderr and "Quảng Trị" in out.stderr, out.stderr
    ok = subprocess.run([sys.executable, "-m", "cli.main", "query", "province_profile", "-p", "province=Quảng Trị",
                         "--as-of", "2024-06-01", "--no-predecessors", "--format", "json"],
                        capture_output=True, text=True, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert [r["province_id"] for r in json.loads(ok.stdout)["rows"]] == ["VN-25"]
