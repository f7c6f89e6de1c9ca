"""Web-copy boilerplate: removed from the text, listed under `boilerplate`."""

from __future__ import annotations

import pytest

from nlp.ingest import read_bytes
from nlp.ingest.clean import clean_title

BODY = "同志们：\n要认真做好各项工作。\n各县区院要加强指导。"

BOILERPLATE_LINES = [
    "发布时间:2023-12-13 15:32:02",
    "发布日期：2024年3月8日",
    "来源：北京日报",
    "下面是小编为大家整理的2023年在全市检察机关工作推进会上讲话(全文完整),供大家参考。",
    "推荐访问:会上 检察 机关工作 在全市检察机关工作推进会上讲话",
    "版权所有:众一秘书网 2005-2024 未经授权禁止复制或建立镜像",
    "Powered by 示例网 © All Rights Reserved.",
    "备案号: 辽ICP备05005627号-1",
    "打印本页 关闭窗口",
    "【字号：",
    "收藏",
    "相关报道：",
    "殷勇同志作政府工作报告。本报记者 戴冰摄",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_boilerplate_line_is_removed(line: str) -> None:
    raw = f"2024年全县工作会议讲话\n{line}\n{BODY}\n{line}"
    doc = read_bytes(raw.encode("utf-8"), "x.txt", ".txt")
    assert line not in doc.text
    assert "要认真做好各项工作。" in doc.text
    assert doc.boilerplate


def test_one_line_with_several_items_is_listed_item_by_item() -> None:
    raw = f"讲话\n{BODY}\nPowered by 众一秘书网 © All Rights Reserved.。备案号: 辽ICP备05005627号-1"
    doc = read_bytes(raw.encode("utf-8"), "x.txt", ".txt")
    assert doc.boilerplate == ("Powered by 众一秘书网 © All Rights Reserved.。", "备案号: 辽ICP备05005627号-1")


def test_licence_footer_is_cut_with_everything_after_it() -> None:
    raw = f"政府工作报告\n\n{BODY}\n\n本作品是中华人民共和国的\n法律\n、\n法规\n\n\nPublic domain\n\nfalse"
    doc = read_bytes(raw.encode("utf-8"), "x.txt", ".txt")
    assert doc.text.endswith("各县区院要加强指导。")
    assert "Public domain" in "".join(doc.boilerplate)


def test_repeated_title_line_is_boilerplate() -> None:
    raw = f"2023年讲话(全文完整)\n\n发布时间:2023-12-13\n\n2023年讲话(全文完整)\n\n{BODY}"
    doc = read_bytes(raw.encode("utf-8"), "x.txt", ".txt")
    assert doc.text.count("2023年讲话") == 1
    assert doc.title == "2023年讲话"


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("2023年在全市检察机关工作推进会上讲话(全文完整)", "2023年在全市检察机关工作推进会上讲话"),
        ("在全县公安工作会议上的讲话（全文）", "在全县公安工作会议上的讲话"),
        ("述职报告【最新】", "述职报告"),
        ("政府工作报告", "政府工作报告"),
    ],
)
def test_title_decorations(raw: str, title: str) -> None:
    assert clean_title(raw) == title


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("——2021年3月5日在第十三届全国人民代表大会第四次会议上", "2021-03-05"),
        ("2024年3月8日", "2024-03-08"),
        ("二〇二三年十二月十三日", "2023-12-13"),
        ("澜州市人民政府市长　周启明（2025年2月14日）", "2025-02-14"),  # a speech's byline closing on its date
        ("澜州市人民政府市长　周启明（二〇二五年二月十四日）", "2025-02-14"),
    ],
)
def test_date_the_document_states(head: str, date: str) -> None:
    raw = f"政府工作报告\n{head}\n{BODY}"
    assert read_bytes(raw.encode("utf-8"), "x.txt", ".txt").date == date


@pytest.mark.parametrize("line", [
    "1.完成城区老旧小区改造12个（2025年12月31日前）",  # a deadline
    "根据《某省安全生产条例》（2019年11月29日修订）",  # an act's revision
    "注：数据来源于县统计局（截至2024年11月30日）",  # a note's date of the data
])
def test_a_bracketed_date_that_is_no_byline_dates_nothing(line: str) -> None:
    raw = f"某县2025年重点工作任务清单\n{line}\n{BODY}"
    assert read_bytes(raw.encode("utf-8"), "x.txt", ".txt").date is None


def test_publication_date_of_the_web_page_is_not_the_document_date() -> None:
    raw = f"讲话\n发布时间:2023-12-13 15:32:02\n{BODY}"
    assert read_bytes(raw.encode("utf-8"), "x.txt", ".txt").date is None
