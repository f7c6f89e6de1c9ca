"""The pipeline: read → outline → sentences → tokens → extractors → Analysis."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlp.ingest import read_document
from nlp.ingest.safety import MAX_INPUT_BYTES
from nlp.segment.outline import build_outline
from nlp.segment.sentences import split_sentences
from nlp.segment.tokens import tokenize
from nlp.types import Analysis, Document


@dataclass(frozen=True)
class Options:
    """Settings passed down the pipeline instead of globals."""

    max_bytes: int = MAX_INPUT_BYTES
    use_model: bool = True  # combine the sentence classifier in models/ with the rules, when it is there


def analyze_document(document: Document, options: Options | None = None) -> Analysis:
    """Return the analysis of an already read document."""
    from nlp.extract import extract_all

    options = options or Options()
    outline = tuple(build_outline(document.text, document.heading_levels))
    sentences = tuple(split_sentences(document.text, [o.start for o in outline]))
    tokens = tuple(tokenize(document.text))
    base = Analysis(document=document, outline=outline, sentences=sentences, tokens=tokens)
    return extract_all(base, options)


def analyze(path: str | Path, options: Options | None = None) -> Analysis:
    """Read and analyse one file."""
    options = options or Options()
    return analyze_document(read_document(path, options.max_bytes), options)
