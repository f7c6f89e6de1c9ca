"""Task tables: the rows of a task breakdown table (任务分解表, 督办台账) laid out as a table.

A Word table is read as one line per row, its cells joined by tabs (nlp/ingest/docx.py); a table pasted as text
separates its cells by tabs or vertical bars (｜, |). A task table is one whose header row names a column of tasks
(重点任务, 督办事项, 工作内容…, or of indicators: 指标名称) and a column of the units leading them (牵头单位, 责任单位…) or of their time limits
(完成时限, 时间节点…); each row under it with a task in that column is a task, its units in the units column, its
time limit in the time column. A table of results (完成值, 完成率, 实际完成…) is no task table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest
from operator import attrgetter

from nlp.spans import item_at

# a cell boundary: a tab, or a vertical bar (full- or half-width) with the spaces around it
CELL_SEPARATOR = re.compile(r"[ \u3000]*(?:\t|[｜|])[ \u3000]*")
SPACE = " \t\u3000\xa0"
TASK_HEAD = re.compile(r"(?:年度|重点|主要|具体|督办|督查|交办|目标|工作|整改)*(?:任务|事项)(?:内容|名称|事项|清单)?"
                       r"(?:及(?:目标|措施|要求)(?:要求)?)?|(?:工作|具体|主要|整改)?(?:内容|措施|举措)|(?:重点|主要)?工作|"
                       r"项目(?:名称)?|目标要求|工作要求")  # (a rectification list's 整改措施: its tasks, not 问题表现)
REQUIREMENT_HEAD = re.compile(r"(?:目标|工作)?要求|完成标准")  # what a task must reach, in a column of its own
LEAD_HEAD = re.compile(r"(?:牵头|责任|主责|承办|主办|负责|实施|落实)+(?:单位|部门|主体|科室|处室|股室)(?:[（(][^（）()]{1,6}[）)])?"
                       r"(?:及责任人)?")
DUE_HEAD = re.compile(r"(?:预计|计划)?(?:完成|办结|推进|整改|实施)?(?:时限|期限|时间)(?:要求|节点|安排)?|时间节点|进度安排|"
                      r"时序进度")
# a column of figures done makes a table a report, not a list of tasks; its rows report on their tasks
RESULT_HEAD = re.compile(r"完成(?:值|数|率|数量)|实际完成|实绩")
BARE_PERCENT = re.compile(r"\s*(?:完成)?\d+(?:\.\d+)?[%％]\s*")
SHARE_HEAD = re.compile(r"完成(?:率|比例)|(?:自评|考核)?得分|分值")  # (完成率 93.3%, 自评得分 4.8: not the metric's)
# a column of progress: a ledger tracking its tasks, or a report on them; its rows are kept whole (a task, its
# unit and what became of it), what became of it read in that column (not in 存在问题, 下步措施, 时序进度)
PROGRESS_HEAD = re.compile(r"(?:完成|进展|推进|办理|落实|整改|实施)(?:情况|结果)|(?<!时序)进度(?!安排|要求)|进展")
# other names of a second header row: the units supporting the lead, the plan beside the actual
SUB_HEAD = re.compile(r"(?:配合|协办|参与|协同)(?:单位|部门)|责任人|(?:年度)?(?:目标|计划)(?:值|数)?|备注|单位|序号")
# a column stating in a word where a task stands (已完成, 正在推进, 未完成)
STATE_HEAD = re.compile(r"(?:完成|整改|办理|推进|进展)?状态|是否(?:完成|办结|销号|整改到位)|(?:完成|整改)?进度情况")
FIGURE_HEAD = re.compile(r"(?:年度)?目标(?:任务|值|数)|(?:计划|任务)(?:数|值)")
INDICATOR_HEAD = re.compile(r"(?:主要|重点|考核)?指标(?:名称|内容)?")
BARE_CHANGE = re.compile(r"(?:同比|比上年)?(?:增长|下降|提高|降低|达到|达|控制在|保持在?|稳定在|不低于|不少于|不超过)")
NAME_CHARS = 16  # a task named in a few words, not said in a sentence
CLAUSE_MARK = re.compile(r"[，,。；;]")
TARGET_HEAD = re.compile(r"(?:年度|工作|主要|全年|预期)目标(?:要求)?|目标")
MILESTONE_HEAD = re.compile(r"第?[一二三四1-4]季度|[上下]半年|(?:1[0-2]|[1-9])月(?:份|底)?")
ISSUE_HEAD = re.compile(r"(?:反馈|存在|整改|突出|主要)?问题(?:表现|描述|清单|名称)?")
NUMBER_HEAD = re.compile(r"序号?|编号")
ROW_NUMBER = re.compile(r"\d{1,4}(?:[.．-]\d{1,3})*[.．、]?|[（(]\d{1,4}[）)]")  # (一、 opens a group's title)
NOT_INVOLVED_CHARS = 16  # (本镇无此项任务。, 不涉及本镇; not 完成…12公里，…不涉及征地拆迁)
NOT_INVOLVED = re.compile(r"无此项任务|无此项工作|不涉及|无此类(?:任务|项目)|本[镇乡街道区县局单位]{1,2}无(?:此|该)")
NOTHING = re.compile(r"[\s/／—\-－、无暂|｜]*")  # an empty or placeholder cell (/, —, 无)
# the header of another table (序号 单位 联络员 联系电话): short cells of such words, no figure
OTHER_HEAD = re.compile(r"单位|时间|姓名|电话|名称|序号|内容|事项|情况|备注|职务|地点|负责人|联络员|类别|指标|数量")
RULE_ROW = re.compile(r"[\s|｜:：\-—]+")  # a Markdown table's rule under its header (|---|:---:|)
ANNEX = re.compile(r"附件\s*\d*")
LINE = re.compile(r"[^\n]+")
WHITE, DIGIT, HAN = re.compile(r"\s+"), re.compile(r"\d"), re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One task of a task table: the span of its task cell, and of its units' and its time limit's cells (if any,
    and not empty)."""

    task: tuple[int, int]
    lead: tuple[int, int] | None
    due: tuple[int, int] | None
    line: tuple[int, int]  # the row's whole line
    cells: tuple[tuple[int, int], ...]  # all its cells, the empty ones too
    split: bool  # whether the row is cut into sentences at its cells (not a row of progress, kept whole)
    tasks: bool = True  # whether the row is a task (not a row of a table of figures done)
    # what became of the task, as the row says: its progress cell, or the cells after the task in a table of
    # figures done; None where the row says nothing (an empty or placeholder cell) or has no such column
    judged: tuple[int, int] | None = None
    # where the task is to stand by the end of a quarter, as its milestone cells say: (quarter 1-4, the cell),
    # those filled only (完成溯源建档, 完成30%; not —)
    milestones: tuple[tuple[int, tuple[int, int]], ...] = ()
    # the cell of what a task named in a few words is to reach (年度目标), read with the task as one
    aim: tuple[int, int] | None = None
    # the cells of figures that are no value of the task's metric (完成率, 得分, 分值)
    shares: tuple[tuple[int, int], ...] = ()
    # the cell of its state column, filled (已完成, 序时推进, 滞后): where the office says the task stands
    state: tuple[int, int] | None = None


def cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the (start, end) of each cell of the row text[start:end], spaces around it left out; a bar opening
    or closing the row (| 序号 | 任务 |) makes no empty cell."""
    out = []
    at = start
    for m in CELL_SEPARATOR.finditer(text, start, end):
        out.append(stripped(text, at, m.start()))
        at = m.end()
    out.append(stripped(text, at, end))
    if len(out) > 1 and text[start:end].lstrip(SPACE).startswith(("|", "｜")) and out[0][0] == out[0][1]:
        out.pop(0)
    if len(out) > 1 and text[start:end].rstrip(SPACE).endswith(("|", "｜")) and out[-1][0] == out[-1][1]:
        out.pop()
    return out


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) of text[start:end] without the spaces at its ends."""
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return start, end


class _Columns:
    """Where a task table's header puts its tasks, units and time limits (cell indexes)."""

    def __init__(self, heads: list[str], spans: list[tuple[int, int]] | None = None) -> None:
        self.heads = heads
        self.spans = spans or []  # where its cells are in the text (a milestone's header names its time)
        self.width = len(heads)
        named = [i for i, h in enumerate(heads) if TASK_HEAD.fullmatch(h)]
        self.progress = next((i for i, h in enumerate(heads) if PROGRESS_HEAD.search(h)), None)
        self.state = next((i for i, h in enumerate(heads) if STATE_HEAD.fullmatch(h)), None)
        # the first figures done: a figure's own column before a rate of completion (完成率 完成值: from 完成值)
        done = [i for i, h in enumerate(heads) if RESULT_HEAD.search(h)]
        self.done = next((i for i in done if not SHARE_HEAD.fullmatch(heads[i])), done[0] if done else None)
        # columns of figures that are no value of the task's metric done: a share of the target, a score (and in a
        # table of what was done, the target's own column: below)
        self.shares = [i for i, h in enumerate(heads) if SHARE_HEAD.fullmatch(h)]
        self.results = self.done is not None
        # (in a table of what was done, not a column of the figures to reach, 目标任务, where the rows name their
        # indicators; in a plan, 目标任务 says the task: 重点工作 老旧小区改造 | 目标任务 完成全县40个…)
        tasks = [i for i in named if not (self.reports and FIGURE_HEAD.fullmatch(heads[i]))]
        if not tasks and self.reports:
            # a table of what became of the problems a rectification list set (问题 整改情况 完成状态), or of
            # indicators (指标名称 目标任务 完成情况 完成率): its problems or indicators name the tasks
            tasks = [i for i, h in enumerate(heads) if ISSUE_HEAD.fullmatch(h) or INDICATOR_HEAD.fullmatch(h)][:1]
        # (a plan's table of indicators, 指标名称 目标值 分值 责任单位, names its tasks by its indicators too)
        tasks = tasks or named or [i for i, h in enumerate(heads) if INDICATOR_HEAD.fullmatch(h)][:1]
        # the finest of several (重点工作, then 具体任务 merged under it), not a column of requirements
        self.task = next((i for i in reversed(tasks) if not REQUIREMENT_HEAD.fullmatch(heads[i])),
                         tasks[0] if tasks else None)
        leads = [i for i, h in enumerate(heads) if LEAD_HEAD.fullmatch(h)]
        # a leading unit's column before a plain responsible one (牵头单位 before 责任单位 where both are given)
        self.lead = next((i for i in leads if "牵头" in heads[i]), leads[0] if leads else None)
        self.due = next((i for i, h in enumerate(heads) if DUE_HEAD.fullmatch(h)), None)
        self.numbered = bool(heads) and bool(NUMBER_HEAD.fullmatch(heads[0]))
        # a column of what the task is to reach (年度目标), beside a task named in a few words (细颗粒物浓度控制)
        self.target = next((i for i, h in enumerate(heads) if (TARGET_HEAD.fullmatch(h) or FIGURE_HEAD.fullmatch(h))
                            and i != self.task), None)
        if self.reports and self.target is not None:
            self.shares.append(self.target)  # (指标 年度目标 完成进度: 增长6%以上 is the goal, not a result)
        # columns of milestones by quarter or month (第一季度…第四季度): the task is due by the last one it fills
        self.milestones = [i for i, h in enumerate(heads) if MILESTONE_HEAD.fullmatch(h)]

    @property
    def of_tasks(self) -> bool:
        # (a time and a bare 事项 without units is an agenda: 时间 事项 负责人)
        return self.task is not None and not self.results and (
            self.lead is not None or (self.due is not None and "任务" in self.heads[self.task]))

    @property
    def header(self) -> bool:
        return self.task is not None and (self.lead is not None or self.due is not None or self.reports)

    @property
    def reports(self) -> bool:
        """Whether the table says what became of its tasks (a progress or state column, or figures done)."""
        return self.progress is not None or self.state is not None or self.results


