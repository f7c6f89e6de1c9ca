"""Cue patterns from the cues lexicon (nlp/data/lexicons/cues.tsv), compiled once."""

from __future__ import annotations

import re
from functools import cache

from nlp.lexicons import load_table, scanning_ahead

QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|\"[^\"]*\"")


@cache
def cue(label: str) -> re.Pattern[str]:
    """Return one regex matching any cue pattern of `label`."""
    patterns = [r["pattern"] for r in load_table("cues") if r["label"] == label]
    if not patterns:
        return re.compile(r"(?!x)x")
    return re.compile(scanning_ahead("|".join(f"(?:{p})" for p in patterns)))


def unquoted(text: str) -> str:
    """Return `text` with quoted passages blanked out (same length, so offsets still hold)."""
    return QUOTED.sub(lambda m: "　" * len(m.group(0)), text)
