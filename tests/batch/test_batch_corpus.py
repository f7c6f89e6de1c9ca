"""The whole shared corpus, the bad inputs of #2 and a zip with a `../` entry, archived in one run.

Skipped when ../shared is absent.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS, needs_shared

from nlp.cli import main

pytestmark = [needs_shared(), pytest.mark.corpus]


def test_whole_corpus_with_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder / "corpus")
    (folder / "bad").mkdir()
    (folder / "bad" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (folder / "bad" / "empty.txt").write_bytes(b"")
    (folder / "bad" / "fake.pdf").write_bytes(b"not a pdf")
    (folder / "bad" / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x13" * 500)
    with zipfile.ZipFile(folder / "bad" / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (16 * 1024 * 1024))
    with zipfile.ZipFile(folder / "bundle.zip", "w") as z:
        z.writestr("ok/speech.txt", (CORPUS / "speeches" / "000_ed9c6841f7749872.txt").read_text(encoding="utf-8")
                   + "\n（副本）")
        z.writestr("../outside.txt", "要写到外面。")
    db = tmp_path / "archive.sqlite"
    assert main(["batch", str(folder), "--db", str(db), "--workers", "2", "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    documents = len([p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".docx", ".pdf")])
    assert first["ok"] == documents + 1
    failed = {Path(f["path"].split("!/")[-1]).name for f in first["failures"]}
    assert {"old.doc", "empty.txt", "fake.pdf", "broken.docx", "bomb.docx", "outside.txt", "MANIFEST.tsv"} <= failed
    assert not (tmp_path / "outside.txt").exists()
    assert main(["batch", str(folder), "--db", str(db), "--workers", "2", "--format", "json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["ok"] == 0 and second["skipped"] == first["ok"]
    assert second["seconds"] < 0.1 * first["seconds"]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert main(["search", "六稳", "--db", str(db), "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any("national/gwr_" in h["path"] for h in hits)
