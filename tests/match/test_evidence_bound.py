"""The exact pruning of `match_directives`: no sentence that could reach the scorer's threshold is left out."""

from __future__ import annotations

import math
from pathlib import Path

from nlp.ingest import read_bytes
from nlp.match.evidence import (
    SCORER,
    DirectiveTerms,
    Scorer,
    all_within_reach,
    candidate_features,
    directives_by_term,
    features,
    inverted,
    least_gain,
    rarest_first,
    sharing,
    term_gains,
    within_reach,
)
from nlp.pipeline import analyze_document
from nlp.types import Analysis

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "compare"
OTHERS = ["dongcheng.txt", "xishan.docx", "nanhu.pdf", "beiling.html"]


def _analyse(path: Path) -> Analysis:
    return analyze_document(read_bytes(path.read_bytes(), str(path), path.suffix))


def test_gains_bound_every_candidates_score() -> None:
    base = _analyse(SAMPLE / "city_speech.txt")
    others = [_analyse(SAMPLE / n) for n in OTHERS]
    d_items, _, pool_terms, idf, _ = candidate_features(base, others)
    d_terms = [DirectiveTerms.of(items, idf) for items in d_items]
    floor = least_gain(SCORER)
    candidates = passing = 0
    for terms in pool_terms:
        postings = inverted(terms)
        for d in d_terms:
            gains = term_gains(d, idf, SCORER.weights)
            reach = set(within_reach(gains, postings, floor))
            for j in sharing(d, postings):
                f = features(d, terms[j], idf)
                score = sum(w * x for w, x in zip(SCORER.weights, f.vector(), strict=True))
                shared = [(gain, rarest) for t, gain, rarest in gains if t in terms[j]]
                assert score <= sum(g for g, _ in shared) + max(r for _, r in shared) + 1e-9
                if SCORER.probability(f) >= SCORER.threshold:
                    passing += 1
                    assert j in reach
                candidates += 1
    assert passing and candidates > passing


def test_one_pass_for_all_directives_finds_what_each_alone_does() -> None:
    base = _analyse(SAMPLE / "city_speech.txt")
    others = [_analyse(SAMPLE / n) for n in OTHERS]
    d_items, _, pool_terms, idf, _ = candidate_features(base, others)
    gains = [term_gains(DirectiveTerms.of(items, idf), idf, SCORER.weights) for items in d_items]
    floor = least_gain(SCORER)
    by_term, rank = directives_by_term(gains), rarest_first(idf)
    found = 0
    for terms in pool_terms:
        postings = inverted(terms)
        every = all_within_reach(by_term, rank, terms, floor)
        assert [every.get(i, []) for i in range(len(gains))] == [within_reach(g, postings, floor) for g in gains]
        assert all(every.values())  # only the directives some sentence is within reach of
        found += sum(map(len, every.values()))
    assert found


def test_no_bound_for_negative_weights_or_certain_thresholds() -> None:
    assert least_gain(SCORER) == 10.0 - 1e-6
    assert least_gain(Scorer(weights=(8.0, -1.0), bias=-10.0, threshold=0.5)) == -math.inf
    assert least_gain(Scorer(weights=(8.0, 1.0), bias=-10.0, threshold=1.0)) == -math.inf
