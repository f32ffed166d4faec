"""Every pattern's own example sentences (written for the pattern, not taken from any corpus): each
positive example matches it, each negative one does not."""

import pytest

from core.models import Sentence
from ingest.matcher import PATTERN_DIR, find, patterns
from ingest.sentences import split
from ingest.tokens import tokenise

SECTIONS = sorted(p.stem for p in PATTERN_DIR.glob("*.yaml") if p.stem != "lexicons")
CASES = [(sec, p.id, text, expected) for sec in SECTIONS for p in patterns(sec)
         for expected, texts in ((True, p.positive), (False, p.negative)) for text in texts]


def test_every_pattern_has_positive_and_negative_examples():
    for sec in SECTIONS:
        for p in patterns(sec):
            assert p.positive and p.negative, (sec, p.id)


@pytest.mark.parametrize(("section", "pid", "text", "expected"), CASES,
                         ids=[f"{c[0]}:{c[1]}:{'pos' if c[3] else 'neg'}:{k}" for k, c in enumerate(CASES)])
def test_pattern_example(section, pid, text, expected):
    sents = split(text) or [Sentence(start=0, end=len(text), text=text)]
    toks = tokenise(text, sents)
    hits = find(section, toks.syls, 0, len(toks.syls), only={pid})
    assert bool(hits) is expected, (pid, text, [(s.text, s.pos) for s in toks.syls])
