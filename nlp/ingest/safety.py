"""Limits against hostile files, checked before any parser sees them."""

from __future__ import annotations

import io
import zipfile

from nlp.errors import InputError
from nlp.types import MAX_INPUT_BYTES

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # the whole of a docx once inflated
MAX_ZIP_RATIO = 200  # XML compresses ~10:1; a bomb compresses 1000:1 and more
MAX_ZIP_ENTRIES = 10_000


def check_size(size: int, path: str, limit: int = MAX_INPUT_BYTES) -> None:
    if size > limit:
        raise InputError(path, f"the file is {size / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB limit",
                         "split it or raise --max-bytes")


def open_zip(data: bytes, path: str) -> zipfile.ZipFile:
    """Open a zip container, refusing implausible entries before anything is inflated."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(path, "the file is not a valid zip container (corrupt or truncated)",
                         "open and re-save it in Word") from exc
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(path, f"the zip holds {len(infos)} entries, more than {MAX_ZIP_ENTRIES}",
                         "this is not an ordinary document")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO:
            raise InputError(path, f"zip entry {info.filename} inflates {ratio:.0f}:1 (a zip bomb?)",
                             "refused before unpacking")
        if total > MAX_UNZIPPED_BYTES:
            raise InputError(path, f"the zip inflates to more than {MAX_UNZIPPED_BYTES // 2**20} MB (a zip bomb?)",
                             "refused before unpacking")
    return archive
