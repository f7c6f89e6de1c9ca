"""Cue patterns from the cues lexicon (nlp/data/lexicons/cues.tsv), compiled once."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from re import _constants as sre  # the parsed form of a pattern, to tell the ones anchored at the start
from re import _parser

from nlp.lexicons import load_table, scanning_ahead

QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|\"[^\"]*\"")
NEVER = re.compile(r"(?!x)x")


def _patterns(label: str) -> list[str]:
    return [r["pattern"] for r in load_table("cues") if r["label"] == label]


def _joined(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(scanning_ahead("|".join(f"(?:{p})" for p in patterns))) if patterns else NEVER


@cache
def cue(label: str) -> re.Pattern[str]:
    """Return one regex matching any cue pattern of `label`."""
    return _joined(_patterns(label))


@cache
def cue_test(*labels: str) -> Callable[[str], bool]:
    """Return whether a cue of any of `labels` occurs in a text: `any(cue(label).search(text) for label in labels)`,
    in two scans at most instead of one per label, the patterns anchored at the start (`^…`) tried only there.

    Joined with the others, an anchored pattern is tried (and fails) at each character; and an anchored pattern
    hides from the engine the characters the others open with, so it cannot skip to where they may match."""
    patterns = [p for label in labels for p in _patterns(label)]
    anchored = [p for p in patterns if _anchored(p)]
    at_start, anywhere = _joined(anchored).match, _joined([p for p in patterns if p not in anchored]).search
    return lambda text: bool(at_start(text) or anywhere(text))


def _anchored(pattern: str) -> bool:
    """Whether every match of `pattern` starts at the start of the text (it opens with `^`, outside alternatives)."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & re.MULTILINE or not parsed.data:
        return False
    op, av = parsed.data[0]
    return op is sre.AT and av is sre.AT_BEGINNING


def unquoted(text: str) -> str:
    """Return `text` with quoted passages blanked out (same length, so offsets still hold)."""
    return QUOTED.sub(lambda m: "　" * len(m.group(0)), text)
