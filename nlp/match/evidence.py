"""Directives of one document matched to the evidence other documents give of their execution.

Retrieval is TF-IDF over jieba tokens (scikit-learn, imported only here), with bonuses for the
campaigns, metrics and units a directive and a sentence share. Status comes from the evidence: the
directive's own target when it has one (全覆盖 reached, 零突破 still zero, 每年两三件 against the count
reported), otherwise the polarity of the report sentences found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.extract.campaigns import canonical
from nlp.extract.metrics import metric_mentions
from nlp.extract.reports import polarity
from nlp.segment.tokens import tokenize
from nlp.types import Analysis, Directive, DirectiveResult, Evidence, Quantity, Sentence, Status

MIN_SCORE = 0.18  # below this a sentence shares words, not a matter; chosen on the team's compare sample
MAX_EVIDENCE = 3
MIN_CHARS = 8  # shorter lines are titles and salutations
SENTENCE_END = "。！？；;!?"
CLEAR_MATCH = 0.35  # evidence this close that states nothing negative: the unit reports it done
IN_PROGRESS = re.compile(r"正在|推进中|初查中|计划于|尚未全部|陆续")
CAMPAIGN_BONUS = 0.2
METRIC_BONUS = 0.15
REPORT_BONUS = 0.05  # prefer sentences the other document states as results
STOPWORDS = frozenset("要 的 和 与 及 等 在 对 把 将 了 是 为 以 从 中 上 下 进一步 加强 推进 推动 工作 全面 深入 积极 认真 切实".split())


def words(text: str) -> list[str]:
    """Return the content tokens of a text (a module-level function, so a vectorizer using it pickles)."""
    return [t.text for t in tokenize(text) if len(t.text) >= 2 and t.text not in STOPWORDS
            and not t.text.isdigit() and "×" not in t.text]


def _campaign_names(analysis: Analysis, start: int, end: int) -> set[str]:
    return {canonical(c.name) for c in analysis.campaigns for m in c.mentions if start <= m.start < end}


def _metric_keys(text: str) -> set[str]:
    return {k for _, _, k in metric_mentions(text)}


def match_directives(base: Analysis, others: Sequence[Analysis]) -> list[list[DirectiveResult]]:
    """For each directive of `base`, one result per other document."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    directives = list(base.directives)
    if not directives or not others:
        return [[] for _ in directives]
    # title lines name a matter but report nothing: evidence comes from the sentences under them
    # (a run-in point such as 一是业务培训不够系统。 is a sentence and stays)
    pools: list[list[Sentence]] = [[s for s in o.sentences if len(s.text) >= MIN_CHARS and s.text[-1] in SENTENCE_END]
                                   for o in others]
    corpus = [s.text for pool in pools for s in pool] + [d.text for d in directives]
    vectorizer = TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False, sublinear_tf=True)
    matrix = vectorizer.fit_transform(corpus)
    d_vectors = matrix[len(corpus) - len(directives):]
    results: list[list[DirectiveResult]] = [[] for _ in directives]
    offset = 0
    for n, (other, pool) in enumerate(zip(others, pools, strict=True)):
        s_vectors = matrix[offset:offset + len(pool)]
        offset += len(pool)
        similarity = (d_vectors @ s_vectors.T).toarray()
        report_starts = {r.start for r in other.reports}
        s_campaigns = [_campaign_names(other, s.start, s.end) for s in pool]
        s_metrics = [_metric_keys(s.text) for s in pool]
        for i, d in enumerate(directives):
            d_campaigns = _campaign_names(base, d.start, d.end)
            d_metrics = _metric_keys(d.text)
            scored = []
            for j, s in enumerate(pool):
                score = float(similarity[i, j])
                if score <= 0:
                    continue
                score += CAMPAIGN_BONUS * bool(d_campaigns & s_campaigns[j])
                score += METRIC_BONUS * bool(d_metrics & s_metrics[j])
                score += REPORT_BONUS * (s.start in report_starts)
                if score >= MIN_SCORE:
                    scored.append((score, j))
            scored.sort(key=lambda x: (-x[0], x[1]))
            evidence = tuple(Evidence(text=pool[j].text, start=pool[j].start, end=pool[j].end, score=round(sc, 3))
                             for sc, j in scored[:MAX_EVIDENCE])
            status = _status(d, base, evidence, other) if evidence else "unknown"
            results[i].append(DirectiveResult(document=n, status=status,
                                              score=round(evidence[0].score, 3) if evidence else 0.0,
                                              evidence=evidence))
    return results


COUNT = re.compile(r"(\d+(?:\.\d+)?)")


def _status(d: Directive, base: Analysis, evidence: Sequence[Evidence], other: Analysis) -> Status:
    """Status of a directive in one document from its best evidence."""
    targets = [q for q in base.quantities if q.id in d.targets]
    top = evidence[0]
    quantities = [q for q in other.quantities if top.start <= q.start < top.end]
    kinds = {q.kind for q in quantities}
    for t in targets:
        if t.kind == "coverage":
            if "coverage" in kinds:
                return "met"
            return "partial" if quantities else "not_met"
        if t.kind == "zero_state":
            zero = [q for q in quantities if q.kind == "zero_state"]
            if any(q.text in ("破零", "零突破", "零的突破") for q in zero) and "实现" in top.text:
                return "met"
            if zero:
                return "not_met"
            counts = [q for q in quantities if q.kind == "count" and isinstance(q.value, int | float) and q.value > 0]
            return "met" if counts else "unknown"
        if t.kind in ("count_range", "count") and t.unit:
            # the same thing counted in the same unit: 每年两三件 against 办理信访积案1件
            counts = [q.value for q in quantities if q.kind == "count" and q.unit == t.unit
                      and isinstance(q.value, int | float)]
            if "zero_state" in kinds and not counts:
                return "not_met"
            if counts:
                goal = t.value[0] if isinstance(t.value, list) else t.value
                if isinstance(goal, int | float):
                    best = max(counts)
                    return "met" if best >= goal else "not_met" if best == 0 else "partial"
    pol = polarity(top.text, quantities)
    if pol == "neutral" and top.score >= CLEAR_MATCH:
        pol = "achievement"  # 严格执行“三个规定”，逢问必录。
    return _from_polarity(pol, quantities, top.text)


def _from_polarity(pol: str, quantities: Sequence[Quantity], text: str = "") -> Status:
    if pol == "achievement":
        return "partial" if IN_PROGRESS.search(text) else "met"
    if pol == "mixed":
        return "partial"
    if pol == "shortfall":
        activity = any(q.kind in ("count", "percent", "money") and not q.masked and q.value for q in quantities)
        return "partial" if activity else "not_met"
    return "unknown"
