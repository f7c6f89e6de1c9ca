"""PDF reader (pdfplumber): running headers, footers and page numbers removed,
wrapped lines joined by layout, paragraph breaks kept; every character keeps its page.

Lines are joined by where they sit in the text block (its left and right
edges, its line pitch and body size, measured on the document): a line that
reaches the right edge wraps into the next one, unless the next one is
indented, further down than the line pitch, or set in another size. Spaces
that the extractor inferred from a gap next to a CJK character (the room a word
processor leaves around `75` in `75 周年`, a justified line stretched wide) are
dropped from the analysed text; the source text keeps them.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from itertools import groupby, pairwise
from operator import itemgetter
from statistics import median
from typing import Any

from nlp.errors import InputError
from nlp.ingest.paragraphs import ZERO_WIDTH, Para

PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[-—–－]\s*[一二三四五六七八九十百]+\s*[-—–－])$",
    re.IGNORECASE,
)
MARGIN = 0.12  # share of the page height at the top and bottom where running heads and page numbers sit
REPEAT_SHARE = 0.5  # a margin line repeated on at least this share of pages is a running header/footer
CID = re.compile(r"\(cid:\d+\)")
CID_SHARE = 0.1  # a stray (cid:NN) is tolerated; a tenth of the text in them is unreadable
TOLERANCE = 3  # pt, pdfplumber's: characters whose tops are this close share a line; a wider gap is a space
LATIN = re.compile(r"[A-Za-z0-9]")
# CJK: Han, kana, hangul, CJK and full-width punctuation, and the quotes, dashes and ellipsis CJK fonts set full width
CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026]")
NO_LINE_START = frozenset("，。、；：！？）》」』”’…%％·,.;:!?)]")  # these go down with the character before them
OPENERS = frozenset("“‘（《「『【([")  # …and these with the character after them
# Layout thresholds, in ems of the body size (spaces: of the line's size). Measured on LibreOffice exports of
# 31 provincial reports (Noto CJK, DejaVu; justified and ragged) and on reportlab output (STSong):
SPACE_CJK = 0.15  # a typed space between CJK characters leaves ≥ 0.21 em beyond the line's tracking
SPACE_MIXED = 0.33  # between CJK and Latin a word processor leaves 0.19–0.31 em; a typed space ≥ 0.35 em
INDENT = 0.5  # a first line starts at least half a character in from the block's left edge (two characters, usually)
CENTRED = 0.25  # a centred line stands this far off the left edge at least, as far as off the right one
EDGE = 0.15  # lines of justified text end this close to the right edge…
JUSTIFIED_SHARE = 0.9  # …at least this share of the long ones (found 0.98–1.00; in ragged text 0.13–0.81)
SHORT = 0.25  # a line of justified text ending further from the edge than this closes its paragraph
FIT = 0.1  # a line of ragged text closes its paragraph when the next line's first word would have fitted
GAP = 1.4  # a line further below the one before than this many line pitches follows spacing or a blank line
SIZE_CHANGE = 0.15  # a line whose size differs by this share of the body size starts a new paragraph


def _open(data: bytes, path: str) -> Any:
    import pdfplumber  # imported only when a PDF is read
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 - parses the page tree, where damage and encryption show
    except Exception as exc:
        cause = exc.__cause__ or exc.__context__ or exc
        names = {type(exc).__name__, type(cause).__name__}
        text = f"{exc} {cause}".lower()
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or "password" in text \
                or names & {"PDFPasswordIncorrect", "PDFEncryptionError"}:
            raise InputError(path, "the PDF is encrypted with a password",
                             "save an unprotected copy and analyse that") from exc
        if isinstance(cause, PDFSyntaxError) or names & {"PDFSyntaxError", "PdfminerException",
                                                         "MalformedPDFException", "PSEOF"}:
            raise InputError(path, f"the PDF is damaged ({type(cause).__name__})",
                             "re-export it from the original document") from exc
        raise
    return pdf


def check_unicode(text: str, path: str) -> None:
    """Refuse text that a PDF without a Unicode map gives: `(cid:123)(cid:456)…`."""
    cid_chars = sum(len(m) for m in CID.findall(text))
    if cid_chars > CID_SHARE * max(len(text), 1):
        raise InputError(path, "the PDF's fonts have no Unicode map: its text comes out as (cid:NN)",
                         "re-export it with embedded Unicode fonts, or run OCR on it")


@dataclass(frozen=True)
class _Line:
    """A body line as the layout sees it."""

    x0: float
    x1: float  # right end of the text, without punctuation hanging past the block's edge
    top: float
    size: float
    page: int
    lead: float  # width of the line's first unbreakable unit: what the line before could not fit


@dataclass(frozen=True)
class _Block:
    """The text block: its edges, the body font size, the line pitch, and whether lines are justified."""

    left: float
    right: float
    size: float
    pitch: float | None
    justified: bool

    def slack(self, line: _Line) -> float:
        """Return the room a line leaves inside the block, left and right."""
        return (line.x0 - self.left) + (self.right - line.x1)

    def centred(self, line: _Line) -> bool:
        """Return whether a line sits in the middle of the block, off its left edge."""
        return (line.x0 > self.left + CENTRED * self.size
                and abs((line.x0 - self.left) - (self.right - line.x1)) <= self.size)


def _clusters(values: list[float]) -> dict[float, int]:
    """Number the values in clusters: sorted, a value within TOLERANCE of the one before joins its cluster."""
    ids: dict[float, int] = {}
    n = -1
    last = None
    for v in sorted(set(values)):
        if last is None or v > last + TOLERANCE:
            n += 1
        ids[v] = n
        last = v
    return ids


def _lines(page: Any, ligatures: dict[str, str]) -> list[dict[str, Any]]:
    """Return the text lines of a page as pdfplumber's `extract_text_lines` gives them, in one pass.

    Same rules, without the general text map: characters whose tops chain within
    TOLERANCE share a row; in a row, in x order, a blank character, a step back
    or a gap wider than TOLERANCE starts a word; words whose tops chain within
    TOLERANCE share a line, in x order, joined by one space. Each line carries
    its characters, one per letter of its text, and `typed`: the spaces that
    stand for a blank character of the PDF. Pages with rotated characters are
    left to pdfplumber.
    """
    chars = page.chars
    if not all(c["upright"] for c in chars):
        return [ln for ln in page.extract_text_lines(strip=True, return_chars=True) if ln["text"].strip()]
    rows = _clusters([c["top"] for c in chars])
    words: list[list[dict[str, Any]]] = []
    after_blank: list[bool] = []  # the word follows a blank character of its row
    for _, row in groupby(sorted(chars, key=lambda c: rows[c["top"]]), key=lambda c: rows[c["top"]]):
        word: list[dict[str, Any]] = []
        blank = False
        for c in sorted(row, key=itemgetter("x0")):
            text = c["text"]
            if not text or text.isspace():
                if word:
                    words.append(word)
                    after_blank.append(blank)
                if not text:  # an empty character is a word of its own, as in pdfplumber
                    words.append([c])
                    after_blank.append(False)
                word, blank = [], bool(text)
            elif word and (c["x0"] < word[-1]["x0"] or c["x0"] > word[-1]["x1"] + TOLERANCE
                           or abs(c["top"] - word[-1]["top"]) > TOLERANCE):
                words.append(word)
                after_blank.append(blank)
                word, blank = [c], False
            else:
                word.append(c)
        if word:
            words.append(word)
            after_blank.append(blank)
    tops = [min(c["top"] for c in w) for w in words]
    lefts = [min(c["x0"] for c in w) for w in words]
    ids = _clusters(tops)
    by_top = sorted(range(len(words)), key=tops.__getitem__)
    lines = []
    for _, group in groupby(sorted(by_top, key=lambda i: ids[tops[i]]), key=lambda i: ids[tops[i]]):
        parts: list[str] = []
        line_chars: list[dict[str, Any]] = []
        typed: set[int] = set()
        length = 0
        for i in sorted(group, key=lefts.__getitem__):
            if parts:
                if after_blank[i]:
                    typed.add(length)
                parts.append(" ")
                length += 1
            for c in words[i]:
                letters = ligatures.get(c["text"], c["text"])
                parts.append(letters)
                line_chars.extend([c] * len(letters))
                length += len(letters)
        text = "".join(parts)
        if text.strip():
            lines.append({"text": text, "chars": line_chars, "typed": typed,
                          "x0": min(c["x0"] for c in line_chars), "x1": max(c["x1"] for c in line_chars),
                          "top": min(c["top"] for c in line_chars),
                          "bottom": max(c["bottom"] for c in line_chars)})
    return lines


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def read_pdf(data: bytes, path: str) -> tuple[list[Para], str, tuple[int, ...], list[str]]:
    """Return paragraphs, source text, page start offsets and removed headers/footers of a PDF."""
    from pdfplumber.utils.text import LIGATURES  # the extractor writes `ﬁ` as `fi`

    pdf = _open(data, path)
    try:
        pages: list[tuple[Any, list[dict[str, Any]]]] = []
        any_chars = False
        for page in pdf.pages:
            if page.chars:
                any_chars = True
            pages.append((page, _lines(page, LIGATURES)))
    except Exception as exc:
        if type(exc).__name__ in ("PDFSyntaxError", "PdfminerException", "PSEOF", "MalformedPDFException"):
            raise InputError(path, f"the PDF is damaged ({type(exc).__name__})",
                             "re-export it from the original document") from exc
        raise
    finally:
        pdf.close()
    if not pages:
        raise InputError(path, "the PDF has no pages", "re-export it from the original document")
    if not any_chars:
        raise InputError(path, "the PDF has no text layer (a scan?)", "run OCR on it first, then analyse the result")
    check_unicode("".join(ln["text"] for _, lines in pages for ln in lines), path)

    # running heads and feet: margin lines repeated on most pages, and page numbers
    margin_counts: Counter[str] = Counter()
    for page, lines in pages:
        keys = {_margin_key(ln["text"]) for ln in lines if _in_margin(ln, page)}
        margin_counts.update(keys)
    min_repeat = max(2, int(REPEAT_SHARE * len(pages) + 0.5)) if len(pages) > 1 else 10**9

    source_parts: list[str] = []
    page_starts: list[int] = []
    removed: list[str] = []
    body: list[tuple[int, dict[str, Any], int]] = []  # (source offset, line, page number)
    pos = 0
    for number, (page, lines) in enumerate(pages, 1):
        page_starts.append(pos)
        for ln in lines:
            text = ln["text"]
            source_parts.append(text + "\n")
            if _in_margin(ln, page) and (PAGE_NUMBER.match(text.strip())
                                         or margin_counts[_margin_key(text)] >= min_repeat):
                removed.append(text)
            else:
                body.append((pos, ln, number))
            pos += len(text) + 1
    return _paragraphs(body), "".join(source_parts), tuple(page_starts), removed


def _in_margin(line: dict[str, Any], page: Any) -> bool:
    height = float(page.height) or 1.0
    return line["top"] < MARGIN * height or line["bottom"] > (1 - MARGIN) * height


def _is_cjk(ch: str) -> bool:
    return bool(CJK.match(ch))


def _gap_spaces(line: dict[str, Any]) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
    """Return the spaces of a line that stand for a gap, not a blank character: (index, char before, char after).

    Every space of the text falls between two words and every other letter is
    one of the line's characters, so the characters either side are known.
    """
    text, chars = line["text"], line["chars"]
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces or len(text) - len(spaces) != len(chars):
        return []
    typed = line.get("typed", ())
    return [(i, chars[i - n - 1], chars[i - n]) for n, i in enumerate(spaces) if i not in typed]


def _line_para(line: dict[str, Any], offset: int, size: float) -> Para:
    """Return a line as a paragraph without the spaces that only stand for layout.

    A gap wider than TOLERANCE becomes a space. Between CJK characters that is a
    typed space only when the gap exceeds the line's own tracking (a justified
    line may spread every character) by a space's width; next to a Latin
    character it is the room a word processor leaves between scripts unless it
    is wider still. Spaces that are blank characters of the PDF are kept.
    """
    text = line["text"]
    para = Para.of(text, offset)
    spaces = _gap_spaces(line)
    if spaces:
        tracking = median(b["x0"] - a["x1"] for a, b in pairwise(line["chars"]))
        drop = []
        for i, before, after in spaces:
            extra = after["x0"] - before["x1"] - tracking
            cjk_before, cjk_after = _is_cjk(before["text"][-1:]), _is_cjk(after["text"][:1])
            if cjk_before and cjk_after:
                typed = extra >= SPACE_CJK * size
            else:
                typed = not (cjk_before or cjk_after) or extra >= SPACE_MIXED * size
            if not typed:
                drop.append(i)
        if drop:
            kept = Para()
            start = 0
            for i in drop:
                kept = kept + para.slice(start, i)
                start = i + 1
            para = kept + para.slice(start)
    if not ZERO_WIDTH.isdisjoint(text):
        para = para.drop(ZERO_WIDTH)
    return para.strip()


def _right_end(chars: list[dict[str, Any]], right: float, size: float) -> float:
    """Return where a line's text ends, leaving out punctuation hung past the right edge."""
    if len(chars) > 1 and chars[-1]["x1"] > right + 0.1 * size and not chars[-1]["text"].isalnum():
        return float(chars[-2]["x1"])
    return float(chars[-1]["x1"])


