"""The fixture graph loads as written: every fact, its evidence at its offsets, its document."""

from __future__ import annotations

from graph.stats import graph_counts
from tests.fixture_graph import fixture_articles


def test_every_evidence_sits_at_its_offsets():
    for facts in fixture_articles():
        text = facts.document.content
        for section in (facts.partners, facts.agreements, facts.events, facts.observations, facts.people):
            for fact in section:
                assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.text


def test_the_graph_holds_what_the_fixture_says(fixture_store):
    counts = graph_counts(fixture_store)["nodes"]
    assert counts["Document"] == 5
    assert counts["Agreement"] == 5 and counts["Event"] == 4 and counts["Observation"] == 3 and counts["Person"] == 3
    rows = fixture_store.read(
        "MATCH (p:VietnameseProvince)-[r:PARTNERS_WITH]->(x) RETURN p.id, x.id ORDER BY p.id, x.id").rows
    assert rows == [["VN-01", "CN-GX"], ["VN-09", "CN-GX"], ["VN-09", "JP"], ["VN-25", "JP"], ["VN-25", "LA-SV"],
                    ["VN-25", "TH-49"], ["VN-26", "JP"], ["VN-26", "JP-26"], ["VN-26", "LA-SV"], ["VN-73", "LA-KH"],
                    ["VN-73", "org-jica"], ["VN-CT", "LA-KH"]]


def test_reloading_the_fixture_changes_nothing(store):
    from tests.fixture_graph import load_fixture

    load_fixture(store)
    before = graph_counts(store)
    load_fixture(store)
    assert graph_counts(store) == before
