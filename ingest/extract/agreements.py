"""Agreements: what was signed (or is to be signed), with whom, of which kind, level, fields, date
and count.

The cues are patterns (`patterns/agreements.yaml`): a document noun gives the kind; it counts when
a signing verb governs it (before it, or after it in the passive "đã được ký kết"), or when it is a
titled agreement "Bản ghi nhớ … giữa A và B"; "ký kết hợp tác" with no noun is a cooperation
agreement. Modality anywhere in the clause before the verb ("sẽ", "dự kiến", "chưa"…) makes it
`planned`. National treaties (an FTA, "giữa hai nước") are not provincial agreements. The partner is
the foreign party named in the clause, else — for "hai bên", "hai tỉnh" — the article's main
partner; several provinces named as co-signers each get the agreement. A count of agreements with
no partner named is one row with its count (and level when the text says).
"""

from __future__ import annotations

import re
from typing import Literal

from core.models import AgreementFact, Entity, Mention, PartnerFact, Rejected
from ingest.extract.context import Clause, DocContext
from ingest.extract.partners import PartnerFilter, partner_entity
from ingest.matcher import Match, find
from ingest.numbers import parse_number

KINDS = {"MoU", "InternationalAgreement", "CooperationAgreement", "CooperationMinutes", "WorkingMinutes",
         "CooperationPlan"}
PLURAL = re.compile(r"(?:các|những|nhiều|mọi)\s+$", re.IGNORECASE)
COUNT = re.compile(r"(\d{1,3})\s+(?:bản\s+|văn bản\s+)?$")
LEVEL = re.compile(r"^\s*(?:\w+\s+){0,2}?cấp\s+(tỉnh|sở|huyện|bộ|ngành)", re.IGNORECASE)
BOTH_SIDES = re.compile(r"(?<![\wÀ-ỹ])(?:hai|2)\s+(?:bên|tỉnh|địa phương|thành phố|phía|đơn vị)(?![\wÀ-ỹ])",
                        re.IGNORECASE)
FIELDS = [("comprehensive", r"toàn diện"), ("economy", r"kinh tế"), ("business", r"doanh nghiệp"),
          ("friendship", r"hữu nghị"), ("energy", r"điện gió|năng lượng|điện mặt trời"), ("trade", r"thương mại"),
          ("tourism", r"du lịch"), ("transport", r"giao thông|vận tải|hành lang"),
          ("border", r"cửa khẩu|biên giới"), ("education", r"giáo dục|đào tạo"), ("health", r"y tế"),
          ("culture", r"văn hóa"), ("agriculture", r"nông nghiệp"), ("investment", r"đầu tư"),
          ("security", r"quốc phòng|an ninh"), ("environment", r"môi trường|khí hậu"),
          ("science", r"khoa học|công nghệ"), ("labour", r"lao động"), ("youth", r"thanh(?:,)? thiếu niên"),
          ("governance", r"hợp tác chính quyền")]
SIGN_GAP = 6   # syllables a signing verb may stand before its noun ("ký trực tuyến Bản ghi nhớ")


def _fields(text: str) -> list[str]:
    return [code for code, pat in FIELDS if re.search(pat, text, re.IGNORECASE)]


def _groups(ms: list[Mention], ctx: DocContext) -> list[list[Mention]]:
    """Partners joined by dashes sign one agreement together; a sub-unit written after its parent
    with a comma ("Tiểu bang X, thành phố Y") is the same party; others sign apart."""
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


