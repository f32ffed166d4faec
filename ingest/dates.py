"""Dates as Vietnamese articles write them, kept at the precision the text gives.

"3-4/8/2023" -> (2023-08-03, 2023-08-04); "17-19/11/2023"; "ngày 15/12 sắp tới" and "Ngày 25-12"
resolve against the article's own date; "tháng 10/2019" -> 2019-10; "năm 2023" -> 2023.
Impossible dates (31/02) give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.meta import valid_date


@dataclass
class DateSpan:
    start: str
    end: str | None
    pos: int
    endpos: int


D = r"(\d{1,2})"
M = r"(\d{1,2})"
Y = r"((?:19|20)\d{2})"
_RANGE_DMY = re.compile(rf"(?<![\d/]){D}\s*[-–]\s*{D}\s*/\s*{M}\s*/\s*{Y}(?![\d/])")
# "10-12/6", "28 và 29-11" (in "Trong hai ngày 28 và 29-11"): a day range in a month, the year from the article
_RANGE_DM = re.compile(rf"(?<![\d/.-]){D}\s*(?:[-–]|và)\s*{D}\s*[/-]\s*{M}(?![\d]|\s*[/-]\s*\d)")
_RANGE_FULL = re.compile(rf"(?<![\d/]){D}/{M}(?:/{Y})?\s*(?:[-–]|đến(?: ngày)?)\s*{D}/{M}/{Y}(?![\d/])")
_DMY = re.compile(rf"(?<![\d/]){D}\s*[/.-]\s*{M}\s*[/.-]\s*{Y}(?![\d/])")
_DMY_WORDS = re.compile(rf"ngày\s+{D}\s+tháng\s+{M}\s+năm\s+{Y}", re.IGNORECASE)
_MY = re.compile(rf"tháng\s+{M}\s*[/-]\s*{Y}(?![\d/])|tháng\s+{M}\s+năm\s+{Y}", re.IGNORECASE)
_DM = re.compile(rf"(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Tt]ừ|[Đđ]ến|[Vv]ào)(?:\s+nay)?\s+"
                 rf"(?:ngày\s+)?{D}\s*[/-]\s*{M}"
                 r"(?![\d/-]|\s*[/-]\s*\d)")
_YEAR = re.compile(rf"(?:[Nn]ăm|đầu năm|cuối năm|giữa năm|[Xx]uân|đầu [Xx]uân)\s+{Y}(?!\s*[-–]\s*\d)"
                   rf"|(?<=\s){Y}(?=[\s,.;:)]|$)(?!\s*[-–]\s*\d)")
FUTURE = re.compile(r"sắp tới|tới đây|dự kiến|sẽ")


def _resolve_year(d: int, m: int, ref: str | None, future: bool) -> int | None:
    if ref is None:
        return None
    ry, rm = int(ref[:4]), int(ref[5:7]) if len(ref) >= 7 else 6
    if future and m < rm - 1:
        return ry + 1
    if not future and m > rm + 2:
        return ry - 1
    return ry


def _passage_year(years: list[tuple[int, str]], text: str, pos: int) -> int | None:
    """An undated article: the year the text states for that passage (the nearest, in the same or the
    neighbouring paragraph), else none."""
    if not years:
        return None
    dist, y, at = min((abs(p - pos), y, p) for p, y in years)
    between = text[min(at, pos):max(at, pos)]
    return int(y) if dist <= 400 and between.count("\n") <= 1 else None


def find_dates(text: str, ref: str | None = None) -> list[DateSpan]:
    """Every date expression in text, earliest first, without overlaps."""
    found: list[DateSpan] = []

    def add(span: DateSpan | None) -> None:
        if span and all(span.endpos <= f.pos or span.pos >= f.endpos for f in found):
            found.append(span)

    for m in _RANGE_FULL.finditer(text):
        d1, m1, y1, d2, m2, y2 = m.groups()
        s = valid_date(int(y1 or y2), int(m1), int(d1))
        e = valid_date(int(y2), int(m2), int(d2))
        add(DateSpan(s, e, m.start(), m.end()) if s and e else None)
    for m in _RANGE_DMY.finditer(text):
        d1, d2, mo, y = (int(g) for g in m.groups())
        s, e = valid_date(y, mo, d1), valid_date(y, mo, d2)
        add(DateSpan(s, e, m.start(), m.end()) if s and e and d1 < d2 else None)
    for pat in (_DMY_WORDS, _DMY):
        for m in pat.finditer(text):
            d, mo, y = (int(g) for g in m.groups())
            s = valid_date(y, mo, d)
            add(DateSpan(s, None, m.start(), m.end()) if s else None)
    for m in _MY.finditer(text):
        mo, y = (int(g) for g in m.groups() if g)
        add(DateSpan(f"{y}-{mo:02d}", None, m.start(), m.end()) if 1 <= mo <= 12 else None)
    years = [(m.start(), m.group(1) or m.group(2)) for m in _YEAR.finditer(text)] if ref is None else []
    for m in _RANGE_DM.finditer(text):
        d1, d2, mo = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= mo <= 12 and d1 < d2):
            continue
        future = bool(FUTURE.search(text[m.end():m.end() + 30]) or FUTURE.search(text[max(0, m.start() - 20):m.start()]))
        yr = _resolve_year(d1, mo, ref, future) or _passage_year(years, text, m.start())
        s1, s2 = (valid_date(yr, mo, d1), valid_date(yr, mo, d2)) if yr else (None, None)
        add(DateSpan(s1, s2, m.start(), m.end()) if s1 and s2 else None)
    for m in _DM.finditer(text):
        d, mo = int(m.group(1)), int(m.group(2))
        future = bool(FUTURE.search(text[m.end():m.end() + 30]) or FUTURE.search(text[max(0, m.start() - 20):m.start()]))
        resolved = _resolve_year(d, mo, ref, future)
        if resolved is None:
            resolved = _passage_year(years, text, m.start())
        day = valid_date(resolved, mo, d) if resolved else None
        add(DateSpan(day, None, m.start(), m.end()) if day else None)
    for m in _YEAR.finditer(text):
        add(DateSpan(m.group(1) or m.group(2), None, m.start(), m.end()))
    found.sort(key=lambda s: s.pos)
    return found

