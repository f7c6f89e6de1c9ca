"""The one serialiser: frozen dataclasses to plain data (JSON, archive rows) and back.

Field order is output order; field metadata (nlp.types `HIDDEN`, `OPTIONAL`, `rounded`) leaves a field out,
omits it when unset, or rounds it. An analysis becomes the `nlp.analysis/1` object of
`../shared/spec/analysis.schema.json`: the document's envelope, then each extractor's items under its name.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from typing import Any

from nlp.types import Analysis, Document, OutlineItem, Section

SCHEMA_ID = "nlp.analysis/1"
# the schema's order of the item lists; an extractor added later is written after these, in pipeline order
ITEM_ORDER = ("directives", "campaigns", "quantities", "reports", "targets", "links")


@cache
def _plan(cls: type) -> tuple[tuple[str, bool, bool, int | None], ...]:
    """(name, written, omitted when None, rounding) of each field of a dataclass, in order."""
    return tuple((f.name, f.metadata.get("json", True), f.metadata.get("omit_none", False), f.metadata.get("round"))
                 for f in fields(cls))


def to_data(value: Any) -> Any:
    """Return `value` as plain data: dataclasses as dicts (by their field metadata), tuples as lists."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for name, written, omit_none, digits in _plan(type(value)):
            if not written:
                continue
            v = getattr(value, name)
            if v is None and omit_none:
                continue
            if digits is not None and v is not None:
                v = round(v, digits)
            out[name] = to_data(v)
        return out
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, Mapping):
        return {k: to_data(v) for k, v in value.items()}
    return value


def item_kinds(analysis: Analysis) -> list[str]:
    """Return the names of the analysis's item lists in output order."""
    known = [k for k in ITEM_ORDER if k in analysis.items]
    return known + [k for k in analysis.items if k not in ITEM_ORDER]


def analysis_data(analysis: Analysis) -> dict[str, Any]:
    """Return the analysis as the JSON object of the schema."""
    doc = analysis.document
    out: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "source": {"path": doc.path, "format": doc.format, "sha256": doc.sha256, "encoding": doc.encoding,
                   "pages": doc.pages},
        "title": doc.title,
        "date": doc.date,
        "text": doc.text,
        "boilerplate": list(doc.boilerplate),
        "outline": to_data(analysis.outline),
        "sections": to_data(analysis.sections),
    }
    for kind in item_kinds(analysis):
        out[kind] = to_data(analysis.items[kind])
    return out


def dumps(analysis: Analysis, indent: int | None = 2) -> str:
    """Return the analysis as JSON text."""
    return json.dumps(analysis_data(analysis), ensure_ascii=False, indent=indent)


def from_data(cls: type, data: Any) -> Any:
    """Return plain data (as `to_data` wrote it) as an instance of the dataclass `cls`; fields left out
    of the data take their defaults."""
    hints = _hints(cls)
    kwargs = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
        elif f.default is MISSING and f.default_factory is MISSING:
            raise ValueError(f"{cls.__name__}: field {f.name!r} is missing from the data")
    return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        dataclass_args = [a for a in args if is_dataclass(a)]
        return _convert(dataclass_args[0], value) if dataclass_args and isinstance(value, dict) else value
    if origin is tuple:
        (item, *_) = typing.get_args(hint)
        return tuple(_convert(item, v) for v in value)
    if is_dataclass(hint) and isinstance(value, dict):
        return from_data(hint, value)
    return value


def analysis_from_data(data: Mapping[str, Any], item_types: Mapping[str, type]) -> Analysis:
    """Return an analysis from its JSON object (as stored in an archive): the document without its source
    map, the outline and the items of the kinds in `item_types`; sentences and tokens are not stored."""
    source = data["source"]
    document = Document(path=source["path"], format=source["format"], sha256=source["sha256"], text=data["text"],
                        title=data.get("title"), date=data.get("date"), encoding=source.get("encoding"),
                        pages=source.get("pages"), boilerplate=tuple(data.get("boilerplate", ())))
    items = {kind: tuple(from_data(cls, x) for x in data.get(kind, ())) for kind, cls in item_types.items()}
    return Analysis(document=document, outline=tuple(from_data(OutlineItem, o) for o in data.get("outline", ())),
                    sections=tuple(from_data(Section, s) for s in data.get("sections", ())), items=items)
