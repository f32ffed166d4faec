"""Agreements: what was signed, with whom, of which kind, level, fields, date and count.

An agreement noun ("bản ghi nhớ", "thỏa thuận quốc tế", "biên bản làm việc", "Đề án “…”") counts when
a signing verb governs it and no hedge does ("đề xuất ký kết", "tiến tới ký kết" are not signings).
Partners are the valid foreign mentions nearest after the noun (or its co-signers before it); a batch
without a named partner is kept only when the text gives its count and level ("05 bản thỏa thuận quốc
tế cấp tỉnh"), otherwise it is a reported figure, not an agreement.
"""

from __future__ import annotations

import re

from core.models import AgreementFact, Entity, Mention
from ingest.extract.context import Clause, DocContext
from ingest.extract.partners import PartnerFilter, partner_entity
from ingest.numbers import parse_number

NOUN = re.compile(
    r"(?P<count>\b\d{1,3}\s+(?:bản\s+)?)?"
    r"(?P<noun>biên bản ghi nhớ|bản ghi nhớ|thỏa thuận quốc tế|thỏa thuận hợp tác|biên bản hợp tác|"
    r"biên bản làm việc|biên bản hội đàm|biên bản thỏa thuận|hiệp định|thỏa thuận|đề án|"
    r"chương trình hợp tác|kế hoạch hợp tác|MOU|MoU)",
    re.IGNORECASE)
KIND = {"biên bản ghi nhớ": "MoU", "bản ghi nhớ": "MoU", "mou": "MoU", "thỏa thuận quốc tế": "InternationalAgreement",
        "hiệp định": "InternationalAgreement", "thỏa thuận hợp tác": "CooperationAgreement",
        "thỏa thuận": "CooperationAgreement", "biên bản hợp tác": "CooperationMinutes",
        "biên bản làm việc": "WorkingMinutes", "biên bản hội đàm": "WorkingMinutes",
        "biên bản thỏa thuận": "CooperationAgreement", "đề án": "CooperationPlan", "chương trình hợp tác": "CooperationPlan",
        "kế hoạch hợp tác": "CooperationPlan"}
PLURAL = re.compile(r"(?:các|những|nhiều)\s+$", re.IGNORECASE)
SIGN = re.compile(r"(?<![\wÀ-ỹ])(?:ký kết|ký|Ký)(?![\wÀ-ỹ])")
HEDGE = re.compile(r"(?:đề xuất|tiến tới|dự kiến|sẽ|chuẩn bị|đàm phán|xúc tiến(?: việc)?|nghiên cứu|hướng tới|"
                   r"mong muốn|đề nghị|thẩm định|việc|thúc đẩy)\s*(?:việc\s+)?$", re.IGNORECASE)
LEVEL = re.compile(r"^\s*(?:\w+\s+){0,2}?cấp\s+(tỉnh|sở|huyện|bộ|ngành)", re.IGNORECASE)
FIELDS = [("comprehensive", r"toàn diện"), ("economy", r"kinh tế"), ("business", r"doanh nghiệp"),
          ("friendship", r"hữu nghị"), ("energy", r"điện gió|năng lượng|điện mặt trời"), ("trade", r"thương mại"),
          ("tourism", r"du lịch"), ("transport", r"giao thông|vận tải|hành lang"),
          ("border", r"cửa khẩu|biên giới"), ("education", r"giáo dục|đào tạo"), ("health", r"y tế"),
          ("culture", r"văn hóa"), ("agriculture", r"nông nghiệp"), ("investment", r"đầu tư"),
          ("security", r"quốc phòng|an ninh"), ("environment", r"môi trường|khí hậu"),
          ("science", r"khoa học|công nghệ"), ("labour", r"lao động"), ("youth", r"thanh(?:,)? thiếu niên"),
          ("governance", r"hợp tác chính quyền")]


def _fields(text: str) -> list[str]:
    return [code for code, pat in FIELDS if re.search(pat, text, re.IGNORECASE)]


