"""Events: conferences, forums, talks, anniversaries, ceremonies, visits and delegations.

A named event starts at a capitalised head noun ("Hội nghị", "Diễn đàn", "Lễ kỷ niệm", …) and runs to
the first boundary word ("tại", "từ", "do", "nhân", …); a quoted title is its name. Visits are read
from delegation phrases ("đón tiếp đoàn công tác của X", "đoàn công tác tỉnh X sang …") with a foreign
party. Generic plurals ("các hội nghị") are not events. One event per clause; dates are the clause's
own (ranges, day-month resolved against the article date), else the year context.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from core.fold import fold_key
from core.models import Entity, EventFact
from ingest.extract.agreements import _longest
from ingest.extract.context import Clause, DocContext
from ingest.extract.partners import PartnerFilter, partner_entity
from ingest.matcher import find

BOUNDARY = re.compile(r"\s(?:tại|từ|do|nhân dịp|nhân kỷ niệm|nhân ngày|vào|với|giữa|trong|nhằm|để|đã|sẽ|được|diễn ra|"
                      r"ngày|góp phần|và trao đổi|qua đó|đồng thời)\s|[;|]|\.\s|\.$|,\s(?=[a-zà-ỹ]+\s(?:các|hoạt động|đã|và))")
NAMED_BOUNDARY = re.compile(BOUNDARY.pattern + r"|\(")
PLURAL = re.compile(r"(?:các|những|nhiều|mọi|một số|khuôn khổ)\s+$", re.IGNORECASE)
VISIT = re.compile(r"(?P<cue>đón tiếp|đón,? tiễn|tiếp|đón)?\s*"
                   r"(?P<who>(?:các\s+)?[Đđ]oàn (?:công tác|đại biểu|lãnh đạo)[^;]{0,160})", re.IGNORECASE)
PLACE = re.compile(r"\stại\s+(?P<place>(?:tỉnh |thành phố |TP\.? )?[A-ZÀ-ỸĐ][^,;:.]{1,60}?)"
                   r"(?=\s+(?:từ|vào|ngày|nhân|do|với)\s|[,;.]|$)")


def _name(text: str, start: int, *, visit: bool = False) -> str:
    rest = text[start:]
    quoted = re.match(r"([^\s“\"]+(?:\s+[^\s“\"]+){0,2})\s*[“\"]([^”\"]{2,200})[”\"]", rest)
    if quoted and not visit:
        return quoted.group(2).strip()
    b = (BOUNDARY if visit else NAMED_BOUNDARY).search(rest, 3)
    name = rest[:b.start()] if b else rest
    if visit:  # "đoàn công tác tỉnh Niigata (Nhật Bản) sang tham dự …": the country in brackets only places it
        name = re.sub(r"\s*\([^)]*\)", "", name)
    words = name.split()
    return " ".join(words[:36 if visit else 24]).rstrip(" ,:-–")


LEAD = re.compile(r"^(?:(?:[Tt]ại|[Ởở])\s+[^,]{2,40},\s*|(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Chiều nay|Sáng nay)"
                  r"[^,]{0,20},\s*)+")
LED_BY = re.compile(r"\s*,?\s+do\s+[^;]{3,120}?\s(?:làm trưởng đoàn|dẫn đầu|làm trưởng|chủ trì)(?=[\s,.;]|$)")
SEAT = re.compile(r"\s+tại\s+(?:TP\.?|Thành phố|thành phố)\s+Hồ Chí Minh|\s+tại\s+Việt Nam|\s+tại\s+Hà Nội")


def describe(text: str, words: int = 28) -> str:
    """A short description of an occasion in the text's words: who did what with whom, without the
    leading time and place, who led the delegation, an envoy's seat or bracketed asides."""
    t = LEAD.sub("", text.strip())
    t = LED_BY.sub("", t)
    t = SEAT.sub("", t)
    t = re.sub(r"\s*\([^)]*\)", "", t)
    t = re.split(r"[;.](?:\s|$)|,\s(?:nhằm|để|qua đó|góp phần|đồng thời)\s", t)[0]
    t = " ".join(t.split()[:words]).rstrip(" ,:-–")
    return t[:1].upper() + t[1:]


