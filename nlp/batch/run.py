"""`nlp batch`: analyse an archive into SQLite, in parallel, incrementally, surviving bad files and kills.

Documents are keyed by the SHA-256 of their content: an unchanged file is skipped on a rerun, a changed one
re-analysed, a moved one recognised. Workers (processes, or a Dask cluster) analyse; the driver alone
writes, one transaction per document.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from nlp.batch import pool, store
from nlp.batch.walk import OWN_EXPORT, Item, plan, read
from nlp.budget import MAX_WORKER_MEMORY, time_budget
from nlp.errors import InputError
from nlp.ingest import read_bytes
from nlp.ingest.own import Source, export_source
from nlp.pipeline import analyze_document
from nlp.segment.tokens import tokenize, tokenizer
from nlp.serialize import analysis_data
from nlp.types import Analysis, Options

SEPARATOR = re.compile(r"[/\\](?=[^/\\]*$)")  # the last path separator
MAX_IN_FLIGHT = 4  # documents queued per Dask worker: enough to keep workers busy, little memory held
Result = tuple[str, str, dict[str, Any] | None, str | None]
Progress = Callable[[Iterable[Any], int], Iterable[Any]]


def analyse_item(path: str, data: bytes, suffix: str, options: Options) -> Result:
    """Analyse one document; return (path, sha256, analysis as JSON data or None, error or None). Runs in a worker,
    within the document's time budget (`options.timeout`)."""
    sha = hashlib.sha256(data).hexdigest()
    started = time.monotonic()
    try:
        with time_budget(options.timeout, path):
            document = read_bytes(data, path, suffix, options.max_bytes, options.max_chars)
        tokenizer()  # loaded once per worker, on the first document read: not this document's time
        left = options.timeout - (time.monotonic() - started) if options.timeout else None
        with time_budget(max(left, 0.01) if left is not None else None, path, options.timeout):
            analysis = analyze_document(document, options)
            result = analysis_data(analysis)
            # rows, JSON and index tokens made here, in parallel: the archive's one writer only writes them, and
            # the tokens come from this analysis' own segmentation (no second pass)
            prepared = store.prepare(result, _span_tokens(analysis))
            # the items travel to the writer once, in the prepared JSON; of the rest it reads only these
            result = {k: result[k] for k in store.READ_BESIDES_PREPARED if k in result}
            result[store.PREPARED] = prepared
        return path, sha, result, None
    except InputError as exc:
        return path, sha, None, exc.problem + (f"; {exc.advice}" if exc.advice else "")
    except MemoryError:
        return path, sha, None, "over the memory this machine could give (MemoryError)"
    except RecursionError:
        return path, sha, None, "nested too deeply to analyse (RecursionError)"
    except Exception as exc:  # one bad file must never stop the night's run
        return path, sha, None, f"internal error: {type(exc).__name__}: {exc}"


def _span_tokens(analysis: Analysis) -> Callable[[int, int], str]:
    """Return a function giving the space-separated tokens of a span of the analysed text."""
    texts, starts = analysis.tokens.texts, analysis.tokens.starts

    def of(start: int, end: int) -> str:
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return " ".join(texts[lo:hi])

    return of


def _beside(db: Any, path: str, source: Source) -> bool:
    """Whether the document an export was made from is stored beside it, edited since: a file of its name in its
    folder, of its title (a document of the same name made by others, 工作要点.docx of another office, is not)."""
    if not source.name:
        return False
    folder = _folder(path)
    stored = store.document_at(db, f"{folder}{path[len(folder):len(folder) + 1]}{source.name}" if folder else source.name)
    # (a title not recorded, by an earlier version's export: the name alone; a document without a title: "")
    return stored is not None and (source.title is None or (store.title_of(db, stored) or "") == source.title)


def _folder(path: str) -> str:
    """The folder a file of a run is in (a zip entry's: its folder inside the zip)."""
    return SEPARATOR.split(path)[0] if SEPARATOR.search(path) else ""


def _still_there(path: str) -> bool:
    return Path(path.split("!/")[0]).exists()


def tokens_text(text: str) -> str:
    """The text as space-separated jieba tokens, as the full-text index stores and queries it."""
    return " ".join(tokenize(text).texts)


