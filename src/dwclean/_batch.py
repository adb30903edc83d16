"""Batch-clean a folder tree: parallel workers, resume, atomic writes, a per-file time limit.

Design for scale: input paths are streamed from the tree (never held as one list with their
contents), at most a few tasks per worker are in flight, and every output is written to a
temporary file in OUT_DIR/.dwclean-tmp and renamed into place, so an interrupted run (Ctrl-C,
SIGTERM, even SIGKILL) leaves no partial output; the next run removes the temporary folder and
finishes the job, skipping outputs that are up to date.

Naming: an output keeps its input's whole relative path and adds the format's extension
(`a/story.txt` → `a/story.txt.md`), so two inputs can never share an output. Up to date means
that the output's modification time is exactly the input's, as it was *before* the input was
read (the output is stamped with it): an input changed during or after a run is cleaned again.

Workers are plain processes fed through pipes, not a pool: one that dies (the OOM killer, a
crash in C code) costs only the input it was working on (`crashed`), one that overruns the time
limit inside C code (where the alarm cannot interrupt it) is killed and replaced (`timeout`), and
every worker dies with the parent.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import shutil
import signal
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, ClassVar

from ._api import clean_file
from ._exceptions import DwcleanError, InputTooLargeError, NotAnArticleError, OutputError
from ._export import json_line, render
from ._model import Article
from ._read import DEFAULT_MAX_BYTES

TEMP_DIR = ".dwclean-tmp"
EXTENSIONS = {"markdown": ".md", "json": ".json", "jsonl": ".jsonl", "text": ".txt"}
OK_STATUSES = ("cleaned", "skipped")
KILL_GRACE = 1.0  # seconds past --time-limit before a worker stuck in C code is killed


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
    follow_symlinks: bool = False  # follow symlinks that lead out of IN_DIR


@dataclass(frozen=True, slots=True)
class Task:
    """One input for a worker. Other kinds of work (crawl files, shards: see _crawl_batch)
    have the same four members: `weight`, `run`, `limit` and `lost`."""

    source: str
    relative: str
    target: str
    temp_dir: str
    weight: ClassVar[int] = 1  # a worker takes more tasks while its queue weighs under CHUNK

    def run(self, options: BatchOptions) -> dict[str, Any]:
        return process(self, options)

    def limit(self, options: BatchOptions) -> float | None:
        """Seconds after which the parent kills the worker (None: never)."""
        return options.time_limit

    def lost(self, status: str, reason: str, seconds: float) -> list[dict[str, Any]]:
        """The records of this task when its worker died or was killed."""
        record = {"input": self.relative, "output": None, "status": status, "reason": reason}
        return [{**record, "seconds": seconds}]


@dataclass(slots=True)
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return sum(n for status, n in self.counts.items() if status not in OK_STATUSES)

    @property
    def done(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing the walk found: an input, or why something could not be taken as one."""

    path: Path
    relative: str
    status: str | None = None  # None: an input to clean; else "failed" or "skipped"
    reason: str = ""


# --- Walking IN_DIR ---------------------------------------------------------------------------


def iter_inputs(root: Path, options: BatchOptions) -> Iterator[tuple[Path, str]]:
    """(path, relative path) of every input below root, depth first, sorted per folder."""
    for entry in walk(root, options):
        if entry.status is None:
            yield entry.path, entry.relative


def walk(root: Path, options: BatchOptions, skip: Path | None = None) -> Iterator[Entry]:
    """Every selected input below root, and an entry for each folder that cannot be read, each
    symlink that is not followed, each non-file. `skip` (OUT_DIR inside IN_DIR) is left out.

    Symlinks are followed only within IN_DIR unless `follow_symlinks`; a folder already visited
    (a symlink loop) is never entered twice.
    """
    real_root = os.path.realpath(root)
    skip_real = os.path.realpath(skip) if skip is not None else None
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        relative_folder = _relative(folder, root)
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue  # a loop through symlinks
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError as error:
            yield Entry(folder, relative_folder or ".", "failed", _folder_error(error))
            continue
        for item in entries:
            if item.name == TEMP_DIR:
                continue
            path = Path(item.path)
            relative = _relative(path, root)
            try:
                is_dir = item.is_dir()
                refused = (
                    None if options.follow_symlinks else _symlink_out(item, real_root, relative)
                )
            except OSError as error:  # a symlink loop, or a name the file system rejects
                refused = Entry(path, relative, "failed", f"cannot follow ({error.strerror})")
                is_dir = False
            if refused is not None:
                if _selected(relative, options):
                    yield refused
                continue
            if is_dir:
                if skip_real is None or os.path.realpath(path) != skip_real:
                    stack.append(path)
                continue
            if _selected(relative, options):
                yield _file_entry(item, path, relative)


