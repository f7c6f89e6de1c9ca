"""The task list (任务清单 / 督办台账): one row per directive, in document order, as csv, json, xlsx or docx."""

from __future__ import annotations

import csv
import io
import json
from bisect import bisect_right
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from nlp.export.xlsx import fill_sheet, new_workbook, to_bytes
from nlp.labels import MODALITY_ZH, deadline_zh
from nlp.segment.sentences import paragraphs
from nlp.types import Analysis

COLUMNS = ("序号", "章节", "任务内容", "责任单位", "力度", "完成时限", "量化目标", "关联专项行动", "原文位置", "原文")
INHERITED_MARK = "（承上）"  # an actor taken from the context, not written in the directive
WIDTHS = {"序号": 6, "章节": 22, "任务内容": 48, "责任单位": 18, "力度": 6, "完成时限": 14, "量化目标": 18,
          "关联专项行动": 20, "原文位置": 9, "原文": 60}
NOT_A_TASK = "不是任务"  # a correction that leaves a directive out of the list
# what a person corrects: column -> value, and NOT_A_TASK; keyed by directive id (see nlp.batch.corrections)
Corrections = Mapping[str, Mapping[str, str]]


def task_rows(analysis: Analysis, corrections: Corrections | None = None) -> list[dict[str, Any]]:
    """Return the task list of an analysis: one dict per directive with the columns of COLUMNS.

    `corrections` maps a directive id to the columns a person changed: their values replace the extracted
    ones, and a directive marked NOT_A_TASK is left out (the rows are numbered without it)."""
    corrections = corrections or {}
    text = analysis.document.text
    spans = list(paragraphs(text))
    starts = [a for a, _ in spans]
    quantities = {q.id: q.text for q in analysis.quantities}
    campaigns = {c.id: c.name for c in analysis.campaigns}
    outline = analysis.outline
    rows = []
    for d in analysis.directives:
        fixed = corrections.get(d.id, {})
        if fixed.get(NOT_A_TASK):
            continue
        section = outline[d.section] if d.section is not None else None
        actors = list(d.actors) or [a + INHERITED_MARK for a in d.inherited_actors]
        deadline = deadline_zh(d.deadline.kind, d.deadline.normalized, d.deadline.text) if d.deadline else ""
        p = bisect_right(starts, d.start) - 1
        rows.append({
            "序号": len(rows) + 1,
            "章节": f"{section.marker}{section.title}" if section else "",
            "任务内容": d.text,
            "责任单位": "、".join(actors),
            "力度": MODALITY_ZH[d.modality],
            "完成时限": deadline,
            "量化目标": "；".join(quantities[q] for q in d.targets if q in quantities),
            "关联专项行动": "、".join(campaigns[c] for c in d.campaigns if c in campaigns),
            "原文位置": f"第{d.page}页" if d.page else f"第{p + 1}段",
            "原文": text[spans[p][0]:spans[p][1]] if p >= 0 else d.text,
        })
        rows[-1].update((k, v) for k, v in fixed.items() if k in COLUMNS and k not in ("序号", "原文位置", "原文"))
    return rows


def to_csv(analysis: Analysis, corrections: Corrections | None = None) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(task_rows(analysis, corrections))
    return out.getvalue().encode("utf-8-sig")


def to_json(analysis: Analysis, corrections: Corrections | None = None) -> bytes:
    return (json.dumps(task_rows(analysis, corrections), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(analysis: Analysis, corrections: Corrections | None = None) -> bytes:
    """A workbook: the task list (frozen header, filter, wrapped text), campaigns and quantities."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "任务清单"
    fill_sheet(ws, COLUMNS, ([row[c] for c in COLUMNS] for row in task_rows(analysis, corrections)), WIDTHS)
    fill_sheet(wb.create_sheet("专项行动"), ("名称", "类别", "提及次数", "首次出现", "组成"),
               ([c.name, c.kind, len(c.mentions), c.mentions[0].text if c.mentions else "", "、".join(c.members)]
                for c in analysis.campaigns), {"名称": 28, "组成": 40})
    fill_sheet(wb.create_sheet("数量"), ("原文", "类别", "数值", "单位", "限定", "指标", "主体", "掩码"),
               ([q.text, q.kind, json.dumps(q.value) if isinstance(q.value, list) else q.value, q.unit, q.qualifier,
                 q.metric, q.subject, "是" if q.masked else ""] for q in analysis.quantities),
               {"原文": 16, "指标": 24, "主体": 16})
    return to_bytes(wb)


def _east_asian(run: Any, font: str) -> None:
    """Set a run's font for Chinese text too (python-docx sets only the Latin font)."""
    from docx.oxml.ns import qn

    run.font.name = font
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


def to_docx(analysis: Analysis, corrections: Corrections | None = None) -> bytes:
    """A 任务分解表 in the conventions of official documents: A4 landscape, 黑体 title, 仿宋_GB2312 body,
    header row repeated on every page, page numbers."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(2.0)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(f"{analysis.document.title or '文件'}任务分解表")
    run.font.size = Pt(22)
    _east_asian(run, "方正小标宋简体")

    columns = [c for c in COLUMNS if c != "原文"]
    rows = task_rows(analysis, corrections)
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)  # the header row repeats on every page
    for cell, name in zip(header.cells, columns, strict=True):
        r = cell.paragraphs[0].add_run(name)
        r.font.size, r.font.bold = Pt(12), True
        _east_asian(r, "黑体")
    for row in rows:
        cells = table.add_row().cells
        for cell, name in zip(cells, columns, strict=True):
            r = cell.paragraphs[0].add_run(str(row[name]))
            r.font.size = Pt(11)
            _east_asian(r, "仿宋_GB2312")

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        r = footer.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            r._r.append(instr)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


WRITERS = {".csv": to_csv, ".json": to_json, ".xlsx": to_xlsx, ".docx": to_docx}


def write_tasks(analysis: Analysis, output: str | Path, corrections: Corrections | None = None) -> Path:
    """Write the task list in the format the file name asks for; refuse other suffixes."""
    path = Path(output)
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"{path}: unsupported task-list format {path.suffix!r}; use .xlsx, .docx, .csv or .json")
    data = writer(analysis, corrections)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
