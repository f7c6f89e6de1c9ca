"""Deadlines of directives: 年内, 6月底前, 今天会后, 尽快, 每月 — with a normalised date or period."""

from __future__ import annotations

import calendar
import re
from functools import cache

from nlp.lexicons import any_of, load_table
from nlp.numerals import cn_small
from nlp.segment.tables import QUARTER_WORDS
from nlp.types import Deadline


@cache
def _patterns() -> list[tuple[re.Pattern[str], str, str]]:
    return [(re.compile(r["pattern"]), r["kind"], r["normalize"]) for r in load_table("deadlines")]


@cache
def _any_pattern() -> re.Pattern[str]:
    return re.compile(any_of(r["pattern"] for r in load_table("deadlines")))


def find_deadline(text: str, start: int, end: int, doc_date: str | None, doc_year: int | None) -> Deadline | None:
    """Return the first deadline phrase in text[start:end] (of the patterns matching there first, the first in
    the table), normalised against the document's date."""
    chunk = text[start:end]
    # one scan instead of one per pattern: most sentences have no deadline
    for first in _any_pattern().finditer(chunk):
        for pattern, kind, how in _patterns():
            m = pattern.match(chunk, first.start())
            if m:
                year = m.groupdict().get("year")
                if year and doc_year is not None and int(year) < doc_year:
                    break  # a year gone by describes something (2000年底前建成的小区): no deadline
                return Deadline(text=m.group(0), kind=kind, normalized=_normalize(m, how, doc_date, doc_year),  # type: ignore[arg-type]
                                start=start + m.start(), end=start + m.end())
    return None


# a time cell of a task table, as a spreadsheet writes it: 2025年12月, 2025.12, 2025-12, 2025年, 2025年第二季度
DUE_CELL = re.compile(r"(?:(?P<year>\d{4})\s*(?:年|[.．/-](?=\d)))?\s*(?:(?P<month>\d{1,2})(?:月|[.．/-](?=\d))?"
                      r"(?:(?<=[月.．/-])(?P<day>\d{1,2})[日号]?)?|"
                      r"第?(?P<quarter>[一二三四1-4])季度)?(?:底|末|前|之前|以前)*")
YEARS_CELL = re.compile(r"\d{4}年?\s*[-—~～至到]\s*(?P<year>\d{4})年?(?:底|末)?")  # 2025-2027年: by the last


def find_due(text: str, start: int, end: int, doc_date: str | None, doc_year: int | None) -> Deadline | None:
    """Return the deadline a task table's time cell text[start:end] gives: a date, a month, a year or a quarter
    written bare (2025年6月30日, 2025-06-30; 2025年12月, 2025.12, 2027年底, 第二季度: the end of it), else the first
    deadline phrase in it."""
    m = DUE_CELL.fullmatch(text, start, end) or YEARS_CELL.fullmatch(text, start, end)
    if m is not None and any(m.groupdict().values()):
        groups = m.groupdict()
        year = int(groups["year"]) if groups["year"] else doc_year
        month = 12 if not (groups.get("month") or groups.get("quarter")) else \
            int(groups["month"]) if groups.get("month") else 3 * QUARTER_WORDS[groups["quarter"]]
        if year is not None and 1 <= month <= 12:
            last = calendar.monthrange(year, month)[1]
            day = int(groups["day"]) if groups.get("day") else last  # (a date: by that day; a month: by its end)
            if 1 <= day <= last:
                return Deadline(text=text[start:end], kind="date", normalized=f"{year:04d}-{month:02d}-{day:02d}",
                                start=start, end=end)
    return find_deadline(text, start, end, doc_date, doc_year)


def _normalize(m: re.Match[str], how: str, doc_date: str | None, doc_year: int | None) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else doc_year
    if how.startswith("P"):
        return how
    if how == "doc_date":
        return doc_date
    if year is None:
        return None
    if how == "year_end":
        return f"{year:04d}-12-31"
    if how == "half_year":
        return f"{year:04d}-06-30"
    month_raw = groups.get("month") or ""
    month = int(month_raw) if month_raw.isdigit() else cn_small(month_raw) if month_raw else 0
    if not 1 <= month <= 12:
        return None
    if how == "month_end":
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if how == "day" and groups.get("day"):
        day = int(groups["day"])
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None
