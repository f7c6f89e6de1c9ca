"""Word segmentation that gives exactly the private jieba tokenizer's tokens, faster when rjieba is installed.

`build_segmenter(domain_words)` returns an object whose `cut(text)` is the list that
`jieba.Tokenizer()` with jieba's dictionary, then `add_word(word, freq, tag)` for each domain word
in order, gives from `cut(text)` (HMM on). With the optional package rjieba (jieba-rs), in a version
that the tests have checked, the work is done in Rust; otherwise plain jieba does it. Build it once
per process; `cut` may be called from several threads.

nlp/segment/tokens.py builds it once per process with the domain words.

How rjieba is made to agree with jieba:
- Same dictionary. rjieba 0.2.2 embeds jieba 0.42.1's dict.txt; that copy is used when jieba's dict.txt
  has that file's hash, otherwise jieba's dict.txt is loaded word by word (slower, same result).
- Same domain words and frequencies: a word without a frequency gets the one jieba's `suggest_freq`
  would give at that point (jieba's formula, fed with jieba's frequencies and running total).
- Same total. jieba adds every dictionary line and every `add_word` to its total (a duplicate line or
  a re-added word counts twice); jieba-rs counts each word once. A sentinel word that no text can
  reach carries the difference.
- Same blocks. Characters that jieba does not put into blocks but jieba-rs does (rarer CJK ranges)
  and lone surrogates are single tokens in jieba: they are cut out before rjieba sees the text.
- Same handling of Latin letters and digits. jieba-rs splits a run such as `2-3`, `5G-A` or
  `PM_2.5` that its HMM step meets differently from jieba. A block with such a run is cut from
  rjieba's dictionary route (its cut without HMM) and HMM cut, redoing jieba's buffering and
  jieba's own split of the non-Han pieces; a run of plain `12`, `5.2`, `5.2%` or `GDP` is the same
  in both and stays in the one call over the whole text.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
import threading
from collections.abc import Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any, Protocol

DomainWord = tuple[str, int | None, str | None]

# sha256 of jieba 0.42.1's dict.txt, jieba's total over its lines, and the sum over its distinct words
# (`B超 3` is on two lines); computed from the file, checked by tests/segment/test_fastcut.py
_JIEBA_DICT_SHA256 = "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8"
_JIEBA_DICT_TOTALS = (60101967, 60101964)
# rjieba versions that tests/segment/test_fastcut.py has checked against jieba (tokens, and a `Jieba()` holding
# exactly that dictionary); "auto" uses no other version, so tokens never depend on what happens to be installed
_RJIEBA_VERIFIED = frozenset({"0.2.2"})

# a word no block can contain (a private-use character), whose frequency makes jieba-rs's total jieba's
_SENTINEL = "\ue000"

_HAN = "\u4e00-\u9fd5"
_BLOCK_CHARS = _HAN + "a-zA-Z0-9+#&._%\\-"  # jieba's re_han_default
_BLOCK_REST = re.compile(f"[{_BLOCK_CHARS}]*")
# single tokens in jieba that jieba-rs would put into blocks (its CJK ranges are wider), and lone
# surrogates, which cannot be passed to Rust; any character outside jieba's blocks except \r and \n
# may be listed here, since jieba yields each of them alone
_ALONE_CHARS = "\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\ud800-\udfff"
_ALONE = re.compile(f"[{_ALONE_CHARS}]")
_SIGNS = frozenset("+#&._%-")
_ASCII_BLOCK_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-")
# one character class, no alternation: the regex engine then scans for it three times faster
_TROUBLE = re.compile(f"[{_ALONE_CHARS}+#&._%\\-]")
_ASCII_RUN = re.compile("[a-zA-Z0-9+#&._%\\-]+")
# runs whose every piece jieba and jieba-rs split alike (tests/segment/test_fastcut.py tries all short ones)
_PLAIN_RUN = re.compile(r"[a-zA-Z0-9]+(?:\.[0-9]+)?%?|[^a-zA-Z0-9]+")
_HMM_PIECES = re.compile(f"[{_HAN}]+|[^{_HAN}]+")  # jieba.finalseg.re_han splits a buffer so
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba.finalseg.re_skip, for the non-Han pieces

_lock = threading.RLock()


class Segmenter(Protocol):
    """What tokens.py needs: jieba's `cut(text)` as a list."""

    backend: str

    def cut(self, text: str) -> list[str]: ...

    def has_word(self, word: str) -> bool: ...


