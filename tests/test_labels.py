"""The Chinese wording users see: deadlines (完成时限) and dates."""

from __future__ import annotations

import pytest

from nlp.labels import date_zh, deadline_zh


@pytest.mark.parametrize(("kind", "normalized", "text", "expected"), [
    ("date", "2025-06-30", "6月底前", "2025年6月30日前"),
    ("date", "2025-03-31", "3月31日前", "2025年3月31日前"),
    ("date", None, "6月底前", "6月底前"),  # no year to normalise against: as written
    ("end_of_year", "2025-12-31", "年内", "2025年内"),
    ("end_of_year", None, "年底前", "年内"),
    ("recurring", "P1M", "每月", "每月"),
    ("recurring", "P3M", "按季度", "每季度"),
    ("recurring", "P1Y", "每年", "每年"),
    ("asap", None, "抓紧", "尽快"),
    ("immediate", "2024-03-08", "会后", "立即"),
])
def test_deadline_zh(kind: str, normalized: str | None, text: str, expected: str) -> None:
    assert deadline_zh(kind, normalized, text) == expected


def test_date_zh() -> None:
    assert date_zh("2025-03-31") == "2025年3月31日"
    assert date_zh(None) == "" and date_zh("2025年") == "2025年"
