"""ArticleFacts -> the gold annotation shape (../shared/gold/README.md), plus ids, offsets, confidence."""

from __future__ import annotations

from typing import Any

from core.models import ArticleFacts, Entity, Evidence


def _ev(e: Evidence) -> dict[str, Any]:
    return {"evidence": e.text, "evidence_start": e.start, "evidence_end": e.end, "rule": e.rule,
            "confidence": e.confidence}


def kind_of(e: Entity) -> str:
    return {"ForeignLocality": "ForeignLocality", "Country": "Country"}.get(e.type, "Organization")


def to_gold(facts: ArticleFacts, doc_name: str) -> dict[str, Any]:
    d = facts.document
    return {
        "doc": doc_name,
        "doc_id": d.id,
        "published": d.published,
        "subject_provinces": [p.name for p in d.subject_provinces],
        "partners": [{"province": f.province.name, "province_id": f.province.id, "partner": f.partner.name,
                      "partner_id": f.partner.id, "partner_kind": kind_of(f.partner), "country": f.partner.country,
                      "iso3166_2": f.partner.iso3166_2, "since": f.since, **_ev(f.evidence)} for f in facts.partners],
        "agreements": [{"province": a.province.name,
                        "partner": (a.partner_surface or a.partner.name) if a.partner else None,
                        "partner_id": a.partner.id if a.partner else None,
                        "country": a.partner.country if a.partner else None,
                        "iso3166_2": a.partner.iso3166_2 if a.partner else None,
                        "parties": a.parties, "kind": a.kind, "status": a.status, "date": a.date, "fields": a.fields,
                        **({"count": a.count} if a.count else {}), **({"level": a.level} if a.level else {}),
                        **_ev(a.evidence)} for a in facts.agreements],
        "events": [{"province": e.province.name, "kind": e.kind, "name": e.name, "date_start": e.date_start,
                    "date_end": e.date_end, "place": e.place, "participants": e.participants, **_ev(e.evidence)}
                   for e in facts.events],
        "indicators": [{"province": o.province.name, "name": o.indicator, "value": o.value, "unit": o.unit,
                        "period": o.period, "qualifier": o.qualifier,
                        **({"value_max": o.value_max} if o.value_max is not None else {}), **_ev(o.evidence)}
                       for o in facts.observations],
        "people": [{"name": p.name, "role": p.role, "organization": p.organization, **_ev(p.evidence)}
                   for p in facts.people],
        "rejected": [r.model_dump() for r in facts.rejected],
    }
