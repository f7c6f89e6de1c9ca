"""Directives: sentences that instruct somebody to act from now on, or commit the speaker's organisation.

Rules decide from modal markers outside quotations (要, 必须, 力争…), imperative
openings that continue a directive paragraph, imperative headings and
commitments (`市院党组将…`); the sentence classifier in models/, when present,
adds its probability (see nlp.classify).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlp.extract.actors import actors_before, find_units
from nlp.extract.cues import cue, unquoted
from nlp.extract.deadlines import find_deadline
from nlp.extract.quantities import AMOUNT_KINDS
from nlp.extract.targets import passage_spans
from nlp.types import Campaign, Deadline, Directive, OutlineItem, Quantity, Sentence

CONNECTORS = re.compile(r"^(?:[一二三四五六七八九十]+(?:是|要)|一方面|另一方面|同时|此外|下步|下一步|首先|其次|最后|第[一二三四五六七八九十]+|"
                        r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])[,，、]?")
CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
COMMITMENT = re.compile(r"(?<!现)将(?=[\u4e00-\u9fff])")
SPEAKER = re.compile(r"(?:我们|我[局院市县区委部厅办处所校]|本[局院市县区委部厅])(?:也|都|还|一定)?$")
# what may stand before the verb of an imperative sentence: time, deadline, subject, adverbs
LEAD_IN = re.compile(r"^(?:(?:今年|全年|明年|年内|年底前|下步|下一步|同时|此外|当前|近期|首先|其次|最后|"
                     r"\d{1,2}月(?:\d{1,2}日|底|末)?(?:前|之前)|每(?:个)?(?:年|月|季度|半年|周|天|日|学期)|"
                     r"继续|要|也|都|还|进一步|认真|切实)[,，]?)+")
STRONG_MODAL = re.compile(r"(?<![需重主])要|必须|务必|力争")
PAST = re.compile(r"了|已")
DONE = re.compile(r"了|已经|取得")
CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
CLASSIFIER_ADDS = 0.85  # directive probability at which the classifier adds a sentence the rules left out
COUNTED_SUBJECT = re.compile(r"^[×\d一二两三四五六七八九十]+个")
NOMINAL = re.compile(r"(?:方面|情况|回顾|成绩|问题|任务|计划|安排|要求|目标|取向|总体要求|政策取向)$")
YEAR = re.compile(r"(19|20)\d{2}(?=年)")


@dataclass(frozen=True)
class Verdict:
    is_directive: bool
    modality: str
    confidence: float
    marker_ends: tuple[int, ...] = ()  # offsets in the sentence where a modal marker starts


def modality_of(bare: str) -> str:
    if cue("must").search(bare):
        return "must"
    if cue("strive").search(bare):
        return "strive"
    return "should"


def judge(sentence: str, in_directive_context: bool, is_heading: bool, in_report_section: bool) -> Verdict:
    """Decide by rules whether one sentence is a directive, and with which modality."""
    bare = unquoted(sentence)
    stripped = sentence.rstrip("。；;！!")
    if sentence.rstrip().endswith(("？", "?")) or cue("not_directive").search(sentence):
        return Verdict(False, "should", 0.8)
    markers = [m.start() for lab in ("must", "strive", "should") for m in cue(lab).finditer(bare)]
    imperative = _imperative(bare)
    modality = modality_of(bare)
    if markers:
        if in_report_section and not is_heading and not STRONG_MODAL.search(bare):
            return Verdict(False, modality, 0.6)
        return Verdict(True, modality, 0.9, tuple(sorted(markers)))
    if is_heading:
        ok = (imperative or in_directive_context) and not in_report_section and not NOMINAL.search(stripped)
        return Verdict(ok, modality, 0.8 if ok else 0.7)
    commitments = tuple(m.start() for m in COMMITMENT.finditer(bare) if _committed(bare, m.start()))
    if commitments and not PAST.search(bare):
        return Verdict(True, modality, 0.7, commitments)
    if imperative and in_directive_context and not in_report_section and not DONE.search(bare):
        return Verdict(True, modality, 0.7)
    return Verdict(False, modality, 0.6)


def _imperative(bare: str) -> bool:
    """Whether the sentence opens with an imperative verb (after time, subject and adverbs); a later
    clause may open it too when nothing in the sentence reports or evaluates."""
    body = CONNECTORS.sub("", bare, count=1)
    if cue("report_start").match(body) or cue("narrative").search(body):
        return False
    for clause in CLAUSE.finditer(body):
        text = LEAD_IN.sub("", clause.group(0).strip())
        if cue("imperative").match(text):
            return True
        units = find_units(text[:16])
        if units and units[0][0] == 0:
            if COUNTED_SUBJECT.match(units[0][2]):
                return False  # ×个院…, 三个县区院…: a report about units
            text = LEAD_IN.sub("", text[units[0][1]:])
        if cue("imperative").match(text):
            return True
    return False


def _committed(bare: str, pos: int) -> bool:
    """`市院党组将…`, `我局将…`: a commitment needs the speaker's organisation before 将."""
    before = bare[max(0, pos - 20):pos]
    clause = CLAUSE_SPLIT.split(before)[-1]
    return bool(SPEAKER.search(clause) or actors_before(clause, 0, len(clause)))


