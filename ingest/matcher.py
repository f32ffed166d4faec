"""A small token matcher over syllables, and the declarative pattern files it reads.

A pattern is a list of elements; an element matches one or more consecutive syllables:

    {lower: "ký kết"}             the syllables "ký" "kết" (lower-cased)
    {lower: ["ký", "kí kết"]}     any of these
    {fold: "ky ket"}              the same, accent-folded
    {lex: signing_verbs}          any entry of a lexicon (lexicons.yaml)
    {pos: [N, Np]}                a syllable with one of these POS tags
    {ent: [Country, ForeignLocality]}  a syllable inside a mention of these types
    {cap: true}                   a capitalised syllable
    {any: true}                   any syllable
    op: "?" | "*" | "+"           optional / repeated (greedy, with backtracking)
    op: "!"                       must NOT match here (consumes nothing): "tiếp" but not "tiếp tục"

Each pattern file (`ingest/patterns/<section>.yaml`) lists patterns with an `id`, what it
`produces` (a cue the extractor reads, often a kind), and `positive` / `negative` example sentences;
tests/test_patterns.py runs every example.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from core.fold import fold1
from ingest.tokens import Syl

PATTERN_DIR = Path(__file__).parent / "patterns"


@cache
def lexicons() -> dict[str, list[str]]:
    data = yaml.safe_load((PATTERN_DIR / "lexicons.yaml").read_text(encoding="utf-8"))
    return {k: [str(x) for x in v] for k, v in data.items()}


@dataclass(frozen=True)
class Element:
    seqs: tuple[tuple[str, ...], ...] | None    # alternative syllable sequences (lower or fold)
    folded: bool
    pos: frozenset[str] | None
    ent: frozenset[str] | None
    cap: bool | None
    op: str
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.seqs is not None:
            groups: dict[str, list[tuple[str, ...]]] = {}
            for seq in self.seqs:
                if seq:
                    groups.setdefault(seq[0], []).append(seq)
            object.__setattr__(self, "by_first", {k: tuple(v) for k, v in groups.items()})

    def match_at(self, syls: list[Syl], i: int, end: int) -> list[int]:
        """Positions after matching this element once at i (longest first)."""
        if i >= end:
            return []
        if self.seqs is not None:
            out = []
            first = syls[i].fold if self.folded else syls[i].lower
            for seq in self.by_first.get(first, ()):
                n = len(seq)
                if i + n > end:
                    continue
                k = 1
                while k < n and (syls[i + k].fold if self.folded else syls[i + k].lower) == seq[k]:
                    k += 1
                if k == n and self._ok(syls[i]):
                    out.append(i + n)
            return sorted(set(out), reverse=True)
        return [i + 1] if self._ok(syls[i]) else []

    def _ok(self, s: Syl) -> bool:
        if self.pos is not None and s.pos not in self.pos:
            return False
        if self.ent is not None and s.ent not in self.ent:
            return False
        return not (self.cap is not None and (s.text[:1].isupper()) != self.cap)


def _strs(v: Any) -> list[str]:
    return [str(x) for x in (v if isinstance(v, list) else [v])]


def element(spec: dict[str, Any]) -> Element:
    seqs = None
    folded = False
    if "lex" in spec:
        words = [w for name in _strs(spec["lex"]) for w in lexicons()[name]]
        seqs = tuple(tuple(w.lower().split()) for w in words)
    elif "lower" in spec:
        seqs = tuple(tuple(w.lower().split()) for w in _strs(spec["lower"]))
    elif "fold" in spec:
        seqs, folded = tuple(tuple(fold1(w).split()) for w in _strs(spec["fold"])), True
    return Element(seqs=seqs, folded=folded,
                   pos=frozenset(_strs(spec["pos"])) if "pos" in spec else None,
                   ent=frozenset(_strs(spec["ent"])) if "ent" in spec else None,
                   cap=spec.get("cap"), op=str(spec.get("op", "")))


@dataclass(frozen=True)
class Pattern:
    id: str
    produces: str
    elements: tuple[Element, ...]
    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()

    @property
    def first(self) -> frozenset[str] | None:
        """The syllables a match can start with (None: any), so find() only tries those positions."""
        el = self.elements[0]
        if el.seqs is None or el.folded or el.op in ("?", "*", "!"):
            return None
        return frozenset(el.by_first)

    def match(self, syls: list[Syl], start: int, end: int) -> int | None:
        """End of the longest match beginning at start, or None."""
        def go(k: int, i: int) -> int | None:
            if k == len(self.elements):
                return i
            el = self.elements[k]
            if el.op == "!":  # negative lookahead: the next syllables must not match this element
                return None if el.match_at(syls, i, end) else go(k + 1, i)
            if el.op in ("*", "+", "?"):
                # greedy: collect the positions reachable by repeating, try the longest first
                reach = [i] if el.op != "+" else []
                frontier = [i]
                seen = {i}
                while frontier:
                    nxt = []
                    for p in frontier:
                        for q in el.match_at(syls, p, end):
                            if q not in seen:
                                seen.add(q)
                                nxt.append(q)
                                reach.append(q)
                    frontier = nxt if el.op != "?" else []
                for p in sorted(set(reach), reverse=True):
                    r = go(k + 1, p)
                    if r is not None:
                        return r
                return None
            for p in el.match_at(syls, i, end):
                r = go(k + 1, p)
                if r is not None:
                    return r
            return None

        r = go(0, start)
        return r if r is not None and r > start else None


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    start: int            # syllable indexes
    end: int


@cache
def patterns(section: str) -> tuple[Pattern, ...]:
    data = yaml.safe_load((PATTERN_DIR / f"{section}.yaml").read_text(encoding="utf-8"))
    return tuple(Pattern(id=p["id"], produces=p["produces"], elements=tuple(element(e) for e in p["pattern"]),
                         positive=tuple(p.get("positive", [])), negative=tuple(p.get("negative", [])))
                 for p in data)


@cache
def needs_pos() -> bool:
    """Whether any pattern constrains a POS tag (then the tokeniser tags, at ~4x the cost)."""
    return any(el.pos is not None for f in PATTERN_DIR.glob("*.yaml") if f.stem != "lexicons"
               for p in patterns(f.stem) for el in p.elements)


@cache
def _compiled(section: str) -> tuple[tuple[Pattern, frozenset[str] | None], ...]:
    return tuple((p, p.first) for p in patterns(section))


def find(section: str, syls: list[Syl], start: int, end: int, only: set[str] | None = None) -> list[Match]:
    """Every match of the section's patterns within syllables [start, end), leftmost-longest,
    non-overlapping per pattern."""
    out: list[Match] = []
    for p, first in _compiled(section):
        if only is not None and p.produces not in only and p.id not in only:
            continue
        i = start
        while i < end:
            if first is not None and syls[i].lower not in first:
                i += 1
                continue
            j = p.match(syls, i, end)
            if j is None:
                i += 1
                continue
            out.append(Match(p, i, j))
            i = j
    out.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return out
