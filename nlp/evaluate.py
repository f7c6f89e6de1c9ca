"""Scores of ANNOTATION.md "Scoring" for gold files in the analysis gold format.

Gold offsets point into the source text (the file as decoded, newlines
normalised); predictions are mapped back there through the document's
source map, so boilerplate removal and line repair do not shift them.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.util
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from nlp.extract.campaigns import canonical
from nlp.gold import SHARED, find_document
from nlp.match.compare import COMPARED_STAGES, compare
from nlp.match.results import find_result, index_results
from nlp.pipeline import analyze
from nlp.serialize import to_data
from nlp.spans import overlap
from nlp.types import Analysis

Span = tuple[int, int]
UNITS_SCORER = SHARED / "tools" / "check_units.py"


def _prf(tp_gold: int, n_gold: int, tp_pred: int, n_pred: int) -> dict[str, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n_gold, "predicted": n_pred}


def _acc(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def match_spans(gold: Sequence[Span], pred: Sequence[Span], borderline: Sequence[Span] = ()) -> tuple[
        dict[int, int], int, int]:
    """Match gold to predicted spans: a gold item is found when a prediction overlaps at least half of it.

    Return (gold index -> predicted index), correct predictions, counted predictions.
    A prediction overlapping only borderline gold counts neither way.
    """
    found: dict[int, int] = {}
    for gi, g in enumerate(gold):
        need = (g[1] - g[0]) / 2
        best, best_ov = None, 0
        for pi, p in enumerate(pred):
            ov = overlap(g, p)
            if ov >= need and ov > best_ov:
                best, best_ov = pi, ov
        if best is not None:
            found[gi] = best
    correct = counted = 0
    for p in pred:
        if any(overlap(p, g) > 0 for g in gold):
            correct += 1
            counted += 1
        elif any(overlap(p, b) > 0 for b in borderline):
            continue
        else:
            counted += 1
    return found, correct, counted


class _Mapper:
    """Map analysed-text spans to source-text spans."""

    def __init__(self, analysis: Analysis) -> None:
        self.doc = analysis.document

    def __call__(self, start: int, end: int) -> Span:
        s = self.doc.source_offset(start)
        e = self.doc.source_offset(end - 1) + 1 if end > start else s
        return (s, e)


def _locate(source: str, text: str) -> Span | None:
    i = source.find(text)
    return (i, i + len(text)) if i >= 0 else None


def _values_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, list) or isinstance(b, list):
        if not (isinstance(a, list) and isinstance(b, list)) or len(a) != len(b):
            return False
        return all(_values_equal(x, y) for x, y in zip(a, b, strict=True))
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return a == b


def score(gold: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Return the scores of one analysis against one gold annotation."""
    to_src = _Mapper(analysis)
    source = analysis.document.source_text
    out: dict[str, Any] = {"document": gold.get("document")}

    # directives
    g_dirs = gold.get("directives", [])
    g_spans = [(d["start"], d["end"]) for d in g_dirs]
    b_spans = [(d["start"], d["end"]) for d in gold.get("borderline_directives", [])]
    p_spans = [to_src(d.start, d.end) for d in analysis.directives]
    found, correct, counted = match_spans(g_spans, p_spans, b_spans)
    # field accuracies over the found directives whose gold annotates that field
    hits = {"modality": [0, 0], "deadline": [0, 0], "actors": [0, 0]}
    for gi, pi in found.items():
        g, p = g_dirs[gi], analysis.directives[pi]
        if "modality" in g:
            hits["modality"][0] += g["modality"] == p.modality
            hits["modality"][1] += 1
        if "deadline" in g:
            hits["deadline"][0] += (g["deadline"] or {}).get("kind") == (p.deadline.kind if p.deadline else None)
            hits["deadline"][1] += 1
        if "actors" in g:
            hits["actors"][0] += {canonical(a) for a in g["actors"]} == {canonical(a) for a in p.actors}
            hits["actors"][1] += 1
    out["directives"] = {**_prf(len(found), len(g_dirs), correct, counted),
                         "modality_accuracy": _acc(*hits["modality"]),
                         "deadline_accuracy": _acc(*hits["deadline"]),
                         "actors_exact_set": _acc(*hits["actors"])}

    # reports
    g_reps = gold.get("reports", [])
    r_spans = [(r["start"], r["end"]) for r in g_reps]
    rb_spans = [(r["start"], r["end"]) for r in gold.get("borderline_reports", [])]
    pr_spans = [to_src(r.start, r.end) for r in analysis.reports]
    rfound, rcorrect, rcounted = match_spans(r_spans, pr_spans, rb_spans)
    polarity = sum(g_reps[gi].get("polarity") == analysis.reports[pi].polarity for gi, pi in rfound.items())
    out["reports"] = {**_prf(len(rfound), len(g_reps), rcorrect, rcounted),
                      "polarity_accuracy": _acc(polarity, len(rfound))}
    if gold.get("sections"):
        out["roles"] = score_roles(gold, analysis)
    if "campaigns" not in gold:
        return out  # sentence-level gold (directives and reports only)

    # campaigns: sets of canonical names; aliases count as the name
    names: dict[str, str] = {}
    borderline: set[str] = set()
    mention_spans: list[Span] = []
    borderline_spans: list[Span] = []
    for c in gold.get("campaigns", []):
        key = canonical(c["name"])
        for alias in [c["name"], *c.get("aliases", [])]:
            names[canonical(alias)] = key
        spans = [(m["start"], m["end"]) for m in c.get("mentions", [])]
        if c.get("borderline"):
            borderline.add(key)
            borderline_spans.extend(spans)
        else:
            mention_spans.extend(spans)
    gold_set = {v for v in names.values() if v not in borderline}
    predicted = [c for c in analysis.campaigns if c.kind != "law"]
    hits: set[str] = set()
    counted_c = correct_c = 0
    for c in predicted:
        key = names.get(canonical(c.name))
        if key is None:
            key = next((names[canonical(m.text)] for m in c.mentions if canonical(m.text) in names), None)
        if key in borderline or (key is None and any(
                overlap(to_src(m.start, m.end), b) > 0 for m in c.mentions for b in borderline_spans)):
            continue  # a borderline campaign, or a shorter name inside one, counts neither way
        counted_c += 1
        if key is not None:
            correct_c += 1
            hits.add(key)
    p_mentions = [to_src(m.start, m.end) for c in predicted for m in c.mentions]
    m_found = sum(any(overlap(g, p) > 0 for p in p_mentions) for g in mention_spans)
    out["campaigns"] = {**_prf(len(hits), len(gold_set), correct_c, counted_c),
                        "mention_recall": _acc(m_found, len(mention_spans)),
                        "missed": sorted(gold_set - hits),
                        "false": sorted(canonical(c.name) for c in predicted
                                        if names.get(canonical(c.name)) is None
                                        and not any(canonical(m.text) in names for m in c.mentions)
                                        and not any(overlap(to_src(m.start, m.end), b) > 0
                                                    for m in c.mentions for b in borderline_spans))}
    gold_laws = {canonical(x) for x in gold.get("laws", [])}
    if gold_laws:
        pred_laws = {canonical(c.name) for c in analysis.campaigns if c.kind == "law"}
        pred_law_mentions = {canonical(m.text) for c in analysis.campaigns if c.kind == "law" for m in c.mentions}
        law_hits = {g for g in gold_laws if g in pred_laws or g in pred_law_mentions}
        out["laws"] = {"recall": _acc(len(law_hits), len(gold_laws)), "predicted": len(pred_laws)}

    # quantities (only where the gold annotates them)
    g_qs = gold.get("quantities", []) if "quantities" in gold else None
    if g_qs is None:
        return _links_and_outline(gold, analysis, to_src, source, out)
    q_spans = [(q["start"], q["end"]) for q in g_qs]
    pq_spans = [to_src(q.start, q.end) for q in analysis.quantities]
    qfound, qcorrect, qcounted = match_spans(q_spans, pq_spans)
    kind = value = masked = 0
    for gi, pi in qfound.items():
        g, p = g_qs[gi], analysis.quantities[pi]
        kind += g.get("kind") == p.kind
        value += _values_equal(g.get("value"), p.value)
        masked += bool(g.get("masked")) == p.masked
    out["quantities"] = {**_prf(len(qfound), len(g_qs), qcorrect, qcounted),
                         "kind_accuracy": _acc(kind, len(qfound)), "value_accuracy": _acc(value, len(qfound)),
                         "masked_accuracy": _acc(masked, len(qfound))}
    return _links_and_outline(gold, analysis, to_src, source, out)


