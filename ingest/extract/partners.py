"""Partnerships: which foreign localities, countries and organisations a province works with.

Every foreign mention in a clause is a candidate (province, partner, clause). Its features are what
an analyst reads around it: the cue patterns of `patterns/partners.yaml` in the clause and how far
they are, the word before it ("tại", "sang", "phía", "của"…), punctuation between, modality, the
entity's type, whether it only locates another mention ("Savannakhet (Lào)", "Quảng Tây, Trung
Quốc"), sits in a person's title, a quoted name, a dash pair ("Việt Nam – Nhật Bản"), a set of
localities ("các tỉnh của Lào") or a market or treaty phrase. No feature decides alone: the relation
scorer (`ingest/learn.py`, trained by `make train`) weighs them, a pair is kept when its best
candidate scores over the model's threshold, and every pair below it is returned as `Rejected` with
its score and strongest features.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.fold import fold1
from core.models import Entity, Mention, PartnerFact, Rejected
from ingest.extract.context import GOV_KINDS, REPRESENTATION_KINDS, Clause, DocContext
from ingest.gazetteer import gazetteer
from ingest.matcher import find

PREV_WORDS = {"tại", "ở", "sang", "đến", "tới", "thăm", "về", "qua", "phía", "của", "với", "và", "giữa", "cùng",
              "nước", "tỉnh", "bang", "thành", "phố", "vùng", "quận", "huyện", "đồng", "các", "đoàn", "quán", "sự",
              "thuộc", "từ", "trên", "khắp", "bạn"}
LOCATION_BEFORE = re.compile(r"(?:\btại|\bở|\bthăm|\bsang|\bđến|\bvề|\btới|\bqua|\bkhắp)\s+(?:các\s+|tỉnh\s+|nước\s+)?$",
                             re.IGNORECASE)
SET_BEFORE = re.compile(r"(?:(?:các|một số|những|nhiều)\s+)?(?:tỉnh|địa phương|vùng|thành phố|bang|khu vực)"
                        r"(?:\s+(?:khác|[A-ZÀ-Ỹ][\wÀ-ỹ]*)){0,3}\s+(?:của|nước|thuộc)?\s*$")
UNNAMED_OF = re.compile(r"(?:các|những|nhiều|một số)\s+(?:địa phương|đối tác|tổ chức|doanh nghiệp|nhà đầu tư|"
                        r"cơ quan|trường|đơn vị)(?:\s+\w+){0,2}\s+(?:của|tại|thuộc)?\s*$", re.IGNORECASE)
TITLE_BEFORE = re.compile(r"(?:thứ tiếng|tiếng|lãnh tụ|Chủ tịch|Tổng thống|Thủ tướng|Quốc vương|Hoàng|Nhà vua|"
                          r"Ủy viên|Uỷ viên|Bộ Chính trị|Trung ương)\s+(?:Đảng\s+)?(?:[\wÀ-ỹ]+\s+){0,4}$")
TITLE_DIRECT = re.compile(r"(?:lãnh tụ|Chủ tịch nước|Tổng thống|Thủ tướng|Quốc vương|Nhà vua)\s+$")
LIST_SEP = re.compile(r"^(?:\s*(?:,|;|và|cùng|hoặc|/|\(|\)|…|\.\.\.|:)\s*)+$")
VN_PAIR = re.compile(r"(?:Việt Nam|VN|Việt)\s*[-–]\s*$")
DASH_BEFORE = re.compile(r"[A-ZÀ-ỸĐ][\wÀ-ỹ]*\s*[-–]\s*$")
DASH_AFTER = re.compile(r"\s*[-–]\s*[A-ZÀ-ỸĐ]")
MODAL = re.compile(r"(?<![\wÀ-ỹ])(?:chưa|không|sẽ|dự kiến|đề xuất|có kế hoạch|tiến tới|mong muốn|hướng tới)(?![\wÀ-ỹ])",
                   re.IGNORECASE)
# a stated start: "kết nghĩa từ năm 1994", "thiết lập quan hệ năm 2008", "ký kết … tháng 12/2017"
ESTABLISH = re.compile(r"(?:kết nghĩa|thiết lập quan hệ|xác lập quan hệ|thiết lập|ký kết|kí kết|kết nối quan hệ|"
                       r"quan hệ hữu nghị|chính thức trở thành)", re.IGNORECASE)
DELEGATION_OF = re.compile(r"(?:[Đđ]oàn|phái đoàn)(?:\s+[\wÀ-ỹ]+){0,4}\s+của(?:\s+[\wÀ-ỹ]+){0,5}\s*$")
CUE_GROUPS = ("cooperate", "agreement", "visit", "aid", "invest", "mechanism", "envoy", "event", "market", "treaty")


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
    """What a foreign mention's context says about it: each test is a feature of the scorer and a
    guard for the sections (agreements, events) that read partners without a model."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx

    def list_start(self, m: Mention) -> int:
        """Start of the list a mention stands in (walk back over other mentions and separators)."""
        text = self.ctx.text
        start, cur = m.start, m
        for _ in range(12):
            p = self.ctx.previous_mention(cur)
            if p is None:
                break
            gap = text[p.end:start]
            same_kind = (p.entity.type == "Country") == (m.entity.type == "Country")
            if same_kind and (LIST_SEP.match(gap) or not gap.strip()):
                start, cur = p.start, p
            else:
                break
        return start

    def is_locator(self, m: Mention) -> bool:
        text = self.ctx.text
        n = self.ctx.next_mention(m)
        if n is not None and m.entity.type == "Country" and n.entity.type == "ForeignLocality" \
                and n.entity.country == m.entity.id \
                and re.fullmatch(r"\s*,?\s*(?:tỉnh|bang|thành phố|vùng|TP\.?)?\s*", text[m.end:n.start]):
            return True  # "Ủy ban … Campuchia tỉnh Prey Veng": the country places the province after it
        p = self.ctx.previous_mention(m)
        if p is None:
            return False
        gap = text[p.end:m.start]
        if len(gap) > 30:
            return False
        if re.fullmatch(r"\s*\((?:nước|quốc gia|thuộc)?\s*", gap) and m.entity.type == "Country":
            return True
        if re.fullmatch(r"\s*\(\s*", gap) and p.entity.type in ("ForeignLocality", "Organization") \
                and m.entity.type in ("Country", "ForeignLocality") and m.entity.id == p.entity.parent:
            return True
        if re.fullmatch(r"\s*,\s*(?:tỉnh|bang|vùng|thuộc|nước)?\s*", gap) and p.entity.type in ("ForeignLocality",
                                                                                                "Organization"):
            if m.entity.type == "Country" and m.entity.id == p.entity.country:
                return True
            if m.entity.id == p.entity.parent:
                return True
        return bool(re.fullmatch(r"\s+(?:của|thuộc)\s+", gap) and p.entity.type in ("Organization", "ForeignLocality")
                    and m.entity.type == "Country" and p.entity.country == m.entity.id)

    def in_quotes(self, m: Mention) -> bool:
        before = self.ctx.text[max(0, m.start - 200):m.start]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def dash_paired(self, m: Mention) -> bool:
        """Names joined by dashes name a bilateral relation or a forum ("Việt Nam - Nhật Bản")."""
        before = self.ctx.text[max(0, m.start - 40):m.start]
        after = self.ctx.text[m.end:m.end + 40]
        return bool(DASH_BEFORE.search(before) or DASH_AFTER.match(after))

    def head(self, m: Mention) -> str:
        ls = self.list_start(m)
        return self.ctx.text[max(0, ls - 60):ls]

    def location_before(self, m: Mention) -> bool:
        return bool(LOCATION_BEFORE.search(self.head(m)))

    def in_title(self, m: Mention) -> bool:
        return bool(TITLE_DIRECT.search(self.head(m))) or bool(
            m.entity.type == "Organization" and TITLE_BEFORE.search(self.ctx.text[max(0, m.start - 60):m.start]))

    def set_of_localities(self, m: Mention) -> bool:
        """"các tỉnh (nước) Lào" names Lao provinces, not Laos."""
        set_match = SET_BEFORE.search(self.head(m))
        # a set needs its plural ("các tỉnh Lào"); "thành phố Seongnam" is the head noun of one name
        return bool(set_match and re.search(r"tỉnh|thành phố|bang", set_match.group(0))
                    and re.match(r"(?:các|một số|những|nhiều)\s", set_match.group(0)))

    def unnamed_of(self, m: Mention) -> bool:
        """"các địa phương của Thái Lan", "đối tác Hàn Quốc": the country stands for its unnamed parties."""
        head = self.head(m)
        return bool(UNNAMED_OF.search(head) or re.search(r"(?:đối tác|nhà tài trợ|bạn bè)\s*$", head, re.IGNORECASE))

    def ok(self, m: Mention) -> bool:
        """The rule view, for sections that do not use the scorer."""
        e = m.entity
        if not self.ctx.is_foreign(e):
            return False
        if self.is_locator(m) or (e.type == "Country" and self.dash_paired(m)):
            return False
        if e.type == "Country" and self.in_quotes(m):
            return False
        if self.location_before(m) or self.in_title(m):
            return False
        return not (e.type == "Country" and self.set_of_localities(m))


