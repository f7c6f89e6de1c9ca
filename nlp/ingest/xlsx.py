"""Excel reader: a workbook's visible sheets as lines of tab-joined cells, the way a task ledger (督办台账) is read.

Offices keep task lists and ledgers in Excel. Each visible row becomes one line, its cells joined by tabs as the
Word reader writes a table row (nlp/ingest/docx.py), so that the task tables of nlp/segment/tables.py find its
header, its task column, its units and its time limits. A cell merged down the rows holds its text on every row
(as a reader sees it); a cell merged across columns holds it in its first column, the others empty. Hidden rows,
columns and sheets are left out. Values are written as Excel shows them: dates as 2025年6月30日 (or 2025年6月
where the format has no day), percentages with their %, whole numbers without a decimal point, a formula by the
value Excel last computed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from nlp.budget import MAX_CHARS, MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, BudgetError, check_chars
from nlp.errors import InputError
from nlp.ingest.paragraphs import ROW_STRIP, WHITESPACE, ZERO_WIDTH, Para
from nlp.ingest.safety import load_package, verify_zip

DEFAULT_SHEET = re.compile(r"(?:sheet|工作表)\s*\d*", re.IGNORECASE)  # a sheet's name Excel gave it
LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")
DAY_FORMAT = re.compile(r"d", re.IGNORECASE)
FORMAT_NOISE = re.compile(r'\[[^\]]*\]|"[^"]*"|\\.')  # a format's locale and colour codes, quoted text, escapes
CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")  # a cell element, however written (<c r=, <c\nr=, <x:c …)
MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})\"")


WORKBOOK = "xl/workbook.xml"  # the part that makes a zip an Excel workbook


def _value(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return LINE_BREAK.sub(" ", value).strip(WHITESPACE)  # (a break in a cell: as a new paragraph, as in Word)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date):
        fmt = FORMAT_NOISE.sub("", (cell.number_format or "").split(";")[0])  # ([DBNum1][$-804], "年": no day)
        shown = f"{value.year}年{value.month}月"
        # (a format without a day shows a month; yyyy-mm-dd, m/d/yy and the General of a typed date show the day)
        return shown + f"{value.day}日" if DAY_FORMAT.search(fmt) or fmt.lower() == "general" else shown
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        if "%" in (cell.number_format or ""):
            value = value * 100
            return f"{value:.15g}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return f"{value:.15g}"
    return str(value)


def read_xlsx(data: bytes, path: str, max_chars: int = MAX_CHARS) -> tuple[list[Para], str]:
    """Return the paragraphs (one per visible row) and the source text of an .xlsx workbook."""
    names = verify_zip(data, path)  # every part inflated and counted once before openpyxl sees it
    if WORKBOOK not in names:
        raise InputError(path, "the zip has no xl/workbook.xml, so it is not an Excel workbook",
                         "save it as .xlsx from Excel or WPS")
    import openpyxl  # imported only when a workbook is read
    from openpyxl.utils.exceptions import InvalidFileException

    _check_size(names, path)

    book = load_package(lambda f: openpyxl.load_workbook(f, data_only=True), data, path, "Excel",
                        (InvalidFileException, TypeError))
    sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible" and hasattr(ws, "merged_cells")]
    source_parts: list[str] = []
    paras: list[Para] = []
    pos = 0

    def add(text: str) -> None:
        nonlocal pos
        para = Para.of(text, pos).drop(ZERO_WIDTH).strip(ROW_STRIP)
        source_parts.append(text + "\n")
        pos += len(text) + 1
        check_chars(pos, path, max_chars)
        if len(para):
            paras.append(para)

    for ws in sheets:
        rows = _rows(ws, path)
        if not rows:
            continue
        if paras and not DEFAULT_SHEET.fullmatch(ws.title.strip()):
            add(ws.title.strip())  # a later sheet's name, where it was given one (填报说明, 2024年): its heading
        for row in rows:
            add("\t".join(row))
    return paras, "".join(source_parts)


def _check_size(parts: dict[str, bytes], path: str) -> None:
    """Refuse sheets holding, or merging, more cells than a sheet may have, before openpyxl creates one object for
    each (a few bytes of XML can merge A1:XFD1048576)."""
    cells = covered = 0
    for name, xml in parts.items():
        if not name.startswith("xl/worksheets/"):
            continue
        cells += len(CELL_TAG.findall(xml))
        for m in MERGE_REF.finditer(xml):
            cols = abs(_column(m.group(3).decode()) - _column(m.group(1).decode())) + 1
            rows = abs(int(m.group(4)) - int(m.group(2))) + 1
            covered += cols * rows
            if covered > MAX_SHEET_CELLS:
                raise BudgetError(path, f"its merged cells cover more than {MAX_SHEET_CELLS:,} cells",
                                  "this is not an ordinary workbook; unmerge or split it")
    if cells > MAX_SHEET_CELLS:
        raise BudgetError(path, f"its sheets hold more than {MAX_SHEET_CELLS:,} cells",
                          "this is not an ordinary workbook; split it")


def _rows(ws: Any, path: str) -> list[list[str]]:
    """Return the visible rows of a sheet as lists of cell texts, one per visible column up to the last used one;
    empty rows left out. Only the cells the sheet holds are visited (openpyxl's map of them, `_cells`): a sheet
    with one cell at A1 and one at B950000 costs two, not 1.9 million."""
    held: dict[tuple[int, int], str] = {}
    for (r, c), cell in ws._cells.items():  # (the sparse map: iter_rows would walk every empty cell)
        if (text := _value(cell)):
            held[(r, c)] = text
    for merged in ws.merged_cells.ranges:  # (its area checked before the workbook was loaded)
        top = held.get((merged.min_row, merged.min_col), "")
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if top and c == merged.min_col:
                    held[(r, c)] = top  # a cell merged down the rows holds its text on each (as a reader sees it)
                else:
                    held.pop((r, c), None)
    hidden_cols: set[int] = set()
    for key, dim in ws.column_dimensions.items():
        if dim.hidden:  # (a range of columns is stored once, under its first letter)
            first = dim.min or _column(key)
            hidden_cols.update(range(first, (dim.max or first) + 1))
    hidden_rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
    by_row: dict[int, dict[int, str]] = {}
    for (r, c), text in held.items():
        if r not in hidden_rows and c not in hidden_cols:
            by_row.setdefault(r, {})[c] = text
    if not by_row:
        return []
    # the columns that hold something, in order (a column empty in every row, header too, holds nothing to lose:
    # a stray 备注 in column 300 is the table's next column)
    shown = sorted({c for cells in by_row.values() for c in cells})
    if len(shown) > MAX_SHEET_COLUMNS:
        raise BudgetError(path, f"a sheet uses {len(shown):,} columns, more than {MAX_SHEET_COLUMNS}",
                          "this is not an ordinary workbook; split it")
    return [[by_row[r].get(c, "") for c in shown] for r in sorted(by_row)]


def _column(letters: str) -> int:
    """A column's number from its letters (A 1, XFD 16384)."""
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letters)
