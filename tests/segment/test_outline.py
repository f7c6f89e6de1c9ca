"""Outline markers, sequences and levels."""

from __future__ import annotations

import pytest

from nlp.numerals import cn_small
from nlp.segment.outline import build_outline
from nlp.segment.sentences import split_sentences


@pytest.mark.parametrize(("text", "value"), [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23)])
def test_cn_small(text: str, value: int) -> None:
    assert cn_small(text) == value


CASES = [
    # (document, expected [(level, marker, title)])
    ("一、总体要求\n正文。\n二、重点任务\n正文。",
     [(1, "一、", "总体要求"), (1, "二、", "重点任务")]),
    ("一、重点任务\n（一）扩大内需。推动消费。\n（二）稳定外贸。\n1.支持出口。\n2.稳定外资。\n二、保障措施",
     [(1, "一、", "重点任务"), (2, "（一）", "扩大内需"), (2, "（二）", "稳定外贸"), (3, "1.", "支持出口"),
      (3, "2.", "稳定外资"), (1, "二、", "保障措施")]),
    ("一、强化党的意识\n重点抓好三个方面。\n一是要加强学习。思想是前提。\n二是要深入贯彻。\n三是要加强党建。",
     [(1, "一、", "强化党的意识"), (2, "一是", "要加强学习"), (2, "二是", "要深入贯彻"), (2, "三是", "要加强党建")]),
    ("一、践行新理念\n一要狠抓三大监督。\n二要努力办好精品案件。",
     [(1, "一、", "践行新理念"), (2, "一要", "狠抓三大监督"), (2, "二要", "努力办好精品案件")]),
    ("第一部分 总体情况\n一、成绩\n二、问题\n第二部分 下步打算",
     [(1, "第一部分", "总体情况"), (2, "一、", "成绩"), (2, "二、", "问题"), (1, "第二部分", "下步打算")]),
    ("首先，要提高认识。\n其次，要压实责任。\n最后，要严明纪律。",
     [(1, "首先，", "要提高认识"), (1, "其次，", "要压实责任"), (1, "最后，", "要严明纪律")]),
    ("（1）完善机制。\n（2）加强督导。\n①建立台账。\n②定期通报。",
     [(1, "（1）", "完善机制"), (1, "（2）", "加强督导"), (2, "①", "建立台账"), (2, "②", "定期通报")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_outline(text: str, expected: list[tuple[int, str, str]]) -> None:
    items = build_outline(text, split_sentences(text))
    assert [(o.level, o.marker, o.title) for o in items] == expected
    for o in items:
        assert text[o.start:o.end].startswith(o.marker)


@pytest.mark.parametrize(
    "text",
    [
        "三是要加强党建。",  # 三是 without 一是, 二是: running text
        "二、重点任务",  # 二、 without 一、
        "一方面要加强学习。\n另一方面要加强实践。",
        "一要求各单位按时报送。",  # 要求 is not the run-in 要
        "2024年全县生产总值增长5%。",
        "1.5万亿元的投资。",
    ],
)
def test_not_headings(text: str) -> None:
    assert build_outline(text, split_sentences(text)) == []


def test_run_in_marker_mid_paragraph_is_not_a_heading() -> None:
    text = "主要做了以下工作：一是加强学习，二是压实责任。"
    assert build_outline(text, split_sentences(text)) == []
