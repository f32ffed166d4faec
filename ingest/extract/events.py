"""Events: conferences, forums, talks, anniversaries, ceremonies, visits and delegations.

A named event starts at a capitalised head noun ("Hội nghị", "Diễn đàn", "Lễ kỷ niệm", …) and runs to
the first boundary word ("tại", "từ", "do", "nhân", …); a quoted title is its name. Visits are read
from delegation phrases ("đón tiếp đoàn công tác của X", "đoàn công tác tỉnh X sang …") with a foreign
party. Generic plurals ("các hội nghị") are not events. One event per clause; dates are the clause's
own (ranges, day-month resolved against the article date), else the year context.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from core.fold import fold_key
from core.models import Entity, EventFact
from ingest.extract.context import Clause, DocContext
from ingest.extract.partners import PartnerFilter, partner_entity

HEADS = [
    ("Signing", r"Lễ ký kết|Lễ ký"), ("Groundbreaking", r"Lễ khởi công|Lễ động thổ"),
    ("Anniversary", r"Lễ kỷ niệm|Lễ mít tinh kỷ niệm"), ("Forum", r"Diễn đàn"),
    ("Conference", r"Hội nghị|Hội thảo|Tọa đàm"), ("Talks", r"Hội đàm|Cuộc hội đàm"),
    ("Exhibition", r"Hội chợ|Triển lãm"), ("Other", r"Lễ (?:ra mắt|khai trương|khánh thành|đón|trao|công bố)"),
]
HEAD = re.compile(r"(?<![\wÀ-ỹ])(?P<head>" + "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(HEADS)) + r")")
BOUNDARY = re.compile(r"\s(?:tại|từ|do|nhân dịp|nhân kỷ niệm|nhân ngày|vào|với|giữa|trong|nhằm|để|đã|sẽ|được|diễn ra|"
                      r"ngày|góp phần|và trao đổi|qua đó|đồng thời)\s|[;|]|\.\s|\.$|,\s(?=[a-zà-ỹ]+\s(?:các|hoạt động|đã|và))")
NAMED_BOUNDARY = re.compile(BOUNDARY.pattern + r"|\(")
PLURAL = re.compile(r"(?:các|những|nhiều|mọi|một số|khuôn khổ)\s+$", re.IGNORECASE)
VISIT = re.compile(r"(?P<cue>đón tiếp|đón,? tiễn|tiếp|đón)?\s*"
                   r"(?P<who>(?:các\s+)?[Đđ]oàn (?:công tác|đại biểu|lãnh đạo)[^;]{0,160})", re.IGNORECASE)
PLACE = re.compile(r"\stại\s+(?P<place>(?:tỉnh |thành phố |TP\.? )?[A-ZÀ-ỸĐ][^,;:.]{1,60}?)"
                   r"(?=\s+(?:từ|vào|ngày|nhân|do|với)\s|[,;.]|$)")


def _kind(m: re.Match[str]) -> str:
    for i, (k, _) in enumerate(HEADS):
        if m.group(f"k{i}"):
            return k
    return "Other"


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


def extract_events(ctx: DocContext) -> list[EventFact]:
    if not ctx.subject:
        return []
    prov = ctx.subject
    filt = PartnerFilter(ctx)
    out: list[EventFact] = []
    for cl in ctx.clauses:
        fact = _visit(ctx, cl, prov, filt) or _named(ctx, cl, prov, filt)
        if fact and not any(_same(fact, o) for o in out):
            out.append(fact)
    return out


def _participants(ctx: DocContext, a: int, b: int, filt: PartnerFilter) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for m in ctx.mentions_in(a, b):
        if m.entity.type == "VietnameseProvince" or (ctx.is_foreign(m.entity) and not filt.is_locator(m)):
            e = partner_entity(m) if m.entity.type != "Organization" or m.entity.org_kind != "Embassy" else m.entity
            seen.setdefault(e.id, e)
    return list(seen.values())


def _dates(ctx: DocContext, cl: Clause, name: str, pos: int) -> tuple[str | None, str | None]:
    own = ctx.dates_in(cl.start, cl.end) or ctx.dates_in(cl.sentence.start, cl.sentence.end)
    if own:  # the most precise date the clause gives ("năm 2023 … từ 17-19/11/2023" is 17-19/11)
        best = max(own, key=lambda d: (len(d.start), d.end is not None))
        return best.start, best.end
    y = re.search(r"\b((?:19|20)\d{2})\b", name)
    return (y.group(1) if y else ctx.year_context(pos)), None


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


def _named(ctx: DocContext, cl: Clause, prov: Entity, filt: PartnerFilter) -> EventFact | None:
    for h in HEAD.finditer(cl.text):
        if PLURAL.search(cl.text[:h.start()]):
            continue
        name = _name(cl.text, h.start())
        kind = _kind(h)
        pos = cl.start + h.start()
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
        ev = ctx.evidence(pos, cl.end, f"event:{h.group('head').lower()}", 0.8)
        parts = _participants(ctx, cl.start, cl.end, filt)
        return EventFact(province=prov, kind=kind, name=name, date_start=start, date_end=end, place=place,
                         place_entity=place_ent, participants=[p.name for p in parts], participant_entities=parts,
                         evidence=ev)
    return None


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
    name = _name(cl.text, m.start("who"), visit=True)
    name = name[0].upper() + name[1:]
    start, end = _dates(ctx, cl, name, a)
    place = prov.name if kind == "Visit" else "; ".join(p.name for p in participants)
    return EventFact(province=prov, kind=kind, name=name, date_start=start, date_end=end, place=place,
                     place_entity=prov if kind == "Visit" else None,
                     participants=[p.name for p in participants], participant_entities=participants,
                     evidence=ctx.evidence(a, cl.end, f"event:{kind.lower()}", 0.75))


def _same(a: EventFact, b: EventFact) -> bool:
    """The same event told twice (a caption and the body, or a visit to attend it)."""
    if (a.date_start or "")[:4] != (b.date_start or "")[:4]:
        return False
    da, db = a.date_start or "", b.date_start or ""
    if len(da) >= 7 and len(db) >= 7 and da[:7] != db[:7]:
        return False
    fa, fb = fold_key(a.name), fold_key(b.name)
    ta, tb = set(fa.split()), set(fb.split())
    jaccard = len(ta & tb) / len(ta | tb) if ta and tb else 0.0
    ra = SequenceMatcher(None, fa, fb).ratio()
    return ra >= 0.6 or jaccard >= 0.45 or (a.kind == b.kind and a.kind in ("Delegation", "Visit") and
                         {e.id for e in a.participant_entities} == {e.id for e in b.participant_entities})
