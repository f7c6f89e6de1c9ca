"""Web page reader: the main content only (trafilatura), page furniture removed."""

from __future__ import annotations

from nlp.budget import MAX_HTML_BYTES, BudgetError, mib
from nlp.errors import InputError
from nlp.ingest.clean import repair_lines
from nlp.ingest.paragraphs import Para, split_lines


def read_html(data: bytes, path: str) -> tuple[list[Para], str]:
    """Return the paragraphs and the extracted source text of a web page."""
    if len(data) > MAX_HTML_BYTES:
        raise BudgetError(path, f"the web page is {mib(len(data))}, more than the {mib(MAX_HTML_BYTES)} a page may have",
                          "save the page's article as text and analyse that")
    import trafilatura  # imported only when a web page is read

    result = trafilatura.bare_extraction(
        data, include_comments=False, include_tables=True, with_metadata=True, favor_recall=True,
    )
    text = (getattr(result, "text", None) or "") if result is not None else ""
    title = (getattr(result, "title", None) or "").strip() if result is not None else ""
    if not text.strip():
        raise InputError(path, "the web page has no main text", "save the page's article as text and analyse that")
    first = text.lstrip().split("\n", 1)[0].strip()
    if title and title not in first and first not in title:
        source = title + "\n" + text
    else:
        source = text
    return repair_lines(split_lines(source)), source
