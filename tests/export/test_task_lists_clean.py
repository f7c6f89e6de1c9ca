"""Task lists of the development work reports carry no junk: nothing from glossaries, reviews or openings, no
rhetoric, no nominal headings; the design speech keeps its directives (its gold is in the quality gate)."""

from __future__ import annotations

import re
from bisect import bisect_right

import pytest
from conftest import CORPUS, needs_shared

from nlp.pipeline import analyze

pytestmark = [needs_shared(), pytest.mark.corpus]

DEV_REPORTS = [f"national/gwr_{y}.txt" for y in range(2021, 2026)] + [
    f"provincial/{y}/{p}.txt" for y in (2025, 2026) for p in ("bj", "gd", "zj", "sh", "js")]
RHETORIC = re.compile(r"^只要[^。]*?(?:就|一定)|必须(?:清醒)?看到")
NOMINAL_HEADING = re.compile(r"^[一二三四五六七八九十]+、(?:(?:19|20)\d{2}年)?.{0,16}(?:工作任务|重点工作|工作回顾|总体要求|政策取向|工作安排)$")


@pytest.mark.parametrize("name", DEV_REPORTS)
def test_no_junk_rows(name: str) -> None:
    analysis = analyze(CORPUS / name)
    starts = [s.start for s in analysis.sections]
    junk = []
    for d in analysis.directives:
        role = analysis.sections[bisect_right(starts, d.start) - 1].role
        if role in ("glossary", "review", "preamble") or RHETORIC.search(d.text) or NOMINAL_HEADING.match(d.text):
            junk.append(f"{role}: {d.text[:40]}")
    assert not junk, junk