def _lead(chars: list[dict[str, Any]]) -> float:
    """Return the width of a line's first unbreakable unit: a CJK character or a Latin word,
    with an opening bracket before it and the punctuation that may not start a line after it."""
    end = 0
    if chars[0]["text"] in OPENERS:
        end = min(1, len(chars) - 1)
    if not _is_cjk(chars[end]["text"][:1]):
        while (end + 1 < len(chars) and not _is_cjk(chars[end + 1]["text"][:1])
               and chars[end + 1]["x0"] - chars[end]["x1"] <= TOLERANCE):  # the word goes on
            end += 1
    while end + 1 < len(chars) and chars[end + 1]["text"] in NO_LINE_START:
        end += 1
    return float(chars[end]["x1"] - chars[0]["x0"])


def _mode(values: list[float], step: float = 1.0) -> float:
    """Return the most common value, counted in bins of `step`, as the mean of that bin and its neighbours."""
    bins = Counter(round(v / step) for v in values)
    best = max(bins, key=lambda b: (bins[b] + bins[b - 1] + bins[b + 1], -b))
    near = [v for v in values if abs(v / step - best) <= 1.5]
    return sum(near) / len(near)


def _block(lines: list[tuple[int, dict[str, Any], int]], sizes: list[float]) -> _Block:
    """Measure the text block from its lines: edges, body size, pitch, justification.

    Most lines of a justified text end at the right edge, so the most common
    line end is the edge; in ragged text it is only the end of the lines set
    in CJK characters alone, and the edge lies at the far end of line ends.
    """
    size = median(sizes) or 10.0
    left = _mode([float(ln["x0"]) for _, ln, _ in lines])
    common = _mode([float(ln["x1"]) for _, ln, _ in lines])
    ends = sorted(_right_end(ln["chars"], common, size) for _, ln, _ in lines)
    long_ends = [e for e in ends if e >= common - 1.5 * size]
    at_edge = [e for e in long_ends if abs(e - common) <= EDGE * size]
    justified = len(long_ends) >= 5 and len(at_edge) >= JUSTIFIED_SHARE * len(long_ends)
    right = median(at_edge) if justified else ends[int(0.98 * (len(ends) - 1))]
    steps = [b[1]["top"] - a[1]["top"] for a, b in pairwise(lines)
             if a[2] == b[2] and 0 < b[1]["top"] - a[1]["top"] < 4 * size]
    pitch = _mode(steps, 0.5) if len(steps) >= 3 else None
    return _Block(left, right, size, pitch, justified)


