"""Where the gold annotations and the documents they annotate are: corpora/gold, the compare samples and
../shared/gold, resolved against corpora/ and ../shared/corpus."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA_GOLD = ROOT / "corpora" / "gold"
SHARED = ROOT.parent / "shared"
SHARED_GOLD = SHARED / "gold"
SEARCH_DIRS = (ROOT / "corpora", SHARED / "corpus")


def default_gold_files() -> list[Path]:
    """Return the gold files of corpora/gold and ../shared/gold whose documents are here.

    Gold of third-party documents keeps offsets only; without ../shared it has nothing to score.
    """
    files: list[Path] = []
    for folder in (CORPORA_GOLD, SHARED_GOLD):
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.gold.json")))
            files.extend(sorted(folder.glob("targets*.json")))
            files.extend(sorted(folder.glob("units*.json")))
    files.extend(sorted((ROOT / "corpora" / "samples").glob("*/gold_links.json")))
    return [f for f in files if _documents_present(f)]


def _documents_present(path: Path) -> bool:
    gold = json.loads(path.read_text(encoding="utf-8"))
    if "base" in gold:
        names = [gold["base"], *gold["documents"]]
    else:
        names = [p["targets_doc"] for p in gold.get("pairs", [])] or [gold.get("document", "")]
    try:
        for name in names:
            find_document(path, name)
    except FileNotFoundError:
        return False
    return True


def find_document(gold_path: Path, name: str) -> Path:
    """Resolve the document a gold file annotates: beside it, in corpora/, or in ../shared/corpus."""
    candidates = [gold_path.parent / name, *(d / name for d in SEARCH_DIRS)]
    for c in candidates:
        if c.is_file():
            return c
    for d in SEARCH_DIRS:
        if d.is_dir():
            for hit in d.rglob(Path(name).name):
                return hit
    raise FileNotFoundError(f"{gold_path}: document {name} not found beside it, in corpora/ or in ../shared/corpus")