def run_batch(paths: list[str], db_path: str, workers: int = 1, engine: str = "local", scheduler: str | None = None,
              options: Options | None = None, progress: Progress | None = None,
              max_memory: int | None = MAX_WORKER_MEMORY) -> dict[str, Any]:
    """Run the batch and return its summary: ok, skipped (unchanged + not_documents), copies, failed, failures,
    skipped_files, copies_of, total, seconds. Problems with the archive itself raise InputError before any
    document is read."""
    started = time.perf_counter()
    options = options or Options()
    db = store.connect(db_path)
    summary: dict[str, Any] = {"ok": 0, "skipped": 0, "unchanged": 0, "not_documents": 0, "copies": 0, "failed": 0,
                               "total": 0, "failures": [], "skipped_files": [], "copies_of": []}

    def fail(path: str, error: str) -> None:
        store.record_failure(db, path, error)
        summary["failed"] += 1
        summary["failures"].append({"path": path, "error": error})

    def todo(items: Iterable[Item]) -> Iterator[Item]:
        for item in items:
            if item.skip is not None:
                summary["skipped"] += 1
                summary["not_documents"] += 1
                summary["skipped_files"].append({"path": item.path, "reason": item.skip})
                continue
            if item.error is not None or item.data is None:
                fail(item.path, item.error or "unreadable")
                continue
            source = export_source(item.data)
            if source is not None:  # the tool's own export: read once its document is known, or not at all
                deferred.append((item, source))
                continue
            sha = hashlib.sha256(item.data).hexdigest()
            hit = store.known(db, sha)
            if hit is not None:
                doc, stored_at = hit
                if stored_at != item.path and store.document_at(db, item.path) != doc:
                    # the same content elsewhere: moved when the old place is gone, else a copy
                    store.record_path(db, item.path, doc, moved=not _still_there(stored_at))
                summary["skipped"] += 1
                summary["unchanged"] += 1
                continue
            yield item

    def exports() -> Iterator[Item]:
        """The exports put off: left out where the document they were made from is in the archive now, or beside
        them in this run (edited since, or failed), or where they hold many (an archive's own export) — a copy of
        one stored by an earlier run is dropped —, else read as the documents they are (a task list handed on)."""
        for item, source in deferred:
            if not source.sha256 or store.known(db, source.sha256) is not None or _beside(db, item.path, source):
                store.forget(db, item.path)
                summary["skipped"] += 1
                summary["not_documents"] += 1
                summary["skipped_files"].append({"path": item.path, "reason": OWN_EXPORT})
            elif store.known(db, hashlib.sha256(item.data or b"").hexdigest()) is None:
                yield item
            else:
                summary["skipped"] += 1
                summary["unchanged"] += 1

    def finished(result: Result | pool.Failure, item: Item) -> None:
        if isinstance(result, pool.Failure):
            fail(item.path, result.reason)
            return
        path, _sha, analysis, error = result
        if analysis is None:
            fail(path, error or "unknown error")
            return
        same_as = store.store(db, path, analysis, tokens_text)
        if same_as is None:
            summary["ok"] += 1
        else:
            summary["copies"] += 1
            summary["copies_of"].append({"path": path, "same_as": same_as})

    sources = plan(paths, options.max_bytes)
    summary["total"] = len(sources)
    read_items: Iterable[Item] = (read(s, options.max_bytes) for s in sources)
    if progress is not None:
        read_items = progress(read_items, len(sources))
    deferred: list[tuple[Item, Source]] = []
    try:
        for n, items in enumerate((todo(read_items), exports())):  # (the exports once every document is stored)
            if n and not deferred:
                break
            if engine == "dask":
                _run_dask(items, finished, workers, scheduler, options)
            else:
                tasks = ((item, options) for item in items)
                for (item, _), result in pool.run(tasks, _analyse_task, workers, options.timeout, max_memory):
                    finished(result, item)
    except sqlite3.Error as exc:
        raise store.archive_error(db_path, exc) from exc
    finally:
        db.close()
    summary["seconds"] = round(time.perf_counter() - started, 3)
    return summary


_frozen = False


def _analyse_task(task: tuple[Item, Options]) -> Result:
    """Analyse one document in a worker. Once the dictionary is loaded (by the first document that needs it, so
    that a rerun meeting only empty or legacy files never loads it), the garbage collector stops rescanning it:
    it lives as long as the worker, and rescans cost a fifth of segmentation."""
    global _frozen
    item, options = task
    result = analyse_item(item.path, item.data or b"", item.suffix, options)
    if not _frozen and tokenizer.cache_info().currsize:
        gc.freeze()
        _frozen = True
    return result


def _run_dask(items: Iterator[Item], finished: Callable[[Any, Item], None], workers: int, scheduler: str | None,
              options: Options) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise RuntimeError("--engine dask needs the dask extra: pip install -e '.[dask]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=pool.worker_count(workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)

    def outcome(future: Any) -> Any:
        try:
            return future.result()
        except Exception as exc:  # a worker that died on this document (KilledWorker) or failed it
            return pool.Failure(f"worker died ({type(exc).__name__})")

    try:
        futures = as_completed()
        of: dict[Any, Item] = {}
        limit = max(1, workers) * MAX_IN_FLIGHT
        for item in items:
            f = client.submit(analyse_item, item.path, item.data or b"", item.suffix, options, pure=False)
            of[f] = Item(item.path)  # the driver keeps the path, not the bytes
            futures.add(f)
            if len(of) >= limit:
                done = next(futures)
                finished(outcome(done), of.pop(done))
        for f in futures:
            finished(outcome(f), of.pop(f))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
