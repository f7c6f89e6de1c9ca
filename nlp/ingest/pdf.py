"""PDF reader (pdfplumber): running headers, footers and page numbers removed,
wrapped lines joined, paragraph breaks kept; every character keeps its page.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from statistics import median
from typing import Any

from nlp.errors import InputError
from nlp.ingest.paragraphs import ZERO_WIDTH, Para

PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[-—–－]\s*[一二三四五六七八九十百]+\s*[-—–－])$",
    re.IGNORECASE,
)
MARGIN = 0.12  # share of the page height at the top and bottom where running heads and page numbers sit
REPEAT_SHARE = 0.5  # a margin line repeated on at least this share of pages is a running header/footer
CID = re.compile(r"\(cid:\d+\)")
CID_SHARE = 0.1  # a stray (cid:NN) is tolerated; a tenth of the text in them is unreadable
LATIN = re.compile(r"[A-Za-z0-9]")


def _open(data: bytes, path: str) -> Any:
    import pdfplumber  # imported only when a PDF is read
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 - parses the page tree, where damage and encryption show
    except Exception as exc:
        cause = exc.__cause__ or exc.__context__ or exc
        names = {type(exc).__name__, type(cause).__name__}
        text = f"{exc} {cause}".lower()
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or "password" in text \
                or names & {"PDFPasswordIncorrect", "PDFEncryptionError"}:
            raise InputError(path, "the PDF is encrypted with a password",
                             "save an unprotected copy and analyse that") from exc
        if isinstance(cause, PDFSyntaxError) or names & {"PDFSyntaxError", "PdfminerException",
                                                         "MalformedPDFException", "PSEOF"}:
            raise InputError(path, f"the PDF is damaged ({type(cause).__name__})",
                             "re-export it from the original document") from exc
        raise
    return pdf


def check_unicode(text: str, path: str) -> None:
    """Refuse text that a PDF without a Unicode map gives: `(cid:123)(cid:456)…`."""
    cid_chars = sum(len(m) for m in CID.findall(text))
    if cid_chars > CID_SHARE * max(len(text), 1):
        raise InputError(path, "the PDF's fonts have no Unicode map: its text comes out as (cid:NN)",
                         "re-export it with embedded Unicode fonts, or run OCR on it")


def _lines(page: Any) -> list[dict[str, Any]]:
    lines = page.extract_text_lines(strip=True, return_chars=False)
    return [ln for ln in lines if ln["text"].strip()]


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def read_pdf(data: bytes, path: str) -> tuple[list[Para], str, tuple[int, ...], list[str]]:
    """Return paragraphs, source text, page start offsets and removed headers/footers of a PDF."""
    pdf = _open(data, path)
    try:
        pages: list[tuple[Any, list[dict[str, Any]]]] = []
        any_chars = False
        for page in pdf.pages:
            if page.chars:
                any_chars = True
            pages.append((page, _lines(page)))
    except Exception as exc:
        if type(exc).__name__ in ("PDFSyntaxError", "PdfminerException", "PSEOF", "MalformedPDFException"):
            raise InputError(path, f"the PDF is damaged ({type(exc).__name__})",
                             "re-export it from the original document") from exc
        raise
    finally:
        pdf.close()
    if not pages:
        raise InputError(path, "the PDF has no pages", "re-export it from the original document")
    if not any_chars:
        raise InputError(path, "the PDF has no text layer (a scan?)", "run OCR on it first, then analyse the result")
    check_unicode("".join(ln["text"] for _, lines in pages for ln in lines), path)

    # running heads and feet: margin lines repeated on most pages, and page numbers
    margin_counts: Counter[str] = Counter()
    for page, lines in pages:
        keys = {_margin_key(ln["text"]) for ln in lines if _in_margin(ln, page)}
        margin_counts.update(keys)
    min_repeat = max(2, int(REPEAT_SHARE * len(pages) + 0.5)) if len(pages) > 1 else 10**9

    source_parts: list[str] = []
    page_starts: list[int] = []
    removed: list[str] = []
    body_lines: list[tuple[int, dict[str, Any], Any]] = []  # (source offset, line, page)
    pos = 0
    for page, lines in pages:
        page_starts.append(pos)
        for ln in lines:
            text = ln["text"]
            source_parts.append(text + "\n")
            if _in_margin(ln, page) and (PAGE_NUMBER.match(text.strip())
                                         or margin_counts[_margin_key(text)] >= min_repeat):
                removed.append(text)
            else:
                body_lines.append((pos, ln, page))
            pos += len(text) + 1
    return _paragraphs(body_lines), "".join(source_parts), tuple(page_starts), removed


def _in_margin(line: dict[str, Any], page: Any) -> bool:
    height = float(page.height) or 1.0
    return line["top"] < MARGIN * height or line["bottom"] > (1 - MARGIN) * height


def _paragraphs(lines: list[tuple[int, dict[str, Any], Any]]) -> list[Para]:
    """Join wrapped lines: Chinese wraps without spaces, paragraphs start indented or after a short line."""
    if not lines:
        return []
    sizes = [ln["bottom"] - ln["top"] for _, ln, _ in lines]
    size = median(sizes) or 10.0
    lefts = Counter(round(ln["x0"]) for _, ln, _ in lines)
    left = lefts.most_common(1)[0][0]
    right = sorted(ln["x1"] for _, ln, _ in lines)[int(0.9 * (len(lines) - 1))]
    paras: list[Para] = []
    prev: dict[str, Any] | None = None
    prev_page = None
    for offset, ln, page in lines:
        para = Para.of(ln["text"], offset).drop(ZERO_WIDTH).strip()
        if not len(para):
            continue
        new_para = (
            prev is None
            or ln["x0"] > left + 1.2 * size  # indented first line
            or prev["x1"] < right - 1.5 * size  # the previous line stopped short
            or (page is prev_page and ln["top"] - prev["bottom"] > 1.2 * size)  # a vertical gap
            or (prev["x0"] > left + 4 * size and prev["x1"] < right - size)  # a centred heading
        )
        if new_para or not paras:
            paras.append(para)
        else:
            last = paras[-1].text
            sep = " " if LATIN.match(last[-1]) and LATIN.match(para.text[0]) and last[-1].isalpha() else ""
            paras[-1] = paras[-1] + (Para.of(sep) + para if sep else para)
        prev, prev_page = ln, page
    return paras
