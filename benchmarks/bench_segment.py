"""Benchmark: jieba against the fast segmenter (nlp.segment.fastcut), throughput and start-up.

Run from the repository root: python benchmarks/bench_segment.py [--repeat N] [FILES...]
Default texts: the .txt files of ../shared/corpus and of corpora/.
Throughput: both segmenters loaded in this process, each cutting all texts N times (best run kept,
the two taking turns; CPU time of this process, which a machine shared with other jobs disturbs less
than the wall clock); the tokens are compared on the way.
Start-up: fresh processes, each importing the library and building the segmenter with the domain
words (best of N); `python -X importtime` shows what the imports cost, pkg_resources included.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.lexicons import load_table  # noqa: E402
from nlp.segment.fastcut import build_segmenter  # noqa: E402

STARTUP = """
import json, re, time
t0 = time.perf_counter()
import {module}
t1 = time.perf_counter()
from nlp.lexicons import load_table
from nlp.segment.fastcut import build_segmenter
rows = load_table("domain_words")
seg = build_segmenter([(r["word"], int(r["freq"]) if r["freq"] else None, r["tag"] or None) for r in rows], backend="{backend}")
seg.cut("预热")
t2 = time.perf_counter()
with open("/proc/self/status") as f:  # peak resident memory of this process (ru_maxrss would count the parent's)
    peak = re.search(r"VmHWM:\\s+(\\d+) kB", f.read())
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "backend": seg.backend,
                  "rss_mb": int(peak.group(1)) / 1024 if peak else float("nan")}}))
"""


def corpus_files(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    shared = ROOT.parent / "shared" / "corpus"
    files = sorted(shared.rglob("*.txt")) if shared.is_dir() else []
    return files + sorted((ROOT / "corpora").rglob("*.txt"))


def domain_words() -> list[tuple[str, int | None, str | None]]:
    return [(r["word"], int(r["freq"]) if r["freq"] else None, r["tag"] or None) for r in load_table("domain_words")]


def startup(backend: str, module: str, repeat: int) -> dict:
    """Return the best import and load times of `repeat` fresh processes."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", STARTUP.format(module=module, backend=backend)],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
        runs.append(json.loads(out.splitlines()[-1]))
    return min(runs, key=lambda r: r["import"] + r["load"])


def import_times(code: str) -> dict[str, float]:
    """Return the cumulative import time in seconds of each top-level module that `code` imports."""
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=ROOT,
                         capture_output=True, text=True, check=True).stderr
    times: dict[str, float] = {}
    for line in err.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
        if cumulative.isdigit() and name in ("jieba", "rjieba", "pkg_resources", "importlib.metadata"):
            times[name] = int(cumulative) / 1e6
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best kept)")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in corpus_files(args.files)]
    chars = sum(map(len, texts))
    words = domain_words()
    slow = build_segmenter(words, backend="jieba")
    fast = build_segmenter(words)
    print(f"{len(texts)} texts, {chars:,} characters; jieba: {slow.backend}; fast: {fast.backend}")

    best = {"jieba": float("inf"), "fast": float("inf")}
    tokens = differing = 0
    for run in range(args.repeat):
        outputs = {}
        for name, seg in (("jieba", slow), ("fast", fast)) if run % 2 == 0 else (("fast", fast), ("jieba", slow)):
            t0 = time.process_time()
            outputs[name] = [seg.cut(t) for t in texts]
            best[name] = min(best[name], time.process_time() - t0)
        if run == 0:
            tokens = sum(map(len, outputs["jieba"]))
            differing = sum(a != b for a, b in zip(outputs["jieba"], outputs["fast"], strict=True))
    print(f"\nthroughput (CPU time, best of {args.repeat})")
    for name in ("jieba", "fast"):
        print(f"  {name:6} {best[name]:7.2f} s  {chars / best[name] / 1e6:6.2f} M chars/s")
    print(f"  ratio  {best['jieba'] / best['fast']:.2f}x   tokens {tokens:,}, texts whose tokens differ: {differing}")

    cache = Path(tempfile.gettempdir()) / "jieba.cache"
    print(f"\nstart-up in a fresh process (best of {args.repeat}; jieba's cache {cache} "
          f"{'present' if cache.exists() else 'absent: its first load builds it'})")
    rows = [("jieba", startup("jieba", "jieba", args.repeat))]
    try:
        import rjieba  # noqa: F401
    except ImportError:
        print("  rjieba is not installed: the fast segmenter is jieba")
    else:
        rows.append(("rjieba", startup("rjieba", "rjieba", args.repeat)))
    for name, r in rows:
        print(f"  {name:6} import {r['import']:.2f} s + dictionary and domain words {r['load']:.2f} s "
              f"= {r['import'] + r['load']:.2f} s, peak memory {r['rss_mb']:.0f} MB ({r['backend']})")

    print("\nimport costs (python -X importtime, cumulative)")
    for label, code in (
        ("import jieba", "import jieba"),
        ("import jieba, pkg_resources unavailable", "import sys; sys.modules['pkg_resources'] = None; import jieba"),
        ("import rjieba", "import rjieba"),
        ("import importlib.metadata", "import importlib.metadata"),
    ):
        try:
            found = import_times(code)
        except subprocess.CalledProcessError:
            continue
        print(f"  {label:42} " + ", ".join(f"{k} {v:.3f} s" for k, v in found.items() if v))


if __name__ == "__main__":
    main()
