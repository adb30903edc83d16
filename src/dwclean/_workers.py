"""Batch workers: plain processes fed through pipes, watched by the parent.

Why not concurrent.futures: a worker that dies breaks a ProcessPoolExecutor for good (the whole
batch ends with BrokenProcessPool), a task stuck in C code (lexbor) cannot be cancelled, and the
pool's workers outlive a parent killed with SIGKILL. Here every worker has a queue of at most two
chunks; the parent knows which input each worker is on and since when, so it can name the input
of a dead worker (`crashed`), kill a worker that overruns `--time-limit` plus a grace period
(`timeout`), and hand the rest of their queues to fresh workers. Workers ask the kernel to kill
them when the parent dies (PR_SET_PDEATHSIG) and also stop when their pipe closes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from ._batch import KILL_GRACE, BatchOptions

STOP_WAIT = 2.0  # seconds an interrupted worker gets to finish the input it is on
CHUNK = 16  # inputs per message: one round trip to a worker costs about as much as a small page
Record = dict[str, Any]
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class Task(Protocol):
    """Work for a worker: one input (`_batch.Task`), a crawl file or a shard (`_crawl_batch`)."""

    @property
    def weight(self) -> int: ...  # CHUNK for a task that should run alone (a crawl file)

    def run(self, options: BatchOptions) -> Record | list[Record]: ...

    def limit(self, options: BatchOptions) -> float | None: ...

    def lost(self, status: str, reason: str, seconds: float) -> list[Record]: ...


def _die_with_parent(parent: int) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: Linux only; elsewhere the pipe EOF
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class _State:
    busy = False  # cleaning an input: SIGTERM waits for its record instead of losing it
    stop = False


def _on_term(signum: int, frame: object) -> None:
    if not _State.busy:
        os._exit(0)
    _State.stop = True


def _worker_main(conn: Connection, options: BatchOptions, parent: int) -> None:
    # Started with SIGINT and SIGTERM blocked (see _Pool.start): the parent's handlers must
    # never run here, not even in the moment before these lines.
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, _on_term)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with_parent(parent)
    try:
        _serve_tasks(conn, options)
    except BaseException:
        os._exit(1)


def _serve_tasks(conn: Connection, options: BatchOptions) -> None:
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for task in chunk:
            _State.busy = True
            record = task.run(options)
            conn.send(record)
            _State.busy = False
            if _State.stop:  # interrupted: this input's record is sent, its output written
                os._exit(0)


_INTERRUPTIONS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _interruptions_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done: between taking a worker's record off
    its pipe and counting it, an interruption would lose the record while its output exists,
    and the count said ("interrupted after N inputs") would be one short."""
    if not hasattr(signal, "pthread_sigmask"):  # no signal masks (Windows): as before
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTIONS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    queue: deque[Task] = field(default_factory=deque)
    since: float = 0.0  # when the task at the head of the queue started


