"""Reports: sentences that state the results, progress or problems of a unit or of the whole system."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.extract.actors import find_units
from nlp.extract.cues import cue, unquoted
from nlp.types import Directive, OutlineItem, Quantity, Report, Sentence

NEGATED = re.compile(r"(?:不|不够|未|没有|尚未)$")
STRONG_POSITIVE = re.compile(r"较好|不错|领先|前[一二三两]名?|第一|效果突出|率先")
REPORT_KINDS = frozenset({"count", "percent", "ratio", "rank", "zero_state", "coverage", "count_range", "money", "change"})
MIN_SCORE = 2  # evidence points a sentence needs to count as a report (3 when it is also a directive)


def polarity(sentence: str, quantities: Sequence[Quantity]) -> str:
    bare = unquoted(sentence)
    positives = [m for m in cue("achievement").finditer(bare) if not NEGATED.search(bare[max(0, m.start() - 2):m.start()])]
    negatives = list(cue("shortfall").finditer(bare)) + [q for q in quantities if q.kind == "zero_state"]
    strong = [m for m in STRONG_POSITIVE.finditer(bare) if not NEGATED.search(bare[max(0, m.start() - 2):m.start()])]
    strong += [q for q in quantities if q.kind == "rank"]
    if negatives and strong:
        return "mixed"
    if negatives:
        return "shortfall"
    if positives or [q for q in quantities if q.kind in REPORT_KINDS]:
        return "achievement"
    return "neutral"


def extract_reports(
    text: str,
    sentences: Sequence[Sentence],
    outline: Sequence[OutlineItem],
    quantities: Sequence[Quantity],
    directives: Sequence[Directive],
) -> list[Report]:
    """Return the report sentences, with ids r1, r2, … in document order."""
    heading_spans = {(o.start, o.end) for o in outline}
    directive_starts = {d.start for d in directives}
    by_sentence: dict[int, list[Quantity]] = {}
    starts = [s.start for s in sentences]
    import bisect

    for q in quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        if i >= 0:
            by_sentence.setdefault(i, []).append(q)
    out: list[Report] = []
    for i, sent in enumerate(sentences):
        if (sent.start, sent.end) in heading_spans:
            continue
        qs = by_sentence.get(i, [])
        bare = unquoted(sent.text)
        score = 0
        if re.match(r"^(?:刚才|过去一年|一年来|今年以来|去年|截至目前|目前|从.{1,30}来看|总体感觉|总的看)", bare):
            score += 2
        if any(q.kind in REPORT_KINDS for q in qs):
            score += 1
        units = [u[2] for u in find_units(bare)]
        if units:
            score += 1
        score += min(2, len(cue("report").findall(bare)))
        if re.search(r"[\u4e00-\u9fff]了|已经|已", bare):
            score += 1
        needed = MIN_SCORE + (1 if sent.start in directive_starts else 0)
        if re.search(r"要|必须|务必|应当", bare) and sent.start not in directive_starts:
            needed += 1
        if score < needed:
            continue
        pol = polarity(sent.text, qs)
        metric = next((q.metric for q in qs if q.metric), None)
        out.append(Report(f"r{len(out) + 1}", sent.text, sent.start, sent.end, pol, tuple(dict.fromkeys(units)),
                          metric, tuple(q.id for q in qs)))
    return out
