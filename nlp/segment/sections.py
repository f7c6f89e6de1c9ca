"""Parts of a document by what they do: roles (review, problems, plan, glossary, preamble, closing) from headings
and paragraph openings, the outline items under a review of past work (工作回顾), and the main-targets passages
of a plan (`主要预期目标是：…；…。`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from nlp.cues import cue
from nlp.lexicons import load_table
from nlp.numerals import cn_small
from nlp.segment.sentences import paragraphs
from nlp.types import Document, OutlineItem, Role, Section, Sentence

# 主要预期目标是：, 目标为：, 主要预期目标建议为： (a literal first: one fast scan)
PASSAGE = re.compile(r"目标(?:任务)?[^。：:，,；;\n]{0,4}?(?:是|为)[:：]")


def report_sections(outline: Sequence[OutlineItem]) -> frozenset[int]:
    """Return the outline items under a heading about past work (工作回顾); not a sub-heading of a part of
    tasks (`（十）…推进美丽中国先行区建设取得新成效` under `二、2025年工作总体要求和重点任务`)."""
    out: set[int] = set()
    report_level: int | None = None
    tasks_at: list[int] = []  # the levels of the open headings of a part of tasks
    for i, item in enumerate(outline):
        if report_level is not None and item.level <= report_level:
            report_level = None
        while tasks_at and tasks_at[-1] >= item.level:
            tasks_at.pop()
        tasks = bool(cue("directive_section").search(item.title))
        reviews = bool(cue("report_section").search(item.title))
        if report_level is None and not tasks and not tasks_at and reviews:
            report_level = item.level
        if tasks and not reviews:  # (2024年目标任务完成情况 is neither: its sub-headings decide for themselves)
            tasks_at.append(item.level)
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


def ends(outline: Sequence[OutlineItem], end: int) -> tuple[int, ...]:
    """Return for each outline item where its part ends: the start of the next item at its level or above, else `end`."""
    out = [end] * len(outline)
    open_at: list[int] = []  # indices of the items still open, shallowest first
    for i, item in enumerate(outline):
        while open_at and outline[open_at[-1]].level >= item.level:
            out[open_at.pop()] = item.start
        open_at.append(i)
    return tuple(out)


ANNEX = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*(?P<title>.{0,40})$")
SHORT_LINE = 60  # title, byline, date and salutation lines of a preamble are shorter than this
CLOSING_WINDOW = 3  # the final call stands in the last few paragraphs before any annex
AGENDA = re.compile(r"^(?:听取|研究|审议|讨论|部署|通报)")
# a plan's part that looks back over a period (not 回顾过去这一年: one year)
PAST_YEARS = re.compile(r"^(?:过去五年|五年来|回顾过去(?![的这]{0,2}一年))")
PERIOD_OPENING = re.compile(r"^“?十(?P<n>[一二三四五六七八九])五”?时期")  # “十五五”时期是…
YEAR = re.compile(r"(19|20)\d{2}(?=年)")
PATH_YEAR = re.compile(r"(?:19|20)\d{2}")
FIRST_MARKER = re.compile(r"^[（(]?[一1１][）)、.．]?(?:是)?$")  # the first of a series: （一）, 一、, 1., 一是
YEAR_WORK = re.compile(r"(?:19|20)\d{2}年(?:主要)?工作")  # `2024年工作回顾` looks back, `关于2025年工作` ahead
# a title of a report on work done (工作总结, 关于落实…议定事项情况的报告, 关于…重点工作任务推进情况的报告), and of one
# that also plans
REPORTING_TITLE = re.compile(r"总结|汇报|(?:完成|落实|办理|进展|推进|执行|整改)[^，,。；;]{0,30}?情况|(?:季度|半年|[1-9]月)工作情况")
# a document of tasks or targets set (任务分解表, 工作要点, 考核指标, 实施方案): its parts plan, whatever their headings
PLAN_DOCUMENT = re.compile(r"任务(?:分解|清单|分工|台账)|工作要点|责任分工|考核指标|目标责任|指标体系|(?:实施|工作|行动)方案|"
                           r"工作计划|督办(?:事项|清单)")
BACKGROUND = re.compile(r"背景|基础|现状|基本情况|进展|成效|回顾")  # a plan's part on where things stand
REPORT_WORDS = re.compile(r"报告|自查|自评|通报|简报|情况|纪要")  # (…考核指标自查自评报告 reports on them)
PLANNING_TITLE = re.compile(r"(?:和|及|暨|与)[^，,。]{0,12}(?:计划|打算|安排|思路|要点)")  # (…总结和2026年工作计划)
NOTE_ITEM = re.compile(r"[（(]?\d")
NOTES = re.compile(r"(?:填报|填表|编制|使用)?说明[:：]?")
PART_GONE = re.compile(r"上半年|前三季度|第?[一二三]季度|以来|1[—－\-~至到][1-9]\d?月")  # the part of the year gone by
YEAR_OPENING_CHARS = 60  # the characters of a paragraph's opening that say which part of the year it speaks of
THIS_YEAR_AHEAD = re.compile(r"今年是|做好今年")  # a speech's turn to this year's work (今年是…收官之年)
SALUTATION = re.compile(r"(?:各位代表|同志们|各位委员)[！!，,：:]?")


@cache
def _role_patterns() -> dict[tuple[str, str], re.Pattern[str]]:
    by_key: dict[tuple[str, str], list[str]] = {}
    for row in load_table("roles"):
        by_key.setdefault((row["where"], row["role"]), []).append(row["pattern"])
    return {key: re.compile("|".join(f"(?:{p})" for p in patterns)) for key, patterns in by_key.items()}


def _pattern(where: str, role: str) -> re.Pattern[str] | None:
    return _role_patterns().get((where, role))


def heading_roles(title: str) -> list[Role]:
    """Return the roles whose heading words a title holds, in the order glossary, problems, review, plan; an
    agenda item (`研究…推进情况`, `审议…`) has none: a meeting reports and decides under it."""
    if AGENDA.match(title):
        return []
    return [role for role in ("glossary", "problems", "review", "plan")  # type: ignore[misc]
            if (p := _pattern("heading", role)) is not None and p.search(title)]


def _ahead_of(title: str, year: int | None) -> bool:
    """Whether a heading that reads as a review only by naming a year's work (`关于2025年工作`, `2026年主要工作`)
    names the year the document plans for (`plan_year`) or a later one: that part plans the year's work."""
    years = [int(m.group(0)) for m in YEAR.finditer(title)]
    p = _pattern("heading", "review")
    return bool(year is not None and years and min(years) >= year and YEAR_WORK.search(title)
                and p is not None and not p.search(YEAR_WORK.sub("", title)))


