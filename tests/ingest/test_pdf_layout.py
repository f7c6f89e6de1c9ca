"""PDF layout: the text lines of a page, joined into paragraphs by the text block; spaces that only stand for layout.

Pages are typeset here character by character, as LibreOffice sets a report in
14 pt Noto CJK (a 414 pt measure from x = 90, a 31.2 pt line pitch), so that
each case pins one layout rule. In the typeset strings `^` is the room a word
processor leaves between CJK and Latin (autospace), `~` and `_` typed spaces
written as gaps (Noto CJK's, 0.22 em, and DejaVu's with tracking, 0.35 em),
` ` a blank character of the PDF.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from nlp.ingest.pdf import _is_cjk, _line_para, _lines, _paragraphs

ROOT = Path(__file__).resolve().parents[2]
SHARED_PDFS = ROOT.parent / "shared" / "corpus" / "pdf" / "2025"
PDFS = [ROOT / "corpora" / "samples" / "sample_speech.pdf", ROOT / "corpora" / "samples" / "compare" / "nanhu.pdf",
        *sorted(SHARED_PDFS.glob("*.pdf"))[:2]]
SIZE = 14.0
LEFT, RIGHT = 90.0, 504.0
PITCH = 31.2
FULL = "高质量发展扎实推进现代化产业体系加快建设科技创新能力持续增强"[:29]  # 29 characters fill a line
GAPS = {"^": 0.25, "~": 0.22, "_": 0.35}  # in ems
Chars = list[dict[str, Any]]


def glyphs(text: str, x0: float = LEFT, top: float = 86.0, size: float = SIZE, tracking: float = 0.0) -> Chars:
    """Return the characters of one line set from x0: CJK a full em, Latin 0.6 em, blanks 0.3 em."""
    chars = []
    x = x0
    for ch in text:
        if ch in GAPS:
            x += GAPS[ch] * size
            continue
        width = size if _is_cjk(ch) else (0.3 if ch == " " else 0.6) * size
        chars.append({"text": ch, "x0": x, "x1": x + width, "top": top, "bottom": top + size,
                      "size": size, "upright": True})
        x += width + tracking
    return chars


def justified(text: str, top: float, indent: int = 0, jitter: float = 0.0) -> Chars:
    """Return a wrapped line of justified text: its characters spread to end at the right edge (± jitter)."""
    x0 = LEFT + indent * SIZE
    natural = glyphs(text, x0, top)
    return glyphs(text, x0, top, tracking=(RIGHT + jitter - natural[-1]["x1"]) / (len(natural) - 1))


def row(n: int) -> float:
    """Return the top of the n-th line of a page."""
    return 86.0 + n * PITCH


def paragraph(first: int, count: int = 12) -> list[Chars]:
    """Return a justified paragraph of `count` lines from line `first`: enough lines to measure the block by."""
    lines = [justified(FULL[:27], row(first), indent=2)]
    lines += [justified(FULL, row(first + i), jitter=0.7 * (i % 3 - 1)) for i in range(1, count - 1)]  # as found
    return [*lines, glyphs("持续增强。", top=row(first + count - 1))]


def read(*pages: list[Chars]) -> list[str]:
    """Return the paragraphs the reader makes of pages given as lines of characters."""
    body = []
    offset = 0
    for number, lines in enumerate(pages, 1):
        page = SimpleNamespace(chars=[c for line in lines for c in line])
        for ln in _lines(page, {}):
            body.append((offset, ln, number))
            offset += len(ln["text"]) + 1
    return [p.text for p in _paragraphs(body)]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_lines_are_pdfplumbers_made_in_one_pass(path: Path) -> None:
    import pdfplumber
    from pdfplumber.utils.text import LIGATURES

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            theirs = [ln for ln in page.extract_text_lines(strip=True, return_chars=True) if ln["text"].strip()]
            ours = _lines(page, LIGATURES)
            assert [(ln["text"], ln["x0"], ln["x1"], ln["top"], ln["bottom"]) for ln in ours] \
                == [(ln["text"], ln["x0"], ln["x1"], ln["top"], ln["bottom"]) for ln in theirs]
            assert [ln["chars"] for ln in ours] == [ln["chars"] for ln in theirs]


@pytest.mark.parametrize(
    ("typeset", "expected"),
    [
        ("新中国成立^75^周年庆祝活动", "新中国成立75周年庆祝活动"),
        ("预计全市地区生产总值增长^5.2%^左右", "预计全市地区生产总值增长5.2%左右"),
        ("近^3.3^万名工作人员在副中心办公", "近3.3万名工作人员在副中心办公"),
        ("地表水Ⅲ^类水体比例", "地表水Ⅲ类水体比例"),
        ("北京市市长~殷勇同志作政府工作报告", "北京市市长 殷勇同志作政府工作报告"),
        ("附件2_名词解释", "附件2 名词解释"),
        ("细颗粒物 PM2.5 浓度下降", "细颗粒物 PM2.5 浓度下降"),
        ("efficiency_reports in 2024", "efficiency reports in 2024"),
    ],
)
def test_spaces_that_only_stand_for_layout_are_dropped(typeset: str, expected: str) -> None:
    line = _lines(SimpleNamespace(chars=glyphs(typeset)), {})[0]
    para = _line_para(line, 100, SIZE)
    assert para.text == expected
    for text, start in para.frags:  # every kept character still points at its place in the source line
        assert line["text"][start - 100:start - 100 + len(text)] == text


def test_a_justified_line_stretched_wide_loses_its_spaces() -> None:
    # too few break points: every gap grows past pdfplumber's 3 pt, yet none is a space
    line = _lines(SimpleNamespace(chars=justified("刑事立案数电信网络诈骗立案数", 86.0)), {})[0]
    assert " " in line["text"]
    assert _line_para(line, 0, SIZE).text == "刑事立案数电信网络诈骗立案数"


def test_a_line_pitch_wider_than_the_font_is_no_paragraph_break() -> None:
    # 14 pt type on a 31.2 pt pitch: the reader used to take every line for a paragraph
    lines = [*paragraph(0), justified("二是深入实施京津冀协同发展战略，更加紧密的发展格局逐步", row(12), indent=2),
             glyphs("形成。", top=row(13))]
    assert read(lines)[-1] == "二是深入实施京津冀协同发展战略，更加紧密的发展格局逐步形成。"


def test_an_indented_line_starts_a_paragraph() -> None:
    lines = [*paragraph(0)[:-1], glyphs("现在，我代表市人民政府，向大会报告工作。", LEFT + 2 * SIZE, row(11))]
    assert read(lines)[-1] == "现在，我代表市人民政府，向大会报告工作。"


def test_a_last_line_short_of_the_edge_closes_its_paragraph_before_an_unindented_one() -> None:
    # 29 characters at their natural width end 8 pt short of a justified edge
    lines = [*paragraph(0)[:-1], glyphs(FULL[:28] + "。", top=row(11)), glyphs("各位代表！", top=row(12))]
    assert read(lines)[-1] == "各位代表！"


@pytest.mark.parametrize(
    ("last", "closes"),
    [
        # stretched to the edge with a `；` hanging past it: the paragraph goes on
        (justified(FULL, row(11)) + glyphs("；", RIGHT + 0.3, row(11)), False),
        # 29 characters at their natural width and a hanging `。`: the paragraph ends
        (glyphs(FULL + "。", top=row(11)), True),
    ],
)
def test_punctuation_hanging_past_the_edge_is_no_part_of_the_line_end(last: Chars, closes: bool) -> None:
    lines = [*paragraph(0)[:-1], last, glyphs("各位代表！", top=row(12))]
    assert (read(lines)[-1] == "各位代表！") is closes


def test_a_paragraph_goes_on_across_a_page_break() -> None:
    page1 = [*paragraph(0), justified("我们坚持以人民为中心的发展思想，持续增进民生福祉，切实", row(12), indent=2)]
    page2 = [glyphs("办好民生实事。", top=row(0)), *paragraph(1)]
    assert "我们坚持以人民为中心的发展思想，持续增进民生福祉，切实办好民生实事。" in read(page1, page2)


def test_a_blank_line_is_a_paragraph_break() -> None:
    lines = [*paragraph(0)[:-1], justified(FULL, row(11)), glyphs("附件1", top=row(13))]
    assert read(lines)[-1] == "附件1"


def test_a_title_in_another_size_stands_alone() -> None:
    lines = [glyphs("2025年北京市政府工作报告", 181.0, 60.0, 18.0), *paragraph(1)]
    assert read(lines)[0] == "2025年北京市政府工作报告"


def test_a_note_in_a_smaller_size_stands_apart() -> None:
    lines = [*paragraph(0)[:-1], justified(FULL, row(11)), glyphs("注：数据为初步统计。", top=row(12), size=10.5)]
    assert read(lines)[-1] == "注：数据为初步统计。"


def test_a_wrapped_centred_title_is_one_paragraph() -> None:
    title = "关于进一步加强城市管理工作的实施意见（征求意见稿）"
    lines = [glyphs(title[:20], LEFT + 7, 50.0, 20.0), glyphs(title[20:], 247.0, 80.0, 20.0), *paragraph(2)]
    assert read(lines)[0] == title


def test_ragged_text_wraps_where_the_next_word_no_longer_fitted() -> None:
    # left-aligned text: a line ends where the next character or number did not fit on it
    lines = [glyphs(FULL, top=row(n)) for n in range(6)] + [
        glyphs("创新能力持续增强。", top=row(6)),
        glyphs("持续推进城市更新，实施城中村改造项目，累计完成投资额达", top=row(7)),  # `2083` needs 34 pt
        glyphs("2083亿元，" + FULL[:23], top=row(8)),
        glyphs(FULL[:28], top=row(9)),  # `业，` may not be split
        glyphs("业，" + FULL[:23] + "。", top=row(10)),  # three characters short: the next one would have fitted
        glyphs("各位代表：", top=row(11)),
    ]
    assert read(lines)[-2:] == ["持续推进城市更新，实施城中村改造项目，累计完成投资额达2083亿元，" + FULL[:23]
                                + FULL[:28] + "业，" + FULL[:23] + "。", "各位代表："]
