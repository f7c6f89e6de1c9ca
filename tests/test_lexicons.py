"""Integrity of the lexicons (nlp/data/lexicons): every table loads, validates, and has no duplicate keys."""

from __future__ import annotations

import random
import re

import pytest

from nlp.lexicons import LEXICON_DIR, MAX_ALTERNATIVES, SCHEMAS, load_table, words_pattern

KEYS = {"boilerplate": ("pattern",), "domain_words": ("word",), "units": ("unit",), "state_words": ("word",),
        "campaigns": ("name",), "formulations": ("name",), "not_campaigns": ("word",), "deadlines": ("pattern",),
        "actors": ("suffix",), "cues": ("pattern", "label"), "metrics": ("key",), "roles": ("pattern", "role"),
        "generic_words": ("word",), "regions": ("code",), "abbreviations": ("short",)}


def test_every_table_has_a_schema() -> None:
    assert {p.name[:-4] for p in LEXICON_DIR.iterdir() if p.name.endswith(".tsv")} <= set(SCHEMAS) | set(KEYS)
    assert set(KEYS) <= set(SCHEMAS)


@pytest.mark.parametrize("name", sorted(KEYS))
def test_table_loads_without_duplicates(name: str) -> None:
    rows = load_table(name)
    assert rows
    keys = [tuple(r[c] for c in KEYS[name]) for r in rows]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_bad_row_is_reported(tmp_path, monkeypatch) -> None:
    import nlp.lexicons as lex

    (tmp_path / "units.tsv").write_text("unit\tkind\tscale\n件\tweight\t1\n", encoding="utf-8")
    monkeypatch.setattr(lex, "LEXICON_DIR", tmp_path)
    lex.load_table.cache_clear()
    try:
        with pytest.raises(lex.LexiconError, match="kind='weight'"):
            lex.load_table("units")
    finally:
        lex.load_table.cache_clear()


def test_words_pattern_matches_as_the_alternation_of_the_words_longest_first() -> None:
    rng = random.Random(7)
    for _ in range(200):
        words = {"".join(rng.choice("三会一课服务六稳保") for _ in range(rng.randint(1, 4))) for _ in range(12)}
        text = "".join(rng.choice("三会一课服务六稳保，") for _ in range(60))
        plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        for shape in ("{}", "(?:{})保"):  # alone, and followed by more pattern: backtracking to shorter words
            expected = [m.span() for m in re.finditer(shape.format(plain), text)]
            assert [m.span() for m in re.finditer(shape.format(words_pattern(words)), text)] == expected


def test_words_pattern_of_many_first_characters_matches_as_the_alternation() -> None:
    """Past MAX_ALTERNATIVES first characters the alternation is split in parts behind look-aheads."""
    rng = random.Random(11)
    alphabet = [chr(0x4E00 + i) for i in range(150)] + list("-]^\\[.|")
    for _ in range(40):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(400)}
        assert len({w[0] for w in words}) > MAX_ALTERNATIVES
        text = "".join(rng.choice(alphabet) for _ in range(2000))
        plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        for shape in ("{}", "(?:{})" + re.escape(alphabet[0])):
            expected = [m.span() for m in re.finditer(shape.format(plain), text)]
            assert [m.span() for m in re.finditer(shape.format(words_pattern(words)), text)] == expected
