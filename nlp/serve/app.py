"""The application: `create_app(db)` returns the FastAPI app of `nlp serve` — pages (文档库, 文档, 对照, 检索, 趋势,
帮助), the JSON API their script calls, and the package's own static files.

Nothing here touches the process: no logging set up, no browser opened, no server started (nlp.cli does that).
"""

from __future__ import annotations

import io
import json
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path, PurePosixPath
from typing import Annotated, Any
from urllib.parse import quote, unquote

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.requests import ClientDisconnect

from nlp import __version__
from nlp.batch import corrections as fixes
from nlp.batch import store
from nlp.batch.corrections import ADDED, STATUS, TASK_FIELDS
from nlp.batch.query import KINDS, search, stats
from nlp.errors import InputError
from nlp.export import matrix as matrix_export
from nlp.export import tasks as task_export
from nlp.export.report import _marked_text
from nlp.export.tasks import NOT_A_TASK
from nlp.export.xlsx import fill_sheet, to_bytes
from nlp.ingest.safety import check_size
from nlp.labels import MODALITY_ZH, STATUS_ZH, date_zh
from nlp.match.compare import document_unit
from nlp.segment.sentences import paragraphs
from nlp.serve import views, worker
from nlp.serve.charts import trend_svg
from nlp.serve.messages import zh
from nlp.serve.security import Guard
from nlp.types import MAX_INPUT_BYTES, Comparison

WHO_COOKIE = "nlp_who"
STATE_ZH = {"queued": "排队中", "running": "分析中", "done": "完成", "failed": "失败", "skipped": "已在文档库中",
            "missing": "不存在"}
MAX_NAME = 300  # characters of an uploaded file's name (with its folder) kept
MAX_TEXT = 2000  # characters of a corrected value or note
COMPARISONS_KEPT = 8  # comparisons cached: each takes a second or more to compute


class Item(BaseModel):
    """The item a change concerns, as the page shows it: its id and where it is."""

    id: str = Field(max_length=40)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(max_length=20000)


class TaskChange(BaseModel):
    item: Item
    field: str
    value: str | None = Field(default=None, max_length=MAX_TEXT)
    note: str = Field(default="", max_length=MAX_TEXT)


