"""The sentence classifier (directive / report / other) saved in models/, used beside the rules."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from nlp.types import Analysis, Sentence

MODEL_DIR = Path(__file__).resolve().parent.parent / "models"
MODEL_FILE = "sentence_classifier.joblib"


@cache
def _load(model_dir: Path = MODEL_DIR) -> Any | None:
    path = model_dir / MODEL_FILE
    if not path.is_file():
        return None
    import joblib  # scikit-learn's own persistence; imported only when a model is there

    return joblib.load(path)


def sentence_scorer(analysis: Analysis) -> Callable[[Sentence], float | None] | None:
    """Return a function giving the directive probability of a sentence, or None without a model."""
    model = _load()
    if model is None:
        return None
    texts = [s.text for s in analysis.sentences]
    if not texts:
        return None
    classes = list(model.classes_)
    if "directive" not in classes:
        return None
    probs = model.predict_proba(texts)[:, classes.index("directive")]
    by_start = {s.start: float(p) for s, p in zip(analysis.sentences, probs, strict=True)}
    return lambda s: by_start.get(s.start)


def train_and_save(output_dir: str | None = None) -> dict[str, Any]:
    raise NotImplementedError("training arrives with the annotated corpora (issue #3)")


def model_card(model_dir: Path = MODEL_DIR) -> dict[str, Any] | None:
    path = model_dir / "MODEL_CARD.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
