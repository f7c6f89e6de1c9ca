"""PDF layout: the text lines of a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.ingest.pdf import _lines

ROOT = Path(__file__).resolve().parents[2]
SHARED_PDFS = ROOT.parent / "shared" / "corpus" / "pdf" / "2025"
PDFS = [ROOT / "corpora" / "samples" / "sample_speech.pdf", ROOT / "corpora" / "samples" / "compare" / "nanhu.pdf",
        *sorted(SHARED_PDFS.glob("*.pdf"))[:2]]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_lines_are_pdfplumbers_made_in_one_pass(path: Path) -> None:
    import pdfplumber
    from pdfplumber.utils.text import LIGATURES

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            theirs = [ln for ln in page.extract_text_lines(strip=True, return_chars=True) if ln["text"].strip()]
            ours = _lines(page, LIGATURES)
            assert [(ln["text"], ln["x0"], ln["x1"], ln["top"], ln["bottom"]) for ln in ours] \
                == [(ln["text"], ln["x0"], ln["x1"], ln["top"], ln["bottom"]) for ln in theirs]
            assert [ln["chars"] for ln in ours] == [ln["chars"] for ln in theirs]
