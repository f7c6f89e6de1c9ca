"""The archive database (SQLite, WAL): documents keyed by content hash, their items, full-text search.

One transaction per document, so an interrupted run leaves every stored document whole and a rerun
picks up where it stopped. The schema carries a version; `migrate` brings older databases up to date.
A path holds one document: an edited file replaces its old version. The same report in another format
(its characters and digits in the same order) is stored once, with every path that holds it.

Whatever is wrong with the archive itself (not SQLite, a newer schema, a folder, read-only, a full disk) is
an `InputError`: one line naming it, before any document is analysed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from nlp.errors import InputError

SCHEMA_VERSION = 3
YEAR = re.compile(r"(19|20)\d{2}")
WORD_CHARS = re.compile(r"[^\W_]+")  # letters (Han included) and digits
SQLITE_MAGIC = b"SQLite format 3\x00"

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
    # the same report in several formats: documents keyed by their text too; copies' content hashes
    2: """
    ALTER TABLE documents ADD COLUMN text_key TEXT;
    UPDATE documents SET text_key = text_key(json_extract(analysis, '$.text'));
    CREATE INDEX IF NOT EXISTS documents_text ON documents(text_key);
    CREATE TABLE IF NOT EXISTS aliases (sha256 TEXT PRIMARY KEY, document TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS aliases_document ON aliases(document);
    """,
    # what people change (nlp.batch.corrections), the bytes of uploaded documents (so that they can be analysed
    # again) and the queue of uploads that `nlp serve` analyses in the background
    3: """
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


def text_key(text: str | None) -> str:
    """The identity of a document's text whatever its format: a hash of its characters and digits in order,
    without spaces and punctuation, full-width forms folded (a PDF, a docx and a txt copy of one report differ in
    spaces, wraps and page furniture, not in these; two reports differing only in their figures stay apart)."""
    chars = unicodedata.normalize("NFKC", "".join(WORD_CHARS.findall(text or ""))).lower()
    return hashlib.sha256(chars.encode("utf-8")).hexdigest()


def archive_error(path: str | Path, exc: sqlite3.Error) -> InputError:
    """Turn what SQLite says about the archive into one line saying what to do."""
    message = str(exc)
    lowered = message.lower()
    if "not a database" in lowered or "malformed" in lowered:
        return InputError(str(path), "is not an nlp archive (not an SQLite database, or damaged)",
                          "choose another --db")
    if "readonly" in lowered or "read-only" in lowered:
        return InputError(str(path), "the archive is read-only", "make it writable or choose another --db")
    if "full" in lowered:
        return InputError(str(path), "the disk holding the archive is full",
                          "free some space and run again: what is stored is kept")
    if "locked" in lowered or "busy" in lowered:
        return InputError(str(path), "the archive is in use by another process", "wait for it, or choose another --db")
    if "unable to open" in lowered:
        return InputError(str(path), "the archive cannot be opened (its folder is not writable?)",
                          "check the folder's permissions or choose another --db")
    return InputError(str(path), f"the archive cannot be used (SQLite: {message})", "choose another --db")


def _check_file(path: Path, must_exist: bool) -> None:
    if path.is_dir():
        raise InputError(str(path), "is a folder, not an archive", "give a file name such as archive.sqlite")
    if not path.exists():
        if must_exist:
            raise InputError(str(path), "no such archive", f"create it with `nlp batch PATH... --db {path}`")
        if not path.resolve().parent.is_dir():
            raise InputError(str(path), "the folder for the archive does not exist", "create it or choose another --db")
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise InputError(str(path), f"the archive cannot be read ({exc.strerror})", "check its permissions") from exc
    if head and head != SQLITE_MAGIC:
        raise InputError(str(path), "is not an nlp archive (not an SQLite database)", "choose another --db")
    if not head and must_exist:
        raise InputError(str(path), "is an empty file, not an archive", f"create it with `nlp batch PATH... --db {path}`")
    if not must_exist and not (os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)):
        # SQLite would say "unable to open database file", or fail only at the first document stored
        raise InputError(str(path), "the archive is read-only (or its folder is: SQLite writes a journal beside it)",
                         "make both writable or choose another --db")


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """Open an archive. To write (the default): create it when missing, bring its schema to the current version
    and make sure it can be written, all before any document is analysed. `readonly`: open an existing archive
    without changing anything (a read-only file or folder is fine)."""
    target = Path(path)
    _check_file(target, must_exist=readonly)
    try:
        if readonly:
            db = _open_readonly(target)
        else:
            db = sqlite3.connect(str(target), timeout=30, isolation_level=None)
            db.create_function("text_key", 1, text_key, deterministic=True)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
        version = schema_version(db, str(target))
        if readonly:
            if version < 1:
                raise InputError(str(target), "is an SQLite database but not an nlp archive", "choose another --db")
        else:
            migrate(db)
            db.execute("BEGIN IMMEDIATE")  # can it be written? found now, not after the first analysis
            db.execute("COMMIT")
    except sqlite3.Error as exc:
        raise archive_error(target, exc) from exc
    return db


