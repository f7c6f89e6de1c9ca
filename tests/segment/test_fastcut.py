"""The fast segmenter gives the private jieba tokenizer's tokens: corpus texts, tricky blocks, generated strings."""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from nlp.lexicons import load_table
from nlp.segment import fastcut
from nlp.segment.fastcut import JiebaSegmenter, RjiebaSegmenter, build_segmenter

TEXTS = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
TEAM_TEXTS = sorted((ROOT / "corpora").rglob("*.txt"))
JIEBA_BLOCK = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+")  # jieba's re_han_default


def _domain_words() -> list[tuple[str, int | None, str | None]]:
    return [(r["word"], int(r["freq"]) if r["freq"] else None, r["tag"] or None) for r in load_table("domain_words")]


@pytest.fixture(scope="session")
def reference():
    """A private jieba tokenizer with the domain words: what the tokens must be."""
    return JiebaSegmenter(_domain_words())._tk


@pytest.fixture(scope="session")
def fast() -> RjiebaSegmenter:
    pytest.importorskip("rjieba")
    seg = build_segmenter(_domain_words(), backend="rjieba")
    assert isinstance(seg, RjiebaSegmenter)
    return seg


@pytest.fixture(scope="session")
def plain() -> JiebaSegmenter:
    seg = build_segmenter(_domain_words(), backend="jieba")
    assert isinstance(seg, JiebaSegmenter)
    return seg


# (text, jieba's tokens): the blocks where jieba-rs on its own differs, and other edges
TRICKY = [
    # digits with dots and dashes
    ("2023-2025年完成", ["2023", "-", "2025", "年", "完成"]),
    ("增长5.2%，高于预期", ["增长", "5.2%", "，", "高于", "预期"]),
    ("版本1.2.3发布", ["版本", "1.2", ".", "3", "发布"]),
    ("区间为2-3个百分点", ["区间", "为", "2", "-", "3", "个", "百分点"]),
    ("4.5-5%的增速", ["4.5", "-", "5%", "的", "增速"]),
    ("2026-02-03召开", ["2026", "-", "02", "-", "03", "召开"]),
    ("降低-5.2%", ["降低", "-", "5.2%"]),
    ("5..2", ["5", "..", "2"]),
    ("1.5.5%", ["1.5", ".", "5%"]),
    ("1%%2", ["1%", "%", "2"]),
    # Latin letters and digits
    ("5G-A网络", ["5G", "-", "A", "网络"]),
    ("PM_2.5浓度", ["PM", "_", "2.5", "浓度"]),
    ("AR-E3000型", ["AR", "-", "E3000", "型"]),
    ("13.EFlops算力", ["13", ".", "EFlops", "算力"]),
    ("COVID-19疫情", ["COVID", "-", "19", "疫情"]),
    ("GDP增长", ["GDP", "增长"]),
    ("iPhone15Pro", ["iPhone15Pro"]),
    ("a1b2c3", ["a1b2c3"]),
    ("x_y_z", ["x", "_", "y", "_", "z"]),
    # dictionary words with Latin letters, digits or signs, and a domain word with a dash
    ("4S店", ["4S店"]),
    ("T恤衫", ["T恤衫"]),
    ("C++程序", ["C++", "程序"]),
    ("AT&T公司", ["AT&T", "公司"]),
    ("案-件比下降", ["案-件比", "下降"]),
    # mixed punctuation
    ("（一）坚持稳中求进。", ["（", "一", "）", "坚持", "稳中求进", "。"]),
    ("“六稳”“六保”", ["“", "六稳", "”", "“", "六保", "”"]),
    ("###标题", ["###", "标题"]),
    ("50%+", ["50%", "+"]),
    ("a+b=c", ["a", "+", "b", "=", "c"]),
    # full-width characters are outside jieba's blocks: one token each
    ("ＧＤＰ增长５．２％", ["Ｇ", "Ｄ", "Ｐ", "增长", "５", "．", "２", "％"]),
    ("２０２４年", ["２", "０", "２", "４", "年"]),
    ("\u3000全角空格\u3000", ["\u3000", "全角", "空格", "\u3000"]),
    # newlines and other spaces
    ("第一段\n第二段", ["第一段", "\n", "第二段"]),
    ("第一段\r\n第二段", ["第一段", "\r\n", "第二段"]),
    ("行尾\r", ["行尾", "\r"]),
    ("\n\n", ["\n", "\n"]),
    ("一\t二 三", ["一", "\t", "二", " ", "三"]),
    ("", []),
    (" ", [" "]),
    # CJK outside jieba's range (jieba-rs would join them) and a lone surrogate
    ("\u3400字", ["\u3400", "字"]),
    ("\u9fea字", ["\u9fea", "字"]),
    ("\U00020000字", ["\U00020000", "字"]),
    ("\uf900字", ["\uf900", "字"]),
    ("字\ud800字", ["字", "\ud800", "字"]),
]


