"""Reported figures: indicator, value, unit, period.

Money ("4.750 triệu USD", "628.551 triệu đồng"), counts of meaningful things ("53 đoàn/505 lượt" is
two counts, "03 thỏa thuận" is 3) and lengths ("231,74km"). Not figures: percentages, ordinals
("thứ 19", "lần thứ XIII"), durations ("50 năm"), document numbers ("22-NQ/TW", "40/QĐ-TTg"), dates,
phone numbers, changes ("tăng 02 dự án"), equivalents in parentheses, and the breakdown of a total
already counted ("…, trong đó có 4 thỏa thuận cấp tỉnh").
"""

from __future__ import annotations

import re

from core.models import ObservationFact, Rejected, Sentence
from ingest.extract.context import DocContext
from ingest.numbers import CURRENCY, NUMBER, as_plain, parse_number, scaled

QUAL = r"(?P<qual>khoảng|gần|hơn|trên|dưới|ước đạt|ước|đạt|tới|lên tới|xấp xỉ|chừng)?\s*"
SCALE = r"(?P<scale>nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)?\s*"
CUR = r"(?P<cur>USD|US\$|đô la Mỹ|đô-la Mỹ|đô la|đồng|VNĐ|VND|EUR|euro|yên|won|nhân dân tệ|bạt|kíp)"
COUNT_NOUNS = (
    r"đoàn|lượt(?: người| khách)?|dự án|chương trình|khoản viện trợ|khoản|thỏa thuận|bản thỏa thuận|quốc gia|"
    r"thị trường|doanh nghiệp|người(?: lao động)?|lao động|vụ|chỉ tiêu học bổng|suất học bổng|học bổng|du khách|"
    r"khách|nhà đầu tư|tổ chức|cơ quan|lượt khách|hiệp định|biên bản|bản ghi nhớ|sự kiện|hội nghị|chuyên gia|"
    r"sinh viên|học sinh|tình nguyện viên|công dân|tàu|xe|ca|cửa khẩu|mốc|cột mốc")
MONEY = re.compile(r"(?<![\d.,/])" + QUAL + r"(?P<num>" + NUMBER + r")\s*" + SCALE + CUR + r"(?![\wÀ-ỹ])",
                   re.IGNORECASE)
RANGE_MONEY = re.compile(r"từ\s+(?P<lo>" + NUMBER + r")\s*(?:đến|-|–)\s*(?P<num>" + NUMBER + r")\s*" + SCALE + CUR,
                         re.IGNORECASE)
COUNT = re.compile(r"(?<![\d.,/:-])" + QUAL + r"(?P<num>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<noun>" + COUNT_NOUNS +
                   r")(?![\wÀ-ỹ])(?=(?P<tail>[^.;:,()]{0,60}))")
PAIR = re.compile(r"(?P<n1>\d[\d.]*)\s+(?P<u1>đoàn)\s*/\s*(?P<n2>\d[\d.]*)\s+(?P<u2>lượt(?: người| khách)?|người)")
LENGTH = re.compile(r"(?<![\d.,])" + QUAL + r"(?P<num>" + NUMBER + r")\s*(?P<unit>km|ki-lô-mét|kilômét|ha|héc-ta)\b",
                    re.IGNORECASE)
SKIP_BEFORE = re.compile(r"(?:thứ|lần|lần thứ|số|tăng|giảm|gấp|hạng|top|năm|[Nn]ăm|tháng|ngày|Nghị quyết|Chỉ thị|"
                         r"Quyết định|Kế hoạch)\s*$", re.IGNORECASE)
DOMESTIC = re.compile(r"(?:tổng sản phẩm|GRDP|GDP|thu nhập bình quân|bình quân đầu người|ngân sách|thu ngân sách|"
                      r"dân số|diện tích|chiều dài|mức thu nhập|tăng trưởng kinh tế)(?:(?![.;]).)*$", re.IGNORECASE)
BREAKDOWN = re.compile(r"trong đó(?: có)?\s*:?\s*$|\(\s*trong đó", re.IGNORECASE)
CHANGE_AFTER = re.compile(r"^\s*so với", re.IGNORECASE)
QUALIFIER = {"khoảng": "approx", "ước": "approx", "ước đạt": "approx", "xấp xỉ": "approx", "chừng": "approx",
             "hơn": "over", "trên": "over", "gần": "under", "dưới": "under"}