def extract_events(ctx: DocContext) -> list[EventFact]:
    if not ctx.subject:
        return []
    prov = ctx.subject
    filt = PartnerFilter(ctx)
    out: list[EventFact] = []
    for cl in ctx.clauses:
        visit = _visit(ctx, cl, prov, filt)
        named = _named(ctx, cl, prov, filt)
        if visit:  # "đoàn … sang thăm, làm việc và tổ chức hội nghị …": the trip is the occasion
            named = [e for e in named if _capitalised_in_text(ctx, e)]
        facts = ([visit] if visit else []) + named if (visit or named) else \
            [f for f in [_reception(ctx, cl, prov, filt)] if f]
        for fact in facts:
            _add(ctx, out, fact)
    return out


def _capitalised_in_text(ctx: DocContext, e: EventFact) -> bool:
    return ctx.article.original[e.evidence.start:e.evidence.start + 1].isupper()


def _add(ctx: DocContext, out: list[EventFact], fact: EventFact) -> None:
    if True:
        dup = next((k for k, o in enumerate(out) if _same(fact, o)), None)
        if dup is None:
            out.append(fact)
        elif len(fact.date_start or "") > len(out[dup].date_start or "") or (
                ctx.article.title_end and out[dup].evidence.start < ctx.article.to_original(
                    ctx.article.title_end, ctx.article.title_end)[0]):
            out[dup] = fact  # the more precise date wins, and the body over the headline


def _participants(ctx: DocContext, a: int, b: int, filt: PartnerFilter) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for m in ctx.mentions_in(a, b):
        if m.entity.type == "VietnameseProvince" or (ctx.is_foreign(m.entity) and not filt.is_locator(m)):
            e = partner_entity(m) if m.entity.type != "Organization" or m.entity.org_kind != "Embassy" else m.entity
            seen.setdefault(e.id, e)
    return list(seen.values())


def _dates(ctx: DocContext, cl: Clause, name: str, pos: int) -> tuple[str | None, str | None]:
    own = ctx.dates_in(cl.start, cl.end) or ctx.dates_in(cl.sentence.start, cl.sentence.end)
    if not own:  # the paragraph's date before it ("Chiều 24/1, … . Tại buổi tiếp, …")
        line_start = ctx.text.rfind("\n", 0, cl.start) + 1
        own = [d for d in ctx.dates_in(line_start, cl.start) if len(d.start) == 10][-1:]
    if own:  # the most precise date the clause gives ("năm 2023 … từ 17-19/11/2023" is 17-19/11)
        best = max(own, key=lambda d: (len(d.start), d.end is not None))
        return best.start, best.end
    # no date of its own: the year the paragraph states before it ("Năm 2023, … đón tiếp đoàn …"), else
    # none — never a year from elsewhere in the text
    line_start = ctx.text.rfind("\n", 0, pos) + 1
    years = [d for d in ctx.dates_in(line_start, pos) if len(d.start) == 4]
    if not years and ctx.article.title:  # a headline's year covers the whole report ("… điểm sáng năm 2023")
        first_end = ctx.text.find("\n")
        if ctx.text[:max(first_end, 0)].strip() == ctx.article.title.strip() or ctx.article.title_end:
            years = [d for d in ctx.dates_in(0, first_end if first_end > 0 else 0) if len(d.start) == 4]
    if years:
        return years[-1].start, None
    # an undated report about one year states it in its lead ("Năm 2023 là năm …")
    if not ctx.article.published:
        body = ctx.article.title_end
        first_end = ctx.text.find("\n")
        if not body and ctx.article.title and first_end > 0 and ctx.text[:first_end].strip() == ctx.article.title.strip():
            body = first_end + 1  # the headline is the first line; the lead follows it
        lead_end = ctx.text.find("\n", body)
        lead = ctx.dates_in(body, lead_end if lead_end > 0 else len(ctx.text))
        if lead and len(lead[0].start) == 4 and re.match(r"\s*(?:Năm|Trong năm)\s", ctx.text[body:lead[0].pos + 5]):
            return lead[0].start, None
    return None, None


def _place(ctx: DocContext, cl: Clause, after: int) -> tuple[str | None, Entity | None]:
    m = PLACE.search(cl.text, max(0, after - cl.start))
    if not m:
        return None, None
    a = cl.start + m.start("place")
    ents = ctx.mentions_in(a, cl.start + m.end("place") + 20)
    place = m.group("place").strip()
    paren = re.match(r"\s*\(([^)]{2,40})\)", cl.text[m.end("place"):])
    if paren:
        place = f"{place} ({paren.group(1)})"
    ent = next((x.entity for x in ents if x.entity.type in ("VietnameseProvince", "ForeignLocality", "Country")), None)
    return place, ent


