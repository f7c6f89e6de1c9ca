"""PDF budgets checked before pdfplumber lays out a page: the number of pages and the size of each page's
drawing operators once inflated (a flate bomb, a million rectangles).

Only the page tree and the content streams are read (pdfminer, no layout), inflated through a counting
decompressor; anything this check cannot read is left to the reader, which reports damage or encryption.
"""

from __future__ import annotations

import io
import zlib
from typing import Any

from nlp.budget import MAX_PAGE_CONTENT_BYTES, MAX_PDF_CONTENT_BYTES, MAX_PDF_PAGES, BudgetError, mib

CHUNK = 64 * 1024


class _Over(Exception):
    pass


def check_pdf(data: bytes, path: str, max_pages: int = MAX_PDF_PAGES, page_limit: int = MAX_PAGE_CONTENT_BYTES,
              total_limit: int = MAX_PDF_CONTENT_BYTES) -> None:
    """Refuse a PDF with more than `max_pages` pages or more drawing operators than the limits allow."""
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        document = PDFDocument(PDFParser(io.BytesIO(data)))
        pages = iter(PDFPage.create_pages(document))
    except Exception:  # damaged or encrypted: the reader says which
        return
    total = 0
    count = 0
    while True:
        try:
            page = next(pages)
        except StopIteration:
            return
        except Exception:
            return
        count += 1
        if count > max_pages:
            raise BudgetError(path, f"the PDF has more than {max_pages} pages", "split it into parts")
        seen: set[int] = set()
        size = 0
        try:
            for stream in _page_streams(page):
                if id(stream) in seen:
                    continue
                seen.add(id(stream))
                size += _decoded_size(stream, page_limit - size)
        except _Over:
            raise BudgetError(path, f"page {count} of the PDF draws more than {mib(page_limit)} of operators "
                                    "(a flate bomb, or a drawing rather than text)",
                              "save the text as .docx or a text-only PDF") from None
        except Exception:
            continue  # a stream pdfminer cannot read: the reader decides
        total += size
        if total > total_limit:
            raise BudgetError(path, f"the PDF's pages draw more than {mib(total_limit)} of operators",
                              "split it into parts")


def _page_streams(page: Any) -> list[Any]:
    """The content streams of a page and of the form XObjects it uses directly."""
    from pdfminer.pdftypes import PDFStream, resolve1

    streams = [resolve1(s) for s in page.contents]
    resources = resolve1(page.resources) or {}
    xobjects = resolve1(resources.get("XObject", {})) if isinstance(resources, dict) else {}
    for ref in (xobjects or {}).values():
        x = resolve1(ref)
        if isinstance(x, PDFStream) and getattr(resolve1(x.get("Subtype")), "name", None) == "Form":
            streams.append(x)
    return [s for s in streams if isinstance(s, PDFStream)]


def _decoded_size(stream: Any, limit: int) -> int:
    """Return the size of a stream once decoded, raising _Over past `limit` without holding the output."""
    raw = stream.rawdata if stream.rawdata is not None else stream.data
    if raw is None:
        return 0
    if stream.rawdata is not None and stream.decipher is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    filters = [getattr(f, "name", f) for f, _ in stream.get_filters()] if stream.rawdata is not None else []
    if not filters or filters[0] not in ("FlateDecode", "Fl"):
        if len(raw) > limit:
            raise _Over
        return len(raw)  # other filters are rare in content streams and cannot bomb as flate can
    inflater = zlib.decompressobj()
    size = 0
    for pos in range(0, len(raw), CHUNK):
        pending = raw[pos:pos + CHUNK]
        while pending:
            size += len(inflater.decompress(pending, CHUNK))
            if size > limit:
                raise _Over
            pending = inflater.unconsumed_tail
            if inflater.eof:
                return size
    return size
