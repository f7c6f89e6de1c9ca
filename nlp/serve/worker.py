"""The upload queue: documents received are stored (their bytes and a job) before anything else, then analysed in
the background through `nlp batch`'s own path (nlp.batch.run.analyse_item, nlp.batch.store.store: one
transaction per document, keyed by the SHA-256 of its content).

The queue lives in the archive (table `jobs`), so a server stopped mid-analysis picks the unfinished jobs up when
it starts again, and a browser closed mid-upload leaves only the file it was sending unsaved, never half of one.
"""

from __future__ import annotations

import gc
import hashlib
import queue
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path, PurePosixPath
from typing import Any

from nlp.batch import store
from nlp.batch.run import analyse_item, tokens_text
from nlp.batch.walk import OWN_EXPORT, SKIP_NAMES, zip_entries
from nlp.errors import InputError
from nlp.ingest import sniff
from nlp.ingest.own import export_source
from nlp.ingest.safety import check_size
from nlp.segment.tokens import tokenizer
from nlp.types import MAX_INPUT_BYTES, Options

STATES = ("queued", "running", "done", "failed", "skipped")


def _warm() -> None:
    """Prepare the worker process: the dictionary loaded once, kept out of the garbage collector's scans."""
    tokenizer()
    gc.freeze()


@dataclass(frozen=True)
class Received:
    """One document of an upload (a zip gives several), or the reason it was refused."""

    name: str
    data: bytes | None = None
    error: str | None = None


IN_ARCHIVE = "the document it was made from is in the archive already"


def upload_path(name: str, sha256: str = "") -> str:
    """The path an upload is recorded under in the archive: its name under `uploads/` and its content's hash, so
    that two counties' 工作总结.docx are two documents, and a refused upload never stands for a stored file of the
    same name (a path of `nlp batch` records what that file holds now)."""
    return f"uploads/{sha256[:12]}/{name}" if sha256 else f"uploads/{name}"


def unpack(name: str, data: bytes, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Received]:
    """Yield the documents of one uploaded file: itself, or the entries of a .zip (read as `nlp batch` reads
    them); a file whose size or kind the command line refuses is refused here with the same one-line reason."""
    if PurePosixPath(name).name in SKIP_NAMES or PurePosixPath(name).name.startswith("."):
        return
    try:
        check_size(len(data), name, max_bytes)
    except InputError as exc:
        yield Received(name, error=f"{exc.problem}; {exc.advice}")
        return
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        # (the tool's own exports after the documents; one whose document, by its name, is in the zip is left out,
        # as `nlp batch` leaves out one beside its document)
        exports, names = [], set()
        for item in zip_entries(name, data, max_bytes):
            if item.skip is not None:
                continue  # a data file (MANIFEST.tsv) packed with the documents, as `nlp batch` skips it
            if item.error is not None or item.data is None:
                yield Received(item.path, error=item.error or "unreadable")
            elif (source := export_source(item.data)) is not None:
                exports.append((item, source))
            else:
                names.add(PurePosixPath(item.path.split("!/")[-1]).name)
                yield from _checked(item.path, item.data)
        for item, source in exports:
            if source.name and source.name in names:
                yield Received(item.path, error=f"{OWN_EXPORT}; {IN_ARCHIVE}")
            else:
                yield from _checked(item.path, item.data or b"")
        return
    yield from _checked(name, data)


def _checked(name: str, data: bytes) -> Iterator[Received]:
    try:
        if not data.strip():
            raise InputError(name, "the file is empty" if not data else "the file holds only whitespace",
                             "give a document with text")
        sniff(data, PurePosixPath(name).suffix.lower(), name)
    except InputError as exc:
        yield Received(name, error=exc.problem + (f"; {exc.advice}" if exc.advice else ""))
        return
    yield Received(name, data)


def enqueue(db: Any, received: Received) -> dict[str, Any]:
    """Store an uploaded document and its job in one transaction (or its refusal); return the job."""
    now = time.time()
    if received.data is not None and (source := export_source(received.data)) is not None and (
            not source.sha256 or store.known(db, source.sha256) is not None
            or db.execute("SELECT 1 FROM sources WHERE sha256=?", (source.sha256,)).fetchone() is not None):
        # (a task list downloaded here, or made from a document stored here: its tasks are that document's; one
        # handed on from an office whose documents are not here is a document of its own)
        received = Received(received.name, error=f"{OWN_EXPORT}; {IN_ARCHIVE}")
    if received.data is None:
        store.record_failure(db, upload_path(received.name), received.error or "unreadable")
        cur = db.execute("INSERT INTO jobs (name, state, error, added, finished) VALUES (?, 'failed', ?, ?, ?)",
                         (received.name, received.error, now, now))
        return job(db, int(cur.lastrowid))
    sha = hashlib.sha256(received.data).hexdigest()
    db.execute("BEGIN IMMEDIATE")
    try:
        stored = store.known(db, sha)
        if stored is not None:
            cur = db.execute("INSERT INTO jobs (name, sha256, size, state, added, finished) "
                             "VALUES (?, ?, ?, 'skipped', ?, ?)", (received.name, stored[0], len(received.data), now, now))
        else:
            db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?)", (sha, received.name, received.data, now))
            cur = db.execute("INSERT INTO jobs (name, sha256, size, state, added) VALUES (?, ?, ?, 'queued', ?)",
                             (received.name, sha, len(received.data), now))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return job(db, int(cur.lastrowid))


def job(db: Any, job_id: int) -> dict[str, Any]:
    row = db.execute("SELECT id, name, sha256, size, state, error FROM jobs WHERE id=?", (job_id,)).fetchone()
    if row is None:
        return {"id": job_id, "state": "missing"}
    return dict(zip(("id", "name", "sha256", "size", "state", "error"), row, strict=True))


