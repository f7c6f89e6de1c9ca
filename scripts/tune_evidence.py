"""Choose the weights of the evidence scorer (nlp.match.evidence.SCORER) on the development units gold.

    python scripts/tune_evidence.py [GOLD...]

Default gold: every units gold found (../shared/gold/units.dev.json, corpora/gold/units_*.json) but those marked
held out. For each gold,
every directive × document cell is analysed once; every sentence of that document's review that shares a term
with the directive is a candidate, positive when it is a gold evidence sentence. A grid over the weights of
coverage, rarity, head term and items and over the bias is scored as the units scorer counts: the share of known
cells with a gold sentence among the top three above the threshold, and the share of unknown cells given
evidence. Candidates are printed best first by the sum over golds of evidence share minus false share; the
chosen weights are set by hand in SCORER (with the figures in its comment).
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from nlp.gold import default_gold_files, find_document
from nlp.match.evidence import MAX_EVIDENCE, ONE_CONCEPT, Features, Scorer, cell_candidates
from nlp.pipeline import analyze
from nlp.types import Analysis


@dataclass
class Cell:
    features: list[Features]
    positive: list[bool]
    known: bool
    common: list[bool]  # all a candidate shares with the directive is one common concept


def _directive_index(base: Analysis, text: str) -> int | None:
    key = "".join(text.split())
    for i, d in enumerate(base.directives):
        flat = "".join(d.text.split())
        if key in flat or (len(flat) >= 0.5 * len(key) and flat in key):
            return i
    return None


def gold_cells(path: Path) -> list[Cell]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    base = analyze(find_document(path, gold["base"]))
    others = [analyze(find_document(path, name)) for name in gold["documents"]]
    coords, feats, sents, common = cell_candidates(base, others)
    by_cell = {c: (f, s, o) for c, f, s, o in zip(coords, feats, sents, common, strict=True)}
    raw = find_document(path, gold["base"]).read_text(encoding="utf-8")
    cells = []
    for link in gold["links"]:
        d = next(x for x in gold["directives"] if x["id"] == link["directive"])
        i = _directive_index(base, raw[d["start"]:d["end"]])
        if i is None:
            continue
        n = gold["documents"].index(link["document"])
        f, s, o = by_cell[(i, n)]
        doc = others[n].document
        spans = [(e["start"], e["end"]) for e in link["evidence"]]
        positive = [any(min(doc.source_offset(x.end - 1) + 1, b) - max(doc.source_offset(x.start), a) > 0
                        for a, b in spans) for x in s]
        cells.append(Cell(f, positive, link["status"] != "unknown", o))
    return cells


def shares(scorer: Scorer, cells: list[Cell]) -> tuple[float, float]:
    hits = known = false = unknown = 0
    for c in cells:
        # the decision `nlp compare` makes: the threshold, and ONE_CONCEPT for one common concept shared
        ranked = sorted(((p, k) for k, f in enumerate(c.features) if (p := scorer.probability(f)) >= scorer.threshold
                         and (p >= ONE_CONCEPT or not c.common[k])), reverse=True)[:MAX_EVIDENCE]
        if c.known:
            known += 1
            hits += any(c.positive[k] for _, k in ranked)
        else:
            unknown += 1
            false += bool(ranked)
    return hits / max(known, 1), false / max(unknown, 1)


def main() -> None:
    # the held-out golds (`"held_out": true`) measure what was tuned elsewhere: never tuned on unless named
    golds = [Path(a) for a in sys.argv[1:]] or [
        p for p in default_gold_files() if p.name.startswith("units")
        and not json.loads(p.read_text(encoding="utf-8")).get("held_out")]
    cells = {p.name: gold_cells(p) for p in golds}
    results = []
    for wc, wr, wh, wi, bias in itertools.product((4, 6, 8), (4, 6, 8, 10), (0, 1, 2), (0, 0.5, 1), (-8, -9, -10, -11)):
        scorer = Scorer(weights=(wc, wr, 0.5, 0.5, wh, wi, 1.0, 1.0), bias=bias, threshold=0.5)
        per = {name: shares(scorer, c) for name, c in cells.items()}
        results.append((sum(e - f for e, f in per.values()), (wc, wr, wh, wi, bias), per))
    results.sort(key=lambda r: -r[0])
    for total, weights, per in results[:10]:
        figures = "  ".join(f"{name}: evidence {e:.3f} false {f:.3f}" for name, (e, f) in per.items())
        print(f"{total:.3f}  coverage, rarity, head, items, bias = {weights}  {figures}")


if __name__ == "__main__":
    main()
