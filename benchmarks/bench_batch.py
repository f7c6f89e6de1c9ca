"""Benchmark of `nlp batch`: the shared corpus repeated to at least 10 MB of text, with 1 and 2 workers.

Prints documents/s and MB/s per worker count, the ratio of one worker's pipeline to plain jieba
segmentation of the same texts, the peak memory of a worker, and the time of a rerun that skips all.
Run from the repository root: python benchmarks/bench_batch.py [--mb 10]
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.batch.run import run_batch  # noqa: E402
from nlp.ingest import read_document  # noqa: E402


def build(folder: Path, target_mb: float) -> tuple[int, int, list[str]]:
    """Copy the corpus, each round with a distinct first line, until the texts reach `target_mb`."""
    shared = ROOT.parent / "shared" / "corpus"
    sources = sorted(shared.rglob("*.txt")) if shared.is_dir() else sorted((ROOT / "corpora").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    total, n, round_ = 0, 0, 0
    analysed: list[str] = []
    while total < target_mb * 1e6:
        for i, text in enumerate(texts):
            body = f"第{round_}轮副本\n{text}"
            (folder / f"r{round_:02d}_{i:03d}.txt").write_text(body, encoding="utf-8")
            total += len(body.encode("utf-8"))
            n += 1
        round_ += 1
    for p in sorted(folder.glob("*.txt")):
        analysed.append(read_document(p).text)
    return n, total, analysed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    import jieba

    jieba.setLogLevel(logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="nlp-bench-"))
    try:
        docs = work / "docs"
        docs.mkdir()
        n, size, texts = build(docs, args.mb)
        print(f"corpus: {n} documents, {size / 1e6:.1f} MB of text")
        plain = jieba.Tokenizer()
        plain.initialize()
        t0 = time.perf_counter()
        for text in texts:
            list(plain.cut(text))
        jieba_seconds = time.perf_counter() - t0
        print(f"plain jieba segmentation: {jieba_seconds:.1f} s")
        results = {}
        for workers in (1, 2):
            db = work / f"w{workers}.sqlite"
            before = resource.getrusage(resource.RUSAGE_SELF)
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            summary = run_batch([str(docs)], str(db), workers=workers)
            after = resource.getrusage(resource.RUSAGE_SELF)
            children_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, once they have ended
            main_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            worker_cpu = (children_after.ru_utime + children_after.ru_stime
                          - children.ru_utime - children.ru_stime)
            secs = summary["seconds"]
            results[workers] = secs
            print(f"{workers} worker(s): {secs:.1f} s, {summary['ok'] / secs:.1f} documents/s, "
                  f"{size / 1e6 / secs:.2f} MB/s (stored {summary['ok']}, failed {summary['failed']}); "
                  f"the main process (reading, hashing, writing the archive) used {main_cpu:.1f} s of CPU, "
                  f"the workers {worker_cpu:.1f} s")
        rerun = run_batch([str(docs)], str(work / "w2.sqlite"), workers=2)
        peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024
        print(f"speed-up with 2 workers: {results[1] / results[2]:.2f}x on {len(os.sched_getaffinity(0))} CPUs")
        print(f"one worker / plain jieba: {results[1] / jieba_seconds:.2f}")
        print(f"peak memory of a process: {peak:.0f} MB")
        print(f"rerun (all unchanged): {rerun['seconds']:.2f} s, {rerun['seconds'] / results[2] * 100:.1f} % of the run")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
