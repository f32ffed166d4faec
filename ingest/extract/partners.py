"""Partnerships: which foreign localities, countries and organisations a province works with.

A foreign mention in a sentence with a cooperation cue is a partner unless its context says it only
locates or names something else: a country in parentheses or after a comma placing a locality
("Savannakhet (Lào)", "Quảng Tây, Trung Quốc"), a parent unit after a city ("Seongnam, tỉnh
Gyeonggi-do"), "của X" after a body, countries paired in "Việt Nam - Nhật Bản" or inside a quoted
title, the venue of an event ("tại X"), destinations ("thăm X"), languages ("thứ tiếng"), markets,
and the sets "các tỉnh (nước) X" / "các nước ASEAN".
"""

from __future__ import annotations

import re

from core.fold import fold1
from core.models import Entity, Mention, PartnerFact
from ingest.extract.context import GOV_KINDS, REPRESENTATION_KINDS, DocContext
from ingest.gazetteer import gazetteer

STRONG_CUES = re.compile(
    r"đối tác|hợp tác (?:\w+ ){0,3}với|quan hệ hợp tác|quan hệ hữu nghị|hữu nghị hợp tác|hợp tác hữu nghị|"
    r"kết nghĩa|ký kết|(?<![\wÀ-ỹ])ký\s|biên bản|bản ghi nhớ|thỏa thuận|đồng tổ chức|phối hợp với|"
    r"đón tiếp đoàn|tiếp đoàn|đoàn công tác|làm việc với|chủ đầu tư|tài trợ|viện trợ|hội đàm|tháp tùng|"
    r"liên hợp|quan hệ đặc biệt|hợp tác quốc tế với|hợp tác với|đầu tư vào|kết nối với|giao lưu với|"
    r"(?:tiếp|hội kiến|tiếp xúc|hội đàm với|chào xã giao)\s+(?:ngài\s+|bà\s+|ông\s+)?(?:Đại sứ|Tổng Lãnh sự|Lãnh sự|"
    r"Trưởng đại diện|Đoàn|đoàn)",
    re.IGNORECASE)
WEAK_CUES = {"đầu tư vào"}  # "doanh nghiệp Nhật Bản … đầu tư vào tỉnh": only a named company is a partner
LOCATION_BEFORE = re.compile(r"(?:\btại|\bở|\bthăm|\bsang|\bđến|\bvề|\btới|\bqua|\bkhắp)\s+(?:các\s+|tỉnh\s+|nước\s+)?$",
                             re.IGNORECASE)
SET_BEFORE = re.compile(r"(?:(?:các|một số|những|nhiều)\s+)?(?:tỉnh|địa phương|vùng|thành phố|bang|khu vực)"
                        r"(?:\s+(?:khác|[A-ZÀ-Ỹ][\wÀ-ỹ]*)){0,3}\s+(?:của|nước|thuộc)?\s*$")
ORG_SET_BEFORE = re.compile(r"các nước\s*$", re.IGNORECASE)  # "các nước ASEAN": the members, not the bloc
NEGATIVE_BEFORE = re.compile(r"(?:thứ tiếng|tiếng|thị trường|phía|đệ trình|đề nghị|trình|lãnh tụ|"
                             r"Chủ tịch|Tổng thống|Thủ tướng|Quốc vương|Hoàng|Nhà vua)\s*:?\s*$", re.IGNORECASE)
LIST_SEP = re.compile(r"^(?:\s*(?:,|;|và|cùng|hoặc|/|\(|\)|…|\.\.\.|châu [ÁÂÚPMa-zà-ỹ]\w*|Trung Đông|Bắc Mỹ|"
                      r"Mỹ Latinh|Đông Âu|Tây Âu|Bắc Âu|Nam Á|Đông Nam Á)\s*)+$")
DASH = re.compile(r"^\s*[-–—]\s*$")


def partner_entity(m: Mention) -> Entity:
    """Bodies that stand for a place or a country are read as that place or country: an embassy is
    its country; a foreign party committee or government is its locality."""
    e = m.entity
    if e.type == "Organization" and e.org_kind in REPRESENTATION_KINDS and e.country:
        g = gazetteer()
        if e.country in g.entries:
            return g.entries[e.country].entity
    if e.type == "Organization" and e.org_kind in GOV_KINDS:
        g = gazetteer()
        for _, _, key in g.scan(fold1(e.name)):
            for entry in g.candidates(key):
                if entry.entity.type == "ForeignLocality" and entry.entity.country == e.country:
                    return entry.entity
    return e


