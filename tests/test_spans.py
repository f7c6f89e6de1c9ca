"""Character spans: clause starts and the longest of overlapping candidates."""

from __future__ import annotations

import pytest

from nlp.spans import CLAUSE_OR_LIST, CLAUSE_PUNCT, clause_start, keep_longest

TEXT = "今年以来，全市共办理案件1200件；其中，检察建议、纠正意见\n共计35件。"


def _rfind_start(text: str, lo: int, pos: int, breaks: str) -> int:
    """clause_start as an rfind of each break character."""
    last = max((text.rfind(ch, lo, pos) for ch in breaks), default=-1)
    return last + 1 if last >= 0 else lo


@pytest.mark.parametrize("breaks", [CLAUSE_PUNCT, CLAUSE_OR_LIST, "\n", ""])
def test_clause_start_is_after_the_last_break(breaks: str) -> None:
    for lo in range(len(TEXT)):
        for pos in range(lo, len(TEXT) + 1):
            assert clause_start(TEXT, lo, pos, breaks) == _rfind_start(TEXT, lo, pos, breaks), (lo, pos)


def test_keep_longest_prefers_the_earliest_then_the_longest() -> None:
    spans = [(5, 7), (0, 3), (0, 4), (2, 6), (4, 5), (4, 5)]
    assert keep_longest(spans, lambda s: s) == [(0, 4), (4, 5), (5, 7)]
