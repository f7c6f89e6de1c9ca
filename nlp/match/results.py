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
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from nlp.extract.metrics import metric_directions, metric_key, metric_mentions, metric_parts, respectively
from nlp.lexicons import any_of, load_table
from nlp.match.units import convert
from nlp.numerals import split_value
from nlp.segment.sections import document_year, looking_back, path_year, report_sections
from nlp.segment.tables import task_rows
from nlp.spans import item_at, itself
from nlp.types import Analysis, Quantity, Sentence, Status, Target

NOT_RESULT = re.compile(r"其中|预计|目标|力争|拟|比上年|比去年|较上年|结存|比重|占比")  # between metric and figure
MULTI_YEAR = re.compile(r"五年|年均|累计|十四五|十三五|期间")  # anywhere before the figure in its sentence
SINCE = re.compile(r"[较比]((?:19|20)\d{2})年")  # 较2020年下降11.7%: a change over years, where 2020 is years back
LEVEL_AFTER = re.compile(r"[、，,；;]|达到|达|为|至")
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
    looking_back: bool = False  # in a look back over years: a level at the period's end, taken only failing others
    heading: bool = False  # in a heading (一、地区生产总值增长6%以上): a figure there that restates a target is no result


def _reporting(analysis: Analysis, parts: tuple[str, ...] = ("review", "problems")) -> Callable[[int], bool]:
    """Return whether an offset lies where a document states results: its review and problems parts (`parts`)
    when its headings give it a review, otherwise anywhere but its plans and glossary (a unit's summary)."""
    by_heading = any(s.role in ("review", "problems") and s.heading is not None for s in analysis.sections)
    starts = [s.start for s in analysis.sections]

    def reporting(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        role = analysis.sections[i].role if i >= 0 else "other"
        return role in parts if by_heading else role not in ("plan", "glossary")
    return reporting


def _looking_back(analysis: Analysis) -> Callable[[int], bool]:
    """Return whether an offset lies in a review's look back over years or its summing-up (`looking_back`)."""
    sentences = analysis.sentences
    starts = [s.start for s in sentences]
    back = looking_back(analysis.document.text, sentences, analysis.sections, document_year(analysis.document))

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return bool(back) and i >= 0 and sentences[i].paragraph in back
    return inside


def _candidates(analysis: Analysis, keys: frozenset[str] | None = None,
                in_back: Callable[[int], bool] | None = None) -> dict[str, list[_Candidate]]:
    """Index the figures of a document by the metric key they state (only where it states results); with
    `keys`, only the figures of these metrics (`metric_mentions` not asked of sentences naming none of them);
    `in_back`: its `_looking_back` when already worked out."""
    text = analysis.document.text
    own_targets = {t.quantity for t in analysis.targets}
    review = report_sections(analysis.outline)
    reporting = _reporting(analysis)
    in_back = in_back or _looking_back(analysis)
    # the year it speaks from; else the last in its path (national/gwr_2026.txt): a change since a year long past
    year = document_year(analysis.document) or path_year(analysis.document.path)
    starts = [s.start for s in analysis.sentences]
    by_key: dict[str, list[_Candidate]] = {}
    mentions_cache: dict[int, list[tuple[int, int, str]]] = {}
    named = metrics_pattern(keys) if keys is not None else None
    if keys is not None and named is None:
        return by_key
    listed = respectively(text, analysis.quantities, RESULT_KINDS)  # 城镇和农村居民收入分别增长5.1%和7.2%
    # a table's cells of completion rates and scores (完成率 93.3%, 自评得分 4.8) hold no value of the row's metric
    share_cells = sorted(cell for row in task_rows(text) for cell in row.shares)
    heading_starts = {o.start for o in analysis.outline}
    for q in analysis.quantities:
        if q.kind not in RESULT_KINDS or q.masked or q.value is None or q.id in own_targets:
            continue
        if share_cells and item_at(share_cells, q.start, itself) is not None:
            continue
        if not reporting(q.start):
            continue  # a figure of the document's own plans (今年…增长5%左右) is not a result
        i = bisect.bisect_right(starts, q.start) - 1
        if i < 0:
            continue
        sent = analysis.sentences[i]
        if i not in mentions_cache:
            if named is not None and not named.search(sent.text):
                mentions_cache[i] = []  # its figures state none of the metrics asked about
                continue
            mentions_cache[i] = [(a + sent.start, b + sent.start, k) for a, b, k in metric_mentions(sent.text)]
        paired = listed.get(q.id)
        listed_key = metric_key(paired[1])[0] if paired is not None else None
        if paired is not None and listed_key is not None:
            m_start, key = paired[0], listed_key  # the subject of the list in its place
        else:
            before = [m for m in mentions_cache[i] if m[1] <= q.start and q.start - m[1] <= MAX_METRIC_DISTANCE]
            if not before:
                continue
            m_start, _, key = before[-1]
        if keys is not None and key not in keys:
            continue  # (another metric of the sentence: this index holds only the targets')
        clause = text[m_start:q.end]
        if NOT_RESULT.search(clause) or MULTI_YEAR.search(text, sent.start, q.start):
            continue
        since = SINCE.search(clause)
        if since and year is not None and int(since.group(1)) < year - 2 \
                and not LEVEL_AFTER.search(clause, since.end(), len(clause) - len(q.text)):
            continue  # (but 较2020年提高0.5个百分点、达到2.9%: the level after the change is the year's)
        if key.endswith("_growth") and q.kind == "percent" and not GROWTH.search(clause):
            continue  # 地区生产总值比重达33.5%: a share, not growth
        late = in_back(q.start)
        if late and (q.kind != "percent" or key.endswith("_growth")):
            continue  # a look back over five years: its totals and growth are the period's, not the year's
        by_key.setdefault(key, []).append(_Candidate(q, key, m_start, sent.section in review, late,
                                                     sent.start in heading_starts))
    return by_key


class ResultIndex:
    """What `find_result` searches in one document, worked out once for many targets (each part when first
    needed): its figures by the metric key they state (with `keys`, of these metrics only: the targets' keys),
    and where it names each metric where it states results."""

    def __init__(self, analysis: Analysis, keys: frozenset[str] | None = None) -> None:
        self.analysis = analysis
        self.keys = keys
        self._named: dict[str, list[tuple[Sentence, int, int]]] = {}

    @cached_property
    def figures(self) -> dict[str, list[_Candidate]]:
        return _candidates(self.analysis, self.keys, self.in_back)

    @cached_property
    def in_back(self) -> Callable[[int], bool]:
        return _looking_back(self.analysis)

    @cached_property
    def in_review(self) -> Callable[[int], bool]:
        return _reporting(self.analysis, ("review",))

    @cached_property
    def asked(self) -> frozenset[str]:
        """The metrics `named` is asked about in one pass over the document: the targets' and their parts'."""
        parts = metric_parts()
        return frozenset(k for key in self.keys or () for k in (key, *parts.get(key, ())))

    def named(self, key: str) -> list[tuple[Sentence, int, int]]:
        """(sentence, where the metric `key`'s name starts and ends in it), in the document's order, in the parts
        that state results: `metric_mentions` asked only of the sentences where the pattern of the metrics asked
        about (`asked`, else the metric's own) finds something."""
        found = self._named.get(key)
        if found is None:
            keys = self.asked if key in self.asked else frozenset({key})
            pattern = metrics_pattern(keys)
            # (a goal set in words is judged by what the review says: `…改善的基础还不牢固` in the problems is no result)
            reporting, in_back = self.in_review, self.in_back
            mentioned: dict[str, list[tuple[Sentence, int, int]]] = {k: [] for k in keys}
            if pattern is not None:
                for sent in self.analysis.sentences:
                    if pattern.search(sent.text) and reporting(sent.start) and not in_back(sent.start):
                        for a, b, k in metric_mentions(sent.text):
                            if k in mentioned:
                                mentioned[k].append((sent, a, b))
            self._named.update(mentioned)
            found = mentioned[key]
        return found


@lru_cache(maxsize=256)
def metrics_pattern(keys: frozenset[str]) -> re.Pattern[str] | None:
    """A regex of the patterns of these metrics (the metrics lexicon's, which `metric_mentions` searches) as
    alternatives, None for no such metric: where it finds nothing, `metric_mentions` names none of these keys.
    Joined by `any_of`, as `metric_mentions` joins them all: a regex that scans ahead for their first characters."""
    patterns = [r["pattern"] for r in load_table("metrics") if r["key"] in keys]
    return re.compile(any_of(patterns)) if patterns else None


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


def find_result(target: Target, other: Analysis, index: ResultIndex | None = None) -> Result | None:
    """Return the result `other` states for `target`, or None when it states nothing for that metric."""
    if target.key is None:
        return None
    index = index if index is not None else ResultIndex(other)
    if target.value is None:
        return _result_in_words(target, other, index) if target.condition else None
    options = [c for c in index.figures.get(target.key, ()) if _converts(c.quantity, target)
               and not (c.heading and restates(c.quantity, target))]
    if not options:
        return None
    # (a figure restating the target's own bound comes last: a self-assessment names each indicator before its
    # result, （二）规上工业增加值增长7%以上。 then 增长5.2%; a review saying only 增长6%以上 states it reached)
    options.sort(key=lambda c: (restates(c.quantity, target), c.looking_back, not c.in_review, c.quantity.start))
    best = options[0]
    value, unit, _ = split_value(best.quantity.text)
    if value is None:
        return None
    text = other.document.text
    value = signed_growth(target.key, value, text, best.start, best.quantity.start)
    in_target_unit = convert(value, unit, target.unit) if unit != target.unit else value
    if in_target_unit is None:
        return None
    return Result(text=text[best.start:best.quantity.end], start=best.start, end=best.quantity.end, value=value,
                  unit=unit, status=status_of(target, in_target_unit),
                  score=0.7 if best.looking_back else 1.0 if best.in_review else 0.8)


# how a later report's words judge a goal set in words: (condition, words that meet it, words that miss it)
JUDGED_BY: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {
    "正增长": (re.compile(r"增长|提高|上升|增加"), re.compile(r"下降|减少|回落")),
    "下降": (re.compile(r"下降|降低|减少|回落"), re.compile(r"增长|上升|提高|增加")),
    "同步": (re.compile(r"同步"), None),
    "平衡": (re.compile(r"平衡|稳定"), None),
    "持平": (re.compile(r"持平|基本稳定"), None),
    "稳定": (re.compile(r"稳定|保持|持平|增长|增加"), re.compile(r"下降|减少")),
    "改善": (re.compile(r"改善|提升|提高|好转|优良|下降"), None),
    "完成国家下达任务": (re.compile(r"完成(?:国家下达|年度)|超额完成|达到国家"), None),
    "类别及以上": (re.compile(r"[ⅠⅡⅢ]类|优良"), None),
}
# how the figure of a part of a metric shows the whole improved (生态环境质量持续改善 by PM2.5年均浓度…下降7.4%, 优良天数
# 比例提高1.2个百分点): a ceiling's falls, a floor's rises; (words that meet, words that miss) by the part's direction
PART_IMPROVED: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "ceiling": (re.compile(r"下降|降低|减少|回落|改善|好转"), re.compile(r"上升|上涨|增加|提高|升高|反弹")),
    "floor": (re.compile(r"提高|提升|上升|增加|增长|改善|好转"), re.compile(r"下降|降低|减少|回落")),
}
STATEMENT_END = re.compile(r"[，,；;。]")
BAD_SHARE = re.compile(r"劣|超标|黑臭|污染")  # a part named as its bad share (劣Ⅴ类水质断面比例): less is better
BAD_REACH = 6