@dataclass
class Candidate:
    province: Entity
    partner: Entity
    mention: Mention
    clause: Clause
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    cue: str = ""


def _bucket(d: int) -> str:
    return "0-3" if d <= 3 else "4-8" if d <= 8 else "9-20" if d <= 20 else "21+"


HEAD_NOUNS = {"tỉnh", "thành", "phố", "tp", "tp.", "bang", "tiểu", "vùng", "quận", "huyện", "khu", "hạt", "chính",
              "quyền", "thủ", "đô", "đô thành", "châu"}
ENVOY_BEFORE = re.compile(r"(?:[Đđ]ại sứ|[Ll]ãnh sự|[Ss]ứ quán|[Ll]ãnh sự quán|[Tt]ham tán)(?:\s+(?:quán|đặc mệnh toàn quyền))?"
                          r"(?:\s+các nước)?\s+$")
DONOR_BEFORE = re.compile(r"(?:viện trợ|tài trợ|hỗ trợ|tặng|khoản vay|vốn vay|ODA|không hoàn lại)(?:\s+[\wÀ-ỹ]+){0,3}"
                          r"\s+(?:của|từ)\s+(?:Chính phủ\s+|nhân dân\s+)?$", re.IGNORECASE)
LANGUAGE_BEFORE = re.compile(r"(?:thứ tiếng|tiếng|ngôn ngữ|bản dịch)\s*:?\s*$", re.IGNORECASE)


