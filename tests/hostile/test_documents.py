"""The audit's hostile documents: each ends in bounded time and memory, with a result or one line and exit 2.

Generators in `generators.py` make every input at test time; `n` is the size factor (the audit's sizes where
they are cheap to make, smaller ones that still cross the same budget where not).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import generators as g
from hostile.runner import assert_bounded, run_cli

# (case, generator, size factor, exit code, what the one line says — None for a result)
CASES: list[tuple[str, Callable[..., Path], float, int, str | None]] = [
    ("60 KB of 要", g.yao_run, 5, 2, "has no sentence end"),
    ("80 k 一", g.yi_run, 20, 2, "has no sentence end"),
    ("100 KB without punctuation", g.no_punctuation, 14, 2, "has no sentence end"),
    ("45 MB single line", g.huge_single_line, 1, 2, "more than 1,000,000 characters"),
    ("a document on one line", g.single_line, 1, 0, None),
    ("200 k paragraphs", g.many_paragraphs, 10, 2, "more than 1,000,000 characters"),
    ("an unclosed quotation", g.quotes_unclosed, 0.2, 0, None),
    ("tables nested 6 deep × 6 wide", g.nested_tables, 1, 2, "has no sentence end"),
    ("tables nested 200 deep", g.deep_tables, 1, 2, None),
    ("docx claiming 10 KB for 256 MB", g.lying_docx, 1, 2, "inflates to more than 32 MiB"),
    ("docx with a bad CRC", g.bad_crc_docx, 1, 2, "damaged"),
    ("numbering.xml: huge level and start", g.numbering_huge, 1, 0, None),
    ("numbering.xml: non-integer level and start", g.numbering_garbage, 1, 0, None),
    ("password-protected docx", g.password_docx, 1, 2, "protected with a password"),
    ("PDF flate bomb", g.pdf_flate_bomb, 1, 2, "draws more than 1 MiB"),
    ("2,000-page PDF", g.pdf_many_pages, 1, 2, "more than 300 pages"),
    ("1 M rectangles on a page", g.pdf_rectangles, 1, 2, "draws more than 1 MiB"),
    ("12 MB web page", g.web_page, 1, 2, "more than the 4 MiB a page may have"),
]


@pytest.mark.parametrize(("case", "make", "n", "code", "message"), CASES, ids=[c[0] for c in CASES])
def test_hostile_document(case: str, make: Callable[..., Path], n: float, code: int, message: str | None,
                          tmp_path: Path) -> None:
    path = make(tmp_path, n)
    run = run_cli("analyze", str(path), "-o", str(tmp_path / "out.json"))
    assert_bounded(run, code, message)
    if code == 2:
        assert str(path) in run.err_lines[0]
    else:
        assert (tmp_path / "out.json").stat().st_size > 100


def test_docx_budget_in_process(tmp_path: Path) -> None:
    """Nested cells are read once: a 3-deep table's text holds each cell's words once."""
    from nlp.ingest import read_document

    text = read_document(g.nested_tables(tmp_path, 1, depth=3, width=2)).text
    assert text.count("第3层第0格要落实") == 4  # 2 × 2 tables at the third level, each cell once


def test_time_budget(tmp_path: Path) -> None:
    """--timeout bounds one document: the run ends with one line and exit 2."""
    path = g.yao_sentences(tmp_path, 2)
    run = run_cli("analyze", str(path), "--timeout", "1", "-o", str(tmp_path / "out.json"))
    assert_bounded(run, 2, "over the time budget of 1 s")


def test_max_chars_option(tmp_path: Path) -> None:
    run = run_cli("analyze", str(g.single_line(tmp_path, 1)), "--max-chars", "1000", "-o", str(tmp_path / "o.json"))
    assert_bounded(run, 2, "more than 1,000 characters")


def test_size_limit_in_mib(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("要加强工作。".encode() * 100_000)
    run = run_cli("analyze", str(path), "--max-bytes", str(1024 * 1024))
    assert_bounded(run, 2, "more than the 1 MiB limit")
    assert "1.7 MiB" in run.err


def test_newline_and_escape_in_file_name_stay_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a\nb\x1b[31m.txt"
    path.write_bytes(b"")
    run = run_cli("analyze", str(path))
    assert_bounded(run, 2, "empty")
    assert "a\\x0ab\\x1b[31m.txt" in run.err and "\x1b" not in run.err


def test_text_output_escapes_control_characters(tmp_path: Path) -> None:
    run = run_cli("analyze", str(g.control_characters(tmp_path)), "--format", "text")
    assert_bounded(run, 0)
    assert "\x1b" not in run.out and "\x07" not in run.out and "## Outline" in run.out
