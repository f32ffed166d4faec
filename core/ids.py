"""Deterministic ids: the same fact read twice gets the same id, so MERGE never duplicates."""

from __future__ import annotations

import hashlib

from core.fold import fold_key


def digest(*parts: object, size: int = 16) -> str:
    raw = "\x1f".join(["" if p is None else str(p) for p in parts])  # a list: join() builds one anyway
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:size]


def fact_id(prefix: str, *parts: object) -> str:
    return f"{prefix}-{digest(*parts)}"


def slug(text: str) -> str:
    return fold_key(text).replace(" ", "-")[:80] or "x"