def build_segmenter(domain_words: Iterable[DomainWord], backend: str = "auto") -> Segmenter:
    """Return a segmenter giving the tokens of jieba's dictionary plus `domain_words` (word, freq or None, tag).

    `backend` is "auto" (rjieba when installed and identical tokens can be promised, else jieba),
    "rjieba" (also a version not yet verified, for the tests; raise when not possible) or "jieba".
    """
    words = [(str(w), None if f is None else int(f), t or None) for w, f, t in domain_words]
    if backend not in ("auto", "rjieba", "jieba"):
        raise ValueError(f"backend={backend!r}; expected 'auto', 'rjieba' or 'jieba'")
    if backend != "jieba":
        try:
            import rjieba
        except ImportError:
            if backend == "rjieba":
                raise
        else:
            seg = RjiebaSegmenter.build(rjieba, words, verified_only=backend == "auto")
            if seg is not None:
                return seg
            if backend == "rjieba":
                raise ValueError("rjieba cannot give jieba's tokens for these domain words (a frequency of 0 or less)")
    return JiebaSegmenter(words)


class JiebaSegmenter:
    """A private jieba tokenizer with the domain words, as nlp/segment/tokens.py builds it."""

    def __init__(self, domain_words: Sequence[DomainWord]) -> None:
        with _lock:
            import jieba  # imported only where rjieba cannot give its tokens

            tk = jieba.Tokenizer()
            log = logging.getLogger("jieba")  # jieba logs its dictionary loading on a stderr handler of its own
            level = log.level
            log.setLevel(logging.WARNING)
            try:
                tk.initialize()
            finally:
                log.setLevel(level)
            for word, freq, tag in domain_words:
                tk.add_word(word, freq, tag)
        self._tk = tk
        self.backend = f"jieba {jieba.__version__}"

    def cut(self, text: str) -> list[str]:
        """Return jieba's tokens of `text`."""
        return list(self._tk.cut(text))

    def has_word(self, word: str) -> bool:
        """Whether the dictionary lists `word` (with a frequency above 0)."""
        return bool(self._tk.FREQ.get(word))


