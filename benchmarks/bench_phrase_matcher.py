"""Benchmark: spaCy's PhraseMatcher over jieba-token Docs against the campaign lexicon's trie regex.

Run from the repository root with spaCy installed (it is not a dependency): python benchmarks/bench_phrase_matcher.py
Both find the lexicon's aliases in the same texts (../shared/corpus, or the team's samples); the ratio is the
matcher's time (making the Docs from the tokens included, the segmentation not) over the regex's.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.extract.campaigns import _lexicon  # noqa: E402
from nlp.segment.tokens import tokenize  # noqa: E402


def main() -> None:
    try:
        t0 = time.perf_counter()
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc
        import_seconds = time.perf_counter() - t0
    except ImportError:
        print("spaCy is not installed: nothing to compare")
        return
    shared = ROOT.parent / "shared" / "corpus"
    paths = sorted(shared.rglob("*.txt")) if shared.is_dir() else sorted((ROOT / "corpora").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = [[t.text for t in tokenize(text)] for text in texts]
    aliases, lexicon_regex, _ = _lexicon()
    if lexicon_regex is None:
        print("no lexicon")
        return
    vocab = spacy.blank("xx").vocab
    matcher = PhraseMatcher(vocab)
    matcher.add("campaign", [Doc(vocab, words=[t.text for t in tokenize(a)]) for a in aliases])

    t0 = time.perf_counter()
    spacy_hits = sum(len(matcher(Doc(vocab, words=w, spaces=[False] * len(w)))) for w in words)
    spacy_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    regex_hits = sum(1 for text in texts for _ in lexicon_regex.finditer(text))
    regex_seconds = time.perf_counter() - t0

    print(f"{len(aliases)} aliases, {len(texts)} texts; importing spaCy {import_seconds:.2f} s")
    print(f"PhraseMatcher over token Docs: {spacy_seconds:.3f} s ({spacy_hits} matches, nested ones too)")
    print(f"trie regex over the text:      {regex_seconds:.3f} s ({regex_hits} matches, leftmost longest)")
    print(f"ratio PhraseMatcher / regex:   {spacy_seconds / regex_seconds:.1f}")


if __name__ == "__main__":
    main()
