"""Everything the fact rules share about one article: text, sentences, clauses, linked mentions,
the article's reference date and year context, and the subject province(s)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from core.models import CleanArticle, Entity, Evidence, Mention, Sentence
from ingest.dates import DateSpan, find_dates
from ingest.tokens import Tokens, project, tokenise

DOC_REF = re.compile(r"(?:số\s*)?\d+[-/][A-ZĐ]{1,6}(?:[-/][A-ZĐ]{1,6})*\b")
FOREIGN_TYPES = {"ForeignLocality", "Country", "Organization"}
GOV_KINDS = {"PartyBody", "ForeignGovernmentAgency"}
REPRESENTATION_KINDS = {"Embassy", "Consulate"}


@dataclass
class Clause:
    start: int
    end: int
    text: str
    sentence: Sentence


@dataclass
class DocContext:
    article: CleanArticle
    sentences: list[Sentence]
    mentions: list[Mention]
    ref_date: str | None
    subjects: list[Entity] = field(default_factory=list)
    budget_s: float | None = None
    model: object | None = None       # the relation scorer to use (None: the trained default)

    def __post_init__(self) -> None:
        # mentions sorted once and indexed, so every lookup is a bisection, not a scan
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._mstarts = [m.start for m in self.mentions]
        self._mindex = {id(m): k for k, m in enumerate(self.mentions)}
        self._sstarts = [s.start for s in self.sentences]

    @cached_property
    def tokens(self) -> Tokens:
        toks = tokenise(self.text, self.sentences, self.budget_s)
        self.mention_syls = project(toks, self.mentions)
        return toks

    def syl_span(self, m: Mention) -> tuple[int, int] | None:
        self.tokens  # noqa: B018 - projects the mentions on first use
        return self.mention_syls.get(id(m))

    def index_of(self, m: Mention) -> int:
        return self._mindex[id(m)]

    def previous_mention(self, m: Mention) -> Mention | None:
        """The mention ending before m starts (mentions do not overlap)."""
        k = bisect_left(self._mstarts, m.start) - 1
        while k >= 0 and self.mentions[k].end > m.start:
            k -= 1
        return self.mentions[k] if k >= 0 else None

    def next_mention(self, m: Mention) -> Mention | None:
        k = bisect_left(self._mstarts, m.end)
        return self.mentions[k] if k < len(self.mentions) else None

    def sentence_of(self, pos: int) -> Sentence | None:
        k = bisect_left(self._sstarts, pos + 1) - 1
        if k >= 0 and self.sentences[k].start <= pos < self.sentences[k].end:
            return self.sentences[k]
        return None

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def subject(self) -> Entity | None:
        return self.subjects[0] if self.subjects else None

    @cached_property
    def subject_name(self) -> str | None:
        """The subject province as this article writes it (Thừa Thiên Huế in 2024, not today's Huế)."""
        if not self.subject:
            return None
        names = Counter(m.surface for m in self.mentions if m.entity.id == self.subject.id)
        return names.most_common(1)[0][0] if names else self.subject.name

    # -- spans ---------------------------------------------------------------------------------
    def evidence(self, start: int, end: int, rule: str, confidence: float) -> Evidence:
        while start < end and self.text[start].isspace():  # evidence starts and ends on a word
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        a, b = self.article.to_original(start, end)
        return Evidence(text=self.article.original[a:b], start=a, end=b, rule=rule, confidence=confidence)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        out = []
        for k in range(bisect_left(self._mstarts, start), len(self.mentions)):
            m = self.mentions[k]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    @cached_property
    def clauses(self) -> list[Clause]:
        out = []
        for s in self.sentences:
            pos = s.start
            for part in re.split(r"(;)", s.text):
                if part == ";":
                    pos += 1
                    continue
                a, b = pos, pos + len(part)
                pos = b
                while a < b and self.text[a].isspace():
                    a += 1
                if b > a:
                    out.append(Clause(a, b, self.text[a:b], s))
        return out

    @cached_property
    def _clause_pos(self) -> dict[int, int]:
        return {id(c): k for k, c in enumerate(self.clauses)}

    def clause_index(self, cl: Clause) -> int:
        return self._clause_pos[id(cl)]

    # -- dates ---------------------------------------------------------------------------------
    @cached_property
    def dates(self) -> list[DateSpan]:
        spans = find_dates(self.text, self.ref_date)
        return [d for d in spans if not self._is_doc_ref(d) and not self._is_comparison(d)]

    def _is_comparison(self, d: DateSpan) -> bool:
        """"tăng 2,2% so với cùng kỳ năm 2018" names the baseline, not the period."""
        return bool(re.search(r"so với(?: cùng kỳ)?(?: năm)?\s*$", self.text[max(0, d.pos - 25):d.pos]))

    def _is_doc_ref(self, d: DateSpan) -> bool:
        before = self.text[max(0, d.pos - 45):d.pos]
        return bool(DOC_REF.search(before)) and "ngày" in before[-12:]

    @cached_property
    def doc_year(self) -> str | None:
        years = Counter(d.start[:4] for d in self.dates)
        if years:
            return years.most_common(1)[0][0]
        return self.ref_date[:4] if self.ref_date else None

    @cached_property
    def _dstarts(self) -> list[int]:
        return [d.pos for d in self.dates]

    def dates_in(self, start: int, end: int) -> list[DateSpan]:
        out = []
        for k in range(bisect_left(self._dstarts, start), len(self.dates)):
            d = self.dates[k]
            if d.pos >= end:
                break
            if d.endpos <= end:
                out.append(d)
        return out

    def year_context(self, pos: int) -> str | None:
        """The year a figure or fact without its own date belongs to: the last year named earlier in
        the same paragraph, else the year the article talks about most."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        k = bisect_left(self._dstarts, pos) - 1
        if k >= 0 and self.dates[k].pos >= line_start:
            return self.dates[k].start[:4]
        return self.doc_year

    # -- entity helpers ------------------------------------------------------------------------
    def is_foreign(self, e: Entity) -> bool:
        if e.type not in FOREIGN_TYPES:
            return False
        if e.type == "Organization":
            return (e.country or "") != "VN"
        return (e.country or "") != "VN" and e.id != "VN"


def subject_provinces(article: CleanArticle, mentions: list[Mention]) -> list[Entity]:
    """The province(s) an article is about: the most mentioned, with a title mention counting triple."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    ents: dict[str, Entity] = {}
    title = (article.title or "").lower()
    for m in mentions:
        if m.entity.type != "VietnameseProvince":
            continue
        if re.search(r"(?:Lãnh sự|Đại sứ|Sứ quán|sứ quán|lãnh sự quán)[^,.;]{0,25}\stại\s+(?:TP\.?\s*|thành phố\s+)?$",
                     article.text[max(0, m.start - 60):m.start]):
            continue  # the seat of a foreign envoy's office ("Tổng Lãnh sự Úc tại TP Hồ Chí Minh")
        counts[m.entity.id] += 1
        first.setdefault(m.entity.id, m.start)
        ents[m.entity.id] = m.entity
        if m.surface.lower() in title:
            counts[m.entity.id] += 2
    if not counts:
        return []
    best = max(counts.values())
    ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))
    return [ents[k] for k in ranked if counts[k] == best or counts[k] >= 0.6 * best][:1]