def _open_readonly(path: Path) -> sqlite3.Connection:
    uri = "file:" + quote(str(path.resolve()))
    try:
        db = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=30, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        # a WAL archive in a folder we cannot write: no -shm can be made; read it as it is on disk
        db = sqlite3.connect(uri + "?immutable=1", uri=True, timeout=30, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db


def schema_version(db: sqlite3.Connection, path: str) -> int:
    """The archive's schema version (0 for a new one); refuse one newer than this nlp understands."""
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() if has_meta else None
    try:
        version = int(row[0]) if row else 0
    except ValueError:
        version = SCHEMA_VERSION + 1
    if version > SCHEMA_VERSION:
        raise InputError(path, f"the archive was written by a newer nlp (schema {row[0] if row else '?'}; this one "
                               f"reads up to {SCHEMA_VERSION})", "upgrade nlp, or choose another --db")
    return version


def migrate(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    version = int(row[0]) if row else 0
    for target in range(version + 1, SCHEMA_VERSION + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, MIGRATIONS[target].split(";")):
                db.execute(statement)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(target),))
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open: SQLite ends it by itself on some errors (a full disk), and a
    second ROLLBACK would hide the first error behind `cannot rollback - no transaction is active`."""
    if db.in_transaction:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def known(db: sqlite3.Connection, sha256: str) -> tuple[str, str] | None:
    """Return (the document's key, the path it is stored under) for content with this hash — a stored document,
    or a copy of one in another format — or None."""
    row = db.execute("SELECT sha256, path FROM documents WHERE sha256=?", (sha256,)).fetchone()
    if row is None:
        row = db.execute("SELECT d.sha256, d.path FROM aliases a JOIN documents d ON d.sha256 = a.document "
                         "WHERE a.sha256=?", (sha256,)).fetchone()
    return (row[0], row[1]) if row else None


def title_of(db: sqlite3.Connection, sha256: str) -> str | None:
    """Return the title of a stored document, or None."""
    row = db.execute("SELECT title FROM documents WHERE sha256=?", (sha256,)).fetchone()
    return row[0] if row else None


def document_at(db: sqlite3.Connection, path: str) -> str | None:
    """Return the key of the document recorded at `path`, or None."""
    row = db.execute("SELECT sha256 FROM paths WHERE path=?", (path,)).fetchone()
    return row[0] if row else None


def _set_path(db: sqlite3.Connection, path: str, sha256: str) -> None:
    """Record that `path` holds document `sha256`; the document it held before is dropped when no path holds it
    any more (an edited file replaces its old version), or moves to a path that still does."""
    old = document_at(db, path)
    db.execute("INSERT OR REPLACE INTO paths VALUES (?, ?)", (path, sha256))
    db.execute("DELETE FROM failures WHERE path=?", (path,))
    if old is not None and old != sha256:
        _release(db, old, path)


def _release(db: sqlite3.Connection, sha256: str, path: str) -> None:
    """Path `path` no longer holds document `sha256`: drop the document if nothing else does."""
    other = db.execute("SELECT path FROM paths WHERE sha256=? AND path<>? ORDER BY path LIMIT 1",
                       (sha256, path)).fetchone()
    if other is not None:
        db.execute("UPDATE documents SET path=? WHERE sha256=? AND path=?", (other[0], sha256, path))
        return
    old = [r[0] for r in db.execute("SELECT id FROM items WHERE sha256=?", (sha256,))]
    db.executemany("DELETE FROM items_fts WHERE rowid=?", [(i,) for i in old])
    db.execute("DELETE FROM items WHERE sha256=?", (sha256,))
    db.execute("DELETE FROM aliases WHERE document=?", (sha256,))
    db.execute("DELETE FROM documents WHERE sha256=?", (sha256,))


def forget(db: sqlite3.Connection, path: str) -> None:
    """`path` holds nothing to store now (the tool's own export): what an earlier run stored from it goes."""
    if document_at(db, path) is None:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        _drop_path(db, path)
        db.execute("COMMIT")
    except BaseException:
        _rollback(db)
        raise


def _drop_path(db: sqlite3.Connection, path: str) -> None:
    """Inside a transaction: `path` holds no stored document any more (the document goes where no path holds it)."""
    old = document_at(db, path)
    if old is not None:
        db.execute("DELETE FROM paths WHERE path=?", (path,))
        _release(db, old, path)


def record_path(db: sqlite3.Connection, path: str, sha256: str, moved: bool) -> None:
    """Note that `path` holds a stored document's content: a copy, or (`moved`) its new place."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if moved:
            db.execute("DELETE FROM paths WHERE path = (SELECT path FROM documents WHERE sha256=?)", (sha256,))
            db.execute("UPDATE documents SET path=? WHERE sha256=?", (path, sha256))
        _set_path(db, path, sha256)
        db.execute("COMMIT")
    except BaseException:
        _rollback(db)
        raise


PREPARED = "_prepared"  # the key of a result dict under which a worker hands its `Prepared` to `store`
READ_BESIDES_PREPARED = ("source", "title", "date", "text")  # what `store` reads of a result that has it
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
        kind = key[:-3] + "y" if key.endswith("ies") else key.removesuffix("s")  # quantities → quantity
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


class Prepared(NamedTuple):
    """An analysis made ready to store by the process that analysed it, so that the archive's one writer only
    writes: each row's item columns (the first nine fields of its `Row`, as a plain tuple: a named tuple costs
    the writer a constructor call per row to unpickle), the full-text tokens of each row's span, its JSON and its
    text key."""

    rows: list[tuple[Any, ...]]
    tokens: list[str]
    analysis: str
    text_key: str


def prepare(result: dict[str, Any], tokens_of_span: Callable[[int, int], str]) -> Prepared:
    """Return the analysis (its JSON object) ready to store; `tokens_of_span(start, end)` gives the tokens of a
    span (in a worker, from the analysis' own segmentation)."""
    rows = item_rows(result)
    return Prepared([tuple(r[:9]) for r in rows], [tokens_of_span(*r.span) for r in rows],
                    json.dumps(result, ensure_ascii=False), text_key(result["text"]))


def store(db: sqlite3.Connection, path: str, result: dict[str, Any], tokens_of: Any) -> str | None:
    """Store one analysis and its searchable items in a single transaction (as `prepare` made them in the worker
    when `result[PREPARED]` holds them). When a stored document has the same text (another format of the same
    report), store nothing twice: record the path and content as its copy, and return the path it is stored
    under."""
    prepared = result.pop(PREPARED, None) or prepare(result, lambda start, end: tokens_of(result["text"][start:end]))
    sha = result["source"]["sha256"]
    key = prepared.text_key
    same = db.execute("SELECT sha256, path FROM documents WHERE text_key=? AND sha256<>?", (key, sha)).fetchone()
    if same is not None:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?)", (sha, same[0]))
            _set_path(db, path, same[0])
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise
        return str(same[1])
    title = result.get("title")
    date = result.get("date")
    year_match = YEAR.search(date or "") or YEAR.search(title or "") or YEAR.search(Path(path).name)
    year = int(year_match.group(0)) if year_match else None
    text = result["text"]
    rows = prepared.rows
    db.execute("BEGIN IMMEDIATE")
    try:
        old = [r[0] for r in db.execute("SELECT id FROM items WHERE sha256=?", (sha,))]
        db.executemany("DELETE FROM items_fts WHERE rowid=?", [(i,) for i in old])
        db.execute("DELETE FROM items WHERE sha256=?", (sha,))
        db.execute("INSERT OR REPLACE INTO documents (sha256, path, title, date, year, format, chars, analysis, "
                   "analysed_at, text_key) VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (sha, path, title, date, year, result["source"]["format"], len(text), prepared.analysis,
                    time.time(), key))
        _set_path(db, path, sha)
        first_id = (db.execute("SELECT max(id) FROM items").fetchone()[0] or 0) + 1
        ids = range(first_id, first_id + len(rows))
        db.executemany('INSERT INTO items (id, sha256, kind, item, text, start, "end", actors, campaigns, modality,'
                       " extra) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       [(i, sha, *row) for i, row in zip(ids, rows, strict=True)])
        db.executemany("INSERT INTO items_fts (rowid, tokens) VALUES (?, ?)", zip(ids, prepared.tokens, strict=True))
        db.execute("COMMIT")
    except BaseException:
        _rollback(db)
        raise
    return None


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
        db.execute("DELETE FROM aliases WHERE document=?", (sha256,))
        db.execute("COMMIT")
    except BaseException:
        _rollback(db)
        raise
    return found


def record_failure(db: sqlite3.Connection, path: str, error: str) -> None:
    """Record why `path` could not be analysed; a version stored from it before is no longer what it holds."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", (path, error, time.time()))
        _drop_path(db, path)
        db.execute("COMMIT")
    except BaseException:
        _rollback(db)
        raise


def documents(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for analysis, in db.execute("SELECT analysis FROM documents ORDER BY year, path"):
        yield json.loads(analysis)


def counts(db: sqlite3.Connection) -> dict[str, int]:
    return {"documents": db.execute("SELECT count(*) FROM documents").fetchone()[0],
            "failures": db.execute("SELECT count(*) FROM failures").fetchone()[0]}
