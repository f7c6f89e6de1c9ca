"""Frozen records that flow between the stages of the pipeline.

`Document.text` is what every offset points into; it is never rewritten after
ingestion. Normalised values live in their own fields.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

Value = float | int | list[float] | None


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of `length` characters of `Document.text` copied from the source.

    `source_start` is the offset of the run in `Document.source_text`, or -1
    when the characters were generated (a paragraph break, a Word list number).
    """

    start: int
    source_start: int
    length: int


@dataclass(frozen=True)
class Document:
    """A read document: the analysed text and where each character came from."""

    path: str
    format: str
    sha256: str
    text: str
    title: str | None = None
    date: str | None = None
    encoding: str | None = None
    pages: int | None = None
    boilerplate: tuple[str, ...] = ()
    source_text: str = field(default="", repr=False)
    segments: tuple[Segment, ...] = field(default=(), repr=False, compare=False)
    page_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    heading_levels: tuple[tuple[int, int, int], ...] = field(default=(), repr=False, compare=False)

    def source_offset(self, offset: int) -> int:
        """Return the offset in `source_text` of the character at `offset` of `text`, or -1."""
        seg = self._segment_at(offset)
        if seg is None or seg.source_start < 0:
            return -1
        return seg.source_start + (offset - seg.start)

    def text_offset(self, source_offset: int) -> int:
        """Return the offset in `text` of the source character at `source_offset`, or -1."""
        for seg in self.segments:
            if seg.source_start >= 0 and seg.source_start <= source_offset < seg.source_start + seg.length:
                return seg.start + (source_offset - seg.source_start)
        return -1

    def page_of(self, offset: int) -> int | None:
        """Return the 1-based PDF page of the character at `offset`, or None for other formats."""
        if not self.page_starts:
            return None
        source = self.source_offset(offset)
        if source < 0:
            # a generated character: use the nearest copied one before it
            seg = self._segment_at(offset)
            while seg is not None and seg.source_start < 0 and seg.start > 0:
                seg = self._segment_at(seg.start - 1)
            if seg is None or seg.source_start < 0:
                return 1
            source = seg.source_start + seg.length - 1
        return bisect_right(self.page_starts, source)

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [s.start for s in self.segments]

    def _segment_at(self, offset: int) -> Segment | None:
        i = bisect_right(self._segment_starts, offset) - 1
        if i < 0:
            return None
        seg = self.segments[i]
        return seg if offset < seg.start + seg.length else None


@dataclass(frozen=True, slots=True)
class OutlineItem:
    """A heading or run-in point: `一、…`, `（一）…`, `一是…`, `1.…`."""

    level: int
    marker: str
    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence or clause ended by 。！？； or a line break."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    section: int | None


class Token(NamedTuple):
    """A jieba token with its character span (a named tuple: documents have hundreds of thousands)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Deadline:
    text: str
    kind: str
    normalized: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantity:
    id: str
    text: str
    start: int
    end: int
    kind: str
    value: Value
    unit: str | None
    qualifier: str | None
    masked: bool
    metric: str | None = None
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class Campaign:
    id: str
    name: str
    kind: str
    mentions: tuple[Mention, ...]
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Directive:
    id: str
    text: str
    start: int
    end: int
    actors: tuple[str, ...]
    modality: str
    deadline: Deadline | None
    campaigns: tuple[str, ...]
    targets: tuple[str, ...]
    section: int | None
    inherited_actors: tuple[str, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    text: str
    start: int
    end: int
    polarity: str
    units: tuple[str, ...]
    metric: str | None
    quantities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Target:
    """A quantity set as a goal: `国内生产总值增长5%左右` → gdp_growth, 5 %, approx, floor.

    `value` and `unit` are as written (1100 万人), so that targets and results compare in their own units.
    """

    id: str
    text: str
    start: int
    end: int
    metric: str
    key: str | None
    value: float | None
    unit: str | None
    qualifier: str
    direction: str
    quantity: str
    directive: str | None


@dataclass(frozen=True, slots=True)
class Link:
    directive: str
    reports: tuple[str, ...]
    status: str
    score: float


@dataclass(frozen=True)
class Analysis:
    """Everything found in one document; exporters consume this."""

    document: Document
    outline: tuple[OutlineItem, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...] = field(repr=False)
    directives: tuple[Directive, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    reports: tuple[Report, ...] = ()
    links: tuple[Link, ...] = ()
    targets: tuple[Target, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