class _Pool:
    def __init__(
        self, options: BatchOptions, done: Callable[[Record | list[Record]], None]
    ) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork: a replacement worker starts in milliseconds; spawn where fork does not exist
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.options = options
        self.done = done
        self.workers: list[_Worker] = []
        self.retry: deque[Task] = deque()  # queued on a worker that died, not yet started

    def start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        proc = self.context.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child_end, self.options, os.getpid()), daemon=True
        )
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            proc.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a pending signal lands now
        child_end.close()
        worker = _Worker(proc, parent_end)
        self.workers.append(worker)
        return worker

    def feed(self, worker: _Worker, chunk: list[Task]) -> None:
        try:
            worker.conn.send(chunk)
        except OSError:  # the worker died while idle: nothing of its own is lost
            self.retry.extendleft(reversed(chunk))
            self.replace(worker, "crashed", self._death(worker))
            return
        if not worker.queue:
            worker.since = time.monotonic()
        worker.queue.extend(chunk)

    def receive(self, worker: _Worker) -> None:
        """Take every record the worker has sent; a closed pipe means the worker died."""
        try:
            while worker.conn.poll():
                with _interruptions_deferred():  # a record taken is a record counted
                    record = worker.conn.recv()
                    worker.queue.popleft()
                    worker.since = time.monotonic()
                    self.done(record)
        except (EOFError, OSError, pickle.UnpicklingError):  # died, perhaps mid-message
            self.replace(worker, "crashed", self._death(worker))

    def _death(self, worker: _Worker) -> str:
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit {code}"
        return f"the worker process died ({how}) while cleaning this input"

    def replace(self, worker: _Worker, status: str, reason: str) -> None:
        """Report the worker's current input, requeue the rest, start a fresh worker."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self.workers.remove(worker)
        if worker.queue:
            task = worker.queue.popleft()
            seconds = round(time.monotonic() - worker.since, 4)
            self.done(task.lost(status, reason, seconds))
            self.retry.extendleft(reversed(worker.queue))
        self.start()

    def deadline(self, worker: _Worker) -> float | None:
        """When the worker's current task is overdue (None: no queue, or no limit)."""
        limit = worker.queue[0].limit(self.options) if worker.queue else None
        return None if limit is None else worker.since + limit + KILL_GRACE

    def overdue(self, now: float) -> list[_Worker]:
        deadlines = [(w, self.deadline(w)) for w in self.workers]
        return [w for w, deadline in deadlines if deadline is not None and now > deadline]

    def stop(self, *, interrupted: bool) -> None:
        """Finish: let every worker end; when interrupted, each first finishes (and reports)
        the input it is on, so that the count said matches the outputs written."""
        for worker in self.workers:
            if interrupted:
                worker.process.terminate()
            else:
                with contextlib.suppress(OSError):  # a worker that died has no pipe left
                    worker.conn.send(None)
        deadline = time.monotonic() + (STOP_WAIT if interrupted else 10.0)
        for worker in self.workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()  # stuck in C code: its input stays undone
                worker.process.join(timeout=5)
            self.drain(worker)
            worker.conn.close()

    def drain(self, worker: _Worker) -> None:
        """Records a killed worker sent before it died: their outputs exist, so count them."""
        try:
            while worker.queue and worker.conn.poll():
                worker.queue.popleft()
                self.done(worker.conn.recv())
        except (EOFError, OSError):
            pass


def run_parallel(
    tasks: Iterator[Task | Record], options: BatchOptions, done: Callable[[Record], None]
) -> None:
    def deliver(result: Record | list[Record]) -> None:
        for record in result if isinstance(result, list) else [result]:
            done(record)

    pool = _Pool(options, deliver)
    finished = False
    try:
        for _ in range(max(1, options.jobs)):
            pool.start()
        pending = _chunks(tasks, done)
        exhausted = False
        while True:
            for worker in list(pool.workers):
                if sum(task.weight for task in worker.queue) >= CHUNK:
                    continue  # one chunk queued behind the running one is enough
                chunk = [pool.retry.popleft()] if pool.retry else None
                if chunk is None and not exhausted:
                    chunk = next(pending, None)
                    exhausted = chunk is None
                if chunk:
                    pool.feed(worker, chunk)
            if exhausted and not pool.retry and not any(w.queue for w in pool.workers):
                break
            _serve(pool)
        finished = True
    finally:
        pool.stop(interrupted=not finished)


def _chunks(tasks: Iterator[Task | Record], done: Callable[[Record], None]) -> Iterator[list[Task]]:
    """Lists of tasks weighing up to CHUNK (a heavy task alone); records (skipped, refused) pass
    straight to done."""
    chunk: list[Task] = []
    for item in tasks:
        if isinstance(item, dict):
            done(item)
            continue
        if chunk and sum(t.weight for t in chunk) + item.weight > CHUNK:
            yield chunk
            chunk = []
        chunk.append(item)
        if sum(t.weight for t in chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _serve(pool: _Pool) -> None:
    """Wait for records, dead workers or the next deadline; act on what happened."""
    busy = [w for w in pool.workers if w.queue]
    if not busy:
        return
    deadlines = [d for d in map(pool.deadline, busy) if d is not None]
    timeout = max(0.0, min(deadlines) - time.monotonic()) + 0.01 if deadlines else None
    ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=timeout)
    for worker in busy:
        if worker.conn in ready or worker.process.sentinel in ready:
            pool.receive(worker)
            if worker in pool.workers and not worker.process.is_alive():
                pool.replace(worker, "crashed", pool._death(worker))
    for worker in pool.overdue(time.monotonic()):
        seconds = worker.queue[0].limit(pool.options)
        pool.replace(worker, "timeout", f"took longer than {seconds:g}s (worker killed)")
