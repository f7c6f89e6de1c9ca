"""The segmenter with the domain dictionary: whole domain words, offsets, loaded once."""

from __future__ import annotations

import pytest

from nlp.match.evidence import terms_of_word
from nlp.segment.tokens import tokenize, tokenizer


@pytest.mark.parametrize("word", ["三会一课", "六稳", "六保", "案-件比", "市院基层建设指导处", "各县区院", "全市两级院"])
def test_domain_words_stay_whole(word: str) -> None:
    text = f"要认真落实{word}的有关要求"
    assert word in [t.text for t in tokenize(text)]


@pytest.mark.parametrize(("text", "pieces"), [
    ("推进共性技术平台、中试验证平台建设", {"中试", "验证"}),  # jieba alone: 中/试验/证
    ("建立碳足迹管理体系", {"碳足迹", "足迹"}),  # 碳/足迹
    ("推进燃气管道老化更新改造", {"燃气管道", "管道"}),  # 燃气管/道
    ("盘活低效用地", {"低效用地"}),  # 低/效用/地
    ("完成重点排放单位碳排放核查", {"碳排放", "排放"}),  # 碳/排放
    ("深入推进减污降碳协同增效", {"减污降碳", "降碳"}),  # 减污降/碳
])
def test_policy_terms_keep_their_parts(text: str, pieces: set[str]) -> None:
    # a policy term the dictionary cuts across its parts stays whole, its pieces still match terms (中试平台 shares
    # 中试 with 中试验证平台)
    terms = set().union(*(terms_of_word(t.text) for t in tokenize(text)))
    assert pieces <= terms


def test_tokens_carry_offsets() -> None:
    text = "全市检察机关要服务“六稳”“六保”。"
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text


def test_tokenizer_is_loaded_once() -> None:
    assert tokenizer() is tokenizer()


def test_tokens_as_a_sequence() -> None:
    text = "全市检察机关 要服务“六稳”。"
    tokens = tokenize(text)
    made = list(tokens)
    assert [tokens[i] for i in range(len(tokens))] == made and tokens[-1] == made[-1]
    assert list(tokens[1:3]) == made[1:3] and tokens[1:3] == tokenize(text)[1:3]
    assert all(not t.text.isspace() and text[t.start:t.end] == t.text for t in made)
    assert list(tokens.texts) == [t.text for t in made] and list(tokens.starts) == [t.start for t in made]