def heading_role(title: str) -> Role | None:
    """Return the role a heading gives the part under it, or None when its words name none; a review heading
    that also names plans (`发展成就和…主要目标任务`) opens as a review."""
    found = heading_roles(title)
    return found[0] if found else None


def opening_role(paragraph: str, *roles: str) -> Role | None:
    """Return the first of `roles` whose opening words start the paragraph."""
    for role in roles:
        p = _pattern("opening", role)
        if p is not None and p.match(paragraph):
            return role  # type: ignore[return-value]
    return None


def _tasking(title: str) -> bool:
    """Whether a heading is itself a task (`二、提升“干”的状态`, a speech's `一、关于推动工业经济稳进提质`): an imperative
    verb or a modal marker opens it."""
    title = title.removeprefix("关于")
    return bool(cue("imperative").match(title) or cue("must").search(title) or cue("should").search(title)
                or cue("strive").search(title))


def document_year(document: Document) -> int | None:
    """Return the year a document speaks from: its date's, or the first year its title names."""
    if document.date:
        return int(document.date[:4])
    m = YEAR.search(document.title or "")
    return int(m.group(0)) if m else None


def path_year(path: str) -> int | None:
    """Return the last year named in a file's path (provincial/2026/hn.txt, national/gwr_2026.txt), or None."""
    found = PATH_YEAR.findall(path)
    return int(found[-1]) if found else None


