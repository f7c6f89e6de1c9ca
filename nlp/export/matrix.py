"""The comparison as a status matrix (directives and targets × documents), in xlsx or a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nlp.export.inert import html_escape
from nlp.export.xlsx import fill_sheet, new_workbook, to_bytes
from nlp.ingest.own import html_marks
from nlp.labels import STATUS_ZH
from nlp.match.compare import document_names
from nlp.types import Comparison, DirectiveResult, TargetResult

COLOURS = {"met": "C6EFCE", "partial": "FFEB9C", "not_met": "FFC7CE", "unknown": "EDEDED"}


def _matrix_rows(comparison: Comparison) -> list[tuple[str, str, Sequence[TargetResult | DirectiveResult]]]:
    """(kind, text, results per document) for every target and directive."""
    rows: list[tuple[str, str, Sequence[TargetResult | DirectiveResult]]]
    rows = [("目标", t.text, t.results) for t in comparison.targets]
    rows += [("任务", d.text, d.results) for d in comparison.directives]
    return rows


def _cell(r: TargetResult | DirectiveResult) -> str:
    """The status of a cell, with the figure a document states for a target: 完成 4.8%."""
    if isinstance(r, TargetResult) and r.value is not None:
        return f"{STATUS_ZH[r.status]} {r.value:g}{r.unit or ''}"
    return STATUS_ZH[r.status]


def _basis(r: TargetResult | DirectiveResult) -> str:
    """The evidence behind a cell: the sentences found, or the figure stated."""
    if isinstance(r, DirectiveResult):
        return "\n".join(e.text for e in r.evidence)
    return r.text or ""


def to_xlsx(comparison: Comparison) -> bytes:
    """Sheet 矩阵: statuses coloured by kind; sheet 证据: the evidence and figures behind each cell."""
    from openpyxl.styles import PatternFill

    names = document_names(comparison)
    rows = _matrix_rows(comparison)
    title = comparison.base.title or Path(comparison.base.path).stem
    wb = new_workbook()
    ws = wb.active
    ws.title = "矩阵"
    fill_sheet(ws, ("序号", "类型", "内容", *names), ([n, kind, text, *(_cell(r) for r in results)]
                                                  for n, (kind, text, results) in enumerate(rows, 1)),
               {"序号": 6, "类型": 6, "内容": 60, **dict.fromkeys(names, 14)}, freeze="D2", title=f"{title} 落实情况")
    for n, (_, _, results) in enumerate(rows, 2):
        for col, r in enumerate(results, 4):
            ws.cell(row=n, column=col).fill = PatternFill("solid", fgColor=COLOURS[r.status])

    def evidence() -> Any:
        n = 0
        for kind, text, results in rows:
            for r in results:
                n += 1
                yield [n, kind, text, names[r.document], STATUS_ZH[r.status], r.score, _basis(r)]

    fill_sheet(wb.create_sheet("证据"), ("序号", "类型", "内容", "单位", "状态", "得分", "依据"), evidence(),
               {"序号": 6, "类型": 6, "内容": 50, "单位": 14, "状态": 10, "得分": 8, "依据": 70},
               title=f"{title} 落实情况证据")
    return to_bytes(wb, comparison.base.sha256, comparison.base.path, comparison.base.title)


def to_html(comparison: Comparison) -> str:
    """A self-contained page (no network): the matrix with coloured statuses and the evidence on hover."""
    names = document_names(comparison)
    esc = html_escape
    head = "".join(f"<th>{esc(n)}</th>" for n in names)
    body = []
    for kind, text, results in _matrix_rows(comparison):
        cells = []
        for r in results:
            cells.append(f'<td class="{r.status}" title="{esc(_basis(r))}">{esc(_cell(r))}</td>')
        body.append(f"<tr><td>{kind}</td><td class=\"text\">{esc(text)}</td>{''.join(cells)}</tr>")
    css = " ".join(f"td.{k}{{background:#{v}}}" for k, v in COLOURS.items())
    title = esc(comparison.base.title or Path(comparison.base.path).stem)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">{html_marks(comparison.base.sha256, comparison.base.path, comparison.base.title)}<title>{title} 落实情况</title>
<style>body{{font-family:"PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em}}
table{{border-collapse:collapse}} th,td{{border:1px solid #bbb;padding:4px 8px;vertical-align:top}}
th{{background:#DDEBF7;position:sticky;top:0}} td.text{{max-width:40em}} {css}</style></head>
<body><h1>{title}</h1><p>落实情况：{esc("；".join(names))}</p>
<table><thead><tr><th>类型</th><th>内容</th>{head}</tr></thead><tbody>
{chr(10).join(body)}
</tbody></table></body></html>
"""