def row_at(rows: Sequence[TaskRow], at: int) -> TaskRow | None:
    """The row of `rows` (in order, as `task_rows` gives them) whose line holds position `at`, or None."""
    return item_at(rows, at, attrgetter("line"))


def _cell_text(text: str, span: tuple[int, int]) -> str:
    return WHITE.sub("", text[span[0]:span[1]])


@lru_cache(maxsize=4)
def task_rows(text: str) -> tuple[TaskRow, ...]:
    """Return the task rows of every task table in `text`, in order (worked out once for the sentence splitter and
    the extractors of a document)."""
    return tuple(_rows(text))


def _rows(text: str) -> Iterator[TaskRow]:
    columns: _Columns | None = None
    last: TaskRow | None = None  # the table's row before, whose units and time an empty cell repeats
    above: _Columns | None = None  # the header on the line before, which a second header row may refine
    for m in LINE.finditer(text):
        start, end, line = m.start(), m.end(), m.group(0)
        if "\t" not in line.strip(SPACE) and "|" not in line and "｜" not in line:
            bare = line.strip(SPACE)
            if bare.endswith(("。", "：", ":")) or ANNEX.match(bare):
                columns = None  # prose, a note (注：) or an annex after the table ends it
            last = above = None  # a group's title across the table (一、扩大有效投资): nothing is repeated past it
            continue
        spans = cells(text, start, end)
        if len(spans) < 2:
            continue
        heads = [_cell_text(text, s) for s in spans]
        header = _Columns(heads, spans)
        if header.header:
            columns = header if header.of_tasks or header.reports else None  # a new header starts a new table
            last, above = None, header
            continue
        if above is not None and len(spans) <= above.width and _sub_header(heads):
            # the second row of a two-row header (责任单位 over 牵头单位 and 配合单位): its words name the columns
            # under the first row's, the first row's names the columns merged down both rows
            header = _Columns([sub or top for sub, top in zip_longest(heads, above.heads, fillvalue="")],
                              [sub if sub[0] < sub[1] or k >= len(above.spans) else above.spans[k]
                               for k, sub in enumerate(spans)])
            columns = header if header.of_tasks or header.reports else columns
            above = None
            continue
        above = None
        if columns is not None and columns.numbered and len(spans) == columns.width - 1 and heads[0] \
                and not ROW_NUMBER.fullmatch(heads[0]):
            spans, heads = [(start, start), *spans], ["", *heads]  # its number cell empty (merged), the tab lost
        filled = [h for h in heads if h]
        if len(filled) >= 2 and all(len(h) <= 10 and not DIGIT.search(h) for h in filled) \
                and sum(bool(OTHER_HEAD.search(h)) for h in filled) >= 2:
            columns = None  # another table's header (序号 单位 联络员 联系电话)
            continue
        if columns is None or RULE_ROW.fullmatch(line):
            continue
        numbered = columns.numbered and bool(heads[0]) and bool(ROW_NUMBER.fullmatch(heads[0]))
        if len(filled) < 2 or len(spans) > columns.width or (len(spans) < columns.width - 1 and not numbered):
            last = None  # a group's title across the table, or a row of another shape (one end cell lost at most,
            continue  # more where it opens with its number: 2\t争取专项债券10亿元 and its empty cells)
        if columns.task >= len(spans) or (  # type: ignore[operator]
                columns.numbered and heads[0] and not ROW_NUMBER.fullmatch(heads[0])):
            continue  # a row of a numbered table opens with its number (not 青禾县人民政府办公室\t…印发)
        task = spans[columns.task]  # type: ignore[index]
        aim = _filled(spans, columns.target)
        if aim is None or aim[0] < task[1] or aim[1] - aim[0] < 2 or not HAN.search(text, *aim) \
                or task[1] - task[0] > NAME_CHARS or CLAUSE_MARK.search(text, *task):
            aim = None  # (a task named in a few words and its 年度目标 after it, 细颗粒物浓度控制 | 全市PM2.5…以内,
            # 规上工业增加值 | 增长7%以上, 建成城区智慧停车平台 | 年底前上线运行: the task is the two together)
        if task[1] - task[0] < 4 or not HAN.search(text, *task):
            continue
        # an empty units or time cell is the one above merged down the rows (a table pasted from a spreadsheet
        # keeps a merged cell's text in its first row only)
        lead = _filled(spans, columns.lead) or (last.lead if last is not None else None)
        due = _filled(spans, columns.due) or _milestone_due(text, spans, columns) \
            or (last.due if last is not None else None)
        if columns.progress is not None or columns.state is not None:
            # (its progress cell, and the state cell beside it: 已完成, 正在推进, 未完成; not a 存在问题 between them)
            side = columns.progress is None or columns.state is None or abs(columns.progress - columns.state) == 1
            said = [c for c in (_filled(spans, columns.progress), _filled(spans, columns.state) if side else None) if c]
            judged = (min(a for a, _ in said), max(b for _, b in said)) if said else None
        else:  # (a table of figures done: its cells from the first of them, not the target's before them)
            judged = (spans[columns.done][0], end) if columns.done is not None and columns.done < len(spans) else None
        if judged is not None and (NOTHING.fullmatch(text, *judged) or (
                judged[1] - judged[0] <= NOT_INVOLVED_CHARS and NOT_INVOLVED.search(text, *judged))):
            judged = None  # (an empty or placeholder cell; 本镇无此项任务: the unit had no part in it)
        steps = tuple((quarter_of(columns.heads[i]), cell) for i in columns.milestones
                      if (cell := _filled(spans, i)) is not None and not NOTHING.fullmatch(text, *cell))
        # (a progress column's bare percentage is a share of the task done, 93.3%; 前三季度增长5.2% is a figure)
        shares = [cell for i in columns.shares if (cell := _filled(spans, i)) is not None]
        if columns.progress is not None and (cell := _filled(spans, columns.progress)) is not None \
                and BARE_PERCENT.fullmatch(text, *cell):
            shares.append(cell)
        last = TaskRow(task=task, lead=lead, due=due, line=(start, end), cells=tuple(spans), milestones=steps, aim=aim,
                       split=not columns.reports, tasks=columns.of_tasks, judged=judged, shares=tuple(sorted(shares)),
                       state=_filled(spans, columns.state))
        yield last


QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
QUARTER = re.compile(r"([一二三四1-4])季度")
MONTH = re.compile(r"(\d{1,2})月")


def quarter_of(head: str) -> int:
    """The quarter by whose end a milestone column's time falls (第二季度 2, 上半年 2, 8月 3, 下半年 4)."""
    m = QUARTER.search(head)
    if m:
        return QUARTER_WORDS[m.group(1)]
    if "上半年" in head:
        return 2
    if "下半年" in head:
        return 4
    month = MONTH.search(head)
    return (int(month.group(1)) + 2) // 3 if month else 4


def _milestone_due(text: str, spans: list[tuple[int, int]], columns: _Columns) -> tuple[int, int] | None:
    """The header cell of the last milestone column a row fills (第四季度: due by the year's end), or None."""
    for i in reversed(columns.milestones):
        cell = _filled(spans, i)
        if cell is not None and not NOTHING.fullmatch(text, *cell) and i < len(columns.spans):
            return columns.spans[i]
    return None


def _sub_header(heads: list[str]) -> bool:
    """Whether a row holds only column names of a header's second row (牵头单位, 配合单位, 时限…)."""
    filled = [h for h in heads if h]
    return bool(filled) and all(len(h) <= 8 and not DIGIT.search(h) and (
        LEAD_HEAD.fullmatch(h) or DUE_HEAD.fullmatch(h) or PROGRESS_HEAD.search(h) or RESULT_HEAD.search(h)
        or TASK_HEAD.fullmatch(h) or SUB_HEAD.fullmatch(h)) for h in filled)


def _filled(spans: list[tuple[int, int]], i: int | None) -> tuple[int, int] | None:
    if i is None or i >= len(spans) or spans[i][0] == spans[i][1]:
        return None
    return spans[i]
