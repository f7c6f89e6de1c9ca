"""Plain text: encodings, newlines, repair of lines broken by web copies."""

from __future__ import annotations

import pytest

from nlp.errors import InputError
from nlp.ingest import read_bytes
from nlp.ingest.text import decode

SPEECH = "在全县公安工作会议上的讲话\n\n同志们：\n\n一、坚持政治建警\n\n各派出所要全面推行“一村一辅警”机制。\n"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("big5", "big5"),
    ],
)
def test_encodings_decode_to_the_same_text(encoding: str, expected: str) -> None:
    text = SPEECH if encoding != "big5" else "在全縣公安工作會議上的講話\n\n同志們：\n\n各派出所要全面推行警務機制改革，確保年內完成。\n" * 3
    decoded, used = decode(text.encode(encoding), "speech.txt")
    assert decoded == text
    assert used == expected


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("第一行\r\n第二行", "第一行\n第二行"),
        ("第一行\r第二行", "第一行\n第二行"),
        ("第一行\u2028第二行", "第一行\n第二行"),
    ],
)
def test_newlines_are_normalised(raw: str, normalised: str) -> None:
    assert decode(raw.encode("utf-8"), "x.txt")[0] == normalised


# blank-line paragraphs (a wiki copy): what a single line break inside a paragraph means
WRAPS = [
    ("国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。", "国内生产总值达到74.4万亿元，增长6.7%。"),
    ("细颗粒物（PM\n2.5）浓度下降。", "细颗粒物（PM2.5）浓度下降。"),
    ("交出一份人\n\u200b\n民满意的答卷。", "交出一份人民满意的答卷。"),
    ("实现了良好开局，“\n十三五\n”规划顺利实施。", "实现了良好开局，“十三五”规划顺利实施。"),
    ("光缆线路550\n多万公里。", "光缆线路550多万公里。"),
]


@pytest.mark.parametrize(("broken", "repaired"), WRAPS)
def test_web_copy_breaks_are_repaired(broken: str, repaired: str) -> None:
    body = f"政府工作报告\n\n各位代表：\n\n{broken}\n\n第二段。\n\n第三段。\n\n第四段。"
    doc = read_bytes(body.encode("utf-8"), "gwr.txt", ".txt")
    assert repaired in doc.text.split("\n")


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        # one paragraph per line: a line ending with a comma continues
        ("中华民族向来不畏艰难险阻，\n当代中国人民有战胜任何挑战的坚定意志和能力。\n各位代表！", 2),
        # a numbered annex title stays apart from the line after it
        ("附件1\n2025年省十件民生实事\n一、为老年人提供服务", 3),
        # a semicolon line break inside a blank-line-separated paragraph joins
        ("甲\n\n乙\n\n丙\n\n有的院表态调门高;\n有的院反应迟缓。\n\n丁", 5),
        # in a blank-line layout, a title, its byline and the speaker's line are three paragraphs
        ("某区2026年政府工作报告\n——2026年1月9日在某区第八届人民代表大会第六次会议上\n某区人民政府区长 林某\n\n各位代表：\n\n"
         "现在，我代表区人民政府报告工作。\n\n一、2025年工作回顾", 6),
        # while a wrapped line that opens with a dash still joins the line it continues
        ("甲\n\n乙\n\n丙\n\n坚持以人民为中心的发展思想\n——这是我们一切工作的出发点和落脚点。\n\n丁", 5),
    ],
)
def test_paragraph_breaks(lines: str, paragraphs: int) -> None:
    doc = read_bytes(lines.encode("utf-8"), "x.txt", ".txt")
    assert len(doc.text.split("\n")) == paragraphs


def test_source_map_points_back_into_the_file() -> None:
    raw = "标题\n\n发布时间:2023-12-13 15:32:02\n\n同志们:\n\n要加强领导。"
    doc = read_bytes(raw.encode("utf-8"), "x.txt", ".txt")
    i = doc.text.index("要加强领导")
    assert doc.source_text[doc.source_offset(i):].startswith("要加强领导")
    assert doc.text_offset(raw.index("要加强领导")) == i