class Analyser:
    """Analyses the queued jobs one after another in a background thread, in a worker process (`processes`=1,
    so that the pages stay quick and a crash in a reader costs one document) or in the thread itself (0)."""

    def __init__(self, db_path: str | Path, max_bytes: int = MAX_INPUT_BYTES, processes: int = 1) -> None:
        self.db_path = str(db_path)
        self.max_bytes = max_bytes
        self.processes = processes
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pool: Executor | None = None
        self._pending = 0  # jobs submitted and not yet finished
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()

    def start(self) -> None:
        """Start the thread and queue the jobs left unfinished by an earlier run."""
        db = store.connect(self.db_path)
        try:
            pending = [r[0] for r in db.execute("SELECT id FROM jobs WHERE state IN ('queued', 'running') ORDER BY id")]
        finally:
            db.close()
        for job_id in pending:
            self.submit(job_id)
        self._thread = threading.Thread(target=self._run, name="nlp-serve-analyser", daemon=True)
        self._thread.start()

    def submit(self, job_id: int) -> None:
        with self._lock:
            self._pending += 1
            self._idle.clear()
        self._queue.put(job_id)

    def stop(self) -> None:
        """Stop after the document in hand (or at once: a job cut short stays queued for the next start)."""
        self._queue.put(None)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def wait(self, timeout: float = 60.0) -> bool:
        """Wait until the queue is empty (for tests and scripts); return whether it is."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        db = store.connect(self.db_path)
        try:
            while True:
                job_id = self._queue.get()
                if job_id is None:
                    return
                try:
                    self._analyse(db, job_id)
                except Exception as exc:  # the queue must go on: record and continue
                    db.execute("UPDATE jobs SET state='failed', error=?, finished=? WHERE id=?",
                               (f"internal error: {type(exc).__name__}: {exc}", time.time(), job_id))
                finally:
                    with self._lock:
                        self._pending -= 1
                        if self._pending == 0:
                            self._idle.set()
        finally:
            db.close()

    def _analyse(self, db: Any, job_id: int) -> None:
        row = db.execute("SELECT j.name, j.sha256, j.state, s.data FROM jobs j LEFT JOIN sources s "
                         "ON s.sha256 = j.sha256 WHERE j.id=?", (job_id,)).fetchone()
        if row is None or row[2] not in ("queued", "running"):
            return
        name, sha, _, data = row
        if data is None:
            db.execute("UPDATE jobs SET state='failed', error=?, finished=? WHERE id=?",
                       ("the document's original file is no longer in the archive", time.time(), job_id))
            return
        db.execute("UPDATE jobs SET state='running' WHERE id=?", (job_id,))
        suffix = PurePosixPath(name.split("!/")[-1]).suffix.lower()
        _, _, result, error = self._call(name, bytes(data), suffix)
        path = upload_path(name, sha)
        if result is None:
            store.record_failure(db, path, error or "unknown error")
            db.execute("BEGIN IMMEDIATE")
            # a document that cannot be read is not kept, unless an earlier analysis of it is in the archive
            db.execute("DELETE FROM sources WHERE sha256=? AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256=?)",
                       (sha, sha))
            db.execute("UPDATE jobs SET state='failed', error=?, finished=? WHERE id=?", (error, time.time(), job_id))
            db.execute("COMMIT")
            return
        stored_at = db.execute("SELECT path FROM documents WHERE sha256=?", (sha,)).fetchone()
        if store.store(db, stored_at[0] if stored_at else path, result, tokens_text) is None:
            db.execute("UPDATE jobs SET state='done', finished=? WHERE id=?", (time.time(), job_id))
            return
        # the same report in another format (a PDF of a docx already here): the job points at the stored one
        document = store.known(db, sha)
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM sources WHERE sha256=?", (sha,))
        db.execute("UPDATE jobs SET state='skipped', sha256=?, finished=? WHERE id=?", (document[0] if document else sha, time.time(), job_id))
        db.execute("COMMIT")

    def _call(self, name: str, data: bytes, suffix: str) -> tuple[str, str, dict[str, Any] | None, str | None]:
        if self.processes <= 0:
            return analyse_item(name, data, suffix, Options(max_bytes=self.max_bytes))
        for attempt in (1, 2):
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=self.processes, mp_context=get_context("spawn"),
                                                 initializer=_warm)
            try:
                return self._pool.submit(analyse_item, name, data, suffix, Options(max_bytes=self.max_bytes)).result()
            except BrokenProcessPool:
                self._pool = None  # the worker died (a reader crashed): one more try in a fresh one, then give up
                if attempt == 2:
                    break
        return name, "", None, "internal error: the analysis process stopped"


def reanalyse(db: Any, sha256: str) -> dict[str, Any] | None:
    """Queue a stored document to be analysed again from its original bytes (kept in the archive, or its file
    when that still holds the same content); None when neither is there."""
    row = db.execute("SELECT path FROM documents WHERE sha256=?", (sha256,)).fetchone()
    if row is None:
        return None
    path = row[0]
    have = db.execute("SELECT 1 FROM sources WHERE sha256=?", (sha256,)).fetchone()
    if have is None:
        file = Path(path.split("!/")[0])
        if "!/" in path or not file.is_file():
            return None
        data = file.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            return None
        db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?)", (sha256, path, data, time.time()))
    cur = db.execute("INSERT INTO jobs (name, sha256, state, added) VALUES (?, ?, 'queued', ?)",
                     (path, sha256, time.time()))
    return job(db, int(cur.lastrowid))