def _longest(ms: list[Match]) -> list[Match]:
    """Drop matches inside a longer one ("biên bản" inside "biên bản ghi nhớ")."""
    out: list[Match] = []
    for m in sorted(ms, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        if out and m.start == out[-1].end and out[-1].pattern.id.startswith("noun.") and m.pattern.id.startswith("noun."):
            # "Bản ghi nhớ thỏa thuận hợp tác": one document, named by its first noun
            out[-1] = Match(out[-1].pattern, out[-1].start, m.end)
            continue
        out.append(m)
    return out


def extract_agreements(ctx: DocContext, partners: list[PartnerFact] | None = None,
                       rejected: list[Rejected] | None = None) -> list[AgreementFact]:
    if not ctx.subject:
        return []
    filt = PartnerFilter(ctx)
    toks = ctx.tokens
    syls = toks.syls
    main_partner = _main_partner(partners or [])
    out: dict[tuple, AgreementFact] = {}
    for cl in ctx.clauses:
        i, j = toks.syl_range(cl.start, cl.end)
        found = find("agreements", syls, i, j)
        if not found:
            continue
        signs = [m for m in found if m.pattern.produces == "sign"]
        nouns = _longest([m for m in found if m.pattern.produces in KINDS])
        planned_at = [m.start for m in found if m.pattern.produces == "planned"]
        hedge_at = [m.start for m in found if m.pattern.produces == "hedge"]
        governed_prev: Match | None = None
        national = [m for m in found if m.pattern.produces == "national"]
        for k, n in enumerate(nouns):
            n_start, n_end = syls[n.start].start, syls[n.end - 1].end
            kind = n.pattern.produces
            before = ctx.text[cl.start:n_start]
            sign = next((s for s in reversed(signs) if s.end <= n.start and n.start - s.end <= SIGN_GAP), None)
            if n.pattern.id in ("sign.cooperation", "sign.passive"):
                sign = n
            if sign is None and governed_prev is not None and \
                    re.fullmatch(r"\s*(?:cấp\s+[\wÀ-ỹ]+(?:,\s*[\wÀ-ỹ]+)?)?[\s,]*(?:và|cùng)?\s*(?:\d{1,3}\s*)?(?:bản\s*)?",
                                 ctx.text[syls[governed_prev.end - 1].end:n_start]):
                sign = governed_prev  # "đã ký 13 thỏa thuận hợp tác, 3 thỏa thuận quốc tế": one verb, a list
            passive = sign is None and next((s for s in signs if s.start >= n.end and s.start - n.end <= 5
                                             and "được" in ctx.text[n_end:syls[s.start].start]), None)
            titled = sign is None and not passive and syls[n.start].text[:1].isupper() and \
                re.match(r"[^;]{0,80}?\bgiữa\b", ctx.text[n_end:cl.end]) is not None
            quoted = kind == "CooperationPlan" and ctx.text[n_end:n_end + 3].lstrip().startswith(("“", '"'))
            if not (sign or passive or titled or quoted):
                continue
            governed_prev = n
            verb_at = sign.start if sign and sign is not n else n.start
            if sign is not None and any(h < verb_at for h in hedge_at):  # a hedge governs a signing verb
                _reject(rejected, "hedged or negated signing (proposal, wish, 'chưa'), no agreement", cl.text)
                continue
            if any(x.start <= n.start < x.end or (x.end <= n.start and n.start - x.end <= 3) for x in national):
                _reject(rejected, "national treaty, not a provincial agreement", cl.text)
                continue
            count_m = COUNT.search(before)
            count = int(parse_number(count_m.group(1)) or 0) if count_m else None
            if PLURAL.search(before) and not count and not re.match(r"\s*(?:\w+\s+){0,3}với\s", ctx.text[n_end:n_end + 40]):
                _reject(rejected, "generic plural ('các thỏa thuận'), no particular agreement", cl.text)
                continue
            verb_pos = syls[sign.start].start if sign else n_start
            status: Literal["signed", "planned"] = "planned" if any(p < verb_at for p in planned_at) else "signed"
            nxt = syls[nouns[k + 1].start].start if k + 1 < len(nouns) else cl.end
            prev_end = syls[nouns[k - 1].end - 1].end if k > 0 else cl.start
            scope_end = _scope_end(ctx, cl)
            if k + 1 == len(nouns):
                nxt = scope_end
            mentions = [m for m in ctx.mentions_in(cl.start, scope_end) if filt.ok(m)]
            mine = [m for m in mentions if n_start < m.start < nxt] or _cosigners(ctx, filt, mentions, prev_end, verb_pos)
            lvl = LEVEL.match(ctx.text[n_end:n_end + 30])
            level = {"tỉnh": "provincial"}.get(lvl.group(1).lower(), "department") if lvl else None
            date = _date(ctx, cl, n_start)
            fields = _fields(ctx.text[n_start:min(cl.end, n_end + 120)])
            provinces = _signers(ctx, cl, verb_pos)
            rule = f"agreement:{n.pattern.id}" + (":passive" if passive else ":titled" if titled else "")
            conf = 0.85 if sign or passive else 0.7
            if not mine and main_partner is not None and BOTH_SIDES.search(ctx.text[cl.sentence.start:cl.end]):
                groups: list[list[Entity]] = [[main_partner[0]]]
                surfaces = [[main_partner[1]]]
                ev_a, ev_b = (syls[sign.start].start if sign else n_start), n_end
            elif mine:
                mgroups = _groups(mine, ctx)
                groups = [list({e.id: e for e in (partner_entity(m) for m in g)}.values()) for g in mgroups]
                surfaces = [[m.surface for m in g] for g in mgroups]
                ev_a = min(n_start, *(m.start for m in mine), syls[sign.start].start if sign else n_start)
                ev_b = max(n_end, *(m.end for m in mine))
            else:
                if count and count_m is not None:
                    fact = AgreementFact(province=ctx.subject, parties=[ctx.subject.name], kind=kind, level=level,
                                         fields=fields, date=date, count=count, status=status,
                                         evidence=ctx.evidence(cl.start + count_m.start(), n_end + (lvl.end() if lvl else 0),
                                                               "agreement:count", 0.8))
                    out.setdefault((None, kind, count, level, date), fact)
                else:
                    _reject(rejected, "no foreign party named for the agreement", cl.text)
                continue
            if count and count == len(groups):
                count = None  # "ký 3 thỏa thuận … với các tỉnh A, B và C": one agreement per partner
            for prov in provinces:
                for g, surf in zip(groups, surfaces, strict=True):
                    fact = AgreementFact(province=prov, partner=g[0], parties=[prov.name, *surf],
                                         party_entities=g[1:], kind=kind, level=level, fields=fields, date=date,
                                         count=count, status=status,
                                         title=_quoted(ctx.text[n_end:cl.end]) if quoted else None,
                                         evidence=ctx.evidence(min(ev_a, cl.end), max(ev_b, ev_a + 1), rule, conf))
                    fact.partner_surface = surf[0]
                    out.setdefault((prov.id, g[0].id, kind, count, level), fact)
    return list(out.values())


def _scope_end(ctx: DocContext, cl: Clause) -> int:
    """A list-only clause after a signing clause continues it ("…; Chính quyền vùng X (nước Y);")."""
    end = cl.end
    clauses = ctx.clauses
    k = ctx.clause_index(cl)
    for nxt in clauses[k + 1:]:
        if nxt.sentence is cl.sentence and not re.search(r"(?<![\wÀ-ỹ])(?:đã|sẽ|được|là|có)(?![\wÀ-ỹ])", nxt.text) \
                and not re.search(r"(?i)thỏa thuận|bản ghi nhớ|biên bản", nxt.text):
            end = nxt.end
        else:
            break
    return end


def _cosigners(ctx: DocContext, filt: PartnerFilter, mentions: list[Mention], start: int, verb_pos: int) -> list[Mention]:
    """The foreign party written before the verb: the list nearest the verb, outside brackets."""
    before = [m for m in mentions if start <= m.start and m.end <= verb_pos and verb_pos - m.end < 160]
    before = [m for m in before if ctx.text[start:m.start].count("(") <= ctx.text[start:m.start].count(")")]
    if not before:
        return []
    last = before[-1]
    ls = filt.list_start(last)
    return [m for m in before if m.start >= ls]


def _main_partner(partners: list[PartnerFact]) -> tuple[Entity, str] | None:
    """The partner "hai bên" refers to: the best-scored foreign locality, else any partner."""
    ranked = sorted(partners, key=lambda p: (p.partner.type != "ForeignLocality", -p.evidence.confidence))
    if not ranked:
        return None
    return ranked[0].partner, ranked[0].partner.name


def _signers(ctx: DocContext, cl: Clause, verb_pos: int) -> list[Entity]:
    """Several provinces listed as the subject of the signing ("A, B, C ký kết …") each sign."""
    before = [m.entity for m in ctx.mentions_in(cl.start, verb_pos) if m.entity.type == "VietnameseProvince"]
    uniq = list({e.id: e for e in before}.values())
    if len(uniq) > 1 and ctx.subject and ctx.subject.id in {e.id for e in uniq}:
        return uniq
    return [ctx.subject] if ctx.subject else []


def _reject(rejected: list[Rejected] | None, reason: str, text: str) -> None:
    if rejected is not None:
        rejected.append(Rejected(section="agreements", reason=reason, text=text[:160]))


def _quoted(text: str) -> str | None:
    m = re.match(r"\s*[“\"]([^”\"]{3,300})[”\"]", text)
    return m.group(1) if m else None


def _date(ctx: DocContext, cl: Clause, pos: int) -> str | None:
    own = ctx.dates_in(cl.start, cl.end) or ctx.dates_in(cl.sentence.start, cl.sentence.end)
    if own:
        return own[0].start
    return ctx.year_context(pos)
