"""Links within a document: each directive joined to the reports about the same matter, with a status."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from nlp.context import Context
from nlp.segment.markers import ORDINAL, RUN_IN
from nlp.segment.sections import parents
from nlp.types import Analysis, Directive, Link, OutlineItem, Quantity, Report, Sentence, Status

# words too common in the genre to tie a directive to a report
STOP = frozenset(
    "工作 全市 全省 加强 推进 进一步 深入 推动 实现 开展 落实 认真 积极 加大 力度 提高 提升 坚持 各项 一批 今年 以来 目前 截至 "
    "情况 问题 方面 重点 相关 有关 部署 要求 建设 发展 完善 强化 深化 全面 不断 持续 切实 充分 发挥 作用 检察 检察机关 两级 "
    "院 县区院 各院 来看 其他 分别 办理 案件 数据 市院 我们 这个 一些 没有 仍然 还有 已经".split()
)
TOPIC = re.compile(r"从(.{1,30}?)(?:工作)?来看")
MIN_SCORE = 0.35  # share of a directive's weighted content words a report must share; tuned on the dev speech
# a word in more reports than this ties a directive to none of them in particular (the most any word reaches in
# the development documents is 36, 经济 in 2023); skipping its postings keeps scoring linear in the document's length
MAX_POSTINGS = 200
RUN_IN_POINT = re.compile(rf"^(?:{RUN_IN}|{ORDINAL}(?![部章篇节])|首先|其次|再次|最后)")  # 一要, 二是, 第三: a point within a paragraph
MAX_REPORTS = 5  # the reports a directive is linked to at most, best first


def extract(analysis: Analysis, ctx: Context) -> tuple[Link, ...]:
    """Return for each directive the reports that speak of the same matter, and the status they show."""
    sentences, tokens = analysis.sentences, analysis.tokens
    directives, reports, quantities = analysis.directives, analysis.reports, analysis.quantities
    if not directives or not reports:
        return ()
    texts = tokens.texts
    text = analysis.document.text
    # content words: Han words of two characters or more, not in STOP; each distinct word judged once
    content_words = {w: w for w in set(texts) if len(w) >= 2 and "\u4e00" <= w[0] <= "\u9fff" and w not in STOP}
    content = list(map(content_words.get, texts))  # each token's word if it is a content word, else None
    token_starts = ctx.token_starts

    def words(start: int, end: int) -> list[str]:
        return list(filter(None, content[bisect_left(token_starts, start):bisect_left(token_starts, end)]))

    # document frequencies: a token counts in the first sentence ending after its start (the tokens after
    # the last sentence in one more group), each word once per group
    df: Counter[str | None] = Counter()
    cuts = [bisect_left(token_starts, s.end) for s in sentences]
    for a, b in zip([0, *cuts], [*cuts, len(texts)], strict=True):
        if a < b:
            df.update(set(content[a:b]))  # the group's content words, and None for the others
    del df[None]
    n = len(sentences)

    # each content word's weight, worked out once (every word a directive or report holds is one of them)
    weight_of = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}
    idf = weight_of.__getitem__

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
    # inverted index: word -> [(report, weight)], so scoring costs the postings of a directive's words
    index: dict[str, list[tuple[int, float]]] = {}
    for i, bag in enumerate(report_words):
        for w, count in bag.items():
            index.setdefault(w, []).append((i, idf(w) * (1.5 if count > 1 else 1.0)))
    # words that tie a directive to no report in particular: 建议 alone ties nothing (检察建议 is everywhere)
    index = {w: postings for w, postings in index.items() if len(postings) <= MAX_POSTINGS and w != "建议"}
    # a report's topic is named in a directive only if the topic's first word is: index topics by that word
    by_topic_word: dict[str, list[int]] = {}
    for i, t in enumerate(topics):
        if t:
            by_topic_word.setdefault(min(t), []).append(i)

    def linked(d: Directive) -> list[tuple[float, Report]]:
        """The reports a directive shares enough weighted words with (or whose topic it names), best first."""
        dw = set(words(d.start, d.end))
        ordered = sorted(dw)  # sums in a fixed order: the same scores in every process, whatever the hash seed
        # the task's words weigh, not the words of who is to do it (各县区和市直各部门主要负责同志要…)
        who = {w for a in d.actors if (at := text.find(a, d.start, d.end)) >= 0 for w in words(at, at + len(a))}
        total = sum(idf(w) for w in ordered if w not in who)
        if total <= 0:
            return []
        acc: dict[int, float] = {}
        on_task: set[int] = set()  # the reports sharing a word of the task itself: a unit's name alone ties none
        for w in ordered:
            for i, weight in index.get(w, ()):
                acc[i] = acc.get(i, 0.0) + weight
                if w not in who:
                    on_task.add(i)
        if by_topic_word:
            for w in ordered:
                for i in by_topic_word.get(w, ()):
                    if topics[i] <= dw:
                        acc[i] = max(acc.get(i, 0.0), total)  # the report's topic (从…来看) is named in the directive
                        if topics[i] - who:
                            on_task.add(i)
        scored = [(a / total, reports[i]) for i, a in acc.items()
                  if a / total >= MIN_SCORE and reports[i].start != d.start and i in on_task]
        if not scored:
            return []
        scored.sort(key=lambda x: (-x[0], x[1].start))
        best = scored[0][0]
        return [(s, r) for s, r in scored if s >= 0.8 * best][:MAX_REPORTS]

    own = [linked(d) for d in directives]  # per directive: the reports it is linked to, with their scores
    found = list(own)
    # a heading that is a task (（一）全力以赴抓项目稳投资, 一要扩大优质学位供给) is carried out by the tasks under it:
    # it is linked to its own reports and to theirs
    for h, under in _headed(directives, analysis.outline, sentences).items():
        merged: dict[str, tuple[float, Report]] = {}
        for score, r in [x for j in (h, *under) for x in own[j]]:
            if r.id not in merged or score > merged[r.id][0]:
                merged[r.id] = (score, r)
        found[h] = sorted(merged.values(), key=lambda x: (-x[0], x[1].start))[:MAX_REPORTS]
    links: list[Link] = []
    for d, scored in zip(directives, found, strict=True):
        if not scored:
            continue
        chosen = sorted((r for _, r in scored), key=lambda r: r.start)
        links.append(Link(directive=d.id, reports=tuple(r.id for r in chosen), status=_status(d, chosen, q_by_id),
                          score=round(min(scored[0][0], 1.0), 3)))
    return tuple(links)


def _headed(directives: Sequence[Directive], outline: Sequence[OutlineItem], sentences: Sequence[Sentence]
            ) -> dict[int, list[int]]:
    """Return, for each directive that is a heading of the outline, the directives under it (by their places): of
    a run-in point (一要…。各乡镇要…), those of its paragraph; of a heading, those up to the next heading of its
    level or higher."""
    starts = [s.start for s in sentences]

    def paragraph(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        return sentences[i].paragraph if i >= 0 else -1

    heading_at = {}
    for i, d in enumerate(directives):
        if d.section is not None and outline[d.section].start == d.start:
            heading_at[d.section] = i
    if not heading_at:
        return {}
    run_in = {h for k, h in heading_at.items() if RUN_IN_POINT.match(outline[k].marker)}
    up = parents(outline)
    out: dict[int, list[int]] = {}
    for j, d in enumerate(directives):
        k = d.section
        while k is not None:
            h = heading_at.get(k)
            if h is not None and h != j and (h not in run_in or paragraph(d.start) == paragraph(directives[h].start)):
                out.setdefault(h, []).append(j)
            k = up[k]
    return out


def _status(d: Directive, reports: Sequence[Report], q_by_id: dict[str, Quantity]) -> Status:
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