def _symlink_out(item: os.DirEntry[str], real_root: str, relative: str) -> Entry | None:
    """An entry refusing a symlink that leads out of IN_DIR (None: not such a symlink)."""
    if not item.is_symlink():
        return None
    target = os.path.realpath(item.path)
    if _inside(target, real_root):
        return None
    return Entry(Path(item.path), relative, "skipped", _OUTSIDE)


_OUTSIDE = "a symlink out of IN_DIR (not followed without --follow-symlinks)"


def _file_entry(item: os.DirEntry[str], path: Path, relative: str) -> Entry:
    if item.is_file():
        return Entry(path, relative)
    if item.is_symlink() and not os.path.exists(path):
        return Entry(path, relative, "failed", "a broken symlink or a symlink loop")
    return Entry(path, relative, "skipped", "not a regular file (FIFO, socket or device)")


def _folder_error(error: OSError) -> str:
    return f"folder cannot be read ({error.strerror or error}); its inputs were not cleaned"


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path != root else ""


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _selected(relative: str, options: BatchOptions) -> bool:
    name = relative.rsplit("/", 1)[-1]

    def matches(pattern: str) -> bool:
        return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern)

    return any(matches(p) for p in options.include) and not any(matches(p) for p in options.exclude)


def listed_inputs(root: Path, names: list[str], skip: Path | None = None) -> Iterator[Entry]:
    """Entries for --files-from: paths relative to root (or absolute), never outside it.

    `..` is resolved lexically; a name that leads out of IN_DIR is refused, so that no output
    can land outside OUT_DIR and no file outside IN_DIR is read through a crafted list; so is
    a name inside `skip` (OUT_DIR within IN_DIR: an output is no input).
    """
    base = os.path.abspath(root)
    outputs = os.path.abspath(skip) if skip is not None else None
    for name in names:
        path = os.path.normpath(os.path.join(base, name))
        if not _inside(path, base) or path == base:
            yield Entry(Path(name), name, "failed", "outside IN_DIR (refused)")
            continue
        if outputs is not None and _inside(path, outputs):
            yield Entry(Path(name), name, "skipped", "inside OUT_DIR (an output, not an input)")
            continue
        yield Entry(Path(path), Path(path).relative_to(base).as_posix())


def target_for(out_root: Path, relative: str, fmt: str) -> Path:
    """OUT_DIR/relative + the format's extension: distinct inputs never share an output."""
    return out_root / (relative + EXTENSIONS[fmt])


# --- One input, in a worker -------------------------------------------------------------------


