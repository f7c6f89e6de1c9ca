"""Quantities: counts, percentages, ratios, ranks, zero states, coverage, ranges, money, durations,
periods, dates and changes, with normalised values and the qualifier, metric and subject they carry.

Numbers inside names and formulations (`四个意识`, `七个专项行动`) are left out:
the caller passes the spans of campaign mentions to skip.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cache
from itertools import repeat
from typing import NamedTuple

from nlp.context import Context
from nlp.extract.actors import find_units
from nlp.lexicons import load_table, scanning_ahead, words_pattern
from nlp.numerals import NUM, SCALE, is_masked, parse_number
from nlp.spans import CLAUSE_OR_SENTENCE, clause_start, keep_longest
from nlp.types import Analysis, Quantity, Sentence

SUFFIX_QUALIFIERS = {"左右": "approx", "上下": "approx", "以上": "at_least", "多": "above", "余": "above",
                     "以下": "at_most", "以内": "at_most"}
# words of at most PREFIX_LONGEST characters; the longest one before a number counts: 不超过 is at most, not the
# 超过 it ends with
PREFIX_QUALIFIERS = {"不低于": "at_least", "不少于": "at_least", "不超过": "at_most", "不高于": "at_most",
                     "控制在": "at_most", "至少": "at_least", "超过": "above", "低于": "below",
                     "大约": "approx", "逾": "above", "约": "approx", "近": "approx"}
PREFIX_LONGEST = max(map(len, PREFIX_QUALIFIERS))
QUAL = r"(?P<qual>左右|上下|以上|以下|以内|多|余)?"
CHANGE_VERBS = r"下降|降低|提高|上升|增长|减少|回落|增加|扩大|缩小|回升"
VERB_BEFORE = re.compile(rf"(?:{CHANGE_VERBS})$")
NUM_RE = re.compile(scanning_ahead(NUM))  # where a number starts
NUM_LED = ("(?P<n>" + NUM, "(?P<a>" + NUM)
# Han numerals are only taken as amounts with these units: `一个领域`, `三个方面` are idiom and structure
HAN_UNITS = frozenset({"个县区院", "个院", "个基层院", "个县区", "个单位", "个部门", "个省份", "个城市", "件", "件次",
                       "人次", "家", "所", "个百分点", "个月"})
MAGNITUDES = {"百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8}  # 上千万
NOT_TOTAL = r"(?<!公)共(?![同享建识产性])"  # 共 of a total (共办理), not of 公共, 共同, 共享
MEASURE_VERBS = re.compile(
    r"(达到|达|为|是|增长|下降|降至|升至|提高到|提高|降低|超过|突破|完成|实现|占|居|排名|位列|保持|控制在|新增|减少|"
    rf"办理了?|开展了?|组织了?|发出了?|收到|刊发|摸排|参考|追诉漏犯|累计|{NOT_TOTAL})")
LEADING_NOISE = re.compile(rf"^(今年以来|截至目前|目前|全年|其中|此外|同时|另外|去年|一年来|分别|{NOT_TOTAL})+[,，]?")


class _Hit(NamedTuple):  # a named tuple: made for every candidate match, three times faster than a frozen dataclass
    start: int
    end: int
    kind: str
    value: object
    unit: str | None
    qualifier: str | None
    masked: bool


@cache
def _units() -> tuple[dict[str, tuple[str, float]], str]:
    rows = load_table("units")
    units = {r["unit"]: (r["kind"], float(r["scale"] or 1)) for r in rows}
    return units, words_pattern(units)


@cache
def _state_words() -> tuple[dict[str, tuple[str, object]], re.Pattern[str]]:
    words: dict[str, tuple[str, object]] = {}
    for r in load_table("state_words"):
        value: object
        if "-" in r["value"]:
            lo, hi = r["value"].split("-")
            value = [float(lo) if "." in lo else int(lo), float(hi) if "." in hi else int(hi)]
        else:
            value = float(r["value"]) if "." in r["value"] else int(r["value"])
        words[r["word"]] = (r["kind"], value)
    pattern = re.compile(words_pattern(words))
    return words, pattern


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    _, unit_alt = _units()
    n = NUM
    return [
        ("period", re.compile(rf"(?P<a>{n})(?:至|到|—|-|~)(?P<b>{n})月份?")),
        ("period", re.compile(rf"(?P<a>{n})年度")),
        ("date", re.compile(scanning_ahead(r"(?:(?P<y>\d{4}|×+)年)?(?P<m>\d{1,2}|×+)月(?P<d>\d{1,2}|×+)日"))),
        ("rank", re.compile(rf"(?P<scope>全省|全市|全国|全区|全县|全系统|全行业|全球)"
                            rf"(?:第(?P<ord>{n})(?:名|位)?|前(?P<top>{n})(?:名|位)?)")),
        ("rank", re.compile(rf"(?:第(?P<ord>{n})(?:名|位)|前(?P<top>[一二两三四五六七八九十\d]+)(?:名|位))")),
        ("ratio", re.compile(rf"(?P<a>{n})[:：∶](?P<b>{n})")),
        ("change", re.compile(rf"(?P<n>{n})个百分点{QUAL}")),
        ("change", re.compile(rf"(?:降幅|增幅|涨幅)(?:为|达)?(?P<n>{n})(?![%％\d.．])")),
        ("percent", re.compile(rf"(?P<n>{n})(?P<scale>{SCALE})(?P<per>%|％|‰){QUAL}")),  # (‰: per mille)
        ("money", re.compile(rf"(?P<n>{n})(?P<scale>{SCALE})(?P<unit>美元|港元|欧元|日元|元){QUAL}")),
        # 1300多亿美元, 4万多亿元
        ("money", re.compile(rf"(?P<n>\d+(?:[.．]\d+)?)(?P<wan>万)?(?P<qual>多|余)(?P<scale>{SCALE})(?P<unit>美元|港元|欧元|日元|元)")),
        ("duration", re.compile(rf"(?P<cont>连续)(?P<n>{n})(?P<unit>个月|年|天|周|小时)")),
        ("count_range", re.compile(r"(?P<a>[一两二三四五六七八九])(?P<b>[二三四五六七八九十])(?P<unit>个院|件|次|人|名|家|个)")),
        # (2个村级站点: 个 of 站点, not 个村; 5个县级…: not 个县; 30万吨级 keeps its 万吨)
        ("count", re.compile(rf"(?P<n>{n})(?P<scale>{SCALE})(?P<unit>{unit_alt})(?!(?<=个[县村乡镇市区省])级){QUAL}")),
        # a round figure: 上千万(家庭), 上万人; at least the magnitude named
        ("count", re.compile(rf"(?P<over>上)(?P<n>十万|百万|千万|百|千|万|亿)(?P<unit>{unit_alt})?")),
        # a figure in 万 or 亿 with the thing counted after it or left implicit: 超过3300万。 6600多万纳税人
        # (3000多万, 3万多户, 30万以上; not 4万多亿元, 1亿美元)
        ("count", re.compile(r"(?P<n>\d+(?:[.．]\d+)?)(?P<more>多|余)?(?P<scale>万亿|亿|万)"
                             r"(?![元%％\d]|[多余]?亿|[美港欧日韩]元|英镑|卢布)(?P<qual>左右|以上|以下|多|余)?")),
    ]


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    skip: Iterable[tuple[int, int]] = ()) -> list[_Hit]:
    """Return the quantity hits in text[start:end], earliest and longest first, none overlapping."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    units, _ = _units()
    hits: list[_Hit] = []
    # patterns that open with a number are tried only where a number starts: one scan instead of one each
    number_starts = [m.start() for m in NUM_RE.finditer(chunk)]
    for kind, pattern in _patterns():
        if pattern.pattern.startswith(NUM_LED):
            matches = filter(None, map(pattern.match, repeat(chunk), number_starts))
        else:
            matches = pattern.finditer(chunk)
        for m in matches:
            hit = _make_hit(kind, m, chunk, units)
            if hit is not None:
                hits.append(hit)
    words, word_re = _state_words()
    for m in word_re.finditer(chunk):
        kind, value = words[m.group(0)]
        hits.append(_Hit(m.start(), m.end(), kind, value, None, None, False))
    if start:  # offsets in the chunk to offsets in the text
        hits = [h._replace(start=h.start + start, end=h.end + start) for h in hits]
    spans = sorted(skip)
    starts = [a for a, _ in spans]
    return keep_longest((h for h in hits if not _inside_any(h, spans, starts)), lambda h: (h.start, h.end))


