"""Evaluation gate: provincial reports printed to PDF read as their Word originals.

`../shared/corpus/pdf/2025/` holds reports printed by LibreOffice (Noto CJK,
justified lines, page numbers) from the .docx of the same name in
`../shared/corpus/docx/2025/`. Each PDF must give the docx's Han characters in
order, about as many sentences, the same level-1 and level-2 headings and the
same title; every character of its analysed text must point back to the PDF.
Skipped when ../shared is absent.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import pytest

from nlp.pipeline import Options, analyze
from nlp.types import Analysis

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PDFS = SHARED / "corpus" / "pdf" / "2025"
DOCX = SHARED / "corpus" / "docx" / "2025"
NAMES = sorted(p.stem for p in PDFS.glob("*.pdf")) if PDFS.is_dir() else []
HAN = re.compile(r"[\u4e00-\u9fff]")
# Pinned minimums. Measured when set (2026-12, eight PDFs): Han in order 0.9999–1.0000 (before: the same),
# sentences −0.2 % to 0 % (before: +119 % to +158 %), all headings and titles equal (before: none of the titles).
MIN_HAN_IN_ORDER = 0.98
MAX_SENTENCE_DIFFERENCE = 0.05

pytestmark = pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/corpus/pdf is absent")


@cache
def _analysis(path: Path) -> Analysis:
    return analyze(path, Options(use_model=False))  # sentences and outline do not depend on the model


def _pair(name: str) -> tuple[Analysis, Analysis]:
    docx = DOCX / f"{name}.docx"
    assert docx.is_file(), f"{docx} is missing: each PDF is checked against its .docx"
    return _analysis(PDFS / f"{name}.pdf"), _analysis(docx)


def _headings(analysis: Analysis) -> list[tuple[int, str]]:
    return [(item.level, item.marker + item.title) for item in analysis.outline if item.level <= 2]


@pytest.mark.parametrize("name", NAMES)
def test_pdf_gives_the_han_characters_of_its_docx_in_order(name: str) -> None:
    pdf, docx = _pair(name)
    got, want = "".join(HAN.findall(pdf.document.text)), "".join(HAN.findall(docx.document.text))
    matched = sum(block.size for block in SequenceMatcher(None, got, want, autojunk=False).get_matching_blocks())
    assert matched / len(want) >= MIN_HAN_IN_ORDER


@pytest.mark.parametrize("name", NAMES)
def test_pdf_splits_into_as_many_sentences_as_its_docx(name: str) -> None:
    pdf, docx = _pair(name)
    assert abs(len(pdf.sentences) - len(docx.sentences)) <= MAX_SENTENCE_DIFFERENCE * len(docx.sentences)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_has_the_headings_and_title_of_its_docx(name: str) -> None:
    pdf, docx = _pair(name)
    assert _headings(pdf) == _headings(docx)
    assert pdf.document.title == docx.document.title


@pytest.mark.parametrize("name", NAMES)
def test_every_character_of_the_pdf_text_points_back_to_its_page(name: str) -> None:
    doc = _pair(name)[0].document
    starts = doc.page_starts
    for offset, ch in enumerate(doc.text):
        source = doc.source_offset(offset)
        if ch == "\n":
            assert source == -1  # paragraph breaks are generated
            continue
        assert doc.source_text[source] == ch
        page = doc.page_of(offset)
        assert starts[page - 1] <= source < (starts[page] if page < len(starts) else len(doc.source_text))
