"""Shared fixtures: paths to the team's samples and to ../shared (tests needing it skip when it is absent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DESIGN_SPEECH = CORPUS / "speeches" / "000_ed9c6841f7749872.txt"

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for fixturegen


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


@pytest.fixture(scope="session")
def sample_txt() -> Path:
    return SAMPLES / "sample_speech.txt"


@pytest.fixture(scope="session")
def sample_analysis(sample_txt: Path):
    from nlp.pipeline import analyze

    return analyze(sample_txt)
