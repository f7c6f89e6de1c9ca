"""PDF reader (pdfplumber): running headers, footers and page numbers removed,
wrapped lines joined, paragraph breaks kept; every character keeps its page.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from itertools import groupby
from operator import itemgetter
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
TOLERANCE = 3  # pt, pdfplumber's: characters whose tops are this close share a line; a wider gap is a space
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


def _clusters(values: list[float]) -> dict[float, int]:
    """Number the values in clusters: sorted, a value within TOLERANCE of the one before joins its cluster."""
    ids: dict[float, int] = {}
    n = -1
    last = None
    for v in sorted(set(values)):
        if last is None or v > last + TOLERANCE:
            n += 1
        ids[v] = n
        last = v
    return ids


def _lines(page: Any, ligatures: dict[str, str]) -> list[dict[str, Any]]:
    """Return the text lines of a page as pdfplumber's `extract_text_lines` gives them, in one pass.

    Same rules, without the general text map: characters whose tops chain within
    TOLERANCE share a row; in a row, in x order, a blank character, a step back
    or a gap wider than TOLERANCE starts a word; words whose tops chain within
    TOLERANCE share a line, in x order, joined by one space. Each line carries
    its characters, one per letter of its text. Pages with rotated characters
    are left to pdfplumber.
    """
    chars = page.chars
    if not all(c["upright"] for c in chars):
        return [ln for ln in page.extract_text_lines(strip=True, return_chars=True) if ln["text"].strip()]
    rows = _clusters([c["top"] for c in chars])
    words: list[list[dict[str, Any]]] = []
    for _, row in groupby(sorted(chars, key=lambda c: rows[c["top"]]), key=lambda c: rows[c["top"]]):
        word: list[dict[str, Any]] = []
        for c in sorted(row, key=itemgetter("x0")):
            text = c["text"]
            if not text or text.isspace():
                if word:
                    words.append(word)
                if not text:  # an empty character is a word of its own, as in pdfplumber
                    words.append([c])
                word = []
            elif word and (c["x0"] < word[-1]["x0"] or c["x0"] > word[-1]["x1"] + TOLERANCE
                           or abs(c["top"] - word[-1]["top"]) > TOLERANCE):
                words.append(word)
                word = [c]
            else:
                word.append(c)
        if word:
            words.append(word)
    tops = [min(c["top"] for c in w) for w in words]
    lefts = [min(c["x0"] for c in w) for w in words]
    ids = _clusters(tops)
    by_top = sorted(range(len(words)), key=tops.__getitem__)
    lines = []
    for _, group in groupby(sorted(by_top, key=lambda i: ids[tops[i]]), key=lambda i: ids[tops[i]]):
        parts: list[str] = []
        line_chars: list[dict[str, Any]] = []
        for i in sorted(group, key=lefts.__getitem__):
            if parts:
                parts.append(" ")
            for c in words[i]:
                letters = ligatures.get(c["text"], c["text"])
                parts.append(letters)
                line_chars.extend([c] * len(letters))
        text = "".join(parts)
        if text.strip():
            lines.append({"text": text, "chars": line_chars,
                          "x0": min(c["x0"] for c in line_chars), "x1": max(c["x1"] for c in line_chars),
                          "top": min(c["top"] for c in line_chars),
                          "bottom": max(c["bottom"] for c in line_chars)})
    return lines


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def read_pdf(data: bytes, path: str) -> tuple[list[Para], str, tuple[int, ...], list[str]]:
    """Return paragraphs, source text, page start offsets and removed headers/footers of a PDF."""
    from pdfplumber.utils.text import LIGATURES  # the extractor writes `ﬁ` as `fi`

    pdf = _open(data, path)
    try:
        pages: list[tuple[Any, list[dict[str, Any]]]] = []
        any_chars = False
        for page in pdf.pages:
            if page.chars:
                any_chars = True
            pages.append((page, _lines(page, LIGATURES)))
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