class _TimeLimit(BaseException):
    """Raised by the alarm: a BaseException, so that no `except Exception` fallback on the way
    (a rules cache entry compiled anew, a broken JSON-LD block skipped) can swallow it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeLimit


def process(task: Task, options: BatchOptions) -> dict[str, Any]:
    """Clean one input and write its output atomically; a status record for the report."""

    def write(article: Article, before: os.stat_result) -> None:
        data = render(article, options.fmt, explain=options.explain)
        _write(Path(task.target), data, Path(task.temp_dir), before.st_mtime_ns)

    record = clean_input(task.source, task.relative, options, write)
    if record["status"] == "cleaned":
        record["output"] = task.target
    return record


def clean_input(
    source: str,
    relative: str,
    options: BatchOptions,
    emit: Callable[[Article, os.stat_result], None],
) -> dict[str, Any]:
    """Clean one input within `--time-limit` and hand the article to `emit` (which writes it
    somewhere); the report record, with the failure's status and reason when there is one."""
    started = time.perf_counter()
    record: dict[str, Any] = {"input": relative, "output": None, "status": "cleaned"}
    use_alarm = hasattr(signal, "SIGALRM") and options.time_limit > 0
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, options.time_limit)
    try:
        before = _input_stat(source, options.max_bytes)
        article = clean_file(source, max_bytes=options.max_bytes)
        emit(article, before)
        if article.warnings:
            record["warnings"] = article.warnings
    except _TimeLimit:
        record.update(status="timeout", reason=f"took longer than {options.time_limit:g}s")
    except NotAnArticleError as error:
        record.update(status="no-article", reason=_reason(error, source))
    except DwcleanError as error:
        record.update(status="failed", reason=_reason(error, source))
    except OSError as error:
        record.update(status="failed", reason=f"{error.strerror or error}")
    except Exception as error:  # a bug on one input must not stop the batch
        record.update(status="failed", reason=f"internal error: {type(error).__name__}: {error}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    record["seconds"] = round(time.perf_counter() - started, 4)
    return record


def _input_stat(source: str, max_bytes: int) -> os.stat_result:
    info = os.stat(source)
    if not stat.S_ISREG(info.st_mode):
        raise DwcleanError("not a regular file (FIFO, socket, device or folder)")
    if info.st_size > max_bytes:
        raise InputTooLargeError(f"larger than the limit of {max_bytes:,} bytes")
    return info


def _reason(error: Exception, source: str) -> str:
    message = str(error)
    return message[len(source) + 2 :] if message.startswith(source + ": ") else message


def _write(target: Path, data: str, temp_dir: Path, mtime_ns: int) -> None:
    """Atomically, stamped with the input's modification time (see the module's docstring)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {target.parent} ({error.strerror or error})") from None
    temp = temp_dir / f"{os.getpid()}-{time.monotonic_ns()}.part"
    try:
        with temp.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
        os.utime(temp, ns=(time.time_ns(), mtime_ns))
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {target} ({error.strerror or error})") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def fresh(target: Path, source: Path) -> bool:
    """Up to date: the output carries the input's modification time (see `_write`)."""
    try:
        return target.stat().st_mtime_ns == source.stat().st_mtime_ns
    except OSError:
        return False


TaskMaker = Callable[[Iterator[Entry], Path, BatchOptions], Iterator[Any]]


# --- The whole run ----------------------------------------------------------------------------


class _Stop(Exception):
    """SIGTERM in the parent: stop like Ctrl-C."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def run_batch(
    in_root: Path,
    out_root: Path,
    options: BatchOptions,
    *,
    inputs: Iterator[tuple[Path, str]] | Iterator[Entry] | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    make_tasks: TaskMaker | None = None,
) -> Summary:
    """Clean every selected input under in_root into out_root; returns the counts.

    `make_tasks` turns the entries into work (default: one `Task` per input, see `tasks`)."""
    started = time.perf_counter()
    summary = Summary()
    temp_dir = out_root / TEMP_DIR
    shutil.rmtree(temp_dir, ignore_errors=True)  # leftovers of a killed run
    out_root.mkdir(parents=True, exist_ok=True)
    entries = _entries(in_root, out_root, options, inputs)

    def done(record: dict[str, Any]) -> None:
        summary.counts[record["status"]] += 1
        if on_record:
            on_record(record)

    previous_term = signal.signal(signal.SIGTERM, _raise_stop)
    try:
        # Even one job runs in a worker process: only a separate process can be killed when
        # an input overruns --time-limit inside C code, or be lost without losing the batch.
        from ._workers import run_parallel

        run_parallel((make_tasks or tasks)(entries, out_root, options), options, done)
    except (KeyboardInterrupt, _Stop):
        summary.interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        shutil.rmtree(temp_dir, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _entries(
    in_root: Path,
    out_root: Path,
    options: BatchOptions,
    inputs: Iterator[tuple[Path, str]] | Iterator[Entry] | None,
) -> Iterator[Entry]:
    if inputs is None:
        return walk(in_root, options, skip=out_root)
    return (item if isinstance(item, Entry) else Entry(*item) for item in inputs)


def tasks(
    entries: Iterator[Entry], out_root: Path, options: BatchOptions
) -> Iterator[Task | dict[str, Any]]:
    """A Task per input that is not up to date; a record for everything else."""
    for entry in entries:
        yield task_for(entry, out_root, options)


def task_for(entry: Entry, out_root: Path, options: BatchOptions) -> Task | dict[str, Any]:
    if entry.status is not None:
        return record_for(entry.relative, entry.status, entry.reason)
    target = target_for(out_root, entry.relative, options.fmt)
    if not options.force and fresh(target, entry.path):
        return record_for(entry.relative, "skipped", "output is up to date", str(target))
    return Task(str(entry.path), entry.relative, str(target), str(out_root / TEMP_DIR))


def record_for(
    relative: str, status: str, reason: str, output: str | None = None
) -> dict[str, Any]:
    return {"input": relative, "output": output, "status": status, "reason": reason, "seconds": 0.0}


def write_report(path: Path) -> tuple[Callable[[dict[str, Any]], None], Callable[[], None]]:
    """A record writer for --report (JSON Lines, flushed per record) and its closer."""
    try:
        handle = path.open("w", encoding="utf-8")
    except OSError as error:
        raise OutputError(f"{path}: cannot write the report ({error.strerror or error})") from None

    def write(record: dict[str, Any]) -> None:
        try:
            handle.write(json_line(record) + "\n")
            handle.flush()
        except OSError as error:  # a full disk: stop with a clear message, not a traceback
            reason = error.strerror or error
            raise OutputError(f"{path}: cannot write the report ({reason})") from None

    def close() -> None:
        with contextlib.suppress(OSError):  # every record was flushed, or its error reported
            handle.close()

    return write, close
