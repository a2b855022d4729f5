"""Worker processes with hard limits: items -> results in input order, each item read in a process that is killed
when it takes longer than its time limit and that cannot take more memory than its limit (RLIMIT_AS).

concurrent.futures cannot stop one running task, and SIGALRM cannot interrupt C code (pdfminer, zlib): only a
process of its own can be stopped whatever it runs. The parent keeps at most a few items per worker in flight,
so memory does not grow with the number of items, and yields results in input order, so the output does not
depend on the number of workers.
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
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1


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


def _serve(conn: Connection, fn: Callable[[Any], Any], parent: int, memory: int) -> None:
    """A worker's loop: items from `conn` -> fn(item) back on `conn`, until it is closed."""
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
            result = (True, fn(item))
        except MemoryError:
            result = (False, "memory")
        except Exception as exc:  # noqa: BLE001 - fn reports its own errors; anything else must not kill the worker
            result = (False, f"error: {type(exc).__name__}: {exc}")
        try:
            conn.send((index, result))
        except (OSError, ValueError):
            os._exit(1)


@dataclass(slots=True)
class _Worker(Generic[T]):
    process: Any
    conn: Connection
    index: int | None = None
    item: T | None = None
    deadline: float = 0.0


class Pool(Generic[T, R]):
    """`jobs` worker processes running `fn`; `lost(item, reason)` stands in for an item's result when its worker was
    stopped (reason "time", "memory" or "died")."""

    def __init__(self, fn: Callable[[T], R], lost: Callable[[T, str], R], jobs: int, limits: Limits = DEFAULT_LIMITS):
        self.fn, self.lost, self.jobs, self.limits = fn, lost, max(1, jobs), limits
        methods = multiprocessing.get_all_start_methods()
        self.context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.workers: list[_Worker[T]] = []

    def _start(self) -> _Worker[T]:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.fn, os.getpid(), self.limits.memory), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop(self, worker: _Worker[T]) -> None:
        with contextlib.suppress(OSError, AttributeError):
            worker.process.kill()
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
                    index, (ok, value) = worker.conn.recv()
                except (EOFError, OSError):
                    self._replace(i, "died", done)
                    continue
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