@pytest.mark.parametrize(("text", "tokens"), TRICKY, ids=[repr(t) for t, _ in TRICKY])
def test_tricky_blocks(text: str, tokens: list[str], reference, fast, plain) -> None:
    assert list(reference.cut(text)) == tokens
    assert fast.cut(text) == tokens
    assert plain.cut(text) == tokens


def _long_texts() -> list[str]:
    sample = (ROOT / "corpora" / "samples" / "sample_speech.txt").read_text(encoding="utf-8")
    han = "".join(re.findall("[\u4e00-\u9fd5]+", sample))
    return [
        han,  # one block of thousands of characters
        han[:5000] + "5G-A" + han[5000:10000],  # a block to recut, found far from its start
        "增长" * 10000 + "2-3",
        "a" * 20000,
        "1" * 20000 + "-1",
        "x" * 5000 + "\u3400" + "中" * 5000,
    ]


@pytest.mark.parametrize("text", _long_texts(), ids=["han", "han 5G-A han", "增长… 2-3", "a…", "1… -1", "x… 㐀 中…"])
def test_long_strings_without_punctuation(text: str, reference, fast) -> None:
    assert fast.cut(text) == list(reference.cut(text))


def test_all_short_strings_of_letters_digits_and_signs(reference, fast) -> None:
    """Every string of up to 4 (5) of these characters: the runs left to jieba-rs and the recut runs alike."""
    for alphabet, longest in (("1a.-_%+中年", 4), ("1a.-_%中", 5)):
        for n in range(1, longest + 1):
            for chars in itertools.product(alphabet, repeat=n):
                text = "".join(chars)
                assert fast.cut(text) == list(reference.cut(text)), text


PIECES = [
    "中国", "发展", "年", "个", "百分点", "增长", "稳", "六", "三会一课", "市院", "两级院", "的", "和",
    "a", "B", "x", "GDP", "5G", "PM", "1", "2", "0", "2024", "5.2", ".", "-", "_", "%", "+", "#", "&",
    "T恤", "4S店", "C++", "AT&T", "B超", "案-件比", "c#",
    "\u3400", "\u9fea", "\U00020000", "\uf900",
    " ", "\t", "\n", "\r\n", "\r", "\u3000", "，", "。", "、", "“", "”", "（", "）", "Ｇ", "５", "．", "％",
]


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25))) for _ in range(count)]


def test_generated_strings(reference, fast) -> None:
    for text in _generated(3000, seed=20240501):
        assert fast.cut(text) == list(reference.cut(text)), repr(text)


def test_cut_without_hmm_is_jiebas(reference, fast) -> None:
    """The domain words' frequencies are suggested from this cut."""
    for text in _generated(1000, seed=7) + [w for w, _, _ in _domain_words()]:
        assert fast._cut_without_hmm(text) == list(reference.cut(text, HMM=False)), repr(text)


@pytest.mark.corpus
@pytest.mark.parametrize("path", TEXTS + TEAM_TEXTS,
                         ids=[str(p.relative_to(CORPUS if p.is_relative_to(CORPUS) else ROOT)) for p in TEXTS + TEAM_TEXTS])
def test_corpus_texts(path: Path, reference, fast) -> None:
    text = path.read_text(encoding="utf-8")
    expected = list(reference.cut(text))
    got = fast.cut(text)
    if got != expected:
        i = next((k for k, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), min(len(got), len(expected)))
        pytest.fail(f"token {i}: jieba {expected[i - 2:i + 3]}, fast {got[i - 2:i + 3]}")


@pytest.mark.corpus
def test_every_corpus_block_with_latin_or_digits_is_recut_as_jieba_cuts_it(reference, fast) -> None:
    """The recut, which normally sees only the blocks jieba-rs would split otherwise, on all such blocks."""
    blocks = {b for p in TEXTS + TEAM_TEXTS for b in JIEBA_BLOCK.findall(p.read_text(encoding="utf-8"))
              if re.search("[a-zA-Z0-9+#&._%-]", b)}
    assert len(blocks) > 100
    for block in sorted(blocks):
        assert fast._recut(block) == list(reference.cut(block)), block
    assert fast.jieba_blocks == 0


