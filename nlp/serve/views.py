"""What the pages show, read from the archive: the document list, a document with its corrected task list, the
comparison with its overridden statuses. Plain functions over an open archive; no web framework here."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from nlp.batch import corrections as fixes
from nlp.batch.corrections import ADDED, STATUS, Applied, Correction
from nlp.export.tasks import NOT_A_TASK, task_rows
from nlp.labels import MODALITY_ZH, STATUS_ZH, date_zh, deadline_zh
from nlp.match.compare import compare, document_names, document_unit
from nlp.pipeline import item_types
from nlp.segment.sentences import split_sentences, with_sections
from nlp.segment.tokens import tokenize
from nlp.serialize import analysis_from_data, to_data
from nlp.serve.messages import zh
from nlp.types import Analysis, Comparison, Document

KIND_ZH = {"directive": "任务", "report": "情况", "campaign": "专项行动", "quantity": "数量", "target": "目标"}
FORMAT_ZH = {"txt": "文本", "md": "文本", "docx": "Word", "xlsx": "Excel", "pdf": "PDF", "html": "网页"}
POLARITY_ZH = {"achievement": "成效", "shortfall": "不足", "mixed": "成效与不足", "neutral": "情况"}
CAMPAIGN_KIND_ZH = {"campaign": "专项行动", "campaign_group": "行动组", "activity": "活动", "program": "工程/计划",
                    "mechanism": "机制", "recommendation": "提法", "formulation": "提法", "law": "法规"}
QUALIFIER_ZH = {"exact": "", "approx": "左右", "at_least": "以上", "at_most": "以下", "above": "以上", "below": "以下"}
# the kind of document, from words of its title (a title names what it is: …的讲话, …工作报告, …工作总结)
DOC_TYPES = (("讲话", "讲话"), ("政府工作报告", "政府工作报告"), ("工作报告", "工作报告"), ("总结", "工作总结"),
             ("汇报", "工作汇报"), ("通报", "通报"), ("纪要", "会议纪要"), ("方案", "工作方案"), ("要点", "工作要点"),
             ("计划", "工作计划"), ("意见", "意见"), ("通知", "通知"), ("报告", "报告"))
SHA = re.compile(r"^[0-9a-f]{64}$")


def when_zh(at: float | None) -> str:
    """A moment as a Chinese date and time: 2025年3月31日 14:05."""
    if not at:
        return ""
    t = time.localtime(at)
    return f"{t.tm_year}年{t.tm_mon}月{t.tm_mday}日 {t.tm_hour:02d}:{t.tm_min:02d}"


def doc_type(title: str | None) -> str:
    """Return what kind of document a title names (讲话, 工作报告, 工作总结…), or 其他."""
    for word, name in DOC_TYPES:
        if word in (title or ""):
            return name
    return "其他"


def load(db: sqlite3.Connection, sha256: str) -> Analysis | None:
    """Return the archived analysis of a document (sentences and tokens not stored), or None."""
    row = db.execute("SELECT analysis FROM documents WHERE sha256=?", (sha256,)).fetchone()
    if row is None:
        return None
    return analysis_from_data(json.loads(row[0]), item_types())


def with_sentences(analysis: Analysis) -> Analysis:
    """Return the analysis with the sentences and tokens that the archive does not keep, rebuilt from its text
    (what comparing needs)."""
    text = analysis.document.text
    sentences = with_sections(split_sentences(text), [o.start for o in analysis.outline])
    return replace(analysis, sentences=tuple(sentences), tokens=tokenize(text))


def library(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """The documents of the archive, newest year first, with what was found in each."""
    counts = dict(db.execute("SELECT sha256, count(*) FROM items WHERE kind='directive' GROUP BY sha256"))
    fixed = dict(db.execute("SELECT sha256, count(*) FROM corrections GROUP BY sha256"))
    rows = []
    for sha, path, title, date, year, fmt, chars, at, targets, opening in db.execute(
            "SELECT sha256, path, title, date, year, format, chars, analysed_at, "
            "json_array_length(json_extract(analysis, '$.targets')), substr(json_extract(analysis, '$.text'), 1, 300) "
            "FROM documents ORDER BY year DESC, path"):
        doc = Document(path=path, format=fmt or "", sha256=sha, text=opening or "", title=title)
        rows.append({"sha256": sha, "path": path, "title": title or path.rsplit("/", 1)[-1], "date": date_zh(date),
                     "year": year or "", "format": FORMAT_ZH.get(fmt or "", fmt or ""), "chars": chars,
                     "type": doc_type(title), "unit": document_unit(Analysis(document=doc)) or "",
                     "directives": counts.get(sha, 0), "targets": targets or 0, "corrections": fixed.get(sha, 0),
                     "analysed": when_zh(at)})
    return rows


def failures(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """The files that could not be analysed, with their one-line reason in Chinese."""
    return [{"path": path, "error": zh(error), "error_en": error, "at": when_zh(at)}
            for path, error, at in db.execute("SELECT path, error, at FROM failures ORDER BY at DESC")]


def applied(db: sqlite3.Connection, analysis: Analysis) -> Applied:
    """The analysis with the task-list corrections in force attached."""
    return fixes.apply(analysis, fixes.history(db, analysis.document.sha256, other=""))


def task_table(analysis: Analysis, applied_: Applied) -> list[dict[str, Any]]:
    """The rows of the task list as the page shows them: every directive (those marked 不是任务 too), each with
    its values in force, what was extracted, and who changed what."""
    a = applied_.analysis
    shown = {i: {k: v for k, v in f.items() if k != NOT_A_TASK} for i, f in applied_.fields.items()}
    rows = task_rows(a, shown)
    extracted = task_rows(a)
    out = []
    n = 0
    for row, plain, d in zip(rows, extracted, a.directives, strict=True):
        changes = applied_.changes.get(d.id, {})
        dropped = NOT_A_TASK in changes
        if not dropped:
            n += 1
        out.append({
            "id": d.id, "start": d.start, "end": d.end, "text": d.text, "number": "" if dropped else n,
            "dropped": dropped, "added": ADDED in changes, "row": row, "extracted": plain,
            "changes": {f: _change(c) for f, c in changes.items()},
        })
    return out


def _change(c: Correction) -> dict[str, Any]:
    return {"original": c.original or "", "value": c.value or "", "who": c.who, "at": when_zh(c.at), "note": c.note}


def details(analysis: Analysis) -> dict[str, dict[str, Any]]:
    """Each highlighted item's fields in Chinese (`fields`), and its raw data for the details panel (`raw`)."""
    quantities = {q.id: q.text for q in analysis.quantities}
    campaigns = {c.id: c.name for c in analysis.campaigns}
    out: dict[str, dict[str, Any]] = {}
    for d in analysis.directives:
        fields = [("类别", "任务"), ("力度", MODALITY_ZH[d.modality]),
                  ("责任单位", "、".join(d.actors) or "、".join(a + "（承上）" for a in d.inherited_actors)),
                  ("完成时限", deadline_zh(d.deadline)),
                  ("量化目标", "；".join(quantities.get(q, "") for q in d.targets)),
                  ("关联专项行动", "、".join(campaigns.get(c, "") for c in d.campaigns))]
        out[d.id] = {"title": d.text, "fields": fields}
    for r in analysis.reports:
        out[r.id] = {"title": r.text, "fields": [("类别", "情况（" + POLARITY_ZH.get(r.polarity, "") + "）"),
                                                  ("涉及单位", "、".join(r.units)),
                                                  ("数量", "；".join(quantities.get(q, "") for q in r.quantities))]}
    for c in analysis.campaigns:
        out[c.id] = {"title": c.name, "fields": [("类别", CAMPAIGN_KIND_ZH.get(c.kind, "专项行动")),
                                                  ("提及次数", str(len(c.mentions))), ("组成", "、".join(c.members))]}
    for q in analysis.quantities:
        if isinstance(q.value, list):
            value = "～".join(f"{v:g}" for v in q.value)
        elif isinstance(q.value, float | int):
            value = f"{q.value:g}"
        else:
            value = date_zh(q.value) if isinstance(q.value, str) else ""
        out[q.id] = {"title": q.text, "fields": [("类别", "数量"), ("数值", value),
                                                  ("单位", q.unit or ""), ("限定", QUALIFIER_ZH.get(q.qualifier or "", "")),
                                                  ("主体", q.subject or "")]}
    raw = {x.id: to_data(x) for key in ("directives", "reports", "campaigns", "quantities") for x in analysis.get(key)}
    for item_id, entry in out.items():
        entry["fields"] = [(k, v) for k, v in entry["fields"] if v]
        entry["raw"] = raw.get(item_id, {})
    return out


