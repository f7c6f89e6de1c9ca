"""Benchmark: time of the whole analysis over the time of plain jieba segmentation of the same texts.

Run from the repository root: python benchmarks/bench_analyze.py [FILES...]
Default texts: the .txt and .docx files of ../shared/corpus (the team's samples when it is absent).
Both sides run in this one process after their dictionaries are loaded, so the ratio compares the work
per document: reading, cleaning, outline, sentences, segmentation and extraction against `jieba.cut`.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.ingest import read_bytes, read_document  # noqa: E402
from nlp.pipeline import analyze_document  # noqa: E402
from nlp.segment.tokens import tokenizer  # noqa: E402


def corpus_files(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        return sorted(p for p in shared.rglob("*") if p.suffix in (".txt", ".docx"))
    return sorted((ROOT / "corpora" / "samples").glob("sample_speech.*"))


def main() -> None:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    files = corpus_files(sys.argv[1:])
    blobs = [(p, p.read_bytes()) for p in files]
    texts = [read_document(p).text for p in files]
    plain = jieba.Tokenizer()
    plain.initialize()
    tokenizer()
    analyze_document(read_bytes(blobs[0][1], str(blobs[0][0]), blobs[0][0].suffix))  # warm up lazy imports
    gc.freeze()  # as the command line does once its dictionary and model are loaded

    t0 = time.perf_counter()
    for text in texts:
        list(plain.cut(text))
    jieba_seconds = time.perf_counter() - t0

    t0 = time.perf_counter()
    for path, data in blobs:
        analyze_document(read_bytes(data, str(path), path.suffix))
    analysis_seconds = time.perf_counter() - t0

    chars = sum(len(t) for t in texts)
    print(f"documents: {len(files)}, characters: {chars}")
    print(f"plain jieba segmentation: {jieba_seconds:.2f} s ({chars / jieba_seconds / 1e6:.2f} M chars/s)")
    print(f"whole analysis:           {analysis_seconds:.2f} s ({chars / analysis_seconds / 1e6:.2f} M chars/s)")
    print(f"ratio analysis / jieba:   {analysis_seconds / jieba_seconds:.2f}")


if __name__ == "__main__":
    main()
