"""The outline: headings `一、` `（一）` `1.`, chapters `第一部分`, and run-in points `一是…` `一要…`.

A marker is accepted when it starts a paragraph and continues a sequence
(`二、` needs a `一、` before it at the same depth), so stray numbers in the
running text do not become headings. Levels follow nesting: the first marker
family met is level 1, a family of lower rank opened beneath it is level 2, …
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nlp.numerals import cn_small
from nlp.segment.markers import FAMILIES
from nlp.segment.sentences import paragraphs
from nlp.types import OutlineItem, Sentence

ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3}
HEADING_MAX = 80  # a heading paragraph longer than this is a run-in point: its title is the first sentence


def _number(family: str, raw: str, last: int | None) -> int:
    if family == "runin-first":
        if raw == "最后":
            return (last or 0) + 1
        return ORDINAL_WORDS[raw]
    if family == "circled":
        return ord(raw) - ord("①") + 1
    if raw.isdigit():
        return int(raw)
    return cn_small(raw)


@dataclass
class _Open:
    rank: float
    family: str
    n: int


def build_outline(text: str, sentences: Sequence[Sentence],
                  heading_levels: tuple[tuple[int, int, int], ...] = ()) -> list[OutlineItem]:
    """Return the outline items of `text` in document order; a run-in point's title is its paragraph's first
    sentence."""
    styled = {start: level for start, _, level in heading_levels}
    first_end: dict[int, int] = {}
    for sent in sentences:
        first_end.setdefault(sent.paragraph, sent.end)
    stack: list[_Open] = []
    items: list[OutlineItem] = []
    for p, (start, end) in enumerate(paragraphs(text)):
        found = _match(text, start)
        style_level = styled.get(start)
        if found is None and style_level is None:
            continue
        if found is None:
            family, rank, marker, raw = "style", style_level - 1.5, "", ""
        else:
            family, rank, marker, raw = found
        depth = [o for o in stack if o.rank < rank]
        siblings = [o for o in stack if o.rank == rank and o.family == family]
        last = siblings[-1].n if siblings else None
        n = _number(family, raw, last) if family != "style" else (last or 0) + 1
        if family != "style" and n != 1 and (last is None or n != last + 1):
            continue  # does not continue a sequence: running text, not a heading
        if family == "runin-first" and raw == "最后" and last is None:
            continue
        stack = [*depth, _Open(rank, family, n)]
        level = len(depth) + 1
        head_end = _heading_end(text, start, end, family, first_end.get(p, end))
        title = text[start + len(marker):head_end].strip().rstrip("。；;")
        items.append(OutlineItem(level=level, marker=marker.strip(), title=title, start=start, end=head_end))
    return items


def _match(text: str, start: int) -> tuple[str, float, str, str] | None:
    head = text[start:start + 12]
    for family, rank, pattern in FAMILIES:
        m = pattern.match(head)
        if m:
            return family, rank, m.group(0), m.group("n")
    return None


def _heading_end(text: str, start: int, end: int, family: str, first_sentence_end: int) -> int:
    """A short heading line is whole; otherwise the heading is the paragraph's first sentence."""
    if family in ("chapter", "dun", "style") and end - start <= HEADING_MAX and "。" not in text[start:end - 1]:
        return end
    return first_sentence_end
