"""The whole shared corpus, then the bad inputs of #2, every hostile input of the audit and a zip with a `../`
entry: every good document stored once, each bad one recorded, exit 0.

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
from hostile import generators as g
from hostile.test_documents import CASES as HOSTILE

from nlp.cli import main

pytestmark = [needs_shared(), pytest.mark.corpus]


def test_whole_corpus_with_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder / "corpus")
    db = tmp_path / "archive.sqlite"
    # the clean corpus: MANIFEST.tsv is skipped, not failed, so --strict passes
    assert main(["batch", str(folder), "--db", str(db), "--workers", "2", "--format", "json", "--strict"]) == 0
    clean = json.loads(capsys.readouterr().out)
    documents = [p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".docx", ".pdf")]
    assert clean["failed"] == 0 and clean["not_documents"] == 1
    assert [Path(f["path"]).name for f in clean["skipped_files"]] == ["MANIFEST.tsv"]
    # the docx, txt and PDF copies of one report are one document, stored once with every path
    assert clean["ok"] + clean["copies"] == len(documents)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == clean["ok"]
    for prov, code in (("北京市", "bj"), ("上海市", "sh"), ("广东省", "gd")):
        paths = [str(folder / "corpus" / p) for p in (f"provincial/2025/{code}.txt", f"docx/2025/2025年{prov}政府工作报告.docx",
                                                      f"pdf/2025/2025年{prov}政府工作报告.pdf")]
        held = con.execute(f"SELECT count(*), count(DISTINCT sha256) FROM paths WHERE path IN ({','.join('?' * 3)})",
                           paths).fetchone()
        assert held == (3, 1), (code, held)
    assert con.execute("SELECT count(DISTINCT sha256) FROM items").fetchone()[0] == clean["ok"]

    (folder / "bad").mkdir()
    hostile = folder / "hostile"  # every hostile document of the audit, and the hostile files of a folder
    hostile.mkdir()
    expected: dict[str, int] = {}
    for _case, make, n, code, _message in HOSTILE:
        expected[make(hostile, n).name] = code
    for make in (g.fifo, g.dev_zero_link, g.passwd_link, g.bad_crc_zip, g.lying_zip):
        make(hostile, 0.25)
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
    assert main(["batch", str(folder), "--db", str(db), "--workers", "2", "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["unchanged"] == len(documents)
    failed = {Path(f["path"].split("!/")[-1]).name for f in first["failures"]}
    assert {"old.doc", "empty.txt", "fake.pdf", "broken.docx", "bomb.docx", "outside.txt"} <= failed
    assert {name for name, code in expected.items() if code == 2} <= failed
    assert {"pipe.txt", "zero.txt", "passwd.txt", "b.txt", "lying.docx"} <= failed
    stored = {Path(p).name for (p,) in con.execute("SELECT path FROM paths")}
    good = {name for name, code in expected.items() if code == 0} | {"speech.txt", "a.txt", "c.txt", "z.txt"}
    assert good <= stored and not good & failed
    assert first["ok"] + first["copies"] == len(good) + 1  # a.txt is in two zips
    assert not (tmp_path / "outside.txt").exists()
    assert main(["batch", str(folder), "--db", str(db), "--workers", "2", "--format", "json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["ok"] == 0 and second["unchanged"] == len(documents) + len(good) + 1
    assert second["seconds"] < 0.1 * clean["seconds"]
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert main(["search", "六稳", "--db", str(db), "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any("national/gwr_" in h["path"] for h in hits)
