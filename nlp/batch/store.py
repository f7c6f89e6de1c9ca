"""The archive database (SQLite, WAL): documents keyed by content hash, their items, full-text search.

One transaction per document, so an interrupted run leaves every stored document whole and a rerun
picks up where it stopped. The schema carries a version; `migrate` brings older databases up to date.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

SCHEMA_VERSION = 2
YEAR = re.compile(r"(19|20)\d{2}")

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE IF NOT EXISTS documents (
        sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT, date TEXT, year INTEGER, format TEXT,
        chars INTEGER, analysis TEXT NOT NULL, analysed_at REAL NOT NULL);
    CREATE TABLE IF NOT EXISTS paths (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, error TEXT NOT NULL, at REAL NOT NULL);
    CREATE TABLE IF NOT EXISTS items (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
        kind TEXT NOT NULL, item TEXT NOT NULL, text TEXT NOT NULL, start INTEGER, "end" INTEGER,
        actors TEXT, campaigns TEXT, modality TEXT, extra TEXT);
    CREATE INDEX IF NOT EXISTS items_doc ON items(sha256);
    CREATE INDEX IF NOT EXISTS items_kind ON items(kind);
    CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(tokens, tokenize='unicode61');
    """,
    # what people change (nlp.batch.corrections), the bytes of uploaded documents (so that they can be analysed
    # again) and the queue of uploads that `nlp serve` analyses in the background
    2: """
    CREATE TABLE IF NOT EXISTS corrections (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, item_id TEXT, item_start INTEGER NOT NULL,
        item_end INTEGER NOT NULL, item_text TEXT NOT NULL, other TEXT NOT NULL DEFAULT '', field TEXT NOT NULL,
        original TEXT, value TEXT, note TEXT NOT NULL DEFAULT '', who TEXT NOT NULL, at REAL NOT NULL);
    CREATE INDEX IF NOT EXISTS corrections_doc ON corrections(sha256);
    CREATE TABLE IF NOT EXISTS sources (sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL,
        added REAL NOT NULL);
    CREATE TABLE IF NOT EXISTS jobs (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT, size INTEGER, state TEXT NOT NULL, error TEXT,
        added REAL NOT NULL, finished REAL);
    """,
}


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (or create) an archive and bring its schema to the current version."""
    db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db


def migrate(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"the archive has schema version {version}, newer than this nlp ({SCHEMA_VERSION})")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, MIGRATIONS[target].split(";")):
                db.execute(statement)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(target),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def known(db: sqlite3.Connection, sha256: str) -> str | None:
    """Return the path under which a document with this content is stored, or None."""
    row = db.execute("SELECT path FROM documents WHERE sha256=?", (sha256,)).fetchone()
    return row[0] if row else None


def record_path(db: sqlite3.Connection, path: str, sha256: str, moved: bool) -> None:
    """Note that `path` holds a stored document's content: a copy, or (`moved`) its new place."""
    db.execute("BEGIN IMMEDIATE")
    if moved:
        db.execute("DELETE FROM paths WHERE path = (SELECT path FROM documents WHERE sha256=?)", (sha256,))
        db.execute("UPDATE documents SET path=? WHERE sha256=?", (path, sha256))
    db.execute("INSERT OR REPLACE INTO paths VALUES (?, ?)", (path, sha256))
    db.execute("DELETE FROM failures WHERE path=?", (path,))
    db.execute("COMMIT")


CONTEXT = 30  # characters either side of a campaign mention that its index entry covers
# the item lists an archive indexes, in this order; an extractor added later is indexed after them. Targets
# and links are not: a target's text lies inside its directive's, a link has no text of its own.
INDEX_ORDER = ("directives", "reports", "campaigns", "quantities")
NOT_INDEXED = frozenset({"targets", "links"})
PARTY_FIELDS = ("actors", "inherited_actors", "units")  # who an item concerns: responsible or reporting units
LABEL_FIELDS = ("modality", "polarity", "kind")  # the value an item is filtered by


class Row(NamedTuple):
    """One searchable entry of an archive: an item, or one mention of a campaign."""

    kind: str
    item: str
    text: str
    start: int
    end: int
    parties: str
    campaigns: str
    label: str
    extra: str
    span: tuple[int, int]  # what the full-text index covers


