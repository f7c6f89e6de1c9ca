"""Questions to an archive: full-text search, counts over time, the task lists of all documents."""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nlp.batch import corrections, store
from nlp.batch.run import tokens_text
from nlp.export.tasks import COLUMNS, WIDTHS, task_rows
from nlp.export.xlsx import fill_sheet, new_workbook, to_bytes
from nlp.pipeline import item_types
from nlp.serialize import analysis_from_data

KINDS = ("directive", "campaign", "quantity", "report")


def search(db: sqlite3.Connection, query: str, kind: str | None = None, actor: str | None = None,
           campaign: str | None = None, year: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Return the items whose text matches every word of `query` (jieba tokens, SQLite FTS5), best first."""
    words = [w for w in tokens_text(query).split() if any(ch.isalnum() for ch in w)]
    if not words:
        return []
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    sql = ['SELECT d.path, d.title, d.year, i.kind, i.text, i.start, i."end", i.item, i.actors, i.campaigns',
           "FROM items_fts f JOIN items i ON i.id = f.rowid JOIN documents d ON d.sha256 = i.sha256",
           "WHERE items_fts MATCH ?"]
    args: list[Any] = [match]
    if kind:
        sql.append("AND i.kind = ?")
        args.append(kind)
    if actor:
        sql.append("AND i.actors LIKE ?")
        args.append(f"%{actor}%")
    if campaign:
        sql.append("AND (i.campaigns LIKE ? OR (i.kind = 'campaign' AND i.text LIKE ?))")
        args += [f"%{campaign}%", f"%{campaign}%"]
    if year:
        sql.append("AND d.year = ?")
        args.append(year)
    sql.append("ORDER BY rank, d.year, d.path, i.start LIMIT ?")
    args.append(limit)
    keys = ("path", "title", "year", "kind", "text", "start", "end", "item", "actors", "campaigns")
    out = []
    for row in db.execute(" ".join(sql), args):
        hit = dict(zip(keys, row, strict=True))
        hit["actors"] = [a for a in (hit["actors"] or "").split("|") if a]
        hit["campaigns"] = [c for c in (hit["campaigns"] or "").split("|") if c]
        out.append(hit)
    return out


def stats(db: sqlite3.Connection, by: str = "year", campaign: str | None = None) -> dict[str, Any]:
    """Counts of documents, directives and campaign mentions by year, document or unit."""
    mention_filter = ""
    args: list[Any] = []
    if campaign:
        mention_filter = "AND i.text LIKE ?"
        args.append(f"%{campaign}%")
    rows: dict[str, dict[str, int]] = defaultdict(lambda: Counter())  # type: ignore[arg-type]
    docs = db.execute("SELECT sha256, path, year FROM documents").fetchall()
    key_of = {sha: (str(year) if year else "unknown") if by == "year" else path for sha, path, year in docs}
    if by in ("year", "document"):
        for sha, _, _ in docs:
            rows[key_of[sha]]["documents"] += 1
        for sha, n in db.execute("SELECT sha256, count(*) FROM items WHERE kind='directive' GROUP BY sha256"):
            rows[key_of[sha]]["directives"] += n
        for sha, n in db.execute(f"SELECT i.sha256, count(*) FROM items i WHERE i.kind='campaign' {mention_filter} "
                                 "GROUP BY i.sha256", args):
            rows[key_of[sha]]["campaign_mentions"] += n
    elif by == "unit":
        unit_docs: dict[str, set[str]] = defaultdict(set)
        for actors, sha in db.execute("SELECT actors, sha256 FROM items WHERE kind='directive'"):
            for unit in filter(None, (actors or "").split("|")):
                rows[unit]["directives"] += 1
                unit_docs[unit].add(sha)
        for unit, shas in unit_docs.items():
            rows[unit]["documents"] = len(shas)
    else:
        raise ValueError(f"--by {by!r}: use year, document or unit")
    table = [{"key": k, "documents": v.get("documents", 0), "directives": v.get("directives", 0),
              "campaign_mentions": v.get("campaign_mentions", 0)} for k, v in rows.items()]
    table.sort(key=lambda r: (r["key"] == "unknown", r["key"]) if by != "unit" else (-r["directives"], r["key"]))
    return {"documents": store.counts(db)["documents"], "by": by, "campaign": campaign, "rows": table}


def plot(result: dict[str, Any], path: str | Path) -> Path:
    """Draw directives and campaign mentions per year (matplotlib, no display)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # no display, no global backend switch
    from matplotlib.figure import Figure

    # Chinese labels need a CJK font; where none is installed the glyphs are missing, not an error
    with matplotlib_style(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig = Figure(figsize=(9, 4.5), dpi=100)
        FigureCanvasAgg(fig)
        _draw(fig, result)
        out = Path(path)
        fig.savefig(out)
    return out


def matplotlib_style() -> Any:
    """A matplotlib style context with CJK fonts first, for this figure only."""
    import matplotlib

    return matplotlib.rc_context({"font.sans-serif": ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                                                      "SimHei", "Microsoft YaHei", "PingFang SC", "DejaVu Sans"]})


def _draw(fig: Any, result: dict[str, Any]) -> None:
    rows = [r for r in result["rows"] if r["key"] != "unknown"]
    years = [r["key"] for r in rows]
    ax = fig.subplots()
    ax.plot(years, [r["directives"] for r in rows], marker="o", color="tab:blue", label="directives")
    ax.set_xlabel(result["by"])
    ax.set_ylabel("directives", color="tab:blue")
    ax.grid(alpha=0.3)
    # mentions are counted in tens, directives in thousands: each gets its own axis
    right = ax.twinx()
    label = f"mentions of {result['campaign']}" if result.get("campaign") else "campaign mentions"
    right.plot(years, [r["campaign_mentions"] for r in rows], marker="s", color="tab:orange", label=label)
    right.set_ylabel(label, color="tab:orange")
    ax.set_title(f"{result['documents']} documents")
    for tick in ax.get_xticklabels():
        tick.set_rotation(45)
        tick.set_horizontalalignment("right")
    fig.tight_layout()


def export_tasks(db: sqlite3.Connection) -> bytes:
    """The task lists of the whole archive as one filterable workbook, as people corrected them (`nlp serve`)."""
    types = item_types()

    def rows() -> Iterator[list[Any]]:
        for sha, path, title, year in db.execute(
                "SELECT sha256, path, title, year FROM documents ORDER BY year, path").fetchall():
            analysis = db.execute("SELECT analysis FROM documents WHERE sha256=?", (sha,)).fetchone()[0]
            fixed = corrections.apply(analysis_from_data(json.loads(analysis), types),
                                      corrections.history(db, sha, other=""))
            for row in task_rows(fixed.analysis, fixed.fields):
                yield [path, title, year, *(row[c] for c in COLUMNS)]

    wb = new_workbook()
    ws = wb.active
    ws.title = "任务清单"
    fill_sheet(ws, ("文件", "标题", "年份", *COLUMNS), rows(), {"文件": 30, "标题": 24, "年份": 7, **WIDTHS})
    return to_bytes(wb)