def _inside_any(h: _Hit, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether the hit overlaps one of the sorted spans (names whose numbers are not quantities)."""
    i = bisect.bisect_left(starts, h.end)
    return any(spans[j][1] > h.start for j in range(max(0, i - 3), i))


def _make_hit(kind: str, m: re.Match[str], chunk: str, units: dict[str, tuple[str, float]]) -> _Hit | None:
    s, e = m.span()
    g = m.groupdict()
    qual = SUFFIX_QUALIFIERS.get(g.get("qual") or g.get("more") or "")
    if qual is None:
        for n in range(PREFIX_LONGEST, 0, -1):  # a look-up per length, not a test per word
            qual = PREFIX_QUALIFIERS.get(chunk[max(0, s - n):s])
            if qual:
                break
    if kind == "period":
        masked = is_masked(g["a"]) or is_masked(g.get("b") or "")
        value = None if masked else [parse_number(g["a"]), parse_number(g["b"])] if g.get("b") else parse_number(g["a"])
        return _Hit(s, e, kind, value, None, None, masked)
    if kind == "date":
        masked = any(is_masked(g[k] or "") for k in ("y", "m", "d"))
        value = None
        if not masked and g["y"]:
            value = f"{int(g['y']):04d}-{int(g['m']):02d}-{int(g['d']):02d}"
        return _Hit(s, e, kind, value, None, None, masked)
    if kind == "rank":
        raw = g.get("ord") or g.get("top") or ""
        return _Hit(s, e, kind, parse_number(raw), g.get("scope"), "at_most" if g.get("top") else None, is_masked(raw))
    if kind == "ratio":
        masked = is_masked(g["a"]) or is_masked(g["b"])
        a, b = parse_number(g["a"]), parse_number(g["b"])
        value = None if masked or not b else a / b  # type: ignore[operator]
        return _Hit(s, e, kind, value, None, None, masked)
    if kind == "count_range":
        a, b = parse_number(g["a"]), parse_number(g["b"])
        if not (isinstance(a, int) and isinstance(b, int) and b == a + 1):
            return None
        return _Hit(s, e, kind, [a, b], g["unit"], None, False)
    raw = g.get("n") or ""
    masked = is_masked(raw)
    if kind == "change":
        unit = "个百分点" if "个百分点" in m.group(0) else "%"
        value = parse_number(raw)
        verb_match = VERB_BEFORE.search(chunk, max(0, s - 2), s) if unit == "个百分点" else None
        verb = verb_match.group(0) if verb_match else ""
        if verb_match:
            s = verb_match.start()  # 下降0.1个百分点: the verb belongs to the change
        if value is not None and verb[:1] in ("下", "降", "减", "回", "缩"):
            value = -value  # type: ignore[operator]
        return _Hit(s, e, kind, value, unit, qual, masked)
    scale = (g.get("wan") or "") + (g.get("scale") or "")
    if kind == "percent":
        return _Hit(s, e, kind, parse_number(raw, scale), "‰" if g.get("per") == "‰" else "%", qual, masked)
    unit = g.get("unit") or ""
    if kind == "money":
        return _Hit(s, e, kind, parse_number(raw, scale), "元" if unit == "元" else unit, qual, masked)
    if kind == "duration":
        return _Hit(s, e, kind, parse_number(raw), unit, qual, masked)
    # count (or a duration / percent unit met through the unit table)
    if g.get("over"):
        return _Hit(s, e, "count", MAGNITUDES[raw], g.get("unit"), "at_least", False)
    if not masked and not raw[0].isdigit():
        if unit not in HAN_UNITS or raw == "一" or raw[0] in "百千万亿":
            return None  # 千万家 is 上千万家庭 or the adverb 千万
    unit_kind, unit_scale = units.get(unit, ("count", 1.0))
    if unit_kind == "percent":
        return None  # 个百分点 is matched as a change
    if unit_kind == "duration" and not raw[0].isdigit() and not masked:
        return None
    if unit in ("年", "日", "月") and raw.isdigit() and len(raw) == 4:
        return None  # a year, not an amount
    if chunk[e:e + 2] in ("会议", "全会", "大会") or (unit == "次" and chunk[e:e + 1] in ("会", "全")):
        return None
    value = parse_number(raw, scale)
    if value is not None and unit_scale != 1:
        value = value * unit_scale  # type: ignore[operator]
    return _Hit(s, e, unit_kind if unit_kind != "count" else "count", value, (scale + unit) if scale else unit,
                qual, masked)


def metric_and_subject(text: str, sentence_start: int, q_start: int) -> tuple[str | None, str | None]:
    """Return the metric (what is measured) and subject (which unit) a quantity attaches to."""
    clause = text[clause_start(text, sentence_start, q_start, CLAUSE_OR_SENTENCE):q_start]
    units = find_units(clause)
    subject = units[-1][2] if units else None
    body = clause
    if units:
        body = clause[units[-1][1]:]
    body = LEADING_NOISE.sub("", body)
    verbs = list(MEASURE_VERBS.finditer(body))
    if verbs:
        body = body[:verbs[-1].start()]
    body = body.strip("，, 的")
    metric = body if 2 <= len(body) <= 20 else None
    return metric, subject


def extract(analysis: Analysis, ctx: Context) -> tuple[Quantity, ...]:
    """Return the quantities of a document (the pipeline stage); numbers inside names and formulations
    (四个意识, 七个专项行动) are not quantities."""
    names = [(m.start, m.end) for c in analysis.campaigns for m in c.mentions]
    return tuple(extract_quantities(ctx.text, analysis.sentences, names))


def extract_quantities(text: str, sentences: Iterable[Sentence],
                       skip: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Return the quantities of every sentence, with ids q1, q2, … in document order."""
    sents = list(sentences)
    sent_starts = [x.start for x in sents]
    out: list[Quantity] = []
    for h in find_quantities(text, 0, len(text), skip):
        i = bisect.bisect_right(sent_starts, h.start) - 1
        if i < 0 or h.end > sents[i].end:
            continue  # outside the sentences (a heading marker line) or across a sentence end
        sent = sents[i]
        metric, subject = metric_and_subject(text, sent.start, h.start)
        out.append(Quantity(id=f"q{len(out) + 1}", text=text[h.start:h.end], start=h.start, end=h.end,
                            kind=h.kind, value=h.value,  # type: ignore[arg-type]
                            unit=h.unit, qualifier=h.qualifier or ("exact" if not h.masked and h.value is not None else None),
                            masked=h.masked, metric=metric, subject=subject))
    return out
