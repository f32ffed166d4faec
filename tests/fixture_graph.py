"""The hand-written fixture graph (tests/fixtures/graph.json) as the pipeline's typed facts.

Query, API, RDF and security tests assert on this graph, so a change to the extractor cannot break
them; only the end-to-end tests read the real corpus."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from core.models import (
    AgreementFact,
    ArticleFacts,
    DocumentInfo,
    Entity,
    EventFact,
    Evidence,
    ObservationFact,
    PartnerFact,
    PersonFact,
)

FIXTURE = Path(__file__).parent / "fixtures" / "graph.json"


def _entities() -> dict[str, Entity]:
    from ingest.gazetteer import gazetteer

    return {i: e.entity for i, e in gazetteer().entries.items()}


def _evidence(text: str, quote: str, confidence: float = 0.9) -> Evidence:
    start = text.find(quote)
    if start < 0 or text.find(quote, start + 1) >= 0:
        raise ValueError(f"evidence must occur exactly once in its article: {quote!r}")
    return Evidence(text=quote, start=start, end=start + len(quote), rule="fixture", confidence=confidence)


def article(raw: dict[str, Any], ents: dict[str, Entity]) -> ArticleFacts:
    text = raw["text"]
    ev = lambda f: _evidence(text, f["evidence"], f.get("confidence", 0.9))  # noqa: E731
    doc = DocumentInfo(id=raw["id"], source=raw["url"], url=raw["url"], title=raw["title"],
                       published=raw["published"], content_hash=hashlib.sha256(text.encode()).hexdigest(),
                       text_length=len(text), content=text, subject_provinces=[ents[p] for p in raw["subject"]])
    return ArticleFacts(
        document=doc,
        partners=[PartnerFact(province=ents[f["province"]], partner=ents[f["partner"]], evidence=ev(f),
                              **({"since": f["since"]} if "since" in f and "since" in PartnerFact.model_fields else {}))
                  for f in raw["partners"]],
        agreements=[AgreementFact(province=ents[f["province"]], partner=ents[f["partner"]], parties=f["parties"],
                                  party_entities=[ents[f["partner"]]], kind=f["kind"], level=f.get("level"),
                                  fields=f["fields"], date=f["date"], evidence=ev(f)) for f in raw["agreements"]],
        events=[EventFact(province=ents[f["province"]], kind=f["kind"], name=f["name"], date_start=f["date_start"],
                          date_end=f["date_end"], place=f["place"], participants=f["participants"],
                          participant_entities=[ents[i] for i in f["participant_ids"]], evidence=ev(f))
                for f in raw["events"]],
        observations=[ObservationFact(province=ents[f["province"]], indicator=f["indicator"], value=f["value"],
                                      unit=f["unit"], period=f["period"], evidence=ev(f)) for f in raw["observations"]],
        people=[PersonFact(name=f["name"], role=f["role"], organization=ents[f["organization"]].name,
                           organization_entity=ents[f["organization"]], evidence=ev(f)) for f in raw["people"]],
    )


def fixture_articles() -> list[ArticleFacts]:
    ents = _entities()
    return [article(a, ents) for a in json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]]


def load_fixture(store) -> None:
    """Reference data plus the fixture articles, through the same loader as `provkg ingest`."""
    from graph.loader import Loader
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer

    loader = Loader(store)
    load_reference(loader, gazetteer())
    for facts in fixture_articles():
        loader.load_article(facts)
