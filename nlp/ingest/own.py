"""Files this tool wrote itself: its exports carry its name, so that an archive run over a folder holding the task
lists, matrices and review pages made from its documents, beside the documents, reads each task once.

A workbook or Word file is the tool's own while its core properties name the tool as its author and as the last
to save it: an office program that saves it (a ledger sent out and returned filled in) names its user there,
and the file is then a document like any other. A review page or matrix page names the tool as its generator.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from nlp.errors import InputError
from nlp.ingest.safety import inflate

GENERATOR = "nlp-gov"  # the name the exports give as their author (Office) or generator (HTML)
GENERATOR_META = f'<meta name="generator" content="{GENERATOR}">'
CORE = "docProps/core.xml"
MAX_CORE_BYTES = 1 << 16  # an Office file's core properties are a few hundred bytes
CREATOR = re.compile(rb"<(?:\w+:)?creator\b[^>]*>([^<]*)<")
LAST_SAVED_BY = re.compile(rb"<(?:\w+:)?lastModifiedBy\b[^>]*>([^<]*)<")
HTML_HEAD = 4096  # the generator is named in the page's head, at its top


def written_by_nlp(data: bytes) -> bool:
    """Whether `data` is a file this tool wrote and no other program has saved since (see the module docstring)."""
    if data.startswith(b"PK\x03\x04"):
        return _office_own(data)
    return GENERATOR_META.encode() in data[:HTML_HEAD]


def _office_own(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.NameToInfo.get(CORE)
            if info is None or info.file_size > MAX_CORE_BYTES:
                return False
            core = inflate(data, info, CORE, MAX_CORE_BYTES)
    except (InputError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, struct.error):
        return False  # (a damaged file is the reader's to refuse, with its reason)
    creator, saved_by = CREATOR.search(core), LAST_SAVED_BY.search(core)
    return all(m is not None and m.group(1).strip() == GENERATOR.encode() for m in (creator, saved_by))
