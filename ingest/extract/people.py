"""People: officials and others an article names with a role, and authors with an affiliation.

A name is a run of 2-4 capitalised syllables after a role word ("Giám đốc Sở Ngoại vụ Trần Công Phú",
"Chủ tịch UBND tỉnh Nguyễn Văn Phương", "lãnh tụ Cuba Fidel Castro") or an honorific ("ông", "bà"),
or before a role ("bà Trịnh Tuyết Mai - Giám đốc Sở Ngoại vụ"). Places and bodies are never names.
"""

from __future__ import annotations

import re

from ingest.extract.context import DocContext
from ingest.models import PersonFact

SYL = r"[A-ZÀ-ỸĐ][a-zà-ỹđ]+"
NAME = rf"(?P<name>{SYL}(?:[ \u00a0]+{SYL}){{1,3}})"
ROLE = (r"(?P<role>(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Tổng Giám đốc|Trưởng ban|Trưởng phòng|Trưởng đoàn|"
        r"Đại sứ|Tổng Lãnh sự|Lãnh sự|Bộ trưởng|Thứ trưởng|Thủ tướng|Tổng thống|Tỉnh trưởng|Thống đốc|"
        r"Thị trưởng|Tổng Bí thư|Chủ nhiệm|Viện trưởng|Hiệu trưởng|Trưởng Đại diện|Giám đốc Quốc gia|"
        r"[Ll]ãnh tụ|Giảng viên|Nhà báo|Tiến sĩ|TS\.|PGS\.TS\.?)"
        r"(?:\s+(?:[A-ZÀ-ỸĐ][\wÀ-ỹ]*|UBND|HĐND|tỉnh|thành phố|Sở|nước|khoa|Ban|Bộ|Đảng|và|của|Ủy ban|Uỷ ban|"
        r"Cộng hòa|Dân chủ|nhân dân|Quốc vụ|Lao động|Ngoại vụ|Ngoại giao|Thường vụ|Tỉnh ủy|Xây dựng)){0,12})")
HONORIFIC = re.compile(r"(?<![\wÀ-ỹ])(?:ông|bà|Ông|Bà|ngài|Ngài)\s+" + NAME.replace("(?P<name>", "(?P<name>") +
                       r"(?P<after>\s*[-,–]\s*(?P<role2>[^.,;()]{3,80}))?")
ROLE_THEN_NAME = re.compile(ROLE + r"\s+" + NAME.replace("name", "name2"))
STOP_AFTER = {"Sở", "Tỉnh", "Ban", "Bộ", "Ủy", "Uỷ", "Hội", "Đảng", "Nhà", "Cộng", "Quốc"}


def extract_people(ctx: DocContext) -> list[PersonFact]:
    out: dict[str, PersonFact] = {}
    places = [(m.start, m.end) for m in ctx.mentions]
    text = ctx.text

    def is_place(a: int, b: int) -> bool:
        return any(not (b <= x or a >= y) for x, y in places)

    def add(name: str, role: str | None, a: int, b: int, ev_a: int, ev_b: int, rule: str, conf: float) -> None:
        name = " ".join(name.split())
        words = name.split()
        while words and (words[-1] in STOP_AFTER or is_place(b - len(words[-1]), b)):
            b -= len(words[-1]) + 1
            words = words[:-1]
        if len(words) < 2 or is_place(a, a + len(" ".join(words))):
            return
        name = " ".join(words)
        role = " ".join(role.split()).strip(" -–,") if role else None
        org = _org(role)
        if name not in out:
            out[name] = PersonFact(name=name, role=role, organization=org,
                                   evidence=ctx.evidence(ev_a, ev_b, rule, conf))

    for m in HONORIFIC.finditer(text):
        role = m.group("role2") if m.group("after") and re.match(r"\s*(?:Phó\s+)?[A-ZÀ-Ỹ]", m.group("role2") or "") \
            else None
        add(m.group("name"), role, m.start("name"), m.end("name"), m.start(), m.end(), "person:honorific", 0.85)
    for m in ROLE_THEN_NAME.finditer(text):
        role_text = m.group("role")
        name = m.group("name2")
        # the role phrase may have swallowed part of the name: re-split on the last place/body word
        add(name, role_text, m.start("name2"), m.end("name2"), m.start(), m.end(), "person:role", 0.8)
    # an author line followed by an affiliation line at the end of the article
    if text:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) >= 2:
            last, before = lines[-1].strip(), lines[-2].strip()
            bl = re.fullmatch(NAME, before)
            if bl and re.match(r"(?:Phó\s+)?(?:Giảng viên|Nhà báo|Tiến sĩ|Thạc sĩ|TS|ThS|Chuyên viên|Trưởng|Giám đốc|"
                                r"Nghiên cứu viên|Cán bộ)", last):
                a = text.rfind(before)
                add(before, last, a, a + len(before), a, a + len(before), "person:author", 0.7)
    return list(out.values())


def _org(role: str | None) -> str | None:
    if not role:
        return None
    m = re.search(r"((?:Sở|Ủy ban|Uỷ ban|UBND|HĐND|Ban|Bộ|Đảng|Tỉnh ủy|Trường|Viện|Đại sứ quán|Tập đoàn|Công ty)"
                  r"[\wÀ-ỹ ]*)$", role)
    return m.group(1).strip() if m else None
