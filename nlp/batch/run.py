"""`nlp batch`: analyse an archive into SQLite, in parallel, incrementally, surviving bad files and kills.

Documents are keyed by the SHA-256 of their content: an unchanged file is skipped on a rerun, a changed one
re-analysed, a moved one recognised. Workers (processes, or a Dask cluster) analyse; the driver alone
writes, one transaction per document.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from nlp.batch import store
from nlp.batch.walk import Item, walk
from nlp.errors import InputError
from nlp.ingest import read_bytes
from nlp.pipeline import analyze_document
from nlp.segment.tokens import tokenize, tokenizer
from nlp.serialize import analysis_data
from nlp.types import MAX_INPUT_BYTES, Analysis, Options

MAX_IN_FLIGHT = 4  # documents queued per worker: enough to keep workers busy, little memory held


def analyse_item(path: str, data: bytes, suffix: str, max_bytes: int
                 ) -> tuple[str, str, dict[str, Any] | None, str | None]:
    """Analyse one document; return (path, sha256, analysis as JSON data or None, error or None). Runs in a worker."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        analysis = analyze_document(read_bytes(data, path, suffix, max_bytes), Options(max_bytes=max_bytes))
        result = analysis_data(analysis)
        result["_fts"] = _index_tokens(analysis, result)  # the worker segmented already: no second pass
        return path, sha, result, None
    except InputError as exc:
        return path, sha, None, exc.problem + (f"; {exc.advice}" if exc.advice else "")
    except Exception as exc:  # one bad file must never stop the night's run
        return path, sha, None, f"internal error: {type(exc).__name__}: {exc}"


def _index_tokens(analysis: Analysis, result: dict[str, Any]) -> dict[str, str]:
    """Return `"start:end" -> space-separated tokens` for every span the archive indexes."""
    tokens = analysis.tokens
    starts = [t.start for t in tokens]
    out = {}
    for start, end in store.index_spans(result):
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        out[f"{start}:{end}"] = " ".join(t.text for t in tokens[lo:hi])
    return out


def _still_there(path: str) -> bool:
    return Path(path.split("!/")[0]).exists()


def tokens_text(text: str) -> str:
    """The text as space-separated jieba tokens, as the full-text index stores and queries it."""
    return " ".join(t.text for t in tokenize(text))


def run_batch(paths: list[str], db_path: str, workers: int = 1, engine: str = "local", scheduler: str | None = None,
              max_bytes: int = MAX_INPUT_BYTES, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
              ) -> dict[str, Any]:
    """Run the batch and return its summary: ok, skipped, failed, failures, seconds."""
    started = time.perf_counter()
    db = store.connect(db_path)
    summary: dict[str, Any] = {"ok": 0, "skipped": 0, "failed": 0, "failures": []}

    def fail(path: str, error: str) -> None:
        store.record_failure(db, path, error)
        summary["failed"] += 1
        summary["failures"].append({"path": path, "error": error})

    def todo() -> Iterator[Item]:
        for item in walk(paths, max_bytes):
            if item.error is not None or item.data is None:
                fail(item.path, item.error or "unreadable")
                continue
            sha = hashlib.sha256(item.data).hexdigest()
            stored_at = store.known(db, sha)
            if stored_at is not None:
                if stored_at != item.path:
                    # the same content elsewhere: moved when the old place is gone, else a copy
                    store.record_path(db, item.path, sha, moved=not _still_there(stored_at))
                summary["skipped"] += 1
                continue
            yield item

    def finished(result: tuple[str, str, dict[str, Any] | None, str | None]) -> None:
        path, _sha, analysis, error = result
        if analysis is None:
            fail(path, error or "unknown error")
            return
        store.store(db, path, analysis, tokens_text)
        summary["ok"] += 1

    items = todo()
    if progress is not None:
        items = iter(progress(items))
    try:
        if engine == "dask":
            _run_dask(items, finished, workers, scheduler, max_bytes)
        elif workers <= 1:
            for item in items:
                finished(analyse_item(item.path, item.data or b"", item.suffix, max_bytes))
        else:
            _run_processes(items, finished, workers, max_bytes)
    finally:
        db.close()
    summary["seconds"] = round(time.perf_counter() - started, 3)
    return summary


def _run_processes(items: Iterator[Item], finished: Callable[[Any], None], workers: int, max_bytes: int) -> None:
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        pending: set[Future[Any]] = set()
        for item in items:
            pending.add(pool.submit(analyse_item, item.path, item.data or b"", item.suffix, max_bytes))
            if len(pending) >= workers * MAX_IN_FLIGHT:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    finished(f.result())
        for f in pending:
            finished(f.result())


def _warm() -> None:
    """Prepare a worker process: load the dictionary once, before the first document, and keep the garbage
    collector from rescanning it (it lives as long as the worker; rescans cost a fifth of segmentation)."""
    tokenizer()
    gc.freeze()


def _run_dask(items: Iterator[Item], finished: Callable[[Any], None], workers: int, scheduler: str | None,
              max_bytes: int) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise RuntimeError("--engine dask needs the dask extra: pip install -e '.[dask]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = as_completed()
        in_flight = 0
        limit = max(1, workers) * MAX_IN_FLIGHT
        for item in items:
            futures.add(client.submit(analyse_item, item.path, item.data or b"", item.suffix, max_bytes, pure=False))
            in_flight += 1
            if in_flight >= limit:
                finished(next(futures).result())
                in_flight -= 1
        for f in futures:
            finished(f.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
