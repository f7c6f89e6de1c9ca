"""The task list: one row per directive, in order, round-tripping through openpyxl and python-docx."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS, needs_shared

from nlp.cli import main
from nlp.export.tasks import (
    COLUMNS,
    DOCX_COLUMNS,
    MARGIN_CM,
    PAGE_CM,
    column_widths,
    document_title,
    task_rows,
    to_docx,
)
from nlp.labels import QUANTITY_KIND_ZH


def test_rows_follow_the_directives(sample_analysis) -> None:
    rows = task_rows(sample_analysis)
    assert [r["任务内容"] for r in rows] == [d.text for d in sample_analysis.directives]
    assert [r["序号"] for r in rows] == list(range(1, len(rows) + 1))
    by_text = {r["任务内容"]: r for r in rows}
    row = by_text["刑侦大队要在6月底前完成命案积案的集中攻坚，实现命案积案侦破零的突破。"]
    assert row["责任单位"] == "刑侦大队"
    assert row["完成时限"] == "2024年6月30日前"
    # deadlines as people write them, never codes: 每季度 not P3M, 2024年12月31日前 not 2024-12-31
    deadlines = [r["完成时限"] for r in rows if r["完成时限"]]
    assert {"每季度", "每月", "尽快", "抓紧", "2024年12月31日前"} <= set(deadlines)
    assert not any(re.search(r"P\d[MYWD]|\d{4}-\d\d|[a-z]", d) for d in deadlines), deadlines
    assert row["章节"].startswith("一要深化打击整治")
    strive = by_text["以“雷霆2024”专项行动为抓手，严厉打击电信网络诈骗、养老诈骗等突出犯罪，力争全年电信网络诈骗案件发案数下降15%以上，破案数上升20%。"]
    assert strive["力度"] == "力争" and "15%以上" in strive["量化目标"] and "雷霆2024专项行动" in strive["关联专项行动"]


@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".csv", ".json"])
def test_files_round_trip(suffix: str, sample_txt: Path, sample_analysis, tmp_path: Path) -> None:
    out = tmp_path / f"tasks{suffix}"
    assert main(["tasks", str(sample_txt), "-o", str(out)]) == 0
    n = len(sample_analysis.directives)
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(out)
        ws = wb["任务清单"]
        assert [c.value for c in ws[1]] == list(COLUMNS)
        assert ws.max_row == n + 1 and ws.freeze_panes == "A2" and ws.auto_filter.ref
        assert ws.cell(row=2, column=3).alignment.wrap_text
        assert {"专项行动", "数量"} <= set(wb.sheetnames)
        assert_print_ready(ws, "任务清单")
        assert ws.print_area == "'任务清单'!$A$1:$I$" + str(n + 1)  # 原文 left out of print, as in the docx
        for name in ("专项行动", "数量"):
            assert_print_ready(wb[name], name)
            assert wb[name]["A1"].value == "序号"
        assert wb["数量"]["C2"].value in QUANTITY_KIND_ZH.values()  # 百分比, not percent
    elif suffix == ".docx":
        import docx
        from docx.oxml.ns import qn

        document = docx.Document(str(out))
        table = document.tables[0]
        assert len(table.rows) == n + 1
        assert table.rows[0].cells[0].text == "序号"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
        section = document.sections[0]
        assert section.page_width > section.page_height  # landscape
        run = table.rows[1].cells[2].paragraphs[0].runs[0]
        assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
        assert "PAGE" in section.footer._element.xml
    elif suffix == ".csv":
        data = out.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # BOM for Excel
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert len(rows) == n and list(rows[0]) == list(COLUMNS)
    else:
        rows = json.loads(out.read_text(encoding="utf-8"))
        assert len(rows) == n and rows[0]["序号"] == 1


def assert_print_ready(ws, title: str) -> None:
    """A4 landscape, one page wide and as long as needed, header row on every page, title and page numbers."""
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == "$1:$1"
    assert title in ws.oddHeader.center.text and "&P" in ws.oddFooter.center.text
    assert ws["A1"].value == "序号" or ws["A1"].value == "文件"


def test_unknown_format_is_refused(sample_txt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(sample_txt), "-o", str(tmp_path / "tasks.pdf")]) == 2
    assert "unsupported task-list format" in capsys.readouterr().err


def test_docx_columns_are_as_wide_as_their_content(sample_analysis) -> None:
    rows = task_rows(sample_analysis)
    widths = column_widths(rows)
    total = PAGE_CM[0] - 2 * MARGIN_CM
    assert list(widths) == list(DOCX_COLUMNS)
    assert sum(widths.values()) == pytest.approx(total, abs=0.05)
    assert widths["任务内容"] >= 0.4 * total - 0.01
    assert widths["任务内容"] == max(widths.values())
    assert widths["序号"] < widths["章节"] and widths["力度"] < widths["关联专项行动"]
    # an empty column gets no more than its header needs; long tasks do not widen the short columns
    empty = column_widths([{**r, "责任单位": ""} for r in rows])
    assert empty["责任单位"] < widths["责任单位"] and empty["任务内容"] > widths["任务内容"]


def test_docx_grid_and_merged_sections(sample_analysis, tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    out = tmp_path / "tasks.docx"
    out.write_bytes(to_docx(sample_analysis))
    table = docx.Document(str(out)).tables[0]
    grid = [int(c.get(qn("w:w"))) / 1440 * 2.54 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == pytest.approx(list(column_widths(task_rows(sample_analysis)).values()), abs=0.01)
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    # 章节 is written once over the run of tasks it heads
    sections = [r["章节"] for r in task_rows(sample_analysis)]
    runs = sum(1 for i, s in enumerate(sections) if s and (i == 0 or sections[i - 1] != s))
    restarts = [c for c in table._tbl.iter(qn("w:vMerge")) if c.get(qn("w:val")) == "restart"]
    assert len(restarts) == runs < len(sections)
    assert table.rows[1].cells[1].text == sections[0]


ZHEJIANG = CORPUS / "provincial" / "2025" / "zj.txt"


@needs_shared()
def test_zhejiang_task_list_prints_on_at_most_20_pages(tmp_path: Path) -> None:
    """The 173 tasks of the Zhejiang 2025 report took 47 pages with nine equal columns."""
    from nlp.pipeline import analyze

    analysis = analyze(ZHEJIANG)
    out = tmp_path / "zj.docx"
    out.write_bytes(to_docx(analysis))
    widths = column_widths(task_rows(analysis))
    assert widths["任务内容"] >= 0.4 * sum(widths.values()) - 0.01
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return  # the widths above are what makes it fit; rendering needs LibreOffice
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=300)
    import pdfplumber

    with pdfplumber.open(tmp_path / "zj.pdf") as pdf:
        pages = len(pdf.pages)
    assert pages <= 20, pages


def test_a_document_without_title_is_named_by_its_file(tmp_path: Path) -> None:
    """22 documents of the corpus archive have no title line (the national reports of 2000-2019, 2025, 2026)."""
    import docx

    from nlp.export.report import to_html
    from nlp.export.text_out import summary
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes("各位代表：\n一、今年工作安排\n各地要抓紧落实。\n".encode(), "national/gwr_2019.txt",
                                           ".txt"))
    assert analysis.document.title is None
    assert document_title(analysis) == "gwr_2019"
    out = tmp_path / "t.docx"
    out.write_bytes(to_docx(analysis))
    assert docx.Document(str(out)).paragraphs[0].text == "gwr_2019任务分解表"
    assert "<title>gwr_2019</title>" in to_html(analysis)
    assert summary(analysis).startswith("# gwr_2019\n")


def test_a_word_task_table_becomes_the_task_list(tmp_path: Path) -> None:
    """A 任务分解表 laid out as a Word table: one task per row, its 牵头单位 as 责任单位 and its 完成时限 normalised."""
    import docx

    document = docx.Document()
    document.add_paragraph("青禾县2025年重点工作任务分解表")
    table = document.add_table(rows=1, cols=5)
    for cell, head in zip(table.rows[0].cells, ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], strict=True):
        cell.text = head
    for values in (("1", "新建高标准农田3万亩", "县农业农村局", "县财政局", "2025年10月底"),
                   ("2", "开展安全生产治本攻坚三年行动", "县应急管理局", "县直有关部门", "持续推进")):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    # a category merged down over two rows, their numbers merged, a group row merged across, a unit merged down
    group = table.add_row()
    group.cells[0].merge(group.cells[4]).text = "二、重点项目"
    for values in (("3", "新开工重大项目30个", "县发改委", "各乡镇", "2025年6月底"),
                   ("", "争取专项债券10亿元", "", "县财政局", "2025.9")):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    rows = table.rows
    rows[4].cells[0].merge(rows[5].cells[0])
    rows[4].cells[2].merge(rows[5].cells[2])
    path, out = tmp_path / "tasks.docx", tmp_path / "tasks.csv"
    document.save(str(path))
    assert main(["tasks", str(path), "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["任务内容"], r["责任单位"], r["完成时限"]) for r in rows] == [
        ("新建高标准农田3万亩", "县农业农村局", "2025年10月31日前"),
        ("开展安全生产治本攻坚三年行动", "县应急管理局", ""),
        ("新开工重大项目30个", "县发改委", "2025年6月30日前"),
        ("争取专项债券10亿元", "县发改委", "2025年9月30日前"),
    ]


def test_a_task_table_framed_in_a_one_cell_table(tmp_path: Path) -> None:
    """A document laid out in a frame (a table of one cell) holding its title and its task table: read as if the
    frame were not there, not flattened into one cell."""
    import docx

    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "青禾县2025年重点工作任务分解表"
    table = frame.add_table(rows=1, cols=4)
    for cell, head in zip(table.rows[0].cells, ["序号", "重点任务", "牵头单位", "完成时限"], strict=True):
        cell.text = head
    for cell, value in zip(table.add_row().cells, ("1", "新建高标准农田3万亩", "县农业农村局", "2025年10月底"), strict=True):
        cell.text = value
    path, out = tmp_path / "framed.docx", tmp_path / "tasks.csv"
    document.save(str(path))
    assert main(["tasks", str(path), "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["任务内容"], r["责任单位"], r["完成时限"]) for r in rows] == [
        ("新建高标准农田3万亩", "县农业农村局", "2025年10月31日前")]


def test_a_table_rows_task_and_target_read_as_one_task_with_a_space() -> None:
    from nlp.export.tasks import task_rows
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = "某县2025年度目标责任考核指标\n序号\t指标名称\t目标值\t分值\t责任单位\n1\t城镇新增就业\t2800人以上\t3\t县人社局\n"
    analysis = analyze_document(read_bytes(text.encode(), "t.txt", ".txt"))
    [row] = task_rows(analysis)
    assert row["任务内容"] == "城镇新增就业 2800人以上" and row["责任单位"] == "县人社局"
    assert analysis.directives[0].text == "城镇新增就业\t2800人以上"  # (the analysis keeps the text as it stands)
