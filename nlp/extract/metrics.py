"""Metrics named in text (`国内生产总值增长`, `城镇新增就业`) and their canonical keys, from the metrics lexicon."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nlp.lexicons import any_of, load_table
from nlp.spans import keep_longest
from nlp.types import Direction


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
