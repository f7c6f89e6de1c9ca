"""Metrics named in text (`国内生产总值增长`, `城镇新增就业`) and their canonical keys, from the metrics lexicon."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from nlp.lexicons import any_of, load_table
from nlp.spans import keep_longest
from nlp.types import Direction, Quantity

# `一产、二产、三产增加值分别增长5.5%左右、6%左右、5%左右`: listed subjects, 分别, their figures in order
LIST_VERB = r"(?P<verb>增长|下降|降低|提高到|提高|达到|为|控制在|增加|保持在)?"  # what 分别 is followed by
RESPECTIVELY = re.compile(r"(?P<subjects>[^，,；;：:。]+?)分别" + LIST_VERB)
# the runs between clause punctuation: a `…分别…` match lies inside one, so only the runs holding 分别 are searched
# (searched over the whole text, the lazy subjects would be tried from every character to its run's end)
RUN_BREAKS = "，,；;：:。\n"
PUNCT_RUN_END = re.compile(f"[{RUN_BREAKS}]")
SUBJECT_SEP = re.compile(r"[、和与及]")
URBAN_RURAL = re.compile(r"^城乡(?=居民)")  # 城乡居民… is two subjects: 城镇居民… and 农村居民…
LISTED_AGAIN = re.compile(r"\s*分别" + LIST_VERB)  # …，分别增长5.1%和7.2%
SENTENCE_BREAK = re.compile(r"[。；;！？!?\n]")
CLAUSE_END = frozenset("，,；;。：:！？!?\n")  # where a list's figures end


@cache
def _metrics() -> tuple[tuple[str, Direction, re.Pattern[str]], ...]:
    return tuple((r["key"], r["direction"], re.compile(r["pattern"])) for r in load_table("metrics"))  # type: ignore[misc]


@cache
def _any_metric() -> re.Pattern[str]:
    """One regex of all the metrics' patterns as alternatives: it finds something exactly where one of them does
    (`any_of`: it scans ahead for their first characters, which gdp_growth's optional opening hides from re)."""
    return re.compile(any_of(pattern.pattern for _, _, pattern in _metrics()))


@cache
def adding_up() -> frozenset[str]:
    """The metrics whose regional figures add up to the national one (城镇新增就业, 粮食产量, 专项债券)."""
    return frozenset(r["key"] for r in load_table("metrics") if r.get("adds_up") == "yes")


@cache
def metric_directions() -> dict[str, Direction]:
    """metric key -> its direction (floor: more is better; ceiling: less is better)."""
    return {key: direction for key, direction, _ in _metrics()}


@cache
def metric_parts() -> dict[str, frozenset[str]]:
    """metric key -> the keys of the metrics that are parts of it (income_growth → urban_, rural_income_growth)."""
    parts: dict[str, set[str]] = {}
    for r in load_table("metrics"):
        if r.get("part_of"):
            parts.setdefault(r["part_of"], set()).add(r["key"])
    return {whole: frozenset(keys) for whole, keys in parts.items()}


def metric_key(metric: str) -> tuple[str | None, Direction | None]:
    """Return the canonical key and default direction of a metric phrase (国内生产总值增长 → gdp_growth, floor)."""
    for key, direction, pattern in _metrics():
        if pattern.search(metric):
            return key, direction
    return None, None


@lru_cache(maxsize=1 << 15)  # a comparison's sentences are searched for results and for evidence terms
def metric_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, key) of every metric named in `text`, longest first where they overlap."""
    if not _any_metric().search(text):
        return ()  # most sentences name no metric: one search instead of one per metric
    found = [(m.start(), m.end(), key) for key, _, pattern in _metrics() for m in pattern.finditer(text)]
    return tuple(keep_longest(found, lambda f: (f[0], f[1])))


def respectively(text: str, quantities: Sequence[Quantity], kinds: frozenset[str]) -> dict[str, tuple[int, str, int]]:
    """Return, for each figure (of `kinds`) of a `…分别…` list, the clause start, its own metric phrase (the
    matching subject with the verb) and where its text starts: `一产、二产、三产增加值分别增长5.5%、6%、5%` gives
    一产增加值增长, 二产增加值增长, 三产增加值增长. A clause that opens with 分别 and a verb lists the subjects of
    the list before it in its sentence: `城镇和农村居民人均可支配收入分别达到4.2万元和2.1万元，分别增长5.1%和7.2%`."""
    out: dict[str, tuple[int, str, int]] = {}
    figures = sorted((q for q in quantities if q.kind in kinds and not q.masked), key=lambda q: q.start)
    starts = [q.start for q in figures]
    listed: tuple[list[str], int, int] | None = None  # the last list's subjects, where they start, where it ends
    for run_start, run_end in _runs_holding(text, "分别"):
        lists = [(m.end(), _subjects(m.group("subjects")), m.start("subjects"), m.group("verb") or "")
                 for m in RESPECTIVELY.finditer(text, run_start, run_end) if "分别" in m.group()]
        opening = LISTED_AGAIN.match(text, run_start, run_end)
        if opening and opening.group("verb") and listed is not None \
                and not SENTENCE_BREAK.search(text, listed[2], run_start):
            # (not …，分别占全省平均水平的85%和80%: without a verb of the list's own, a share of something else)
            lists.insert(0, (opening.end(), listed[0], listed[1], opening.group("verb") or ""))
        for end, subjects, start, verb in lists:
            clause_end = next((i for i in range(end, min(len(text), end + 120)) if text[i] in CLAUSE_END),
                              min(len(text), end + 120))
            after = figures[bisect.bisect_left(starts, end):bisect.bisect_left(starts, clause_end)]
            listed = (subjects, start, clause_end)
            if len(subjects) < 2 or len(subjects) != len(after):
                continue
            for subject, q in zip(subjects, after, strict=True):
                out[q.id] = (start, subject + verb, start)
    return out


def _runs_holding(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the runs between clause punctuation (`RUN_BREAKS`) that hold `word`, in order: found
    from the word's occurrences, not by walking every run of the text."""
    at = text.find(word)
    while at >= 0:
        start = max(text.rfind(ch, 0, at) for ch in RUN_BREAKS) + 1
        end = m.start() if (m := PUNCT_RUN_END.search(text, at)) else len(text)
        yield start, end
        at = text.find(word, end)


def _subjects(phrase: str) -> list[str]:
    """The subjects a `…分别…` list names: 一产、二产、三产增加值 → 一产增加值, 二产增加值, 三产增加值 (the head noun
    shared); 城乡居民收入 → 城镇居民收入, 农村居民收入."""
    subjects = [x for x in SUBJECT_SEP.split(phrase) if x]
    if len(subjects) == 1 and URBAN_RURAL.match(subjects[0]):
        rest = subjects[0][2:]
        subjects = ["城镇" + rest, "农村" + rest]
    if len(subjects) < 2:
        return subjects
    last, first = subjects[-1], subjects[0]
    if all(len(x) == len(first) for x in subjects[:-1]) and len(last) > len(first):
        head = last[len(first):]  # 一产、二产、三产增加值: the head noun is shared
        subjects = [x + head for x in subjects[:-1]] + [last]
    return subjects
