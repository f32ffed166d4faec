"""A synthetic graph at scale, written through the same Loader/Batch as real articles.

Not fake articles: facts are drawn directly, in the shapes `graph.loader.article_batch` writes, so the
ontology checks of `Batch.node()`/`Batch.rel()` apply to every row.

* provinces: the real reference provinces (all 86, pre- and post-2025 units);
* partners: the real foreign localities, countries and organisations of the gazetteer, plus generated
  foreign localities and organisations (`syn-…` ids, curated=false, LOCATED_IN a real country);
* facts, each with one evidence `Mention` in a `Document` (10 facts per document): Partnership 30 %,
  Agreement 20 %, Event 20 %, Observation 25 %, Role 5 %;
* skew: provinces and partners are drawn from Zipf laws (rank^-s over a fixed shuffled order), so a
  few provinces and partners carry most links, as in the press; documents keep to one subject
  province 80 % of the time.

A "fact" is one fact statement with its evidence (what `ArticleFacts.count()` counts). Partnerships
repeat (the same province–partner pair read in many documents), so the Partnership and
`PARTNERS_WITH` aggregates (`evidence_count`, `first_reported`, `confidence`; no `since`: no sentence
states a start) are computed over the whole run
before any batch is written, and every batch that touches a partnership writes the same values: a
re-load is idempotent.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from core.ids import fact_id
from core.models import Entity
from graph.loader import Batch, entity_props, search_text
from graph.schema import GraphSchema, load_schema
from ingest.gazetteer import gazetteer

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
KINDS = ("Partnership", "Agreement", "Event", "Observation", "Role")
MIX = (0.30, 0.20, 0.20, 0.25, 0.05)
FACTS_PER_DOC = 10
PROVINCE_ZIPF = 1.0
PARTNER_ZIPF = 1.0
# the partners the press names most, first (then the other real partners, shuffled, then generated ones)
TOP_PARTNERS = ("LA", "KR", "JP", "CN", "KH", "TH", "US", "FR", "DE", "AU", "LA-SV", "CN-GX", "CN-YN", "JP-13",
                "KR-11", "org-vufo")
AGREEMENT_KINDS = ("MoU", "CooperationAgreement", "InternationalAgreement", "CooperationMinutes", "WorkingMinutes",
                   "CooperationPlan")
FIELDS = ("economy", "trade", "investment", "education", "health", "culture", "tourism", "agriculture",
          "security", "transport", "environment", "labour")
EVENT_KINDS = ("Visit", "Delegation", "Conference", "Forum", "Talks", "Anniversary", "Signing", "Groundbreaking",
               "Exhibition", "Other")
INDICATORS = (("fdi_registered_usd", "USD", None), ("fdi_projects", "count", "dự án"), ("oda_capital_usd", "USD", None),
              ("ngo_aid_usd", "USD", None), ("exports_usd", "USD", None), ("inbound_delegations", "count", "đoàn"),
              ("outbound_delegations", "count", "đoàn"), ("trade_turnover_usd", "USD", None),
              ("international_visitors", "count", "lượt"))
TITLES = ("Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Đại sứ", "Tổng Lãnh sự", "Bí thư", "Thống đốc", "Trưởng đoàn")
SYLLABLES = ("an", "bao", "cam", "dai", "gia", "hoa", "khanh", "lam", "minh", "nam", "phong", "quang", "son",
             "tan", "thanh", "vinh", "xuan", "yen", "kita", "naga", "ber", "lin", "sa", "ko", "ri", "vi")


def zipf_weights(n: int, s: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1, dtype=np.float64) ** s
    return w / w.sum()


def _word(rng: np.random.Generator, k: int = 2) -> str:
    return "".join(SYLLABLES[i] for i in rng.integers(0, len(SYLLABLES), k)).capitalize()


@dataclass
class Synth:
    """Drawn facts (compact arrays), ready to be turned into Batches chunk by chunk."""

    n_facts: int
    seed: int
    provinces: list[Entity]
    partners: list[Entity]           # by Zipf rank: index 0 is the most linked
    generated: list[Entity]          # the synthetic partners among them (written once, first chunk)
    orgs: list[int]                  # indexes into partners of organisations (for Role.ROLE_IN)
    doc_province: np.ndarray
    doc_date: list[str]
    kind: np.ndarray                 # per fact: index into KINDS
    prov: np.ndarray                 # per fact: index into provinces
    partner: np.ndarray              # per fact: index into partners
    partner2: np.ndarray             # per fact: a second partner (some agreements and events)
    r: np.ndarray                    # per fact: a uniform number for the small choices
    ps_agg: dict[tuple[int, int], tuple[int, str, float]] = field(default_factory=dict)

    @property
    def n_docs(self) -> int:
        return len(self.doc_province)

    def chunks(self, schema: GraphSchema | None = None, chunk_facts: int = 50_000) -> Iterator[Batch]:
        """Batches of whole documents (chunk_facts facts each), in order; the same every time."""
        schema = schema or load_schema()
        chunk_facts = max(FACTS_PER_DOC, chunk_facts - chunk_facts % FACTS_PER_DOC)
        for start in range(0, self.n_facts, chunk_facts):
            yield self.batch(schema, start, min(self.n_facts, start + chunk_facts))

    def batch(self, schema: GraphSchema, start: int, end: int) -> Batch:
        b = Batch(schema)
        if start == 0:
            for e in self.generated:
                b.node(e.type, e.id, entity_props(e), create_only=True)
                b.rel("LOCATED_IN", e.id, e.parent)  # type: ignore[arg-type]
        for i in range(start, end):
            d = i // FACTS_PER_DOC
            doc_id = f"doc-syn-{d:07d}"
            if i % FACTS_PER_DOC == 0 or i == start:
                self._document(b, d, doc_id)
            self._fact(b, i, doc_id)
        return b

    def _document(self, b: Batch, d: int, doc_id: str) -> None:
        prov = self.provinces[self.doc_province[d]]
        title = f"{prov.name} tăng cường hợp tác quốc tế (bài {d})"
        b.node("Document", doc_id, {
            "title": title, "url": f"https://example.invalid/synthetic/{d}", "source": f"synthetic:{d}",
            "published": self.doc_date[d], "content_hash": fact_id("hash", d), "text_length": 4000 + d % 8000,
            "content": f"{title}. Nội dung tổng hợp cho đo hiệu năng.",
            "ingested_at": "2025-01-01T00:00:00+00:00", "search_text": search_text(title)})
        b.rel("ABOUT", doc_id, prov.id)

    def _mention(self, b: Batch, i: int, doc_id: str, text: str, rule: str, conf: float) -> str:
        off = (i % FACTS_PER_DOC) * 300
        mid = fact_id("men", doc_id, off, off + len(text))
        b.node("Mention", mid, {"text": text, "start": off, "end": off + len(text), "rule": [rule],
                                "confidence": conf, "doc_id": doc_id})
        b.rel("IN_DOCUMENT", mid, doc_id)
        return mid

    def _fact(self, b: Batch, i: int, doc_id: str) -> None:
        k = KINDS[self.kind[i]]
        prov = self.provinces[self.prov[i]]
        part = self.partners[self.partner[i]]
        r = float(self.r[i])
        d = i // FACTS_PER_DOC
        date = self.doc_date[d]
        conf = round(0.6 + 0.4 * r, 3)
        if k == "Partnership":
            pid = fact_id("ps", prov.id, part.id)
            n, since, best = self.ps_agg[(int(self.prov[i]), int(self.partner[i]))]
            b.node("Partnership", pid, {"name": f"{prov.name} – {part.name}", "first_reported": since,
                                        "evidence_count": n,
                                        "confidence": best})
            b.rel("HAS_PARTNERSHIP", prov.id, pid)
            b.rel("PARTNER", pid, part.id)
            b.rel("PARTNERS_WITH", prov.id, part.id, {"first_reported": since, "evidence_count": n,
                                                      "confidence": best})
            text = f"{prov.name} và {part.name} thiết lập quan hệ hữu nghị, hợp tác."
            b.rel("EVIDENCED_BY", pid, self._mention(b, i, doc_id, text, "partners.relation", conf))
        elif k == "Agreement":
            kind = AGREEMENT_KINDS[int(r * 97) % len(AGREEMENT_KINDS)]
            aid = fact_id("agr", "syn", i)
            fields = sorted({FIELDS[int(r * 1000 + j * 7) % len(FIELDS)] for j in range(1 + int(r * 10) % 3)})
            title = f"{kind} giữa {prov.name} và {part.name}"
            b.node("Agreement", aid, {"kind": kind, "level": "provincial" if r < 0.8 else "department",
                                      "fields": fields, "date": date, "title": title, "name": title,
                                      "confidence": conf})
            b.rel("PARTY", aid, prov.id)
            b.rel("PARTY", aid, part.id)
            if r > 0.85:
                b.rel("PARTY", aid, self.partners[self.partner2[i]].id)
            text = f"{prov.name} ký {kind} với {part.name}."
            b.rel("EVIDENCED_BY", aid, self._mention(b, i, doc_id, text, "agreements.signed", conf))
        elif k == "Event":
            kind = EVENT_KINDS[int(r * 89) % len(EVENT_KINDS)]
            eid = fact_id("evt", "syn", i)
            name = f"{kind} {part.name} tại {prov.name}"
            b.node("Event", eid, {"kind": kind, "name": name, "date_start": date,
                                  "date_end": date if r < 0.7 else None, "place_name": prov.name,
                                  "confidence": conf, "search_text": search_text(name)})
            b.rel("PARTICIPANT", eid, prov.id)
            b.rel("PARTICIPANT", eid, part.id)
            if r > 0.9:
                b.rel("PARTICIPANT", eid, self.partners[self.partner2[i]].id)
            b.rel("HELD_IN", eid, prov.id if r < 0.5 else part.id)
            b.rel("EVIDENCED_BY", eid, self._mention(b, i, doc_id, name, "events.head", conf))
        elif k == "Observation":
            ind, unit, noun = INDICATORS[int(r * 71) % len(INDICATORS)]
            value = round(10 ** (1 + 8 * r), 2) if unit == "USD" else float(1 + int(r * 500))
            period = date[:4]
            oid = fact_id("obs", "syn", i)
            b.node("Observation", oid, {"indicator": ind, "value": value, "unit": unit, "unit_noun": noun,
                                        "period": period, "qualifier": "exact" if r < 0.7 else "approx",
                                        "confidence": conf, "name": ind})
            b.rel("OBSERVATION_OF", oid, prov.id)
            text = f"Năm {period}, {prov.name} ghi nhận {value:g} {unit} ({ind})."
            b.rel("EVIDENCED_BY", oid, self._mention(b, i, doc_id, text, "figures.value", conf))
        else:  # Role
            person_no = int(self.partner[i]) * 3 + int(r * 3)  # skewed like partners: a few people named often
            pname = f"Ông {_person_name(person_no)}"
            person = fact_id("person", pname)
            org = self.partners[self.orgs[int(self.partner[i]) % len(self.orgs)]]
            title = TITLES[int(r * 53) % len(TITLES)]
            rid = fact_id("role", person, title, org.id)
            b.node("Person", person, {"name": pname, "curated": False, "search_text": search_text(pname)},
                   create_only=True)
            b.node("Role", rid, {"title": title, "name": f"{pname}: {title}", "confidence": conf})
            b.rel("HAS_ROLE", person, rid)
            b.rel("ROLE_IN", rid, org.id)
            text = f"{pname}, {title} {org.name}"
            b.rel("EVIDENCED_BY", rid, self._mention(b, i, doc_id, text, "people.title", conf))


def _person_name(n: int) -> str:
    fam = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Tanaka", "Kim", "Smith", "Vongsa", "Sato")
    mid = ("Văn", "Thị", "Minh", "Đức", "Hữu")
    last = ("An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tâm")
    return f"{fam[n % 10]} {mid[(n // 10) % 5]} {last[(n // 50) % 13]} {n // 650}"


def generate(n_facts: int, seed: int = 8) -> Synth:
    """Draw n_facts facts (rounded up to whole documents); deterministic for a seed."""
    n_facts = max(FACTS_PER_DOC, -(-n_facts // FACTS_PER_DOC) * FACTS_PER_DOC)
    rng = np.random.default_rng(seed)
    gaz = gazetteer()
    ents = [e.entity for e in gaz.entries.values()]
    provinces = sorted((e for e in ents if e.type == "VietnameseProvince"), key=lambda e: e.id)
    real = sorted((e for e in ents if e.type in ("ForeignLocality", "Country", "Organization")), key=lambda e: e.id)
    countries = sorted(e.id for e in ents if e.type == "Country")
    prov_order = rng.permutation(len(provinces))
    provinces = [provinces[i] for i in prov_order]
    real = [real[i] for i in rng.permutation(len(real))]
    top = {e.id: e for e in real if e.id in TOP_PARTNERS}
    real = [top[i] for i in TOP_PARTNERS if i in top] + [e for e in real if e.id not in top]
    n_gen = max(50, n_facts // 20)
    cw = zipf_weights(len(countries), 1.2)
    gen_country = rng.choice(len(countries), n_gen, p=cw)
    generated: list[Entity] = []
    for j in range(n_gen):
        c = countries[gen_country[j]]
        if j % 5 < 3:
            name = f"Thành phố {_word(rng)} {j}"
            generated.append(Entity(id=f"syn-loc-{j:06d}", type="ForeignLocality", name=name, country=c, parent=c,
                                    unit_type="city", curated=False))
        else:
            name = f"Công ty {_word(rng, 3)} {j}"
            generated.append(Entity(id=f"syn-org-{j:06d}", type="Organization", name=name, country=c, parent=c,
                                    org_kind="Company", curated=False))
    # the real partners take the most-linked ranks, generated ones trail (interleaved a little)
    partners = real[: len(real) // 2] + _interleave(real[len(real) // 2:], generated)
    orgs = [i for i, e in enumerate(partners) if e.type == "Organization"]

    n_docs = n_facts // FACTS_PER_DOC
    pw = zipf_weights(len(provinces), PROVINCE_ZIPF)
    doc_province = rng.choice(len(provinces), n_docs, p=pw)
    start = dt.date(2010, 1, 1).toordinal()
    days = rng.integers(0, (dt.date(2025, 12, 31).toordinal() - start), n_docs)
    doc_date = [dt.date.fromordinal(start + int(x)).isoformat() for x in days]
    kind = rng.choice(len(KINDS), n_facts, p=np.array(MIX))
    own = np.repeat(doc_province, FACTS_PER_DOC)
    other = rng.choice(len(provinces), n_facts, p=pw)
    prov = np.where(rng.random(n_facts) < 0.8, own, other)
    xw = zipf_weights(len(partners), PARTNER_ZIPF)
    partner = rng.choice(len(partners), n_facts, p=xw)
    partner2 = rng.choice(len(partners), n_facts, p=xw)
    r = rng.random(n_facts)
    s = Synth(n_facts=n_facts, seed=seed, provinces=provinces, partners=partners, generated=generated, orgs=orgs,
              doc_province=doc_province, doc_date=doc_date, kind=kind, prov=prov, partner=partner,
              partner2=partner2, r=r)
    ps_idx = np.nonzero(kind == 0)[0]
    agg: dict[tuple[int, int], tuple[int, str, float]] = {}
    for i in ps_idx.tolist():
        key = (int(prov[i]), int(partner[i]))
        conf = round(0.6 + 0.4 * float(r[i]), 3)
        date = doc_date[i // FACTS_PER_DOC]
        n, since, best = agg.get(key, (0, "9999", 0.0))
        agg[key] = (n + 1, min(since, date), max(best, conf))
    s.ps_agg = agg
    return s


def _interleave(a: list[Entity], b: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    step = max(1, len(b) // max(1, len(a)))
    bi = 0
    for e in a:
        out.append(e)
        out.extend(b[bi:bi + step])
        bi += step
    out.extend(b[bi:])
    return out


def degree_profile(s: Synth) -> dict[str, object]:
    """How skewed the drawn graph is: top provinces' and partners' share of facts."""
    pc = np.bincount(s.prov, minlength=len(s.provinces))
    xc = np.bincount(s.partner, minlength=len(s.partners))
    top_p = np.argsort(-pc)[:3]
    top_x = np.argsort(-xc)[:3]
    return {
        "facts": s.n_facts, "documents": s.n_docs, "provinces": len(s.provinces), "partners": len(s.partners),
        "generated_partners": len(s.generated), "partnerships": len(s.ps_agg),
        "facts_by_kind": {k: int((s.kind == i).sum()) for i, k in enumerate(KINDS)},
        "top_provinces": [{"id": s.provinces[i].id, "facts": int(pc[i])} for i in top_p],
        "top_partners": [{"id": s.partners[i].id, "facts": int(xc[i])} for i in top_x],
        "top1pct_partner_share": round(float(np.sort(xc)[::-1][: max(1, len(xc) // 100)].sum() / s.n_facts), 3),
        "partners_with_one_fact_or_less": int((xc <= 1).sum()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", default="10k", choices=sorted(SIZES))
    args = ap.parse_args()
    import json
    import time

    t = time.perf_counter()
    s = generate(SIZES[args.size])
    gen_s = time.perf_counter() - t
    rows = 0
    t = time.perf_counter()
    for batch in s.chunks():
        rows += sum(len(v) for v in batch.nodes.values()) + sum(len(v) for v in batch.rels.values())
    print(json.dumps({"draw_s": round(gen_s, 2), "batch_s": round(time.perf_counter() - t, 2), "rows": rows,
                      **degree_profile(s)}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
