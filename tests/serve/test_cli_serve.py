"""`nlp serve` on the command line: one line and exit 2 when it cannot start, a page when it can."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from webclient import free_port

from nlp.cli import main


def test_without_the_extra_it_says_how_to_install(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the serve extra were not installed
    assert main(["serve", "--db", str(tmp_path / "a.sqlite"), "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install -e '.[serve]'" in err


def test_a_busy_port_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "a.sqlite"), "--port", str(port), "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"127.0.0.1:{port}" in err and "--port" in err


def test_serve_starts_and_answers(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    port = free_port()
    db = tmp_path / "archive.sqlite"
    process = subprocess.Popen([sys.executable, "-m", "nlp", "serve", "--db", str(db), "--port", str(port),
                                "--no-browser", "--workers", "0"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    page = r.read().decode("utf-8")
                break
            except OSError:
                assert process.poll() is None and time.time() < deadline, "nlp serve did not start"
                time.sleep(0.2)
        assert "文档库" in page and db.is_file()
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err and "Ctrl+C" in err


def test_serving_beyond_this_machine_prints_a_token_and_requires_it(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "nlp", "serve", "--db", str(tmp_path / "a.sqlite"),
                                "--host", "0.0.0.0", "--port", str(port), "--no-browser", "--workers", "0"],
                               stderr=subprocess.PIPE, text=True)
    try:
        first = process.stderr.readline()  # type: ignore[union-attr]
        assert "访问令牌" in first and "?token=" in first
        token = first.split("?token=")[1].split("（")[0].strip()
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
                raise AssertionError("served without the token")
            except urllib.error.HTTPError as exc:
                assert exc.code == 401
                break
            except urllib.error.URLError:
                assert process.poll() is None and time.time() < deadline, "nlp serve did not start"
                time.sleep(0.2)
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # keeps the token's cookie
        with browser.open(f"http://127.0.0.1:{port}/?token={token}", timeout=5) as r:
            assert "文档库" in r.read().decode("utf-8") and r.url == f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.communicate(timeout=30)
