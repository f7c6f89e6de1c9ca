"""Worker processes that always let a batch finish.

concurrent.futures marks its whole pool broken when one worker dies; here a worker that dies (the OOM
killer, a crash), runs past its time budget or grows past its memory budget costs only the document it was
working on: that document gets a `Failure` and a fresh worker takes the next one. Workers are started as
work arrives, never more than the CPUs, and end with their parent: on Linux the kernel kills them when the
parent dies, even by `kill -9` (PR_SET_PDEATHSIG); otherwise the parent's exit handling stops them.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, NamedTuple

from nlp.budget import mib

GRACE = 5.0  # seconds past the time budget before a worker is killed: its own alarm should have fired already
POLL = 0.2  # seconds between checks of the workers' time and memory
PR_SET_PDEATHSIG = 1


class Failure(NamedTuple):
    """A task that yielded no result: why."""

    reason: str


def cpu_count() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(requested: int) -> int:
    """Workers to start for `requested`: at least one, at most the CPUs (more only compete for them)."""
    return max(1, min(requested, cpu_count()))


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies (Linux); elsewhere do nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def rss(pid: int) -> int:
    """Memory a worker holds of its own, in bytes: its private resident pages (Linux /proc), not the pages it still
    shares with the parent it was forked from; 0 where unknown."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            return sum(int(line.split()[1]) * 1024 for line in fh if line.startswith(("Private_Clean", "Private_Dirty")))
    except (OSError, ValueError, IndexError):
        pass
    return resident(pid)


def resident(pid: int) -> int:
    """All the memory a worker has resident, in bytes, the pages it shares included (Linux /proc statm): at least
    its `rss`, and read in microseconds where `rss` takes a millisecond or more (the kernel walks the worker's
    pages); 0 where unknown."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def over_memory(pid: int, max_memory: int) -> bool:
    """Whether a worker holds more than `max_memory` bytes of its own (`rss`), read only when all it has resident
    is more than that."""
    everything = resident(pid)
    if everything and everything <= max_memory:
        return False
    return rss(pid) > max_memory


def _serve(conn: Connection, func: Callable[[Any], Any], initializer: Callable[[], None] | None,
           parent: int) -> None:
    """A worker's life: run `func` on each task received until told to stop or the parent is gone."""
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            result: Any = func(task)
        except Exception as exc:  # the function should return its own failures; this is the last resort
            result = Failure(f"internal error: {type(exc).__name__}: {exc}")
        try:
            conn.send(result)
        except (OSError, ValueError) as exc:
            conn.send(Failure(f"internal error: the result cannot be sent ({exc})"))


class _Worker:
    def __init__(self, context: Any, func: Callable[[Any], Any], initializer: Callable[[], None] | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, func, initializer, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: Any = None
        self.busy = False
        self.since = 0.0

    def give(self, task: Any) -> None:
        self.task, self.busy, self.since = task, True, time.monotonic()
        self.conn.send(task)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _death(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"worker died ({signal.Signals(-code).name}, e.g. killed for lack of memory)"
        except ValueError:
            return f"worker died (signal {-code})"
    return f"worker died (exit code {code})"


def run(tasks: Iterable[Any], func: Callable[[Any], Any], workers: int = 1, timeout: float | None = None,
        max_memory: int | None = None, initializer: Callable[[], None] | None = None) -> Iterator[tuple[Any, Any]]:
    """Yield (task, func(task) or Failure) for every task, in the order they finish, using up to `workers`
    processes. A task whose worker dies, runs `timeout` (+ GRACE) seconds or passes `max_memory` bytes of
    resident memory yields a Failure, and a fresh worker replaces that one. `func` must be a module-level
    function; tasks and results must pickle."""
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    limit = worker_count(workers)
    pool: list[_Worker] = []
    pending = iter(tasks)
    exhausted = False

    def next_task() -> tuple[bool, Any]:
        nonlocal exhausted
        if exhausted:
            return False, None
        try:
            return True, next(pending)
        except StopIteration:
            exhausted = True
            return False, None

    def dispatch() -> None:
        """Give every idle worker a task; start workers only as tasks arrive."""
        for w in [w for w in pool if not w.busy] + [None] * (limit - len(pool)):
            has, task = next_task()
            if not has:
                return
            if w is None:
                w = _Worker(context, func, initializer)
                pool.append(w)
            w.give(task)

    try:
        dispatch()
        while True:
            busy = [w for w in pool if w.busy]
            if not busy:
                return
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=POLL)
            now = time.monotonic()
            finished: list[tuple[Any, Any]] = []
            for w in busy:
                outcome: Any = None
                kill = True  # a worker that failed its task is replaced, not reused
                if w.conn in ready:
                    try:
                        outcome, kill = w.conn.recv(), False
                    except (EOFError, OSError):
                        w.process.join(timeout=5)
                        outcome = Failure(_death(w.process))
                elif w.process.sentinel in ready or not w.process.is_alive():
                    w.process.join(timeout=5)
                    outcome = Failure(_death(w.process))
                elif timeout and now - w.since > timeout + GRACE:
                    outcome = Failure(f"over the time budget of {timeout:g} s (the worker was stopped)")
                elif max_memory and over_memory(w.process.pid, max_memory):
                    outcome = Failure(f"over the memory budget of {mib(max_memory)} (the worker was stopped)")
                if outcome is None:
                    continue
                finished.append((w.task, outcome))
                w.busy, w.task = False, None
                if kill:
                    w.stop()
                    pool.remove(w)
            dispatch()  # workers start on the next tasks while the caller stores these results
            yield from finished
    finally:
        for w in pool:
            try:
                if w.process.is_alive() and not w.busy:
                    w.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2
        for w in pool:
            w.process.join(timeout=max(0.0, deadline - time.monotonic()))
            w.stop()
