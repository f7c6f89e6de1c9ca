"""Chinese wording of the values users see: deadlines as an office writes them in a 完成时限 column, dates."""

from __future__ import annotations

import pytest

from nlp.labels import DEADLINE_KIND_ZH, date_zh, deadline_zh
from nlp.types import Deadline

# (phrase in the document, kind, normalised value) → what the 完成时限 column says
DEADLINES = [
    ("6月底前", "date", "2025-06-30", "2025年6月30日前"),
    ("2025年6月30日前", "date", "2025-06-30", "2025年6月30日前"),
    ("上半年", "date", "2024-06-30", "2024年6月30日前"),
    ("6月底", "date", None, "6月底前"),  # no year to normalise against: the phrase, as a deadline
    ("年内", "end_of_year", "2025-12-31", "2025年12月31日前"),
    ("年底前", "end_of_year", None, "年内"),
    ("每年", "recurring", "P1Y", "每年"),
    ("按季度", "recurring", "P3M", "每季度"),
    ("每个月", "recurring", "P1M", "每月"),
    ("每星期", "recurring", "P1W", "每周"),
    ("每半年", "recurring", "P6M", "每半年"),
    ("尽快", "asap", None, "尽快"),
    ("抓紧", "asap", None, "抓紧"),  # the phrase says more than 尽快
    ("从速", "asap", None, "从速"),
    ("马上", "immediate", "2025-01-13", "立即"),
    ("今天会后", "immediate", None, "立即"),
]


@pytest.mark.parametrize(("text", "kind", "normalized", "expected"), DEADLINES)
def test_deadline_as_an_office_writes_it(text: str, kind: str, normalized: str | None, expected: str) -> None:
    assert deadline_zh(Deadline(text=text, kind=kind, normalized=normalized)) == expected  # type: ignore[arg-type]


def test_no_deadline_is_an_empty_cell() -> None:
    assert deadline_zh(None) == ""


def test_no_code_reaches_a_reader() -> None:
    for text, kind, normalized, _ in DEADLINES:
        wording = deadline_zh(Deadline(text=text, kind=kind, normalized=normalized))  # type: ignore[arg-type]
        assert not any(code in wording for code in ("P1", "P3", "P6", "-", kind)), wording
    assert set(DEADLINE_KIND_ZH) == {"immediate", "asap", "date", "end_of_year", "recurring"}


def test_date_zh() -> None:
    assert date_zh("2025-03-31") == "2025年3月31日"
    assert date_zh(None) == "" and date_zh("2025年") == "2025年"
