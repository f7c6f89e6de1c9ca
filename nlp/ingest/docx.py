"""Word reader: paragraphs and tables in order, heading levels, automatic numbering.

python-docx gives the paragraphs but drops the list numbers Word draws from
numbering.xml (`一、`, `（一）`, `1.`); office documents rely on them, so they
are rebuilt here and inserted as generated text. Headers and footers are not
part of the body and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nlp.budget import MAX_CHARS, MAX_TABLE_DEPTH, BudgetError, check_chars
from nlp.errors import InputError
from nlp.ingest.paragraphs import ROW_STRIP, WHITESPACE, ZERO_WIDTH, Para
from nlp.ingest.safety import load_package, verify_zip
from nlp.numerals import LEGAL, chinese_count

HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
MAX_LEVEL = 8  # Word's list levels are 0-8
MAX_START = 32767  # the largest start number Word accepts


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


# elements inside a table cell that hold its paragraphs and nested tables
CONTAINERS = frozenset(_w(t) for t in ("tr", "tc", "sdt", "sdtContent", "customXml", "smartTag"))


def _val(el: Any, tag: str) -> str | None:
    child = el.find(_w(tag)) if el is not None else None
    return child.get(_w("val")) if child is not None else None


def _int(value: str | None, default: int, high: int) -> int | None:
    """Return an integer attribute of numbering.xml within 0..high, `default` when absent, None when malformed."""
    if value is None:
        return default
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 9 or int(value) > high:
        return None
    return int(value)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_count(n)
    if fmt == "chineseLegalSimplified":
        return chinese_count(n, LEGAL, "拾")
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"


@dataclass
class Numbering:
    """List definitions of numbering.xml and the running counters."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstractId, start overrides)
    counters: dict[str, list[int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_part(cls, element: Any) -> Numbering:
        numbering = cls()
        if element is None:
            return numbering
        for absnum in element.findall(_w("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in absnum.findall(_w("lvl")):
                ilvl = _int(lvl.get(_w("ilvl")), 0, MAX_LEVEL)
                if ilvl is None:
                    continue  # a level Word cannot have: ignored, as Word ignores it
                levels[ilvl] = _Level(
                    start=_int(_val(lvl, "start"), 1, MAX_START) or 1,
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    suffix=_val(lvl, "suff") or "tab",
                )
            numbering.abstract[absnum.get(_w("abstractNumId"))] = levels
        for num in element.findall(_w("num")):
            overrides = {}
            for ov in num.findall(_w("lvlOverride")):
                start = _int(_val(ov, "startOverride"), -1, MAX_START)
                level = _int(ov.get(_w("ilvl")), 0, MAX_LEVEL)
                if start is not None and start >= 0 and level is not None:
                    overrides[level] = start
            numbering.nums[num.get(_w("numId"))] = (_val(num, "abstractNumId") or "", overrides)
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of list `num_id` at level `ilvl` and return the label Word shows."""
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, [lv.start - 1 for _, lv in sorted(levels.items())]
                                            + [0] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl_index, start in overrides.items():
                counters[lvl_index] = start - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = levels[deeper].start - 1 if deeper in levels else 0
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            return format_number(counters[k], lv.fmt)

        label = re.sub(r"%(\d)", sub, level.text)
        if label and level.suffix != "nothing" and label[-1] not in "、）)．.，：":
            label += " "
        elif label and level.suffix == "tab" and label[-1] in ".．":
            label += " "
        return label


def _style_props(style: Any) -> tuple[tuple[str, int] | None, int | None]:
    """Return (numbering, heading level) a paragraph style gives, following based-on styles."""
    num = None
    level = None
    depth = 0
    while style is not None and depth < 10:
        m = HEADING_STYLE.match(style.name or "") if level is None else None
        if m:
            level = int(m.group(1))
        ppr = style.element.pPr
        if ppr is not None:
            if level is None:
                outline = _val(ppr, "outlineLvl")
                if outline is not None and outline.isdigit() and int(outline) < 9:
                    level = int(outline) + 1
            if num is None and ppr.numPr is not None:
                num_id = _val(ppr.numPr, "numId")
                ilvl = _int(_val(ppr.numPr, "ilvl"), 0, MAX_LEVEL)
                if num_id and ilvl is not None:
                    num = (num_id, ilvl)
        style = style.base_style
        depth += 1
    return num, level


def _run_text(p: Any) -> str:
    parts: list[str] = []
    for r in p.iter(_w("r")):
        for child in r:
            tag = child.tag
            if tag == _w("t"):
                parts.append(child.text or "")
            elif tag == _w("tab"):
                parts.append("\t")
            elif tag in (_w("br"), _w("cr")):
                parts.append("\n")
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
    return "".join(parts)


MAX_GRID_SPAN = 64  # the most columns one cell may span (Word allows 63)


def _cell_text(tc: Any, path: str, max_chars: int) -> str:
    """Return the text of a table cell, tables nested in it included: every paragraph read once, however deep."""
    parts: list[str] = []

    def read(element: Any, depth: int) -> None:
        for child in element:
            tag = child.tag
            if tag == _w("p"):
                parts.append(_run_text(child).replace("\n", " ").strip())  # (a break in a cell: as a new paragraph)
            elif tag == _w("tbl"):
                if depth >= MAX_TABLE_DEPTH:
                    raise BudgetError(path, f"tables nested more than {MAX_TABLE_DEPTH} deep",
                                      "this is not an ordinary document; flatten its tables")
                read(child, depth + 1)
            elif tag in CONTAINERS:
                read(child, depth)

    read(tc, 1)
    text = " ".join(p for p in parts if p)
    check_chars(len(text), path, max_chars)
    return text


def read_docx(data: bytes, path: str, max_chars: int = MAX_CHARS) -> tuple[list[Para], str]:
    """Return the paragraphs and the source text (paragraphs without list numbers) of a .docx."""
    names = verify_zip(data, path)  # every part inflated and counted once before python-docx sees it
    if "word/document.xml" not in names:
        raise InputError(path, "the zip has no word/document.xml, so it is not a Word document",
                         "save it as .docx from Word or WPS")
    import docx  # python-docx, imported only when a Word file is read
    from docx.opc.exceptions import PackageNotFoundError
    from docx.styles.style import ParagraphStyle

    document = load_package(docx.Document, data, path, "Word", (PackageNotFoundError,))
    try:
        numbering_element = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_element = None
    numbering = Numbering.from_part(numbering_element)
    styles = {s.style_id: s for s in document.styles if isinstance(s, ParagraphStyle)}
    style_cache: dict[str, tuple[tuple[str, int] | None, int | None]] = {}
    default_style = document.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)

    source_parts: list[str] = []
    paras: list[Para] = []
    pos = 0

    def add(text: str, label: str = "", level: int | None = None, strip: str = WHITESPACE) -> None:
        nonlocal pos
        start = pos
        source_parts.append(text + "\n")
        pos += len(text) + 1
        check_chars(pos, path, max_chars)
        offset = 0
        for n, line in enumerate(text.split("\n")):
            para = Para.of(label if n == 0 else "", -1) + Para.of(line, start + offset)
            para = para.drop(ZERO_WIDTH).strip(strip)
            para.level = level if n == 0 else None
            if len(para):
                paras.append(para)
            offset += len(line) + 1

    def paragraph(p: Any) -> None:
        ppr = p.pPr
        style_id = (_val(ppr, "pStyle") if ppr is not None else None) or ""
        if style_id not in style_cache:
            style_cache[style_id] = _style_props(styles.get(style_id) if style_id else default_style)
        num, level = style_cache[style_id]
        if ppr is not None and ppr.numPr is not None:
            num_id = _val(ppr.numPr, "numId")
            ilvl = _int(_val(ppr.numPr, "ilvl"), 0, MAX_LEVEL)
            if num_id and ilvl is not None:
                num = (num_id, ilvl)
        if ppr is not None:
            outline = _val(ppr, "outlineLvl")
            if outline is not None and outline.isdigit() and int(outline) < 9:
                level = int(outline) + 1
        text = _run_text(p)
        label = numbering.label(*num) if num and text.strip() else ""
        add(text, label, level)

    def table(tbl: Any, depth: int = 1) -> None:
        # one line per row, its cells joined by tabs, one cell per grid column (a cell merged across columns, then
        # empty ones), a cell merged down the rows holding the text of its first row (as a reader sees it); the
        # empty cells at the ends of a row are kept, so that each column is where the header puts it
        rows = tbl.findall(_w("tr"))
        only = rows[0].findall(_w("tc")) if len(rows) == 1 else []
        if len(only) == 1 and only[0].find(f".//{_w('tbl')}") is not None:
            if depth >= MAX_TABLE_DEPTH:
                raise BudgetError(path, f"tables nested more than {MAX_TABLE_DEPTH} deep",
                                  "this is not an ordinary document; flatten its tables")
            walk(only[0], depth + 1)  # a frame of one cell around the document: its paragraphs and tables as such
            return
        above: dict[int, str] = {}  # grid column -> the text of the cell in it on the row above
        for tr in rows:
            cells: list[str] = []
            for tc in tr.findall(_w("tc")):
                tcpr = tc.find(_w("tcPr"))
                span = _int(_val(tcpr, "gridSpan"), 1, MAX_GRID_SPAN) if tcpr is not None else 1
                merged = tcpr.find(_w("vMerge")) if tcpr is not None else None
                continued = merged is not None and merged.get(_w("val")) in (None, "continue")
                text = above.get(len(cells), "") if continued else _cell_text(tc, path, max_chars)
                above[len(cells)] = text
                cells += [text] + [""] * ((span or 1) - 1)
            add("\t".join(cells), strip=ROW_STRIP)

    def walk(container: Any, depth: int = 0) -> None:
        for child in container:
            if child.tag == _w("p"):
                paragraph(child)
            elif child.tag == _w("tbl"):
                table(child, depth + 1)
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    walk(content, depth)

    walk(document.element.body)
    return paras, "".join(source_parts)
