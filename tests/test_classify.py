"""The sentence classifier: pure-Python scoring equals scikit-learn's; the committed model matches the corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import needs_shared

from nlp.classify import LinearModel, _fit, data_hash, export, load_model, model_card, training_data

ROWS = [
    ("各县区院要积极提供案件线索。", "directive"),
    ("市县两级院党组必须坚持不懈抓好理论武器。", "directive"),
    ("要加强对民事非诉法律文书执行的监督。", "directive"),
    ("各派出所要全面推行一村一辅警机制。", "directive"),
    ("全年共破获刑事案件1268起，同比上升12.5%。", "report"),
    ("截至目前，全市两级院共摸排线索×件，至今无一成案。", "report"),
    ("×个院办理了追捕案件，其他院仍没有破零。", "report"),
    ("群众安全感满意度达到97.6%，居全市第二位。", "report"),
    ("同志们：", "other"),
    ("下面，我讲几点意见。", "other"),
    ("刚才，李局长作了工作报告，我完全同意。", "other"),
    ("这次会议是一次重要会议。", "other"),
]


def test_pure_python_scores_equal_scikit_learn() -> None:
    pytest.importorskip("sklearn")
    texts = [t for t, _ in ROWS]
    model = _fit(texts * 2, [lab for _, lab in ROWS] * 2)
    probe = [*texts, "各学校要落实五项管理规定。"]
    ours = LinearModel(export(model)).predict_proba(probe)
    theirs = model.predict_proba(probe)
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert a == pytest.approx(list(b), abs=1e-4)


def test_committed_model_is_there_and_carded() -> None:
    model = load_model()
    card = model_card()
    assert model is not None and card is not None
    assert set(model.classes) == {"directive", "report", "other"}
    assert card["training_data"]["sentences"] >= 600
    assert card["leave_one_document_out"]["directive"]["f1"] >= 0.8


@needs_shared()
def test_committed_model_was_trained_on_the_current_corpora() -> None:
    card = model_card()
    assert card is not None
    assert data_hash(training_data()) == card["training_data"]["sha256"], "corpora changed: run `nlp train`"


def test_model_finds_directives_the_rules_may_miss() -> None:
    model = load_model()
    assert model is not None
    k = model.classes.index("directive")
    probs = model.predict_proba(["加快建设海洋强省。", "过去一年，全县破获刑事案件1268起。"])
    assert probs[0][k] > 0.5 > probs[1][k]


def test_a_held_out_gold_trains_nothing(tmp_path: Path) -> None:
    """A gold marked held_out (a document written to measure the tool) gives the classifier no sentences."""
    gold = {"document": "x.txt", "sentences": [{"text": "加快建设海洋强省。", "label": "directive"}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(json.dumps({**gold, "held_out": True}, ensure_ascii=False), encoding="utf-8")
    assert training_data([tmp_path / "a.gold.json"]) == [("x.txt", "加快建设海洋强省。", "directive")]
    assert training_data([tmp_path / "b.gold.json"]) == []