def _result_in_words(target: Target, other: Analysis, index: ResultIndex) -> Result | None:
    """Judge a goal set in words (`进出口总额保持正增长`) by what the later document says of the same metric
    where it states results: the clause from the metric's name on. A whole to improve (生态环境质量持续改善) that the
    document does not judge by name is judged by the first of its parts' figures (`metric_parts`: PM2.5, 优良天数
    比例, 地表水…) whose clause says it moved: down for a ceiling, up for a floor."""
    meets, misses = JUDGED_BY.get(target.condition or "", (None, None))
    if meets is None:
        return None
    found = _judged(other.document.text, [(sent, a, a) for sent, a, _ in index.named(target.key or "")], meets, misses)
    if found is not None or target.condition != "改善":
        return found
    directions = metric_directions()
    by_part = sorted(((sent, a, b, key) for key in metric_parts().get(target.key or "", ())
                      for sent, a, b in index.named(key)), key=lambda m: (m[0].start + m[1], m[3]))
    text = other.document.text
    for sent, a, b, key in by_part:
        direction = directions[key]
        if BAD_SHARE.search(text, max(sent.start, sent.start + a - BAD_REACH), sent.start + a):
            direction = "floor" if direction == "ceiling" else "ceiling"  # 劣Ⅴ类水质断面比例下降至零: a bad share falls
        part_meets, part_misses = PART_IMPROVED[direction]
        found = _judged(other.document.text, [(sent, a, b)], part_meets, part_misses)
        if found is not None:
            return found
    return None


