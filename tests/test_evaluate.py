"""`nlp evaluate` and `nlp train` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.cli import main
from nlp.evaluate import match_spans

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpora" / "gold" / "police_county.gold.json"


def test_match_spans_half_overlap_and_borderline() -> None:
    gold = [(0, 10), (20, 30)]
    pred = [(0, 6), (21, 24), (40, 50), (60, 70)]
    found, correct, counted = match_spans(gold, pred, borderline=[(58, 75)])
    assert found == {0: 0}  # (21, 24) covers less than half of (20, 30)
    assert (correct, counted) == (2, 3)  # (60, 70) overlaps only borderline: neither way


def test_evaluate_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(GOLD), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "nlp.evaluation/1"
    scores = report["files"][0]
    for key in ("directives", "reports", "campaigns", "outline", "links"):
        assert key in scores
    assert 0.0 <= scores["directives"]["f1"] <= 1.0


def test_evaluate_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(GOLD)]) == 0
    out = capsys.readouterr().out
    assert "directives" in out and "F1=" in out


def test_train_writes_a_model_and_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sklearn")
    assert main(["train", "--output-dir", str(tmp_path)]) == 0
    card = json.loads(capsys.readouterr().out)
    assert (tmp_path / "sentence_classifier.json").is_file()
    assert json.loads((tmp_path / "MODEL_CARD.json").read_text(encoding="utf-8")) == card
    assert card["training_data"]["sentences"] > 0 and len(card["training_data"]["sha256"]) == 64


UNITS_58 = ROOT / "corpora" / "gold" / "units_heldout58.dev.json"


@pytest.mark.skipif(not (ROOT.parent / "shared" / "tools" / "check_units.py").is_file(),
                    reason="../shared/tools/check_units.py is absent")
def test_units_gold_on_docx_documents_is_scored_against_their_text(capsys: pytest.CaptureFixture[str]) -> None:
    """A units gold whose documents are .docx (an office's files) is scored against the text beside each (.txt),
    its offsets' text: `nlp evaluate` runs the tool on the .docx files and gives scores, no decoding error."""
    gold = json.loads(UNITS_58.read_text(encoding="utf-8"))
    assert all(name.endswith(".docx") for name in [gold["base"], *gold["documents"]])
    assert main(["evaluate", str(UNITS_58), "--format", "json"]) == 0
    units = json.loads(capsys.readouterr().out)["files"][0]["units"]
    assert units["cells"] == len(gold["links"]) and units["evidence"] > 0.5
