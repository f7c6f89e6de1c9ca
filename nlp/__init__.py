"""Offline analysis of Chinese government speeches and work reports.

    >>> from nlp import analyze, compare
    >>> speech = analyze("corpora/samples/sample_speech.docx")
    >>> [d.text for d in speech.directives if d.modality == "must"][:1]   # doctest: +SKIP
    >>> comparison = compare(speech, [analyze("county.txt")])              # doctest: +SKIP

The map — stages in the order they run, and where each lives:

1. read (`nlp.ingest`): one reader per format, chosen by content → a `Document` whose `text` every
   offset points into, with a map back to the source (and PDF pages); boilerplate removed, title, date.
2. structure (`nlp.segment`): sentences (quote-aware), the outline built on them, jieba tokens;
   `nlp.pipeline.structure`.
3. context (`nlp.context`): indexes every extractor shares, built once per document (report sections,
   main-targets passages, sentence and token positions, the classifier of `nlp.classify`).
4. extract (`nlp.extract`, run from `nlp.pipeline.STAGES`): campaigns → quantities → directives → reports
   → links → targets; each `extract(analysis_so_far, ctx) -> tuple[Item, ...]`, items in `nlp.types`.
5. match (`nlp.match`): targets to results and directives to evidence across documents → `Comparison`.
6. out: one serialiser (`nlp.serialize`: JSON, archive rows) and the office formats (`nlp.export`:
   task lists, review page, status matrix, text); archives (`nlp.batch`, with the corrections people make in
   `nlp.batch.corrections`); scores (`nlp.evaluate`).
7. serve (`nlp.serve`, the optional extra `serve`): `nlp serve`, the local web workspace in Chinese over an
   archive — upload, the task list corrected and exported, the status matrix, search and trend.

Language knowledge is data in `nlp/data/lexicons/*.tsv`; the sentence classifier's weights are in
`nlp/data/models/`. The command line (`nlp.cli`) is a thin layer over these functions.
"""

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING, Any

# what each public name is imported from, on first use: `import nlp` (and every `nlp` command, which starts by
# importing this package) does not pay for the comparison, the readers and the archive it does not use
_LAZY = {
    "InputError": "nlp.errors", "NlpError": "nlp.errors",
    "read_bytes": "nlp.ingest", "read_document": "nlp.ingest",
    "compare": "nlp.match.compare",
    "STAGES": "nlp.pipeline", "analyze": "nlp.pipeline", "analyze_document": "nlp.pipeline",
    "analysis_data": "nlp.serialize", "dumps": "nlp.serialize", "to_data": "nlp.serialize",
    **dict.fromkeys(("Analysis", "Campaign", "Comparison", "Directive", "Document", "Link", "Options", "OutlineItem",
                     "Quantity", "Report", "Sentence", "Target"), "nlp.types"),
}

if TYPE_CHECKING:
    from nlp.errors import InputError, NlpError
    from nlp.ingest import read_bytes, read_document
    from nlp.match.compare import compare
    from nlp.pipeline import STAGES, analyze, analyze_document
    from nlp.serialize import analysis_data, dumps, to_data
    from nlp.types import (
        Analysis,
        Campaign,
        Comparison,
        Directive,
        Document,
        Link,
        Options,
        OutlineItem,
        Quantity,
        Report,
        Sentence,
        Target,
    )


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nlp' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "STAGES",
    "Analysis",
    "Campaign",
    "Comparison",
    "Directive",
    "Document",
    "InputError",
    "Link",
    "NlpError",
    "Options",
    "OutlineItem",
    "Quantity",
    "Report",
    "Sentence",
    "Target",
    "__version__",
    "analysis_data",
    "analyze",
    "analyze_document",
    "compare",
    "dumps",
    "read_bytes",
    "read_document",
    "to_data",
]
