"""Sentence splitting: 。！？； and line breaks, never inside quotes or 《》."""

from __future__ import annotations

import pytest

from nlp.segment.sentences import split_sentences, with_sections

CASES = [
    ("要加强学习。要压实责任！是否落实？", ["要加强学习。", "要压实责任！", "是否落实？"]),
    ("有的院表态调门高;有的院反应迟缓。", ["有的院表态调门高;", "有的院反应迟缓。"]),
    ("习近平总书记指出:“党政军民学,东西南北中,党是领导一切的。”全市检察机关要自觉维护。",
     ["习近平总书记指出:“党政军民学,东西南北中,党是领导一切的。”", "全市检察机关要自觉维护。"]),
    ("强调“讲政治。抓党建。”", ["强调“讲政治。抓党建。”"]),
    ("认真学习《关于加强检察工作的意见。》全文。", ["认真学习《关于加强检察工作的意见。》全文。"]),
    ("第一行没有句号\n第二行。", ["第一行没有句号", "第二行。"]),
    ("“没有闭合的引号。后面的句子。", ["“没有闭合的引号。", "后面的句子。"]),
    ("今年以来……工作有进展。", ["今年以来……工作有进展。"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_sections_follow_headings() -> None:
    text = "引言。\n一、任务\n要加强学习。"
    sentences = with_sections(split_sentences(text), [text.index("一、")])
    assert [s.section for s in sentences] == [None, 0, 0]


def test_a_task_tables_rows_are_split_at_their_cells_and_other_tabs_are_not() -> None:
    text = "序号\t重点任务\t牵头单位\t完成时限\n1\t新建公园5个\t区城管局\t10月底\n一、\t总体要求\n"
    assert [s.text for s in split_sentences(text)] == [
        "序号\t重点任务\t牵头单位\t完成时限", "1", "新建公园5个", "区城管局", "10月底", "一、\t总体要求"]