def extract_directives(
    text: str,
    sentences: Sequence[Sentence],
    outline: Sequence[OutlineItem],
    quantities: Sequence[Quantity],
    campaigns: Sequence[Campaign],
    doc_date: str | None,
    title: str | None,
    prob: Callable[[Sentence], float | None] | None = None,
) -> list[Directive]:
    """Return the directives among `sentences`, with ids d1, d2, … in document order."""
    doc_year = _year(doc_date, title)
    heading_spans = {(o.start, o.end): i for i, o in enumerate(outline)}
    heading_ends = {o.end: i for i, o in enumerate(outline)}
    report_sections_ = report_sections(outline)
    passages = passage_spans(text)
    directive_headings: set[int] = set()
    out: list[Directive] = []
    para = -1
    context = False
    last_actors: tuple[str, ...] = ()
    q_by_pos = sorted(quantities, key=lambda q: q.start)
    mentions = sorted((m.start, c.id) for c in campaigns for m in c.mentions)
    mention_starts = [m for m, _ in mentions]
    q_starts = [q.start for q in q_by_pos]
    mention_ids = [c for _, c in mentions]
    for sent in sentences:
        if sent.paragraph != para:
            para = sent.paragraph
            context = _directive_context(outline, sent.section, directive_headings)
            last_actors = ()
        heading = heading_spans.get((sent.start, sent.end))
        if heading is None and sent.end in heading_ends and outline[heading_ends[sent.end]].start >= sent.start:
            heading = heading_ends[sent.end]
        in_report = sent.section is not None and sent.section in report_sections_
        if heading is not None:
            parent = _parent(outline, heading)
            context = parent is not None and (parent in directive_headings or
                                              bool(cue("directive_section").search(outline[parent].title)))
        verdict = judge(sent.text, context, heading is not None, in_report)
        if not verdict.is_directive and any(a < sent.end and sent.start < b for a, b in passages):
            # each item of a main-targets passage (主要预期目标是：…；…；…。) sets a goal
            verdict = Verdict(True, modality_of(unquoted(sent.text)), 0.8)
        confidence = verdict.confidence
        decided = verdict.is_directive
        # the classifier is asked only where it may change the decision: a sentence the rules left
        # undecided that narrates nothing; it adds the sentence when it is confident
        if prob is not None and not decided and verdict.confidence <= 0.6 and not in_report \
                and not cue("narrative").search(sent.text):
            p = prob(sent)
            if p is not None and p >= CLASSIFIER_ADDS:
                decided, confidence = True, p
        if not decided:
            continue
        if heading is not None:
            directive_headings.add(heading)
        context = True
        actors = _actors(text, sent, verdict.marker_ends)
        inherited = () if actors else last_actors
        if actors:
            last_actors = tuple(actors)
        deadline: Deadline | None = find_deadline(text, sent.start, sent.end, doc_date, doc_year)
        lo, hi = bisect.bisect_left(q_starts, sent.start), bisect.bisect_left(q_starts, sent.end)
        targets = tuple(q.id for q in q_by_pos[lo:hi] if q.kind in AMOUNT_KINDS)
        lo, hi = bisect.bisect_left(mention_starts, sent.start), bisect.bisect_left(mention_starts, sent.end)
        names = tuple(dict.fromkeys(mention_ids[lo:hi]))
        out.append(Directive(
            id=f"d{len(out) + 1}", text=sent.text, start=sent.start, end=sent.end, actors=tuple(actors),
            modality=verdict.modality, deadline=deadline, campaigns=names, targets=targets,
            section=sent.section, inherited_actors=inherited, confidence=confidence,
        ))
    return out


def _actors(text: str, sent: Sentence, marker_starts: tuple[int, ...]) -> list[str]:
    names: list[str] = []
    for rel in marker_starts:
        pos = sent.start + rel
        clause_start = sent.start
        for i in range(pos - 1, sent.start - 1, -1):
            if text[i] in "，,；;：:":
                clause_start = i + 1
                break
        for name in actors_before(text, clause_start, pos):
            if name not in names:
                names.append(name)
    return names


def _directive_context(outline: Sequence[OutlineItem], section: int | None, directive_headings: set[int]) -> bool:
    """Whether a paragraph stands under a directive heading or a task section, however deep
    (`1.医疗卫生方面` under `（十一）保障和改善民生` under `二、2025年目标任务和重点工作`)."""
    while section is not None:
        if section in directive_headings or cue("directive_section").search(outline[section].title):
            return True
        section = _parent(outline, section)
    return False


def _parent(outline: Sequence[OutlineItem], index: int) -> int | None:
    level = outline[index].level
    for i in range(index - 1, -1, -1):
        if outline[i].level < level:
            return i
    return None


def report_sections(outline: Sequence[OutlineItem]) -> set[int]:
    """Return the outline items under a heading about past work (工作回顾)."""
    out: set[int] = set()
    report_level: int | None = None
    for i, item in enumerate(outline):
        if report_level is not None and item.level <= report_level:
            report_level = None
        if report_level is None and cue("report_section").search(item.title) and \
                not cue("directive_section").search(item.title):
            report_level = item.level
        if report_level is not None:
            out.add(i)
    return out


def _year(doc_date: str | None, title: str | None) -> int | None:
    if doc_date:
        return int(doc_date[:4])
    m = YEAR.search(title or "")
    return int(m.group(0)) if m else None
