"""Sentences with offsets: split at 。！？； and line breaks, never inside quotes or 《》."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from nlp.types import Sentence

TERMINATORS = frozenset("。！？!?；;")
CLOSERS = frozenset("”’」』》）)】")
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’"}
SPACE = " \t\u3000\xa0"


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
    for i in range(start, end):
        ch = text[i]
        if ch in QUOTE_PAIRS:
            stack.append((QUOTE_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:
            matched.add(stack.pop()[1])
        elif ch in QUOTE_PAIRS.values():
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
    i = start
    while i < end:
        ch = text[i]
        if ch in QUOTE_PAIRS and i in matched:
            depth.append(QUOTE_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
            # “…。” ends the sentence at the closing quote
            if not depth and text[i - 1] in TERMINATORS and ch != "》":
                j = i + 1
                while j < end and text[j] in CLOSERS:
                    j += 1
                if j >= end or text[j] not in TERMINATORS:
                    yield from _emit(text, sent_start, j)
                    sent_start = i = j
                    continue
        elif not depth and ch in TERMINATORS:
            j = i + 1
            while j < end and (text[j] in TERMINATORS or text[j] in CLOSERS):
                j += 1
            yield from _emit(text, sent_start, j)
            sent_start = i = j
            continue
        i += 1
    if sent_start < end:
        yield from _emit(text, sent_start, end)


def _emit(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    if start < end:
        yield start, end


def split_sentences(text: str, heading_starts: Sequence[int] = ()) -> list[Sentence]:
    """Return the sentences of `text`, each with the index of the heading (by start offset) it falls under."""
    out: list[Sentence] = []
    h = -1
    for p, (start, end) in enumerate(paragraphs(text)):
        for s, e in split_paragraph(text, start, end):
            while h + 1 < len(heading_starts) and heading_starts[h + 1] <= s:
                h += 1
            out.append(Sentence(len(out), s, e, text[s:e], p, h if h >= 0 else None))
    return out