def plan_year(document: Document) -> int | None:
    """Return the year a document's plans are for, from its date: a report delivered in the first half of a year
    (a people's congress in January) plans that year, a summary written late in a year the next; None undated."""
    if not document.date:
        return None
    year, month = int(document.date[:4]), int(document.date[5:7] or 1)
    return year if month <= 6 else year + 1


def _period(para: str, year: int | None) -> str | None:
    """`ahead` or `past` when a paragraph opens on a five-year period (`“十五五”时期是…`) and the document's year
    tells which: the period starting in that year or later lies ahead."""
    m = PERIOD_OPENING.match(para)
    if m is None or year is None:
        return None
    begins = 1966 + 5 * (10 + cn_small(m.group("n")) - 3)  # 三五 began in 1966; 十五五 covers 2026–2030
    return "ahead" if begins >= year else "past"


def _plans_ahead(para: str, year: int | None) -> bool:
    """Whether a paragraph opens on what is to be done: a plan opening, or the five-year period ahead."""
    return bool(opening_role(para, "plan")) or _period(para, year) == "ahead"


# in a review, a paragraph that looks back over five years (`这五年，…`, `——这五年，…`, `这是…的五年。`) and those after
# it until one on the year reported (`刚刚过去的2025年，…`, `过去的一年，…`); the year's summing-up (`回顾过去一年，…`:
# what it taught, what was hard)
FIVE_YEARS = re.compile(r"^(?:这五年|五年(?:来|间|里|[，,]|历程|发展|奋斗|攻坚|砥砺)|过去五年|经过五年|回顾.{0,6}五年|"
                        r"这是[^。！？]{0,30}?的五年|“?十[一二三四五六七八九]五”?(?:时期|期间|以来))")
SUMMING_UP = re.compile(r"^回顾(?:过去)?[的这]{0,2}一年")
# a lead-in to the year's work point by point (…我们重点抓了以下几个方面：, 主要做了以下工作); not to lessons learnt or
# reasons (我们深刻体会到：, 有以下几点体会, 主要得益于以下几点)
LIST_LEAD = re.compile(r"(?:抓|做|开展|推进|完成|落实)了?[^。：:；;]{0,8}?(?:以下|如下)[^。：:；;]{0,6}?(?:方面|工作|任务)")
YEAR_OPENING = re.compile(r"^(?:(?:刚刚)?过去的(?:一年|(?:19|20)\d{2}年)|(?:19|20)\d{2}年|过去一年|一年来|今年以来|去年以来)")
# what may stand before a paragraph's first words: a salutation (`各位代表！`), a dash (`——这五年，…`), spaces
PARAGRAPH_LEAD = re.compile(rf"(?:{SALUTATION.pattern}|——|\s)+")


def looking_back(text: str, sentences: Sequence[Sentence], sections: Sequence[Section], year: int | None
                 ) -> frozenset[int]:
    """Return the paragraphs of a document's review parts that do not tell what was done in its year: a look
    back over years (`这五年，…`, `“十四五”时期…`, up to a paragraph on the year itself) or the year's summing-up
    (`回顾过去一年，…`). `year` is the year the document speaks from (`document_year`)."""
    starts = [s.start for s in sections]
    out: set[int] = set()
    back, para = False, -1
    for sent in sentences:
        i = bisect_right(starts, sent.start) - 1
        if (sections[i].role if i >= 0 else "other") != "review":
            back, para = False, sent.paragraph  # no look back outside a review: its paragraphs are only passed
            continue
        if sent.paragraph != para:
            para = sent.paragraph
            opening = text[sent.start:sent.start + 60]
            lead = PARAGRAPH_LEAD.match(opening)  # `各位代表！经过五年接续奋斗，…`, `——这五年，…`
            opening = opening[lead.end() if lead else 0:]
            head = opening[:20]  # (这是…的五年 may take twice as many)
            # (回顾一年来的工作，我们重点抓了以下几个方面： opens the year's work, point by point: no summing-up, and the
            # end of any look back over years before it)
            summing = SUMMING_UP.match(head) is not None
            listing = summing and LIST_LEAD.search(sent.text) is not None
            if FIVE_YEARS.match(opening) or looks_back_over_years(head, year) or (summing and not listing):
                back = True
            elif YEAR_OPENING.match(head) or listing:
                back = False
        if back:
            out.add(para)
    return frozenset(out)


