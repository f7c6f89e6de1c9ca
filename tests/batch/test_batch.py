"""`nlp batch`, `search`, `stats`, `export`: incremental, fault-tolerant, safe with archives, survives kill -9."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLES

from nlp.cli import main

SPEECH = (SAMPLES / "sample_speech.txt").read_text(encoding="utf-8")


def _archive(tmp: Path) -> Path:
    folder = tmp / "archive"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(SAMPLES / "sample_speech.docx", folder / "2024" / "speech.docx")
    shutil.copy(SAMPLES / "sample_speech.pdf", folder / "2024" / "speech.pdf")
    (folder / "2024" / "summary.txt").write_text(SPEECH.replace("清河", "柳河"), encoding="utf-8")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.bin").write_bytes(bytes(range(256)) * 8)
    with zipfile.ZipFile(folder / "bundle.zip", "w") as z:
        z.writestr("reports/a.txt", SPEECH.replace("清河", "东岭"))
        z.writestr("../evil.txt", "要把这个文件写到外面去。")
        z.writestr("/abs/evil.txt", "要把这个文件写到根目录。")
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a link loop is not followed
    return folder


def _batch(*args: str, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["batch", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_batch_stores_good_records_bad_and_reruns_fast(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _archive(tmp_path)
    db = tmp_path / "archive.sqlite"
    before = sorted(p.name for p in tmp_path.iterdir())
    first = _batch(str(folder), "--db", str(db), capsys=capsys)
    assert first["ok"] == 3  # docx, summary, the zip's report
    assert first["copies"] == 1  # the PDF: other bytes, the same text as the docx, stored once
    assert [c["path"] for c in first["copies_of"]] == [str(folder / "2024" / "speech.pdf")]
    reasons = {Path(f["path"].split("!/")[-1]).name: f["error"] for f in first["failures"]}
    assert "save it as .docx" in reasons["old.doc"] and "empty" in reasons["empty.txt"]
    assert "binary" in reasons["garbage.bin"]
    assert sum("unsafe path" in f["error"] for f in first["failures"]) == 2
    written = set(p.name for p in tmp_path.iterdir()) - set(before)
    assert written <= {"archive.sqlite", "archive.sqlite-wal", "archive.sqlite-shm"}  # nothing written outside
    assert not (tmp_path / "evil.txt").exists() and not Path("/abs/evil.txt").exists()

    second = _batch(str(folder), "--db", str(db), capsys=capsys)
    assert (second["ok"], second["skipped"], second["unchanged"]) == (0, 4, 4)
    assert second["seconds"] < 0.5 * max(first["seconds"], 0.2)

    (folder / "2024" / "summary.txt").rename(folder / "moved.txt")  # moved: recognised by content
    (folder / "2024" / "speech.pdf").unlink()
    (folder / "new.txt").write_text(SPEECH.replace("清河", "西河"), encoding="utf-8")  # changed content: analysed
    third = _batch(str(folder), "--db", str(db), capsys=capsys)
    assert (third["ok"], third["skipped"]) == (1, 3)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    assert con.execute("SELECT count(*) FROM documents WHERE path LIKE '%moved.txt'").fetchone()[0] == 1
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_search_stats_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.sqlite"
    _batch(str(SAMPLES / "sample_speech.txt"), str(SAMPLES / "compare"), "--db", str(db), capsys=capsys)
    assert main(["search", "三会一课", "--db", str(db), "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and {"path", "kind", "text", "start", "end"} <= set(hits[0])
    assert any(h["kind"] == "campaign" for h in hits) and any(h["kind"] == "directive" for h in hits)
    assert main(["search", "公开听证", "--db", str(db), "--kind", "directive", "--actor", "各县区院",
                 "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all(h["kind"] == "directive" and any("各县区院" in a for a in h["actors"]) for h in hits)
    assert main(["stats", "--db", str(db), "--format", "json", "--plot", str(tmp_path / "trend.png")]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 6 and sum(r["directives"] for r in stats["rows"]) > 30
    assert (tmp_path / "trend.png").stat().st_size > 1000
    assert main(["stats", "--db", str(db), "--by", "unit", "--format", "json"]) == 0
    assert any(r["key"] == "各县区院" for r in json.loads(capsys.readouterr().out)["rows"])
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "all.xlsx")]) == 0
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "all.xlsx")["任务清单"]
    assert ws.cell(row=1, column=1).value == "文件" and ws.max_row > 30


def test_missing_archive_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "六稳", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "no such archive" in capsys.readouterr().err


def test_kill_minus_nine_and_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(24):
        (folder / f"d{i:02d}.txt").write_text(SPEECH.replace("清河", f"第{i}河"), encoding="utf-8")
    db = tmp_path / "k.sqlite"
    cmd = [sys.executable, "-m", "nlp", "batch", str(folder), "--db", str(db), "--workers", "2"]
    for delay in (1.0, 1.6, 2.2):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    run = subprocess.run([*cmd, "--format", "json"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*), count(DISTINCT path) FROM documents").fetchone() == (24, 24)
    per_doc = con.execute("SELECT count(DISTINCT sha256) FROM items").fetchone()[0]
    assert per_doc == 24


def test_dask_engine_local_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed")
    summary = _batch(str(SAMPLES / "compare"), "--db", str(tmp_path / "d.sqlite"), "--engine", "dask",
                     "--workers", "2", capsys=capsys)
    assert summary["ok"] == 5 and summary["failed"] == 0 and summary["not_documents"] == 1  # gold_links.json
