"""Worker processes with hard limits: items -> results in input order, each item read in a process that is killed
when it takes longer than its time limit and that cannot take more memory than its limit (RLIMIT_AS).

concurrent.futures cannot stop one running task, and SIGALRM cannot interrupt C code (pdfminer, zlib): only a
process of its own can be stopped whatever it runs. The parent keeps at most a few items per worker in flight,
so memory does not grow with the number of items, and yields results in input order, so the output does not
depend on the number of workers. A reader may report its progress (report_progress: OCR's pages) to the parent
while it runs. A worker that is stopped takes the processes it started with it (LibreOffice in a session of its own).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1
_reporter: Callable[[object], None] | None = None  # where report_progress sends, in this process (None: nowhere)


@dataclass(frozen=True, slots=True)
class Limits:
    """Hard bounds on reading one input: seconds of wall time, and bytes of memory above what a worker starts with."""

    seconds: float = 600.0
    memory: int = 2 * 1024**3

    def __post_init__(self) -> None:
        if not self.seconds > 0 or not self.memory > 0:
            raise ValueError(f"limits must be positive, got {self.seconds!r} s and {self.memory!r} bytes")


DEFAULT_LIMITS = Limits()


def _die_with_parent() -> None:
    """This worker -> killed by the kernel when its parent dies (kill -9 of a run leaves no worker behind)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _limit_memory(budget: int) -> None:
    """This process -> unable to map more than `budget` bytes beyond its current size (MemoryError instead)."""
    import resource

    try:
        with open("/proc/self/statm", "rb") as f:
            current = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        current = 0
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (current + budget, resource.RLIM_INFINITY))


def report_progress(*value: object) -> None:
    """(Called by a reader while it runs) a progress value, such as (pages done, pages to do) -> passed on to the
    caller that listens: the pool's parent, or the caller of `reporting` in this process; dropped when none does."""
    if _reporter is not None:
        with contextlib.suppress(OSError, ValueError):
            _reporter(value)


@contextlib.contextmanager
def reporting(to: Callable[[object], None] | None) -> Iterator[None]:
    """A block -> the same, with what report_progress is given inside it passed to `to`."""
    global _reporter
    previous, _reporter = _reporter, to
    try:
        yield
    finally:
        _reporter = previous


def _serve(conn: Connection, fn: Callable[[Any], Any], parent: int, memory: int, progress: bool = False) -> None:
    """A worker's loop: items from `conn` -> fn(item) back on `conn`, until it is closed; with `progress`, what fn
    reports while it runs goes back too, as ("progress", index, value)."""
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    _limit_memory(memory)
    while True:
        try:
            index, item = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        try:
            with reporting(partial(_send_progress, conn, index) if progress else None):
                result = (True, fn(item))
        except MemoryError:
            result = (False, "memory")
        except Exception as exc:  # noqa: BLE001 - fn reports its own errors; anything else must not kill the worker
            result = (False, f"error: {type(exc).__name__}: {exc}")
        try:
            conn.send((index, result))
        except (OSError, ValueError):
            os._exit(1)


def _send_progress(conn: Connection, index: int, value: object) -> None:
    conn.send(("progress", index, value))


