"""Frozen records that flow between the stages of the pipeline, the values their fields take, and the options.

`Document.text` is what every offset points into; it is never rewritten after ingestion. Normalised values
live in their own fields. Field metadata tells the one serialiser (nlp.serialize) what to leave out of the
JSON (`HIDDEN`), what to round (`rounded(3)`) and what to omit when empty (`OPTIONAL`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import repeat
from operator import add
from typing import Any, Literal, NamedTuple, overload

from nlp.budget import MAX_CHARS, MAX_INPUT_BYTES, TIMEOUT

Modality = Literal["must", "should", "strive"]
Polarity = Literal["achievement", "shortfall", "mixed", "neutral"]
Status = Literal["met", "partial", "not_met", "unknown"]
CampaignKind = Literal["campaign", "campaign_group", "activity", "program", "mechanism", "recommendation",
                       "formulation", "law"]
QuantityKind = Literal["count", "percent", "ratio", "rank", "zero_state", "coverage", "count_range", "money",
                       "duration", "period", "date", "change"]
# kinds that state an amount reached or to reach (not a date, a period or a duration)
AMOUNT_KINDS: frozenset[str] = frozenset({"count", "percent", "ratio", "rank", "zero_state", "coverage", "count_range",
                                          "money", "change"})
DeadlineKind = Literal["asap", "immediate", "end_of_year", "date", "recurring"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "above", "below"]
Direction = Literal["floor", "ceiling"]
Role = Literal["preamble", "review", "problems", "plan", "glossary", "closing", "other"]
Value = float | int | list[float] | None

HIDDEN: Mapping[str, Any] = {"json": False}  # kept in memory, not written
OPTIONAL: Mapping[str, Any] = {"omit_none": True}  # written only when set (the page of a PDF)


def rounded(digits: int) -> Mapping[str, Any]:
    """Field metadata: write the number rounded to `digits` places."""
    return {"round": digits}




@dataclass(frozen=True)
class Options:
    """Settings passed down the pipeline instead of globals."""

    max_bytes: int = MAX_INPUT_BYTES
    use_model: bool = True  # combine the sentence classifier (nlp/data/models) with the rules
    max_chars: int = MAX_CHARS  # analysed characters of one document (nlp.budget)
    timeout: float | None = TIMEOUT  # seconds for one document where the caller enforces it (CLI, batch workers)


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


@dataclass(frozen=True, slots=True, kw_only=True)
class OutlineItem:
    """A heading or run-in point: `一、…`, `（一）…`, `一是…`, `1.…`."""

    level: int
    marker: str
    title: str
    start: int
    end: int
    page: int | None = field(default=None, metadata=OPTIONAL)


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A part of a document by what it does: `review` (what was done), `problems`, `plan` (what is to be
    done), `glossary`, `preamble`, `closing` or `other`; `heading` is the heading that gave the role, or None
    when the paragraphs' openings did."""

    start: int
    end: int
    role: Role
    heading: str | None = None


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


