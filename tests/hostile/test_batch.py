"""Hostile archives: `nlp batch` always finishes, records each bad file and stores each good one once; its
workers die with it; a worker that dies or overruns costs one document."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import generators as g
from hostile.runner import assert_bounded, run_cli

from nlp.batch import pool
from nlp.cli import main

SPEECH = g.SAMPLE_TXT.read_text(encoding="utf-8")


def _good(folder: Path, n: int, tag: str = "") -> None:
    for i in range(n):
        (folder / f"good{tag}{i}.txt").write_text(SPEECH.replace("清河", f"第{i}{tag}河"), encoding="utf-8")


def _hostile_folder(tmp: Path) -> Path:
    folder = tmp / "in"
    folder.mkdir()
    for make in (g.fifo, g.dev_zero_link, g.passwd_link, g.bad_crc_zip, g.lying_zip, g.lying_docx,
                 g.password_docx, g.pdf_flate_bomb, g.numbering_garbage):
        make(folder, 0.25)
    (folder / "MANIFEST.tsv").write_text("path\ttitle\n", encoding="utf-8")
    _good(folder, 2)
    return folder


def test_batch_over_hostile_files_finishes(tmp_path: Path) -> None:
    folder = _hostile_folder(tmp_path)
    db = tmp_path / "a.sqlite"
    run = run_cli("batch", str(folder), "--db", str(db), "--workers", "2", "--format", "json", timeout=180)
    assert run.code == 0, run.err
    summary = json.loads(run.out)
    errors = {Path(f["path"]).name: f["error"] for f in summary["failures"]}
    assert "FIFO" in errors["pipe.txt"]
    assert "outside the folder" in errors["zero.txt"] and "outside the folder" in errors["passwd.txt"]
    assert "damaged" in errors["b.txt"]  # badcrc.zip!/b.txt
    assert "inflates to more than" in errors["lying.docx"]
    assert "password" in errors["protected.docx"] and "draws more than" in errors["flatebomb.pdf"]
    stored = {Path(p).name for (p,) in sqlite3.connect(db).execute("SELECT path FROM paths")}
    # the good documents, the good zip entries around a bad one, the docx with odd numbering
    assert {"good0.txt", "good1.txt", "a.txt", "c.txt", "z.txt", "numbering_garbage.docx"} <= stored
    assert "passwd.txt" not in stored and summary["not_documents"] == 1 and summary["total"] == len(
        summary["failures"]) + summary["ok"] + summary["copies"] + summary["skipped"]
    assert run.peak_mb < 600 * 2  # the driver and one worker at a time


def test_strict_counts_failures_not_skipped_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, 1)
    (folder / "MANIFEST.tsv").write_text("path\n", encoding="utf-8")
    assert main(["batch", str(folder), "--db", str(tmp_path / "a.sqlite"), "--strict"]) == 0
    out = capsys.readouterr().out
    assert "stored 1 of 2" in out and "1 not documents" in out


def _killer(path: str, data: bytes, suffix: str, options: object = None) -> object:
    """A document that always kills its worker, as the OOM killer would."""
    from nlp.batch import run

    if "killer" in path:
        os.kill(os.getpid(), signal.SIGKILL)
    return run.original_analyse_item(path, data, suffix, options)  # type: ignore[attr-defined]


def test_a_worker_killed_costs_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from nlp.batch import run

    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, 3)
    (folder / "killer.txt").write_text(SPEECH.replace("清河", "杀河"), encoding="utf-8")
    monkeypatch.setattr(run, "original_analyse_item", run.analyse_item, raising=False)
    monkeypatch.setattr(run, "analyse_item", _killer)
    db = str(tmp_path / "a.sqlite")
    for _ in range(2):  # and again: a document that always kills its worker never blocks a rerun
        assert main(["batch", str(folder), "--db", db, "--workers", "2", "--format", "json"]) == 0
        summary = json.loads(capsys.readouterr().out)
        assert [f["error"].split(" (")[0] for f in summary["failures"]] == ["worker died"]
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def _sleep(seconds: float) -> float:
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    time.sleep(seconds)
    return seconds


def _allocate(mb: int) -> int:
    block = bytearray(mb * 1024 * 1024)
    time.sleep(2)
    return len(block)


def test_pool_stops_workers_over_time_or_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "GRACE", 0.2)
    results = dict(pool.run([0.01, 30, 0.02], _sleep, workers=1, timeout=1))
    assert results[0.01] == 0.01 and results[0.02] == 0.02
    assert "over the time budget of 1 s" in results[30].reason
    results = dict(pool.run([1, 600], _allocate, workers=2, max_memory=300 * 1024 * 1024))
    assert results[1] == 1024 * 1024 and "over the memory budget of 300 MiB" in results[600].reason


def test_time_budget_in_a_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    g.yao_sentences(folder, 4)  # ~3 s of analysis; at 2 (1.5 s) a worker forked warm finished inside the budget
    _good(folder, 1)
    assert main(["batch", str(folder), "--db", str(tmp_path / "a.sqlite"), "--timeout", "2", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    errors = {Path(f["path"]).name: f["error"] for f in summary["failures"]}
    assert "over the time budget of 2 s" in errors["yao_sentences.txt"]
    assert summary["ok"] + summary["failed"] == 2


def test_workers_capped_and_started_as_work_arrives(monkeypatch: pytest.MonkeyPatch) -> None:
    assert pool.worker_count(1000) == pool.cpu_count()
    started = []
    original = pool._Worker.__init__

    def counting(self: pool._Worker, *args: object) -> None:
        started.append(1)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pool._Worker, "__init__", counting)
    assert list(pool.run([3], abs, workers=1000)) == [(3, 3)]
    assert len(started) == 1


def _children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill -9", "SIGTERM"])
def test_no_worker_outlives_the_batch(sig: signal.Signals, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, 8)
    proc = subprocess.Popen([sys.executable, "-m", "nlp", "batch", str(folder), "--db", str(tmp_path / "a.sqlite"),
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < min(2, pool.cpu_count()):
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert workers, "no worker started"
    proc.send_signal(sig)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


def test_edited_file_replaces_its_old_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    doc = folder / "report.txt"
    doc.write_text(SPEECH, encoding="utf-8")
    db = str(tmp_path / "a.sqlite")
    assert main(["batch", str(folder), "--db", db]) == 0
    doc.write_text(SPEECH.replace("清河", "柳河").replace("三会一课", "四会一课"), encoding="utf-8")
    assert main(["batch", str(folder), "--db", db]) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM paths").fetchone()[0] == 1
    assert con.execute("SELECT count(DISTINCT sha256) FROM items").fetchone()[0] == 1
    capsys.readouterr()
    assert main(["search", "三会一课", "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # no stale hit from the old version
    doc.write_bytes(b"\x00\x01" * 100)  # edited into garbage: the old version goes too
    assert main(["batch", str(folder), "--db", db]) == 0
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_copies_in_other_formats_are_one_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for suffix in (".txt", ".docx", ".pdf", ".html"):
        (folder / f"speech{suffix}").write_bytes(g.SAMPLE_TXT.with_suffix(suffix).read_bytes())
    assert main(["batch", str(folder), "--db", str(tmp_path / "a.sqlite"), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["ok"] + summary["copies"] == 4 and summary["copies"] >= 2  # the web copy may differ by its chrome


def test_batch_cli_case_is_bounded(tmp_path: Path) -> None:
    """--workers 1000 on one file: one worker, done in seconds."""
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, 1)
    run = run_cli("batch", str(folder), "--db", str(tmp_path / "a.sqlite"), "--workers", "1000")
    assert_bounded(run, 0)
