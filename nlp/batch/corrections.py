"""Corrections: what a person changed in an archived document's task list or comparison, kept beside the analysis.

Each change is one row of the archive's `corrections` table — the document (content hash), the item it
concerns, the field, the value extracted, the value set, a note, who and when — and nothing is overwritten: the
newest row of an item's field is in force, the older ones are its history. An item is keyed by its text and
offsets, not by its id alone (`d17` names another directive once the extractor changes), so a correction finds
its item again after the document is analysed anew: the same text at the same place, else the same text nearest
to it, else the item that covers most of that text. One that finds none is kept and reported, never dropped.
"""

from __future__ import annotations

import sqlite3
import time
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from nlp.export.tasks import NOT_A_TASK
from nlp.types import Analysis, Directive

ADDED = "新增"  # a task a person added from a sentence of the text
STATUS = "状态"  # a status of a comparison's cell overridden (`other` names the reporting document)
TASK_FIELDS = ("任务内容", "责任单位", "力度", "完成时限", "量化目标", "关联专项行动")
FIELDS = (*TASK_FIELDS, NOT_A_TASK, ADDED, STATUS)


class Spanned(Protocol):
    """An item a correction can be attached to: a directive, a target, a compared directive."""

    @property
    def id(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's text that a change is keyed to: a task added from a selected sentence."""

    id: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """One change a person made; `value` None takes the change back (the extracted value is in force again)."""

    id: int
    sha256: str
    item_id: str | None
    start: int
    end: int
    text: str
    other: str
    field: str
    original: str | None
    value: str | None
    note: str
    who: str
    at: float

    @property
    def key(self) -> tuple[int, int, str]:
        """What identifies the item: its offsets and text."""
        return (self.start, self.end, self.text)


COLUMNS = ("id", "sha256", "item_id", "item_start", "item_end", "item_text", "other", "field", "original", "value",
           "note", "who", "at")


def add(db: sqlite3.Connection, sha256: str, item: Spanned, field: str, original: str | None, value: str | None,
        who: str, note: str = "", other: str = "") -> Correction:
    """Record one change to `item` of the document `sha256` and return it."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")
    at = time.time()
    db.execute("BEGIN IMMEDIATE")
    try:
        cur = db.execute("INSERT INTO corrections (sha256, item_id, item_start, item_end, item_text, other, field, "
                         "original, value, note, who, at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         (sha256, item.id, item.start, item.end, item.text, other, field, original, value, note, who,
                          at))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return Correction(id=int(cur.lastrowid or 0), sha256=sha256, item_id=item.id, start=item.start, end=item.end,
                      text=item.text, other=other, field=field, original=original, value=value, note=note, who=who,
                      at=at)


def history(db: sqlite3.Connection, sha256: str, other: str | None = None) -> list[Correction]:
    """Return every change to the document, oldest first (only those of one compared document when `other`
    is given; '' for the task list)."""
    sql = f"SELECT {', '.join(COLUMNS)} FROM corrections WHERE sha256=?"
    args: list[Any] = [sha256]
    if other is not None:
        sql += " AND other=?"
        args.append(other)
    return [_row(r) for r in db.execute(sql + " ORDER BY id", args)]


def _row(r: Sequence[Any]) -> Correction:
    return Correction(id=r[0], sha256=r[1], item_id=r[2], start=r[3], end=r[4], text=r[5], other=r[6], field=r[7],
                      original=r[8], value=r[9], note=r[10], who=r[11], at=r[12])


def in_force(changes: Iterable[Correction]) -> list[Correction]:
    """Return the newest change of each item's field (per compared document), those taken back left out."""
    latest: dict[tuple[Any, ...], Correction] = {}
    for c in sorted(changes, key=lambda c: c.id):
        latest[(c.key, c.other, c.field)] = c
    return [c for c in latest.values() if c.value is not None]


def attach(keys: Iterable[tuple[int, int, str]], items: Sequence[Spanned], text: str) -> dict[tuple[int, int, str],
                                                                                            str | None]:
    """Return the id of the item each key (start, end, text) names now, or None when none fits.

    The same text at the same place; else the same text nearest to the old place; else, where the old text is
    still in the document (nearest its old place), the item that covers most of it (at least half of it)."""
    by_text: dict[str, list[Spanned]] = {}
    for item in items:
        by_text.setdefault(item.text, []).append(item)
    out: dict[tuple[int, int, str], str | None] = {}
    for key in keys:
        start, end, old = key
        same = by_text.get(old)
        if same:
            out[key] = min(same, key=lambda i: (abs(i.start - start), i.start)).id
            continue
        out[key] = None
        if text[start:end] == old:
            place = start
        else:
            found = [i for i in _occurrences(text, old)]
            if not found:
                continue
            place = min(found, key=lambda p: abs(p - start))
        span = (place, place + len(old))
        best, best_overlap = None, 0
        for item in items:
            overlap = min(span[1], item.end) - max(span[0], item.start)
            if overlap > best_overlap:
                best, best_overlap = item, overlap
        if best is not None and best_overlap * 2 >= len(old):
            out[key] = best.id
    return out


def _occurrences(text: str, needle: str) -> Iterable[int]:
    if not needle:
        return
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


@dataclass(frozen=True)
class Applied:
    """A document's task list as corrected: the analysis with the tasks people added (ids `u` + the change's
    id), the values in force per directive id (for nlp.export.tasks.task_rows) and the changes behind them."""

    analysis: Analysis
    fields: dict[str, dict[str, str]]
    changes: dict[str, dict[str, Correction]]
    orphans: tuple[Correction, ...]


def apply(analysis: Analysis, changes: Iterable[Correction]) -> Applied:
    """Attach the task-list changes in force to the directives of `analysis` (see the module docstring)."""
    text = analysis.document.text
    current = [c for c in in_force(changes) if not c.other and c.field != STATUS]
    directives = list(analysis.directives)
    orphans: list[Correction] = []
    added_ids: dict[tuple[int, int, str], str] = {}
    known = {d.text for d in directives}
    outline_starts = [o.start for o in analysis.outline]
    for c in current:
        if c.field != ADDED:
            continue
        if c.text in known:  # the analysis finds it itself now: the added task is that directive
            continue
        places = [c.start] if text[c.start:c.end] == c.text else sorted(_occurrences(text, c.text),
                                                                          key=lambda p: abs(p - c.start))[:1]
        if not places:
            orphans.append(c)
            continue
        start = places[0]
        section = bisect_right(outline_starts, start) - 1
        directive = Directive(id=f"u{c.id}", text=c.text, start=start, end=start + len(c.text),
                              section=section if section >= 0 else None)
        directives.append(directive)
        known.add(c.text)
        added_ids[c.key] = directive.id
    directives.sort(key=lambda d: (d.start, d.end))
    ids = attach({c.key for c in current}, directives, text)
    fields: dict[str, dict[str, str]] = {}
    by_item: dict[str, dict[str, Correction]] = {}
    for c in current:
        item = added_ids.get(c.key) or ids.get(c.key)
        if item is None:
            if c not in orphans:
                orphans.append(c)
            continue
        by_item.setdefault(item, {})[c.field] = c
        if c.field != ADDED:
            fields.setdefault(item, {})[c.field] = c.value or ""
    return Applied(analysis=analysis.with_items("directives", tuple(directives)), fields=fields, changes=by_item,
                   orphans=tuple(orphans))
