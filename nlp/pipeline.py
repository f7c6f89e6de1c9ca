"""The pipeline: read → sentences → outline → section roles → tokens → context → the extractors of `STAGES`.

Each stage is `extract(analysis_so_far, ctx) -> tuple[Item, ...]` (see nlp.extract); its items are stored in
the analysis under the stage's name, so later stages and every exporter find them there.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Collection
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from nlp.budget import MAX_SENTENCE_CHARS, BudgetError
from nlp.context import Context, build_context
from nlp.extract import campaigns, directives, links, quantities, reports, targets
from nlp.ingest import read_document
from nlp.segment.outline import build_outline
from nlp.segment.sections import assign_roles, document_year, plan_year
from nlp.segment.sentences import split_sentences, with_sections
from nlp.segment.tokens import tokenize
from nlp.types import Analysis, Document, Options

Extractor = Callable[[Analysis, Context], tuple[Any, ...]]

# (name, extractor) in the order they run: each may use what the ones before it found
STAGES: tuple[tuple[str, Extractor], ...] = (
    ("campaigns", campaigns.extract),
    ("quantities", quantities.extract),
    ("directives", directives.extract),
    ("reports", reports.extract),
    ("links", links.extract),
    ("targets", targets.extract),
)
# the stages each stage reads the items of: asked for one stage, the pipeline runs these before it too
NEEDS: dict[str, frozenset[str]] = {
    "campaigns": frozenset(),
    "quantities": frozenset({"campaigns"}),
    "directives": frozenset({"campaigns", "quantities"}),
    "reports": frozenset({"directives", "quantities"}),
    "links": frozenset({"directives", "reports", "quantities"}),
    "targets": frozenset({"directives", "quantities"}),
}


@cache
def item_types() -> dict[str, type]:
    """Return the dataclass of each stage's items, read from its extractor's return annotation."""
    return {name: typing.get_args(typing.get_type_hints(extract)["return"])[0] for name, extract in STAGES}


def structure(document: Document) -> Analysis:
    """Return the document with its sentences, outline and tokens, before any extractor ran."""
    text = document.text
    sentences = split_sentences(text)
    longest = max((s.end - s.start for s in sentences), default=0)
    if longest > MAX_SENTENCE_CHARS:  # a quotation left open runs over sentence ends
        raise BudgetError(document.path, f"a sentence of {longest:,} characters (an unclosed quotation?), more than the "
                                          f"{MAX_SENTENCE_CHARS:,} allowed", "this is not running text: close or split it")
    outline = build_outline(text, sentences, document.heading_levels)
    if document.page_starts:
        outline = [replace(o, page=document.page_of(o.start)) for o in outline]
    sentences = with_sections(sentences, [o.start for o in outline])
    return Analysis(document=document, outline=tuple(outline),
                    sections=assign_roles(text, outline, document_year(document), plan_year(document), document.title),
                    sentences=tuple(sentences),
                    tokens=tokenize(text))


def analyze_document(document: Document, options: Options | None = None,
                     stages: Collection[str] | None = None) -> Analysis:
    """Return the analysis of an already read document; with `stages`, only the items of those stages (and of
    the stages they need, `NEEDS`) are found, for a caller that reads no others (`nlp compare`)."""
    options = options or Options()
    analysis = structure(document)
    ctx = build_context(analysis, options)
    wanted = None if stages is None else with_needs(stages)
    for name, extract in STAGES:
        if wanted is None or name in wanted:
            analysis = analysis.with_items(name, extract(analysis, ctx))
    return analysis


def with_needs(stages: Collection[str]) -> frozenset[str]:
    """The stages named and every stage they need, directly or through another (`NEEDS`)."""
    unknown = set(stages) - {name for name, _ in STAGES}
    if unknown:
        raise ValueError(f"no such stage: {', '.join(sorted(unknown))}")
    wanted: set[str] = set()
    todo = list(stages)
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo.extend(NEEDS.get(name, ()))
    return frozenset(wanted)


def analyze(path: str | Path, options: Options | None = None, stages: Collection[str] | None = None) -> Analysis:
    """Read and analyse one file (txt, docx, pdf or html); `stages` as for `analyze_document`."""
    options = options or Options()
    return analyze_document(read_document(path, options.max_bytes, options.max_chars), options, stages)
