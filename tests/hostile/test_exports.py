"""Exports are inert: sentences that start like formulas stay text, control characters never break a file."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from hostile import generators as g

from nlp.cli import main
from nlp.export.inert import csv_value, for_terminal, one_line, strip_controls


def _cells(path: Path) -> list:
    from openpyxl import load_workbook

    return [c for ws in load_workbook(path) for row in ws.iter_rows() for c in row]


@pytest.mark.parametrize("make", [g.formulas, g.control_characters], ids=["formulas", "control characters"])
def test_exports_are_inert(make, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = make(tmp_path)
    for suffix in (".xlsx", ".docx", ".csv", ".json"):
        assert main(["tasks", str(doc), "-o", str(tmp_path / f"tasks{suffix}")]) == 0
    assert main(["compare", str(doc), str(g.SAMPLE_TXT), "-o", str(tmp_path / "matrix.xlsx")]) == 0
    assert main(["compare", str(doc), str(g.SAMPLE_TXT), "-o", str(tmp_path / "matrix.html")]) == 0
    assert main(["report", str(doc), "-o", str(tmp_path / "report.html")]) == 0
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(doc, folder)
    assert main(["batch", str(folder), "--db", str(tmp_path / "a.sqlite")]) == 0
    assert main(["export", "--db", str(tmp_path / "a.sqlite"), "-o", str(tmp_path / "all.xlsx")]) == 0
    capsys.readouterr()
    for name in ("tasks.xlsx", "matrix.xlsx", "all.xlsx"):
        cells = _cells(tmp_path / name)
        assert not [c for c in cells if c.data_type == "f"], name  # no formula anywhere
        values = [c.value for c in cells if isinstance(c.value, str)]
        assert not [v for v in values if strip_controls(v) != v], name
        if make is g.formulas:
            assert any(v.startswith("=HYPERLINK(") for v in values), name  # kept, as text
    rows = list(csv.reader(io.StringIO((tmp_path / "tasks.csv").read_text(encoding="utf-8-sig"))))
    for row in rows[1:]:
        assert not [v for v in row if v[:1] in ("=", "+", "-", "@", "\t", "\r")], row
    if make is g.formulas:
        assert any(v.startswith("'=HYPERLINK(") for row in rows for v in row)
        assert any(v.startswith("'+cmd|") for row in rows for v in row)
    for name in ("matrix.html", "report.html"):
        assert "\x1b" not in (tmp_path / name).read_text(encoding="utf-8")


def test_inert_helpers() -> None:
    assert csv_value("=1+1") == "'=1+1" and csv_value("-2+3") == "'-2+3" and csv_value("@SUM(A1)") == "'@SUM(A1)"
    assert csv_value("要加强") == "要加强" and csv_value(3) == 3
    assert for_terminal("a\x1b[2Jb\u202ec\nd") == "a\\x1b[2Jb\\u202ec\nd"
    assert one_line("a\nb\rc") == "a\\x0ab\\x0dc"
