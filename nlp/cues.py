"""Cue patterns from the cues lexicon (nlp/data/lexicons/cues.tsv), compiled once."""

from __future__ import annotations

import re
from functools import cache
from re import _constants as sre  # the parsed form of a pattern, to find the characters its matches open with
from re import _parser

from nlp.lexicons import load_table

QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|\"[^\"]*\"")


@cache
def cue(label: str) -> re.Pattern[str]:
    """Return one regex matching any cue pattern of `label`."""
    patterns = [r["pattern"] for r in load_table("cues") if r["label"] == label]
    if not patterns:
        return re.compile(r"(?!x)x")
    alternatives = "|".join(f"(?:{p})" for p in patterns)
    first = first_chars(alternatives)
    # the look-ahead changes no match (every match opens with one of these characters), but lets the engine
    # pass over the other characters at once instead of trying each alternative there: 2-3 times faster
    return re.compile(f"(?=[{re.escape(first)}])(?:{alternatives})" if first else alternatives)


def first_chars(pattern: str) -> str | None:
    """Return the characters that every match of `pattern` opens with (sorted), or None when they are not a
    known set (a match may open with any character of a class or category: ., \\d, [^…]; or be empty; or the
    pattern ignores case) or when the regex engine finds them itself (the pattern opens with a character, a
    class, or alternatives that each open with a character)."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE) or not parsed.data:
        return None
    op, av = parsed.data[0]
    if op in (sre.LITERAL, sre.IN) or (op is sre.BRANCH and all(b and b[0][0] is sre.LITERAL for b in av[1])):
        return None  # the engine's own prefix scan is faster than a look-ahead
    chars, nullable = _first(list(parsed))
    return "".join(sorted(chars)) if chars is not None and not nullable else None


def _first(items: list[tuple[object, object]]) -> tuple[set[str] | None, bool]:
    """Return the characters a match of the parsed sequence `items` may open with (None: unknown) and whether
    it may match the empty string."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            return chars | {chr(av)}, False  # type: ignore[arg-type]
        if op is sre.IN:
            members = set()
            for kind, value in av:  # type: ignore[attr-defined]
                if kind is sre.LITERAL:
                    members.add(chr(value))
                elif kind is sre.RANGE and value[1] - value[0] < 64:
                    members.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False  # a category, a negated or a wide class
            return chars | members, False
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # consumes nothing: the next item opens the match
        if op is sre.BRANCH:
            nullable = False
            for branch in av[1]:  # type: ignore[index]
                sub, empty = _first(list(branch))
                if sub is None:
                    return None, False
                chars |= sub
                nullable = nullable or empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, body = av  # type: ignore[misc]
            sub, empty = _first(list(body))
            if sub is None:
                return None, False
            chars |= sub
            nullable = empty or low == 0
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # type: ignore[index]  # a group without flags
            sub, nullable = _first(list(av[3]))  # type: ignore[index]
            if sub is None:
                return None, False
            chars |= sub
        elif op is sre.ATOMIC_GROUP:
            sub, nullable = _first(list(av))  # type: ignore[arg-type]
            if sub is None:
                return None, False
            chars |= sub
        else:
            return None, False  # any character, a category, a back reference, a conditional
        if not nullable:
            return chars, False
    return chars, True


def unquoted(text: str) -> str:
    """Return `text` with quoted passages blanked out (same length, so offsets still hold)."""
    return QUOTED.sub(lambda m: "　" * len(m.group(0)), text)
