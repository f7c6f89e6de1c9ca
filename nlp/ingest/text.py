"""Plain-text reader: encodings, newlines, broken lines."""

from __future__ import annotations

import codecs
import re

from nlp.errors import InputError
from nlp.ingest.clean import drop_page_furniture, repair_lines
from nlp.ingest.paragraphs import Para, split_lines

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# encodings tried for text that is not UTF-8, in the order the office meets them
CANDIDATES = ("gb18030", "big5", "utf_16_le", "utf_16_be")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\n\t\u00a0-\u00ff]")
MIN_PLAUSIBLE = 0.9  # decoded UTF-16 text of a document; random bytes decode to ~5 % such characters
MAX_CONTROL_RATIO = 0.01  # real text has next to no C0 control characters; binary garbage has many


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return the text of `data` with newlines normalised, and the encoding used."""
    text, encoding = _decode(data, path)
    text = NEWLINES.sub("\n", text)
    if not text.strip():
        raise InputError(path, "the file holds only whitespace", "give a document with text")
    controls = len(CONTROL.findall(text))
    if controls > MAX_CONTROL_RATIO * len(text):
        raise InputError(path, "the file looks binary, not text", "give a txt, docx, pdf or html document")
    return text, encoding


def _decode(data: bytes, path: str) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError(path, f"broken {encoding} text ({exc.reason})", "re-save it as UTF-8") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16), utf16.replace("_", "-")
    if b"\x00" in data[:4096]:
        raise InputError(path, "the file looks binary, not text", "give a txt, docx, pdf or html document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # import only for non-UTF-8 files

    best = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    if best is not None and best.encoding:
        encoding = "gb18030" if best.encoding in ("gb2312", "gbk", "gb18030") else best.encoding
        try:
            return data.decode(encoding), encoding.replace("_", "-")
        except UnicodeDecodeError:
            pass
    for encoding in CANDIDATES[:2]:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(path, "the text is in no encoding this tool reads (UTF-8, UTF-16, GB18030, Big5)",
                     "re-save it as UTF-8")


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its zero bytes and by decoding to plausible text."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    best, best_share = None, 0.0
    for encoding in ("utf_16_le", "utf_16_be"):
        try:
            text = data[: len(data) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text[:2000])
        if share > best_share:
            best, best_share = encoding, share
    return best if best_share >= MIN_PLAUSIBLE else None


def _plausible_share(text: str) -> float:
    """Return the share of characters that ordinary Chinese or English documents consist of."""
    if not text:
        return 0.0
    ok = sum(1 for ch in text if PLAUSIBLE.match(ch))
    return ok / len(text)


def read_text(data: bytes, path: str) -> tuple[list[Para], str, str, list[str]]:
    """Return paragraphs, the decoded source text, the encoding of a text file and the page furniture removed
    (page numbers and running headers of a PDF copied as text)."""
    source, encoding = decode(data, path)
    lines, removed = drop_page_furniture(split_lines(source), source)
    return repair_lines(lines), source, encoding, removed