def test_whitespace_only_is_refused() -> None:
    with pytest.raises(InputError, match="whitespace"):
        decode(" \n\u3000\n".encode(), "blank.txt")


# a speech as a PDF viewer copies it: lines wrapped at a fixed width (a number and a unit's name broken too), page
# numbers, the running header after each, justification spaces between characters, paragraphs by their indent
WRAPPED = ("在全市经济工作会议上的讲话\n同志们：\n"
           "　　过去一年，全 市 上 下 顶 压 前 行，经济运行总体平稳、稳\n"
           "中有进。全市地区生产总值达到3286.4亿元、增长5.8%；规模以\n"
           "上工业增加值增长7.9%。\n"
           "　　今年，各县（市、区）要深入实施重点产业链“链长制”，全年新\n"
           "签约亿元以上产业项目120个以上。市工业和信息化局要牵头实施\n"
           "— 1 —\n"
           "在全市经济工作会议上的讲话\n"
           "“智改数转”三年行动，年内完成规模以上工业企业数字化改造3\n"
           "00家以上。各县（市、区）要下大力气盘活存量工业用地，年内每\n"
           "个县（市、区）处置闲置土地均不少于500亩，确保完成 年度任务。\n"
           "　　一、关于扩大有效投资\n"
           "　　全年安排市级重点项目200个，确保完成年度投资800亿元以上，\n"
           "9月底前市级重点项目开工率达到95%以上，各县（市、区）要落实\n"
           "— 2 —\n"
           "在全市经济工作会议上的讲话\n"
           "重大项目“周调度、月通报”机制，加快推进5G-\n"
           "A基站建设。\n")


def test_text_wrapped_at_a_fixed_width_is_rejoined_into_paragraphs() -> None:
    doc = read_bytes(WRAPPED.encode("utf-8"), "x.txt", ".txt")
    assert doc.text.split("\n") == [
        "在全市经济工作会议上的讲话", "同志们：",
        "过去一年，全市上下顶压前行，经济运行总体平稳、稳中有进。全市地区生产总值达到3286.4亿元、增长5.8%；"
        "规模以上工业增加值增长7.9%。",
        "今年，各县（市、区）要深入实施重点产业链“链长制”，全年新签约亿元以上产业项目120个以上。市工业和信息化局要"
        "牵头实施“智改数转”三年行动，年内完成规模以上工业企业数字化改造300家以上。各县（市、区）要下大力气盘活存量"
        "工业用地，年内每个县（市、区）处置闲置土地均不少于500亩，确保完成年度任务。",
        "一、关于扩大有效投资",
        "全年安排市级重点项目200个，确保完成年度投资800亿元以上，9月底前市级重点项目开工率达到95%以上，各县（市、区）"
        "要落实重大项目“周调度、月通报”机制，加快推进5G-A基站建设。"]
    assert doc.boilerplate == ("— 1 —", "— 2 —", "在全市经济工作会议上的讲话", "在全市经济工作会议上的讲话")
    i = doc.text.index("3286.4")
    assert doc.source_text[doc.source_offset(i):].startswith("3286.4")  # (the offsets still point into the file)


def test_lines_that_are_paragraphs_are_not_run_together() -> None:
    # short and long paragraphs, each ending its sentence: no fixed width, each line a paragraph
    text = "\n".join(["某县2025年工作总结", "一、主要工作"] + [
        "全县地区生产总值增长6.1%，" + "规模以上工业增加值增长8.2%，" * (k % 4) + "固定资产投资增长5.3%。" for k in range(12)]
        + ["二、存在问题", "发展不充分。"])
    doc = read_bytes(text.encode("utf-8"), "x.txt", ".txt")
    assert doc.text.split("\n") == text.split("\n")


TABLE_ROWS = "".join(f"{k}\t推进城镇老旧小区改造{100 + k}个\t县住建局\t2025年{k}月\n" for k in range(1, 11))
LIST_ITEMS = "".join(f"（{k}）改造城镇老旧小区{100 + k}个，县住建局负责，2025年12月底前完成\n" for k in range(1, 11))


