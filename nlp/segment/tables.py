"""Task tables: the rows of a task breakdown table (任务分解表, 督办台账) laid out as a table.

A Word table is read as one line per row, its cells joined by tabs (nlp/ingest/docx.py); a table pasted as text
separates its cells by tabs or vertical bars (｜, |). A task table is one whose header row names a column of tasks
(重点任务, 督办事项, 工作内容…) and a column of the units leading them (牵头单位, 责任单位…) or of their time limits
(完成时限, 时间节点…); each row under it with a task in that column is a task, its units in the units column, its
time limit in the time column. A table of results (完成值, 完成率, 实际完成…) is no task table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from nlp.segment.sentences import paragraphs

# a cell boundary: a tab, or a vertical bar (full- or half-width) with the spaces around it
CELL_SEPARATOR = re.compile(r"[ \u3000]*(?:\t|[｜|])[ \u3000]*")
SPACE = " \t\u3000\xa0"
TASK_HEAD = re.compile(r"(?:(?:年度|重点|主要|具体|督办|督查|目标)?(?:工作)?(?:任务|事项)|工作(?:内容|措施|目标)|"
                       r"(?:重点|主要)?工作|目标任务|主要内容|具体内容|项目(?:名称)?)"
                       r"(?:内容|名称|事项|及(?:目标|措施|要求))?(?:及(?:目标|要求|措施))?")
LEAD_HEAD = re.compile(r"(?:牵头|责任|主责|承办|主办|负责)(?:单位|部门|主体)(?:及责任人)?|责任(?:单位|部门)[（(]牵头[）)]")
DUE_HEAD = re.compile(r"(?:完成|办结|计划完成)?(?:时限|期限|时间)(?:要求|节点|安排)?|时间节点|进度安排|时序进度")
# a column of figures done makes a table a report, not a list of tasks (a ledger's 进展情况 column does not: it
# tracks its tasks)
RESULT_HEAD = re.compile(r"完成(?:值|数|率|数量)|实际完成|实绩")
RULE_ROW = re.compile(r"[\s|｜:：\-—]+")  # a Markdown table's rule under its header (|---|:---:|)


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One task of a task table: the span of its task cell, and of its units' and its time limit's cells (if any,
    and not empty)."""

    task: tuple[int, int]
    lead: tuple[int, int] | None
    due: tuple[int, int] | None
    line: tuple[int, int]  # the row's whole line
    cells: tuple[tuple[int, int], ...]  # all its cells, the empty ones too


def cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the (start, end) of each cell of the row text[start:end], spaces around it left out; a bar opening
    or closing the row (| 序号 | 任务 |) makes no empty cell."""
    out = []
    at = start
    for m in CELL_SEPARATOR.finditer(text, start, end):
        out.append(_stripped(text, at, m.start()))
        at = m.end()
    out.append(_stripped(text, at, end))
    if len(out) > 1 and text[start:end].lstrip(SPACE).startswith(("|", "｜")) and out[0][0] == out[0][1]:
        out.pop(0)
    if len(out) > 1 and text[start:end].rstrip(SPACE).endswith(("|", "｜")) and out[-1][0] == out[-1][1]:
        out.pop()
    return out


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return start, end


class _Columns:
    """Where a task table's header puts its tasks, units and time limits (cell indexes)."""

    def __init__(self, heads: list[str]) -> None:
        self.width = len(heads)
        self.task = next((i for i, h in enumerate(heads) if TASK_HEAD.fullmatch(h)), None)
        leads = [i for i, h in enumerate(heads) if LEAD_HEAD.fullmatch(h)]
        # a leading unit's column before a plain responsible one (牵头单位 before 责任单位 where both are given)
        self.lead = next((i for i in leads if "牵头" in heads[i]), leads[0] if leads else None)
        self.due = next((i for i, h in enumerate(heads) if DUE_HEAD.fullmatch(h)), None)
        self.results = any(RESULT_HEAD.search(h) for h in heads)

    @property
    def of_tasks(self) -> bool:
        return self.task is not None and (self.lead is not None or self.due is not None) and not self.results


def _cell_text(text: str, span: tuple[int, int]) -> str:
    return re.sub(r"\s+", "", text[span[0]:span[1]])


@lru_cache(maxsize=4)
def task_rows(text: str) -> tuple[TaskRow, ...]:
    """Return the task rows of every task table in `text`, in order (worked out once for the sentence splitter and
    the extractors of a document)."""
    return tuple(_rows(text))


def _rows(text: str) -> Iterator[TaskRow]:
    columns: _Columns | None = None
    last: TaskRow | None = None  # the table's row before
    for start, end in paragraphs(text):
        line = text[start:end]
        if "\t" not in line and "|" not in line and "｜" not in line:
            if columns is not None and line.rstrip(SPACE).endswith(("。", "：", ":")):
                columns = None  # a paragraph of prose (or a note: 注：) after the table ends it
            continue
        spans = cells(text, start, end)
        if len(spans) < 2:
            continue
        heads = [_cell_text(text, s) for s in spans]
        header = _Columns(heads)
        if header.task is not None and (header.lead is not None or header.due is not None or header.results):
            columns = header if header.of_tasks else None  # a new header starts a new table
            last = None
            continue
        if columns is None or RULE_ROW.fullmatch(line):
            continue
        filled = [s for s in spans if s[0] < s[1]]
        if not columns.width - 1 <= len(spans) <= columns.width or len(filled) < 2 \
                or columns.task >= len(spans):  # type: ignore[operator]
            continue  # a row of another shape (a cell merged at most), or a group's title across the table
        task = spans[columns.task]  # type: ignore[index]
        if task[1] - task[0] < 4 or not re.search(r"[\u4e00-\u9fff]", text[task[0]:task[1]]):
            continue
        # an empty units or time cell is the one above merged down the rows (a Word or Excel merged cell keeps
        # its text in its first row only)
        lead = _filled(spans, columns.lead) or (last.lead if last is not None else None)
        due = _filled(spans, columns.due) or (last.due if last is not None else None)
        last = TaskRow(task=task, lead=lead, due=due, line=(start, end), cells=tuple(spans))
        yield last


def _filled(spans: list[tuple[int, int]], i: int | None) -> tuple[int, int] | None:
    if i is None or i >= len(spans) or spans[i][0] == spans[i][1]:
        return None
    return spans[i]