class RjiebaSegmenter:
    """jieba-rs (through rjieba) loaded to give jieba's tokens; blocks it would cut otherwise are recut."""

    def __init__(self, rj: Any, domain_words: Sequence[DomainWord], backend: str) -> None:
        self._rj = rj
        self._domain_words = domain_words
        self._jieba: JiebaSegmenter | None = None
        self.backend = backend
        self.jieba_blocks = 0  # blocks handed to jieba because the recut could not be sure; 0 on every known text
        self.domain_freqs: dict[str, int] = {}  # the frequency each domain word was given, as jieba gives it

    @classmethod
    def build(cls, rjieba: Any, domain_words: Sequence[DomainWord], verified_only: bool = True) -> RjiebaSegmenter | None:
        """Return the segmenter, or None when jieba's tokens cannot be promised (version, domain words)."""
        rj_version = version("rjieba")
        if verified_only and rj_version not in _RJIEBA_VERIFIED:
            return None
        raw = _jieba_dict_path().read_bytes()
        # jieba's frequencies are needed only for pieces of the domain words (to suggest their frequencies)
        pieces = {word[i:j] for word, _, _ in domain_words for i in range(len(word)) for j in range(i + 1, len(word) + 1)}
        if rj_version in _RJIEBA_VERIFIED and hashlib.sha256(raw).hexdigest() == _JIEBA_DICT_SHA256:
            rj = rjieba.Jieba()
            total, rs_total = _JIEBA_DICT_TOTALS
            entries = _dict_entries_starting_with(raw.decode("utf-8"), {p for p in pieces if len(p) == 1})
            how = "its own copy of jieba's dictionary"
        else:
            parsed = _parse_dict(raw)
            if parsed is None:
                return None  # jieba will report the bad line
            freqs, total = parsed
            rj = rjieba.Jieba.empty()
            rs_total = 0
            for word, freq in freqs.items():
                if freq:  # a word of frequency 0 is no word to jieba, and jieba-rs cannot hold one
                    rj.add_word(word, freq, None)
                    rs_total += freq
            entries = freqs
            how = "jieba's dict.txt"
        seg = cls(rj, domain_words, f"rjieba {rj_version} ({how})")
        known = _Frequencies(entries, pieces)
        rj.add_word(_SENTINEL, total - rs_total, None)
        for word, freq, tag in domain_words:
            if freq is None:
                freq = seg._suggest_freq(word, known, total)
            if freq <= 0:
                return None  # jieba keeps such a word out of the dictionary and force-splits it in the HMM step
            if word:  # jieba counts an empty word in its total only; the sentinel takes it
                rj.add_word(word, freq, tag)
                rs_total += freq - known.get(word, 0)
            total += freq
            known.add(word, freq)
            seg.domain_freqs[word] = freq
            rj.add_word(_SENTINEL, total - rs_total, None)
        return seg

    def has_word(self, word: str) -> bool:
        """Whether the dictionary lists `word`."""
        return word != _SENTINEL and bool(self._rj.has_word(word))

    def _suggest_freq(self, word: str, known: _Frequencies, total: int) -> int:
        """Return jieba's `suggest_freq(word)`: the frequency that keeps `word` whole at this total."""
        ftotal = float(total)
        freq: float = 1
        for seg in self._cut_without_hmm(word):
            freq *= known.get(seg, 1) / ftotal
        return max(int(freq * total) + 1, known.get(word, 1))

    def _cut_without_hmm(self, text: str) -> list[str]:
        """Return jieba's `cut(text, HMM=False)`."""
        out: list[str] = []
        pos = 0
        for m in _ALONE.finditer(text):
            if m.start() > pos:
                out += self._rj.cut(text[pos:m.start()], False)
            out.append(m.group())
            pos = m.end()
        if pos < len(text):
            out += self._rj.cut(text[pos:], False)
        return out

    def cut(self, text: str) -> list[str]:
        """Return jieba's tokens of `text`."""
        out: list[str] = []
        rj_cut = self._rj.cut
        pos = 0  # text[pos:] is not cut yet
        block_end = -1
        for m in _TROUBLE.finditer(text):
            i = m.start()
            if i < block_end:
                continue
            c = m.group()
            if c not in _SIGNS:
                if i > pos:
                    out += rj_cut(text[pos:i])
                out.append(c)
                pos = i + 1
                continue
            start = i
            while start > pos:
                c = text[start - 1]
                if not ("\u4e00" <= c <= "\u9fd5" or c in _ASCII_BLOCK_CHARS):
                    break
                start -= 1
            block_end = _BLOCK_REST.match(text, i).end()  # type: ignore[union-attr]  # matches the empty string
            block = text[start:block_end]
            if all(_PLAIN_RUN.fullmatch(run) for run in _ASCII_RUN.findall(block)):
                continue
            if start > pos:
                out += rj_cut(text[pos:start])
            out += self._cut_block(block)
            pos = block_end
        if pos < len(text):
            out += rj_cut(text[pos:])
        return out

    def _cut_block(self, block: str) -> list[str]:
        """Return jieba's tokens of one block (a run of jieba's block characters)."""
        out = self._recut(block)
        if out is None:
            self.jieba_blocks += 1
            out = self._jieba_fallback().cut(block)
        return out

    def _recut(self, block: str) -> list[str] | None:
        """Return jieba's tokens of `block` rebuilt from rjieba's two cuts, or None when that is not sure.

        jieba walks the dictionary route: a word of two or more characters is a token; runs of
        one-character steps are buffered, and a buffer that is no word goes to the HMM, whose non-Han
        pieces jieba splits with its own pattern. rjieba's cut without HMM gives the route (with runs of
        one-letter or one-digit steps joined); its cut with HMM gives the HMM's Han tokens.
        """
        has_word = self._rj.has_word
        hmm = self._rj.cut(block, True)
        starts: dict[int, int] = {}
        p = 0
        for k, w in enumerate(hmm):
            starts[p] = k
            p += len(w)
        out: list[str] = []
        buf = -1
        p = 0
        for w in self._rj.cut(block, False):
            n = len(w)
            if n == 1 or (w.isascii() and w.isalnum()):
                if n > 1 and has_word(w):
                    return None  # one dictionary step or several one-character steps: cannot tell
                if buf < 0:
                    buf = p
            else:
                if buf >= 0:
                    if not self._flush(block, buf, p, hmm, starts, out):
                        return None
                    buf = -1
                out.append(w)
            p += n
        if buf >= 0 and not self._flush(block, buf, p, hmm, starts, out):
            return None
        return out

    def _flush(self, block: str, i: int, j: int, hmm: list[str], starts: dict[int, int], out: list[str]) -> bool:
        """Append jieba's tokens for the buffer block[i:j]; False when rjieba's HMM tokens do not line up."""
        if j - i == 1:
            out.append(block[i])
            return True
        buf = block[i:j]
        if self._rj.has_word(buf):
            out.extend(buf)
            return True
        for m in _HMM_PIECES.finditer(buf):
            piece = m.group()
            if "\u4e00" <= piece[0] <= "\u9fd5":
                a, b = i + m.start(), i + m.end()
                k = starts.get(a)
                if k is None:
                    return False
                while a < b:
                    out.append(hmm[k])
                    a += len(hmm[k])
                    k += 1
                if a != b:
                    return False
            else:
                out.extend(x for x in _HMM_SKIP.split(piece) if x)
        return True

    def _jieba_fallback(self) -> JiebaSegmenter:
        with _lock:
            if self._jieba is None:
                self._jieba = JiebaSegmenter(self._domain_words)
            return self._jieba


