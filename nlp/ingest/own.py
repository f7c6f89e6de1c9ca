"""Files this tool wrote itself: its exports carry its name and the SHA-256 of the document they were made from,
so that an archive holding that document and its task list (or matrix, or review page) reads each task once,
while a task list handed on to an office that lacks its document is read as the document it then is.

A workbook or Word file is the tool's own while its core properties name the tool as its author and as the last
to save it: an office program that saves it (a ledger sent out and returned filled in) names its user there, and
the file is then a document like any other. A review page or matrix page names the tool as its generator.
"""

from __future__ import annotations

import html
import io
import json
import re
import struct
import zipfile
from pathlib import PurePath
from typing import NamedTuple

from nlp.errors import InputError
from nlp.ingest.safety import inflate

GENERATOR = "nlp-gov"  # the name the exports give as their author (Office) or generator (HTML)
SOURCE_PREFIX = "sha256:"  # an export's identifier: the document it was made from (none: an archive's export)
CORE = "docProps/core.xml"
MAX_CORE_BYTES = 1 << 16  # an Office file's core properties are a few hundred bytes
CREATOR = re.compile(rb"<(?:\w+:)?creator\b[^>]*>([^<]*)<")
LAST_SAVED_BY = re.compile(rb"<(?:\w+:)?lastModifiedBy\b[^>]*>([^<]*)<")
IDENTIFIER = re.compile(rb"<(?:\w+:)?identifier\b[^>]*>([^<]*)<")
HTML_HEAD = 4096  # the generator is named in the page's head, at its top
HTML_OWN = re.compile(rb'<meta name="generator" content="' + GENERATOR.encode() + rb'">'
                      rb'(?:<meta name="nlp-source" content="([0-9a-f]{64})(?::([^"<>]*))?">)?')


class Source(NamedTuple):
    """The document an export was made from: its SHA-256, file name and title (all "": an archive's export)."""

    sha256: str
    name: str
    title: str | None = ""  # None: not recorded (an export of an earlier version)


def _described(sha256: str, path: str, title: str | None) -> str:
    return f"{sha256}:" + json.dumps({"name": PurePath(path).name, "title": title or ""}, ensure_ascii=False)


def html_marks(sha256: str | None, path: str = "", title: str | None = None) -> str:
    """The meta tags of an exported page: the tool as its generator, and the document it was made from."""
    return f'<meta name="generator" content="{GENERATOR}">' + (
        f'<meta name="nlp-source" content="{html.escape(_described(sha256, path, title))}">' if sha256 else "")


def office_identifier(sha256: str | None, path: str = "", title: str | None = None) -> str:
    """The core `identifier` of an exported workbook or Word file: the document it was made from."""
    return SOURCE_PREFIX + _described(sha256, path, title) if sha256 else ""


def _source(sha256: str, rest: str) -> Source:
    """A source from its SHA-256 and what follows it: {"name", "title"}, or a bare file name (older exports)."""
    try:
        said = json.loads(rest) if rest.startswith("{") else {"name": rest}
    except ValueError:
        said = {"name": rest}
    title = said.get("title")
    return Source(sha256, str(said.get("name", "")), None if title is None else str(title))


def export_source(data: bytes) -> Source | None:
    """For a file this tool wrote and no other program has saved since: the document it was made from (empty where
    it holds many, an archive's export); None for any other file."""
    if data.startswith(b"PK\x03\x04"):
        return _office_source(data)
    if b"<meta" not in data[:HTML_HEAD]:
        return None
    m = HTML_OWN.search(data, 0, HTML_HEAD)
    if m is None:
        return None
    return _source((m.group(1) or b"").decode(), html.unescape((m.group(2) or b"").decode(errors="replace")))


def _office_source(data: bytes) -> Source | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.NameToInfo.get(CORE)
            if info is None or info.file_size > MAX_CORE_BYTES:
                return None
            core = inflate(data, info, CORE, MAX_CORE_BYTES)
    except (InputError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, struct.error):
        return None  # (a damaged file is the reader's to refuse, with its reason)
    creator, saved_by = CREATOR.search(core), LAST_SAVED_BY.search(core)
    if not all(m is not None and m.group(1).strip() == GENERATOR.encode() for m in (creator, saved_by)):
        return None
    ident = IDENTIFIER.search(core)
    value = html.unescape(ident.group(1).decode(errors="replace").strip()) if ident else ""
    if not value.startswith(SOURCE_PREFIX):
        return Source("", "")
    sha256, _, rest = value.removeprefix(SOURCE_PREFIX).partition(":")
    return _source(sha256, rest)
