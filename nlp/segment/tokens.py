"""Word segmentation: a private jieba tokenizer with the project's domain dictionary.

The dictionary (jieba's own plus the domain_words lexicon, so that `三会一课`,
`六稳` and `案-件比` stay whole) is loaded once per process, into rjieba (jieba-rs,
the `fast` extra) when it can give jieba's exact tokens, else into jieba itself
(nlp/segment/fastcut.py).
"""

from __future__ import annotations

import threading
from functools import cache
from itertools import accumulate, compress
from operator import not_

from nlp.lexicons import load_table
from nlp.segment.fastcut import Segmenter, build_segmenter
from nlp.types import Tokens

_lock = threading.Lock()


@cache
def tokenizer() -> Segmenter:
    """Return the process-wide segmenter (rjieba with the `fast` extra, else jieba), loading it on first use."""
    with _lock:
        rows = load_table("domain_words")
        return build_segmenter((r["word"], int(r["freq"]) if r["freq"] else None, r["tag"] or None) for r in rows)


def known_word(word: str) -> bool:
    """Whether the dictionary (jieba's and the domain words) lists `word`."""
    return tokenizer().has_word(word)


def tokenize(text: str) -> Tokens:
    """Return the tokens of `text` with their offsets; whitespace is left out."""
    words = tokenizer().cut(text)  # cut, not tokenize: the same words without a generator per word
    # built by iterators in C, not by a Python loop: a document has hundreds of thousands of tokens
    starts = accumulate(map(len, words), initial=0)  # one more than the words: compress stops at the last word
    kept = list(map(not_, map(str.isspace, words)))
    return Tokens(tuple(compress(words, kept)), tuple(compress(starts, kept)))