def _descendants(pid: int) -> list[int]:
    """A process -> the processes it started, theirs, and so on (read from /proc; none where it cannot be read)."""
    children: dict[int, list[int]] = {}
    with contextlib.suppress(OSError):
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                with contextlib.suppress(OSError, ValueError, IndexError), open(f"/proc/{entry}/stat", "rb") as f:
                    children.setdefault(int(f.read().rsplit(b")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.append(child)
            todo.append(child)
    return found


def _kill_all(pids: list[int]) -> None:
    """Processes a stopped worker left -> each killed with its process group, unless that group is this run's own."""
    own = os.getpgrp()
    for pid in pids:
        with contextlib.suppress(OSError):
            group = os.getpgid(pid)
            if group != own:
                os.killpg(group, signal.SIGKILL)
            os.kill(pid, signal.SIGKILL)


@dataclass(slots=True)
class _Worker(Generic[T]):
    process: Any
    conn: Connection
    index: int | None = None
    item: T | None = None
    deadline: float = 0.0


class Pool(Generic[T, R]):
    """`jobs` worker processes running `fn`; `lost(item, reason)` stands in for an item's result when its worker was
    stopped (reason "time", "memory" or "died"); `progress(item, value)`, if given, is told what fn reports (see
    report_progress) while it reads the item."""

    def __init__(self, fn: Callable[[T], R], lost: Callable[[T, str], R], jobs: int, limits: Limits = DEFAULT_LIMITS,
                 progress: Callable[[T, object], None] | None = None):
        self.fn, self.lost, self.jobs, self.limits, self.progress = fn, lost, max(1, jobs), limits, progress
        methods = multiprocessing.get_all_start_methods()
        self.context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.workers: list[_Worker[T]] = []

    def _start(self) -> _Worker[T]:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.fn, os.getpid(), self.limits.memory, self.progress is not None),
                                       daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop(self, worker: _Worker[T]) -> None:
        left = _descendants(worker.process.pid) if worker.process.pid else []  # found before the worker's death orphans them
        with contextlib.suppress(OSError, AttributeError):
            worker.process.kill()
        _kill_all(left)
        worker.process.join(5)
        worker.conn.close()

    def close(self) -> None:
        """Every worker -> stopped at once (also what Ctrl-C and errors lead to)."""
        for worker in self.workers:
            self._stop(worker)
        self.workers = []

    def map(self, items: Iterable[T]) -> Iterator[R]:
        """Items -> fn(item) for each, in input order; at most a few items per worker wait in memory."""
        self.workers = [self._start() for _ in range(self.jobs)]
        pending = iter(enumerate(items))
        done: dict[int, R] = {}
        next_out, window, exhausted = 0, 4 * self.jobs, False
        try:
            while True:
                for worker in self.workers:
                    if worker.index is None and not exhausted and len(done) < window:
                        exhausted = not self._give(worker, pending)
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                busy = [w for w in self.workers if w.index is not None]
                if not busy:
                    if exhausted and not done:
                        return
                    continue
                self._collect(busy, done)
        finally:
            self.close()

    def _give(self, worker: _Worker[T], pending: Iterator[tuple[int, T]]) -> bool:
        found = next(pending, None)
        if found is None:
            return False
        worker.index, worker.item = found
        worker.deadline = time.monotonic() + self.limits.seconds
        worker.conn.send(found)
        return True

    def _collect(self, busy: list[_Worker[T]], done: dict[int, R]) -> None:
        """Waits for the first busy worker to answer, die, or pass its deadline; files its result in `done`."""
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
        now = time.monotonic()
        for i, worker in enumerate(self.workers):
            if worker.index is None:
                continue
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    self._replace(i, "died", done)
                    continue
                if message[0] == "progress":
                    if self.progress is not None:
                        self.progress(worker.item, message[2])  # type: ignore[arg-type]
                    continue
                index, (ok, value) = message
                done[index] = value if ok else self.lost(worker.item, value)  # type: ignore[arg-type]
                worker.index = worker.item = None
            elif worker.process.sentinel in ready:
                self._replace(i, "died", done)
            elif now >= worker.deadline:
                self._replace(i, "time", done)

    def _replace(self, i: int, reason: str, done: dict[int, R]) -> None:
        worker = self.workers[i]
        self._stop(worker)
        code = worker.process.exitcode
        if reason == "died" and code == -signal.SIGKILL:
            reason = "memory"  # the kernel's out-of-memory killer, most likely
        done[worker.index] = self.lost(worker.item, reason)  # type: ignore[index, arg-type]
        self.workers[i] = self._start()