def _named(ctx: DocContext, cl: Clause, prov: Entity, filt: PartnerFilter) -> list[EventFact]:
    toks = ctx.tokens
    syls = toks.syls
    i, j = toks.syl_range(cl.start, cl.end)
    found = find("events", syls, i, j)
    intros = [m for m in found if m.pattern.produces == "intro"]
    out: list[EventFact] = []
    taken_until = -1
    for h in _longest([m for m in found if m.pattern.id.startswith("head.")]):
        if syls[h.start].start < taken_until:
            continue  # inside the name of the occasion before ("Lễ kỷ niệm … Hội nghị")
        head = syls[h.start]
        introduced = any(x.end <= h.start and h.start - x.end <= 2 for x in intros)
        if not head.text[:1].isupper() and not introduced:
            continue  # "các hội nghị", "hội nghị" in passing: no particular occasion
        nxt = syls[h.end].lower if h.end < j else ""
        if not head.text[:1].isupper() and (nxt in {",", ".", ";", "này", "có", "còn", "đã", "là", "được", "với", "và", ""}
                                            or head.lower == "cuộc"):
            continue  # "dự hội nghị, …": the occasion told before, not a new one
        if PLURAL.search(ctx.text[cl.start:head.start]):
            continue
        rel = head.start - cl.start
        name = _name(cl.text, rel)
        name = name[0].upper() + name[1:]
        kind = h.pattern.produces
        pos = head.start
        own_dates = ctx.dates_in(cl.start, cl.end)
        day_dated = bool(own_dates and len(own_dates[0].start) == 10)
        if kind == "Signing" and not day_dated:
            continue  # an undated "Lễ ký …" caption repeats the agreement it shows
        if len(name.split()) <= 2:
            if not day_dated:
                continue  # a bare "Hội thảo" names no particular event, unless dated to the day
            project = re.search(r"dự án\s+((?:[A-ZÀ-ỸĐ][\wÀ-ỹ]*\s*){1,8})", cl.text)
            if project:
                name = f"{name} {project.group(1).strip()}"
        start, end = _dates(ctx, cl, name, pos)
        place, place_ent = _place(ctx, cl, pos)
        ev = ctx.evidence(pos, cl.end, f"event:{h.pattern.id}", 0.8)
        parts = _participants(ctx, cl.start, cl.end, filt)
        out.append(EventFact(province=prov, kind=kind, name=name, date_start=start, date_end=end, place=place,
                             place_entity=place_ent, participants=[p.name for p in parts], participant_entities=parts,
                             evidence=ev))
        taken_until = head.start + len(name)
    return out


def _reception(ctx: DocContext, cl: Clause, prov: Entity, filt: PartnerFilter) -> EventFact | None:
    """A reception, courtesy call, talks or working visit with a foreign party or envoy."""
    toks = ctx.tokens
    syls = toks.syls
    i, j = toks.syl_range(cl.start, cl.end)
    verbs = [m for m in find("events", syls, i, j) if m.pattern.id.startswith("visit.")]
    if verbs and find("agreements", syls, i, j, only={"hedge"}):
        return None  # "đề xuất …", "mong muốn …": no occasion took place
    if not verbs or re.search(r"(?<![\wÀ-ỹ])(?:hằng năm|hàng năm|thường xuyên|nhiều đoàn|các đoàn)(?![\wÀ-ỹ])",
                              cl.text, re.IGNORECASE):
        return None  # habitual statements are not events
    parts = _participants(ctx, cl.start, cl.end, filt)
    foreign = [p for p in parts if p.type != "VietnameseProvince"]
    envoy = find("partners", syls, i, j, only={"envoy"})
    localities = [p for p in foreign if p.type == "ForeignLocality"]
    if not foreign or not (envoy or localities):
        return None  # a company "khảo sát" or "làm việc" is business, not a reception
    v = verbs[0]
    kind = v.pattern.produces
    a = cl.start
    lead = re.match(r"(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Chiều nay|Sáng nay)[^,]{0,20},\s*)", cl.text)
    if lead:
        a += lead.end()
    last = max((m.end for m in ctx.mentions_in(syls[v.start].start, cl.end) if ctx.is_foreign(m.entity)),
               default=syls[v.end - 1].end)
    name = describe(ctx.text[a:last])
    if not name:
        return None
    start, end = _dates(ctx, cl, name, a)
    return EventFact(province=prov, kind=kind, name=name, date_start=start, date_end=end, place=prov.name,
                     place_entity=prov, participants=[p.name for p in parts], participant_entities=parts,
                     evidence=ctx.evidence(a, last, f"event:{v.pattern.id}", 0.7))


