"""Cleaning shared by every reader: line repair, boilerplate, title and date."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from nlp.ingest.paragraphs import WHITESPACE, ZERO_WIDTH, Para
from nlp.lexicons import load_table

# A line ending with one of these closes a sentence; a single line break after
# it is a paragraph break even in documents that separate paragraphs by blank lines.
SENTENCE_END = "。！？!?：:…"
CLAUSE_END = "；;"
OPENERS = "“‘《（(〈「『【["
CONTINUERS = "，,。、；;：:！？!?”’》）)〉」』】]％%"
# characters that continue a number broken by a web copy: `74.4\n万亿元`, `PM\n2.5`
NUMBER_TAIL = re.compile(r"[0-9.．]$")
NUMBER_HEAD = re.compile(r"^[.．%％万亿千百元吨人个项件次多余]")
LATIN_TAIL = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,4}$")  # `PM` of `PM\n2.5`, not a whole English line
LATIN_HEAD = re.compile(r"^[0-9.]")
LATIN_EDGE = re.compile(r"[A-Za-z]")
HYPHEN_TAIL = re.compile(r"[A-Za-z0-9]-$")
COPULA_HEAD = re.compile(r"^(?:是|为)[:：]")  # a line that opens on `是：` continues the phrase before it
FRAGMENT = re.compile(r"[A-Za-z0-9.．%％]{1,3}")  # a line of a few letters or digits: a broken token
LINE_PATTERN_MAX = 200  # longest paragraph a `line`/`inline` pattern may remove (web furniture is short)
CHROME_MAX = 12
MIN_ITEM = 12  # `备案号: 辽ICP备…` is one item, not two
# a page number on a line of its own, as a PDF copied as text keeps it (— 3 —, -3-, 第3页 共9页)
PAGE_MARK = re.compile(r"[-—–－~]\s*\d{1,4}\s*[-—–－~]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
                       r"[-—–－]\s*[一二三四五六七八九十百]+\s*[-—–－]")  # (not 60/120: a figure done of its target)
SPACE_CLASS = "[" + "".join(re.escape(ch) for ch in WHITESPACE) + "]"
MARK_LINE = re.compile(f"^{SPACE_CLASS}*(?:{PAGE_MARK.pattern}|\\d{{1,3}}/\\d{{1,3}}){SPACE_CLASS}*$", re.MULTILINE)
PAGE_FRACTION = re.compile(r"(\d{1,3})/(\d{1,3})")
RUNNING_HEAD_MAX = 40  # a running header is a title line
# hard-wrapped text: lines of at least WRAP_MIN_LINE characters, WRAP_MIN_LINES of them; a line at WRAP_FULL of the
# widest (the 90th percentile) is full, and most lines are; one at WRAP_RUN_ON of it runs on (half-width punctuation
# and digits make a full line narrower); lines of a paragraph each (WRAP_MAX_WIDTH and wider) are no wrapping
WRAP_MIN_LINE = 8
WRAP_MIN_LINES = 8
WRAP_FULL = 0.8
WRAP_RUN_ON = 0.75
WRAP_MIN_WIDTH = 24
WRAP_MAX_WIDTH = 160
WRAP_INDENTS = 3
COLUMN_GAP = re.compile(r"(?<=\S)(?: {2,}|\u3000{2,})(?=\S)")  # a gap between two columns (not an indent)
INNER_PUNCT = re.compile(r"[，、；：,;:]|。(?=.)")  # a clause's punctuation inside a line
# a line opening an item of a list, which starts a paragraph of its own: （1）, 1）, ①, 一是, 第一，
ITEM_LINE = re.compile(r"(?:[（(]\d{1,3}[)）]|\d{1,3}[)）]|[\u2460-\u2473]|[一二三四五六七八九十]+是|"
                       r"第[一二三四五六七八九十]+[，,、])")
CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
JUSTIFIED = re.compile(f"(?<=[{CJK}]) +(?=[{CJK}])")  # spaces between two Chinese characters or signs

TITLE_DECORATION = re.compile(
    r"\s*[(（【\[]\s*(全文完整|全文|完整版?|完整|最新|精选|范文|word版?|可编辑|下载|原文|实录|定稿|终稿|"
    r"\d+篇|[一二三四五六七八九十]+篇)\s*[)）】\]]\s*$",
    re.IGNORECASE,
)
CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
DATE_ARABIC = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_HAN = re.compile(r"([〇零○O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
BRACKETED = re.compile(r"[（(]\s*([^（()）]+?)\s*[）)]\s*$")  # the last bracket of a line
NOT_BYLINE = re.compile(r"[\t｜|《]")  # a table's row, a title of an act
BYLINE = re.compile(r"^[—－-]{1,2}|在.{2,40}(会议|大会|会)上")
BYLINE_LINE = re.compile(r"[—－]{1,2}.{0,40}(?:会议|大会|会)上")
# a byline inside a line, with its date (——2026年1月9日在东湖区第八届人民代表大会第六次会议上)
BYLINE_SPAN = re.compile(r"[—－]*(?:\d{4}年\d{1,2}月\d{1,2}日)?在[^，,。；;]{2,40}?(?:会议|大会|会)上")
HAN = re.compile(r"[\u4e00-\u9fff]")
ZERO_WIDTH_RE = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]")
# (the kinds of official documents too, 公文种类: 决议, 命令, 公报, 公告, 通告, 通报, 请示, 批复, 议案, 函, and a reply's 答复)
DOC_TYPE = re.compile(r"报告|讲话|发言|致辞|总结|意见|通知|方案|规划|纪要|决定|汇报|部署|提纲|材料|台账|清单|分解表|要点|"
                      r"决议|命令|公报|公告|通告|通报|请示|批复|议案|答复|函$")
ANNEX_MARK = re.compile(r"附\s*件\s*[\d一二三四五六七八九十]{0,3}(?:[:：]|$)|附\s*[:：]")
TITLE_MAX = 30  # a title line (政府工作报告, 在全县公安工作会议上的讲话) is short and has no clause punctuation
CLAUSE_PUNCT_IN = re.compile(r"[，,；;。]")


@dataclass(frozen=True)
class Cleaned:
    paras: list[Para]
    boilerplate: tuple[str, ...]
    title: str | None
    date: str | None


def drop_page_furniture(lines: list[Para], source: str = "") -> tuple[list[Para], list[str]]:
    """Return the lines of a plain-text source without the page furniture a PDF copied as text keeps: page numbers
    on a line of their own (— 3 —, -3-, 第3页 共9页; not a bare number) and the running header after each (a line
    that opens two pages or more). A page break is a page number or a form feed. `source`, the text the lines
    come from, is looked through once for any such line first (most texts have none)."""
    if source and "\f" not in source and not MARK_LINE.search(source):
        return lines, []
    kept: list[Para] = []
    removed: list[str] = []
    after_break: list[int] = []  # indexes in `kept` of the first line of each page
    page_break = False
    pages_of = _page_fractions(lines)
    for line in lines:
        text = line.text.strip(WHITESPACE)
        if (PAGE_MARK.fullmatch(text) and not text.isdigit()) or text in pages_of:
            removed.append(text)
            page_break = True
            continue
        if "\f" in line.text:
            page_break = True
        if page_break and text:
            after_break.append(len(kept))
            page_break = False
        kept.append(line)
    heads = Counter(kept[i].text.strip(WHITESPACE) for i in after_break)
    running = {h for h, n in heads.items() if n >= 2 and len(h) <= RUNNING_HEAD_MAX}
    if not running:
        return kept, removed
    drop = {i for i in after_break if kept[i].text.strip(WHITESPACE) in running}
    removed += [kept[i].text.strip(WHITESPACE) for i in sorted(drop)]
    return [line for i, line in enumerate(kept) if i not in drop], removed


def _page_fractions(lines: list[Para]) -> frozenset[str]:
    """Lines 1/3, 2/3, 3/3: page numbers of a count of pages, where two or more of the same count run up one by one
    (not 60/120 and 200/400, nor 10/120, 20/120: figures done of their targets)."""
    found: dict[str, list[int]] = {}
    for line in lines:
        m = PAGE_FRACTION.fullmatch(line.text.strip(WHITESPACE))
        if m is not None and 0 < int(m.group(1)) <= int(m.group(2)):
            found.setdefault(m.group(2), []).append(int(m.group(1)))
    return frozenset(f"{n}/{total}" for total, ns in found.items()
                     if len(ns) >= 2 and ns == list(range(ns[0], ns[0] + len(ns))) for n in ns)  # (1/3, 2/3: one by one)


def wrap_width(lines: list[str]) -> float | None:
    """The width at which a text hard-wraps its lines (copied out of a PDF, or a scan's OCR): Chinese lines at
    least WRAP_MIN_WIDTH wide, most of them nearly as wide as the widest and many ending mid-sentence; None where
    each line is a paragraph (or a slogan, a verse, a table's row). The cheap tests come first."""
    long = [t for t in lines if len(t) >= WRAP_MIN_LINE and not _table_line(t)]
    if len(long) < WRAP_MIN_LINES:
        return None
    width_of = {t: _width(t) for t in long}
    widths = sorted(width_of.values())
    width = widths[int(len(widths) * 0.9)]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    full = [t for t in long if width_of[t] >= WRAP_FULL * width]
    if len(full) < 0.5 * len(long) or sum(t[-1] not in SENTENCE_END and t[-1] not in CLAUSE_END for t in full) \
            < 0.4 * len(full):
        return None
    if sum(width_of[t] for t in long) < 1.5 * sum(len(t) for t in long):
        return None  # (mostly ASCII, English or figures: not laid out by character widths)
    if sum(1 for t in long if INNER_PUNCT.search(t)) < 0.5 * len(long):
        return None  # (slogans, verse, names: lines without a comma inside are lines of their own)
    return width


def _table_line(text: str) -> bool:
    """Whether a line is a table's row pasted as text (cells split by tabs, bars or runs of spaces; not letters
    spaced out, 政  府  工  作  报  告)."""
    if "\t" in text or "|" in text or "｜" in text:
        return True
    if "  " not in text and "\u3000\u3000" not in text:
        return False  # (most lines: no gap of two spaces, no columns)
    cells = COLUMN_GAP.split(text)
    return len(cells) >= 3 and sum(len(c) >= 2 for c in cells) > len(cells) / 2


def _width(text: str) -> int:
    """A line's width as it is laid out: a Chinese character or full-width sign is two, an ASCII character one
    (counted in C: the ASCII characters are those an ASCII encoding keeps)."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def _unjustified(para: Para) -> Para:
    """A wrapped line without the spaces justification or a PDF's layout put between its Chinese characters
    (全 市 上 下 顶 压, 确保完成 年度投资); spaces beside Latin letters and digits kept."""
    text = para.text
    if " " not in text:
        return para
    pieces: list[Para] = []
    at = 0
    for m in JUSTIFIED.finditer(text):
        pieces.append(para.slice(at, m.start()))
        at = m.end()
    if not pieces:
        return para
    joined = pieces[0]
    for piece in [*pieces[1:], para.slice(at)]:
        joined = joined + piece
    return joined


def repair_lines(lines: list[Para]) -> list[Para]:
    """Join the lines of a plain-text source into paragraphs.

    Zero-width characters are dropped; a line that held only zero-width
    characters glues its neighbours (a web copy's `74.4\\n\\u200b\\n万亿元`). When
    the document separates paragraphs by blank lines, a single line break is a
    wrap unless it follows the end of a sentence; in a text wrapped at a fixed width (`wrap_width`) a full line
    runs on into the next unless that one is indented or opens a heading; otherwise each line is a
    paragraph, except where a number, a quotation or a clause is visibly broken.
    """
    cleaned: list[tuple[Para | None, bool]] = []  # (content line or None for blank, glue)
    indented: list[bool] = []
    for line in lines:
        had_zero_width = bool(ZERO_WIDTH_RE.search(line.text))
        stripped = line.drop(ZERO_WIDTH).strip() if had_zero_width else line.strip()
        if len(stripped):
            cleaned.append((stripped, False))
            raw = line.text
            indented.append(raw[:1] in ("\u3000", "\t") or raw[:2] == "  ")
        else:
            cleaned.append((None, had_zero_width))
            indented.append(False)
    wrap = wrap_width([p.text for p, _ in cleaned if p is not None])
    indents = sum(indented) >= WRAP_INDENTS  # whether the text marks its paragraphs by indenting them
    if wrap is not None:  # (a justified line's spaces between characters: 全 市 上 下 顶 压)
        cleaned = [(_unjustified(p) if p is not None and not _table_line(p.text) else p, g) for p, g in cleaned]
    blank_gaps = single_gaps = 0
    prev_content = False
    gap = 0
    for para, glue in cleaned:
        if para is None:
            if not glue:
                gap += 1
            continue
        if prev_content:
            if gap:
                blank_gaps += 1
            else:
                single_gaps += 1
        prev_content, gap = True, 0
    block_style = blank_gaps >= 3 and blank_gaps >= 0.5 * single_gaps

    paras: list[Para] = []
    blanks = 0
    glued = False
    fragment = False  # the line before was a piece of a broken token (`M` `2` of `广义货币M\n2\n预期增长`)
    last_full = False  # (wrapped text) whether the line before ran to the wrapping width
    for (para, glue), indent in zip(cleaned, indented, strict=True):
        if para is None:
            if glue:
                glued = True
            else:
                blanks += 1
            continue
        broken = fragment and not blanks
        fragment = bool(FRAGMENT.fullmatch(para.text))
        # (where paragraphs are not indented, a full line ending its sentence may end its paragraph)
        wrapped = wrap is not None and last_full and not blanks and not indent and not _is_marker_line(para.text) \
            and not ITEM_LINE.match(para.text) and not _table_line(para.text) \
            and (indents or paras[-1].text[-1] not in SENTENCE_END)
        last_full = wrap is not None and _width(para.text) >= WRAP_RUN_ON * wrap and not _table_line(para.text)
        if paras and (broken or wrapped
                      or _joins(paras[-1].text, para.text, blanks, glued, block_style, len(paras) == 1)):
            sep = " " if LATIN_EDGE.match(paras[-1].text[-1]) and LATIN_EDGE.match(para.text[0]) else ""
            paras[-1] = paras[-1] + Para.of(sep) + para if sep else paras[-1] + para
        else:
            paras.append(para)
        blanks, glued = 0, False
    return paras


def _joins(prev: str, line: str, blanks: int, glued: bool, block_style: bool, first: bool = False) -> bool:
    """Whether `line` continues the paragraph ending `prev` (`first`: the document's first paragraph so far)."""
    if line[0] in CONTINUERS or prev[-1] in OPENERS or prev[-1] in "，,、":
        return True
    if not blanks and prev[-1] not in SENTENCE_END and (COPULA_HEAD.match(line) or FRAGMENT.fullmatch(line)):
        return True  # `主要预期目标\n是：…`, `广义货币M\n2`: a line that cannot stand alone
    if glued and not blanks:
        return True
    if blanks:
        return False
    if BYLINE_LINE.fullmatch(line) or BYLINE_LINE.fullmatch(prev):
        return False  # a byline (——2026年1月9日在…会议上) and the speaker's line after it stand alone
    if first and len(prev) <= TITLE_MAX and DOC_TYPE.search(prev, len(prev) - 2) and not CLAUSE_PUNCT_IN.search(prev):
        return False  # the title (…的讲话, 石门镇2025年工作总结) stands alone above its byline
    if HYPHEN_TAIL.search(prev) and (LATIN_EDGE.match(line) or line[0].isdigit()):
        return True  # a token broken at its hyphen (5G-\nA, 2-\n3)
    if (NUMBER_TAIL.search(prev) and NUMBER_HEAD.match(line)) or (LATIN_TAIL.search(prev) and LATIN_HEAD.match(line)):
        return not _is_marker_line(line)
    if not block_style or _table_line(prev) or _table_line(line) or (
            FIELD_LINE.match(line) and (len(prev) <= FIELD_AFTER or FIELD_LINE.match(prev))):
        return False  # (a table's rows, a card's fields: 分值：5分 / 责任单位：县应急管理局, each a line of its own; not
        # …确定全年主要预期 / 目标：…, a wrapped sentence)
    if prev[-1] in CLAUSE_END:
        return not _is_marker_line(line)
    return prev[-1] not in SENTENCE_END and not _is_marker_line(line) and not _is_marker_line(prev)


# a field's label opening its line (责任单位：, 分值：, 注：, 时间：; not 务必做到：, 强调：, words of a sentence)
FIELD_AFTER = 20  # a field's line follows a field's, a heading or a title: a line this short at most
FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{0,4}(?:单位|部门|领导|时限|时间|分值|权重|标准|目标值|目标任务|目标|目标要求|备注|注|说明|地点|"
                        r"主持|出席|列席|请假|记录|议题|责任人|联系人|电话|来源|编辑|审核|责编|终审)[：:]")


MARKER_LINE = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、]\D|第[一二三四五六七八九十]+[部章节])")


def _is_marker_line(text: str) -> bool:
    return bool(MARKER_LINE.match(text))


@cache
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    by_scope: dict[str, list[re.Pattern[str]]] = {"line": [], "inline": [], "chrome": [], "tail": []}
    for row in load_table("boilerplate"):
        by_scope[row["scope"]].append(re.compile(row["pattern"], re.IGNORECASE))
    return by_scope


@cache
def _inline_anywhere() -> re.Pattern[str]:
    """One regex finding where an inline item starts inside a paragraph."""
    bodies = [p.pattern.lstrip("^") for p in _patterns()["inline"]]
    return re.compile("|".join(f"(?:{b})" for b in bodies), re.IGNORECASE)


@cache
def _scope_match(*scopes: str) -> Callable[[str], re.Match[str] | None]:
    """Return a match of a text against any pattern of `scopes`: one regex instead of a match per pattern."""
    patterns = [p.pattern for scope in scopes for p in _patterns()[scope]]
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!x)x", re.IGNORECASE).match


def _boilerplate_kind(text: str) -> str | None:
    if _scope_match("tail")(text):
        return "tail"
    if len(text) <= CHROME_MAX and _scope_match("chrome")(text):
        return "chrome"
    if len(text) <= LINE_PATTERN_MAX and _scope_match("line", "inline")(text):
        return "line"
    return None


def _split_items(text: str) -> list[str]:
    """Split one boilerplate paragraph into its items (`Powered by … 备案号: …`)."""
    starts = [0]
    for m in _inline_anywhere().finditer(text):
        if m.start() >= starts[-1] + MIN_ITEM:
            starts.append(m.start())
    items = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    return [i for i in items if i]


def remove_boilerplate(paras: list[Para]) -> tuple[list[Para], list[str]]:
    """Return the body paragraphs and the boilerplate items removed."""
    kept: list[Para] = []
    removed: list[str] = []
    in_tail = False  # a licence footer runs to the end of its document: the end of the file, or a next title
    for para in paras:
        text = para.text
        kind = _boilerplate_kind(text)
        if in_tail and _starts_document(text):
            in_tail = False  # the next document of a file that binds several
        if kind == "tail" or in_tail:
            removed.append(text)
            in_tail = True
            continue
        if kind == "chrome":
            removed.append(text)
        elif kind == "line":
            removed.extend(_split_items(text))
        else:
            kept.append(para)
    return kept, removed


def _starts_document(text: str) -> bool:
    """Whether a paragraph is a document's title line: short, naming a kind of document, not a sentence."""
    return len(text) <= TITLE_MAX and bool(DOC_TYPE.search(text)) and not any(ch in text for ch in "。；;，,")


def clean_title(text: str) -> str:
    """Return a title without decorations such as `(全文完整)`."""
    title = text.strip(WHITESPACE)
    while True:
        new = TITLE_DECORATION.sub("", title)
        if new == title:
            return title
        title = new


def _title_index(paras: list[Para]) -> int | None:
    """Return the index of the title among the opening lines, preferring one that names a document type."""
    candidates: list[int] = []
    for i, para in enumerate(paras[:8]):
        text = para.text
        if len(text) > 60:
            break  # the body began
        if not HAN.search(text):
            continue
        if text.endswith(("：", ":")) or _is_marker_line(text):
            break  # a salutation (同志们：) or the first heading opens the body
        if "\t" in text.strip() or text.count("｜") + text.count("|") >= 2:
            continue  # a table's row (序号\t重点任务…, | 序号 | 督办事项 |), or a header line in cells (…〔2025〕3号\t签发人)
        if text[-1] in "。；;，," or text.startswith(("—", "－", "-")) or (BYLINE.search(text) and _parse_date(text)):
            continue
        if DATE_ARABIC.fullmatch(text) or DATE_HAN.fullmatch(text) or ANNEX_MARK.match(text.strip(WHITESPACE)):
            continue  # (附件1 above an annex's title; 附：…清单 names what is attached, not the document)
        if DOCUMENT_NUMBER.fullmatch(text.strip(WHITESPACE)) or LABELLED.match(text.strip(WHITESPACE)):
            continue  # 汀住建函〔2025〕58号: the document's number, not its title; 答复类别：A类, a field
        candidates.append(i)
    typed = [i for i in candidates if DOC_TYPE.search(paras[i].text)]
    # (a 红头 document's title says what it is about, 关于…的通知, under its masthead: …人民政府公报, …办公室便函)
    return next((i for i in typed if "关于" in paras[i].text), typed[0] if typed else candidates[0] if candidates else None)


def find_date(paras: list[Para]) -> str | None:
    """Return the ISO date the document states in its header lines or last line."""
    candidates = paras[:10] + paras[-3:]
    for para in candidates:
        text = para.text
        if len(text) > 80:
            continue
        date = _parse_date(text)
        if date and (BYLINE.search(text) or len(text) <= 16 or _dated_in_brackets(text)):
            return date
    return None


def _dated_in_brackets(text: str) -> bool:
    """Whether a line closes on its date in brackets, the date alone (…市长　祁守谦（2025年2月14日）: a speech's
    byline; not a deadline, （2025年12月31日前）, an act's revision, （2019年11月29日修订）, a table's row or a title)."""
    m = BRACKETED.search(text)
    return m is not None and not NOT_BYLINE.search(text) and bool(
        DATE_ARABIC.fullmatch(m.group(1)) or DATE_HAN.fullmatch(m.group(1)))


def _parse_date(text: str) -> str | None:
    m = DATE_ARABIC.search(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = DATE_HAN.search(text)
        if not m:
            return None
        y = int("".join(str(CN_DIGITS[c]) for c in m.group(1)))
        mo, d = _han_small(m.group(2)), _han_small(m.group(3))
    if 1 <= mo <= 12 and 1 <= d <= 31 and 1949 <= y <= 2100:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _han_small(text: str) -> int:
    """Return the value of a Han numeral from 一 to 三十一."""
    if text.startswith("十"):
        return 10 + (CN_DIGITS[text[1]] if len(text) > 1 else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CN_DIGITS[tens] * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[text]


def clean(paras: list[Para]) -> Cleaned:
    """Remove boilerplate and repeated title lines; find the title and the date."""
    kept, removed = remove_boilerplate(paras)
    title_at = _title_index(kept)
    title = None
    if title_at is not None:
        title_text = kept[title_at].text
        title = clean_title(title_text)
        if title_at > 0 and WRAPPED_TAIL.match(title) and DOC_TYPE.search(title) \
                and _is_title_head(kept[title_at - 1].text):
            # a title wrapped before its last words (…重点工作推进情况 / 的报告): the two lines are the title
            title = clean_title(kept[title_at - 1].text) + title
        key = _title_key(title_text)
        body: list[Para] = []
        for i, para in enumerate(kept):
            if i != title_at and i < title_at + 12 and _title_key(para.text) == key:
                removed.append(para.text)
            else:
                body.append(para)
        kept = body
    return Cleaned(kept, tuple(removed), title or None, find_date(kept))


NOT_TITLE_HEAD = re.compile(r"〔\d{4}〕|\[\d{4}\]|第\s*\d+\s*期")
# a field of a document's head and its value (答复类别：A类, 报送单位：…, 索引号：…): no title
LABELLED = re.compile(r"[\u4e00-\u9fff]{0,6}(?:单位|机构|号|方式|类别|类型|主送|抄送|抄报|签发人|日期|时间|编号|密级|缓急|电话|"
                      r"联系人|办理结果|主题词|分类|文号|印发)[:：]")  # (not 枫溪县：…稳步推进, 泓川县住建局：2025年工作总结)
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号")  # 枫督通〔2025〕9号
# the last words of a title wrapped onto a line of their own: a particle or conjunction, then the kind of document
WRAPPED_TAIL = re.compile(r"^(?:的|和|及|与|暨)[\u4e00-\u9fff]{0,8}$")


def _is_title_head(text: str) -> bool:
    """Whether a line can open a title wrapped onto the next line: short, Han, no sentence punctuation nor space;
    not a date, a document number (石政发〔2025〕18号) or an issue (第12期)."""
    return (len(text) <= TITLE_MAX and bool(HAN.search(text)) and not any(ch in text for ch in "。；;，,：: 　")
            and _parse_date(text) is None and not NOT_TITLE_HEAD.search(text))


def _title_key(text: str) -> str:
    return re.sub(r"\s+", "", clean_title(text))
