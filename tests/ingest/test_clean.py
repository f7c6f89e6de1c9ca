"""Cleaning: which lines of a text join into one paragraph."""

from __future__ import annotations

import pytest


def test_a_title_stands_alone_but_a_wrapped_line_ending_like_one_joins() -> None:
    """In a blank-line layout the title above its byline stays apart; later, a line that ends with 部署 joins."""
    from nlp.ingest import read_bytes

    speech = read_bytes("在全县经济工作会议上的讲话\n中共柏溪县委书记　程远航\n\n同志们：\n\n要加强工作。\n".encode(), "x.txt", ".txt")
    assert speech.title == "在全县经济工作会议上的讲话"
    notice = read_bytes("关于加快推进工作的通知\n\n各县区：\n\n根据省委部署\n要求各地加快推进项目建设。\n\n请认真贯彻落实。\n".encode(),
                        "x.txt", ".txt")
    assert "根据省委部署要求各地加快推进项目建设。" in notice.text


def test_a_title_wrapped_before_its_last_words_is_one_title() -> None:
    """A title printed on two lines (…推进情况 / 的报告) under a header line: both lines are the title."""
    from nlp.ingest import read_bytes

    text = ("南湖区人民检察院 内部资料\n南湖区人民检察院关于2025年上半年重点工作推进情况\n的报告\n一、公开听证工作进展\n"
            "今年以来，我院共组织公开听证7次。\n")
    assert read_bytes(text.encode(), "x.txt", ".txt").title == "南湖区人民检察院关于2025年上半年重点工作推进情况的报告"



@pytest.mark.parametrize("head", ["2025年12月20日", "石政发〔2025〕18号", "工作简报 第12期", "内部资料 注意保存"])
def test_a_line_above_a_title_that_is_no_part_of_it(head: str) -> None:
    from nlp.ingest import read_bytes

    text = f"{head}\n和美乡村建设汇报\n一、基本情况\n全镇建成和美乡村示范村3个。\n"
    assert read_bytes(text.encode(), "x.txt", ".txt").title == "和美乡村建设汇报"
