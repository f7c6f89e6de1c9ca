"""The sentence classifier (directive / report / other) that works beside the rules.

`nlp train` fits TF-IDF character n-grams with a logistic regression (scikit-learn) on the annotated
sentences of corpora/gold and ../shared/gold, and saves the fitted weights as plain JSON in the package
(nlp/data/models/), with a model card (training-data hash, cross-validated scores). Analysis reads that
JSON and scores sentences in pure Python, so scikit-learn (≈1 s to import) is needed only for training.
"""

from __future__ import annotations

import hashlib
import json
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache, cached_property
from importlib.resources import files
from importlib.resources.abc import Traversable
from operator import add
from pathlib import Path
from typing import Any

from nlp.gold import default_gold_files, find_document
from nlp.ingest import read_document
from nlp.segment.sentences import split_sentences
from nlp.types import Analysis, Sentence

MODEL_DIR: Traversable = files("nlp") / "data" / "models"
MODEL_FILE = "sentence_classifier.json"
CARD_FILE = "MODEL_CARD.json"
LABELS = ("directive", "report", "other")
NGRAMS = (1, 3)
MIN_DF = 2  # n-grams seen in one sentence only are noise at this corpus size
C = 4.0  # inverse regularisation; chosen by leave-one-document-out F1 over 1, 2, 4, 8


def char_ngrams(text: str) -> list[str]:
    """Return the character n-grams of `text` (NGRAMS: 1 to 3) as scikit-learn's `analyzer="char"` makes them:
    the 1-grams, then the 2-grams, then the 3-grams, each left to right."""
    text = " ".join(text.split())
    pairs = list(map(add, text, text[1:]))  # joined by C rather than sliced in a Python loop
    return [*text, *pairs, *map(add, pairs, text[2:])]


class LinearModel:
    """A fitted TF-IDF + multinomial logistic regression, applied without scikit-learn."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = data["classes"]
        self.vocabulary: dict[str, int] = data["vocabulary"]
        self.idf: list[float] = data["idf"]
        self.coef: list[list[float]] = data["coef"]
        self.intercept: list[float] = data["intercept"]

    def predict_proba(self, texts: Iterable[str]) -> list[list[float]]:
        out = []
        index_of, idf, coef = self.vocabulary, self._idf, self._coef
        for text in texts:
            rows: list[tuple[float, int]] = []  # (tf-idf, vocabulary index) of each n-gram
            norm = 0.0
            # each distinct n-gram looked up once in the model's large dictionary, in the order they first occur
            for gram, c in Counter(char_ngrams(text)).items():
                j = index_of.get(gram)
                if j is None:
                    continue
                tfidf = (1 + math.log(c)) * idf[j]
                norm += tfidf * tfidf
                rows.append((tfidf, j))
            norm = math.sqrt(norm) or 1.0
            scores = list(self.intercept)
            for k, weights in enumerate(coef):  # class by class: each score sums its terms in the n-grams' order
                score = scores[k]
                for tfidf, j in rows:
                    score += weights[j] * (tfidf / norm)
                scores[k] = score
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            out.append([e / total for e in exps])
        return out

    @cached_property
    def _idf(self) -> array[float]:
        """The idf of each n-gram, as packed doubles: a sentence's look-ups touch less memory than in lists of floats."""
        return array("d", self.idf)

    @cached_property
    def _coef(self) -> list[array[float]]:
        """The coefficients of each class, packed as `_idf`."""
        return [array("d", row) for row in self.coef]


@cache
def load_model(model_dir: Traversable = MODEL_DIR) -> LinearModel | None:
    """Return the sentence classifier saved in `model_dir`, or None when there is none."""
    path = model_dir / MODEL_FILE
    if not path.is_file():
        return None
    return LinearModel(json.loads(path.read_text(encoding="utf-8")))


def sentence_scorer(analysis: Analysis) -> Callable[[Sentence], float | None] | None:
    """Return a function giving the directive probability of a sentence, or None without a model."""
    model = load_model()
    if model is None or not analysis.sentences or "directive" not in model.classes:
        return None
    k = model.classes.index("directive")

    @cache
    def score(text: str) -> float:
        return model.predict_proba([text])[0][k]

    # scored on demand: the rules ask only about the sentences they are unsure of
    return lambda s: score(s.text)


