"""Non-overlapping character spans, kept sorted, with overlap queries by bisection: the recogniser
and the people extractor check every candidate against what is already taken, and a scan of all
taken spans per candidate made extraction quadratic in the article's length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort


class Spans:
    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans or [])

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        """The spans sharing a character with [a, b) (spans do not overlap each other, so their ends
        are sorted too and the hits are one contiguous run)."""
        i = bisect_right(self._spans, (a, float("inf"))) - 1
        while i >= 0 and self._spans[i][1] > a:
            i -= 1
        i += 1
        j = bisect_left(self._spans, (b, -1))
        return [s for s in self._spans[i:j] if s[1] > a and s[0] < b]

    def free(self, a: int, b: int) -> bool:
        return not self.overlapping(a, b)

    def add(self, a: int, b: int) -> None:
        insort(self._spans, (a, b))

    def remove(self, span: tuple[int, int]) -> None:
        k = bisect_left(self._spans, span)
        if k < len(self._spans) and self._spans[k] == span:
            del self._spans[k]
