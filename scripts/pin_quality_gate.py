"""Pin the current evaluation scores, less a margin, as the minimums of tests/quality_gate.json.

Run from the repository root after a deliberate change of quality or of gold:
    python scripts/pin_quality_gate.py
The gate test fails when a score drops below its minimum or when a gold file changes without re-pinning.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

from nlp.evaluate import evaluate_files
from nlp.gold import default_gold_files

ROOT = Path(__file__).resolve().parent.parent
GATE = ROOT / "tests" / "quality_gate.json"
MARGIN = 0.02  # room for harmless changes; a real drop is larger than a sentence or two
METRICS = {
    "directives": ("f1", "modality_accuracy", "deadline_accuracy", "actors_exact_set"),
    "reports": ("f1", "polarity_accuracy"),
    "campaigns": ("f1",),
    "quantities": ("f1", "kind_accuracy", "value_accuracy", "masked_accuracy"),
    "outline": ("f1",),
    "links": ("found", "status_accuracy"),
    "units": ("directives_found", "evidence", "status", "unknown_kept"),
    "roles": ("accuracy",),
    "targets": ("recall", "value_accuracy", "unit_accuracy", "qualifier_accuracy", "direction_accuracy",
                "key_accuracy", "results_accuracy", "status_accuracy"),
}


def main() -> None:
    files = default_gold_files()
    report = evaluate_files(files)
    gate: dict[str, dict[str, object]] = {}
    for path, result in zip(files, report["files"], strict=True):
        minimums: dict[str, float] = {}
        for kind, names in METRICS.items():
            scores = result.get(kind)
            if not scores:
                continue
            for name in names:
                value = scores.get(name)
                if value is None:
                    continue
                if name == "found":
                    minimums[f"{kind}.{name}"] = value
                else:
                    minimums[f"{kind}.{name}"] = max(0.0, math.floor((value - MARGIN) * 100) / 100)
        gate[path.name] = {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "min": minimums}
    GATE.write_text(json.dumps({"about": __doc__.strip().splitlines()[0], "margin": MARGIN, "files": gate},
                               ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"pinned {len(gate)} gold files in {GATE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
