"""The one way this project lays out a worksheet: a bold shaded header, wrapped cells, set widths,
frozen header and an auto-filter. Every value is written inert: text is text, never a formula."""

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
               freeze: str = "A2") -> None:
    """Write a header and rows into `ws` and style them; `rows` hold values in the order of `columns`."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    widths = widths or {}
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append([xlsx_value(v) for v in row])
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
            if cell.data_type == "f":  # openpyxl takes a string starting with = for a formula
                cell.data_type = "s"
    for i, c in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(c, DEFAULT_WIDTH)
    ws.freeze_panes = freeze
    ws.auto_filter.ref = ws.dimensions


def to_bytes(wb: Any) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