class Tokens(Sequence[Token]):
    """The tokens of a text, kept as their words and their start offsets; a `Token` is made when one is asked for.

    A document has hundreds of thousands of tokens and the extractors mostly want their words or their starts:
    made all at once, the named tuples cost about as much as the segmentation, with the garbage collector's scans.
    """

    __slots__ = ("starts", "texts")

    def __init__(self, texts: tuple[str, ...] = (), starts: tuple[int, ...] = ()) -> None:
        self.texts = texts  # each token's word
        self.starts = starts  # each token's start offset, ascending; it ends at its start plus its word's length

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> Tokens: ...

    def __getitem__(self, i: int | slice) -> Token | Tokens:
        if isinstance(i, slice):
            return Tokens(self.texts[i], self.starts[i])
        text, start = self.texts[i], self.starts[i]
        return tuple.__new__(Token, (text, start, start + len(text)))  # Token(…) without its Python __new__

    def __iter__(self) -> Iterator[Token]:
        ends = map(add, self.starts, map(len, self.texts))
        return map(tuple.__new__, repeat(Token), zip(self.texts, self.starts, ends, strict=True))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return self.texts == other.texts and self.starts == other.starts

    __hash__ = None  # type: ignore[assignment]  # equal by value, like the tuple it stands for

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Deadline:
    text: str
    kind: DeadlineKind
    normalized: str | None
    start: int = field(default=-1, metadata=HIDDEN)
    end: int = field(default=-1, metadata=HIDDEN)


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    id: str
    text: str
    start: int
    end: int
    kind: QuantityKind
    value: Value
    unit: str | None
    qualifier: Qualifier | None
    masked: bool
    metric: str | None = None
    subject: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Campaign:
    id: str
    name: str
    kind: CampaignKind
    members: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Directive:
    id: str
    text: str
    start: int
    end: int
    actors: tuple[str, ...] = ()
    inherited_actors: tuple[str, ...] = ()
    modality: Modality = "should"
    deadline: Deadline | None = None
    campaigns: tuple[str, ...] = ()  # campaign ids
    targets: tuple[str, ...] = ()  # quantity ids
    section: int | None = None  # index into the outline
    confidence: float = field(default=1.0, metadata=rounded(3))
    page: int | None = field(default=None, metadata=OPTIONAL)


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    id: str
    text: str
    start: int
    end: int
    polarity: Polarity
    units: tuple[str, ...] = ()
    metric: str | None = None
    quantities: tuple[str, ...] = ()  # quantity ids
    page: int | None = field(default=None, metadata=OPTIONAL)


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """A quantity set as a goal: `国内生产总值增长5%左右` → gdp_growth, 5 %, approx, floor; or a goal in words:
    `国际收支保持基本平衡` → balance_of_payments, condition 平衡.

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
    qualifier: Qualifier
    direction: Direction
    quantity: str | None  # quantity id; None for a goal in words (进出口保持正增长)
    directive: str | None  # directive id
    condition: str | None = None  # the words of a goal without a number: 正增长, 下降, 同步, 稳定, 改善…


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    directive: str
    reports: tuple[str, ...]
    status: Status
    score: float = field(metadata=rounded(3))


@dataclass(frozen=True)
class Analysis:
    """Everything found in one document; exporters consume this.

    `items` holds each extractor's output under its name, in the order the pipeline ran them; the
    properties below name the ones every exporter knows.
    """

    document: Document
    outline: tuple[OutlineItem, ...] = ()
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    tokens: Tokens = field(default_factory=Tokens, repr=False)
    items: Mapping[str, tuple[Any, ...]] = field(default_factory=dict, repr=False)

    def get(self, kind: str) -> tuple[Any, ...]:
        """Return the items of one kind (an extractor's name), or () when it did not run."""
        return self.items.get(kind, ())

    def with_items(self, kind: str, items: tuple[Any, ...]) -> Analysis:
        """Return a copy with the items of `kind` set."""
        return replace(self, items={**self.items, kind: tuple(items)})

    @property
    def directives(self) -> tuple[Directive, ...]:
        return self.get("directives")

    @property
    def campaigns(self) -> tuple[Campaign, ...]:
        return self.get("campaigns")

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return self.get("quantities")

    @property
    def reports(self) -> tuple[Report, ...]:
        return self.get("reports")

    @property
    def targets(self) -> tuple[Target, ...]:
        return self.get("targets")

    @property
    def links(self) -> tuple[Link, ...]:
        return self.get("links")


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRef:
    """The base document of a comparison: where it is and what it is called."""

    path: str
    title: str | None
    sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparedDocument:
    """A document compared with the base, and the unit it speaks for (丰台区院), when it names one."""

    path: str
    title: str | None
    sha256: str
    unit: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetResult:
    """What one compared document states for a target (all None and `unknown` when it states nothing)."""

    document: int  # index into Comparison.documents
    text: str | None = None
    start: int | None = None
    end: int | None = None
    value: float | None = None
    unit: str | None = None
    status: Status = "unknown"
    score: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparedTarget:
    id: str
    text: str
    start: int
    end: int
    metric: str
    key: str | None
    value: float | None
    unit: str | None
    qualifier: Qualifier
    direction: Direction
    results: tuple[TargetResult, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A sentence of a compared document that reports on a directive."""

    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class DirectiveResult:
    document: int  # index into Comparison.documents
    status: Status
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparedDirective:
    id: str
    text: str
    start: int
    end: int
    actors: tuple[str, ...]
    results: tuple[DirectiveResult, ...]


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """The targets and directives of a base document traced into the documents that report on it
    (`nlp.comparison/1`); offsets of targets and directives point into the base's text, those of results
    and evidence into the compared document's."""

    schema: str = "nlp.comparison/1"
    base: DocumentRef
    documents: tuple[ComparedDocument, ...]
    targets: tuple[ComparedTarget, ...]
    directives: tuple[ComparedDirective, ...]