def test_domain_words_get_jiebas_frequencies(reference, fast) -> None:
    assert fast.domain_freqs == {w: reference.FREQ[w] for w, _, _ in _domain_words()}


def test_jieba_dictionary_facts() -> None:
    """The hash and totals pinned in fastcut describe jieba's dict.txt (else the word-by-word load is used)."""
    import jieba

    raw = fastcut._jieba_dict_path().read_bytes()
    if hashlib.sha256(raw).hexdigest() != fastcut._JIEBA_DICT_SHA256:
        pytest.skip("jieba's dict.txt is not the pinned one: fastcut loads it word by word")
    with fastcut._jieba_dict_path().open("rb") as f:
        _, jieba_total = jieba.Tokenizer.gen_pfdict(f)
    freqs, total = fastcut._parse_dict(raw)
    assert jieba_total == total
    assert (total, sum(freqs.values())) == fastcut._JIEBA_DICT_TOTALS
    assert min(freqs.values()) > 0  # a word of frequency 0 would have to stay out of rjieba


def test_rjieba_copy_of_the_dictionary_is_jiebas() -> None:
    """For a verified rjieba: its own dictionary has jieba's words, frequencies and total."""
    rjieba = pytest.importorskip("rjieba")
    from importlib.metadata import version

    if version("rjieba") not in fastcut._RJIEBA_VERIFIED:
        pytest.skip("rjieba version not verified: fastcut loads jieba's dict.txt into it")
    freqs, _ = fastcut._parse_dict(fastcut._jieba_dict_path().read_bytes())
    own, loaded = rjieba.Jieba(), rjieba.Jieba.empty()
    for word, freq in freqs.items():
        loaded.add_word(word, freq, None)
    words = list(freqs)
    rng = random.Random(1)
    pairs = [rng.choice(words) + rng.choice(words) for _ in range(2000)]  # suggestions that depend on the total
    for word in words + pairs:
        assert own.has_word(word) == loaded.has_word(word), word
        assert own.suggest_freq(word) == loaded.suggest_freq(word), word


def test_word_by_word_dictionary_load(monkeypatch, reference) -> None:
    """The path taken when jieba's dict.txt is not the pinned one gives the same tokens."""
    pytest.importorskip("rjieba")
    monkeypatch.setattr(fastcut, "_JIEBA_DICT_SHA256", "not the pinned file")
    seg = build_segmenter(_domain_words(), backend="rjieba")
    assert "jieba's dict.txt" in seg.backend
    assert seg.domain_freqs == {w: reference.FREQ[w] for w, _, _ in _domain_words()}
    for path in TEAM_TEXTS:
        text = path.read_text(encoding="utf-8")
        assert seg.cut(text) == list(reference.cut(text)), path.name


def test_auto_uses_rjieba_when_installed() -> None:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        pytest.skip("rjieba is not installed: auto is jieba")
    from importlib.metadata import version

    assert version("rjieba") in fastcut._RJIEBA_VERIFIED, (
        f"rjieba {version('rjieba')} is installed but not verified: if these tests pass with it, "
        "add it to fastcut._RJIEBA_VERIFIED (and check test_rjieba_copy_of_the_dictionary_is_jiebas)")
    assert build_segmenter(_domain_words()).backend.startswith("rjieba")


def test_zero_frequency_cannot_be_promised() -> None:
    """jieba keeps a word of frequency 0 out and force-splits it in the HMM step; jieba-rs cannot."""
    rjieba = pytest.importorskip("rjieba")
    assert RjiebaSegmenter.build(rjieba, [("零z", 0, None)]) is None


def test_backend_is_checked() -> None:
    with pytest.raises(ValueError, match="expected 'auto', 'rjieba' or 'jieba'"):
        build_segmenter([], backend="fast")


def test_cut_from_several_threads(reference, fast) -> None:
    texts = [p.read_text(encoding="utf-8") for p in TEAM_TEXTS]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(fast.cut, texts * 2)) == [list(reference.cut(t)) for t in texts * 2]


def test_without_rjieba_auto_is_jieba(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "rjieba", None)  # makes `import rjieba` raise ImportError
    with pytest.raises(ImportError):
        build_segmenter([], backend="rjieba")
    seg = build_segmenter(_domain_words())
    assert isinstance(seg, JiebaSegmenter)
    assert seg.cut("增长5.2%，2-3个") == ["增长", "5.2%", "，", "2", "-", "3", "个"]
