"""The one way this project lays out a worksheet: a bold shaded header, wrapped cells, set widths,
frozen header and an auto-filter, and a page setup ready to print (A4 landscape, one page wide, the header
row on every page, page numbers). Every value is written inert: text is text, never a formula."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from nlp.export.inert import xlsx_value

DEFAULT_WIDTH = 14


def new_workbook() -> Any:
    from openpyxl import Workbook

    return Workbook()


def fill_sheet(ws: Any, columns: Sequence[str], rows: Iterable[Sequence[Any]], widths: dict[str, int] | None = None,
               freeze: str = "A2", title: str | None = None, not_printed: Sequence[str] = ()) -> None:
    """Write a header and rows into `ws`, style them and set up the page; `rows` hold values in the order of
    `columns`. `title` heads every printed page; `not_printed` are trailing columns left out of the print area
    (the 原文 of a task list, which the docx leaves out too)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    widths = widths or {}
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    # cells addressed by number: ws.max_row and ws[n] scan every cell, which made a 33,000-row archive
    # export run for over a quarter of an hour
    for n, row in enumerate(rows, 2):
        values = [xlsx_value(v) for v in row]
        ws.append(values)
        for col in range(1, len(values) + 1):
            cell = ws.cell(row=n, column=col)
            cell.alignment = wrap
            if cell.data_type == "f":  # openpyxl takes a string starting with = for a formula
                cell.data_type = "s"
    for i, c in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(c, DEFAULT_WIDTH)
    ws.freeze_panes = freeze
    ws.auto_filter.ref = ws.dimensions
    printed = [c for c in columns if c not in not_printed]
    print_setup(ws, title, len(printed) if len(printed) < len(columns) else None)


def print_setup(ws: Any, title: str | None = None, columns: int | None = None) -> None:
    """Set up `ws` to print: A4 landscape, fit to one page wide (as many pages long as needed), the header row
    repeated on every page, `title` in the page header, 第 N 页 共 M 页 in the footer; `columns` limits the
    print area to the first columns."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages long as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.6, header=0.3, footer=0.3)  # inches
    if title:
        ws.oddHeader.center.text = title.replace("&", "&&")  # & starts a header code
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    if columns:
        ws.print_area = f"A1:{get_column_letter(columns)}{max(ws.max_row, 1)}"


def to_bytes(wb: Any) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