@pytest.mark.parametrize("text", [
    # a table pasted as text, by tabs, bars or runs of spaces: its rows stay rows
    "县政府2025年重点工作任务分解表\n序号\t重点任务\t责任单位\t完成时限\n" + TABLE_ROWS,
    "县政府2025年重点工作任务分解表\n| 序号 | 重点任务 | 责任单位 |\n" + TABLE_ROWS.replace("\t", " | "),
    "县政府2025年重点工作任务分解表\n" + TABLE_ROWS.replace("\t", "    "),
    # a list whose items open with （1）
    "关于印发2025年民生实事项目的通知\n各乡镇人民政府：\n现将民生实事项目印发给你们，请认真抓好落实。\n" + LIST_ITEMS,
    # slogans, verse and English: no Chinese text wrapped at a width
    "安全生产月宣传标语\n" + "".join(f"{a}安全{b}\n" for a in ("人人讲", "落实", "强化", "守护") for b in ("个个会应急", "责任重于泰山", "发展靠大家")),
    "Summary\n" + "".join(f"The county will renovate {k} old residential compounds this year.\n" for k in range(12)),
    # figures done of their targets on lines of their own are no page numbers
    "推进情况通报\n" + "".join(f"城镇老旧小区改造\n{k}0/120\n县住建局\n" for k in range(1, 5)),
])
def test_lines_of_tables_lists_and_verse_are_not_rejoined(text: str) -> None:
    doc = read_bytes(text.encode("utf-8"), "x.txt", ".txt")
    assert doc.text.split("\n") == [line.strip() for line in text.strip("\n").split("\n")]
    assert doc.boilerplate == ()


def test_wrapped_text_without_indents_breaks_where_a_full_line_ends_its_sentence() -> None:
    body = ("今年以来，在县委县政府的坚强领导下，我局扎实推进城镇老旧小区改造、农村危房改造和保障性住房建设等重\n"
            "点工作，取得了阶段性成效。上半年完成城镇老旧小区改造60个，占年度任务的50%，完成农村危房改造210户\n"
            "，新开工保障性租赁住房320套，各项工作进展顺利，为全面完成全年目标任务打下了较为坚实的基础好。\n"
            "下一步，我局将继续加大工作力度，确保全年完成城镇老旧小区改造120个，完成农村危房改造400户，新开工\n"
            "保障性租赁住房600套。要强化资金保障，积极争取上级补助资金，加快项目审批和建设进度，确保按期完工。\n") * 2
    doc = read_bytes(("县住建局2025年上半年工作总结\n" + body).encode("utf-8"), "x.txt", ".txt")
    assert [line[:3] for line in doc.text.split("\n")[1:]] == ["今年以", "下一步", "今年以", "下一步"]


def test_narrow_wrapped_text_page_fractions_and_spaced_letters() -> None:
    # (OCR of a narrow column: 16 characters a line; 1/2, 2/2 page numbers; a title spaced out by justification)
    body = ("要加快推进城市更新，全年完成城镇老旧小区改造40个，新建改建城市道路15公里，新增公共停车泊位3000个，"
            "持续提升城市功能品质和人居环境质量。") * 3
    lines = [body[k:k + 16] for k in range(0, len(body), 16)]
    raw = "政  府  工  作  报  告\n" + "\n".join(lines[:4]) + "\n1/2\n" + "\n".join(lines[4:]) + "\n2/2\n"
    doc = read_bytes((raw * 1).encode("utf-8"), "x.txt", ".txt")
    assert doc.title == "政府工作报告"
    assert doc.text.split("\n") == ["政府工作报告", body]
    assert doc.boilerplate == ("1/2", "2/2")


def test_page_marks_indented_with_em_spaces_are_found() -> None:
    body = "".join(f"第{k}段：要加快推进城市更新，全年完成城镇老旧小区改造40个，持续提升城市功能品质。\n" for k in range(6))
    raw = "县政府工作报告\n" + body + "\u2003\u2003— 1 —\n" + body
    doc = read_bytes(raw.encode("utf-8"), "x.txt", ".txt")
    assert "— 1 —" in doc.boilerplate and "— 1 —" not in doc.text
