"""Unit names found before a verb: the longest name, without the words of time or connection before it."""

from __future__ import annotations

import pytest

from nlp.extract.actors import find_units


@pytest.mark.parametrize(("text", "unit"), [
    ("各县区院要加强", "各县区院"),
    ("今年各地要加强", "各地"),  # a word of time before the subject is no part of it
    ("全年各县区院要", "各县区院"),
    ("市院基层建设指导处要", "市院基层建设指导处"),
    ("东岭、北山两个片区分中心要", "东岭、北山两个片区分中心"),
])
def test_unit_names(text: str, unit: str) -> None:
    assert [u for _, _, u in find_units(text)][-1:] == [unit]
