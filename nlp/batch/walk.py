"""Finding the documents of an archive: folders walked without following links, zips read safely.

Only regular files are read (a FIFO would block for ever, `/dev/zero` never ends), a link only when it stays
inside the folder given, each through a size-capped read; each zip entry is inflated on its own through a
counting reader, so one damaged entry is one failure and the entries after it are still read. Files that
are no documents (data files such as MANIFEST.tsv) are skipped, not failed. `plan` lists everything first,
so that the run knows its total; `read` then reads one source at a time.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from nlp.budget import mib
from nlp.errors import InputError
from nlp.ingest.safety import LOCAL_HEADER, inflate, open_zip
from nlp.types import MAX_INPUT_BYTES

SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
DB_SUFFIXES = {".sqlite", ".sqlite-wal", ".sqlite-shm", ".db", ".db-wal", ".db-shm"}
OWN_EXPORT = "written by nlp itself (an export), not a document"  # (nlp.batch.run: its document is in the archive)
DATA_SUFFIXES = {".tsv", ".csv", ".json", ".jsonl", ".xml", ".yaml", ".yml", ".py", ".js", ".css"}
KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
         stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


@dataclass(frozen=True)
class Item:
    """One document to analyse, or the reason it cannot be (`error`, a failure) or need not be (`skip`)."""

    path: str
    data: bytes | None = None
    error: str | None = None
    skip: str | None = None

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path.split("!/")[-1]).suffix.lower()


@dataclass(frozen=True)
class Source:
    """Where one document will be read from: a file (its real path), or an entry of a zip."""

    path: str  # as reported: the path walked, or `archive.zip!/entry`
    real: str | None = None  # the file to open
    entry: zipfile.ZipInfo | None = None
    error: str | None = None
    skip: str | None = None


def walk(paths: list[str], max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Item]:
    """Yield every document under `paths` in a stable order, zip entries as `archive.zip!/entry`."""
    for source in plan(paths, max_bytes):
        yield read(source, max_bytes)


def plan(paths: list[str], max_bytes: int = MAX_INPUT_BYTES) -> list[Source]:
    """List what `paths` hold, in a stable order, without reading any document yet."""
    out: list[Source] = []
    for root in paths:
        p = Path(root)
        if p.is_dir():
            inside = os.path.realpath(p)
            for folder, dirs, files in os.walk(p, followlinks=False):  # no loop through linked folders
                dirs.sort()
                for name in sorted(files):
                    if name in SKIP_NAMES or name.startswith("."):
                        continue
                    out.extend(_file(Path(folder) / name, inside, max_bytes))
        elif p.exists() or p.is_symlink():
            out.extend(_file(p, None, max_bytes))
        else:
            out.append(Source(str(p), error="no such file or folder"))
    return out


def _file(path: Path, inside: str | None, max_bytes: int) -> list[Source]:
    """The sources of one file found under folder `inside` (None: named by the user, links followed)."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in DB_SUFFIXES:
        return []
    if suffix in DATA_SUFFIXES:
        return [Source(name, skip=f"not a document ({suffix} data file)")]
    try:
        st = os.lstat(path)
        real = str(path)
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(path)
            if inside is not None and os.path.commonpath([inside, real]) != inside:
                return [Source(name, error="a link to a file outside the folder, not followed")]
            st = os.stat(real)
    except FileNotFoundError:
        return [Source(name, error="a broken link" if path.is_symlink() else "vanished during the run")]
    except OSError as exc:
        return [Source(name, error=f"cannot be read ({exc.strerror})")]
    if not stat.S_ISREG(st.st_mode):
        return [Source(name, error=f"not a regular file ({KINDS.get(stat.S_IFMT(st.st_mode), 'special')}), left out")]
    if suffix == ".zip":
        return _zip_entries(name, real, max_bytes)
    return [Source(name, real=real)]


def _zip_entries(name: str, real: str, max_bytes: int) -> list[Source]:
    """The entries of a zip file; unsafe names are failures, never extracted anywhere."""
    try:
        data = _read_file(real, max_bytes)
        archive = open_zip(data, name)
    except InputError as exc:
        return [Source(name, error=exc.problem)]
    except OSError as exc:
        return [Source(name, error=f"cannot be read ({exc.strerror})")]
    with archive:
        return _entries(archive, name, real, max_bytes)


def zip_entries(name: str, data: bytes, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Item]:
    """Yield the documents of a zip held in memory (an upload), each read as `nlp batch` reads the entries of a
    zip file: unsafe names and bombs are failures, a damaged entry fails alone."""
    try:
        archive = open_zip(data, name)
    except InputError as exc:
        yield Item(name, error=exc.problem)
        return
    with archive:
        sources = _entries(archive, name, None, max_bytes)
    for source in sources:
        if source.entry is None:
            yield Item(source.path, error=source.error, skip=source.skip)
        else:
            yield _read_safely(source.path, partial(_inflate_entry, io.BytesIO(data), source.entry, source.path,
                                                    max_bytes))