def _starts_paragraph(prev: _Line | None, line: _Line, block: _Block, centred_para: bool) -> bool:
    """Return whether `line` starts a paragraph rather than continuing the one `prev` belongs to."""
    size = block.size
    if prev is None or abs(line.size - prev.size) > SIZE_CHANGE * size:
        return True  # a title, a heading or a note in another size
    if (line.page == prev.page and block.pitch is not None
            and line.top - prev.top > GAP * block.pitch * max(line.size, prev.size) / size):
        return True  # spacing or a blank line between them (line spacing grows with the size)
    if block.centred(line):
        # a wrapped centred title goes on centred while the line before could not take this line's first word
        return not (centred_para and block.slack(prev) <= line.lead + FIT * size)
    if line.x0 > block.left + INDENT * size:
        return True  # an indented first line
    free = block.right - prev.x1
    if block.justified:
        return free > SHORT * size  # every wrapped line is stretched to the edge
    return free > line.lead + FIT * size  # ragged: the line's first word would have fitted on the line before


def _paragraphs(lines: list[tuple[int, dict[str, Any], int]]) -> list[Para]:
    """Join wrapped lines into paragraphs by their place in the text block.

    A line starts a paragraph when it is indented, when the line before it
    stopped short of the right edge, when a gap wider than the line pitch lies
    between them, or when its font size differs; centred lines go on while
    they wrap.
    """
    lines = [(offset, ln, page) for offset, ln, page in lines if ln["chars"]]
    if not lines:
        return []
    sizes = [median(c["size"] for c in ln["chars"]) for _, ln, _ in lines]  # each line's font size
    block = _block(lines, sizes)
    paras: list[Para] = []
    prev: _Line | None = None
    centred_para = False  # the paragraph began with a centred line
    for (offset, ln, page), size in zip(lines, sizes, strict=True):
        para = _line_para(ln, offset, size)
        if not len(para):
            continue
        chars = ln["chars"]
        line = _Line(float(ln["x0"]), _right_end(chars, block.right, block.size), float(ln["top"]), size, page,
                     _lead(chars))
        if _starts_paragraph(prev, line, block, centred_para) or not paras:
            paras.append(para)
            centred_para = block.centred(line)
        else:
            last = paras[-1].text
            sep = " " if LATIN.match(last[-1]) and LATIN.match(para.text[0]) and last[-1].isalpha() else ""
            paras[-1] = paras[-1] + (Para.of(sep) + para if sep else para)
        prev = line
    return paras