def structural_veto(ctx: DocContext, filt: PartnerFilter, m: Mention) -> str | None:
    """What the guidelines exclude by the shape of the text alone, whatever the cues: a name that
    only locates the mention before it ("Savannakhet (Lào)", "Seongnam, tỉnh Gyeonggi-do") and a
    language ("bằng các thứ tiếng: Anh, Pháp"). Everything else is the scorer's to weigh."""
    if filt.is_locator(m):
        return "rule:locator (only places the name before it)"
    if m.entity.type == "Country" and VN_PAIR.search(ctx.text[max(0, m.start - 12):m.start]):
        return "rule:national-pair ('Việt Nam – X' names the two countries' relation)"
    ls = filt.list_start(m)
    if LANGUAGE_BEFORE.search(ctx.text[max(0, ls - 30):ls]):
        return "rule:language (a language, not a party)"
    return None


def candidates(ctx: DocContext, rejected: list[Rejected] | None = None) -> list[Candidate]:
    if not ctx.subjects:
        return []
    filt = PartnerFilter(ctx)
    toks = ctx.tokens
    out: list[Candidate] = []
    doc_counts: dict[str, int] = {}
    loc_countries = {m.entity.country for m in ctx.mentions if m.entity.type == "ForeignLocality"}
    for m in ctx.mentions:
        doc_counts[partner_entity(m).id] = doc_counts.get(partner_entity(m).id, 0) + 1
    prev_cl: Clause | None = None
    for cl in ctx.clauses:
        ms = [m for m in ctx.mentions_in(cl.start, cl.end) if ctx.is_foreign(m.entity)]
        i, j = toks.syl_range(cl.start, cl.end)
        if prev_cl is not None and prev_cl.sentence is cl.sentence and _list_only(cl.text):
            # "…; Chính quyền vùng X (nước Y);" continues the clause before it and its cues
            i = toks.syl_range(prev_cl.start, prev_cl.end)[0]
        else:
            prev_cl = cl
        if not ms:
            continue
        cues = find("partners", toks.syls, i, j)
        provinces = {m.entity.id: m.entity for m in ctx.mentions_in(cl.start, cl.end)
                     if m.entity.type == "VietnameseProvince"}
        joint = len(provinces) > 1 and bool(re.search(r"giữa|liên hợp|cùng|các tỉnh", cl.text))
        targets = list(provinces.values()) if joint else [ctx.subjects[0]]
        subject_in_clause = ctx.subjects[0].id in provinces
        modal = bool(MODAL.search(cl.text))
        line_start = ctx.text.rfind("\n", 0, cl.start) + 1
        line_end = ctx.text.find("\n", cl.start)
        line = ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)]
        caption = len(line) < 160 and not line.rstrip().endswith((".", ":", ";"))
        for m in ms:
            span = ctx.syl_span(m)
            if span is None:
                continue
            veto = structural_veto(ctx, filt, m)
            if veto:
                if rejected is not None:
                    rejected.append(Rejected(section="partners", reason=veto, text=f"{m.surface}: {cl.text[:120]}"))
                continue
            e = m.entity
            partner = partner_entity(m)
            f: dict[str, float] = {f"type:{partner.type}": 1.0}
            if e.org_kind in REPRESENTATION_KINDS:
                f["org:representation"] = 1.0
            elif e.type == "Organization":
                f[f"org:{'company' if e.org_kind == 'Company' else 'curated' if e.curated else 'new'}"] = 1.0
            # a list member reads its cues from where the list starts ("hợp tác với A, B và C")
            ls = filt.list_start(m)
            if ls < m.start:
                f["in_list"] = 1.0
                lspan = toks.syl_range(ls, m.end)
                span = (lspan[0], span[1]) if lspan[0] < span[0] else span
            best: dict[str, int] = {}
            for c in cues:
                g = c.pattern.produces
                d = c.start - span[1] if c.start >= span[1] else span[0] - c.end if c.end <= span[0] else 0
                if g not in best or d < best[g]:
                    best[g] = d
                if c.end <= span[0]:
                    f[f"cue_before:{g}"] = 1.0
            # a cue before "tại/ở/sang X" governs the venue or destination phrase, not X as a party
            venue = filt.location_before(m)
            pre = "venue_cue" if venue else "cue"
            for g, d in best.items():
                f[f"{pre}:{g}"] = 1.0
                f[f"{pre}:{g}:{_bucket(d)}"] = 1.0
            if DELEGATION_OF.search(ctx.text[max(0, filt.list_start(m) - 70):filt.list_start(m)]):
                f["delegation_of"] = 1.0  # "đoàn công tác của Hội đồng thành phố X": X sends the delegation
            if venue or not any(g in best for g in CUE_GROUPS[:8]):
                f["cue:none"] = 1.0
            # the word before the name and its head noun ("sang tỉnh X", "của Hội đồng thành phố X")
            k = span[0] - 1
            while k >= 0 and toks.syls[k].lower in HEAD_NOUNS:
                k -= 1
            if k < span[0] - 1:
                f["has_head_noun"] = 1.0
            prev = toks.syls[k].lower if k >= 0 else ""
            pm = ctx.previous_mention(ctx.mentions[ctx.index_of(m)]) if ls == m.start else None
            first = next((x for x in ctx.mentions_in(ls, m.end)), m)
            before_list = ctx.previous_mention(first)
            envoy_list = before_list is not None and before_list.entity.org_kind in REPRESENTATION_KINDS and \
                bool(LIST_SEP.match(ctx.text[before_list.end:first.start]))
            if DONOR_BEFORE.search(ctx.text[max(0, ls - 50):ls]):
                f["donor_of"] = 1.0  # "viện trợ của Hàn Quốc", "do Quỹ X tài trợ"
            if ENVOY_BEFORE.search(ctx.text[max(0, m.start - 30):m.start]) or envoy_list or (
                    pm is not None and pm.entity.org_kind in REPRESENTATION_KINDS
                    and LIST_SEP.match(ctx.text[pm.end:m.start])):
                f["envoy_of"] = 1.0  # "Tổng Lãnh sự Úc", "Đại sứ quán các nước Nhật Bản": the envoy's country
            else:
                f[f"prev:{prev if prev in PREV_WORDS else 'other'}"] = 1.0
            between = ctx.text[cl.start:m.start]
            f["commas_before>2"] = 1.0 if between.count(",") > 2 else 0.0
            if between.count("(") > between.count(")"):
                opened = between.rfind("(")
                pm = ctx.previous_mention(m)
                after_name = pm is not None and pm.end <= cl.start + opened and not ctx.text[pm.end:cl.start + opened].strip()
                gloss = re.search(r"(đối tác|bạn bè|nhà tài trợ|thị trường|quốc gia|nước)[^()]{0,25}\($",
                                  ctx.text[max(cl.start, cl.start + opened - 40):cl.start + opened + 1])
                # "đối tác quan trọng (Nhật Bản, Hàn Quốc…)": brackets that list what the noun before names
                f["in_parens_after_name" if after_name else f"paren_gloss:{gloss.group(1)}" if gloss else "in_parens"] = 1.0
            for name, hit in (("dash_pair", filt.dash_paired(m)),
                              ("quoted", filt.in_quotes(m)), ("location_before", filt.location_before(m)),
                              ("in_title", filt.in_title(m)), ("set_of_localities", filt.set_of_localities(m)),
                              ("unnamed_of", filt.unnamed_of(m)), ("modal", modal), ("caption", caption),
                              ("joint", joint), ("subject_in_clause", subject_in_clause),
                              ("fuzzy", m.confidence < 0.95),
                              ("country_has_locality_in_doc", e.type == "Country" and e.id in loc_countries),
                              ("repeated", doc_counts.get(partner.id, 0) >= 2)):
                if hit:
                    f[name] = 1.0
            cue_name = min(best, key=lambda g: best[g]) if best else "none"
            for prov in targets:
                out.append(Candidate(province=prov, partner=partner, mention=m, clause=cl, features=dict(f),
                                     cue=cue_name))
    return out