def score_roles(gold: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Score section roles sentence by sentence: the role of the part each gold sentence starts in."""
    doc = analysis.document
    g_starts = [s["start"] for s in gold["sections"]]
    p_starts = [s.start for s in analysis.sections]
    right = total = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for sent in gold.get("sentences", []):
        gi = bisect.bisect_right(g_starts, sent["start"]) - 1
        at = doc.text_offset(sent["start"])
        pi = bisect.bisect_right(p_starts, at) - 1
        if gi < 0 or pi < 0 or at < 0:
            continue
        g, p = gold["sections"][gi]["role"], analysis.sections[pi].role
        total += 1
        right += g == p
        if g != p:
            confusion[(g, p)] += 1
    return {"accuracy": _acc(right, total), "sentences": total,
            "confused": {f"{g}->{p}": n for (g, p), n in confusion.most_common(6)}}


def _links_and_outline(gold: dict[str, Any], analysis: Analysis, to_src: _Mapper, source: str,
                       out: dict[str, Any]) -> dict[str, Any]:

    # links
    g_links = gold.get("links", [])
    if g_links:
        by_directive = {link.directive: link for link in analysis.links}
        reports_by_id = {r.id: r for r in analysis.reports}
        link_hits = status_hits = 0
        for link in g_links:
            d_span = _locate(source, link["directive"])
            r_spans_g = [s for s in (_locate(source, r) for r in link["reports"]) if s]
            if d_span is None:
                continue
            need = (d_span[1] - d_span[0]) / 2
            pred_d = [d for d in analysis.directives if overlap(to_src(d.start, d.end), d_span) >= need]
            hit = None
            for d in pred_d:
                pl = by_directive.get(d.id)
                if pl is None:
                    continue
                for rid in pl.reports:
                    r = reports_by_id[rid]
                    if any(overlap(to_src(r.start, r.end), g) > 0 for g in r_spans_g):
                        hit = pl
                        break
                if hit:
                    break
            if hit is not None:
                link_hits += 1
                status_hits += hit.status == link.get("status")
        out["links"] = {"gold": len(g_links), "found": link_hits, "recall": _acc(link_hits, len(g_links)),
                        "status_accuracy": _acc(status_hits, link_hits), "predicted": len(analysis.links)}

    # outline
    g_out = gold.get("outline", [])
    if g_out:
        p_out = {(to_src(o.start, o.end), o.level) for o in analysis.outline}
        g_set = {((o["start"], o["end"]), o["level"]) for o in g_out}
        tp = len(g_set & p_out)
        out["outline"] = _prf(tp, len(g_set), tp, len(p_out))
    return out


def score_targets(gold_targets: Sequence[dict[str, Any]], analysis: Analysis) -> dict[str, Any]:
    """Score the targets found in one document against gold targets (offsets into the raw file)."""
    to_src = _Mapper(analysis)
    spans = [to_src(t.start, t.end) for t in analysis.targets]
    found = value = unit = qualifier = direction = key = 0
    missed: list[str] = []
    for g in gold_targets:
        g_span = (g["target_start"], g["target_start"] + len(g["target_text"]))
        candidates = [t for t, s in zip(analysis.targets, spans, strict=True) if overlap(s, g_span) > 0]
        hit = next((t for t in candidates if _values_equal(t.value, g["value"])), candidates[0] if candidates else None)
        if hit is None:
            missed.append(g["target_text"])
            continue
        found += 1
        value += _values_equal(hit.value, g["value"])
        unit += (hit.unit or "") == (g.get("unit") or "")
        qualifier += hit.qualifier == g.get("qualifier")
        direction += hit.direction == g.get("direction")
        key += hit.key == g.get("key")
    n = len(gold_targets)
    return {"gold": n, "found": found, "recall": _acc(found, n), "value_accuracy": _acc(value, found),
            "unit_accuracy": _acc(unit, found), "qualifier_accuracy": _acc(qualifier, found),
            "direction_accuracy": _acc(direction, found), "key_accuracy": _acc(key, found), "missed": missed}


def score_results(gold_targets: Sequence[dict[str, Any]], base: Analysis, other: Analysis) -> dict[str, Any]:
    """Score the results found in the later report: right figure (or rightly none) and right status."""
    to_src = _Mapper(base)
    index = index_results(other)
    spans = [to_src(t.start, t.end) for t in base.targets]
    right = status = 0
    wrong: list[str] = []
    for g in gold_targets:
        g_span = (g["target_start"], g["target_start"] + len(g["target_text"]))
        target = next((t for t, s in zip(base.targets, spans, strict=True) if overlap(s, g_span) > 0), None)
        result = find_result(target, other, index) if target is not None else None
        if g.get("result_value") is None:
            ok = result is None
        else:
            ok = result is not None and _values_equal(result.value, g["result_value"])
        right += ok
        got = "unknown" if result is None else result.status
        status += got == g.get("status")
        if not ok or got != g.get("status"):
            wrong.append(f"{g['target_text']} → {result.text if result else None} ({got})")
    n = len(gold_targets)
    return {"results_right": right, "results_accuracy": _acc(right, n), "status_accuracy": _acc(status, n),
            "wrong": wrong}


def _target_pairs(path: Path, gold: dict[str, Any]) -> dict[str, Any]:
    per_doc = []
    totals: dict[str, int] = {"gold": 0, "found": 0, "results_right": 0, "status_right": 0}
    for pair in gold["pairs"]:
        base = analyze(find_document(path, pair["targets_doc"]), stages=COMPARED_STAGES)
        s = score_targets(pair["targets"], base)
        r: dict[str, Any] = {}
        if pair.get("results_doc"):
            try:
                other = analyze(find_document(path, pair["results_doc"]), stages=COMPARED_STAGES)
            except FileNotFoundError:
                other = None
            if other is not None:
                r = score_results(pair["targets"], base, other)
                totals["results_right"] += r["results_right"]
                totals["status_right"] += round((r["status_accuracy"] or 0) * s["gold"])
        per_doc.append({"document": pair["targets_doc"], "results_doc": pair.get("results_doc"), **s, **r})
        totals["gold"] += s["gold"]
        totals["found"] += s["found"]
    fields = ("value_accuracy", "unit_accuracy", "qualifier_accuracy", "direction_accuracy", "key_accuracy")
    summary: dict[str, Any] = {"gold": totals["gold"], "found": totals["found"],
                               "recall": _acc(totals["found"], totals["gold"])}
    for f in fields:
        weighted = sum((d[f] or 0) * d["found"] for d in per_doc)
        summary[f] = _acc(round(weighted), totals["found"])
    summary["results_accuracy"] = _acc(totals["results_right"], totals["gold"])
    summary["status_accuracy"] = _acc(totals["status_right"], totals["gold"])
    return {"gold": str(path), "targets": summary, "documents": per_doc,
            "note": "results: the later report's figure for each target (or rightly none), and the status"}


def score_compare_links(path: Path, gold: dict[str, Any]) -> dict[str, Any]:
    """Score `nlp compare` on link gold: the evidence sentence found and the status, for each directive × document."""
    folder = path.parent
    base = analyze(folder / gold["base"], stages=COMPARED_STAGES)
    others = [analyze(folder / name, stages=COMPARED_STAGES) for name in gold["documents"]]
    result = compare(base, others)
    found = status = 0
    wrong: list[str] = []
    for link in gold["links"]:
        n = gold["documents"].index(link["document"])
        directive = next((d for d in result.directives if link["directive"] in d.text), None)
        if directive is None:
            wrong.append(f"{link['directive']}: no such directive found")
            continue
        r = directive.results[n]
        if link["evidence"] is None:
            hit = not r.evidence
        else:
            hit = any(link["evidence"] in e.text for e in r.evidence)
        found += hit
        status += hit and r.status == link["status"]
        if not hit or r.status != link["status"]:
            shown = r.evidence[0].text if r.evidence else None
            wrong.append(f"{link['directive']} / {link['document']}: {shown} ({r.status}, gold {link['status']})")
    n = len(gold["links"])
    return {"gold": str(path), "links": {"gold": n, "found": found, "recall": _acc(found, n),
                                         "status_accuracy": _acc(status, found), "wrong": wrong}}


def _units_scorer() -> Any:
    """Load ../shared/tools/check_units.py, the scorer of directive-to-unit gold, as a module."""
    spec = importlib.util.spec_from_file_location("check_units", UNITS_SCORER)
    if spec is None or spec.loader is None or not UNITS_SCORER.is_file():
        raise FileNotFoundError(f"{UNITS_SCORER}: the scorer of units gold is absent")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BINARY_FORMATS = (".docx", ".pdf")


def _reference_text(path: Path) -> Path:
    """The text a units gold's offsets point into: the document itself, or for one in a binary format (.docx, .pdf)
    the text beside it of the same name (.txt), which its gold takes as its text."""
    if path.suffix.lower() not in BINARY_FORMATS:
        return path
    text = path.with_suffix(".txt")
    if not text.is_file():
        raise FileNotFoundError(f"{path}: a gold on a {path.suffix} document needs its text beside it ({text.name})")
    return text


def score_units(path: Path, gold: dict[str, Any]) -> dict[str, Any]:
    """Score `nlp compare` on units gold (directives of a base traced into reporting documents: evidence and
    status per cell) with the definitions of ../shared/tools/check_units.py, which it runs as it is.

    Gold kept as offsets only (the team's, about third-party documents) gets its texts from the documents; a
    document in a binary format is scored against its reference text beside it (`_reference_text`).
    """
    scorer = _units_scorer()
    paths = {name: find_document(path, name) for name in [gold["base"], *gold["documents"]]}
    docs = {name: scorer.Doc(str(_reference_text(paths[name]))) for name in gold["documents"]}
    base_text = scorer.Doc(str(_reference_text(paths[gold["base"]]))).text
    gold = {**gold, "directives": [{**d, "text": base_text[d["start"]:d["end"]]} for d in gold["directives"]],
            "links": [{**link, "evidence": [{**e, "text": docs[link["document"]].text[e["start"]:e["end"]]}
                                           for e in link["evidence"]]} for link in gold["links"]]}
    comparison = compare(analyze(paths[gold["base"]], stages=COMPARED_STAGES),
                         [analyze(paths[name], stages=COMPARED_STAGES) for name in gold["documents"]])
    s = scorer.score(gold, docs, to_data(comparison))
    found, evidence, status, false = scorer.fractions(s)
    return {"gold": str(path), "units": {
        "directives_found": round(found, 4), "evidence": round(evidence, 4), "status": round(status, 4),
        "false_evidence": round(false, 4), "unknown_kept": round(1 - false, 4),
        "cells": s["cells"], "known": s["known"], "unknown": s["unknown"],
        "report": scorer.report(gold, s)}}


def evaluate_files(files: Iterable[str | Path]) -> dict[str, Any]:
    """Analyse the document of each gold file and return per-file scores."""
    results = []
    for f in files:
        path = Path(f)
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "pairs" in gold:
            results.append(_target_pairs(path, gold))
            continue
        if "base" in gold and "directives" in gold:
            try:
                results.append(score_units(path, gold))
            except FileNotFoundError as exc:
                results.append({"gold": str(path), "skipped": str(exc)})
            continue
        if "base" in gold and "links" in gold:
            results.append(score_compare_links(path, gold))
            continue
        doc_path = find_document(path, gold["document"])
        if "source_sha256" in gold and hashlib.sha256(doc_path.read_bytes()).hexdigest() != gold["source_sha256"]:
            raise ValueError(f"{path}: {doc_path} is not the document this gold annotates (sha256 differs)")
        analysis = analyze(doc_path)
        results.append({"gold": str(path), "path": str(doc_path), **score(gold, analysis)})
    return {"schema": "nlp.evaluation/1", "files": results}


def format_report(report: dict[str, Any]) -> str:
    lines: list[str] = []
    for r in report["files"]:
        lines.append(f"== {r['gold']}")
        if "skipped" in r:
            lines.append(f"   skipped: {r['skipped']}")
            continue
        if "units" in r:
            s = r["units"]
            lines.append(f"   units       directives found {s['directives_found']}, evidence {s['evidence']}, "
                         f"status {s['status']}, false evidence on unknown {s['false_evidence']} "
                         f"({s['cells']} cells, {s['known']} known)")
            lines.extend(f"     {line}" for line in s["report"])
            continue
        if "targets" in r:
            s = r["targets"]
            accs = " ".join(f"{k}={v}" for k, v in s.items() if k.endswith("accuracy"))
            lines.append(f"   targets     found {s['found']}/{s['gold']} (recall {s['recall']}) {accs}")
            for d in r["documents"]:
                if d["missed"]:
                    lines.append(f"     {d['document']}: missed {'; '.join(d['missed'])}")
                for w in d.get("wrong", []):
                    lines.append(f"     {d.get('results_doc')}: {w}")
            continue
        if "roles" in r:
            s = r["roles"]
            confused = ", ".join(f"{k} {v}" for k, v in s["confused"].items())
            lines.append(f"   roles       accuracy={s['accuracy']} over {s['sentences']} sentences"
                         + (f" (confused: {confused})" if confused else ""))
        for key in ("directives", "reports", "campaigns", "quantities", "outline"):
            s = r.get(key)
            if not s:
                continue
            extra = " ".join(f"{k}={v}" for k, v in s.items()
                             if k not in ("precision", "recall", "f1", "gold", "predicted", "missed", "false")
                             and v is not None)
            lines.append(f"   {key:<11} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
                         f"(gold {s['gold']}, predicted {s['predicted']}) {extra}".rstrip())
        if "links" in r and "wrong" in r["links"]:
            s = r["links"]
            lines.append(f"   compare     links found {s['found']}/{s['gold']} status_accuracy={s['status_accuracy']}")
            lines.extend(f"     {w}" for w in s["wrong"])
            continue
        if "laws" in r:
            lines.append(f"   laws        recall={r['laws']['recall']}")
        if "links" in r:
            s = r["links"]
            lines.append(f"   links       found {s['found']}/{s['gold']} status_accuracy={s['status_accuracy']}")
    return "\n".join(lines) + "\n"
