"""Limits against hostile files, checked before and while a parser expands them.

Zip entries are inflated here, through a reader that counts what comes out and stops at the limit whatever
the headers declare, and that checks each entry's CRC; only then does python-docx see the package.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

from nlp.budget import (
    MAX_INPUT_BYTES,
    MAX_UNZIPPED_BYTES,
    MAX_XML_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_RATIO,
    BudgetError,
    mib,
)
from nlp.errors import InputError

CHUNK = 64 * 1024
LOCAL_HEADER = struct.Struct("<4s5H3I2H")


def check_size(size: int, path: str, limit: int = MAX_INPUT_BYTES) -> None:
    if size > limit:
        raise BudgetError(path, f"the file is {mib(size)}, more than the {mib(limit)} limit",
                          "split it or raise --max-bytes")


def open_zip(data: bytes, path: str) -> zipfile.ZipFile:
    """Open a zip container, refusing implausible entries before anything is inflated."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, struct.error, EOFError) as exc:
        raise InputError(path, "the file is not a valid zip container (corrupt or truncated)",
                         "open and re-save it in Word") from exc
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise BudgetError(path, f"the zip holds {len(infos)} entries, more than {MAX_ZIP_ENTRIES}",
                          "this is not an ordinary document")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO:
            raise BudgetError(path, f"zip entry {info.filename} inflates {ratio:.0f}:1 (a zip bomb?)",
                              "refused before unpacking")
        if total > MAX_UNZIPPED_BYTES:
            raise BudgetError(path, f"the zip inflates to more than {mib(MAX_UNZIPPED_BYTES)} (a zip bomb?)",
                              "refused before unpacking")
    return archive


def inflate(data: bytes, info: zipfile.ZipInfo, path: str, limit: int, base: int = 0) -> bytes:
    """Return the content of one zip entry, inflated in chunks and counted: refused as soon as it passes `limit`
    bytes (whatever its headers declare), or when its CRC or size differ from what the archive states. `data`
    holds the zip from offset `base` on."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise InputError(path, f"zip entry {name} is encrypted", "save an unprotected copy and analyse that")
    try:
        sig, *_, name_len, extra_len = LOCAL_HEADER.unpack_from(data, info.header_offset - base)
    except struct.error as exc:
        raise InputError(path, f"zip entry {name} lies outside the file (truncated?)",
                         "open and re-save it") from exc
    if sig != b"PK\x03\x04":
        raise InputError(path, f"zip entry {name} has no local header (corrupt zip)", "open and re-save it")
    start = info.header_offset - base + LOCAL_HEADER.size + name_len + extra_len
    raw = memoryview(data)[start:start + info.compress_size]
    out = bytearray()
    if info.compress_type == zipfile.ZIP_STORED:
        if len(raw) > limit:
            raise _over(path, name, limit)
        out += raw
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        try:
            for pos in range(0, len(raw), CHUNK):
                pending = raw[pos:pos + CHUNK].tobytes()
                while pending:
                    out += inflater.decompress(pending, CHUNK)
                    if len(out) > limit:
                        raise _over(path, name, limit)
                    pending = inflater.unconsumed_tail
            out += inflater.flush()
        except zlib.error as exc:
            raise InputError(path, f"zip entry {name} is damaged ({exc})", "open and re-save it") from exc
        if len(out) > limit:
            raise _over(path, name, limit)
    else:
        raise InputError(path, f"zip entry {name} uses an unsupported compression (method {info.compress_type})",
                         "open and re-save it in Word")
    if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
        raise InputError(path, f"zip entry {name} is damaged (its size or CRC-32 differs from the archive's)",
                         "open and re-save it")
    return bytes(out)


def _over(path: str, name: str, limit: int) -> BudgetError:
    return BudgetError(path, f"zip entry {name} inflates to more than {mib(limit)} (a zip bomb?)",
                       "refused while unpacking")


def verify_zip(data: bytes, path: str, xml_limit: int = MAX_XML_BYTES,
               total_limit: int = MAX_UNZIPPED_BYTES) -> dict[str, bytes]:
    """Inflate every entry of a zip through `inflate` (XML parts up to `xml_limit` each, all up to `total_limit`);
    return the XML parts by name. A container that passes is safe to hand to a parser that inflates it again."""
    archive = open_zip(data, path)
    parts: dict[str, bytes] = {}
    total = 0
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            xml = info.filename.endswith((".xml", ".rels"))
            left = total_limit - total
            try:
                content = inflate(data, info, path, min(xml_limit if xml else total_limit, left))
            except BudgetError:
                if left < (xml_limit if xml else total_limit):
                    raise BudgetError(path, f"the zip inflates to more than {mib(total_limit)} (a zip bomb?)",
                                      "refused while unpacking") from None
                raise
            total += len(content)
            if xml:
                parts[info.filename] = content
    return parts


def load_package(load: Callable[[io.BytesIO], Any], data: bytes, path: str, app: str,
                 errors: tuple[type[BaseException], ...]) -> Any:
    """Return what `load` (python-docx's Document, openpyxl's load_workbook) makes of an Office package that
    verify_zip passed; its `errors` and damaged XML become one line naming `app` (Word, Excel)."""
    try:
        return load(io.BytesIO(data))
    except (*errors, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        raise InputError(path, f"the {app} file is corrupt ({type(exc).__name__})",
                         f"open and re-save it in {app}") from exc
    except Exception as exc:  # lxml raises its own XMLSyntaxError for damaged XML
        if type(exc).__name__ == "XMLSyntaxError":
            raise InputError(path, f"the {app} file's XML is damaged", f"open and re-save it in {app}") from exc
        raise
