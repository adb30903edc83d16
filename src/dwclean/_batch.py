"""Batch-clean a folder tree: parallel workers, resume, atomic writes, a per-file time limit.

Design for scale: input paths are streamed from the tree (never held as one list with their
contents), at most a few tasks per worker are in flight, and every output is written to a
temporary file in OUT_DIR/.dwclean-tmp and renamed into place, so an interrupted run (Ctrl-C,
SIGTERM, even SIGKILL) leaves no partial output; the next run removes the temporary folder and
finishes the job, skipping outputs that are newer than their inputs.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from ._api import clean_file
from ._exceptions import DwcleanError, InputTooLargeError, NotAnArticleError
from ._export import render
from ._read import DEFAULT_MAX_BYTES

TEMP_DIR = ".dwclean-tmp"
EXTENSIONS = {"markdown": ".md", "json": ".json", "jsonl": ".jsonl", "text": ".txt"}


@dataclass(frozen=True, slots=True)
class BatchOptions:
    fmt: str = "markdown"
    jobs: int = 1
    include: tuple[str, ...] = ("*",)
    exclude: tuple[str, ...] = ()
    force: bool = False
    explain: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float = 60.0  # seconds per file


@dataclass(frozen=True, slots=True)
class Task:
    source: str
    relative: str
    target: str
    temp_dir: str


@dataclass(slots=True)
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return sum(n for status, n in self.counts.items() if status not in ("cleaned", "skipped"))


def iter_inputs(root: Path, options: BatchOptions) -> Iterator[tuple[Path, str]]:
    """(path, relative path) of every input below root, depth first, sorted per folder."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") and entry.name == TEMP_DIR:
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.is_file():
                relative = Path(entry.path).relative_to(root).as_posix()
                if _selected(relative, options):
                    yield Path(entry.path), relative


def _selected(relative: str, options: BatchOptions) -> bool:
    name = relative.rsplit("/", 1)[-1]

    def matches(pattern: str) -> bool:
        return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern)

    return any(matches(p) for p in options.include) and not any(matches(p) for p in options.exclude)


def target_for(out_root: Path, relative: str, fmt: str) -> Path:
    stem = relative[:-3] if relative.endswith(".gz") else relative
    base, dot, ext = stem.rpartition(".")
    stem = (
        base if dot and "/" not in ext and ext.lower() in ("txt", "html", "htm", "dump") else stem
    )
    return out_root / (stem + EXTENSIONS[fmt])


