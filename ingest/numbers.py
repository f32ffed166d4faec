"""Vietnamese number formats: "." groups thousands, "," marks decimals ("4.750", "209,87",
"628.551 triệu đồng", "14,625 tỷ USD"), with scale words and currencies."""

from __future__ import annotations

import re

SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "nghìn tỷ": 1e12, "ngàn tỷ": 1e12}
CURRENCY = {
    "usd": "USD", "đô la mỹ": "USD", "đô-la mỹ": "USD", "đô la": "USD", "đôla": "USD", "us$": "USD", "$": "USD",
    "đồng": "VND", "vnđ": "VND", "vnd": "VND", "đ": "VND",
    "eur": "EUR", "euro": "EUR", "yên": "JPY", "yen": "JPY", "won": "KRW", "nhân dân tệ": "CNY", "tệ": "CNY",
    "bạt": "THB", "baht": "THB", "kíp": "LAK",
}
NUMBER = r"\d{1,3}(?:[.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


def parse_number(token: str) -> float | None:
    """'4.750' -> 4750, '209,87' -> 209.87, '03' -> 3, '1,000,000' -> 1000000; None if malformed."""
    t = token.strip()
    if not t or not re.fullmatch(r"[\d.,]+", t) or not t[0].isdigit():
        return None
    if t.count(",") > 1 and "." not in t:  # English thousands "1,000,000"
        t = t.replace(",", "")
    elif t.count(".") >= 1 and re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t):
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", t):
        t = t.replace(",", ".")
    elif re.fullmatch(r"\d+\.\d{1,2}", t):  # a stray English decimal "3.5"
        pass
    elif not re.fullmatch(r"\d+", t):
        return None
    try:
        return float(t)
    except ValueError:
        return None


def scaled(value: float, scale_word: str | None) -> float:
    if not scale_word:
        return value
    return value * SCALE.get(" ".join(scale_word.lower().split()), 1.0)


def as_plain(value: float) -> int | float:
    """Whole numbers as int (JSON 4750000000, not 4.75e9); others rounded to kill float noise."""
    r = round(value, 6)
    return int(r) if r == int(r) else r
