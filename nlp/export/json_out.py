"""JSON per analysis.schema.json (`nlp.analysis/1`)."""

from __future__ import annotations

import json
from typing import Any

from nlp.types import Analysis

SCHEMA_ID = "nlp.analysis/1"


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """Return the analysis as the JSON object of the schema."""
    doc = analysis.document
    return {
        "schema": SCHEMA_ID,
        "source": {"path": doc.path, "format": doc.format, "sha256": doc.sha256,
                   "encoding": doc.encoding, "pages": doc.pages},
        "title": doc.title,
        "date": doc.date,
        "text": doc.text,
        "boilerplate": list(doc.boilerplate),
        "outline": [{"level": o.level, "marker": o.marker, "title": o.title, "start": o.start, "end": o.end,
                     **_page(analysis, o.start)} for o in analysis.outline],
        "directives": [
            {"id": d.id, "text": d.text, "start": d.start, "end": d.end, "actors": list(d.actors),
             "inherited_actors": list(d.inherited_actors), "modality": d.modality,
             "deadline": None if d.deadline is None else {
                 "text": d.deadline.text, "kind": d.deadline.kind, "normalized": d.deadline.normalized},
             "campaigns": list(d.campaigns), "targets": list(d.targets), "section": d.section,
             "confidence": round(d.confidence, 3), **_page(analysis, d.start)}
            for d in analysis.directives
        ],
        "campaigns": [
            {"id": c.id, "name": c.name, "kind": c.kind, "members": list(c.members),
             "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in c.mentions]}
            for c in analysis.campaigns
        ],
        "quantities": [
            {"id": q.id, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind, "value": q.value,
             "unit": q.unit, "qualifier": q.qualifier, "masked": q.masked, "metric": q.metric,
             "subject": q.subject}
            for q in analysis.quantities
        ],
        "reports": [
            {"id": r.id, "text": r.text, "start": r.start, "end": r.end, "polarity": r.polarity,
             "units": list(r.units), "metric": r.metric, "quantities": list(r.quantities),
             **_page(analysis, r.start)}
            for r in analysis.reports
        ],
        "targets": [
            {"id": t.id, "text": t.text, "start": t.start, "end": t.end, "metric": t.metric, "key": t.key,
             "value": t.value, "unit": t.unit, "qualifier": t.qualifier, "direction": t.direction,
             "quantity": t.quantity, "directive": t.directive}
            for t in analysis.targets
        ],
        "links": [{"directive": k.directive, "reports": list(k.reports), "status": k.status,
                   "score": round(k.score, 3)} for k in analysis.links],
    }


def _page(analysis: Analysis, offset: int) -> dict[str, int]:
    page = analysis.document.page_of(offset)
    return {"page": page} if page is not None else {}


def dumps(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=indent)
