"""Benchmark: `nlp compare` of one report against 31 over analysing the 32 documents alone.

Run from the repository root: python benchmarks/bench_compare.py [BASE OTHER...]
Default: the national work report of 2024 against the 31 provincial reports of 2025 (../shared/corpus), or the
team's samples (corpora/samples/compare) when it is absent. Everything runs in this one process after the
dictionary is loaded: the 32 whole analyses (`nlp analyze`) are timed; then what `nlp compare` does with the
same files: their analyses for the stages it reads (`COMPARED_STAGES`), then the comparison. The ratio is
(compare's analyses + comparison) / whole analyses, what the command costs over analysing the same files.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.classify import load_model  # noqa: E402
from nlp.ingest import read_bytes  # noqa: E402
from nlp.match.compare import COMPARED_STAGES, compare  # noqa: E402
from nlp.pipeline import analyze_document  # noqa: E402
from nlp.segment.tokens import tokenizer  # noqa: E402


def default_files() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        return [shared / "national" / "gwr_2024.txt", *sorted((shared / "provincial" / "2025").glob("*.txt"))]
    samples = ROOT / "corpora" / "samples" / "compare"
    return sorted(p for p in samples.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or default_files()
    blobs = [(p, p.read_bytes()) for p in files]
    tokenizer()
    load_model()
    analyze_document(read_bytes(blobs[0][1], str(blobs[0][0]), blobs[0][0].suffix))  # warm up lazy imports
    gc.freeze()

    t0 = time.perf_counter()
    for path, data in blobs:
        analyze_document(read_bytes(data, str(path), path.suffix))
    analysis_seconds = time.perf_counter() - t0

    t0 = time.perf_counter()
    analyses = [analyze_document(read_bytes(data, str(path), path.suffix), stages=COMPARED_STAGES)
                for path, data in blobs]
    compared_seconds = time.perf_counter() - t0
    result = compare(analyses[0], analyses[1:])
    compare_seconds = time.perf_counter() - t0 - compared_seconds

    cells = len(result.targets) + len(result.directives)
    print(f"base: {files[0].name}, others: {len(files) - 1}, rows compared: {cells} × {len(files) - 1} documents")
    print(f"analysing the {len(files)} documents (nlp analyze): {analysis_seconds:.2f} s")
    print(f"nlp compare: analysing them for {', '.join(sorted(COMPARED_STAGES))}: {compared_seconds:.2f} s, "
          f"comparing: {compare_seconds:.2f} s")
    print(f"ratio nlp compare / analysis: {(compared_seconds + compare_seconds) / analysis_seconds:.2f}")


if __name__ == "__main__":
    main()
