"""Tokenise stage: underthesea word segmentation (and POS tags when a pattern uses them), once per
article, as typed tokens with
character offsets into the cleaned text (and so, through the clean map, into the original).

Patterns match syllables (a word's space-separated parts), each carrying its word's POS tag and
the entity type of a gazetteer mention it lies in, so a pattern does not depend on how the
segmenter happened to group "biên bản ghi nhớ". Past the time budget an article's remaining
sentences are split by a plain syllable regex (POS "X") instead of the segmenter, so no article,
however long, can stall a run.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from core.fold import fold1
from core.models import Mention, Sentence

_PLAIN = re.compile(r"[\wÀ-ỹ’'.,-]*[\wÀ-ỹ]|[^\s\w]", re.UNICODE)
_SYL = re.compile(r"\S+")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str
    sent: int                      # index of the sentence it lies in


@dataclass(slots=True)
class Syl:
    """One syllable (or punctuation mark) of a token."""

    start: int
    end: int
    text: str
    lower: str
    fold: str
    pos: str
    tok: int                       # index of its token
    sent: int
    ent: str | None = None         # entity type of the mention covering it
    ent_begin: bool = False


@dataclass
class Tokens:
    text: str
    tokens: list[Token]
    syls: list[Syl]
    sent_syls: list[tuple[int, int]]   # per sentence: [first, last) syllable index
    degraded: int = 0                  # sentences split without the segmenter (time budget)
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.syls]

    def syl_range(self, start: int, end: int) -> tuple[int, int]:
        """Syllables lying within [start, end) of the text."""
        i = bisect_left(self._starts, start)
        j = bisect_right(self._starts, end - 1)
        while j > i and self.syls[j - 1].end > end:
            j -= 1
        return i, j

    def word_start(self, pos: int) -> int:
        """The start of the syllable containing pos (or pos when it is between syllables)."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.syls[i].start <= pos < self.syls[i].end:
            return self.syls[i].start
        return pos

    def word_end(self, pos: int) -> int:
        i = bisect_right(self._starts, pos - 1) - 1
        if i >= 0 and self.syls[i].start < pos < self.syls[i].end:
            return self.syls[i].end
        return pos

    def before(self, start: int, n: int = 1) -> list[Syl]:
        i = bisect_left(self._starts, start)
        return self.syls[max(0, i - n):i]


_tools: dict[str, object] = {}


def _segment(text: str, pos: bool) -> list[tuple[str, str]]:
    """underthesea, loaded once per process. `pos_tag` segments and tags; its feature extraction is
    pure Python and costs ~4x `word_tokenize` (whose featurizer is native), so tags are computed only
    when a pattern asks for them (matcher.needs_pos)."""
    if not _tools:
        from underthesea import pos_tag, word_tokenize

        _tools.update(pos_tag=pos_tag, word_tokenize=word_tokenize)
    if pos:
        return _tools["pos_tag"](text)  # type: ignore[operator]
    return [(w, "") for w in _tools["word_tokenize"](text)]  # type: ignore[operator]


def _align(text: str, base: int, words: list[tuple[str, str]], sent: int, out: list[Token]) -> bool:
    """Place each segmented word at its offset; False if the segmenter changed the text."""
    pos = 0
    placed: list[Token] = []
    for w, tag in words:
        w = w.strip()
        if not w:
            continue
        at = text.find(w, pos)
        if at < 0 or text[pos:at].strip():
            return False
        placed.append(Token(base + at, base + at + len(w), w, tag, sent))
        pos = at + len(w)
    if text[pos:].strip():
        return False
    out.extend(placed)
    return True


def _plain(text: str, base: int, sent: int, out: list[Token]) -> None:
    for m in _PLAIN.finditer(text):
        out.append(Token(base + m.start(), base + m.end(), m.group(), "X", sent))


def tokenise(text: str, sentences: list[Sentence], budget_s: float | None = None, pos: bool | None = None) -> Tokens:
    if pos is None:
        from ingest.matcher import needs_pos

        pos = needs_pos()
    deadline = time.monotonic() + budget_s if budget_s else None
    tokens: list[Token] = []
    degraded = 0
    for k, s in enumerate(sentences):
        if deadline is not None and time.monotonic() > deadline:
            _plain(s.text, s.start, k, tokens)
            degraded += 1
            continue
        if not _align(s.text, s.start, _segment(s.text, pos), k, tokens):
            _plain(s.text, s.start, k, tokens)
    syls: list[Syl] = []
    sent_syls: list[tuple[int, int]] = []
    cur_sent, first = 0, 0
    for ti, t in enumerate(tokens):
        while t.sent > cur_sent:
            sent_syls.append((first, len(syls)))
            cur_sent += 1
            first = len(syls)
        for m in _SYL.finditer(t.text):
            word = m.group()
            syls.append(Syl(t.start + m.start(), t.start + m.end(), word, word.lower(), fold1(word), t.pos, ti, t.sent))
    while cur_sent < len(sentences):
        sent_syls.append((first, len(syls)))
        cur_sent += 1
        first = len(syls)
    return Tokens(text=text, tokens=tokens, syls=syls, sent_syls=sent_syls, degraded=degraded)


def project(toks: Tokens, mentions: list[Mention]) -> dict[int, tuple[int, int]]:
    """Mark the syllables each mention covers with its entity type; id(mention) -> syllable range."""
    spans: dict[int, tuple[int, int]] = {}
    for m in mentions:
        i, j = toks.syl_range(m.start, m.end)
        if i >= j:
            continue
        spans[id(m)] = (i, j)
        for k in range(i, j):
            toks.syls[k].ent = m.entity.type
        toks.syls[i].ent_begin = True
    return spans
