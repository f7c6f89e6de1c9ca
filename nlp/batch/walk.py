"""Finding the documents of an archive: folders walked without following links, zips read safely."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from nlp.errors import InputError
from nlp.ingest.safety import check_size, open_zip
from nlp.types import MAX_INPUT_BYTES

SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
DB_SUFFIXES = {".sqlite", ".sqlite-wal", ".sqlite-shm", ".db", ".db-wal", ".db-shm"}
DATA_SUFFIXES = {".tsv", ".csv", ".json", ".jsonl", ".xml", ".yaml", ".yml", ".py", ".js", ".css"}


@dataclass(frozen=True)
class Item:
    """One document to analyse, or the reason it cannot be."""

    path: str
    data: bytes | None = None
    error: str | None = None

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path.split("!/")[-1]).suffix.lower()


def walk(paths: list[str], max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Item]:
    """Yield every document under `paths` in a stable order, zip entries as `archive.zip!/entry`."""
    for root in paths:
        p = Path(root)
        if p.is_dir():
            for folder, dirs, files in os.walk(p, followlinks=False):  # no loop through linked folders
                dirs.sort()
                for name in sorted(files):
                    if name in SKIP_NAMES or name.startswith("."):
                        continue
                    yield from _file(Path(folder) / name, max_bytes)
        elif p.exists():
            yield from _file(p, max_bytes)
        else:
            yield Item(str(p), error="no such file or folder")


def _file(path: Path, max_bytes: int) -> Iterator[Item]:
    if path.suffix.lower() in DB_SUFFIXES:
        return
    if path.suffix.lower() in DATA_SUFFIXES:
        yield Item(str(path), error=f"not a document ({path.suffix.lower()} data file), left out")
        return
    try:
        if path.is_symlink() and not path.exists():
            yield Item(str(path), error="a broken link")
            return
        check_size(path.stat().st_size, str(path), max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        yield Item(str(path), error="vanished during the run")
        return
    except InputError as exc:
        yield Item(str(path), error=exc.problem)
        return
    except OSError as exc:
        yield Item(str(path), error=f"cannot be read ({exc.strerror})")
        return
    if path.suffix.lower() == ".zip":
        yield from zip_entries(str(path), data, max_bytes)
    else:
        yield Item(str(path), data)


def zip_entries(name: str, data: bytes, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Item]:
    """Yield the documents of a zip; unsafe entry names and bombs are failures, never extracted anywhere."""
    try:
        archive = open_zip(data, name)
    except InputError as exc:
        yield Item(name, error=exc.problem)
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            entry = f"{name}!/{info.filename}"
            parts = PurePosixPath(info.filename.replace("\\", "/")).parts
            if info.filename.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
                yield Item(entry, error="unsafe path in the archive (absolute or with ..), not read")
                continue
            if PurePosixPath(info.filename).name.startswith(".") or PurePosixPath(info.filename).name in SKIP_NAMES:
                continue
            if info.file_size > max_bytes:
                yield Item(entry, error=f"{info.file_size / 1e6:.1f} MB, more than the {max_bytes / 1e6:.0f} MB limit")
                continue
            yield Item(entry, archive.read(info))