def looks_back_over_years(para: str, year: int | None) -> bool:
    """Whether a paragraph opens a look back over a period: `过去五年`, `五年来`, a five-year period that has ended."""
    return bool(PAST_YEARS.match(para)) or _period(para, year) == "past"


def assign_roles(text: str, outline: Sequence[OutlineItem], year: int | None = None,
                 plans_for: int | None = None, title: str | None = None) -> tuple[Section, ...]:
    """Return the parts of `text` with their roles, covering it from start to end.

    Headings decide first (`一、2024年工作回顾` → review, `二、2025年重点任务` → plan; a sub-heading without role
    words inherits its parent's role; a top heading that is itself a task opens a plan part). Paragraph openings
    refine: the paragraph that turns to problems (`我们也清醒看到…`) opens a problems part, the final call
    (`让我们…`, `同志们，…` in the last paragraphs, no heading after it) a closing part, `名词解释`/`附件` lines a
    glossary or annex, opening lines (`各位代表：`, the title and byline, a speech's opening remarks before its first
    heading: `这次…会议`, `会议的主要任务是`, `下面，我讲…`) the preamble; where no heading gave a role, openings
    such as `今年以来`/`下一步` do.
    `year` is the year the document speaks from (five-year periods are told past or ahead by it), `plans_for` the
    year it plans for (`plan_year`: a heading on that year's work is a plan). A document whose `title` says it reports
    what was done (…工作总结, 关于落实…情况的报告) and plans nothing has no heading that opens a plan only by reading as
    a task: its `一是狠抓收入组织` sums up work done; one whose title says it sets tasks or targets (…考核指标,
    …工作要点, …实施方案) plans in every part no heading or opening gives another role.
    """
    reports_only = bool(title and REPORTING_TITLE.search(title) and not PLANNING_TITLE.search(title))
    plans_only = bool(title and PLAN_DOCUMENT.search(title) and not REPORT_WORDS.search(title)
                      and not REPORTING_TITLE.search(title))  # (not …工作总结和2025年工作计划)
    told_problems = False  # whether a problems part came after what was done (成绩, then 问题, then 下一步)
    paras = list(paragraphs(text))
    if not paras:
        return (Section(start=0, end=len(text), role="other"),)
    heading_at = {o.start: o for o in outline}
    first_heading = min((o.start for o in outline), default=len(text))
    annex_at = next((i for i, (a, b) in enumerate(paras) if ANNEX.match(text[a:b].strip())), len(paras))
    closing_at = next((i for i in range(annex_at - 1, max(0, annex_at - CLOSING_WINDOW) - 1, -1)
                       if opening_role(text[paras[i][0]:paras[i][1]], "closing")), None)
    if closing_at and SALUTATION.fullmatch(text[paras[closing_at - 1][0]:paras[closing_at - 1][1]].strip()):
        closing_at -= 1  # `各位代表！` on a line of its own before the call
    annex_start = paras[annex_at][0] if annex_at < len(paras) else len(text)
    if closing_at is not None and any(paras[closing_at][0] < o.start < annex_start for o in outline):
        closing_at = None  # a heading after it: the call is not the last word (同志们，…。各乡镇要… before （二）…)

    roles: list[tuple[Role, str | None]] = []
    stack: list[tuple[int, Role | None, str]] = []  # open headings: (level, role, label)
    mixed: set[str] = set()  # headings that name a review and a plan: the plan starts where a paragraph says so
    problems_level: int | None = None  # the problems part lasts until a heading at or above this level
    glossary = False
    notes = False  # a block of notes on filling in (说明) until the next heading
    opened: Role | None = None  # a role given by a paragraph opening where no heading gave one
    in_preamble = True
    by_tasking: dict[str, int] = {}  # headings that open a plan only because they read as tasks -> their level
    # a review relabelled once the plan's headings restart their numbering: (first, end) of the roles, level
    pending: tuple[int, int, int] | None = None
    for i, (a, b) in enumerate(paras):
        para = text[a:b]
        item = heading_at.get(a)
        if item is not None:
            in_preamble = False
            notes = notes and bool(NOTE_ITEM.match(item.marker))  # (its own numbered notes 1.…2.… go on)
            while stack and stack[-1][0] >= item.level:
                stack.pop()
            if problems_level is not None and item.level <= problems_level:
                problems_level = None
            inherited = next((r for _, r, _ in reversed(stack) if r is not None), None)
            role = heading_role(item.title)
            if role == "review" and _ahead_of(item.title, plans_for):
                role = "plan"
            if inherited is not None and role not in ("problems", "glossary"):
                role = None  # `（十）…取得新成效` under a plan heading stays plan: sub-headings rarely change roles
            elif role is None and inherited is None and (not reports_only or told_problems) and _tasking(item.title):
                # (in a report on work done, a heading worded as a task after its problems opens its next steps:
                # 二、存在问题 / 三、加快推进城市更新)
                role = "plan"
                by_tasking[f"{item.marker}{item.title}"] = item.level
            if problems_level == 0 and role is not None:
                problems_level = None  # problems told outside any heading end where a heading with a role begins
            if pending is not None and item.level <= pending[2]:
                if item.level == pending[2] and FIRST_MARKER.match(item.marker):
                    _relabel_review(roles, pending[0], pending[1])
                pending = None
            told_problems = told_problems or (role == "problems" and _reported(roles))
            if role == "problems" and inherited is None and pending is None:
                # `（五）存在的不足` after `（一）…（四）` that no heading word gave a role: they were the review, as
                # before a paragraph that turns to the problems
                pending = _review_before_problems(roles, by_tasking)
            stack.append((item.level, role, f"{item.marker}{item.title}"))
            if role == "review" and "plan" in heading_roles(item.title):
                mixed.add(f"{item.marker}{item.title}")
            if role is not None or inherited is not None:
                opened = None  # a heading without role words (`一是…`) leaves the role a paragraph opened
        annex = ANNEX.match(para.strip()) if i >= annex_at else None
        if annex:
            title = annex.group("title") or (text[paras[i + 1][0]:paras[i + 1][1]] if i + 1 < len(paras) else "")
            glossary = heading_role(title) == "glossary"
            stack = [(0, "glossary" if glossary else heading_role(title) or "plan", para.strip())]
        elif len(para) <= 20 and heading_role(para) == "glossary":
            glossary = True  # (in an annex too)
        elif len(para) <= 20 and NOTES.fullmatch(para.strip()):
            notes = True  # how to fill a form in (填报说明, a ledger's sheet 说明): to the next heading
        if closing_at is not None and closing_at <= i < annex_at:
            roles.append(("closing", None))
            continue
        if glossary or notes:
            roles.append(("glossary", next((label for _, r, label in reversed(stack) if r == "glossary"), None)))
            continue
        if opening_role(para, "problems"):
            problems_level = stack[-1][0] if stack else 0
            pending = _review_before_problems(roles, by_tasking)
            opened = None
        elif problems_level is not None and _plans_ahead(para, year):
            problems_level = None  # `今后五年…`, `“十五五”时期…`: the problems are told, the plan begins
            if not stack:
                opened = "plan"
        if problems_level is not None:
            roles.append(("problems", None))
            told_problems = told_problems or _reported(roles)
            continue
        at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] is not None), None)
        if at is not None:
            level, role, label = stack[at]
            if role == "review" and label in mixed and (_plans_ahead(para, year) or (
                    not reports_only and _this_year_ahead(para, plans_for))):
                stack[at] = (level, "plan", label)  # 成就和…目标任务: the review turns to the plan here
            elif role == "plan" and looks_back_over_years(para, year):
                stack[at] = (level, "review", label)  # a plan's part that first looks back (`“十四五”时期，…`)
                mixed.add(label)
            roles.append((stack[at][1], label))  # type: ignore[arg-type]
            continue
        period = _period(para, year)  # `“十四五”时期…` looks back, `“十五五”时期是…` ahead
        if in_preamble and a < first_heading and not opening_role(para, "review") and period is None \
                and (i == 0 or len(para) <= SHORT_LINE or opening_role(para, "preamble")):
            roles.append(("preamble", None))
            continue
        in_preamble = False
        found = {"past": "review", "ahead": "plan"}.get(period or "") or opening_role(para, "review", "plan") or (
            "plan" if not reports_only and _this_year_ahead(para, plans_for) else None)  # (a summary's 今年是… looks back)
        opened = found or opened  # type: ignore[assignment]
        # (a plan's background, 一、工作基础 / 2024年，全县完成…, tells what was done: not a plan by the title)
        planned = plans_only and not any(BACKGROUND.search(label) for _, _, label in stack)
        roles.append((opened or ("plan" if planned else "other"), None))

    sections: list[Section] = []
    for (a, _), (role, heading) in zip(paras, roles, strict=True):
        if sections and sections[-1].role == role and sections[-1].heading == heading:
            continue
        if sections:
            sections[-1] = replace(sections[-1], end=a)
        sections.append(Section(start=0 if not sections else a, end=len(text), role=role, heading=heading))
    return tuple(sections)


