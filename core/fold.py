"""A 1:1 fold of text for matching: lower case, no diacritics, đ -> d, non-alphanumerics -> space.

Each character folds to exactly one character, so a match in the folded text is at the same
offsets in the original."""

from __future__ import annotations

import unicodedata


class _FoldTable(dict[int, str]):
    def __missing__(self, code: int) -> str:
        c = chr(code)
        if c in "đĐ":
            out = "d"
        else:
            base = unicodedata.normalize("NFD", c)[:1].lower()
            out = base if base.isalnum() and len(base) == 1 else " "
            if not out.isascii() and out != " ":
                out = out if out.isalpha() else " "
        self[code] = out
        return out


_TABLE = _FoldTable()


def fold1(text: str) -> str:
    return text.translate(_TABLE)


def fold_key(text: str) -> str:
    return " ".join(fold1(text).split())
