"""Questions to an archive: full-text search, counts over time, the task lists of all documents."""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from nlp.batch import corrections, store
from nlp.batch.run import tokens_text
from nlp.export.tasks import COLUMNS, WIDTHS, task_rows
from nlp.export.text_out import table
from nlp.export.xlsx import fill_sheet, new_workbook, to_bytes
from nlp.pipeline import item_types
from nlp.serialize import analysis_from_data

KINDS = ("directive", "campaign", "quantity", "report")
# archives written before 2026-12 store quantities under the kind "quantitie" (the list name less its last letter):
# a search for one kind asks for every spelling it has been stored under
STORED_KINDS = {"quantity": ("quantity", "quantitie")}
CONTEXT = 30  # characters of text shown either side of a hit


def _where(query: str, kind: str | None, actor: str | None, campaign: str | None, year: int | None
           ) -> tuple[str, list[Any]] | None:
    """The FROM and WHERE of a search: items whose indexed text holds every word of `query`, or quantities
    whose metric or subject does (粮食产量 finds 1.4万亿斤 stated for it); None when the query has no word."""
    words = [w for w in tokens_text(query).split() if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    measured = " AND ".join(["(coalesce(json_extract(i.extra, '$.metric'), '') || ' ' || "
                             "coalesce(json_extract(i.extra, '$.subject'), '')) LIKE ?"] * len(words))
    # the text matches, ranked by FTS5, and the quantities matched by their metric after them: a CTE, so that
    # each part runs once over its own index (a join with OR scanned every item: seconds on a large archive)
    sql = ["FROM (SELECT id, min(rank) AS rank FROM (SELECT rowid AS id, rank FROM items_fts WHERE items_fts MATCH ?",
           f"UNION ALL SELECT id, 0 FROM items i WHERE i.kind IN ('quantity', 'quantitie') AND {measured})",
           "GROUP BY id) f JOIN items i ON i.id = f.id JOIN documents d ON d.sha256 = i.sha256 WHERE 1"]
    args: list[Any] = [match, *(f"%{w}%" for w in words)]
    if kind:
        stored = STORED_KINDS.get(kind, (kind,))
        sql.append(f"AND i.kind IN ({', '.join('?' * len(stored))})")
        args += stored
    if actor:
        sql.append("AND i.actors LIKE ?")
        args.append(f"%{actor}%")
    if campaign:
        sql.append("AND (i.campaigns LIKE ? OR (i.kind = 'campaign' AND i.text LIKE ?))")
        args += [f"%{campaign}%", f"%{campaign}%"]
    if year:
        sql.append("AND d.year = ?")
        args.append(year)
    return " ".join(sql), args


def search(db: sqlite3.Connection, query: str, kind: str | None = None, actor: str | None = None,
           campaign: str | None = None, year: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Return the items whose text matches every word of `query` (jieba tokens, SQLite FTS5), best first, and
    quantities whose metric matches; each hit with the text around it (`before`, `after`). `search_count`
    gives how many there are in all."""
    where = _where(query, kind, actor, campaign, year)
    if where is None:
        return []
    sql, args = where
    keys = ("path", "title", "year", "kind", "text", "start", "end", "item", "actors", "campaigns", "extra", "sha256")
    rows = db.execute('SELECT d.path, d.title, d.year, i.kind, i.text, i.start, i."end", i.item, i.actors, i.campaigns, '
                      f"i.extra, d.sha256 {sql} ORDER BY f.rank, d.year, d.path, i.start LIMIT ?",
                      [*args, limit]).fetchall()
    texts: dict[str, str] = {}
    out = []
    for row in rows:
        hit = dict(zip(keys, row, strict=True))
        sha, extra = hit.pop("sha256"), json.loads(hit.pop("extra") or "{}")
        if sha not in texts:
            texts[sha] = db.execute("SELECT json_extract(analysis, '$.text') FROM documents WHERE sha256 = ?",
                                    (sha,)).fetchone()[0] or ""
        text = texts[sha]
        hit["kind"] = next((k for k, stored in STORED_KINDS.items() if hit["kind"] in stored), hit["kind"])
        hit["title"] = hit["title"] or Path(hit["path"]).stem
        hit["actors"] = [a for a in (hit["actors"] or "").split("|") if a]
        hit["campaigns"] = [c for c in (hit["campaigns"] or "").split("|") if c]
        if hit["kind"] == "quantity":
            hit["metric"] = extra.get("metric")
        a, b = hit["start"], hit["end"]
        hit["before"], hit["after"] = text[max(0, a - CONTEXT):a], text[b:b + CONTEXT]
        if hit["kind"] == "campaign":  # the name stands for the mention: show the words as written there
            hit["mention"] = extra.get("mention", text[a:b])
        out.append(hit)
    return out


def search_count(db: sqlite3.Connection, query: str, kind: str | None = None, actor: str | None = None,
                 campaign: str | None = None, year: int | None = None) -> int:
    """Return how many items `search` finds for these arguments without a limit."""
    where = _where(query, kind, actor, campaign, year)
    if where is None:
        return 0
    sql, args = where
    return db.execute(f"SELECT count(*) {sql}", args).fetchone()[0]


def stats(db: sqlite3.Connection, by: str = "year", campaign: str | None = None) -> dict[str, Any]:
    """Counts of documents, directives and campaign mentions by year, document or unit, with the directives and
    mentions per document (years and units hold different numbers of documents: totals alone mislead). For a
    unit, mentions are the campaigns named in its directives."""
    rows: dict[str, dict[str, int]] = defaultdict(lambda: Counter())  # type: ignore[arg-type]
    docs = db.execute("SELECT sha256, path, year, title FROM documents").fetchall()
    key_of = {sha: (str(year) if year else "unknown") if by == "year" else path for sha, path, year, _ in docs}
    titles = {path: title or Path(path).stem for _, path, _, title in docs}
    if by in ("year", "document"):
        args: list[Any] = []
        mention_filter = ""
        if campaign:
            mention_filter = "AND i.text LIKE ?"
            args.append(f"%{campaign}%")
        for sha, _, _, _ in docs:
            rows[key_of[sha]]["documents"] += 1
        for sha, n in db.execute("SELECT sha256, count(*) FROM items WHERE kind='directive' GROUP BY sha256"):
            rows[key_of[sha]]["directives"] += n
        for sha, n in db.execute(f"SELECT i.sha256, count(*) FROM items i WHERE i.kind='campaign' {mention_filter} "
                                 "GROUP BY i.sha256", args):
            rows[key_of[sha]]["campaign_mentions"] += n
    elif by == "unit":
        unit_docs: dict[str, set[str]] = defaultdict(set)
        for actors, names, sha in db.execute("SELECT actors, campaigns, sha256 FROM items WHERE kind='directive'"):
            named = [c for c in (names or "").split("|") if c and (not campaign or campaign in c)]
            for unit in filter(None, (actors or "").split("|")):
                rows[unit]["directives"] += 1
                rows[unit]["campaign_mentions"] += len(named)
                unit_docs[unit].add(sha)
        for unit, shas in unit_docs.items():
            rows[unit]["documents"] = len(shas)
    else:
        raise ValueError(f"--by {by!r}: use year, document or unit")
    result_rows = []
    for k, v in rows.items():
        n = v.get("documents", 0)
        row = {"key": k, "documents": n, "directives": v.get("directives", 0),
               "campaign_mentions": v.get("campaign_mentions", 0)}
        row["directives_per_document"] = round(row["directives"] / n, 1) if n else 0.0
        row["mentions_per_document"] = round(row["campaign_mentions"] / n, 1) if n else 0.0
        if by == "document":
            row["title"] = titles[k]
        result_rows.append(row)
    result_rows.sort(key=lambda r: (r["key"] == "unknown", r["key"]) if by != "unit" else (-r["directives"], r["key"]))
    return {"documents": store.counts(db)["documents"], "by": by, "campaign": campaign, "rows": result_rows}


BY_ZH = {"year": "年份", "document": "文件", "unit": "单位"}
# the columns of a stats table as a reader sees them: (key, Chinese label)
STATS_COLUMNS = (("documents", "文件数"), ("directives", "任务数"), ("directives_per_document", "每份任务数"),
                 ("campaign_mentions", "专项行动提及"), ("mentions_per_document", "每份提及"))


def stats_table(result: dict[str, Any]) -> str:
    """Return the stats as a text table with Chinese headings, aligned by display width (汉字 count twice)."""
    by = result["by"]
    header = [BY_ZH.get(by, by), *(label for _, label in STATS_COLUMNS)]
    rows = [["未知" if r["key"] == "unknown" else r["key"],
             *(r[k] for k, _ in STATS_COLUMNS)] for r in result["rows"]]
    mentions = f"“{result['campaign']}”提及" if result.get("campaign") else "专项行动提及"
    header = [h.replace("专项行动提及", mentions) for h in header]
    return f"文件总数：{result['documents']}\n" + table(header, rows, numeric=set(range(1, len(header))))


def plot(result: dict[str, Any], path: str | Path) -> Path:
    """Draw the directives and campaign mentions per document (by year: a line over the years, with the number
    of documents of each year as bars; by document or unit: bars), in Chinese (matplotlib, no display)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # no display, no global backend switch
    from matplotlib.figure import Figure

    # Chinese labels need a CJK font; where none is installed the glyphs are missing, not an error
    with matplotlib_style(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig = Figure(figsize=(10, 5), dpi=100)
        FigureCanvasAgg(fig)
        _draw(fig, result)
        out = Path(path)
        fig.savefig(out)
    return out


CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei",
             "Microsoft YaHei", "PingFang SC", "Noto Serif CJK SC"]
CJK_FILES = ("NotoSansCJK", "SourceHanSans", "wqy", "simhei", "msyh", "PingFang", "NotoSerifCJK")


@cache
def cjk_font() -> str | None:
    """Return the name of a CJK font matplotlib can use, or None. Fonts installed after matplotlib built its
    font cache are not in it (the plot then shows boxes for every 汉字): those are looked for and added."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in known), None)
    if found:
        return found
    for path in font_manager.findSystemFonts():
        if any(part.lower() in Path(path).name.lower() for part in CJK_FILES):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable font file: try the next
                continue
    known = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in known), None)


def matplotlib_style() -> Any:
    """A matplotlib style context with a CJK font first, for this figure only."""
    import matplotlib

    first = cjk_font()
    return matplotlib.rc_context({"font.sans-serif": ([first] if first else []) + CJK_FONTS + ["DejaVu Sans"],
                                  "axes.unicode_minus": False})


def _draw(fig: Any, result: dict[str, Any]) -> None:
    by = result["by"]
    rows = [r for r in result["rows"] if r["key"] != "unknown"]
    if by != "year":
        rows = sorted(rows, key=lambda r: -r["directives"])[:30]  # the 30 with most directives stay readable
    keys = [r.get("title", r["key"]) for r in rows]
    repeated = {k for k, n in Counter(keys).items() if n > 1}  # copies of one report (txt, docx, pdf)
    keys = [f"{k}（{Path(r['key']).name}）" if k in repeated else k for k, r in zip(keys, rows, strict=True)]
    what = f"“{result['campaign']}”提及" if result.get("campaign") else "专项行动提及"
    ax = fig.subplots()
    if by == "year":
        # the number of documents varies from year to year (one national report, then 63 documents for 2025):
        # per-document values compare years; the grey bars show how many documents each value stands on
        docs = ax.twinx()
        docs.bar(keys, [r["documents"] for r in rows], color="0.88", zorder=0)
        docs.set_ylabel("文件数（灰柱）", color="0.45")
        ax.set_zorder(docs.get_zorder() + 1)
        ax.patch.set_visible(False)
        ax.plot(keys, [r["directives_per_document"] for r in rows], marker="o", color="tab:blue", label="每份文件任务数")
        ax.plot(keys, [r["mentions_per_document"] for r in rows], marker="s", color="tab:orange",
                label=f"每份文件{what}")
        ax.set_ylabel("每份文件的数量")
        ax.set_xlabel("年份")
    else:
        xs = range(len(keys))
        ax.bar([x - 0.2 for x in xs], [r["directives"] for r in rows], 0.4, color="tab:blue", label="任务数")
        ax.bar([x + 0.2 for x in xs], [r["campaign_mentions"] for r in rows], 0.4, color="tab:orange", label=what)
        ax.set_xticks(list(xs), keys)
        ax.set_ylabel("数量")
        ax.set_xlabel(BY_ZH.get(by, by))
    ax.legend(loc="upper left")
    ax.grid(alpha=0.3, axis="y")
    ax.set_title(f"任务与专项行动（共{result['documents']}份文件）")
    for tick in ax.get_xticklabels():
        tick.set_rotation(45)
        tick.set_horizontalalignment("right")
    fig.tight_layout()


def export_tasks(db: sqlite3.Connection) -> bytes:
    """The task lists of the whole archive as one filterable workbook, ready to print, as people corrected them
    (`nlp serve`)."""
    types = item_types()

    def rows() -> Iterator[list[Any]]:
        for sha, path, title, year in db.execute(
                "SELECT sha256, path, title, year FROM documents ORDER BY year, path").fetchall():
            analysis = db.execute("SELECT analysis FROM documents WHERE sha256=?", (sha,)).fetchone()[0]
            fixed = corrections.apply(analysis_from_data(json.loads(analysis), types),
                                      corrections.history(db, sha, other=""))
            for row in task_rows(fixed.analysis, fixed.fields):
                yield [path, title or Path(path).stem, year, *(row[c] for c in COLUMNS)]

    wb = new_workbook(write_only=True)
    fill_sheet(wb.create_sheet("任务清单"), ("文件", "标题", "年份", *COLUMNS), rows(), {"文件": 30, "标题": 24, "年份": 7, **WIDTHS},
               title="档案任务清单", not_printed=("原文",))
    return to_bytes(wb, "")  # (an archive's export: of many documents)