def _groups(ms: list[Mention], ctx: DocContext) -> list[list[Mention]]:
    """Partners joined by dashes sign one agreement together; a sub-unit written after its parent
    with a comma ("Tiểu bang Thüringen, thành phố Triptis") is the same party; others sign apart."""
    groups: list[list[Mention]] = []
    for m in ms:
        if groups:
            prev = groups[-1][-1]
            gap = ctx.text[prev.end:m.start]
            gap_core = re.sub(r"\([^)]*\)", "", gap)
            if re.fullmatch(r"\s*[-–]\s*", gap_core) or (
                    re.fullmatch(r"\s*,\s*(?:thành phố|tỉnh|quận|huyện|TP\.?)?\s*", gap)
                    and m.entity.parent == prev.entity.id):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def extract_agreements(ctx: DocContext) -> list[AgreementFact]:
    if not ctx.subject:
        return []
    filt = PartnerFilter(ctx)
    out: dict[tuple, AgreementFact] = {}
    clauses = ctx.clauses
    for ci, cl in enumerate(clauses):
        nouns = [n for n in NOUN.finditer(cl.text)]
        if not nouns:
            continue
        # a list-only clause after a signing clause continues it ("…; Chính quyền vùng Ustecky (Cộng hòa Séc);")
        scope_end = cl.end
        for nxt in clauses[ci + 1:]:
            if nxt.sentence is cl.sentence and not re.search(r"\b(?:đã|sẽ|được|là|có)\b", nxt.text) \
                    and not NOUN.search(nxt.text):
                scope_end = nxt.end
            else:
                break
        mentions = [m for m in ctx.mentions_in(cl.start, scope_end) if filt.ok(m)]
        for k, n in enumerate(nouns):
            n_start = cl.start + n.start("noun")
            before = cl.text[:n.start()]
            sign = list(SIGN.finditer(before))
            noun = n.group("noun").lower()
            quoted = noun == "đề án" and cl.text[n.end():n.end() + 3].lstrip().startswith(("“", '"'))
            if not sign and not quoted:
                continue
            if sign and HEDGE.search(before[:sign[-1].start()]):
                continue
            nxt_start = cl.start + nouns[k + 1].start() if k + 1 < len(nouns) else scope_end
            prev_end = cl.start + nouns[k - 1].end() if k > 0 else cl.start
            mine = [m for m in mentions if n_start < m.start < nxt_start] or \
                   [m for m in mentions if prev_end <= m.start < n_start and n_start - m.end < 160]
            if PLURAL.search(before) and not n.group("count"):
                # "các thỏa thuận mới": generic, unless the partners follow at once ("các biên bản làm việc với X")
                tail = cl.text[n.end():n.end() + 40]
                if not re.match(r"\s*(?:\w+\s+){0,3}với\s", tail):
                    continue
                mine = [m for m in mine if m.start > n_start]
            count_txt = n.group("count")
            count = int(parse_number(count_txt.split()[0]) or 0) if count_txt else None
            lvl = LEVEL.match(cl.text[n.end():n.end() + 30])
            level = {"tỉnh": "provincial"}.get(lvl.group(1).lower(), "department") if lvl else None
            kind = KIND.get(noun, "CooperationAgreement")
            date = _date(ctx, cl, n_start)
            ev_start = min([n_start, *[m.start for m in mine]])
            ev_end = max([cl.start + n.end(), *[m.end for m in mine]])
            fields = _fields(cl.text[n.start():min(len(cl.text), n.end() + 120)])
            prov = ctx.subject
            if not mine:
                if not (count and level):
                    continue
                fact = AgreementFact(province=prov, parties=[prov.name], party_entities=[], kind=kind, level=level,
                                     fields=fields, date=date, count=count,
                                     evidence=ctx.evidence(cl.start + (n.start("count") if count_txt else n.start()),
                                                           cl.start + n.end() + (lvl.end() if lvl else 0),
                                                           "agreement:count-level", 0.8))
                out.setdefault((None, kind, count, level, date), fact)
                continue
            for group in _groups(mine, ctx):
                resolved = [partner_entity(m) for m in group]
                partners: list[Entity] = list({e.id: e for e in resolved}.values())
                main = partners[0]
                parties = [prov.name, *[p.name for p in partners]]
                fact = AgreementFact(province=prov, partner=main, parties=parties, party_entities=partners[1:],
                                     kind=kind, level=level, fields=fields, date=date, count=count,
                                     title=_quoted(cl.text[n.end():]) if quoted else None,
                                     evidence=ctx.evidence(min(ev_start, *[m.start for m in group]),
                                                           max(ev_end, *[m.end for m in group]),
                                                           f"agreement:{noun}", 0.85 if sign else 0.7))
                out.setdefault((main.id, kind, count, level), fact)
    return list(out.values())


def _quoted(text: str) -> str | None:
    m = re.match(r"\s*[“\"]([^”\"]{3,300})[”\"]", text)
    return m.group(1) if m else None


def _date(ctx: DocContext, cl: Clause, pos: int) -> str | None:
    own = ctx.dates_in(cl.sentence.start, cl.sentence.end)
    if own:
        return own[0].start
    return ctx.year_context(pos)
