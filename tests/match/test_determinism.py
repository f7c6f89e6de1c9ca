"""The comparison is the same in every process: no score may depend on the order a hash seed gives a set."""

from __future__ import annotations

import subprocess
import sys

from conftest import CORPUS, needs_shared

RUN = """
import json, sys
from nlp import analyze, compare, to_data
base, *others = sys.argv[1:]
print(json.dumps(to_data(compare(analyze(base), [analyze(p) for p in others])), ensure_ascii=False, sort_keys=True))
"""


@needs_shared()
def test_compare_is_the_same_whatever_the_hash_seed() -> None:
    # the national report of 2024 against the 31 provincial reports of 2025: near-ties between items are many
    files = [CORPUS / "national" / "gwr_2024.txt", *sorted((CORPUS / "provincial" / "2025").glob("*.txt"))]
    outputs = [subprocess.run([sys.executable, "-c", RUN, *map(str, files)], capture_output=True, text=True,
                              check=True, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}).stdout
               for seed in ("0", "123")]
    assert outputs[0] and outputs[0] == outputs[1]
