"""Markdown as a policy office receives it: an article copied out of a WeChat or web editor (# 标题, **一是……**,
![](图片), *图为…*, > 引文, [往期推荐](链接)), a note kept in a wiki. The marks that lay the text out are dropped and
the words kept, each with the place it came from in the file (offsets into the source stay exact); the lines are
then joined into paragraphs as plain text is. A heading's number of # is its outline level (the first line's
is the document's title).

The marks are removed line by line with regexes rather than by a Markdown parser: the parsers give the rendered
text without a map back to the characters of the source, which every extracted item must keep.
"""

from __future__ import annotations

import re

from nlp.ingest.clean import drop_page_furniture, repair_lines
from nlp.ingest.paragraphs import Para, split_lines
from nlp.ingest.text import decode

HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
QUOTE = re.compile(r"^[ ]{0,3}(?:>[ ]?)+")
RULE = re.compile(r"[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")  # --- *** ___ (a whole line)
BULLET = re.compile(r"^[ ]{0,3}[-*+][ \t]+")
ORDERED = re.compile(r"^[ ]{0,3}\d{1,3}[.)）][ \t]+")  # 1. or 1) item: its number kept, a paragraph of its own
# inline marks: an image, a link's target (its words kept), emphasis, code, an HTML tag
# (no [ inside the brackets, no ( inside the target: each scan stops at the next one, in linear time)
IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
TASK_BOX = re.compile(r"\[[ xX]\][ \t]+")  # - [x] a checklist's item
STRONG = re.compile(r"\*\*|__|~~")
EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")  # *图为会议现场*, not 5*3
CODE = re.compile(r"`+")
TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")
BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a line break in a table's cell: a space between its words


def read_markdown(data: bytes, path: str) -> tuple[list[Para], str, str, list[str]]:
    """Return paragraphs, the decoded source text, its encoding and the page furniture removed, as `read_text`
    does for plain text, without the Markdown marks."""
    source, encoding = decode(data, path)
    lines: list[Para] = []
    for line in split_lines(source):
        if (BULLET.match(line.text) or ORDERED.match(line.text)) and lines and lines[-1].text.strip():
            lines.append(Para([]))  # (a list's item is a paragraph of its own, punctuated or not)
        lines.append(_unmarked(line))
    first = next((line for line in lines if line.text.strip()), None)
    if first is not None:
        first.level = None  # (# 标题 on the first line is the document's title, not a part of it)
    lines, removed = drop_page_furniture(lines, source)
    return repair_lines(lines), source, encoding, removed


def _unmarked(line: Para) -> Para:
    """A line without its Markdown marks (a rule, or a line of an image only, is left blank)."""
    text = line.text
    if RULE.fullmatch(text):
        return line.slice(0, 0)
    level = None
    start = 0
    if m := HEADING.match(text):
        level, start = len(m.group(1)), m.end()
        if closing := CLOSING_HASHES.search(text, start):
            text = text[:closing.start()]
    elif m := QUOTE.match(text):
        start = m.end()
        if b := BULLET.match(text, start):
            start = b.end()
    elif m := BULLET.match(text):
        start = m.end()
        if box := TASK_BOX.match(text, start):
            start = box.end()
    out = Para([], level)
    end = -1
    for a, b in _kept(text, start):
        if end >= 0 and BREAK_TAG.search(text, end, a):
            out = out + Para.of(" ")  # (区住建局<br>区城管局: two units, a space between them)
        out = out + line.slice(a, b)
        end = b
    out.level = level
    return out


def _kept(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of `text` from `start` on that are words, not marks."""
    dropped: list[tuple[int, int]] = []
    for m in IMAGE.finditer(text, start):
        dropped.append(m.span())
    for m in LINK.finditer(text, start):
        if not any(a <= m.start() < b for a, b in dropped):
            dropped += [(m.start(), m.start(1)), (m.end(1), m.end())]  # [words](target): the words kept
    for pattern in (STRONG, CODE, TAG):
        dropped += [m.span() for m in pattern.finditer(text, start)]
    for m in EMPHASIS.finditer(text, start):
        dropped += [(m.start(), m.start(1)), (m.end(1), m.end())]
    dropped.sort()
    kept: list[tuple[int, int]] = []
    at = start
    for a, b in dropped:
        if a > at:
            kept.append((at, a))
        at = max(at, b)
    if at < len(text):
        kept.append((at, len(text)))
    return kept