def extract_partners(ctx: DocContext, rejected: list[Rejected] | None = None) -> list[PartnerFact]:
    from ingest.learn import RelationScorer, partner_model

    model = ctx.model if isinstance(ctx.model, RelationScorer) else partner_model()
    cands = candidates(ctx, rejected)
    best: dict[tuple[str, str], Candidate] = {}
    for c in cands:
        c.score = model.score(c.features)
        key = (c.province.id, c.partner.id)
        if key not in best or c.score > best[key].score:
            best[key] = c
    starts: dict[tuple[str, str], str] = {}
    for c in cands:
        since = stated_start(ctx, c.clause)
        key = (c.province.id, c.partner.id)
        if since and (key not in starts or since < starts[key]):
            starts[key] = since
    out = []
    for key, c in best.items():
        if c.score >= model.threshold:
            ev = ctx.evidence(c.clause.start, c.clause.end, f"partner:{c.cue}", round(c.score, 3))
            out.append(PartnerFact(province=c.province, partner=c.partner, since=starts.get(key), evidence=ev))
        elif rejected is not None:
            top = ", ".join(model.explain(c.features)[:3])
            rejected.append(Rejected(section="partners", reason=f"score {c.score:.2f} < {model.threshold:.2f} "
                                     f"({top})", text=f"{c.province.name} – {c.partner.name}: {c.clause.text[:120]}"))
    order = {"Organization": 0, "ForeignLocality": 1, "Country": 2}
    return sorted(out, key=lambda f: order.get(f.partner.type, 3))  # the most specific partner first


def _list_only(text: str) -> bool:
    return not re.search(r"(?<![\wÀ-ỹ])(?:đã|sẽ|được|là|có|đang|tổ chức|triển khai|thực hiện)(?![\wÀ-ỹ])", text)


def stated_start(ctx: DocContext, cl: Clause) -> str | None:
    """The start of a relation the clause states (a date after an establishing verb), else None;
    never the article's own date."""
    for m in ESTABLISH.finditer(cl.text):
        a = cl.start + m.end()
        for d in ctx.dates_in(a, min(cl.end, a + 90)):
            if d.end is None:
                return d.start
    return None
