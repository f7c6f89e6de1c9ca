"""Word files: automatic numbering rebuilt, headings to levels, tables in order, headers left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.ingest import read_document
from nlp.ingest.docx import format_number
from nlp.numerals import chinese_count
from nlp.segment.outline import build_outline
from nlp.segment.sentences import split_sentences


@pytest.mark.parametrize(("n", "expected"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一")])
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_count(n) == expected


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [(3, "decimal", "3"), (3, "chineseCounting", "三"), (3, "chineseCountingThousand", "三"),
     (3, "decimalEnclosedCircle", "③"), (2, "lowerLetter", "b"), (4, "upperRoman", "IV"),
     (3, "chineseLegalSimplified", "叁"), (1, "bullet", "")],
)
def test_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_sample_docx_has_numbered_headings_and_no_page_header(sample_txt: Path) -> None:
    docx_doc = read_document(sample_txt.with_suffix(".docx"))
    txt_doc = read_document(sample_txt)
    assert docx_doc.text == txt_doc.text
    assert "清河县公安局 2024年全县公安工作会议材料" not in docx_doc.text  # the page header
    outline = build_outline(docx_doc.text, split_sentences(docx_doc.text), docx_doc.heading_levels)
    assert [o.marker for o in outline if o.level == 1] == ["一、", "二、", "三、"]


def test_tables_and_numbering_in_document_order(tmp_path: Path) -> None:
    import docx
    from fixturegen import _add_numbering, _set_num

    document = docx.Document()
    num_id = _add_numbering(document)
    document.add_paragraph("关于印发任务分工方案的通知")
    for heading in ("总体要求", "重点任务"):
        p = document.add_paragraph(heading, style="Heading 1")
        _set_num(p, num_id, 0)
        sub = document.add_paragraph("加快推进重点项目建设。", style="Heading 2")
        _set_num(sub, num_id, 1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "任务", "责任单位"
    table.cell(1, 0).text, table.cell(1, 1).text = "建成执法办案中心", "北山镇派出所"
    document.add_paragraph("以上任务年底前完成。")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    doc = read_document(path)
    lines = doc.text.split("\n")
    assert lines[1:5] == ["一、总体要求", "（一）加快推进重点项目建设。", "二、重点任务", "（一）加快推进重点项目建设。"]
    assert lines[5:7] == ["任务\t责任单位", "建成执法办案中心\t北山镇派出所"]
    assert lines[7] == "以上任务年底前完成。"
    outline = build_outline(doc.text, split_sentences(doc.text), doc.heading_levels)
    assert [(o.level, o.marker) for o in outline] == [(1, "一、"), (2, "（一）"), (1, "二、"), (2, "（一）")]
    # list numbers are generated text: they map to no source character
    assert doc.source_offset(doc.text.index("一、总体要求")) == -1
    assert doc.source_text[doc.source_offset(doc.text.index("总体要求"))] == "总"
