"""Paragraphs that remember where each of their characters came from.

A `Para` is a list of fragments `(text, source_start)`; `source_start` is the
offset of the fragment in the reader's source text, or -1 for generated text
(a Word list number). Cleaning slices and joins paragraphs; `assemble` lays
them out as the analysed text and keeps the map back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from nlp.types import Segment

WHITESPACE = " \t\u3000\xa0\u2002\u2003\u2009\u200a\u202f\u205f\r\f\v"
ROW_STRIP = WHITESPACE.replace("\t", "")  # a table's row keeps the tabs of its empty end cells
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f")


@dataclass
class Para:
    """One paragraph (or line) of a document with its provenance."""

    frags: list[tuple[str, int]] = field(default_factory=list)
    level: int | None = None  # outline level given by the format (a Word heading style)

    @classmethod
    def of(cls, text: str, source_start: int = -1, level: int | None = None) -> Para:
        return cls([(text, source_start)] if text else [], level)

    @property
    def text(self) -> str:
        frags = self.frags
        return frags[0][0] if len(frags) == 1 else "".join(t for t, _ in frags)  # most are one fragment

    def __len__(self) -> int:
        frags = self.frags
        return len(frags[0][0]) if len(frags) == 1 else sum(len(t) for t, _ in frags)

    def __add__(self, other: Para) -> Para:
        return Para(self.frags + other.frags, self.level if self.level is not None else other.level)

    def slice(self, start: int, end: int | None = None) -> Para:
        """Return the characters start:end, keeping provenance."""
        if len(self.frags) == 1:  # most paragraphs: the loop below with one fragment
            text, src = self.frags[0]
            a, b = max(start, 0), len(text) if end is None else min(end, len(text))
            return Para([(text[a:b], src + a if src >= 0 else -1)] if a < b else [], self.level)
        total = len(self)
        end = total if end is None else min(end, total)
        out: list[tuple[str, int]] = []
        pos = 0
        for text, src in self.frags:
            a, b = max(start - pos, 0), min(end - pos, len(text))
            if a < b:
                out.append((text[a:b], src + a if src >= 0 else -1))
            pos += len(text)
        return Para(out, self.level)

    def strip(self, chars: str = WHITESPACE) -> Para:
        text = self.text
        left = len(text) - len(text.lstrip(chars))
        right = len(text.rstrip(chars))
        return self.slice(left, max(left, right))

    def drop(self, chars: frozenset[str]) -> Para:
        """Return the paragraph without the given characters (zero-width spaces)."""
        kept = _runs_without(chars)
        return Para([(m.group(), src + m.start() if src >= 0 else -1)
                     for text, src in self.frags for m in kept.finditer(text)], self.level)


@cache
def _runs_without(chars: frozenset[str]) -> re.Pattern[str]:
    """A regex of the runs of characters other than `chars`."""
    return re.compile("[^" + "".join(re.escape(ch) for ch in sorted(chars)) + "]+")


def assemble(paras: list[Para]) -> tuple[str, tuple[Segment, ...]]:
    """Lay paragraphs out one per line; return the text and its source map."""
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for n, para in enumerate(paras):
        if n:
            parts.append("\n")
            segments.append(Segment(pos, -1, 1))
            pos += 1
        for text, src in para.frags:
            if not text:
                continue
            last = segments[-1] if segments else None
            if last and src >= 0 and last.source_start >= 0 and last.source_start + last.length == src:
                segments[-1] = Segment(last.start, last.source_start, last.length + len(text))
            else:
                segments.append(Segment(pos, src, len(text)))
            parts.append(text)
            pos += len(text)
    return "".join(parts), tuple(segments)


def split_lines(source: str) -> list[Para]:
    """Split source text at newlines; each line keeps its source offset."""
    lines: list[Para] = []
    pos = 0
    for line in source.split("\n"):
        lines.append(Para.of(line, pos))
        pos += len(line) + 1
    return lines
