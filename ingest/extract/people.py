"""People: officials and others an article names with a role or an honorific, and authors with an
affiliation.

A Vietnamese name is a run of 2-4 capitalised syllables led by a family name (Nguyễn, Trần, Triệu, …);
a foreign name is a run of capitalised words without Vietnamese diacritics ("Fidel Castro", "Yoo Soo
Yeon"). Either counts only with context: an honorific before it ("ông", "bà"), a role before it in
the same clause ("Giám đốc Sở Ngoại vụ Trần Công Phú", "lãnh tụ Cuba Fidel Castro") or after it
("bà Trịnh Tuyết Mai - Giám đốc Sở Ngoại vụ"). Places and bodies are never names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.ids import slug
from core.models import Entity, PersonFact
from ingest.extract.context import DocContext
from ingest.matcher import lexicons
from ingest.spans import Spans

SURNAMES = frozenset([
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Trịnh", "Đinh", "Lâm", "Mai", "Trương", "Triệu", "Đoàn", "Lương", "Cao", "Hà", "Tạ", "Tô",
    "Quách", "Chu", "Thái", "Lưu", "Kiều", "La", "Tăng", "Châu", "Khúc", "Nông", "Lò", "Hứa", "Mạc", "Vi",
    "Đàm", "Đào", "Giang", "Kim", "Lại", "Lục", "Tôn", "Thân", "Từ", "Âu", "Bạch", "Diệp", "Doãn", "Đồng",
    "Hầu", "Khổng", "Lã", "Mã", "Nghiêm", "Ninh", "Ông", "Phùng", "Quan", "Tiêu", "Tống", "Uông", "Vương",
    "Vòng", "Sầm", "Lường", "Cầm", "Bế", "Giáp", "Khuất", "Lạc", "Phí", "Thạch", "Trình", "Văn", "Viên", "Yên",
    "Ngụy", "Khương", "Mạnh", "Tiền", "Nhâm", "Cù", "Ứng", "Tần", "Thi", "Hàn", "Du", "Lục",
])
# capitalised syllables: an upper-case letter (str.isupper, since "đ" lies inside the range À-Ỹ), then
# lower case or, for names written "IKEDA", capitals; "S’bong" keeps its apostrophe
TOKEN = re.compile(r"(?:[^\W\d_](?:[’'][^\W\d_])?)[^\W\d_]*(?:[’'][^\W\d_]+)?(?:-[^\W\d_]+)?")
VIET_LETTERS = re.compile(r"[à-ỹđÀ-ỸĐ]")
def _alternation(words: list[str]) -> str:
    """Longest first, each word's spaces as any whitespace: a regex alternation of a lexicon."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


# honorifics and role titles are lexicons (patterns/lexicons.yaml), matched without regard to case
HONORIFIC = re.compile(r"(?<![\wÀ-ỹ])(?:" + _alternation(lexicons()["honorifics"]) + r")\.?\s+$", re.IGNORECASE)
ROLE_WORDS = _alternation(lexicons()["role_titles"]) + r"|Phó [A-ZĐ]\w+|Trưởng [Cc]ông an"
ROLE_WORD = re.compile(r"(?<![\wÀ-ỹ])(?:Phó\s+)?(?:" + ROLE_WORDS + r")(?![\wÀ-ỹ])", re.IGNORECASE)
# a role phrase ends where a verb starts ("Phó Chủ tịch UBND tỉnh tiếp Đại sứ …")
VERBS = re.compile(r"\s(?:tiếp|cho biết|phát biểu|dẫn đầu|đã|đang|sẽ|và|chủ trì|tham dự|làm việc|đến|thăm|"
                   r"khẳng định|nhấn mạnh|trao|ký|hội kiến|gặp|đề nghị|chúc mừng|thông tin)\s")
ROLE_AFTER = re.compile(r"^\s*(?:[-–,]\s*)(?P<role>(?:Phó\s+)?(?:" + ROLE_WORDS + r")[^.;:()\n]{0,80}?)"
                        r"(?=\s*(?:[.;:(]|,\s+(?:[a-zà-ỹ]|[A-ZĐ][\wÀ-ỹ]+\s+[A-ZĐ])|$)|"
                        r"\s(?:tiếp|cho biết|phát biểu|dẫn đầu|đã|chủ trì|khẳng định|nhấn mạnh)\b)", re.IGNORECASE)
AUTHOR_ROLE = re.compile(r"(?:Phó\s+)?(?:Giảng viên|Nhà báo|Tiến sĩ|Thạc sĩ|TS\b|ThS\b|Chuyên viên|Trưởng|Giám đốc|"
                         r"Nghiên cứu viên|Cán bộ)")
ORG_OF_ROLE = re.compile(r"((?:Sở|Ủy ban|Uỷ ban|UBND|HĐND|Ban|Bộ|Đảng|Tỉnh ủy|Trường|Viện|Đại sứ quán|Tập đoàn|"
                         r"Công ty|khoa)[\wÀ-ỹ ]*)$")


def _runs(text: str) -> list[tuple[int, int, list[str]]]:
    """Maximal runs of capitalised tokens separated by single spaces."""
    runs: list[tuple[int, int, list[str]]] = []
    cur: list[re.Match[str]] = []
    for m in TOKEN.finditer(text):
        if not m.group()[0].isupper():
            if cur:
                runs.append((cur[0].start(), cur[-1].end(), [t.group() for t in cur]))
                cur = []
            continue
        if cur and text[cur[-1].end():m.start()] not in (" ", "\u00a0"):
            runs.append((cur[0].start(), cur[-1].end(), [t.group() for t in cur]))
            cur = []
        cur.append(m)
    if cur:
        runs.append((cur[0].start(), cur[-1].end(), [t.group() for t in cur]))
    return runs