def _visit(ctx: DocContext, cl: Clause, prov: Entity, filt: PartnerFilter) -> EventFact | None:
    m = VISIT.search(cl.text)
    if not m or m.group("who").lower().startswith("các"):
        return None
    a = cl.start + m.start()
    who_start = cl.start + m.start("who")
    parts = _participants(ctx, who_start, cl.end, filt)
    foreign = [p for p in parts if p.type != "VietnameseProvince"]
    places_after = ctx.mentions_in(who_start, cl.end)
    own = [x for x in places_after if x.entity.id == prov.id and x.start - who_start < 40]
    if own:  # outbound: the province's own delegation goes abroad
        dest = [x.entity for x in places_after if ctx.is_foreign(x.entity) and x.entity.type != "Organization"]
        if not dest:
            return None
        kind, participants = "Delegation", list({d.id: d for d in dest}.values())
    elif foreign or m.group("cue"):
        kind, participants = "Visit", foreign
        if not participants:
            return None
    else:
        return None
    if re.search(r"(?<![\wÀ-ỹ])hội đàm(?![\wÀ-ỹ])", cl.text):
        kind = "Talks"
    name = describe(cl.text[m.start("who"):])
    start, end = _dates(ctx, cl, name, a)
    place = prov.name if kind != "Delegation" else "; ".join(p.name for p in participants)
    return EventFact(province=prov, kind=kind, name=name, date_start=start, date_end=end, place=place,
                     place_entity=prov if kind != "Delegation" else None,
                     participants=[p.name for p in participants], participant_entities=participants,
                     evidence=ctx.evidence(a, cl.end, f"event:{kind.lower()}", 0.75))


def _parties(e: EventFact) -> set[str]:
    """Foreign participants, an embassy or consulate counted as its country."""
    return {(p.country or p.id) if p.type == "Organization" and p.org_kind in ("Embassy", "Consulate") else p.id
            for p in e.participant_entities if p.type != "VietnameseProvince"}


def _same(a: EventFact, b: EventFact) -> bool:
    """The same event told twice (a caption and the body, or a visit to attend it)."""
    da, db = a.date_start or "", b.date_start or ""
    if da and db and da[:4] != db[:4]:
        return False  # an undated retelling may be the same occasion; two different dates are not
    if len(da) >= 7 and len(db) >= 7 and da[:7] != db[:7]:
        return False
    fa, fb = fold_key(a.name), fold_key(b.name)
    ta, tb = set(fa.split()), set(fb.split())
    jaccard = len(ta & tb) / len(ta | tb) if ta and tb else 0.0
    ra = fuzz.ratio(fa, fb) / 100  # the C implementation: events are compared pairwise
    shared = _parties(a) & _parties(b)
    return ra >= 0.6 or jaccard >= 0.45 or (a.kind == b.kind and a.kind in ("Delegation", "Visit", "Talks") and
                                            bool(shared) and (da == db or len(da) < 10 or len(db) < 10))


def signing_events(ctx: DocContext, agreements: list, events: list[EventFact]) -> list[EventFact]:
    """A signing dated to the day is one `Signing` event; talks or a visit that day with the same
    partner ended in it, so they are that one event (the guidelines)."""
    out = list(events)
    for a in agreements:
        if a.status != "signed" or not a.date or len(a.date) != 10 or a.partner is None:
            continue
        partner_ids = {a.partner.id, *(e.id for e in a.party_entities)}
        if any(e.kind == "Signing" and e.date_start == a.date for e in out):
            continue
        merged = [e for e in out if e.kind in ("Visit", "Talks", "Other") and e.date_start == a.date
                  and partner_ids & {p.id for p in e.participant_entities}]
        for e in merged:
            out.remove(e)
        ents = list(({p.id: p for e in merged for p in e.participant_entities} | {a.partner.id: a.partner}).values())
        name = describe(a.evidence.text)
        out.append(EventFact(province=a.province, kind="Signing", name=name, date_start=a.date, date_end=None,
                             place=merged[0].place if merged else None,
                             place_entity=merged[0].place_entity if merged else None,
                             participants=[p.name for p in ents], participant_entities=ents,
                             evidence=a.evidence.model_copy(update={"rule": "event:signing-from-agreement"})))
    return out
