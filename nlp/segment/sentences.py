"""Sentences with offsets: split at 。！？； and line breaks, never inside quotes or 《》."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from nlp.segment.tables import SPACE, stripped, task_rows
from nlp.types import Sentence

TERMINATORS = frozenset("。！？!?；;")
CLOSERS = frozenset("”’」』》）)】")
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’"}
QUOTE_CHARS = re.compile("[" + "".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values()) + "]")
INTERESTING = re.compile("[" + "".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values()) + "".join(TERMINATORS) + "]")
CLOSER_RUN = re.compile("[" + re.escape("".join(CLOSERS)) + "]*")
END_RUN = re.compile("[" + re.escape("".join(TERMINATORS | CLOSERS)) + "]*")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each non-empty line of `text`."""
    pos = 0
    for line in text.split("\n"):
        if line.strip(SPACE):
            yield pos, pos + len(line)
        pos += len(line) + 1


def _matched_openers(text: str, start: int, end: int) -> set[int]:
    """Return the positions of quote openers that close within the paragraph."""
    matched: set[int] = set()
    stack: list[tuple[str, int]] = []
    for m in QUOTE_CHARS.finditer(text, start, end):
        ch, i = m.group(0), m.start()
        if ch in QUOTE_PAIRS:
            stack.append((QUOTE_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:
            matched.add(stack.pop()[1])
        else:
            # a closer without its opener: drop openers it may have been meant for
            while stack and stack[-1][0] != ch:
                stack.pop()
            if stack:
                matched.add(stack.pop()[1])
    return matched


def split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the sentences of text[start:end]."""
    matched = _matched_openers(text, start, end)
    depth: list[str] = []
    sent_start = start
    resume = start
    # only quotes and terminators change anything: jump from one to the next
    for m in INTERESTING.finditer(text, start, end):
        i = m.start()
        if i < resume:
            continue
        ch = m.group(0)
        if ch in QUOTE_PAIRS and i in matched:
            depth.append(QUOTE_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
            # “…。” ends the sentence at the closing quote
            if not depth and text[i - 1] in TERMINATORS and ch != "》":
                j = CLOSER_RUN.match(text, i + 1, end).end()  # type: ignore[union-attr]
                if j >= end or text[j] not in TERMINATORS:
                    yield from _emit(text, sent_start, j)
                    sent_start = resume = j
        elif not depth and ch in TERMINATORS:
            j = END_RUN.match(text, i + 1, end).end()  # type: ignore[union-attr]
            yield from _emit(text, sent_start, j)
            sent_start = resume = j
    if sent_start < end:
        yield from _emit(text, sent_start, end)


def _emit(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    start, end = stripped(text, start, end)
    if start < end:
        yield start, end


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of `text` with their paragraph; `with_sections` adds the heading each falls under.
    A task table's row is split at its cells (nlp/segment/tables.py): no sentence runs from a task to its units."""
    cells = {row.line[0]: [part for cell in row.cells for part in cell_parts(text, *cell)]
             for row in task_rows(text) if row.split}
    out: list[Sentence] = []
    for p, (start, end) in enumerate(paragraphs(text)):
        for a, b in cells.get(start, ((start, end),)):
            for s, e in split_paragraph(text, a, b):
                out.append(Sentence(len(out), s, e, text[s:e], p, None))
    return out


CELL_BREAK = re.compile(r"(?<=[\u4e00-\u9fff。；;，,）)”])[ \u3000]+(?=[\u4e00-\u9fff（(“\d])")


def cell_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a table cell that its paragraphs were (joined by a space: Chinese puts none between words)."""
    parts, at = [], start
    for m in CELL_BREAK.finditer(text, start, end):
        parts.append((at, m.start()))
        at = m.end()
    parts.append((at, end))
    return [(a, b) for a, b in parts if a < b]


def with_sections(sentences: Sequence[Sentence], heading_starts: Sequence[int]) -> list[Sentence]:
    """Return the sentences, each with the index of the heading (by start offset) it falls under."""
    out: list[Sentence] = []
    h = -1
    for sent in sentences:
        while h + 1 < len(heading_starts) and heading_starts[h + 1] <= sent.start:
            h += 1
        # a new Sentence, not dataclasses.replace: this runs for every sentence, and replace costs 4x as much
        out.append(Sentence(sent.index, sent.start, sent.end, sent.text, sent.paragraph, h if h >= 0 else None))
    return out
