"""The task list (任务清单 / 督办台账): one row per directive, in document order, as csv, json, xlsx or docx."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from bisect import bisect_right
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from nlp.export.inert import csv_value, strip_controls
from nlp.export.text_out import display_width
from nlp.export.xlsx import fill_sheet, new_workbook, to_bytes
from nlp.ingest.own import GENERATOR, office_identifier
from nlp.labels import CAMPAIGN_KIND_ZH, MODALITY_ZH, QUALIFIER_ZH, QUANTITY_KIND_ZH, deadline_zh
from nlp.segment.sentences import paragraphs
from nlp.types import Analysis

COLUMNS = ("序号", "章节", "任务内容", "责任单位", "力度", "完成时限", "量化目标", "关联专项行动", "原文位置", "原文")
CELL_GAP = re.compile(r"[ \t\u3000]*\t[ \t\u3000]*")  # the tab between a task table's cells, read as one task
INHERITED_MARK = "（承上）"  # an actor taken from the context, not written in the directive
WIDTHS = {"序号": 6, "章节": 22, "任务内容": 48, "责任单位": 18, "力度": 6, "完成时限": 14, "量化目标": 18,
          "关联专项行动": 20, "原文位置": 9, "原文": 60}
NOT_A_TASK = "不是任务"  # a correction that leaves a directive out of the list
# what a person corrects: column -> value, and NOT_A_TASK; keyed by directive id (see nlp.batch.corrections)
Corrections = Mapping[str, Mapping[str, str]]


def document_title(analysis: Analysis) -> str:
    """Return the title a reader sees: the document's own, else its file name without the suffix."""
    return analysis.document.title or Path(analysis.document.path).stem or "文件"


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
        p = bisect_right(starts, d.start) - 1
        rows.append({
            "序号": len(rows) + 1,
            "章节": f"{section.marker}{section.title}" if section else "",
            "任务内容": CELL_GAP.sub(" ", d.text),  # (a table row's task and target cells: 规上工业增加值 增长7%以上)
            "责任单位": "、".join(actors),
            "力度": MODALITY_ZH[d.modality],
            "完成时限": deadline_zh(d.deadline),
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
    writer.writerows({k: csv_value(v) for k, v in row.items()} for row in task_rows(analysis, corrections))
    return out.getvalue().encode("utf-8-sig")


def to_json(analysis: Analysis, corrections: Corrections | None = None) -> bytes:
    return (json.dumps(task_rows(analysis, corrections), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(analysis: Analysis, corrections: Corrections | None = None) -> bytes:
    """A workbook ready to print: the task list (frozen header, filter, wrapped text), campaigns and quantities."""
    wb = new_workbook(write_only=True)
    title = document_title(analysis)
    fill_sheet(wb.create_sheet("任务清单"), COLUMNS, ([row[c] for c in COLUMNS] for row in task_rows(analysis, corrections)), WIDTHS,
               title=f"{title}任务清单", not_printed=("原文",))
    fill_sheet(wb.create_sheet("专项行动"), ("序号", "名称", "类别", "提及次数", "首次出现", "组成"),
               ([n, c.name, CAMPAIGN_KIND_ZH.get(c.kind, c.kind), len(c.mentions),
                 c.mentions[0].text if c.mentions else "", "、".join(c.members)]
                for n, c in enumerate(analysis.campaigns, 1)), {"序号": 6, "名称": 28, "组成": 40},
               title=f"{title}专项行动")
    fill_sheet(wb.create_sheet("数量"), ("序号", "原文", "类别", "数值", "单位", "限定", "指标", "主体", "掩码"),
               ([n, q.text, QUANTITY_KIND_ZH.get(q.kind, q.kind), json.dumps(q.value) if isinstance(q.value, list)
                 else q.value, q.unit, QUALIFIER_ZH.get(q.qualifier or "", q.qualifier), q.metric, q.subject,
                 "是" if q.masked else ""] for n, q in enumerate(analysis.quantities, 1)),
               {"序号": 6, "原文": 16, "指标": 24, "主体": 16}, title=f"{title}数量")
    return to_bytes(wb, analysis.document.sha256, analysis.document.path, analysis.document.title)


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


# The docx 任务分解表 is laid out for print on A4 landscape: a column is as wide as its usual content (the 90th
# percentile of its cells, so one long cell wraps instead of widening the column for all), within a floor that
# keeps the header on at most two lines and a cap; 任务内容 takes the rest, and never less than MAIN_SHARE of
# the page. With nine equal columns the Zhejiang 2025 report (173 tasks) took 47 pages; with these 14 (176 tasks,
# LibreOffice 7 with Noto CJK standing in for 仿宋_GB2312).
PAGE_CM = (29.7, 21.0)
MARGIN_CM = 2.0
BODY_PT, HEAD_PT = 11, 12
MAIN = "任务内容"
MAIN_SHARE = 0.40
CELL_PAD_CM = 0.6  # Word's default cell margins (0.19 cm each side) and slack for the font a viewer substitutes
NARROW_EM = 0.7  # a digit or Latin letter beside Chinese text: about 0.64 em (DejaVu) and the space set around it
CAP_SHARE = {"序号": 0.05, "章节": 0.14, "责任单位": 0.12, "力度": 0.06, "完成时限": 0.10, "量化目标": 0.12,
             "关联专项行动": 0.12, "原文位置": 0.07}
DOCX_COLUMNS = tuple(c for c in COLUMNS if c != "原文")
CENTRED = frozenset({"序号", "力度", "原文位置"})
# where a header breaks when its column is narrower than the header on one line
HEADER_LINES = {"责任单位": "责任\n单位", "完成时限": "完成\n时限", "量化目标": "量化\n目标", "关联专项行动": "关联\n专项行动",
                "原文位置": "原文\n位置"}


def _ems(text: str) -> float:
    """Return how many ems `text` takes on one line: 1 for a Chinese character, NARROW_EM for others."""
    wide = display_width(text) - len(text)
    return wide + (len(text) - wide) * NARROW_EM


def column_widths(rows: list[dict[str, Any]], columns: tuple[str, ...] = DOCX_COLUMNS,
                  total_cm: float = PAGE_CM[0] - 2 * MARGIN_CM) -> dict[str, float]:
    """Return the width in cm of each column of the printed task list, by content (see the comment above)."""
    em = {size: size * 2.54 / 72 for size in (BODY_PT, HEAD_PT)}  # a Chinese character is one em wide
    floor, need = {}, {}
    for c in columns:
        if c == MAIN:
            continue
        floor[c] = _ems(HEADER_LINES.get(c, c).split("\n")[0]) * em[HEAD_PT] + CELL_PAD_CM
        cells = sorted(_ems(str(r[c])) for r in rows) or [0.0]
        usual = cells[int(0.9 * (len(cells) - 1))] * em[BODY_PT] + CELL_PAD_CM
        need[c] = max(floor[c], min(usual, CAP_SHARE.get(c, 0.1) * total_cm))
        if c in CENTRED:  # short values that read badly broken (第28/段): never narrower than the widest
            floor[c] = need[c] = max(need[c], cells[-1] * em[BODY_PT] + CELL_PAD_CM)
    room = total_cm * (1 - MAIN_SHARE)
    excess = sum(need.values()) - room
    if excess > 0:  # shrink the others toward their floors, each in proportion to what it has above it
        above = sum(need[c] - floor[c] for c in need)
        keep = max(0.0, 1 - excess / above) if above else 0.0
        need = {c: floor[c] + (need[c] - floor[c]) * keep for c in need}
    widths = {c: math.floor(need[c] * 100) / 100 for c in need}  # down, so that 任务内容 keeps its share
    widths[MAIN] = round(total_cm - sum(widths.values()), 2)
    return {c: widths[c] for c in columns}


def _set(parent: Any, tag: str, **attrs: str) -> Any:
    """Set (or add) the child element `tag` of an oxml element with the attributes given (w: namespace)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.append(child)
    for k, v in attrs.items():
        child.set(qn(k), v)
    return child


def to_docx(analysis: Analysis, corrections: Corrections | None = None) -> bytes:
    """A 任务分解表 in the conventions of official documents: A4 landscape, 方正小标宋 title, 仿宋_GB2312 body,
    columns as wide as their content (任务内容 at least 40 %), 章节 merged over its tasks, header row repeated
    on every page, page numbers."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    # (the tool as its author and last to save it: `nlp.ingest.own`)
    document.core_properties.author = document.core_properties.last_modified_by = GENERATOR
    document.core_properties.identifier = office_identifier(analysis.document.sha256, analysis.document.path,
                                                              analysis.document.title)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(0), 1.0  # the template's 10 pt after
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(MARGIN_CM)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    run = title.add_run(strip_controls(f"{document_title(analysis)}任务分解表"))
    run.font.size = Pt(22)
    _east_asian(run, "方正小标宋简体")

    rows = task_rows(analysis, corrections)
    widths = column_widths(rows)
    table = document.add_table(rows=1 + len(rows), cols=len(DOCX_COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    _set(tbl_pr, "w:tblLayout", **{"w:type": "fixed"})  # widths as set, not as Word or LibreOffice guess them
    _set(tbl_pr, "w:tblW", **{"w:w": str(round(sum(widths.values()) / 2.54 * 1440)), "w:type": "dxa"})
    for column, name in zip(table.columns, DOCX_COLUMNS, strict=True):
        column.width = Cm(widths[name])
    header = table.rows[0]
    _set(header._tr.get_or_add_trPr(), "w:tblHeader", **{"w:val": "true"})  # the header row repeats on every page
    for cell, name in zip(header.cells, DOCX_COLUMNS, strict=True):
        cell.width = Cm(widths[name])
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        one_line = _ems(name) * HEAD_PT * 2.54 / 72 + CELL_PAD_CM <= widths[name]
        lines = [name] if one_line else HEADER_LINES.get(name, name).split("\n")
        for n, line in enumerate(lines):
            r = paragraph.add_run(line)
            if n < len(lines) - 1:
                r.add_break()
            r.font.size, r.font.bold = Pt(HEAD_PT), True
            _east_asian(r, "黑体")
    previous_section = None
    for row, table_row in zip(rows, table.rows[1:], strict=True):
        for cell, name in zip(table_row.cells, DOCX_COLUMNS, strict=True):
            cell.width = Cm(widths[name])
            value = str(row[name])
            if name == "章节" and value:
                # one 章节 cell over the run of tasks it heads, as a 任务分解表 is drawn by hand
                continued = value == previous_section
                merge = OxmlElement("w:vMerge")
                if not continued:
                    merge.set(qn("w:val"), "restart")
                cell._tc.get_or_add_tcPr().append(merge)
                previous_section = value
                if continued:
                    continue
            elif name == "章节":
                previous_section = None
            paragraph = cell.paragraphs[0]
            if name in CENTRED:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = paragraph.add_run(strip_controls(value))
            r.font.size = Pt(BODY_PT)
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
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk leaves neither half a file nor a temporary one
        raise
    return path
