"""The tokenise stage: offsets round-trip on every corpus file (samples and dev), mentions project
onto syllables, the time budget degrades instead of stalling."""

from pathlib import Path

import pytest

from ingest.clean import clean
from ingest.pipeline import context
from ingest.read import read_path

from .conftest import SHARED

FILES = sorted((SHARED / "corpus").glob("*.txt")) + sorted((SHARED / "dev" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_offsets_round_trip(path: Path):
    raw = next(read_path(path, 5_000_000))
    ctx = context(clean(raw))
    text = ctx.text
    toks = ctx.tokens
    assert toks.tokens, path
    last, sent = 0, -1
    for t in toks.tokens:
        assert text[t.start:t.end] == t.text
        assert t.start >= last, t
        if t.sent == sent:  # nothing inside a sentence is skipped
            assert not text[last:t.start].strip(), (t, text[last:t.start])
        last, sent = t.end, t.sent
    for s in toks.syls:
        assert text[s.start:s.end] == s.text
    # every non-space character of every sentence lies in some token
    covered = sum(t.end - t.start for t in toks.tokens) - sum(t.text.count(" ") for t in toks.tokens)
    assert covered == sum(len("".join(s.text.split())) for s in ctx.sentences)
    for m in ctx.mentions:
        span = ctx.syl_span(m)
        if span:
            assert toks.syls[span[0]].start >= m.start and toks.syls[span[1] - 1].end <= m.end
            assert all(toks.syls[k].ent == m.entity.type for k in range(*span))


def test_header_is_metadata_and_headline_is_text():
    path = next((SHARED / "dev" / "corpus").glob("02_*.txt"))
    raw = next(read_path(path, 5_000_000))
    assert raw.url and raw.url.startswith("http") and raw.published == "2022-11-25"
    art = clean(raw)
    assert "URL:" not in art.text and "DATE:" not in art.text and "TITLE:" not in art.text
    assert art.title and art.text.startswith(art.title[:20])


def test_time_budget_degrades_to_plain_syllables():
    from core.models import Sentence
    from ingest.tokens import tokenise

    text = "Tỉnh Quảng Trị hợp tác với tỉnh Savannakhet. " * 40
    sents = [Sentence(start=k * 45, end=k * 45 + 44, text=text[k * 45:k * 45 + 44]) for k in range(40)]
    toks = tokenise(text, sents, budget_s=1e-9)
    assert toks.degraded == 40 and all(t.pos == "X" for t in toks.tokens)  # "X": split without the segmenter
    assert all(text[t.start:t.end] == t.text for t in toks.tokens)