def _judged(text: str, named: list[tuple[Sentence, int, int]], meets: re.Pattern[str],
            misses: re.Pattern[str] | None) -> Result | None:
    """The first clause of these (sentence, where the metric's name starts, where its judging words may start)
    that the words judge: met, or not met where only words that miss it are said."""
    for sent, a, after in named:
        start = sent.start + a
        end_match = STATEMENT_END.search(text, start, sent.end)
        end = end_match.start() if end_match else sent.end
        clause = text[start:end]
        said = clause[after - a:]  # (not the words of a part's own name: 优良天数比例 says no improvement)
        if misses is not None and misses.search(said) and not meets.search(said):
            return Result(text=clause, start=start, end=end, value=None, unit=None, status="not_met", score=0.8)
        if meets.search(said):
            return Result(text=clause, start=start, end=end, value=None, unit=None, status="met", score=0.8)
    return None


# a figure to reach, not one reached (6%以上, 不低于95%; not 4.5%左右, which a report gives its estimates by)
BOUNDS = frozenset({"at_least", "at_most"})


# a growth said to be a fall just before its figure (一般公共预算收入下降2.5%, 同比减少2.5%, 降幅收窄至1.2%, 负增长
# 2%): below zero; not 增速回落至3.6% (still a growth), nor a fall said of something else earlier in the clause
# (with words between: 同比下降约2.5%, 下降幅度为4.1%, 下降（按同口径计算）2.5%, 降幅达2.5%; not across a clause, nor a
# growth said after the fall: 在房地产投资同比下降的情况下增长7.8%, 扭转上年下降态势，增长6.5%)
FALL = re.compile(r"(?:下降|降低|减少|下滑|下跌|萎缩|负增长|降幅)(?:(?!增长|提高|上升|增加|回升|扭转)[^，,；;。\d]){0,14}$")
FALL_REACH = 20
MINUS = "-－−"


