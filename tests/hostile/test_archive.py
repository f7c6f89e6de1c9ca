"""Whatever is wrong with the archive itself is the user's to fix: one line, exit 2, before any analysis."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from hostile import generators as g
from hostile.runner import assert_bounded, run_cli

from nlp.cli import main


def _folder(tmp: Path) -> Path:
    folder = tmp / "in"
    folder.mkdir(exist_ok=True)
    shutil.copy(g.SAMPLE_TXT, folder / "speech.txt")
    return folder


def _not_sqlite(tmp: Path) -> Path:
    path = tmp / "notes.sqlite"
    path.write_text("not a database, just notes\n" * 100, encoding="utf-8")
    return path


def _newer(tmp: Path) -> Path:
    path = tmp / "newer.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '99')")
    con.commit()
    return path


def _directory(tmp: Path) -> Path:
    path = tmp / "archive.sqlite"
    path.mkdir()
    return path


ARCHIVES = [
    ("not SQLite", _not_sqlite, "not an nlp archive"),
    ("newer schema", _newer, "newer nlp"),
    ("a directory", _directory, "is a folder"),
    ("missing folder", lambda tmp: tmp / "no" / "such" / "a.sqlite", "folder for the archive does not exist"),
]


@pytest.mark.parametrize(("case", "make", "message"), ARCHIVES, ids=[a[0] for a in ARCHIVES])
def test_archive_errors_are_user_errors(case: str, make, message: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = make(tmp_path)
    assert main(["batch", str(_folder(tmp_path)), "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and str(db) in err[0]
    if case != "missing folder":
        for command in (["search", "要"], ["stats"], ["export", "-o", str(tmp_path / "x.xlsx")]):
            assert main([*command, "--db", str(db)]) == 2
            err = capsys.readouterr().err.strip().splitlines()
            assert len(err) == 1 and "internal error" not in err[0]


def _mount(path: Path, size: str) -> bool:
    path.mkdir()
    return os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                                                capture_output=True).returncode == 0


def test_read_only_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An archive on a read-only file system: batch refuses before analysing; search still works."""
    disk = tmp_path / "ro"
    if not _mount(disk, "16m"):
        pytest.skip("cannot mount a tmpfs here")
    try:
        db = disk / "a.sqlite"
        assert main(["batch", str(_folder(tmp_path)), "--db", str(db)]) == 0
        assert subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True).returncode == 0
        capsys.readouterr()
        (tmp_path / "in" / "new.txt").write_text(g.SAMPLE_TXT.read_text(encoding="utf-8").replace("清河", "新河"),
                                                 encoding="utf-8")
        run = run_cli("batch", str(tmp_path / "in"), "--db", str(db))
        assert_bounded(run, 2, "read-only")
        assert run.seconds < 15  # found before any analysis
        assert main(["search", "三会一课", "--db", str(db), "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


@pytest.fixture()
def tiny_disk(tmp_path: Path):
    """A 1 MiB tmpfs (root only); skipped where it cannot be mounted."""
    mount = tmp_path / "disk"
    if not _mount(mount, "1m"):
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_full_disk(tiny_disk: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = g.SAMPLE_TXT.read_text(encoding="utf-8")
    for i in range(12):
        (folder / f"d{i}.txt").write_text(text.replace("清河", f"第{i}河") * 2, encoding="utf-8")
    run = run_cli("batch", str(folder), "--db", str(tiny_disk / "a.sqlite"), timeout=300)
    assert run.code == 2, run.err
    assert len(run.err_lines) == 1 and "full" in run.err_lines[0] and "rollback" not in run.err
    # an output that does not fit leaves no temporary file behind
    fd = os.open(tiny_disk / "filler", os.O_WRONLY | os.O_CREAT)  # whatever room SQLite left
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    run = run_cli("tasks", str(g.SAMPLE_TXT), "-o", str(tiny_disk / "tasks.xlsx"))
    assert run.code == 2 and len(run.err_lines) == 1, run.err
    assert not [p for p in tiny_disk.iterdir() if p.name.endswith(".tmp")]