def _this_year_ahead(para: str, plans_for: int | None) -> bool:
    """Whether a paragraph turns to the year planned for (今年是…收官之年, 做好今年…; 2025年是… in a speech of early
    2025: `plan_year`)."""
    ahead = bool(THIS_YEAR_AHEAD.match(para)) or (plans_for is not None and para.startswith(f"{plans_for}年是"))
    # (not a part-year report's look at the year so far: 今年是…收官之年。上半年，全镇完成…)
    return ahead and not PART_GONE.search(para, 0, YEAR_OPENING_CHARS)


def _reported(roles: list[tuple[Role, str | None]]) -> bool:
    """Whether the parts so far told what was done (a review, or body text no heading gave a role)."""
    return any(role in ("review", "other") for role, _ in roles)


def _review_before_problems(roles: list[tuple[Role, str | None]], by_tasking: dict[str, int]
                            ) -> tuple[int, int, int] | None:
    """`在肯定成绩的同时，我们也清醒看到…` turns from the achievements to the problems: a part before it that no
    heading or opening gave a role (`新世纪第一年，…`) is the review, relabelled at once. The parts just before it that
    read as tasks only by their headings (`（一）巩固增强经济回升向好态势`, where a copy lost the part heading
    `一、2024年工作回顾`) may be the review too: return (first, end, level) of their roles, to be relabelled when
    headings of that level start again at 一 (the plan's own `（一）`); a speech whose last task turns to problems
    starts no new series, and its tasks stay plan."""
    j = len(roles)
    tasks = []  # the levels of the task headings in the run
    while j > 0 and (roles[j - 1][0] == "other" or (roles[j - 1][0] == "plan" and roles[j - 1][1] in by_tasking)):
        j -= 1
        if roles[j][0] == "plan":
            tasks.append(by_tasking[roles[j][1]])  # type: ignore[index]
    if j == len(roles) or not ((j > 0 and roles[j - 1][0] == "review") or len(tasks) < len(roles) - j):
        return None  # nothing before the turn, or a run of tasks no review opened
    if not tasks:
        _relabel_review(roles, j, len(roles))  # `新世纪第一年，…`: no opening words announced it
        return None
    return j, len(roles), min(tasks)


def _relabel_review(roles: list[tuple[Role, str | None]], lo: int, hi: int) -> None:
    roles[lo:hi] = [("review", label) for _, label in roles[lo:hi]]


def has_review_and_plan(sections: Sequence[Section]) -> bool:
    """Whether headings give a document both a review and a plan part (a work report, a summary with plans):
    there results are reported in the review and tasks set in the plan, and each part is read for its own."""
    by_heading = {s.role for s in sections if s.heading is not None}
    return "plan" in by_heading and bool(by_heading & {"review", "problems"})
