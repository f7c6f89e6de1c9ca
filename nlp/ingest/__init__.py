"""Readers, one per format, chosen by content as well as by suffix."""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
from pathlib import Path

from nlp.budget import MAX_CHARS, MAX_SENTENCE_CHARS, BudgetError, check_chars
from nlp.errors import InputError
from nlp.ingest.clean import clean
from nlp.ingest.docx import read_docx
from nlp.ingest.html import read_html
from nlp.ingest.markdown import read_markdown
from nlp.ingest.paragraphs import assemble
from nlp.ingest.pdf import read_pdf
from nlp.ingest.pdfcheck import check_pdf
from nlp.ingest.safety import check_size
from nlp.ingest.text import read_text
from nlp.ingest.xlsx import WORKBOOK, read_xlsx
from nlp.types import MAX_INPUT_BYTES, Document

SUFFIX_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                  ".xlsx": "xlsx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html"}
HTML_SNIFF = re.compile(rb"^\s*(<!doctype\s+html|<html|<\?xml[^>]*>\s*<html|<head|<body|<meta|<div|<p[ >])",
                        re.IGNORECASE)
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# an Office file protected with a password is an OLE container holding these streams (names in UTF-16)
ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
LEGACY = {
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": ("a legacy Office file (.doc/.xls/.ppt)", "save it as .docx and analyse that"),
    b"{\\rtf": ("an RTF file", "save it as .docx and analyse that"),
    b"\x89PNG": ("a PNG image", "run OCR on it first"),
    b"\xff\xd8\xff": ("a JPEG image", "run OCR on it first"),
    b"GIF8": ("a GIF image", "run OCR on it first"),
    b"II*\x00": ("a TIFF image", "run OCR on it first"),
    b"MM\x00*": ("a TIFF image", "run OCR on it first"),
    b"Rar!": ("a RAR archive", "unpack it and analyse the documents inside"),
    b"\x1f\x8b": ("a gzip archive", "unpack it and analyse the documents inside"),
    b"7z\xbc\xaf": ("a 7-Zip archive", "unpack it and analyse the documents inside"),
}


def sniff(data: bytes, suffix: str, path: str) -> str:
    """Return the format of `data`: its content decides, the suffix breaks ties."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and ENCRYPTED_OOXML in data[:1 << 20]:
        raise InputError(path, "the Office file is protected with a password", "save an unprotected copy and analyse that")
    for magic, (what, advice) in LEGACY.items():
        if data.startswith(magic):
            if suffix == ".doc":
                what = "a legacy Word .doc file"
            elif suffix in (".xls", ".et", ".xlsx"):
                what, advice = "a legacy Excel .xls file", "save it as .xlsx and analyse that"
            raise InputError(path, f"unsupported format: {what}", advice)
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if suffix == ".pdf":
        raise InputError(path, "not really a PDF (no %PDF- header)", "check the file; re-export it as PDF")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "xlsx" if _holds(data, WORKBOOK) else "docx"
    if suffix == ".docx":
        raise InputError(path, "not a valid .docx (not a zip container)", "open and re-save it in Word")
    if suffix == ".xlsx":
        raise InputError(path, "not a valid .xlsx (not a zip container)", "open and re-save it in Excel")
    if suffix in (".doc", ".wps"):
        raise InputError(path, "unsupported format: a legacy Word file", "save it as .docx and analyse that")
    if suffix in (".xls", ".et"):
        raise InputError(path, "unsupported format: a legacy Excel file", "save it as .xlsx and analyse that")
    if suffix in (".pptx", ".ppt", ".odt", ".epub"):
        raise InputError(path, f"unsupported format: {suffix}", "save it as .docx, .pdf, .html or .txt")
    head = data[:2048]
    if suffix in (".html", ".htm", ".xhtml", ".shtml") or HTML_SNIFF.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return SUFFIX_FORMATS.get(suffix, "txt")


def _holds(data: bytes, name: str) -> bool:
    """Whether the zip container `data` lists `name` (read from its directory only; a damaged zip lists nothing,
    and the Word reader says why)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return name in archive.NameToInfo
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, IndexError, struct.error):
        return False


def check_sentences(text: str, path: str, limit: int = MAX_SENTENCE_CHARS) -> None:
    """Refuse text with a run of more than `limit` characters between two sentence ends (in linear time)."""
    longest = max(map(len, SENTENCE_END.split(text)), default=0)
    if longest > limit:
        raise BudgetError(path, f"a passage of {longest:,} characters has no sentence end (。！？； or a line break), "
                                f"more than the {limit:,} allowed", "this is not running text: punctuate or split it")


def read_document(path: str | Path, max_bytes: int = MAX_INPUT_BYTES, max_chars: int = MAX_CHARS) -> Document:
    """Read a speech or report in any supported format into a cleaned Document."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "no such file", "check the path")
    if p.is_dir():
        raise InputError(name, "is a directory, not a document", "give files, or use `nlp batch` for folders")
    if not p.is_file():
        raise InputError(name, "is not a regular file", "give a txt, docx, pdf or html document")
    check_size(p.stat().st_size, name, max_bytes)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})", "check its permissions") from exc
    return read_bytes(data, name, p.suffix.lower(), max_bytes, max_chars)


def read_bytes(data: bytes, path: str, suffix: str = "", max_bytes: int = MAX_INPUT_BYTES,
               max_chars: int = MAX_CHARS) -> Document:
    """Read a document held in memory; `path` names it in messages and in the output. Budgets (nlp.budget) are
    checked as the reader expands the input, and on the text it gives."""
    check_size(len(data), path, max_bytes)
    if not data.strip():
        raise InputError(path, "the file is empty" if not data else "the file holds only whitespace",
                         "give a document with text")
    fmt = sniff(data, suffix, path)
    encoding = None
    page_starts: tuple[int, ...] = ()
    pages = None
    pre_removed: list[str] = []
    if fmt == "pdf":
        check_pdf(data, path)
        paras, source, page_starts, pre_removed = read_pdf(data, path)
        pages = len(page_starts)
    elif fmt == "docx":
        paras, source = read_docx(data, path, max_chars)
    elif fmt == "xlsx":
        paras, source = read_xlsx(data, path, max_chars)
    elif fmt == "html":
        paras, source = read_html(data, path)
    elif fmt == "md":
        check_chars(len(data) // 4, path, max_chars)
        paras, source, encoding, pre_removed = read_markdown(data, path)
    else:
        # no encoding spends more than 4 bytes on a character: a file this large cannot fit the budget
        check_chars(len(data) // 4, path, max_chars)
        paras, source, encoding, pre_removed = read_text(data, path)
    check_chars(len(source), path, max_chars)
    cleaned = clean(paras)
    if not any(p.text.strip() for p in cleaned.paras):
        raise InputError(path, "no text is left once page furniture is removed", "give the document's full text")
    text, segments = assemble(cleaned.paras)
    check_sentences(text, path)
    levels: list[tuple[int, int, int]] = []
    pos = 0
    for para in cleaned.paras:
        if para.level is not None:
            levels.append((pos, pos + len(para), para.level))
        pos += len(para) + 1
    return Document(
        path=path,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        title=cleaned.title,
        date=cleaned.date,
        encoding=encoding,
        pages=pages,
        boilerplate=tuple(pre_removed) + cleaned.boilerplate,
        source_text=source,
        segments=segments,
        page_starts=page_starts,
        heading_levels=tuple(levels),
    )
