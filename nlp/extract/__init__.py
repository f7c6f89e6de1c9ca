"""Extractors, one module per kind of item; `extract_all` runs them in dependency order."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from nlp.extract.campaigns import extract_campaigns
from nlp.extract.directives import extract_directives, report_sections
from nlp.extract.links import link_directives
from nlp.extract.quantities import extract_quantities
from nlp.extract.reports import extract_reports
from nlp.extract.targets import extract_targets
from nlp.types import Analysis

if TYPE_CHECKING:
    from nlp.pipeline import Options


def extract_all(base: Analysis, options: Options) -> Analysis:
    """Return `base` with campaigns, quantities, directives, reports and links filled in."""
    doc = base.document
    text = doc.text
    campaigns = extract_campaigns(text, base.tokens)
    # numbers inside names and formulations (四个意识, 七个专项行动) are not quantities
    name_spans = [(m.start, m.end) for c in campaigns for m in c.mentions]
    quantities = extract_quantities(text, base.sentences, name_spans)
    prob = None
    if options.use_model:
        from nlp.classify import sentence_scorer

        prob = sentence_scorer(base)
    directives = extract_directives(text, base.sentences, base.outline, quantities, campaigns,
                                    doc.date, doc.title, prob)
    reports = extract_reports(text, base.sentences, base.outline, quantities, directives,
                              report_sections(base.outline))
    links = link_directives(base.sentences, base.tokens, directives, reports, quantities)
    targets = extract_targets(text, base.sentences, quantities, directives, report_sections(base.outline))
    return replace(base, campaigns=tuple(campaigns), quantities=tuple(quantities), directives=tuple(directives),
                   reports=tuple(reports), links=tuple(links), targets=tuple(targets))
