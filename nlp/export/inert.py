"""Values made inert for where they are written: spreadsheet cells that never run as formulas, text without
control characters in office files and web pages, and terminal output that cannot send escape sequences.

The analysed text is never rewritten (offsets point into it); these functions apply only on the way out.
"""

from __future__ import annotations

import html
import re
from typing import Any

# C0 controls but tab and line feed, DEL, C1 controls, and the two non-characters XML forbids
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# what a terminal must not receive: the controls above (ESC starts escape sequences) and the bidirectional
# overrides and isolates that make a line display other than it reads
TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LINE_BREAKS = re.compile("[\n\r\u2028\u2029\x85]")
# OWASP CSV injection: a cell starting with one of these is taken for a formula by spreadsheet programs
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def strip_controls(text: str) -> str:
    """Return `text` without control characters (tab and line feed kept)."""
    return CONTROL.sub("", text)


def xlsx_value(value: Any) -> Any:
    """A worksheet value: strings without control characters (xlsx cannot hold them); other values as they are.
    Formula-like strings are typed as text by `nlp.export.xlsx.fill_sheet`."""
    return strip_controls(value) if isinstance(value, str) else value


def csv_value(value: Any) -> Any:
    """A CSV value: strings without control characters, and prefixed with `'` when they start like a formula."""
    if not isinstance(value, str):
        return value
    value = strip_controls(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def html_escape(text: str) -> str:
    """HTML-escape `text` (quotes included) and drop control characters, which HTML does not allow."""
    return html.escape(strip_controls(text))


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """Return `text` with control characters shown as `\\x1b`, `\\u202e`…: safe to print; lines kept."""
    return TERMINAL.sub(_visible, text)


def one_line(text: str) -> str:
    """Return `text` safe to print as a single line: control characters and line breaks shown escaped."""
    return LINE_BREAKS.sub(_visible, for_terminal(text))
