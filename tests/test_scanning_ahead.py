"""The cue patterns: the look-ahead of their first characters changes no match."""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser

import pytest

from nlp.cues import cue, cue_test
from nlp.lexicons import any_of, first_chars, load_table

SENTENCES = (
    "各县区院要切实加强领导，确保各项任务落到实处。",
    "今年以来，全市共办理案件1200件，同比上升5%。",
    "我们必须清醒看到，工作中还存在不少问题和短板。",
    "力争到年底实现“零突破”；要努力构建新格局。",
    "请大家认真学习领会，希望各单位抓好落实！",
    "从全省来看，我市排名第一，已经取得明显成效。",
)


@pytest.mark.parametrize("pattern, first", [
    (r"(?<![重主])要(?!求)", "要"),
    (r"要(?!求)|务必", None),  # alternatives opening with a character: the engine's own prefix scan
    (r"^(?:请|希望)(?=大家)|(?<=要)努力", "努希请"),
    (r"(?:[一二三]+要)?努力", "一三二努"),
    (r"(?:\d{4}年)?\d月", r"\d"),
    (r"\w年|x", None),  # a category other than the digits
    (r".{0,8}说", None),
    (r"(?:a|b?)", None),  # may match the empty string
    (r"(?i:a)|^b", None),  # ignores case
])
def test_first_chars(pattern: str, first: str | None) -> None:
    assert first_chars(pattern) == first


@pytest.mark.parametrize("label", sorted({r["label"] for r in load_table("cues")}))
def test_cue_matches_as_its_patterns_joined(label: str) -> None:
    plain = re.compile("|".join(f"(?:{r['pattern']})" for r in load_table("cues") if r["label"] == label))
    for s in SENTENCES:
        assert [m.span() for m in cue(label).finditer(s)] == [m.span() for m in plain.finditer(s)]
        assert bool(cue(label).match(s)) == bool(plain.match(s))


@pytest.mark.parametrize("labels", [("not_directive",), ("must", "strive", "should"), ("imperative",), ("narrative",),
                                    ("missed",), ("unfinished", "needs_more", "remainder")])
def test_cue_test_finds_what_the_cues_search(labels: tuple[str, ...]) -> None:
    texts = [*SENTENCES, "只要我们坚定信心，就一定能够完成任务。", "习近平总书记强调：“要坚持人民至上。”", "加强队伍建设。", "",
             "工程进度滞后，未能按期完工。", "其中2所未能按期投用。", "主体完工，消防设施安装结转至2026年。", "结转至2026年实施。"]
    for s in texts:
        assert cue_test(*labels)(s) == any(cue(label).search(s) for label in labels), s


def test_any_of_finds_the_leftmost_start_of_the_deadline_patterns() -> None:
    patterns = [r["pattern"] for r in load_table("deadlines")]
    joined = re.compile(any_of(patterns))
    compiled = [re.compile(p) for p in patterns]
    texts = [*SENTENCES, "请于6月底前报送，每季度通报一次。", "2025年3月15日前完成，会后立即部署。", "年内建成，上半年过半。"]
    for text in texts:
        starts = [m.start() for p in compiled if (m := p.search(text))]
        m = joined.search(text)
        assert (m.start() if m else None) == (min(starts) if starts else None), text


def test_any_of_refuses_group_references() -> None:
    with pytest.raises(ValueError):
        any_of([r"(?P<a>x)(?P=a)", "y"])


def _opens_anchored(parsed: list) -> bool:
    return bool(parsed) and parsed[0][0] is sre.AT and parsed[0][1] is sre.AT_BEGINNING


def _inner_anchor(parsed: list) -> bool:
    """Whether an alternative of a parsed pattern opens with ^ (anywhere but at the very start)."""
    for op, av in parsed:
        if op is sre.BRANCH and any(_opens_anchored(list(b)) or _inner_anchor(list(b)) for b in av[1]):
            return True
        if op is sre.SUBPATTERN and _inner_anchor(list(av[3])):
            return True
    return False


@pytest.mark.parametrize("row", [r for r in load_table("cues")], ids=lambda r: r["label"])
def test_an_anchor_inside_a_cue_row_hides_no_first_characters(row: dict[str, str]) -> None:
    # a row anchored as a whole (^…) is tried at the start only (`cue_test`); an alternative opening with ^ inside a
    # row, before what may open with any character ((?:^|[，,])…, …|^(?:…)[^。]…), keeps the engine from scanning
    # ahead for the whole label (a cue search 5-13 times slower): it belongs in a row of its own
    parsed = list(_parser.parse(row["pattern"]))
    assert not _inner_anchor(parsed) or first_chars(row["pattern"]) is not None, row["pattern"]
