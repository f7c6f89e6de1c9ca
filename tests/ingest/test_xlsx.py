"""Excel workbooks: a task ledger (督办台账) read as a table, its tasks with their units and time limits."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from fixturegen import file_of

from nlp.cli import main
from nlp.ingest import read_document
from nlp.pipeline import analyze
from nlp.serve.messages import zh


def _ledger(path: Path) -> Path:
    """A county's ledger as offices make it: an annex mark, a title merged across, a two-row header (责任单位 over
    牵头单位 and 配合单位, the other names merged down), group rows merged across, a 牵头单位 merged down two
    rows, a date, a month, a percentage, a hidden row, a sheet of instructions and a hidden sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "台账"
    ws.append(["附件1"])
    ws.append(["青禾县2025年重点工作任务督办台账"])
    ws.merge_cells("A2:H2")
    ws.append(["序号", "工作任务", "具体内容", "责任单位", None, "完成时限", "进展情况", "备注"])
    ws.append([None, None, None, "牵头单位", "配合单位", None, None, None])
    for col in "ABCFGH":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("D3:E3")
    ws.append(["一、扩大有效投资"])
    ws.merge_cells("A5:H5")
    ws.append([1, "重大项目", "新开工亿元以上项目20个，完成投资35亿元。", "县发展改革局", "各乡镇\n县财政局",
               dt.datetime(2025, 12, 31), None, None])
    ws.append([2, "专项债券", "争取专项债券额度8亿元以上。", None, "县财政局", "6月底前", None, None])
    ws.merge_cells("D6:D7")
    ws.append(["二、加强民生保障"])
    ws.merge_cells("A8:H8")
    ws.append([3, "就业", "城镇新增就业2800人。", "县人社局", None, dt.datetime(2025, 9, 1), None, None])
    ws["F9"].number_format = "yyyy年m月"
    ws.append([4, "养老", "养老服务设施覆盖率达到90%。", "县民政局", None, "全年", 0.85, 3.0])
    ws["G10"].number_format = "0%"
    ws.append([5, "隐藏", "这一行是隐藏的任务。", "县某局", None, "全年", None, None])
    ws.row_dimensions[11].hidden = True
    notes = book.create_sheet("填报说明")
    notes.append(["各牵头单位要于每月25日前填报进展情况。"])
    hidden = book.create_sheet("备份")
    hidden.sheet_state = "hidden"
    hidden.append(["隐藏工作表的内容。"])
    book.save(path)
    return path


def test_a_ledger_reads_as_rows_of_cells(tmp_path: Path) -> None:
    doc = read_document(_ledger(tmp_path / "台账.xlsx"))
    lines = doc.text.split("\n")
    assert doc.format == "xlsx"
    assert doc.title == "青禾县2025年重点工作任务督办台账"  # not the 附件1 above it
    assert lines[3] == "序号\t工作任务\t具体内容\t牵头单位\t配合单位\t完成时限\t进展情况\t备注"  # merged down
    assert "1\t重大项目\t新开工亿元以上项目20个，完成投资35亿元。\t县发展改革局\t各乡镇 县财政局\t2025年12月31日\t\t" \
        in lines
    assert "2\t专项债券\t争取专项债券额度8亿元以上。\t县发展改革局\t县财政局\t6月底前\t\t" in lines  # merged down
    assert "3\t就业\t城镇新增就业2800人。\t县人社局\t\t2025年9月\t\t" in lines  # a month format shows no day
    assert "4\t养老\t养老服务设施覆盖率达到90%。\t县民政局\t\t全年\t85%\t3" in lines
    assert "隐藏" not in doc.text
    assert lines[-2:] == ["填报说明", "各牵头单位要于每月25日前填报进展情况。"]  # a later sheet under its name


def test_a_ledgers_rows_are_its_tasks(tmp_path: Path) -> None:
    analysis = analyze(_ledger(tmp_path / "台账.xlsx"))
    got = {d.text: (d.actors, d.deadline.normalized if d.deadline else None) for d in analysis.directives}
    assert got["新开工亿元以上项目20个，完成投资35亿元。"] == (("县发展改革局",), "2025-12-31")
    assert got["争取专项债券额度8亿元以上。"] == (("县发展改革局",), "2025-06-30")
    assert got["城镇新增就业2800人。"] == (("县人社局",), "2025-09-30")
    # a group's title across the table is no task (its rows are), nor how to fill the ledger in (a sheet 填报说明)
    assert not [t for t in got if t.startswith(("一、", "二、", "各牵头单位"))], got