class _TimeLimit(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeLimit


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def process(task: Task, options: BatchOptions) -> dict[str, Any]:
    """Clean one input and write its output atomically; a status record for the report."""
    started = time.perf_counter()
    record: dict[str, Any] = {"input": task.relative, "output": None, "status": "cleaned"}
    use_alarm = hasattr(signal, "SIGALRM") and options.time_limit > 0
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, options.time_limit)
    try:
        if os.path.getsize(task.source) > options.max_bytes:
            raise InputTooLargeError(f"larger than the limit of {options.max_bytes:,} bytes")
        article = clean_file(task.source, max_bytes=options.max_bytes)
        data = render(article, options.fmt, explain=options.explain)
        _write(Path(task.target), data, Path(task.temp_dir))
        record["output"] = task.target
        if article.warnings:
            record["warnings"] = article.warnings
    except _TimeLimit:
        record.update(status="timeout", reason=f"took longer than {options.time_limit:g}s")
    except NotAnArticleError as error:
        record.update(status="no-article", reason=_reason(error, task.source))
    except DwcleanError as error:
        record.update(status="failed", reason=_reason(error, task.source))
    except OSError as error:
        record.update(status="failed", reason=f"{type(error).__name__}: {error}")
    except Exception as error:  # a bug on one input must not stop the batch
        record.update(status="failed", reason=f"internal error: {type(error).__name__}: {error}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    record["seconds"] = round(time.perf_counter() - started, 4)
    return record


def _reason(error: Exception, source: str) -> str:
    message = str(error)
    return message[len(source) + 2 :] if message.startswith(source + ": ") else message


def _write(target: Path, data: str, temp_dir: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp_dir.mkdir(parents=True, exist_ok=True)
    temp = temp_dir / f"{os.getpid()}-{time.monotonic_ns()}.part"
    try:
        with temp.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


class _Stop(Exception):
    """SIGTERM in the parent: stop like Ctrl-C."""


def run_batch(
    in_root: Path,
    out_root: Path,
    options: BatchOptions,
    *,
    inputs: Iterator[tuple[Path, str]] | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> Summary:
    """Clean every selected input under in_root into out_root; returns the counts."""
    started = time.perf_counter()
    summary = Summary()
    temp_dir = out_root / TEMP_DIR
    shutil.rmtree(temp_dir, ignore_errors=True)  # leftovers of a killed run
    out_root.mkdir(parents=True, exist_ok=True)

    def tasks() -> Iterator[Task | dict[str, Any]]:
        for path, relative in inputs if inputs is not None else iter_inputs(in_root, options):
            target = target_for(out_root, relative, options.fmt)
            if not options.force and _fresh(target, path):
                yield {
                    "input": relative,
                    "output": str(target),
                    "status": "skipped",
                    "reason": "output is newer than input",
                    "seconds": 0.0,
                }
            else:
                yield Task(str(path), relative, str(target), str(temp_dir))

    def done(record: dict[str, Any]) -> None:
        summary.counts[record["status"]] += 1
        if on_record:
            on_record(record)

    previous_term = signal.signal(signal.SIGTERM, _raise_stop)
    try:
        if options.jobs <= 1:
            for task in tasks():
                done(task if isinstance(task, dict) else process(task, options))
        else:
            _run_parallel(tasks(), options, done)
    except (KeyboardInterrupt, _Stop):
        summary.interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        shutil.rmtree(temp_dir, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def _fresh(target: Path, source: Path) -> bool:
    try:
        return target.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


_CHUNK = 16  # inputs per task: one round trip to a worker costs about as much as a small page


def process_chunk(tasks: list[Task], options: BatchOptions) -> list[dict[str, Any]]:
    return [process(task, options) for task in tasks]


def _run_parallel(
    tasks: Iterator[Task | dict[str, Any]],
    options: BatchOptions,
    done: Callable[[dict[str, Any]], None],
) -> None:
    in_flight: set[Future[list[dict[str, Any]]]] = set()
    limit = options.jobs * 4
    pool = ProcessPoolExecutor(max_workers=options.jobs, initializer=_init_worker)

    def collect(block: bool) -> None:
        nonlocal in_flight
        finished, in_flight = wait(
            in_flight, return_when=FIRST_COMPLETED if block else "ALL_COMPLETED"
        )
        for future in finished:
            for record in future.result():
                done(record)

    try:
        chunk: list[Task] = []
        for task in tasks:
            if isinstance(task, dict):
                done(task)
                continue
            chunk.append(task)
            if len(chunk) < _CHUNK:
                continue
            in_flight.add(pool.submit(process_chunk, chunk, options))
            chunk = []
            if len(in_flight) >= limit:
                collect(block=True)
        if chunk:
            in_flight.add(pool.submit(process_chunk, chunk, options))
        collect(block=False)
        pool.shutdown(wait=True)
    except BaseException:
        # Stop promptly: queued tasks are cancelled, running ones finish their atomic write.
        pool.shutdown(wait=True, cancel_futures=True)
        raise


def write_report(path: Path) -> tuple[Callable[[dict[str, Any]], None], Callable[[], None]]:
    """A record writer for --report (JSON Lines, flushed per record) and its closer."""
    handle = path.open("w", encoding="utf-8")

    def write(record: dict[str, Any]) -> None:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()

    return write, handle.close