class NewTask(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class StatusChange(BaseModel):
    base: str
    others: list[str] = Field(min_length=1, max_length=50)
    item: str = Field(max_length=40)
    other: str
    status: str | None = None
    note: str = Field(default="", max_length=MAX_TEXT)


def get_db(request: Request) -> Iterator[sqlite3.Connection]:
    """A connection to the archive for one request (closed after it; the schema was migrated at start)."""
    db = sqlite3.connect(request.app.state.db_path, timeout=30, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA foreign_keys=ON")
    try:
        yield db
    finally:
        db.close()


Db = Annotated[sqlite3.Connection, Depends(get_db)]


def create_app(db_path: str | Path, *, token: str | None = None, who: str = "", max_bytes: int = MAX_INPUT_BYTES,
               processes: int = 1, analyse: bool = True) -> FastAPI:
    """Return the web application over the archive at `db_path` (created when missing).

    `token`: required on every request when set (serving beyond this machine); None serves loopback clients
    only. `who`: the name corrections are signed with when the page gives none. `processes`: worker processes
    for analysis (0: in a thread of this process). `analyse` False starts no analysis at all (for tests)."""
    db_path = str(db_path)
    store.connect(db_path).close()  # create the archive or bring its schema up to date before serving
    analyser = worker.Analyser(db_path, max_bytes, processes)
    comparisons: OrderedDict[tuple[Any, ...], Comparison] = OrderedDict()
    lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        if analyse:
            analyser.start()
        yield
        if analyse:
            analyser.stop()

    app = FastAPI(title="nlp serve", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.analyser = analyser
    app.state.db_path = db_path
    app.add_middleware(Guard, token=token)
    app.mount("/static", StaticFiles(packages=[("nlp.serve", "static")]), name="static")
    env = jinja2.Environment(loader=jinja2.PackageLoader("nlp.serve", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["json"] = _json_script
    env.globals.update(STATUS_ZH=STATUS_ZH, MODALITY_ZH=MODALITY_ZH, TASK_FIELDS=TASK_FIELDS, version=__version__,
                       quote=quote)

    def signer(request: Request) -> str:
        name = unquote(request.cookies.get(WHO_COOKIE, "")).strip()[:40]
        return name or who or "未署名"

    def page(request: Request, template: str, **context: Any) -> HTMLResponse:
        context.update(request=request, csrf=request.state.csrf, who=signer(request), page=template.split(".")[0])
        return HTMLResponse(env.get_template(template).render(**context))

    def document_or_404(db: sqlite3.Connection, sha: str) -> Any:
        analysis = views.load(db, sha) if views.SHA.match(sha) else None
        if analysis is None:
            raise HTTPException(404, "文档库中没有这份文档（可能已被删除）。")
        return analysis

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "请求无法完成。"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=exc.status_code)
        html = env.get_template("error.html").render(request=request, csrf=getattr(request.state, "csrf", ""),
                                                     who=signer(request), page="error", message=message,
                                                     status=exc.status_code)
        return HTMLResponse(html, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return JSONResponse({"error": "请求的内容不完整或格式不对，请刷新页面后重试。"}, status_code=422)

    # --- 文档库 -------------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def library(request: Request, db: Db) -> HTMLResponse:
        return page(request, "library.html", documents=views.library(db), failures=views.failures(db),
                    jobs=_jobs(db, "state IN ('queued', 'running')"), max_mb=max_bytes // 2**20)

    @app.get("/fragments/library", response_class=HTMLResponse)
    def library_table(request: Request, db: Db) -> HTMLResponse:
        return page(request, "_library_table.html", documents=views.library(db), failures=views.failures(db))

    @app.post("/api/upload")
    async def upload(request: Request, name: Annotated[str, Query(max_length=2000)]) -> JSONResponse:
        name = _clean_name(name)
        if not name:
            raise HTTPException(400, "缺少文件名。")
        length = request.headers.get("content-length")
        try:
            if length and length.isdigit():
                check_size(int(length), name, max_bytes)
            chunks, size = [], 0
            async for chunk in request.stream():
                size += len(chunk)
                check_size(size, name, max_bytes)
                chunks.append(chunk)
        except InputError as exc:
            raise HTTPException(413, f"{name}：{zh(exc.problem + '; ' + exc.advice)}") from exc
        except ClientDisconnect:
            return JSONResponse({"error": "上传中断，文件未保存。"}, status_code=400)  # nothing stored
        data = b"".join(chunks)
        jobs = await run_in_threadpool(_receive, name, data)
        return JSONResponse({"jobs": jobs})

    def _receive(name: str, data: bytes) -> list[dict[str, Any]]:
        db = store.connect(db_path)
        try:
            out = []
            for received in worker.unpack(name, data, max_bytes):
                job = worker.enqueue(db, received)
                if job["state"] == "queued" and analyse:
                    analyser.submit(job["id"])
                out.append(_job_view(db, job))
            if not out:
                out.append({"id": 0, "name": name, "state": "failed", "label": "失败",
                            "error": "压缩包中没有可分析的文档"})
            return out
        finally:
            db.close()

    @app.get("/api/jobs")
    def jobs(db: Db, id: Annotated[list[int], Query()] = []) -> JSONResponse:  # noqa: B006
        return JSONResponse({"jobs": [_job_view(db, worker.job(db, i)) for i in id[:500]]})

    @app.delete("/api/documents/{sha}")
    def delete(sha: str, db: Db) -> JSONResponse:
        if not views.SHA.match(sha) or not store.delete_document(db, sha):
            raise HTTPException(404, "文档库中没有这份文档。")
        return JSONResponse({"deleted": sha})

    @app.post("/api/documents/{sha}/reanalyse")
    def reanalyse(sha: str, db: Db) -> JSONResponse:
        document_or_404(db, sha)
        job = worker.reanalyse(db, sha)
        if job is None:
            raise HTTPException(409, "找不到这份文档的原始文件，无法重新分析：请重新上传。")
        if analyse:
            analyser.submit(job["id"])
        return JSONResponse({"job": _job_view(db, job)})

    # --- 文档 ---------------------------------------------------------------------------------------------------

    @app.get("/doc/{sha}", response_class=HTMLResponse)
    def document(request: Request, sha: str, db: Db) -> HTMLResponse:
        analysis = document_or_404(db, sha)
        applied = views.applied(db, analysis)
        a = applied.analysis
        doc = a.document
        rows = views.task_table(a, applied)
        dropped = [r["id"] for r in rows if r["dropped"]]
        added = [r["id"] for r in rows if r["added"]]
        meta = db.execute("SELECT path, analysed_at FROM documents WHERE sha256=?", (sha,)).fetchone()
        history = fixes.history(db, sha)
        return page(request, "document.html", sha=sha, doc=doc, title=doc.title or PurePosixPath(meta[0]).name,
                    path=meta[0], date=date_zh(doc.date), analysed=views.when_zh(meta[1]),
                    unit=document_unit(a) or "", type=views.doc_type(doc.title),
                    format=views.FORMAT_ZH.get(doc.format, doc.format), outline=list(enumerate(a.outline)),
                    text=_marked_text(_displayable(a)), rows=rows,
                    data={"paragraphs": [s for s, _ in paragraphs(doc.text)], "details": views.details(a),
                          "dropped": dropped, "added": added},
                    counts={"tasks": sum(not r["dropped"] for r in rows), "campaigns": len(a.campaigns),
                            "quantities": len(a.quantities), "reports": len(a.reports), "targets": len(a.targets)},
                    orphans=[_history_view(c) for c in applied.orphans],
                    history=[_history_view(c) for c in reversed(history)])

    @app.get("/doc/{sha}/tasks.{fmt}")
    def export_tasks(sha: str, fmt: str, db: Db) -> Response:
        writers = {"xlsx": (task_export.to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                   "docx": (task_export.to_docx,
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                   "csv": (task_export.to_csv, "text/csv; charset=utf-8")}
        if fmt not in writers:
            raise HTTPException(404, "只能导出 xlsx、docx 或 csv。")
        analysis = document_or_404(db, sha)
        applied = views.applied(db, analysis)
        writer, kind = writers[fmt]
        data = writer(applied.analysis, applied.fields)
        if fmt == "xlsx":
            data = _with_history_sheet(data, fixes.history(db, sha, other=""))
        title = applied.analysis.document.title or "文档"
        return _download(data, kind, f"{title}任务清单.{fmt}")

    @app.post("/api/documents/{sha}/corrections")
    def correct(request: Request, sha: str, change: TaskChange, db: Db) -> JSONResponse:
        if change.field not in (*TASK_FIELDS, NOT_A_TASK):
            raise HTTPException(400, "这一栏不能更正。")
        analysis = document_or_404(db, sha)
        applied = views.applied(db, analysis)
        directive = _find(applied.analysis.directives, change.item)
        if directive is None:
            raise HTTPException(409, "这条任务已经变了（文档可能刚重新分析过），请刷新页面。")
        extracted = {r["id"]: r for r in views.task_table(applied.analysis, applied)}[directive.id]["extracted"]
        value = change.value.strip() if change.value is not None else None
        if change.field == NOT_A_TASK:
            original, value = None, ("是" if value else None)
        else:
            original = str(extracted.get(change.field, ""))
            if change.field == "力度" and value is not None and value not in MODALITY_ZH.values():
                raise HTTPException(400, "力度只能是“必须”“要”或“力争”。")
            if value == original:
                value = None  # set back to what was extracted: the change is taken back
        if value is not None or change.field in applied.changes.get(directive.id, {}):
            fixes.add(db, sha, directive, change.field, original, value, signer(request), change.note.strip())
        applied = views.applied(db, analysis)
        row = next(r for r in views.task_table(applied.analysis, applied) if r["id"] == directive.id)
        html = env.get_template("_row.html").render(row=row, csrf=request.state.csrf)
        return JSONResponse({"id": directive.id, "html": html, "dropped": row["dropped"]})

    @app.post("/api/documents/{sha}/tasks")
    def add_task(request: Request, sha: str, new: NewTask, db: Db) -> JSONResponse:
        analysis = document_or_404(db, sha)
        text = analysis.document.text
        start, end = new.start, min(new.end, len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 4 or end - start > 1000 or "\n" in text[start:end]:
            raise HTTPException(400, "请在原文中选中一句话（4 到 1000 字，不跨段落）再添加。")
        applied = views.applied(db, analysis)
        for d in applied.analysis.directives:
            if d.start < end and start < d.end and NOT_A_TASK not in applied.changes.get(d.id, {}):
                raise HTTPException(409, "所选文字与已有任务重叠：请直接更正那条任务。")
        item = fixes.Span(None, start, end, text[start:end])
        c = fixes.add(db, sha, item, ADDED, None, text[start:end], signer(request))
        return JSONResponse({"id": f"u{c.id}"})

    # --- 对照 ---------------------------------------------------------------------------------------------------

    def comparison_of(db: sqlite3.Connection, base: str, others: list[str]) -> tuple[Comparison, Comparison, Any]:
        """The comparison computed (cached) and as overridden, with the overrides."""
        shas = [base, *others]
        if not all(views.SHA.match(s) for s in shas) or base in others or len(set(others)) != len(others):
            raise HTTPException(400, "请选择一份基准文档和至少一份不同的汇报文档。")
        stamps = dict(db.execute(f"SELECT sha256, analysed_at FROM documents WHERE sha256 IN "
                                 f"({','.join('?' * len(shas))})", shas).fetchall())
        if len(stamps) != len(shas):
            raise HTTPException(404, "所选文档有的已不在文档库中。")
        shaping = db.execute("SELECT max(id) FROM corrections WHERE sha256=? AND other='' AND field IN (?, ?)",
                             (base, ADDED, NOT_A_TASK)).fetchone()[0]
        key = (base, tuple(others), tuple(stamps[s] for s in shas), shaping)
        with lock:
            computed = comparisons.get(key)
        if computed is None:
            computed = views.comparison(db, views.load(db, base), [views.load(db, s) for s in others])
            with lock:
                comparisons[key] = computed
                while len(comparisons) > COMPARISONS_KEPT:
                    comparisons.popitem(last=False)
        shown, found = views.overridden(db, computed)
        return computed, shown, found

    @app.get("/compare", response_class=HTMLResponse)
    def compare_page(request: Request, db: Db, base: str = "",
                     other: Annotated[list[str], Query()] = []) -> HTMLResponse:  # noqa: B006
        documents = views.library(db)
        matrix = None
        started = time.perf_counter()
        if base and other:
            computed, shown, found = comparison_of(db, base, other)
            matrix = views.matrix(shown, computed, found)
        return page(request, "compare.html", documents=documents, base=base, others=other, matrix=matrix,
                    seconds=round(time.perf_counter() - started, 1), statuses=list(STATUS_ZH.items()))

    @app.get("/compare/matrix.xlsx")
    def export_matrix(db: Db, base: str, other: Annotated[list[str], Query()] = []) -> Response:  # noqa: B006
        if not other:
            raise HTTPException(400, "请选择至少一份汇报文档。")
        _, shown, found = comparison_of(db, base, other)
        data = _with_overrides(matrix_export.to_xlsx(shown), shown, found)
        return _download(data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         f"{shown.base.title or '对照'}落实情况.xlsx")

    @app.post("/api/compare/status")
    def override(request: Request, change: StatusChange, db: Db) -> JSONResponse:
        if change.status is not None and change.status not in STATUS_ZH:
            raise HTTPException(400, "状态只能是：" + "、".join(STATUS_ZH.values()) + "。")
        if change.other not in change.others:
            raise HTTPException(400, "所选汇报文档不在本次对照中。")
        computed, _, found = comparison_of(db, change.base, change.others)
        n = change.others.index(change.other)
        item = next((x for x in (*computed.targets, *computed.directives) if x.id == change.item), None)
        if item is None:
            raise HTTPException(409, "这一行已经变了，请刷新页面。")
        original = item.results[n].status
        value = None if change.status in (None, original) else change.status
        if value is not None or (item.id, n) in found:
            fixes.add(db, change.base, item, STATUS, original, value, signer(request), change.note.strip(),
                      other=change.other)
        computed, shown, found = comparison_of(db, change.base, change.others)
        matrix = views.matrix(shown, computed, found)
        row = next(r for r in matrix["rows"] if r["id"] == item.id)
        cell = row["cells"][n]
        return JSONResponse({"status": cell.status, "label": STATUS_ZH[cell.status], "computed": cell.computed,
                             "change": cell.change})

    # --- 检索, 趋势, 帮助 -----------------------------------------------------------------------------------------

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, db: Db, q: str = "", kind: str = "", unit: str = "", campaign: str = "",
                    year: str = "") -> HTMLResponse:
        hits: list[dict[str, Any]] = []
        if q.strip():
            found = search(db, q[:200], kind=kind if kind in KINDS else None, actor=unit[:100] or None,
                           campaign=campaign[:100] or None, year=int(year) if year.isdigit() else None, limit=200)
            shas = dict(db.execute("SELECT path, sha256 FROM documents"))
            for h in found:
                h["sha256"] = shas.get(h["path"]) or _sha_of_path(db, h["path"])
                h["kind_zh"] = views.KIND_ZH.get(h["kind"], h["kind"])
                h["title"] = h["title"] or PurePosixPath(h["path"]).name
                hits.append(h)
        years = [y for (y,) in db.execute("SELECT DISTINCT year FROM documents WHERE year IS NOT NULL ORDER BY year")]
        units = [u for (u,) in db.execute("SELECT DISTINCT actors FROM items WHERE kind='directive' AND actors != '' "
                                          "LIMIT 2000")]
        campaigns = [c for (c,) in db.execute("SELECT DISTINCT text FROM items WHERE kind='campaign' LIMIT 500")]
        return page(request, "search.html", q=q, kind=kind, unit=unit, campaign=campaign, year=year, hits=hits,
                    kinds=[(k, views.KIND_ZH[k]) for k in KINDS], years=years,
                    units=sorted({u for us in units for u in us.split("|")})[:500], campaigns=sorted(campaigns))

    @app.get("/trend", response_class=HTMLResponse)
    def trend(request: Request, db: Db, campaign: str = "") -> HTMLResponse:
        by_year = stats(db, by="year", campaign=campaign[:100] or None)
        by_unit = stats(db, by="unit")
        return page(request, "trend.html", campaign=campaign, by_year=by_year, chart=trend_svg(by_year),
                    units=by_unit["rows"][:20])

    @app.get("/help", response_class=HTMLResponse)
    def help_page(request: Request) -> HTMLResponse:
        return page(request, "help.html", max_mb=max_bytes // 2**20)

    return app


def _find(items: Any, item: Item) -> Any:
    """The item the page meant: the same id with the same text, else the same text nearest the same place."""
    same_id = next((x for x in items if x.id == item.id), None)
    if same_id is not None and same_id.text == item.text:
        return same_id
    same_text = [x for x in items if x.text == item.text]
    return min(same_text, key=lambda x: abs(x.start - item.start)) if same_text else None


def _displayable(analysis: Any) -> Any:
    """The analysis as the text view marks it: a task added over a sentence already marked is shown in the table
    only (two marks over one place would repeat its text)."""
    taken = [(x.start, x.end) for x in (*analysis.reports, *analysis.directives) if not x.id.startswith("u")]
    keep = tuple(d for d in analysis.directives
                 if not d.id.startswith("u") or not any(s < d.end and d.start < e for s, e in taken))
    return analysis.with_items("directives", keep)


def _json_script(data: Any) -> Any:
    """JSON safe inside a <script type="application/json"> element: no markup characters at all."""
    text = (json.dumps(data, ensure_ascii=False).replace("&", "\\u0026").replace("<", "\\u003c")
            .replace(">", "\\u003e"))
    return jinja2.utils.markupsafe.Markup(text)


def _clean_name(name: str) -> str:
    """An uploaded file's name with its folder, as a relative path: no drive, no root, no `..`."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    if parts and ":" in parts[0]:
        parts = parts[1:]
    return "/".join(parts)[-MAX_NAME:]


def _job_view(db: sqlite3.Connection, job: dict[str, Any]) -> dict[str, Any]:
    out = {**job, "label": STATE_ZH.get(job["state"], job["state"])}
    if job.get("error"):
        out["error"] = zh(job["error"])
    if job["state"] in ("done", "skipped") and job.get("sha256"):
        n = db.execute("SELECT count(*) FROM items WHERE sha256=? AND kind='directive'", (job["sha256"],)).fetchone()
        out["directives"] = n[0]
    return out


def _jobs(db: sqlite3.Connection, where: str) -> list[dict[str, Any]]:
    ids = [r[0] for r in db.execute(f"SELECT id FROM jobs WHERE {where} ORDER BY id")]
    return [_job_view(db, worker.job(db, i)) for i in ids]


def _sha_of_path(db: sqlite3.Connection, path: str) -> str | None:
    row = db.execute("SELECT sha256 FROM paths WHERE path=?", (path,)).fetchone()
    return row[0] if row else None


def _history_view(c: fixes.Correction) -> dict[str, Any]:
    value = c.value
    original = c.original
    if c.field == STATUS:
        value, original = STATUS_ZH.get(value or "", "自动判断"), STATUS_ZH.get(original or "", original)
    return {"field": c.field, "text": c.text, "original": original or "", "value": value if value is not None
            else "（恢复原值）", "who": c.who, "at": views.when_zh(c.at), "note": c.note}


def _with_history_sheet(data: bytes, changes: list[fixes.Correction]) -> bytes:
    """Add a sheet 更正记录 to an exported task list: every change, who made it and when, the value extracted."""
    if not changes:
        return data
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    rows = ([c.field, c.text, c.original or "", c.value if c.value is not None else "（恢复原值）", c.note, c.who,
             views.when_zh(c.at)] for c in changes)
    fill_sheet(wb.create_sheet("更正记录"), ("栏目", "任务", "原值", "更正为", "说明", "更正人", "时间"), rows,
               {"任务": 50, "原值": 20, "更正为": 20, "说明": 24, "时间": 18})
    return to_bytes(wb)


def _with_overrides(data: bytes, comp: Comparison, found: dict[tuple[str, int], fixes.Correction]) -> bytes:
    """Mark the statuses people set in an exported matrix (a comment on the cell) and list them in a sheet."""
    if not found:
        return data
    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    wb = load_workbook(io.BytesIO(data))
    ws = wb["矩阵"]
    ids = [t.id for t in comp.targets] + [d.id for d in comp.directives]
    names = matrix_export.document_names(comp)
    listed = []
    for (item, n), c in found.items():
        row = ids.index(item) + 2
        note = f"人工更正：{STATUS_ZH.get(c.original or '', '')} → {STATUS_ZH[c.value or 'unknown']}" + \
            (f"；{c.note}" if c.note else "") + f"（{c.who}，{views.when_zh(c.at)}）"
        ws.cell(row=row, column=n + 3).comment = Comment(note, c.who or "nlp")
        listed.append([c.text, names[n], STATUS_ZH.get(c.original or "", ""), STATUS_ZH[c.value or "unknown"], c.note,
                       c.who, views.when_zh(c.at)])
    fill_sheet(wb.create_sheet("人工更正"), ("内容", "单位", "自动判断", "更正为", "说明", "更正人", "时间"), listed,
               {"内容": 50, "说明": 30, "时间": 18})
    return to_bytes(wb)


def _download(data: bytes, kind: str, filename: str) -> Response:
    safe = "".join(ch for ch in filename if ch not in '\\/:*?"<>|\r\n')[:150] or "download"
    return Response(data, media_type=kind, headers={
        "content-disposition": f"attachment; filename=\"download.{safe.rsplit('.', 1)[-1]}\"; "
                               f"filename*=UTF-8''{quote(safe)}"})