def extract_people(ctx: DocContext) -> list[PersonFact]:
    text = ctx.text
    spans = Spans([(m.start, m.end) for m in ctx.mentions])
    out: dict[str, PersonFact] = {}

    def overlaps(a: int, b: int) -> bool:
        return not spans.free(a, b)

    for start, end, tokens in _runs(text):
        # within a run, a name is its tail led by a family name (Vietnamese) or a foreign-looking tail
        for k in range(len(tokens)):
            sub = tokens[k:]
            a = start + len(" ".join(tokens[:k])) + (1 if k else 0)
            b = end
            if len(sub) == 1:
                # a foreign name of one word counts between an honorific and a role: "bà Cowley, Tổng Lãnh sự …"
                if VIET_LETTERS.search(sub[0]) or len(sub[0]) < 3 or not HONORIFIC.search(text[max(0, a - 12):a]) \
                        or not ROLE_AFTER.match(text[b:b + 100]):
                    continue
            elif not 2 <= len(sub) <= 4:
                continue
            if overlaps(a, b):
                continue
            foreign = not any(VIET_LETTERS.search(t) for t in sub)
            if not (sub[0] in SURNAMES or foreign):
                continue
            before = text[max(0, a - 130):a]
            line_start = before.rfind("\n")
            before = before[line_start + 1:]
            role = None
            role_start = len(before)
            if HONORIFIC.search(before):
                after = ROLE_AFTER.match(text[b:b + 100])
                role = after.group("role").strip() if after else None
                rule, conf = "person:honorific", 0.85
            elif (rb := _nearest_role(before)) is not None:
                role, role_start = rb
                rule, conf = "person:role", 0.8
            elif (ra := ROLE_AFTER.match(text[b:b + 100])) is not None:
                role = ra.group("role").strip()
                rule, conf = "person:role-after", 0.75
            else:
                continue
            name = " ".join(sub)
            if name not in out:
                ev_a = a - (len(before) - role_start)
                org = _org(role)
                out[name] = PersonFact(name=name, role=role, organization=org,
                                       organization_entity=_org_entity(ctx, org),
                                       evidence=ctx.evidence(min(ev_a, a), b, rule, conf))
            break
    _authors(ctx, out)
    return list(out.values())


def _nearest_role(before: str) -> tuple[str, int] | None:
    """The role phrase closest before a name, cut at the first verb, within the clause."""
    clause_start = max(before.rfind(";"), before.rfind("."), before.rfind(":")) + 1
    starts = [m for m in ROLE_WORD.finditer(before, clause_start)]
    for m in reversed(starts):
        phrase = before[m.start():]
        if not VERBS.search(phrase) and len(phrase) <= 130:
            return phrase.strip(" ,-–"), m.start()
    return None


def _authors(ctx: DocContext, out: dict[str, PersonFact]) -> None:
    """An author line followed by an affiliation line at the end of the article."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", ctx.text) if m.group().strip()]
    if len(lines) < 2:
        return
    (a, before), (_, last) = lines[-2], lines[-1]
    name = before.strip()
    tokens = name.split()
    if 2 <= len(tokens) <= 4 and tokens[0] in SURNAMES and all(TOKEN.fullmatch(t) for t in tokens) \
            and AUTHOR_ROLE.match(last.strip()) and name not in out:
        s = a + before.index(name)
        out[name] = PersonFact(name=name, role=last.strip(), organization=_org(last.strip()),
                               evidence=ctx.evidence(s, s + len(name), "person:author", 0.7))


@lru_cache(maxsize=4096)
def _lookup_org(org: str) -> list:
    from ingest.gazetteer import gazetteer

    return gazetteer().lookup(org, limit=1)


def _org_entity(ctx: DocContext, org: str | None) -> Entity | None:
    """The body a role belongs to: a curated organisation when the name is known, else a new one; a
    provincial body named without its province ("UBND tỉnh") belongs to the article's province."""
    if not org or len(org.split()) < 2:
        return None

    found = _lookup_org(org)
    if found and found[0][1] >= 1.0 and found[0][0].entity.type == "Organization":
        return found[0][0].entity
    name = org
    named = [m for m in ctx.mentions_in(0, len(ctx.text)) if m.surface in org]
    bare_body = re.search(r"(?:tỉnh|thành phố)$", org) or (not named and re.match(r"(?:Sở|UBND|HĐND|Tỉnh ủy|Ban)\b", org))
    if ctx.subject and bare_body:
        name = f"{org} {ctx.subject_name}"
    foreign = [m.entity for m in named if m.entity.type == "Country" and m.entity.id != "VN"]
    country = foreign[0].id if foreign else "VN"
    parent = ctx.subject.id if country == "VN" and ctx.subject else country
    return Entity(id=f"org-{slug(name)}", type="Organization", name=name, country=country, parent=parent,
                  org_kind="VietnameseGovernmentBody" if country == "VN" else None, curated=False)


def _org(role: str | None) -> str | None:
    if not role:
        return None
    m = ORG_OF_ROLE.search(role)
    return m.group(1).strip() if m else None
