"""Deterministic ids: the same fact read twice gets the same id, so MERGE never duplicates."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def digest(*parts: object, size: int = 16) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:size]


def fact_id(prefix: str, *parts: object) -> str:
    return f"{prefix}-{digest(*parts)}"


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, runs of non-alphanumerics -> one space."""
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")[:80] or "x"
