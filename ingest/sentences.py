"""Sentence splitting that keeps abbreviations ("TP. Đông Hà"), dates ("3-4/8/2023") and Vietnamese
numbers ("4,439 triệu USD", "1.000 tỷ đồng") whole."""

from __future__ import annotations

import re

from core.models import Sentence

ABBREV = {"tp", "tx", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "th.s", "st", "mr", "mrs", "ms", "dr", "p",
          "q", "h", "ng", "v.v", "vv", "tr", "no", "co", "ltd", "inc", "đ/c", "tk", "ub", "ubnd"}
_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-ZÀ-ỸĐ0-9])")


def split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = 0
        for m in _END.finditer(line):
            word = re.search(r"([\w./]+)$", line[cut:m.start()])
            if m.group().startswith(".") and word and word.group(1).lower().rstrip(".") in ABBREV:
                continue
            _add(out, text, start + cut, start + m.end())
            cut = m.end()
        _add(out, text, start + cut, start + len(line))
    return out


def _add(out: list[Sentence], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in " |\t":
        b -= 1
    if b > a:
        out.append(Sentence(start=a, end=b, text=text[a:b]))
