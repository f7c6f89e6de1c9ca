"""Plain-text reader: encodings, newlines, broken lines."""

from __future__ import annotations

import codecs
import re

from nlp.errors import InputError
from nlp.ingest.clean import repair_lines
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
    """Recognise BOM-less UTF-16 by the zero bytes of its ASCII characters and newlines."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, other, encoding in ((odd_zero, even_zero, "utf_16_le"), (even_zero, odd_zero, "utf_16_be")):
        if zeros > 0.2 * half and other < 0.02 * half:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def read_text(data: bytes, path: str) -> tuple[list[Para], str, str]:
    """Return paragraphs, the decoded source text and the encoding of a text file."""
    source, encoding = decode(data, path)
    return repair_lines(split_lines(source)), source, encoding
