"""Budgets for one document: how much input, text, nesting, pages and time one analysis may take.

Each limit is checked where the work is done — the reader that expands the input counts as it goes — so
a hostile file is refused with one line (exit 2) in seconds instead of costing minutes and gigabytes. The
numbers were chosen against `../shared/corpus` (130 real work reports and speeches: the longest has 34 k
characters, its longest sentence 500, its largest docx part 0.9 MB, its longest PDF 60 pages) with a wide
margin, and against the time and memory they allow on the 2-core reference machine; the main ones are
options of the command line (`--max-bytes`, `--max-chars`, `--timeout`, `--max-memory`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from nlp.errors import InputError

MiB = 1024 * 1024

MAX_INPUT_BYTES = 50 * MiB  # a 30-page report is < 1 MB as docx; 50 MiB leaves room for images
# analysed characters: 30× the longest corpus document (a five-year plan has ~100 k); 1 M takes ~8 s here
MAX_CHARS = 1_000_000
# characters between two sentence ends (。！？；, a line break): 6× the longest corpus sentence. Stages that look
# back along a sentence (actors of each modal verb, numerals) stay under a few seconds at this length.
MAX_SENTENCE_CHARS = 3_000
# one XML part of a docx once inflated: 30× the largest corpus document.xml; lxml needs ~10× this in memory
MAX_XML_BYTES = 32 * MiB
MAX_UNZIPPED_BYTES = 200 * MiB  # every part of a docx once inflated, images included
MAX_ZIP_RATIO = 200  # XML compresses ~10:1; a bomb compresses 1000:1 and more
MAX_ZIP_ENTRIES = 10_000
MAX_TABLE_DEPTH = 8  # tables inside table cells; office documents nest two or three deep
# cells an Excel workbook holds (its sheets' XML counted before it is loaded), and cells its merged ranges cover: a
# ledger of 500 tasks has ~10 k; openpyxl spends ~20 µs and ~600 bytes on each cell it loads or each merged one it
# creates, so 200 k take ~4 s and ~120 MB. Columns a sheet shows: a ledger has ~10, a wide statistical table ~60.
MAX_SHEET_CELLS = 200_000
MAX_SHEET_COLUMNS = 256
# PDF: pages, and the drawing operators of a page once inflated (a text page needs 20-200 KB; a dense vector map
# a few MB). pdfplumber spends ~0.3 ms and ~4 KB on each object it lays out (1 MiB of rectangles: ~80 k objects),
# keeps ~1.5 MB per page while reading and reads ~30 k characters/s.
MAX_PDF_PAGES = 300
MAX_PAGE_CONTENT_BYTES = 1 * MiB
MAX_PDF_CONTENT_BYTES = 64 * MiB  # all pages together
# a saved web page: trafilatura builds a tree of ~100 bytes per input byte
MAX_HTML_BYTES = 4 * MiB
# seconds for one document, reading included: 1 M characters take ~8 s, a 300-page PDF ~30 s
TIMEOUT = 60.0
# resident memory of one batch worker (jieba's dictionary alone is ~150 MB)
MAX_WORKER_MEMORY = 2048 * MiB


class BudgetError(InputError):
    """A document exceeds a budget: too large, too deep or too slow to analyse."""


def mib(size: int) -> str:
    """Return a byte count the way the limits are written: `1.5 MiB`, `50 MiB`; below a MiB in KiB (`5.9 KiB`)."""
    if size < MiB:
        value = size / 1024
        return f"{value:.0f} KiB" if value >= 10 or value == int(value) else f"{value:.1f} KiB"
    value = size / MiB
    return f"{value:.0f} MiB" if value >= 10 or value == int(value) else f"{value:.1f} MiB"


def check_chars(count: int, path: str, limit: int = MAX_CHARS) -> None:
    if count > limit:
        raise BudgetError(path, f"the text has more than {limit:,} characters", "split it or raise --max-chars")


@contextmanager
def time_budget(seconds: float | None, path: str, total: float | None = None) -> Iterator[None]:
    """Raise BudgetError when the body runs longer than `seconds` (SIGALRM; main thread on Unix only, else no-op);
    the message names `total`, the whole budget, when this is what is left of it.

    The alarm interrupts Python code between bytecodes; a batch worker is also killed from outside if that fails.
    """
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise BudgetError(path, f"over the time budget of {total or seconds:g} s", "split it or raise --timeout")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