class _Frequencies:
    """jieba's `FREQ.get` for the strings in `pieces`: a word's frequency, 0 for a prefix of a word, else the default."""

    def __init__(self, words: dict[str, int], pieces: set[str]) -> None:
        self.words = {w: f for w, f in words.items() if w in pieces}
        self.prefixes: set[str] = set()
        for w in words:
            for k in range(1, len(w)):
                if w[:k] not in pieces:
                    break  # a longer prefix contains this one, so it is no piece either
                self.prefixes.add(w[:k])

    def get(self, s: str, default: int) -> int:
        if s in self.words:
            return self.words[s]
        return 0 if s in self.prefixes else default

    def add(self, word: str, freq: int) -> None:
        self.words[word] = freq
        self.prefixes.update(word[:k] for k in range(1, len(word)))


def _jieba_dict_path() -> Path:
    """Return jieba's dict.txt without importing jieba (its import loads pkg_resources when present)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed; it is a dependency of nlp (pip install jieba)")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _dict_entries_starting_with(text: str, chars: set[str]) -> dict[str, int]:
    """Return {word: freq} of the dictionary lines whose word starts with one of `chars` (the last line wins)."""
    if not chars:
        return {}
    first = "".join(re.escape(c) for c in sorted(chars))
    # a literal "\n" first lets the regex engine jump from line to line
    return {w: int(f) for w, f in re.findall(f"\n([{first}][^ \n]*) ([0-9]+)", "\n" + text)}


def _parse_dict(raw: bytes) -> tuple[dict[str, int], int] | None:
    """Return jieba's ({word: freq}, total) for a dictionary file, as `Tokenizer.gen_pfdict` reads it (no prefixes)."""
    lines = raw.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    freqs: dict[str, int] = {}
    total = 0
    try:
        for line in lines:
            word, freq_text = line.strip().decode("utf-8").split(" ")[:2]
            freq = int(freq_text)
            freqs[word] = freq
            total += freq
    except ValueError:  # includes UnicodeDecodeError
        return None
    return freqs, total
