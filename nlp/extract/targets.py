"""Targets: the quantities a document sets as goals, with metric, canonical key, value and unit as written,
qualifier and direction (floor: at least; ceiling: at most).

Sources: every item of a work report's main-targets passage (`主要预期目标是：…`), fiscal plans
(`赤字率拟按3%安排`, `拟安排地方政府专项债券3.9万亿元`), and the numeric goals of directives.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from nlp.extract.numbers import NUM, parse_number
from nlp.lexicons import load_table
from nlp.types import Directive, Quantity, Sentence, Target

PASSAGE = re.compile(r"目标(?:任务)?(?:是|为)[:：]")  # 主要预期目标是： (a literal first: one fast scan)
PLAN = re.compile(r"拟(?:按|安排|发行)|赤字规模|支出规模|先发行|计划安排")
TARGET_KINDS = frozenset({"percent", "count", "money", "change"})
CLAUSE_BREAK = "，,；;：:。、"
LEADING = re.compile(r"^(?:今年|全年|明年|年内|力争|努力|确保|实现|其中|拟安排|拟按|拟|.{0,12}目标是)+")
VERB_TAIL = re.compile(r"(?:增长|增速|达到|达|保持在|控制在|降低|下降|拟按|拟安排|安排|为|在|突破|超过|提高到|提高|降至|"
                       r"实现|扩大|分别|年均|以上|比上年|比去年|先发行|发行|规模)+$")
QUALIFIER_WORDS = (("左右", "approx"), ("上下", "approx"), ("以上", "at_least"), ("以内", "at_most"),
                   ("以下", "at_most"), ("多", "above"), ("余", "above"))
NUMBER = re.compile(NUM)
CEILING_WORDS = re.compile(r"控制在|不超过|不高于")
NOT_GOAL = re.compile(r"^(?:比上年|比去年|较上年|较去年|同比|预计|预期|相当于)")


@cache
def _metrics() -> list[tuple[str, str, re.Pattern[str]]]:
    return [(r["key"], r["direction"], re.compile(r["pattern"])) for r in load_table("metrics")]


def metric_key(metric: str) -> tuple[str | None, str | None]:
    """Return the canonical key and default direction of a metric phrase (国内生产总值增长 → gdp_growth, floor)."""
    for key, direction, pattern in _metrics():
        if pattern.search(metric):
            return key, direction
    return None, None


def split_value(text: str) -> tuple[float | None, str | None, str]:
    """Return (value as written, unit as written, qualifier) of a quantity's text: `1100万人以上` → 1100, 万人, at_least."""
    m = NUMBER.search(text)
    if not m:
        return None, None, "exact"
    rest = text[m.end():]
    qualifier = "exact"
    for word, q in QUALIFIER_WORDS:
        if rest.endswith(word):
            rest, qualifier = rest[: -len(word)], q
            break
    if "个百分点" in rest:
        rest = "个百分点"
    value = parse_number(m.group(0))
    return (float(value) if value is not None else None), (rest or None), qualifier


def _clause_start(text: str, lo: int, pos: int) -> int:
    for i in range(pos - 1, lo - 1, -1):
        if text[i] in CLAUSE_BREAK:
            return i + 1
    return lo


def extract_targets(
    text: str,
    sentences: Sequence[Sentence],
    quantities: Sequence[Quantity],
    directives: Sequence[Directive],
    review_sections: set[int] | None = None,
) -> list[Target]:
    """Return the targets of a document in order, with ids t1, t2, …"""
    passages = passage_spans(text)
    directive_of = {q: d for d in directives for q in d.targets}
    by_start = {s.start: s for s in sentences}
    starts = sorted(by_start)
    out: list[Target] = []
    for q in quantities:
        if q.kind not in TARGET_KINDS or q.masked or q.value is None:
            continue
        i = bisect.bisect_right(starts, q.start) - 1
        if i < 0:
            continue
        sent = by_start[starts[i]]
        in_passage = any(a <= q.start < b for a, b in passages)
        in_review = review_sections is not None and sent.section in review_sections
        planned = bool(PLAN.search(sent.text)) and not in_review  # 支出规模8397亿元 in a review states a result
        directive = directive_of.get(q.id)
        if not (in_passage or planned or directive is not None):
            continue
        start = _clause_start(text, sent.start, q.start)
        phrase = text[start:q.start]
        lead = LEADING.match(phrase)
        if lead:
            start += lead.end()
            phrase = phrase[lead.end():]
        if NOT_GOAL.match(phrase):
            continue  # a comparison with last year or a forecast, not a goal
        metric = VERB_TAIL.sub("", phrase).strip() or phrase.strip()
        if not metric or len(metric) > 30:
            continue
        key, direction = metric_key(phrase)
        if key is None and VERB_TAIL.fullmatch(phrase):
            # `…发行超长期特别国债，…今年先发行1万亿元`: the metric was named earlier in the sentence
            key, direction = metric_key(text[sent.start:start])
        if key is None and not in_passage and not planned and q.qualifier in (None, "exact"):
            continue  # a directive's incidental number, not a goal
        value, unit, qualifier = split_value(q.text)
        if qualifier == "exact" and q.qualifier not in (None, "exact"):
            qualifier = q.qualifier  # a prefix: 超过10%, 不低于
        if qualifier == "at_most" or CEILING_WORDS.search(phrase):
            direction = "ceiling"
            qualifier = "at_most" if qualifier == "exact" else qualifier
        out.append(Target(
            id=f"t{len(out) + 1}", text=text[start:q.end], start=start, end=q.end, metric=metric, key=key,
            value=value, unit=unit, qualifier=qualifier, direction=direction or "floor", quantity=q.id,
            directive=directive.id if directive else None,
        ))
    return out


@lru_cache(maxsize=8)  # directives and targets both ask, for the same text
def passage_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of main-targets passages: from `目标是：` to the end of that sentence run (。)."""
    spans = []
    for m in PASSAGE.finditer(text):
        end = text.find("。", m.end())
        spans.append((m.start(), end + 1 if end > 0 else len(text)))
    return spans
