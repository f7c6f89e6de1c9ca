"""Extractors, one module per kind of item.

Each module has `extract(analysis, ctx) -> tuple[Item, ...]`: it reads the analysis so far (the outline,
sentences, tokens and what earlier extractors found) and the document's context (nlp.context), and returns
its items. nlp.pipeline runs them in the order of its `STAGES` list.
"""
