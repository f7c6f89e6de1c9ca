"""Status of a task from the words of its evidence: work still going on is partial, work done is met."""

from __future__ import annotations

import pytest

from nlp.match.evidence import _from_polarity


@pytest.mark.parametrize(("text", "expected"), [
    ("陆续推出一系列专项政策和改革举措。", "met"),  # launched one after another: done
    ("一批重大项目陆续建成投产。", "met"),
    ("三个片区的改造正在推进中。", "partial"),
    ("项目陆续开工，部分仍需加快。", "partial"),
])
def test_work_in_progress_or_done(text: str, expected: str) -> None:
    assert _from_polarity("achievement", (), text) == expected