# indicator names from the words around a figure: (pattern, money name, count name)
# indicator names from the words around a figure: (pattern, money name, count name, nouns a count may have)
PROJECTS = {"dự án", "chương trình", "khoản", "khoản viện trợ"}
DELEGATIONS = {"đoàn", "lượt", "lượt người", "lượt khách", "quốc gia"}
PEOPLE = {"người", "người lao động", "lao động"}
INDICATORS = [
    (r"tiền gửi về|kiều hối", "remittances", None, None),
    (r"kiều bào|người Việt Nam ở nước ngoài|sinh sống", None, "overseas_vietnamese", PEOPLE),
    (r"thu hút được", "investment_attracted", "projects_attracted", PROJECTS),
    (r"kim ngạch xuất nhập khẩu|xuất nhập khẩu", "trade_turnover", None, None),
    (r"hàng xuất khẩu địa phương", "local_exports", None, None),
    (r"(?<!nhập )xuất khẩu", "exports", "exporting_businesses", {"doanh nghiệp"}),
    (r"xuất khẩu đến|thị trường", None, "export_markets", {"thị trường"}),
    (r"nhập khẩu", "imports", None, None),
    (r"FDI|đầu tư trực tiếp nước ngoài|vốn đầu tư nước ngoài|đầu tư nước ngoài", "fdi_registered", "fdi_projects",
     PROJECTS),
    (r"ODA", "oda_capital", "oda_projects", PROJECTS),
    (r"phi chính phủ|NGO|viện trợ|tài trợ", "ngo_aid", "ngo_aid_projects", PROJECTS),
    (r"giải ngân", "aid_disbursed", None, None),
    (r"cam kết", "aid_committed", None, None),
    (r"thỏa thuận quốc tế", None, "international_agreements", {"thỏa thuận", "bản thỏa thuận"}),
    (r"thỏa thuận hợp tác", None, "cooperation_agreements", {"thỏa thuận", "bản thỏa thuận"}),
    (r"đoàn ra|cử \d|đi công tác|(?:^|\s)cử", None, "outbound_delegations", DELEGATIONS),
    (r"đoàn vào|đón|tiếp đoàn|tiếp và làm việc|đến thăm|đến từ", None, "inbound_delegations", DELEGATIONS),
    (r"lao động|làm việc (?:có thời hạn )?ở nước ngoài", "remittances", "workers_abroad", PEOPLE),
    (r"vi phạm", None, "border_violations", {"vụ"}),
    (r"biên giới", "border", "border", None),
    (r"du lịch|du khách|khách quốc tế", "tourism_revenue", "international_visitors", None),
    (r"học bổng", None, "scholarships", {"suất học bổng", "học bổng", "chỉ tiêu học bổng"}),
    (r"sinh viên|học sinh|du học|học tập|đào tạo", None, "students", {"sinh viên", "học sinh"}),
    (r"đầu tư|nhà đầu tư", None, "investing_enterprises", {"doanh nghiệp", "nhà đầu tư"}),
    (r"đối tác thuộc|quan hệ với", None, "partner_countries", {"quốc gia"}),
]
NOUN_NAME = {"đoàn": "delegations", "lượt": "person_trips", "quốc gia": "countries", "thị trường": "markets",
             "doanh nghiệp": "businesses", "người": "persons", "vụ": "cases", "dự án": "projects",
             "chương trình": "programmes", "khoản viện trợ": "aid_packages", "khoản": "aid_packages",
             "thỏa thuận": "agreements", "bản thỏa thuận": "agreements"}


def _indicator(window: str, at: int, money: bool, unit: str, noun: str | None) -> str:
    """Name a figure after the indicator keyword nearest to it (a keyword before it counts more)."""
    scored = []
    for rank, (pat, money_name, count_name, nouns) in enumerate(INDICATORS):
        name = money_name if money else count_name
        if not name or (not money and nouns is not None and noun not in nouns):
            continue
        for m in re.finditer(pat, window, re.IGNORECASE):
            dist = at - m.end() if m.end() <= at else (m.start() - at) * 2
            scored.append((abs(dist), rank, name))
    if scored:
        name = min(scored)[2]
        if money:
            return f"{name}_{unit.lower()}"
        if noun in ("lượt", "lượt người", "lượt khách") and "delegations" in name:
            return name.replace("delegations", "delegation_person_trips")
        if noun == "quốc gia" and "delegations" in name:
            return name.replace("delegations", "countries")
        return name
    if money:
        return f"amount_{unit.lower()}"
    base = NOUN_NAME.get(noun or "", NOUN_NAME.get((noun or "").split(" ")[0], (noun or unit).replace(" ", "_")))
    return f"count_{base}"


def extract_figures(ctx: DocContext, rejected: list[Rejected] | None = None) -> list[ObservationFact]:
    if not ctx.subject:
        return []
    out: list[ObservationFact] = []
    seen: set[tuple[int, int]] = set()
    for s in ctx.sentences:
        out.extend(_SentenceFigures(ctx, s, seen, rejected).read())
    return out


