"""The outline: headings `一、` `（一）` `1.`, chapters `第一部分`, and run-in points `一是…` `一要…`.

A marker is accepted when it starts a paragraph and continues a sequence
(`二、` needs a `一、` before it at the same depth), so stray numbers in the
running text do not become headings. Levels follow nesting: the first marker
family met is level 1, a family of lower rank opened beneath it is level 2, …
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.segment.sentences import paragraphs, split_paragraph
from nlp.types import OutlineItem

CN = "一二三四五六七八九十"
# (family, rank, regex); group "n" is the number, the whole match is the marker
FAMILIES: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    ("chapter", 0, re.compile(rf"^第(?P<n>[{CN}]{{1,3}})(?:部分|章|篇)\s*")),
    ("dun", 1, re.compile(rf"^(?P<n>[{CN}]{{1,3}})[、．]\s*")),
    ("paren", 2, re.compile(rf"^[（(](?P<n>[{CN}]{{1,3}})[)）]\s*")),
    ("runin-shi", 3, re.compile(rf"^(?P<n>[{CN}]{{1,3}})是(?=[^的否])")),
    ("runin-yao", 3, re.compile(rf"^(?P<n>[{CN}]{{1,3}})要(?=[^求素点紧])")),
    ("runin-di", 3, re.compile(rf"^第(?P<n>[{CN}]{{1,3}})[，,、：:]\s*")),
    ("runin-first", 3, re.compile(r"^(?P<n>首先|其次|再次|最后)[，,、：:]\s*")),
    ("arabic", 4, re.compile(r"^(?P<n>\d{1,2})[.．、](?!\d)\s*")),
    ("arabic-paren", 5, re.compile(r"^[（(](?P<n>\d{1,2})[)）]\s*")),
    ("circled", 6, re.compile(r"^(?P<n>[①-⑳])\s*")),
)
ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3}
HEADING_MAX = 80  # a heading paragraph longer than this is a run-in point: its title is the first sentence


def cn_number(text: str) -> int:
    """Return the value of a Han numeral from 一 to 九十九."""
    digits = {c: i + 1 for i, c in enumerate(CN[:9])}
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
    return digits.get(text, 0)


def _number(family: str, raw: str, last: int | None) -> int:
    if family == "runin-first":
        if raw == "最后":
            return (last or 0) + 1
        return ORDINAL_WORDS[raw]
    if family == "circled":
        return ord(raw) - ord("①") + 1
    if raw.isdigit():
        return int(raw)
    return cn_number(raw)


@dataclass
class _Open:
    rank: float
    family: str
    n: int


def build_outline(text: str, heading_levels: tuple[tuple[int, int, int], ...] = ()) -> list[OutlineItem]:
    """Return the outline items of `text` in document order."""
    styled = {start: level for start, _, level in heading_levels}
    stack: list[_Open] = []
    items: list[OutlineItem] = []
    for start, end in paragraphs(text):
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
        head_end = _heading_end(text, start, end, family)
        title = text[start + len(marker):head_end].strip().rstrip("。；;")
        items.append(OutlineItem(level, marker.strip(), title, start, head_end))
    return items


def _match(text: str, start: int) -> tuple[str, float, str, str] | None:
    head = text[start:start + 12]
    for family, rank, pattern in FAMILIES:
        m = pattern.match(head)
        if m:
            return family, rank, m.group(0), m.group("n")
    return None


def _heading_end(text: str, start: int, end: int, family: str) -> int:
    """A short heading line is whole; otherwise the heading is the paragraph's first sentence."""
    if family in ("chapter", "dun", "style") and end - start <= HEADING_MAX and "。" not in text[start:end - 1]:
        return end
    for _, sent_end in split_paragraph(text, start, end):
        return sent_end
    return end
