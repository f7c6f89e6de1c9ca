"""Targets of one document matched to the results another document states.

A result is a quantity of the later document whose nearest preceding metric (from the metrics lexicon,
within its sentence) has the target's key, in a unit that converts to the target's; five-year totals,
annual averages and the later document's own targets are not results. Status: a floor is met when the
result reaches the target (with 左右: within 0.2 points for percentages, 98 % for amounts), a ceiling
mirrored; unknown when the later document states no figure.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nlp.extract.metrics import metric_mentions
from nlp.match.units import convert
from nlp.numerals import split_value
from nlp.segment.sections import report_sections
from nlp.types import Analysis, Quantity, Status, Target

NOT_RESULT = re.compile(r"其中|预计|目标|力争|拟|比上年|比去年|较上年|结存|比重|占比")  # between metric and figure
MULTI_YEAR = re.compile(r"五年|年均|累计|十四五|十三五|期间")  # anywhere before the figure in its sentence
GROWTH = re.compile(r"增长|增速|上涨|增加|提高|下降|降低|降幅|回落")
RESULT_KINDS = frozenset({"percent", "count", "money", "change"})
APPROX_POINTS = 0.2  # 左右 on a percentage: within 0.2 points still counts as met
APPROX_SHARE = 0.98  # 左右 on an amount: 98 % of it still counts as met
MAX_METRIC_DISTANCE = 40  # characters between a metric's name and its figure


@dataclass(frozen=True)
class Result:
    """What a later document states for one target."""

    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    status: Status
    score: float


@dataclass(frozen=True)
class _Candidate:
    quantity: Quantity
    key: str
    start: int  # where the metric's name starts: the result's text runs from there
    in_review: bool


def _candidates(analysis: Analysis) -> dict[str, list[_Candidate]]:
    """Index the figures of a document by the metric key they state."""
    text = analysis.document.text
    own_targets = {t.quantity for t in analysis.targets}
    review = report_sections(analysis.outline)
    starts = [s.start for s in analysis.sentences]
    by_key: dict[str, list[_Candidate]] = {}
    mentions_cache: dict[int, list[tuple[int, int, str]]] = {}
    for q in analysis.quantities:
        if q.kind not in RESULT_KINDS or q.masked or q.value is None or q.id in own_targets:
            continue
        i = bisect.bisect_right(starts, q.start) - 1
        if i < 0:
            continue
        sent = analysis.sentences[i]
        if i not in mentions_cache:
            mentions_cache[i] = [(a + sent.start, b + sent.start, k) for a, b, k in metric_mentions(sent.text)]
        before = [m for m in mentions_cache[i] if m[1] <= q.start and q.start - m[1] <= MAX_METRIC_DISTANCE]
        if not before:
            continue
        m_start, _, key = before[-1]
        clause = text[m_start:q.end]
        if NOT_RESULT.search(clause) or MULTI_YEAR.search(text, sent.start, q.start):
            continue
        if key.endswith("_growth") and q.kind == "percent" and not GROWTH.search(clause):
            continue  # 地区生产总值比重达33.5%: a share, not growth
        by_key.setdefault(key, []).append(_Candidate(q, key, m_start, sent.section in review))
    return by_key


def status_of(target: Target, value: float) -> Status:
    """met / not_met of a result (already in the target's unit) against a target."""
    goal = target.value if target.value is not None else 0.0
    approx = target.qualifier == "approx"
    percent = target.unit in ("%", "个百分点")
    if target.direction == "ceiling":
        limit = goal + APPROX_POINTS if approx and percent else goal / APPROX_SHARE if approx else goal
        return "met" if value <= limit + 1e-9 else "not_met"
    limit = goal - APPROX_POINTS if approx and percent else goal * APPROX_SHARE if approx else goal
    return "met" if value >= limit - 1e-9 else "not_met"


def find_result(target: Target, other: Analysis, index: dict[str, list[_Candidate]] | None = None) -> Result | None:
    """Return the result `other` states for `target`, or None when it states no figure for that metric."""
    if target.key is None or target.value is None:
        return None
    index = index if index is not None else _candidates(other)
    options = [c for c in index.get(target.key, ()) if _converts(c.quantity, target)]
    if not options:
        return None
    options.sort(key=lambda c: (not c.in_review, c.quantity.start))
    best = options[0]
    value, unit, _ = split_value(best.quantity.text)
    if value is None:
        return None
    in_target_unit = convert(value, unit, target.unit) if unit != target.unit else value
    if in_target_unit is None:
        return None
    text = other.document.text
    return Result(text=text[best.start:best.quantity.end], start=best.start, end=best.quantity.end, value=value,
                  unit=unit, status=status_of(target, in_target_unit), score=1.0 if best.in_review else 0.8)


def _converts(q: Quantity, target: Target) -> bool:
    value, unit, _ = split_value(q.text)
    if value is None:
        return False
    if unit == target.unit:
        return True
    return convert(value, unit, target.unit) is not None


def index_results(other: Analysis) -> dict[str, list[_Candidate]]:
    """Build once the index `find_result` searches, for many targets against one document."""
    return _candidates(other)
