"""Parts of a document by what they do: the outline items under a review of past work (工作回顾), and the
main-targets passages of a plan (`主要预期目标是：…；…。`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.cues import cue
from nlp.types import OutlineItem

PASSAGE = re.compile(r"目标(?:任务)?(?:是|为)[:：]")  # 主要预期目标是： (a literal first: one fast scan)


def report_sections(outline: Sequence[OutlineItem]) -> frozenset[int]:
    """Return the outline items under a heading about past work (工作回顾)."""
    out: set[int] = set()
    report_level: int | None = None
    for i, item in enumerate(outline):
        if report_level is not None and item.level <= report_level:
            report_level = None
        if report_level is None and cue("report_section").search(item.title) and \
                not cue("directive_section").search(item.title):
            report_level = item.level
        if report_level is not None:
            out.add(i)
    return frozenset(out)


def passage_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the spans of main-targets passages: from `目标是：` to the end of that sentence run (。)."""
    spans = []
    for m in PASSAGE.finditer(text):
        end = text.find("。", m.end())
        spans.append((m.start(), end + 1 if end > 0 else len(text)))
    return tuple(spans)


def parents(outline: Sequence[OutlineItem]) -> tuple[int | None, ...]:
    """Return for each outline item the index of the item it stands under, or None at the top."""
    out: list[int | None] = []
    open_at: list[int] = []  # indices of the items still open, shallowest first
    for i, item in enumerate(outline):
        while open_at and outline[open_at[-1]].level >= item.level:
            open_at.pop()
        out.append(open_at[-1] if open_at else None)
        open_at.append(i)
    return tuple(out)
