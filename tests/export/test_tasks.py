"""The task list: one row per directive, in order, round-tripping through openpyxl and python-docx."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from nlp.cli import main
from nlp.export.tasks import COLUMNS, task_rows


def test_rows_follow_the_directives(sample_analysis) -> None:
    rows = task_rows(sample_analysis)
    assert [r["任务内容"] for r in rows] == [d.text for d in sample_analysis.directives]
    assert [r["序号"] for r in rows] == list(range(1, len(rows) + 1))
    by_text = {r["任务内容"]: r for r in rows}
    row = by_text["刑侦大队要在6月底前完成命案积案的集中攻坚，实现命案积案侦破零的突破。"]
    assert row["责任单位"] == "刑侦大队"
    assert row["完成时限"] == "2024年6月30日前"
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


def test_unknown_format_is_refused(sample_txt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(sample_txt), "-o", str(tmp_path / "tasks.pdf")]) == 2
    assert "unsupported task-list format" in capsys.readouterr().err