def _entries(archive: zipfile.ZipFile, name: str, real: str | None, max_bytes: int) -> list[Source]:
    out = []
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if info.is_dir():
            continue
        filename = entry_name(info)
        entry = f"{name}!/{filename}"
        parts = PurePosixPath(filename.replace("\\", "/")).parts
        if filename.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            out.append(Source(entry, error="unsafe path in the archive (absolute or with ..), not read"))
            continue
        base = PurePosixPath(filename).name
        if base.startswith(".") or base in SKIP_NAMES:
            continue
        suffix = PurePosixPath(base).suffix.lower()
        if suffix in DATA_SUFFIXES:
            out.append(Source(entry, skip=f"not a document ({suffix} data file)"))
        elif info.file_size > max_bytes:
            out.append(Source(entry, error=f"{mib(info.file_size)}, more than the {mib(max_bytes)} limit"))
        else:
            out.append(Source(entry, real=real, entry=info))
    return out


UTF8_NAMES = 0x800  # a zip entry's flag: its name is UTF-8


def entry_name(info: zipfile.ZipInfo) -> str:
    """A zip entry's name as its maker wrote it: one without the UTF-8 flag that zipfile read as cp437 is re-read
    as UTF-8, else GBK (zips made by Windows on a Chinese system: 工作总结.docx, not Σ╣ñΣ╜£...)."""
    if info.flag_bits & UTF8_NAMES or info.filename.isascii():
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    ascii_bytes = [chr(b) for b in raw if b < 0x80]
    for encoding in ("utf-8", "gb18030"):
        try:
            name = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if [c for c in name if c.isascii()] == ascii_bytes:  # (no / \ . taken into a two-byte character)
            return name
    return info.filename


def _read_file(real: str, max_bytes: int) -> bytes:
    """Read a regular file, never blocking on a FIFO put in its place and never past `max_bytes`."""
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(real, f"not a regular file ({KINDS.get(stat.S_IFMT(st.st_mode), 'special')}), left out")
        if st.st_size > max_bytes:
            raise InputError(real, f"the file is {mib(st.st_size)}, more than the {mib(max_bytes)} limit",
                             "split it or raise --max-bytes")
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise InputError(real, f"the file grew past the {mib(max_bytes)} limit while read", "")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _read_entry(real: str, info: zipfile.ZipInfo, name: str, max_bytes: int) -> bytes:
    """Read one entry of a zip file: its local header and compressed bytes (not the whole zip), inflated."""
    with open(real, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise InputError(real, "not a regular file any more, left out")
        return _inflate_entry(fh, info, name, max_bytes)


def _inflate_entry(fh: BinaryIO, info: zipfile.ZipInfo, name: str, max_bytes: int) -> bytes:
    """Inflate one zip entry from its local header on, counting what it inflates to."""
    fh.seek(info.header_offset)
    head = fh.read(LOCAL_HEADER.size)
    if len(head) < LOCAL_HEADER.size:
        raise InputError(name, "the entry lies outside the zip (truncated?)")
    *_, name_len, extra_len = LOCAL_HEADER.unpack(head)
    raw = head + fh.read(name_len + extra_len + min(info.compress_size, max_bytes + 1))
    return inflate(raw, info, name, max_bytes, base=info.header_offset)


def read(source: Source, max_bytes: int = MAX_INPUT_BYTES) -> Item:
    """Read one source; whatever goes wrong is this item's failure, never the run's."""
    if source.error is not None or source.skip is not None or source.real is None:
        return Item(source.path, error=source.error, skip=source.skip)
    real, entry = source.real, source.entry
    if entry is None:
        return _read_safely(source.path, partial(_read_file, real, max_bytes))
    return _read_safely(source.path, partial(_read_entry, real, entry, source.path, max_bytes))


def _read_safely(path: str, read_bytes: Callable[[], bytes]) -> Item:
    """The item of `path` with the bytes `read_bytes` gives, or the reason they could not be read."""
    try:
        data = read_bytes()
    except FileNotFoundError:
        return Item(path, error="vanished during the run")
    except InputError as exc:
        return Item(path, error=exc.problem)
    except OSError as exc:
        return Item(path, error=f"cannot be read ({exc.strerror})")
    except Exception as exc:  # a damaged zip entry, whatever zipfile raises: this entry's failure only
        return Item(path, error=f"damaged ({type(exc).__name__}: {exc})")
    return Item(path, data)
