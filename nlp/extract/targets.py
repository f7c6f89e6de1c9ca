"""Targets: the quantities a document sets as goals, with metric, canonical key, value and unit as written,
qualifier and direction (floor: at least; ceiling: at most).

Sources: every item of a work report's main-targets passage (`主要预期目标是：…`), fiscal plans
(`赤字率拟按3%安排`, `拟安排地方政府专项债券3.9万亿元`), and the numeric goals of directives.
"""

from __future__ import annotations

import bisect
import re

from nlp.context import Context
from nlp.extract.metrics import metric_key
from nlp.numerals import split_value
from nlp.spans import CLAUSE_OR_LIST, clause_start
from nlp.types import Analysis, Target

PLAN = re.compile(r"拟(?:按|安排|发行)|赤字规模|支出规模|先发行|计划安排")
TARGET_KINDS = frozenset({"percent", "count", "money", "change"})
LEADING = re.compile(r"^(?:今年|全年|明年|年内|力争|努力|确保|实现|其中|拟安排|拟按|拟|.{0,12}目标是)+")
VERB_TAIL = re.compile(r"(?:增长|增速|达到|达|保持在|控制在|降低|下降|拟按|拟安排|安排|为|在|突破|超过|提高到|提高|降至|"
                       r"实现|扩大|分别|年均|以上|比上年|比去年|先发行|发行|规模)+$")
CEILING_WORDS = re.compile(r"控制在|不超过|不高于")
NOT_GOAL = re.compile(r"^(?:比上年|比去年|较上年|较去年|同比|预计|预期|相当于)")


def extract(analysis: Analysis, ctx: Context) -> tuple[Target, ...]:
    """Return the targets of a document in order, with ids t1, t2, …"""
    text = ctx.text
    passages = ctx.passages
    review_sections = ctx.report_sections
    directive_of = {q: d for d in analysis.directives for q in d.targets}
    by_start = {s.start: s for s in analysis.sentences}
    starts = sorted(by_start)
    out: list[Target] = []
    for q in analysis.quantities:
        if q.kind not in TARGET_KINDS or q.masked or q.value is None:
            continue
        i = bisect.bisect_right(starts, q.start) - 1
        if i < 0:
            continue
        sent = by_start[starts[i]]
        role = ctx.role_at(sent.start)
        if role in ("review", "problems", "glossary") or (ctx.structured and role != "plan"):
            continue  # goals are set in plans: a figure in a review is a result
        in_passage = any(a <= q.start < b for a, b in passages)
        in_review = sent.section in review_sections
        planned = bool(PLAN.search(sent.text)) and not in_review  # 支出规模8397亿元 in a review states a result
        directive = directive_of.get(q.id)
        if not (in_passage or planned or directive is not None):
            continue
        start = clause_start(text, sent.start, q.start, CLAUSE_OR_LIST)
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
    return tuple(out)
