"""A readable summary: title, date, outline tree, counts."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

from nlp.labels import MODALITY_ZH, deadline_zh
from nlp.serialize import ITEM_ORDER
from nlp.types import Analysis


def display_width(text: str) -> int:
    """Return the columns `text` takes in a terminal or a monospaced table: 2 for each Chinese character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, align: str = "<") -> str:
    """Return `text` padded with spaces to `width` display columns (Chinese characters count twice)."""
    gap = " " * max(0, width - display_width(text))
    return text + gap if align == "<" else gap + text


def table(header: list[str], rows: list[list[object]], numeric: set[int] | None = None) -> str:
    """Return rows as a text table aligned by display width; columns in `numeric` are right-aligned."""
    numeric = numeric or set()
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(header))]
    return "".join("  ".join(pad(c, w, ">" if i in numeric else "<") for i, (c, w) in enumerate(zip(row, widths, strict=True))
                            ).rstrip() + "\n" for row in cells)


def summary(analysis: Analysis, width: int = 60) -> str:
    """Return the readable summary of an analysis: title, date, outline tree and counts of each kind of item."""
    doc = analysis.document
    lines = [
        f"# {doc.title or Path(doc.path).stem or '(untitled)'}",
        f"file: {doc.path} ({doc.format}{', ' + doc.encoding if doc.encoding else ''}"
        f"{f', {doc.pages} pages' if doc.pages else ''})",
        f"date: {doc.date or '-'}",
        f"text: {len(doc.text)} characters, {len(analysis.sentences)} sentences, "
        f"{len(doc.boilerplate)} boilerplate items removed",
        "",
        "## Outline",
    ]
    for item in analysis.outline:
        title = item.title if len(item.title) <= width else item.title[: width - 1] + "…"
        lines.append(f"{'  ' * (item.level - 1)}{item.marker}{title}")
    if not analysis.outline:
        lines.append("(no headings found)")
    lines += ["", "## Parts"]
    for sec in analysis.sections:
        head = sec.heading if sec.heading is None or len(sec.heading) <= width else sec.heading[: width - 1] + "…"
        lines.append(f"{sec.role:<9} {sec.start}–{sec.end}" + (f"  {head}" if head else ""))
    modality = Counter(d.modality for d in analysis.directives)
    polarity = Counter(r.polarity for r in analysis.reports)
    kinds = Counter(q.kind for q in analysis.quantities)
    deadlines = Counter(deadline_zh(d.deadline) for d in analysis.directives if d.deadline)
    lines += [
        "",
        "## Counts",
        f"directives: {len(analysis.directives)} ("
        + ", ".join(f"{MODALITY_ZH[m]} {modality[m]}" for m in ("must", "should", "strive") if modality[m]) + ")",
        f"deadlines: {deadlines.total()}"
        + (" (" + ", ".join(f"{k} {n}" for k, n in deadlines.most_common()) + ")" if deadlines else ""),
        f"campaigns: {len(analysis.campaigns)}"
        + (" (" + "、".join(c.name for c in analysis.campaigns[:12])
           + ("…" if len(analysis.campaigns) > 12 else "") + ")" if analysis.campaigns else ""),
        f"quantities: {len(analysis.quantities)}"
        + (" (" + ", ".join(f"{k} {n}" for k, n in kinds.most_common()) + ")" if kinds else ""),
        f"reports: {len(analysis.reports)}"
        + (" (" + ", ".join(f"{k} {n}" for k, n in polarity.most_common()) + ")" if polarity else ""),
        f"targets: {len(analysis.targets)}"
        + (" (" + "、".join(t.text for t in analysis.targets[:6]) + ("…" if len(analysis.targets) > 6 else "") + ")"
           if analysis.targets else ""),
        f"links: {len(analysis.links)}",
    ]
    lines += [f"{kind}: {len(items)}" for kind, items in analysis.items.items() if kind not in ITEM_ORDER]
    return "\n".join(lines) + "\n"
