"""Bad input: one line on stderr naming the file and what to do, exit code 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fixturegen import file_of

from nlp.cli import main


def _encrypted_pdf(tmp: Path) -> Path:
    from reportlab.pdfgen import canvas

    path = tmp / "encrypted.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(100, 700, "secret")
    c.save()
    return path


def _scanned_pdf(tmp: Path) -> Path:
    from reportlab.pdfgen import canvas

    path = tmp / "scanned.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)
    c.save()
    return path


def _zip_bomb(tmp: Path) -> Path:
    path = tmp / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))
    return path


def _not_word(tmp: Path) -> Path:
    path = tmp / "text.docx"
    with zipfile.ZipFile(path, "w") as z:  # an OpenDocument text, named .docx
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return path


def _broken_sheet(tmp: Path) -> Path:
    path = tmp / "sheet.docx"
    with zipfile.ZipFile(path, "w") as z:  # a workbook by its content, whatever its name says, but a broken one
        z.writestr("xl/workbook.xml", "<workbook/>")
    return path


def _damaged_xml(tmp: Path) -> Path:
    path = tmp / "damaged.docx"
    src = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "sample_speech.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    return path


BAD_INPUTS: list[tuple[str, Callable[[Path], Path] | None, str]] = [
    ("missing", None, "no such file"),
    ("directory", lambda tmp: tmp, "is a directory"),
    ("empty", file_of("empty.txt", b""), "empty"),
    ("whitespace", file_of("blank.txt", b" \n\t\n" + "\u3000".encode()), "only whitespace"),
    ("binary", file_of("garbage.bin", bytes(range(256)) * 40), "binary"),
    ("legacy doc", file_of("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000), "save it as .docx"),
    ("corrupt docx", file_of("broken.docx", b"PK\x03\x04" + b"\x13" * 3000), "not a valid zip"),
    ("damaged docx xml", _damaged_xml, "damaged"),
    ("zip that is no Word file", _not_word, "not a Word document"),
    ("broken workbook named .docx", _broken_sheet, "the Excel file is corrupt"),
    ("fake pdf", file_of("fake.pdf", b"hello, not a pdf"), "not really a PDF"),
    ("damaged pdf", file_of("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "damaged"),
    ("encrypted pdf", _encrypted_pdf, "encrypted"),
    ("scanned pdf", _scanned_pdf, "no text layer"),
    ("zip bomb", _zip_bomb, "zip bomb"),
]


@pytest.mark.parametrize(("case", "make", "message"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_gets_one_clear_line(case: str, make: Callable[[Path], Path] | None, message: str,
                                       tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make(tmp_path) if make else tmp_path / "nope.txt"
    code = main(["analyze", str(path)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert str(path) in lines[0]
    assert message in lines[0]
    assert "Traceback" not in captured.err


def test_other_files_are_still_analysed(tmp_path: Path, sample_txt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(tmp_path / "missing.txt"), str(sample_txt)])
    captured = capsys.readouterr()
    assert code == 2
    assert '"nlp.analysis/1"' in captured.out


def test_internal_error_exit_1_and_debug_traceback(sample_txt: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import nlp.cli

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(nlp.cli, "analyze_document", boom)
    assert main(["analyze", str(sample_txt)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "simulated failure" in err and "--debug" in err
    assert main(["--debug", "analyze", str(sample_txt)]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_missing_lexicons_are_named(tmp_path: Path, sample_txt: Path) -> None:
    code = ("import sys; from pathlib import Path; import nlp.lexicons as lex; lex.LEXICON_DIR = Path(sys.argv[1]); "
            "from nlp.cli import main; raise SystemExit(main(['analyze', sys.argv[2]]))")
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(sample_txt)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 1
    assert "lexicon not found" in run.stderr and run.stderr.count("\n") == 1


def test_oversized_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("要加强工作。".encode() * 1000)
    assert main(["analyze", "--max-bytes", "1000", str(path)]) == 2
    assert "limit" in capsys.readouterr().err
