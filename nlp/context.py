"""The context of one document: what every extractor may look up, computed once before they run."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from nlp.classify import sentence_scorer
from nlp.segment.sections import document_year, has_review_and_plan, parents, passage_spans, report_sections
from nlp.segment.tables import TaskRow, task_rows
from nlp.types import Analysis, Document, Options, Role, Section, Sentence, Tokens


@dataclass(frozen=True)
class Context:
    """Indexes and settings shared by the extractors of one document (built by `build_context`)."""

    options: Options
    document: Document
    sentences: tuple[Sentence, ...] = field(repr=False)
    tokens: Tokens = field(repr=False)
    year: int | None  # the document's year, for deadlines such as 年底前
    sentence_starts: tuple[int, ...] = field(repr=False)
    token_starts: tuple[int, ...] = field(repr=False)
    heading_at: dict[tuple[int, int], int] = field(repr=False)  # (start, end) of an outline item -> its index
    heading_ending_at: dict[int, int] = field(repr=False)  # end offset of an outline item -> its index
    parents: tuple[int | None, ...] = field(repr=False)  # outline item -> the item it stands under
    report_sections: frozenset[int] = field(repr=False)  # outline items under a review of past work
    passages: tuple[tuple[int, int], ...] = field(repr=False)  # main-targets passages (主要预期目标是：…。)
    directive_probability: Callable[[Sentence], float | None] | None = field(repr=False)  # the classifier
    sections: tuple[Section, ...] = field(repr=False)  # parts of the document with their roles
    section_starts: tuple[int, ...] = field(repr=False)
    # by sentence index, looked up once for the extractors that go through every sentence: the role of the part
    # holding the sentence's start (as `role_at`), and that role where a heading gave it, else None
    sentence_roles: tuple[Role, ...] = field(repr=False)
    sentence_heading_roles: tuple[Role | None, ...] = field(repr=False)
    structured: bool = False  # headings give both a review and a plan part: a work report or summary with plans
    task_rows: tuple[TaskRow, ...] = field(default=(), repr=False)  # the rows of its task tables, in order

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence starting at or before `offset` (-1 before the first)."""
        return bisect_right(self.sentence_starts, offset) - 1

    def tokens_in(self, start: int, end: int) -> Tokens:
        """Return the tokens that start inside text[start:end]."""
        return self.tokens[bisect_left(self.token_starts, start):bisect_left(self.token_starts, end)]

    def in_passage(self, start: int, end: int) -> bool:
        """Whether text[start:end] touches a main-targets passage."""
        return any(a < end and start < b for a, b in self.passages)

    def page_of(self, offset: int) -> int | None:
        return self.document.page_of(offset)

    def section_at(self, offset: int) -> Section | None:
        """Return the part of the document holding `offset`."""
        i = bisect_right(self.section_starts, offset) - 1
        return self.sections[i] if i >= 0 else None

    def role_at(self, offset: int) -> Role:
        """Return the role of the part holding `offset` (`other` where none was decided)."""
        section = self.section_at(offset)
        return section.role if section is not None else "other"

    def role_from_heading(self, offset: int, *roles: Role) -> bool:
        """Whether a heading (not only a paragraph's opening words) gave the part at `offset` one of `roles`."""
        section = self.section_at(offset)
        return section is not None and section.heading is not None and section.role in roles


def build_context(base: Analysis, options: Options) -> Context:
    """Return the context of an analysed document's structure (outline, sentences, tokens)."""
    doc = base.document
    year = document_year(doc)
    outline = base.outline
    section_starts = tuple(s.start for s in base.sections)
    held = [base.sections[i] if (i := bisect_right(section_starts, s.start) - 1) >= 0 else None
            for s in base.sentences]  # the part holding each sentence's start (as `section_at`)
    return Context(
        options=options,
        document=doc,
        sentences=base.sentences,
        tokens=base.tokens,
        year=year,
        sentence_starts=tuple(s.start for s in base.sentences),
        token_starts=base.tokens.starts,
        heading_at={(o.start, o.end): i for i, o in enumerate(outline)},
        heading_ending_at={o.end: i for i, o in enumerate(outline)},
        parents=parents(outline),
        report_sections=report_sections(outline),
        passages=passage_spans(doc.text),
        directive_probability=sentence_scorer(base) if options.use_model else None,
        sections=base.sections,
        section_starts=section_starts,
        sentence_roles=tuple(s.role if s is not None else "other" for s in held),
        sentence_heading_roles=tuple(s.role if s is not None and s.heading is not None else None for s in held),
        structured=has_review_and_plan(base.sections),
        task_rows=task_rows(doc.text),
    )
