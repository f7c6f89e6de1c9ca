"""Links within a document: each directive joined to the reports about the same matter, with a status."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from nlp.types import Directive, Link, Quantity, Report, Sentence, Token

# words too common in the genre to tie a directive to a report
STOP = frozenset(
    "工作 全市 全省 加强 推进 进一步 深入 推动 实现 开展 落实 认真 积极 加大 力度 提高 提升 坚持 各项 一批 今年 以来 目前 截至 "
    "情况 问题 方面 重点 相关 有关 部署 要求 建设 发展 完善 强化 深化 全面 不断 持续 切实 充分 发挥 作用 检察 检察机关 两级 "
    "院 县区院 各院 来看 其他 分别 办理 案件 数据 市院 我们 这个 一些 没有 仍然 还有 已经".split()
)
TOPIC = re.compile(r"从(.{1,30}?)(?:工作)?来看")
MIN_SCORE = 0.35  # share of a directive's weighted content words a report must share; tuned on the dev speech


def _content(tokens: Sequence[Token], start: int, end: int) -> list[str]:
    return [t.text for t in tokens if start <= t.start < end and len(t.text) >= 2
            and "\u4e00" <= t.text[0] <= "\u9fff" and t.text not in STOP]


def link_directives(
    sentences: Sequence[Sentence],
    tokens: Sequence[Token],
    directives: Sequence[Directive],
    reports: Sequence[Report],
    quantities: Sequence[Quantity],
) -> list[Link]:
    """Return for each directive the reports that speak of the same matter, and the status they show."""
    if not directives or not reports:
        return []
    token_starts = [t.start for t in tokens]
    import bisect

    def words(start: int, end: int) -> list[str]:
        lo = bisect.bisect_left(token_starts, start)
        hi = bisect.bisect_left(token_starts, end)
        return _content(tokens[lo:hi], start, end)

    df: Counter[str] = Counter()
    for s in sentences:
        df.update(set(words(s.start, s.end)))
    n = len(sentences)

    def idf(w: str) -> float:
        return math.log((n + 1) / (df[w] + 1)) + 1

    report_words: list[Counter[str]] = []
    topics: list[set[str]] = []
    for r in reports:
        bag = Counter(words(r.start, r.end))
        topic = TOPIC.search(r.text)
        topic_words: set[str] = set()
        if topic:
            topic_words = set(words(r.start + topic.start(1), r.start + topic.end(1)))
            for w in topic_words:
                bag[w] += 2
        report_words.append(bag)
        topics.append(topic_words)
    q_by_id = {q.id: q for q in quantities}
    links: list[Link] = []
    for d in directives:
        dw = set(words(d.start, d.end))
        total = sum(idf(w) for w in dw)
        if total <= 0:
            continue
        scored = []
        for r, bag, topic_words in zip(reports, report_words, topics, strict=True):
            if r.start == d.start:
                continue
            shared = dw & set(bag)
            score = sum(idf(w) * (1.5 if bag[w] > 1 else 1.0) for w in shared) / total
            if topic_words and topic_words <= dw:
                score = max(score, 1.0)  # the report's topic (从…来看) is named in the directive
            if score >= MIN_SCORE and shared - {"建议"}:
                scored.append((score, r))
        if not scored:
            continue
        scored.sort(key=lambda x: (-x[0], x[1].start))
        best = scored[0][0]
        chosen = [r for s, r in scored if s >= 0.8 * best][:5]
        chosen.sort(key=lambda r: r.start)
        status = _status(d, chosen, q_by_id)
        links.append(Link(d.id, tuple(r.id for r in chosen), status, round(min(best, 1.0), 3)))
    return links


def _status(d: Directive, reports: Sequence[Report], q_by_id: dict[str, Quantity]) -> str:
    """Status from the reports: mixed results are partial; shortfalls with some activity are partial,
    shortfalls of nothing at all (空白, 为零) not met; achievements met."""
    polarities = {r.polarity for r in reports}
    qs = [q_by_id[q] for r in reports for q in r.quantities if q in q_by_id]
    zero = any(q.kind == "zero_state" for q in qs)
    activity = any(q.kind in ("count", "percent", "rank", "count_range", "money") for q in qs)
    wants_first = any(q_by_id[t].kind == "zero_state" for t in d.targets if t in q_by_id)
    if "mixed" in polarities or {"achievement", "shortfall"} <= polarities:
        return "partial"
    if "shortfall" in polarities:
        if wants_first and zero:
            return "not_met"  # 零突破 wanted, still zero
        return "partial" if activity else "not_met"
    if "achievement" in polarities:
        return "met"
    return "unknown"