def signed_growth(key: str | None, value: float, text: str, start: int, at: int) -> float:
    """A growth figure with its sign: negative where the words from the metric's name (`start`) to the figure
    (`at`) say it fell, or a minus stands before it; other metrics' figures as they are (能耗下降3.5% is the
    reduction itself)."""
    if key is None or not key.endswith("_growth") or value <= 0:
        return value
    if (at > 0 and text[at - 1] in MINUS and not text[at - 2:at - 1].isdigit()) \
            or FALL.search(text, max(start, at - FALL_REACH), at):
        return -value
    return value


def restates(q: Quantity, target: Target) -> bool:
    """Whether a figure may restate the target (a unit's self-assessment naming each indicator before its result:
    （二）规上工业增加值增长7%以上。, a table's 目标值 column 6%以上): the target's own bound, value and unit. Another
    figure of the metric is preferred to it; alone, it says the target was reached (全县地区生产总值增长6%以上)."""
    if q.qualifier not in BOUNDS or q.qualifier != target.qualifier:
        return False
    value, unit, _ = split_value(q.text)
    return value == target.value and unit == target.unit


def _converts(q: Quantity, target: Target) -> bool:
    value, unit, _ = split_value(q.text)
    if value is None:
        return False
    if unit == target.unit:
        return True
    return convert(value, unit, target.unit) is not None


def index_results(other: Analysis, keys: frozenset[str] | None = None) -> ResultIndex:
    """Build once the index `find_result` searches, for many targets against one document; with `keys`, for
    targets of these metrics only."""
    return ResultIndex(other, keys)