class PartnerFilter:
    """Decides whether a foreign mention is a potential partner in its context."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx

    def _list_start(self, m: Mention) -> int:
        """Start of the list a mention stands in (walk back over other mentions and separators)."""
        text = self.ctx.text
        start = m.start
        prior = [p for p in self.ctx.mentions if p.end <= m.start]
        for p in reversed(prior):
            gap = text[p.end:start]
            same_kind = (p.entity.type == "Country") == (m.entity.type == "Country")
            if same_kind and (LIST_SEP.match(gap) or not gap.strip()):
                start = p.start
            else:
                break
        return start

    def is_locator(self, m: Mention) -> bool:
        text = self.ctx.text
        prior = [p for p in self.ctx.mentions if p.end <= m.start]
        if not prior:
            return False
        p = prior[-1]
        gap = text[p.end:m.start]
        if re.fullmatch(r"\s*\((?:nước|quốc gia|thuộc)?\s*", gap) and m.entity.type == "Country":
            return True
        if re.fullmatch(r"\s*\(\s*", gap) and p.entity.type in ("ForeignLocality", "Organization") \
                and m.entity.type in ("Country", "ForeignLocality") and m.entity.id == p.entity.parent:
            return True
        if re.fullmatch(r"\s*,\s*(?:tỉnh|bang|vùng|thuộc)?\s*", gap) and p.entity.type in ("ForeignLocality",
                                                                                            "Organization"):
            if m.entity.type == "Country" and m.entity.id == p.entity.country:
                return True
            if m.entity.id == p.entity.parent:
                return True
        if re.fullmatch(r"\s+của\s+", gap) and p.entity.type in ("Organization", "ForeignLocality") \
                and m.entity.type == "Country":
            return True
        return bool(m.entity.type == "Country" and p.entity.type == "Organization" and p.entity.country == m.entity.id
                    and re.fullmatch(r"\s*\(\s*", gap))

    def in_quotes(self, m: Mention) -> bool:
        before = self.ctx.text[max(0, m.start - 200):m.start]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def dash_paired_country(self, m: Mention) -> bool:
        """Countries joined by dashes name a bilateral relation or a forum ("Việt Nam - Nhật Bản",
        "Thái Lan - Lào - Myanmar", "Mỹ - Triều"), not a partner."""
        if m.entity.type != "Country":
            return False
        before = self.ctx.text[max(0, m.start - 40):m.start]
        after = self.ctx.text[m.end:m.end + 40]
        return bool(re.search(r"[A-ZÀ-ỸĐ][\wÀ-ỹ]*\s*[-–]\s*$", before) or re.match(r"\s*[-–]\s*[A-ZÀ-ỸĐ]", after))

    def ok(self, m: Mention) -> bool:
        e = m.entity
        if not self.ctx.is_foreign(e):
            return False
        if self.is_locator(m) or self.dash_paired_country(m):
            return False
        if e.type == "Country" and self.in_quotes(m):
            return False
        head = self.ctx.text[max(0, self._list_start(m) - 60):self._list_start(m)]
        if LOCATION_BEFORE.search(head) or NEGATIVE_BEFORE.search(head):
            return False
        if e.type == "Organization" and ORG_SET_BEFORE.search(head):
            return False
        return not (e.type == "Country" and self.is_set_of_localities(m, head))

    def is_set_of_localities(self, m: Mention, head: str) -> bool:
        """"các tỉnh (nước) Lào" names Lao provinces, not Laos; "một số vùng của Pháp" stands for France
        unless a French locality is named beside it ("Quảng Tây và một số địa phương khác của Trung Quốc")."""
        set_match = SET_BEFORE.search(head)
        if not set_match:
            return False
        if re.search(r"tỉnh", set_match.group(0)):
            return True
        s = next((x for x in self.ctx.sentences if x.start <= m.start < x.end), None)
        if s is None:
            return True
        return any(x.entity.type == "ForeignLocality" and x.entity.country == m.entity.id
                   for x in self.ctx.mentions_in(s.start, s.end))


def extract_partners(ctx: DocContext) -> list[PartnerFact]:
    if not ctx.subjects:
        return []
    filt = PartnerFilter(ctx)
    out: dict[tuple[str, str], PartnerFact] = {}
    last_cue = None
    for s in ctx.clauses:
        cue = STRONG_CUES.search(s.text)
        if cue is None and last_cue is not None and last_cue[1] is s.sentence and _list_only(s.text):
            cue = last_cue[0]  # "…; Chính quyền vùng Ustecky (Cộng hòa Séc);" continues the clause before
        last_cue = (cue, s.sentence) if cue else None
        if not cue:
            continue
        ms = ctx.mentions_in(s.start, s.end)
        provinces = {m.entity.id: m.entity for m in ms if m.entity.type == "VietnameseProvince"}
        targets = list(provinces.values()) if len(provinces) > 1 and re.search(r"giữa|liên hợp|cùng", s.text) \
            else [ctx.subjects[0]]
        org_only = cue.group(0).lower() in WEAK_CUES
        for m in ms:
            if not filt.ok(m) or (org_only and m.entity.type != "Organization"):
                continue
            partner = partner_entity(m)
            conf = 0.9 if m.confidence >= 0.95 else round(0.9 * m.confidence, 2)
            for prov in targets:
                key = (prov.id, partner.id)
                if key not in out:
                    out[key] = PartnerFact(province=prov, partner=partner,
                                           evidence=ctx.evidence(s.start, s.end, f"partner:{cue.group(0).lower()}", conf))
    order = {"Organization": 0, "ForeignLocality": 1, "Country": 2}
    return sorted(out.values(), key=lambda f: order.get(f.partner.type, 3))  # the most specific partner first


def _list_only(text: str) -> bool:
    return not re.search(r"(?<![\wÀ-ỹ])(?:đã|sẽ|được|là|có|đang|tổ chức|triển khai|thực hiện)(?![\wÀ-ỹ])", text)
