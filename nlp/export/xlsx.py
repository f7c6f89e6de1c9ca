"""The one way this project lays out a worksheet: a bold shaded header, wrapped cells, set widths,
frozen header and an auto-filter, and a page setup ready to print (A4 landscape, one page wide, the header
row on every page, page numbers). Every value is written inert: text is text, never a formula."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from nlp.export.inert import xlsx_value
from nlp.ingest.own import GENERATOR, office_identifier

DEFAULT_WIDTH = 14


def new_workbook(write_only: bool = False) -> Any:
    """A workbook; `write_only` streams its sheets' rows to disk as they are written (the archive's task list
    of 33,000 rows in seconds), at the price of sheets that are written once, top to bottom."""
    from openpyxl import Workbook

    return Workbook(write_only=write_only)


def fill_sheet(ws: Any, columns: Sequence[str], rows: Iterable[Sequence[Any]], widths: dict[str, int] | None = None,
               freeze: str = "A2", title: str | None = None, not_printed: Sequence[str] = ()) -> None:
    """Write a header and rows into `ws` (of a workbook, write-only or not), style them and set up the page;
    `rows` hold values in the order of `columns`. `title` heads every printed page; `not_printed` are trailing
    columns left out of the print area (the 原文 of a task list, which the docx leaves out too)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    widths = widths or {}
    for i, c in enumerate(columns, 1):  # before the first row: a write-only sheet writes its columns first
        ws.column_dimensions[get_column_letter(i)].width = widths.get(c, DEFAULT_WIDTH)
    ws.freeze_panes = freeze
    print_setup(ws, title)  # before the first row too: a write-only sheet writes its page properties first
    bold, shade = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    centre, wrap = Alignment(horizontal="center", vertical="center"), Alignment(wrap_text=True, vertical="top")
    if isinstance(ws, WriteOnlyWorksheet):
        def cell(value: Any, header: bool = False) -> Any:
            c = WriteOnlyCell(ws, value=xlsx_value(value))
            if c.data_type == "f":  # openpyxl takes a string starting with = for a formula: text it is
                c.data_type = "s"
            if header:
                c.font, c.fill, c.alignment = bold, shade, centre
            else:
                c.alignment = wrap
            return c

        ws.append([cell(c, header=True) for c in columns])
        count = 0
        for row in rows:
            ws.append([cell(v) for v in row])
            count += 1
    else:
        ws.append(list(columns))
        for c in ws[1]:
            c.font, c.fill, c.alignment = bold, shade, centre
        count = 0
        # cells addressed by number: ws.max_row and ws[n] scan every cell, which made a 33,000-row archive
        # export run for over a quarter of an hour
        for count, row in enumerate(rows, 1):
            values = [xlsx_value(v) for v in row]
            ws.append(values)
            for col in range(1, len(values) + 1):
                c = ws.cell(row=count + 1, column=col)
                c.alignment = wrap
                if c.data_type == "f":
                    c.data_type = "s"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    printed = [c for c in columns if c not in not_printed]
    ws.print_area = f"A1:{get_column_letter(len(printed))}{count + 1}"


def print_setup(ws: Any, title: str | None = None) -> None:
    """Set up `ws` to print: A4 landscape, fit to one page wide (as many pages long as needed), the header row
    repeated on every page, `title` in the page header, 第 N 页 共 M 页 in the footer."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.worksheet import Worksheet

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages long as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.6, header=0.3, footer=0.3)  # inches
    if title:
        ws.oddHeader.center.text = title.replace("&", "&&")  # & starts a header code
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def to_bytes(wb: Any, source: str | None = None, path: str = "", title: str | None = None) -> bytes:
    """The workbook's file, naming the tool as its author and last to save it, and the document it was made from
    (`source`, its SHA-256, and `path`; None: kept as loaded; "": of many) as its identifier (`nlp.ingest.own`)."""
    wb.properties.creator = wb.properties.lastModifiedBy = GENERATOR
    if source is not None:
        wb.properties.identifier = office_identifier(source, path, title)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
