"""Publication dates from page headers, and the article's own reference date."""

from __future__ import annotations

import datetime as dt
import re

WEEKDAY = r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|2|3|4|5|6|7)|Chủ\s+[Nn]hật|CN)"
HEADER_DATE = [
    # "Chủ Nhật, 04/02/2024 13:41", "Thứ Hai, 20/01/2020 - 14:47"
    re.compile(WEEKDAY + r"\s*,?\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*[-–|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?",
               re.IGNORECASE),
    # "14:14:31 | 15/4/2024", "13:41 15/4/2024"
    re.compile(r"^\D{0,12}\d{1,2}:\d{2}(?::\d{2})?\s*[|,-]?\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$"),
    # "04/02/2024 13:41", "Cập nhật: 04/02/2024"
    re.compile(r"^\D{0,30}?(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*[-–|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:\(GMT[^)]*\))?\s*$"),
]


def valid_date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_header_date(line: str) -> str | None:
    if len(line) > 80:
        return None
    for pat in HEADER_DATE:
        m = pat.search(line)
        if m:
            d, mo, y = (int(g) for g in m.groups()[:3])
            if 1990 <= y <= 2100:
                return valid_date(y, mo, d)
    return None


_IN_TEXT = re.compile(r"(?<![\d/.-])(?:(\d{1,2})/)?(\d{1,2})/((?:19|20)\d{2})(?![\d/-])")
_YEAR_NAMED = re.compile(r"\b[Nn]ăm\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)")


def reference_date(text: str, published: str | None) -> tuple[str | None, int | None]:
    """The date relative expressions resolve against: the publication date, else the latest
    day- or month-precision date the text gives (an undated report mentions its own recent past)."""
    if published and re.match(r"^(19|20)\d{2}(-\d{2}(-\d{2})?)?", published):
        return published[:10], int(published[:4])
    best: tuple[int, int, int] | None = None
    for m in _IN_TEXT.finditer(text):
        d = int(m.group(1)) if m.group(1) else 1
        mo, y = int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31 and (best is None or (y, mo, d) > best):
            best = (y, mo, d)
    if best:
        y, mo, d = best
        return valid_date(y, mo, d) or f"{y}-{mo:02d}", y
    years = [int(y) for y in _YEAR_NAMED.findall(text)]
    return None, (min(years) if years else None)
