"""`since` is the start an article states; `first_reported` the earliest article date (issue #14)."""

from __future__ import annotations

from core.models import PartnerFact
from graph.loader import Loader
from graph.reference import load_reference
from tests.fixture_graph import _entities, article


class StatedPartnerFact(PartnerFact):
    """A partner fact with the stated start the extractor reads (PartnerFact.since, optional)."""

    since: str | None = None


def _article(doc_id: str, published: str | None, since: str | None, sentence: str):
    ents = _entities()
    raw = {"id": doc_id, "url": f"https://example.org/{doc_id}", "title": doc_id, "published": published,
           "subject": ["VN-25"], "text": f"Mở đầu. {sentence} Kết thúc.", "agreements": [], "events": [],
           "observations": [], "people": [],
           "partners": [{"province": "VN-25", "partner": "LA-SV", "evidence": sentence}]}
    facts = article(raw, ents)
    facts.partners = [StatedPartnerFact(**{**facts.partners[0].model_dump(), "since": since})]
    return facts


def _dates(store) -> tuple:
    ps = store.read("MATCH (:Entity {id: 'VN-25'})-[:HAS_PARTNERSHIP]->(f:Partnership)-[:PARTNER]->"
                    "(:Entity {id: 'LA-SV'}) RETURN f.since, f.first_reported").rows
    r = store.read("MATCH (:Entity {id: 'VN-25'})-[r:PARTNERS_WITH]->(:Entity {id: 'LA-SV'}) "
                   "RETURN r.since, r.first_reported").rows
    assert ps == r, "the shortcut carries the Partnership's dates"
    return tuple(ps[0]) if ps else ()


def test_since_is_the_stated_start_and_first_reported_the_earliest_article(store):
    from ingest.gazetteer import gazetteer

    loader = Loader(store)
    load_reference(loader, gazetteer())
    loader.load_article(_article("doc-undated", None, None, "Hai tỉnh là bạn."))
    assert _dates(store) == (None, None)  # undated and unstated: both empty, nothing invented
    loader.load_article(_article("doc-2023", "2023-03-14", None, "Hai tỉnh hợp tác."))
    assert _dates(store) == (None, "2023-03-14")
    loader.load_article(_article("doc-2021", "2021-05-02", "1994", "Hai tỉnh kết nghĩa từ năm 1994."))
    assert _dates(store) == ("1994", "2021-05-02")
    loader.load_article(_article("doc-2024", "2024-01-09", "1992", "Quan hệ hữu nghị từ năm 1992."))
    assert _dates(store) == ("1992", "2021-05-02")  # the earliest stated start wins


def test_fixture_partnership_dates_through_the_api(fixture_store):
    from graph.views import province_partners

    items, _ = province_partners(fixture_store, "VN-25", country=None, kind=None, since=None, until=None,
                                 limit=50, offset=0)
    sv = next(i for i in items if i["partner"]["id"] == "LA-SV")
    assert sv["first_reported"] == "2023-03-14"
    # the fixture states "kết nghĩa từ năm 1994"; it reaches the graph once PartnerFact carries `since`
    assert sv["since"] == ("1994" if "since" in PartnerFact.model_fields else None)
