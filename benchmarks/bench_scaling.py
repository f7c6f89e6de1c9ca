"""Benchmark: time per MB of one document at 0.1, 0.5, 2 and 8 MB, and the ratio of the last to the first.

Run from the repository root: python benchmarks/bench_scaling.py
The document is the corpus's national reports (../shared/corpus/national; the team's annotated documents when
it is absent) bound one after another into one text of each size, as an office binds a year's summaries into
one file. Every stage should be linear: the ratio close to 1. Peak memory is the process's high-water mark
after the largest size.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.ingest import read_bytes  # noqa: E402
from nlp.pipeline import analyze_document  # noqa: E402
from nlp.segment.tokens import tokenizer  # noqa: E402

SIZES_MB = (0.1, 0.5, 2.0, 8.0)


def source_text() -> str:
    shared = ROOT.parent / "shared" / "corpus" / "national"
    files = sorted(shared.glob("*.txt")) if shared.is_dir() else sorted((ROOT / "corpora" / "annotated").glob("*.txt"))
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def document(text: str, megabytes: float) -> bytes:
    """The reports bound end to end, repeated as needed, cut to `megabytes` at a character boundary."""
    target = int(megabytes * 1_000_000)
    data = (text + "\n").encode("utf-8")
    data = data * (target // len(data) + 1)
    return data[:target].decode("utf-8", "ignore").encode("utf-8")


def main() -> None:
    text = source_text()
    tokenizer()
    analyze_document(read_bytes(text[:20000].encode(), "warm.txt", ".txt"))  # imports and caches
    gc.freeze()
    rows = []
    for mb in SIZES_MB:
        data = document(text, mb)
        t0 = time.perf_counter()
        # the budgets refuse such a file by default (nlp.budget); raised here as --max-bytes/--max-chars would
        analysis = analyze_document(read_bytes(data, f"bound_{mb}.txt", ".txt", max_bytes=len(data) + 1,
                                               max_chars=len(data)))
        seconds = time.perf_counter() - t0
        rows.append((mb, seconds, len(analysis.directives)))
        print(f"{mb:>5} MB: {seconds:7.2f} s, {seconds / mb:6.2f} s/MB, {len(analysis.directives)} directives")
    first, last = rows[0][1] / rows[0][0], rows[-1][1] / rows[-1][0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"time per MB, {SIZES_MB[-1]} MB over {SIZES_MB[0]} MB: {last / first:.2f}")
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