def test_a_pasted_two_row_header_still_makes_a_task_table(tmp_path: Path) -> None:
    # (as text, a header's second row keeps only the names under the merged one: the table was lost before)
    path = tmp_path / "ledger.txt"
    path.write_text("青禾县2025年重点任务台账\n序号\t重点任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n"
                    "1\t新建污水管网12公里。\t县住建局\t各乡镇\t2025年10月\n"
                    "2\t完成农村改厕1500户。\t县农业农村局\t县卫健局\t2025年12月31日\n", encoding="utf-8")
    got = {d.text: (d.actors, d.deadline.normalized if d.deadline else None) for d in analyze(path).directives}
    assert got == {"新建污水管网12公里。": (("县住建局",), "2025-10-31"),
                   "完成农村改厕1500户。": (("县农业农村局",), "2025-12-31")}


def _xlsx_with(path: Path, sheet_xml: str) -> Path:
    """A workbook of one sheet whose XML is `sheet_xml`, written as openpyxl writes one."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "标题"
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            z.writestr(item.filename, data)
    return path


SHEET = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData>'
         '{merges}</worksheet>')


def _merged_bomb(tmp: Path) -> Path:
    return _xlsx_with(tmp / "merged.xlsx", SHEET.format(
        cells='<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c></row>',
        merges='<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))


def _far_cell(tmp: Path) -> Path:
    return _xlsx_with(tmp / "far.xlsx", SHEET.format(
        cells='<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c></row>'
              '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末</t></is></c></row>', merges=""))


def _many_cells(tmp: Path) -> Path:
    # (a line break after <c: valid XML that openpyxl loads, which a count of "<c " missed)
    cells = "".join(f'<row r="{r}"><c\nr="A{r}"><v>{r}</v></c></row>' for r in range(1, 200_002))
    return _xlsx_with(tmp / "many.xlsx", SHEET.format(cells=cells, merges=""))


def _not_excel(tmp: Path) -> Path:
    path = tmp / "other.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("content.xml", "<x/>")
    return path


@pytest.mark.parametrize(("make", "message"), [
    (file_of("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000), "save it as .xlsx"),
    (file_of("broken.xlsx", b"not a zip at all, just text"), "not a valid .xlsx"),
    (_not_excel, "not a Word document"),  # a zip with neither: said as for any zip that is no document
    (file_of("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000), "save it as .xlsx"),
    (_merged_bomb, "merged cells cover more than 200,000 cells"),
    (_many_cells, "its sheets hold more than 200,000 cells"),
], ids=["legacy xls", "not a zip", "zip of neither", "legacy xls named .xlsx", "merged A1:XFD1048576",
        "200,001 cells written <c\\nr=…>"])
def test_bad_workbooks_get_one_clear_line(make, message: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = make(tmp_path)
    code = main(["analyze", str(path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and message in err[0], err
    assert not zh(err[0].removeprefix("nlp: error: ").split(": ", 1)[1]).isascii()  # said in Chinese on the web


def test_a_stray_cell_far_away_is_the_tables_next_column(tmp_path: Path) -> None:
    # (a cell at XFD1048576: the columns between hold nothing, and are no columns of the text)
    doc = read_document(_far_cell(tmp_path))
    assert doc.text == "任务\t\n\t末"


def test_a_sparse_sheet_costs_its_cells_not_its_extent(tmp_path: Path) -> None:
    # (a cell at A1 and one at B950000, on four sheets: the rows between them were walked one by one before)
    cells = ('<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c></row>'
             '<row r="950000"><c r="B950000" t="inlineStr"><is><t>末行</t></is></c></row>')
    doc = read_document(_xlsx_with(tmp_path / "sparse.xlsx", SHEET.format(cells=cells, merges="")))
    assert doc.text == "任务\t\n\t末行"


def test_hidden_column_ranges_and_month_formats(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "内部编号", "内部备注", "重点任务", "完成时限"])
    ws.append([1, "A-17", "不公开", "新建农村公路50公里", dt.datetime(2025, 10, 15)])
    ws["E2"].number_format = '[DBNum1][$-804]yyyy"年"m"月"'  # (a d inside its locale code is no day)
    ws.column_dimensions.group("B", "C", hidden=True)  # stored once, as one range
    book.save(tmp_path / "hidden.xlsx")
    doc = read_document(tmp_path / "hidden.xlsx")
    assert doc.text.split("\n") == ["序号\t重点任务\t完成时限", "1\t新建农村公路50公里\t2025年10月"]
