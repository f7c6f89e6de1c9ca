"""Character spans: overlaps, the longest of overlapping candidates, clause starts, items by position."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Generic, TypeVar

T = TypeVar("T")

CLAUSE_PUNCT = "，,；;：:"  # what ends a clause inside a sentence
CLAUSE_OR_SENTENCE = CLAUSE_PUNCT + "。"
CLAUSE_OR_LIST = CLAUSE_OR_SENTENCE + "、"  # a listed item (`…、…`) is a clause of its own


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Return how many characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def keep_longest(candidates: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Return the candidates that survive, left to right: where spans overlap, the earliest start wins, and
    of those starting together the longest; ties keep their order."""
    ordered = sorted(candidates, key=lambda c: ((s := span(c))[0], s[0] - s[1]))
    kept: list[T] = []
    last_end = None
    for c in ordered:
        start, end = span(c)
        if last_end is not None and start < last_end:
            continue
        kept.append(c)
        last_end = end
    return kept


def itself(span: tuple[int, int]) -> tuple[int, int]:
    """The span of an item that is a (start, end) span itself: `item_at`'s `span` for a list of spans."""
    return span


def item_at(items: Sequence[T], at: int, span: Callable[[T], tuple[int, int]]) -> T | None:
    """The item of `items` (in order of their spans, which do not overlap) whose span holds position `at`, or None."""
    k = bisect_right(items, at, key=lambda item: span(item)[0]) - 1
    return items[k] if k >= 0 and at < span(items[k])[1] else None


def clause_start(text: str, lo: int, pos: int, breaks: str = CLAUSE_PUNCT) -> int:
    """Return where the clause holding `pos` starts: after the last of `breaks` in text[lo:pos], else `lo`."""
    last = _last_break(breaks)(text, lo, pos) if breaks else None
    return last.end() if last else lo


@cache
def _last_break(breaks: str) -> Callable[[str, int, int], re.Match[str] | None]:
    """Return a match of text[lo:pos] up to the last of `breaks` in it: one scan back in C instead of an rfind
    for each of the characters."""
    return re.compile(f"(?s:.*)[{re.escape(breaks)}]").match


class SpanIndex(Generic[T]):
    """Items with a `start`, found by position: the ones starting inside a span, or the one covering a point."""

    def __init__(self, items: Sequence[T], start: Callable[[T], int]) -> None:
        self.items = sorted(items, key=start)
        self.starts = list(map(start, self.items))

    def starting_in(self, start: int, end: int) -> list[T]:
        """Return the items that start at or after `start` and before `end`, in order."""
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]