# --- the comparison ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    """One cell of the status matrix: the status in force, the one computed, the evidence and any override."""

    status: str
    computed: str
    evidence: tuple[dict[str, Any], ...]
    change: dict[str, Any] | None


def corrected_base(db: sqlite3.Connection, base: Analysis) -> Analysis:
    """The base document as its corrected task list has it: tasks marked 不是任务 left out, added ones in."""
    a = applied(db, base)
    keep = tuple(d for d in a.analysis.directives if NOT_A_TASK not in a.changes.get(d.id, {}))
    return a.analysis.with_items("directives", keep)


def comparison(db: sqlite3.Connection, base: Analysis, others: Sequence[Analysis]) -> Comparison:
    """Compare the corrected base document with the others (sentences and tokens rebuilt from the texts)."""
    return compare(with_sentences(corrected_base(db, base)), [with_sentences(o) for o in others])


def overridden(db: sqlite3.Connection, comp: Comparison) -> tuple[Comparison, dict[tuple[str, int], Correction]]:
    """Return the comparison with the statuses people set, and the override of each (item id, document index)."""
    shas = [d.sha256 for d in comp.documents]
    changes = [c for c in fixes.in_force(fixes.history(db, comp.base.sha256)) if c.field == STATUS and c.other in shas]
    items: list[Any] = [*comp.targets, *comp.directives]
    ids = fixes.attach({c.key for c in changes}, items, _base_text(db, comp.base.sha256))
    found: dict[tuple[str, int], Correction] = {}
    for c in changes:
        item = ids.get(c.key)
        if item is not None and c.value in STATUS_ZH:
            found[(item, shas.index(c.other))] = c

    def results(item_id: str, rs: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(replace(r, status=found[(item_id, r.document)].value) if (item_id, r.document) in found else r
                     for r in rs)

    comp = replace(comp, targets=tuple(replace(t, results=results(t.id, t.results)) for t in comp.targets),
                   directives=tuple(replace(d, results=results(d.id, d.results)) for d in comp.directives))
    return comp, found


def _base_text(db: sqlite3.Connection, sha256: str) -> str:
    row = db.execute("SELECT json_extract(analysis, '$.text') FROM documents WHERE sha256=?", (sha256,)).fetchone()
    return row[0] if row else ""


def matrix(comp: Comparison, computed: Comparison, found: dict[tuple[str, int], Correction]) -> dict[str, Any]:
    """The status matrix as the page shows it: names of the documents, rows of targets and directives."""
    names = document_names(comp)
    rows = []
    for kind, now, then in (("目标", comp.targets, computed.targets), ("任务", comp.directives, computed.directives)):
        for item, before in zip(now, then, strict=True):
            cells = []
            for r, r0 in zip(item.results, before.results, strict=True):
                if hasattr(r, "evidence"):
                    evidence = tuple({"text": e.text, "score": round(e.score, 2)} for e in r.evidence)
                else:
                    evidence = ({"text": r.text, "score": round(r.score, 2)},) if r.text else ()
                change = found.get((item.id, r.document))
                cells.append(Cell(status=r.status, computed=r0.status, evidence=evidence,
                                  change=_change(change) if change else None))
            rows.append({"kind": kind, "id": item.id, "text": item.text, "cells": cells})
    return {"names": names, "rows": rows, "status_zh": STATUS_ZH}
