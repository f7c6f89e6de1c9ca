"""Run the command line in a child process and measure it: exit code, output, wall time, peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# bounds every hostile case must meet. The audit's goal is 10 s and 600 MB on an idle machine; the time bound
# leaves room for a test machine shared with other runs (start-up and the dictionary alone take 1-3 s there).
TIME_LIMIT = 25.0
MEMORY_LIMIT_MB = 600


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float

    @property
    def err_lines(self) -> list[str]:
        return self.err.strip().splitlines()


def run_cli(*args: str, timeout: float = 120, cwd: Path | None = None, env: dict[str, str] | None = None,
            preexec: object = None) -> Run:
    """Run `python -m nlp ARGS`; kill it after `timeout` s. Peak memory is the child's and its waited-for
    descendants' largest resident set (wait4)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "nlp", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=cwd or ROOT, env=env, preexec_fn=preexec)  # type: ignore[arg-type]
    out: list[bytes] = []
    err: list[bytes] = []
    readers = [threading.Thread(target=lambda: out.append(proc.stdout.read())),  # type: ignore[union-attr]
               threading.Thread(target=lambda: err.append(proc.stderr.read()))]  # type: ignore[union-attr]
    for t in readers:
        t.start()
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    for t in readers:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(proc.returncode, b"".join(out).decode("utf-8", "replace"), b"".join(err).decode("utf-8", "replace"),
               time.perf_counter() - started, usage.ru_maxrss / 1024)


def assert_bounded(run: Run, code: int, message: str | None = None) -> None:
    """The case ended in time and memory with `code`; on exit 2 with one line on stderr holding `message`."""
    assert run.seconds < TIME_LIMIT, f"{run.seconds:.1f} s"
    assert run.peak_mb < MEMORY_LIMIT_MB, f"{run.peak_mb:.0f} MB"
    assert run.code == code, run.err
    assert "Traceback" not in run.err
    if code == 2:
        assert len(run.err_lines) == 1, run.err
        if message:
            assert message in run.err_lines[0], run.err