def training_data(gold_files: Sequence[Path] | None = None) -> list[tuple[str, str, str]]:
    """Return (document, sentence, label) for every annotated sentence of the gold files but the held-out ones."""
    rows: list[tuple[str, str, str]] = []
    for path in gold_files or default_gold_files():
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "document" not in gold or gold.get("held_out"):
            continue  # (a held-out document measures the tool: it trains nothing)
        if "sentences" in gold:
            source = None
            if any("text" not in s for s in gold["sentences"]):
                # third-party documents keep offsets only: take the sentences from the document itself
                source = read_document(find_document(path, gold["document"])).source_text
            rows.extend((gold["document"], s["text"] if "text" in s else source[s["start"]:s["end"]], s["label"])
                        for s in gold["sentences"])
            continue
        # gold with spans only: label the document's sentences by overlap with the annotated spans
        doc = read_document(find_document(path, gold["document"]))
        spans = {label: [(x["start"], x["end"]) for x in gold.get(key, [])]
                 for label, key in (("directive", "directives"), ("report", "reports"))}
        skip = [(x["start"], x["end"]) for x in gold.get("borderline_directives", [])]
        for s in split_sentences(doc.text):
            src = (doc.source_offset(s.start), doc.source_offset(s.end - 1) + 1)
            if src[0] < 0 or any(min(src[1], b) - max(src[0], a) > 0 for a, b in skip):
                continue
            label = next((lab for lab in ("directive", "report")
                          if any(min(src[1], b) - max(src[0], a) >= (src[1] - src[0]) / 2 for a, b in spans[lab])),
                         "other")
            rows.append((gold["document"], s.text, label))
    return rows


def _fit(texts: Sequence[str], labels: Sequence[str]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipeline = make_pipeline(
        TfidfVectorizer(analyzer=char_ngrams, min_df=MIN_DF, sublinear_tf=True),
        LogisticRegression(C=C, max_iter=5000, class_weight="balanced"),
    )
    return pipeline.fit(list(texts), list(labels))


def cross_validate(rows: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    """Leave-one-document-out scores: each document is predicted by a model that never saw it."""
    docs = sorted({d for d, _, _ in rows})
    predicted: list[str] = []
    truth: list[str] = []
    for doc in docs:
        train = [(t, lab) for d, t, lab in rows if d != doc]
        test = [(t, lab) for d, t, lab in rows if d == doc]
        model = _fit([t for t, _ in train], [lab for _, lab in train])
        predicted.extend(model.predict([t for t, _ in test]))
        truth.extend(lab for _, lab in test)
    scores: dict[str, Any] = {"documents": len(docs), "accuracy": round(
        sum(p == t for p, t in zip(predicted, truth, strict=True)) / len(truth), 4)}
    for label in LABELS:
        tp = sum(p == t == label for p, t in zip(predicted, truth, strict=True))
        n_pred = predicted.count(label)
        n_true = truth.count(label)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_true if n_true else 0.0
        scores[label] = {"precision": round(p, 4), "recall": round(r, 4),
                         "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    return scores


def export(model: Any) -> dict[str, Any]:
    """Return the weights of a fitted pipeline as plain data for `LinearModel`."""
    vectorizer, classifier = model.steps[0][1], model.steps[1][1]
    vocabulary = {k: int(v) for k, v in sorted(vectorizer.vocabulary_.items(), key=lambda kv: kv[1])}
    return {
        "classes": [str(c) for c in classifier.classes_],
        "vocabulary": vocabulary,
        "idf": [round(float(x), 6) for x in vectorizer.idf_],
        "coef": [[round(float(x), 6) for x in row] for row in classifier.coef_],
        "intercept": [round(float(x), 6) for x in classifier.intercept_],
    }


def data_hash(rows: Sequence[tuple[str, str, str]]) -> str:
    """Return the SHA-256 of the training rows, as recorded in the model card."""
    return hashlib.sha256("\n".join(f"{d}\t{t}\t{lab}" for d, t, lab in sorted(rows)).encode()).hexdigest()


def train_and_save(output_dir: str | Path | None = None) -> dict[str, Any]:
    """Train on all annotated sentences, save the model and its card, and return the card."""
    import sklearn

    rows = training_data()
    if not rows:
        raise ValueError("no annotated sentences found in corpora/gold or ../shared/gold")
    data = export(_fit([t for _, t, _ in rows], [lab for _, _, lab in rows]))
    digest = data_hash(rows)
    card = {
        "model": MODEL_FILE,
        "task": "sentence type: directive / report / other",
        "features": f"TF-IDF of character {NGRAMS[0]}-{NGRAMS[1]}-grams (min_df={MIN_DF}, sublinear tf)",
        "estimator": f"LogisticRegression(C={C}, class_weight=balanced), scikit-learn {sklearn.__version__}",
        "training_data": {"sha256": digest, "sentences": len(rows),
                          "documents": sorted({d for d, _, _ in rows}),
                          "labels": dict(sorted(Counter(lab for _, _, lab in rows).items()))},
        "leave_one_document_out": cross_validate(rows),
        "use": "beside the rules: it adds a sentence the rules left undecided when p(directive) >= 0.85; "
               "see nlp/extract/directives.py",
    }
    out = Path(output_dir) if output_dir else Path(str(MODEL_DIR))
    out.mkdir(parents=True, exist_ok=True)
    (out / MODEL_FILE).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                                  encoding="utf-8")
    (out / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    load_model.cache_clear()
    return card


def model_card(model_dir: Traversable = MODEL_DIR) -> dict[str, Any] | None:
    """Return the model card saved beside the model, or None."""
    path = model_dir / CARD_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