def item_rows(result: dict[str, Any]) -> list[Row]:
    """Return the archive rows of an analysis (its JSON object): one per item with a text span, one per
    campaign mention; the columns are read from the items' fields by name."""
    text_len = len(result["text"])
    names = {c["id"]: c["name"] for c in result.get("campaigns", ())}
    lists = [k for k in INDEX_ORDER if k in result]
    lists += [k for k, v in result.items() if k not in INDEX_ORDER and k not in NOT_INDEXED
              and isinstance(v, list) and v and isinstance(v[0], dict) and "id" in v[0]]
    rows: list[Row] = []
    for key in lists:
        kind = key[:-1] if key.endswith("s") else key
        for item in result[key]:
            label = next((str(item[f]) for f in LABEL_FIELDS if f in item), "")
            if "mentions" in item:
                for m in item["mentions"]:
                    rows.append(Row(kind, item["id"], item.get("name", m["text"]), m["start"], m["end"], "",
                                    item.get("name", ""), label, json.dumps({"mention": m["text"]}, ensure_ascii=False),
                                    (max(0, m["start"] - CONTEXT), min(text_len, m["end"] + CONTEXT))))
                continue
            if not {"text", "start", "end"} <= item.keys():
                continue
            parties = [p for f in PARTY_FIELDS for p in item.get(f) or ()]
            if item.get("subject"):
                parties.append(item["subject"])
            extra = {k: v for k, v in item.items() if k not in ("id", "text", "start", "end")}
            rows.append(Row(kind, item["id"], item["text"], item["start"], item["end"], "|".join(parties),
                            "|".join(names.get(c, "") for c in item.get("campaigns") or ()), label,
                            json.dumps(extra, ensure_ascii=False), (item["start"], item["end"])))
    return rows


def index_spans(result: dict[str, Any]) -> list[tuple[int, int]]:
    """The spans of a document's text that the full-text index holds, one per stored row."""
    return [r.span for r in item_rows(result)]


def store(db: sqlite3.Connection, path: str, result: dict[str, Any], tokens_of: Any) -> None:
    """Store one analysis and its searchable items in a single transaction."""
    sha = result["source"]["sha256"]
    title = result.get("title")
    date = result.get("date")
    year_match = YEAR.search(date or "") or YEAR.search(title or "") or YEAR.search(Path(path).name)
    year = int(year_match.group(0)) if year_match else None
    text = result["text"]
    segmented = result.pop("_fts", {})
    rows = item_rows(result)
    db.execute("BEGIN IMMEDIATE")
    try:
        old = [r[0] for r in db.execute("SELECT id FROM items WHERE sha256=?", (sha,))]
        db.executemany("DELETE FROM items_fts WHERE rowid=?", [(i,) for i in old])
        db.execute("DELETE FROM items WHERE sha256=?", (sha,))
        db.execute("INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                   (sha, path, title, date, year, result["source"]["format"], len(text),
                    json.dumps(result, ensure_ascii=False), time.time()))
        db.execute("INSERT OR REPLACE INTO paths VALUES (?, ?)", (path, sha))
        db.execute("DELETE FROM failures WHERE path=?", (path,))
        first_id = (db.execute("SELECT max(id) FROM items").fetchone()[0] or 0) + 1
        ids = range(first_id, first_id + len(rows))
        db.executemany('INSERT INTO items (id, sha256, kind, item, text, start, "end", actors, campaigns, modality,'
                       " extra) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       [(i, sha, *row[:9]) for i, row in zip(ids, rows, strict=True)])
        fts = []
        for i, row in zip(ids, rows, strict=True):
            a, b = row.span
            tokens = segmented.get(f"{a}:{b}")
            fts.append((i, tokens if tokens is not None else tokens_of(text[a:b])))
        db.executemany("INSERT INTO items_fts (rowid, tokens) VALUES (?, ?)", fts)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def delete_document(db: sqlite3.Connection, sha256: str) -> bool:
    """Remove a document with its items, index entries, paths, stored bytes, corrections and queue entries, in
    one transaction; return whether it was there."""
    db.execute("BEGIN IMMEDIATE")
    try:
        found = db.execute("SELECT 1 FROM documents WHERE sha256=?", (sha256,)).fetchone() is not None
        db.executemany("DELETE FROM items_fts WHERE rowid=?",
                       db.execute("SELECT id FROM items WHERE sha256=?", (sha256,)).fetchall())
        for table in ("items", "paths", "sources", "corrections", "jobs", "documents"):
            db.execute(f"DELETE FROM {table} WHERE sha256=?", (sha256,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return found


def record_failure(db: sqlite3.Connection, path: str, error: str) -> None:
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", (path, error, time.time()))
    db.execute("COMMIT")


def documents(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for analysis, in db.execute("SELECT analysis FROM documents ORDER BY year, path"):
        yield json.loads(analysis)


def counts(db: sqlite3.Connection) -> dict[str, int]:
    return {"documents": db.execute("SELECT count(*) FROM documents").fetchone()[0],
            "failures": db.execute("SELECT count(*) FROM failures").fetchone()[0]}
