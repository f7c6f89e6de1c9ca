"""Targets: the quantities a document sets as goals, with metric, canonical key, value and unit as written,
qualifier and direction (floor: at least; ceiling: at most).

Sources: every item of a work report's main-targets passage (`主要预期目标是：…`), fiscal plans
(`赤字率拟按3%安排`, `拟安排地方政府专项债券3.9万亿元`), and the numeric goals of directives.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from nlp.context import Context
from nlp.extract.metrics import metric_key, respectively
from nlp.numerals import split_value
from nlp.spans import CLAUSE_OR_LIST, clause_start
from nlp.types import Analysis, Target

HAN = re.compile(r"[\u4e00-\u9fff]")
PLAN = re.compile(r"拟(?:按|安排|发行)|赤字规模|支出规模|先发行|计划安排|债务总规模|财政赤字")
TARGET_KINDS = frozenset({"percent", "count", "money", "change"})
# (and a list item's number and the year, 1. 2025年各单位发文数量…, ⑤城乡低保标准…: no part of the metric's name)
LEADING = re.compile(r"^(?:\d{1,2}[.．、]\s*|[\u2460-\u2473]|\d{4}年(?:度|底前|底|末|内|初)?|今年|全年|明年|年内|力争|努力|确保|实现|其中|拟安排|拟按|拟|"
                     r".{0,12}目标是)+")
# (and the year compared with and the bound: 发文数量较2024年压减, 支出在上年基础上压减, 支出压减比例不低于)
VERB_TAIL = re.compile(r"(?:增长|增速|达到|达|保持在|控制在|降低|下降|压减|减少|压缩|缩减|拟按|拟安排|安排|为|在|突破|超过|"
                       r"提高到|提高|降至|实现|扩大|分别|年均|以上|不低于|不少于|不高于|不超过|(?<!主)要|同比|今年|再|(?<!首)都|"
                       r"[比较](?:上年|去年|\d{4}年)|在(?:上年|去年|\d{4}年)的?基础上|先发行|发行|规模)+$")
CEILING_WORDS = re.compile(r"控制在|不超过|不高于")
# a rate a task is to bring to a figure (农村自来水普及率达到98%, 覆盖农村人口比例提高到90%): a goal, though its
# metric is none the lexicon knows and its figure has no 以上/左右
# where a rate stands, no goal: a sentence opening 截至去年底，…普及率达到93%; a clause with 已/了
STANDS_AT = re.compile(r"截至|目前|去年|上年")  # (matched at a sentence's start)
STATUS_QUO = re.compile(rf"^(?:{STANDS_AT.pattern}|已)|[了已]")
# …，年底前…普及率要达到98%: a goal after all, in the figure's own clause (not 按照省里要求，…达到93%)
GOAL_WORDS = re.compile(r"(?<![主重需纪必只想])要(?![求素点])|须|确保|力争|年底前|到\d{4}年")
RATE_GOAL = re.compile(r"(?:率|比例|比重|占比)(?:要|须|必须)?(?:达到|达|提高到|提升到|保持在|稳定在|不低于|控制在|不超过|降至|降低到)$")
NOT_GOAL = re.compile(r"^(?:比上年|比去年|较上年|较去年|同比|预计|预期|相当于)")
# goals in words, without a number: (words, condition, qualifier, direction); the first that matches decides
CONDITIONS: tuple[tuple[re.Pattern[str], str, str, str], ...] = (
    (re.compile(r"(?:保持|实现)?正增长"), "正增长", "above", "floor"),
    (re.compile(r"完成国家下达(?:的)?(?:目标|任务)|达到国家要求"), "完成国家下达任务", "at_least", "floor"),
    (re.compile(r"(?:基本)?同步"), "同步", "approx", "floor"),
    (re.compile(r"(?:保持)?(?:基本)?平衡"), "平衡", "approx", "floor"),
    (re.compile(r"持平"), "持平", "approx", "floor"),
    (re.compile(r"(?:继续|进一步|持续)?(?:下降|降低)"), "下降", "below", "ceiling"),
    (re.compile(r"[ⅠⅡⅢⅣⅤ]类(?:及以上|以上)"), "类别及以上", "at_least", "floor"),
    (re.compile(r"(?:持续|稳定|进一步)?(?:改善|好转)"), "改善", "above", "floor"),
    (re.compile(r"(?:保持)?稳定|稳(?:量|中)|保稳"), "稳定", "approx", "floor"),
)
ITEM_BREAK = re.compile(r"[；;，,。]")
LEAD_VERBS = re.compile(r"(?:保持|实现|继续|进一步|持续|稳步)+$")


def extract(analysis: Analysis, ctx: Context) -> tuple[Target, ...]:
    """Return the targets of a document in order, with ids t1, t2, …"""
    text = ctx.text
    passages = ctx.passages
    review_sections = ctx.report_sections
    directive_of = {q: d for d in analysis.directives for q in d.targets}
    by_start = {s.start: s for s in analysis.sentences}
    starts = sorted(by_start)
    out: list[Target] = []
    listed = respectively(text, analysis.quantities, TARGET_KINDS)
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
        if directive is not None and directive.start < sent.start and not HAN.search(text, start, q.start):
            # (a table row's task named in a few words, its figure opening the next cell: 一般公共预算收入增速\t5%以上;
            # the directive spans both cells, the metric is named in the first)
            start = clause_start(text, directive.start, q.start, CLAUSE_OR_LIST)
        clause_begin = start
        phrase = text[start:q.start].rstrip(" \t\u3000")
        if q.id in listed:
            _, phrase, _ = listed[q.id]
        lead = LEADING.match(phrase)
        if lead:
            start += lead.end()
            phrase = phrase[lead.end():]
        if NOT_GOAL.match(phrase):
            continue  # a comparison with last year or a forecast, not a goal
        metric = VERB_TAIL.sub("", phrase).strip() or phrase.strip()
        if q.id in listed:
            start = listed[q.id][2]
        if not metric or len(metric) > 30:
            continue
        key, direction = metric_key(phrase)
        if key is None and VERB_TAIL.fullmatch(phrase):
            # `…发行超长期特别国债，…今年先发行1万亿元`: the metric was named earlier in the sentence
            key, direction = metric_key(text[sent.start:start])
        if key is None and not in_passage and not planned and q.qualifier in (None, "exact") \
                and not (q.kind == "percent" and _rate_goal(text, phrase, sent.start, clause_begin, q.start)):
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
    out += _in_words(text, passages, analysis, len(out))
    out.sort(key=lambda t: t.start)
    return tuple(replace(t, id=f"t{n}") for n, t in enumerate(out, 1))


def _rate_goal(text: str, phrase: str, sentence_start: int, clause_begin: int, at: int) -> bool:
    """Whether the percentage at `at`, after `phrase` in its clause, is a rate a task brings to a figure (农村自来水
    普及率达到98%), not where the rate stands (截至去年底，…普及率达到93%; …已达到93%), unless its own clause sets a goal
    after all (目前…，年底前农村自来水普及率要达到98%)."""
    return bool(RATE_GOAL.search(phrase)) and not STATUS_QUO.search(phrase) and not (
        STANDS_AT.match(text, sentence_start, at) and not GOAL_WORDS.search(text, clause_begin, at))


def _in_words(text: str, passages: tuple[tuple[int, int], ...], analysis: Analysis, n: int) -> list[Target]:
    """Return the goals of main-targets passages stated in words (`国际收支保持基本平衡`, `粮食产量保持稳定`,
    `进出口总额保持正增长`): a metric the metrics lexicon knows and a condition, no number."""
    out: list[Target] = []
    figure_starts = sorted(q.start for q in analysis.quantities)  # bisected: an item is a few characters long
    for a, b in passages:
        body = text.find("：", a, b)
        body = body + 1 if body >= 0 else a
        item_start = body
        for m in [*ITEM_BREAK.finditer(text, body, b), None]:
            item_end = m.start() if m is not None else b
            item = text[item_start:item_end]
            lo, hi = item_start, item_end
            item_start = m.end() if m is not None else b
            first = bisect.bisect_left(figure_starts, lo)  # the first figure starting in the item, if any
            if not item or (first < len(figure_starts) and figure_starts[first] < hi) or re.search(r"\d", item):
                continue
            found = next(((c, w) for c in CONDITIONS if (w := c[0].search(item))), None)
            key = metric_key(item)[0]
            if found is None or key is None:
                continue
            (_, condition, qualifier, goal_direction), words = found
            metric = LEAD_VERBS.sub("", item[:words.start()]) or item
            directive = next((d for d in analysis.directives if d.start <= lo < d.end), None)
            out.append(Target(id=f"t{n + len(out) + 1}", text=item, start=lo, end=hi, metric=metric, key=key,
                              value=None, unit=None, qualifier=qualifier, direction=goal_direction,  # type: ignore[arg-type]
                              quantity=None, directive=directive.id if directive else None, condition=condition))
    return out
