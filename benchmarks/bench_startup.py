"""Benchmark: `nlp analyze` on a tiny file against importing and initialising jieba alone, in fresh processes.

Run from the repository root: python benchmarks/bench_startup.py [--repeat N]
The three commands take turns N times (so that a busy machine slows them alike); the median wall time of each
is kept and the ratios printed: the whole command (imports, reading, the dictionary, the analysis, the JSON
written) with the segmenter it uses by default (rjieba with the `fast` extra) and with plain jieba (rjieba
hidden from the process), over `import jieba; jieba.initialize()`. Each kind of process runs once before the
turns, so that jieba's dictionary cache and Python's bytecode are written.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TINY = "各单位要在2025年底前完成“清风行动”的整改任务，确保群众满意度达到90%以上。\n"
JIEBA = "import logging, jieba; jieba.setLogLevel(logging.WARNING); jieba.initialize()"
ANALYZE = "import sys; from nlp.cli import main; raise SystemExit(main(['analyze', sys.argv[1], '-o', sys.argv[2]]))"
PLAIN = "import sys; sys.modules['rjieba'] = None; " + ANALYZE  # an import of rjieba fails: jieba is used


def _seconds(code: str, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tiny, out = Path(tmp) / "tiny.txt", str(Path(tmp) / "tiny.json")
        tiny.write_text(TINY, encoding="utf-8")
        runs: dict[str, tuple[str, tuple[str, ...]]] = {
            "import jieba + initialize": (JIEBA, ()),
            "nlp analyze (default segmenter)": (ANALYZE, (str(tiny), out)),
            "nlp analyze (plain jieba)": (PLAIN, (str(tiny), out)),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for code, extra in runs.values():
            _seconds(code, *extra)  # warm: caches and bytecode
        for _ in range(args.repeat):
            for name, (code, extra) in runs.items():
                times[name].append(_seconds(code, *extra))
    median = {name: statistics.median(t) for name, t in times.items()}
    base = median["import jieba + initialize"]
    for name, m in median.items():
        print(f"{name:34} {m:6.3f} s (median of {args.repeat})  {m / base:5.2f}×")


if __name__ == "__main__":
    main()