class _SentenceFigures:
    """The figures of one sentence; spans already taken by a longer reading are not read again."""

    def __init__(self, ctx: DocContext, sentence: Sentence, seen: set[tuple[int, int]],
                 rejected: list[Rejected] | None = None) -> None:
        self.ctx, self.s, self.text, self.seen = ctx, sentence, sentence.text, seen
        self.taken: list[tuple[int, int]] = []
        self.counted: list[str] = []
        self.out: list[ObservationFact] = []
        self.ctx_rejected: list[Rejected] = rejected if rejected is not None else []

    def free(self, a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in self.taken)

    def add(self, a: int, b: int, value: float, unit: str, noun: str | None, qual: str | None,
            value_max: float | None = None, window_end: int | None = None, rule: str = "figure") -> None:
        text, start = self.text, self.s.start
        if not self.free(a, b) or (start + a, start + b) in self.seen:
            return
        if DOMESTIC.search(text[max(0, a - 60):a]):
            self.ctx_rejected.append(Rejected(section="indicators", reason="domestic statistic (GRDP, income, "
                                              "budget, population, area)", text=text[max(0, a - 60):b]))
            return
        before = text[max(0, a - 25):a]
        if SKIP_BEFORE.search(before) or re.search(r"\((?:tương đương|khoảng|tức)\s*$", before):
            return
        if CHANGE_AFTER.match(text[b:b + 12]) and re.search(r"(?:tăng|giảm)\s*$", before):
            return
        self.taken.append((a, b))
        self.seen.add((start + a, start + b))
        lo = max(text.rfind(";", 0, a) + 1, a - 90, 0)
        hi_semi = text.find(";", b)
        hi = min(len(text), (window_end or b) + 40, hi_semi if hi_semi >= 0 else len(text))
        self.out.append(ObservationFact(
            province=self.ctx.subjects[0],
            indicator=_indicator(text[lo:hi], a - lo, unit not in ("count", "km", "ha"), unit, noun),
            value=as_plain(value), value_max=as_plain(value_max) if value_max is not None else None,
            unit=unit, unit_noun=noun, period=_period(self.ctx, start + a, text, a),
            qualifier=QUALIFIER.get((qual or "").lower(), "exact"),
            evidence=self.ctx.evidence(self.ctx.tokens.word_start(start + max(0, a - 40)),
                                       self.ctx.tokens.word_end(start + b), rule, 0.85)))

    def read(self) -> list[ObservationFact]:
        text = self.text
        for m in RANGE_MONEY.finditer(text):
            lo, hi = parse_number(m.group("lo")), parse_number(m.group("num"))
            if lo is None or hi is None:
                continue
            cur = CURRENCY.get(m.group("cur").lower(), m.group("cur").upper())
            self.add(m.start(), m.end(), scaled(lo, m.group("scale")), cur, None, "approx",
                     value_max=scaled(hi, m.group("scale")), rule="figure:money-range")
        for m in MONEY.finditer(text):
            v = parse_number(m.group("num"))
            if v is None or _in_parenthesised_breakdown(text, m.start()):
                continue
            cur = CURRENCY.get(m.group("cur").lower(), m.group("cur").upper())
            self.add(m.start("num"), m.end(), scaled(v, m.group("scale")), cur, None, m.group("qual"),
                     rule="figure:money")
        for m in PAIR.finditer(text):
            n1, n2 = parse_number(m.group("n1")), parse_number(m.group("n2"))
            if n1 is None or n2 is None or _breakdown(text, m.start(), "đoàn", self.counted):
                continue
            self.add(m.start("n1"), m.end("u1"), n1, "count", "đoàn", None, window_end=m.end(), rule="figure:pair")
            self.add(m.start("n2"), m.end("u2"), n2, "count", m.group("u2"), None, window_end=m.end(),
                     rule="figure:pair")
        # lengths and areas (border length, farmland) are domestic statistics, not foreign-affairs figures
        for m in COUNT.finditer(text):
            v = parse_number(m.group("num"))
            noun = m.group("noun").lower()
            if v is None or v == 0 or _in_parenthesised_breakdown(text, m.start()):
                continue
            if re.match(r"\s*(?:năm|tháng|ngày)\b", m.group("tail")) and noun in ("đoàn",):
                continue
            if _breakdown(text, m.start(), noun, self.counted):
                continue
            self.add(m.start("num"), m.end("noun"), v, "count", noun, m.group("qual"), window_end=m.end(),
                     rule="figure:count")
        return self.out


def _head(noun: str) -> str:
    return noun.replace("bản ", "").split(" ")[0]


def _breakdown(text: str, pos: int, noun: str, counted: list[str]) -> bool:
    """After "trong đó (có)", counts of a noun already counted in the sentence are its breakdown."""
    head = _head(noun)
    if head in counted and "trong đó" in text[:pos]:
        return True
    counted.append(head)
    return False


def _in_parenthesised_breakdown(text: str, pos: int) -> bool:
    opened = text.rfind("(", 0, pos)
    return opened >= 0 and text.rfind(")", 0, pos) < opened and \
        re.match(r"\(\s*(?:trong đó|tương đương|gồm|phía)", text[opened:opened + 20]) is not None


def _period(ctx: DocContext, abs_pos: int, text: str, rel: int) -> str | None:
    own = [d for d in ctx.dates if d.pos < abs_pos and abs_pos - d.pos < 200
           and text.rfind("\n", 0, rel) < 0]
    if own:
        return own[-1].start[:4] if len(own[-1].start) < 10 else own[-1].start
    return ctx.year_context(abs_pos)
