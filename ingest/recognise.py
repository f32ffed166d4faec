"""Find and link every place and body an article names.

Gazetteer matches (longest first) are checked against capitalisation and context, ambiguous names
are settled by a parenthesised country ("Savannakhet (Lào)") and by the article's date (pre- or
post-2025 province), and names missing from the gazetteer are caught by head-noun patterns
("Tập đoàn X", "Chính quyền vùng X") and linked by fuzzy match or created with a stable slug.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from core.fold import fold1, fold_key
from core.ids import slug
from core.models import Entity, Mention
from ingest.gazetteer import Entry, Gazetteer, _validity_rank
from ingest.spans import Spans

UPPER = re.compile(r"[A-ZÀ-ỸĐ]")
VIET_LETTER = re.compile(r"[À-ỹĐđ]")
# a capitalised word (Vietnamese or foreign), or an all-caps/acronym token with inner hyphens
CAP_WORD = r"(?:[A-ZÀ-ỸĐ][\wÀ-ỹ'’]*(?:-[\wÀ-ỹ]+)*)"
PAREN_AFTER = re.compile(r"^\s*\((?:nước\s+|quốc gia\s+)?([^()]{2,60})\)")
LOCALITY_HEAD = re.compile(
    r"(?:Chính quyền vùng|Chính quyền tiểu bang|Chính quyền Tiểu bang|Chính quyền bang|Chính quyền|"
    r"Tiểu bang|tiểu bang|Bang|bang|[Vv]ùng|[Tt]ỉnh|[Tt]hành phố|TP\.?|[Hh]ạt|[Cc]hâu|[Qq]uận|[Hh]uyện)\s+"
    r"(" + CAP_WORD + r"(?:\s+" + CAP_WORD + r"){0,2})")
ORG_HEAD = re.compile(
    r"(?<![\wÀ-ỹ])((?:Tập đoàn|Công ty|Tổng công ty|Liên doanh|liên doanh|Hiệp hội|Quỹ|Tổ chức|Ngân hàng|"
    r"Trường Đại học|Đại học|Viện|Trung tâm|Hội|Cơ quan)\s+"
    r"(?:[\wÀ-ỹ&.'’-]+\s+){0,6}?[\wÀ-ỹ&.'’-]+)"
    r"(?=\s*(?:\(|,|;|\.|$|\s(?:đã|sẽ|đang|được|là|và|với|của|có|để|nhằm|cùng|ký|sang|đến|làm|tổ chức|"
    r"triển khai|tại|trong|về|cho|thực hiện|hỗ trợ|tài trợ|đầu tư|vào)\s))")
# country names that are also Vietnamese words or given names ("anh", "Minh Đức", "Thu Nga", "ý kiến")
WORDLIKE = {"anh", "duc", "nga", "my", "y", "uc", "lao", "han", "nhat", "phap", "thai", "trung", "ao", "an", "bi",
            "ha", "tay", "nam", "bac", "dong", "hoa", "viet", "ma", "la", "sec"}
STOP_HEADS = {"hội nghị", "hội thảo", "hội đàm", "hội chợ", "hội nhập", "hội đồng"}


def _is_upper_start(s: str) -> bool:
    return bool(s) and (s[0].isupper() or s[0].isdigit())


class Recogniser:
    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.country_keys = {k: ids for k, ids in gaz.by_key.items()
                             if any(gaz.entries[i].entity.type == "Country" for i in ids)}

    # -- public --------------------------------------------------------------------------------
    def recognise(self, text: str, on: str | None) -> list[Mention]:
        folded = fold1(text)
        hits = sorted(self.gaz.scan(folded), key=lambda h: (h[0], -(h[1] - h[0])))
        mentions: list[Mention] = []
        taken_until = -1
        for start, end, key in hits:
            if start < taken_until:
                continue
            surface = text[start:end]
            if not self._plausible(text, start, end, key, surface):
                continue
            entry = self._choose(self.gaz.candidates(key), text, end, on)
            if entry is None:
                continue
            mentions.append(Mention(start=start, end=end, surface=surface, entity=entry.entity,
                                    confidence=1.0, method="gazetteer"))
            taken_until = end
        mentions = self._join_compounds(text, mentions)
        mentions.extend(self._patterns(text, mentions, on))
        mentions.sort(key=lambda m: m.start)
        starts = [m.start for m in mentions]
        return [m for m in mentions if self._city_in_context(text, m, mentions, starts)]

    def _city_in_context(self, text: str, m: Mention, mentions: list[Mention], starts: list[int]) -> bool:
        """A foreign city written in Vietnamese letters ("Đông Hưng", "Phú Ninh", "Hà Khẩu") is also a
        Vietnamese place name: keep it only when its country or parent unit is named in the sentence."""
        e = m.entity
        if e.type != "ForeignLocality" or e.iso3166_2 or not VIET_LETTER.search(m.surface):
            return True
        start = max(text.rfind(".", 0, m.start), text.rfind("\n", 0, m.start)) + 1
        ends = [i for i in (text.find(".", m.end), text.find("\n", m.end)) if i >= 0]
        end = min(ends) if ends else len(text)
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end)
        near = {x.entity.id for x in mentions[lo:hi] if x is not m}
        return bool(near & {e.country, e.parent})

    def _join_compounds(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Bodies written as one hyphenated token ("liên doanh VSIP-AMATA-SUMITOMO") are one joint venture."""
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if prev and m.entity.type == "Organization" and prev.entity.type == "Organization" \
                    and text[prev.end:m.start] == "-":
                name = text[prev.start:m.end]
                countries = {prev.entity.country, m.entity.country} - {None}
                ent = Entity(id=f"org-{slug(name)}", type="Organization", name=name,
                             country=countries.pop() if len(countries) == 1 else None, org_kind="Company",
                             curated=False)
                out[-1] = Mention(start=prev.start, end=m.end, surface=name, entity=ent, confidence=0.9,
                                  method="compound")
                continue
            out.append(m)
        return out

    def country_of(self, phrase: str) -> str | None:
        """ISO code of the country a short phrase names ("Cộng hòa Liên bang Đức" -> DE)."""
        key = fold_key(phrase)
        for prefix in ("nuoc ", "quoc gia "):
            key = key.removeprefix(prefix)
        ids = self.country_keys.get(key)
        if ids:
            return next(i for i in ids if self.gaz.entries[i].entity.type == "Country")
        return None

    # -- checks --------------------------------------------------------------------------------
    def _plausible(self, text: str, start: int, end: int, key: str, surface: str) -> bool:
        if not _is_upper_start(surface):
            return False
        if surface.isupper() and len(surface) > 4 and " " in surface:
            return True  # headline caps
        if key in WORDLIKE:
            # single short syllables double as words and given names ("Anh", "Đức", "Nga", "Ý kiến")
            before = text[max(0, start - 25):start]
            after = text[end:end + 25]
            if re.search(r"(?:[Ss]ứ|[Ss]ự|quán|nước|phía|của|với|sang|giữa)\s+$", before):
                return True  # "Tổng Lãnh sự Úc tại …", "phía Nhật": a country after an envoy or a preposition
            prev_word = re.search(r"([\wÀ-ỹ]+)\s*$", before)
            next_word = re.match(r"\s*([\wÀ-ỹ]+)", after)
            if prev_word and _is_upper_start(prev_word.group(1)) and not re.search(r"[,;:(]\s*$", before):
                return False
            if next_word and (next_word.group(1)[0].isupper() or next_word.group(1)[0].islower()) \
                    and not re.match(r"\s*[,;:.)(–-]", after) and not re.match(r"\s+(và|hay|hoặc)\s", after):
                return False
        return True

    def _choose(self, entries: list[Entry], text: str, end: int, on: str | None) -> Entry | None:
        if not entries:
            return None
        if len(entries) == 1:
            return entries[0]
        m = PAREN_AFTER.match(text[end:end + 70])
        cc = self.country_of(m.group(1)) if m else None
        if cc:
            same = [e for e in entries if (e.entity.country or "") == cc and e.entity.type != "Country"]
            if len(same) == 1:
                return same[0]
            entries = same or entries
        # the head word says which unit: "vùng/tỉnh/bang X" an ISO subdivision, "thành phố X" a city
        head = text[max(0, end - 80):end].lower()
        wants_city = re.search(r"(?:thành phố|tp\.?)\s+\S+(?:\s+\S+){0,3}$", head) is not None
        def city_rank(e: Entry) -> int:
            is_city = e.entity.type == "ForeignLocality" and not e.entity.iso3166_2
            return 0 if is_city == wants_city else 1
        return sorted(entries, key=lambda e: (e.rank if e.entity.type != "ForeignLocality" else 2,
                                              city_rank(e), e.rank, _validity_rank(e, on)))[0]

    # -- patterns for names the gazetteer lacks ------------------------------------------------
    def _patterns(self, text: str, known: list[Mention], on: str | None) -> list[Mention]:
        covered = Spans([(m.start, m.end) for m in known])
        country_at = {k.start for k in known if k.entity.type == "Country"}

        def free(a: int, b: int) -> bool:
            return covered.free(a, b)

        out: list[Mention] = []
        for m in LOCALITY_HEAD.finditer(text):
            a, b = m.start(1), m.end(1)
            name = m.group(1)
            if not free(a, b):
                continue
            found = self.gaz.fuzzy_one(name, {"ForeignLocality"}, cutoff=80)
            paren = PAREN_AFTER.match(text[b:b + 70])
            cc = self.country_of(paren.group(1)) if paren else None
            if found and (cc is None or found[0].entity.country == cc):
                ent, conf = found[0].entity, found[1]
                method = "fuzzy"
            elif cc and cc != "VN":
                ent = Entity(id=f"{cc.lower()}-{slug(name)}", type="ForeignLocality", name=name, country=cc,
                             parent=cc, unit_type="city" if "thành phố" in m.group(0).lower() else None,
                             curated=False)
                conf, method = 0.7, "pattern"
            else:
                continue
            out.append(Mention(start=a, end=b, surface=name, entity=ent, confidence=conf, method=method))
            covered.add(a, b)
        for m in ORG_HEAD.finditer(text):
            a, b = m.start(1), m.end(1)
            name = m.group(1).strip()
            head2 = " ".join(name.lower().split()[:2])
            # a country inside a company's name is part of the name ("Công ty Phân bón Đài Loan")
            hits = covered.overlapping(a, b)
            inner_countries = [(s, e) for s, e in hits if a <= s and e <= b and s in country_at]
            if head2 in STOP_HEADS or len(inner_countries) != len(hits):
                continue
            head_words = 1 if name.split()[0].lower() in ("quỹ", "viện", "hội") else 2
            rest = name.split(None, head_words)[-1] if len(name.split()) > head_words else ""
            if not rest[:1].isupper():  # "Tổ chức tiếp", "Ngân hàng bò": a verb or a common noun
                continue
            inner = [k for k in known if a <= k.start and k.end <= b and k.entity.type == "Country"]
            paren = PAREN_AFTER.match(text[b:b + 70])
            cc = inner[0].entity.id if inner else (self.country_of(paren.group(1)) if paren else None)
            if cc is None:
                of = re.match(r"\s+của\s+((?:" + CAP_WORD + r"|liên bang|hòa)(?:\s+(?:" + CAP_WORD +
                              r"|liên bang|hòa|dân chủ|nhân dân)){0,4})", text[b:b + 60])
                cc = self.country_of(of.group(1)) if of else None
            display = re.sub(r"^liên doanh\s+", "", name, flags=re.IGNORECASE)
            ent = Entity(id=f"org-{slug(display)}", type="Organization", name=display, country=cc, parent=cc,
                         org_kind="Company" if re.match(r"(?i)(tập đoàn|công ty|tổng công ty|liên doanh)", name)
                         else None, curated=False)
            for span in inner_countries:
                covered.remove(span)
            if inner_countries:
                gone = set(inner_countries)
                known[:] = [k for k in known if (k.start, k.end) not in gone]
            out.append(Mention(start=a, end=b, surface=name, entity=ent, confidence=0.75, method="pattern"))
            covered.add(a, b)
        return out
