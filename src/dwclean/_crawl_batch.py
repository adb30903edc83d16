"""`dwclean batch` additions: crawl files in IN_DIR, and sharded JSON Lines output.

Kept apart from _batch.py, which the command still uses for ordinary inputs:

- a crawl file (`.warc`, `.warc.gz`, `.wet`, `.wet.gz`) becomes one `OUT_DIR/<path>.jsonl.gz`
  (`x.warc.gz` → `x.warc.jsonl.gz`) holding one JSON line per article, and one report record
  with the record counts. Workers take whole crawl files (`--jobs` parallelises across files).
- `--shard-size N` (with `--format jsonl`): ordinary inputs, in the walk's order, go N at a time
  into `OUT_DIR/part-00000.jsonl.gz`, `part-00001.jsonl.gz` …; one worker writes one shard.

Both are atomic (written in OUT_DIR/.dwclean-tmp, renamed into place) and resumable: a crawl
output newer than its input is skipped, a finished shard is never rewritten, and anything cut
short is redone by the next run.
"""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from ._api import clean_file
from ._batch import TEMP_DIR, BatchOptions, Summary, iter_inputs, run_batch
from ._crawl import CrawlOptions, CrawlStats, is_crawl_name, iter_crawl, jsonl_line
from ._exceptions import DwcleanError, InputTooLargeError, NotAnArticleError

Record = dict[str, Any]
GZIP_LEVEL = 6  # zlib's default: --jobs 2 at level 9 spends a third of its time compressing
MAX_PROBLEMS = 20  # damaged-record messages kept in one report record


@dataclass(frozen=True, slots=True)
class CrawlTask:
    source: str
    relative: str
    target: str
    temp_dir: str
    any_site: bool
    max_bytes: int
    explain: bool


@dataclass(frozen=True, slots=True)
class ShardTask:
    inputs: tuple[tuple[str, str], ...]  # (path, relative path)
    target: str
    temp_dir: str


def crawl_target(out_root: Path, relative: str) -> Path:
    stem = relative[:-3] if relative.lower().endswith(".gz") else relative
    return out_root / (stem + ".jsonl.gz")


def shard_target(out_root: Path, number: int) -> Path:
    return out_root / f"part-{number:05d}.jsonl.gz"


def run_batch_with_crawls(
    in_root: Path,
    out_root: Path,
    options: BatchOptions,
    *,
    inputs: Iterator[tuple[Path, str]] | None = None,
    on_record: Callable[[Record], None] | None = None,
    shard_size: int | None = None,
    any_site: bool = False,
    quiet: bool = False,
    error: Callable[[str], None] = lambda message: None,
) -> Summary:
    """Ordinary inputs as `run_batch` does (or into shards), then the crawl files."""
    crawl_files: list[tuple[Path, str]] = []  # few and small: names only

    def pages() -> Iterator[tuple[Path, str]]:
        for path, relative in inputs if inputs is not None else iter_inputs(in_root, options):
            if is_crawl_name(relative):
                crawl_files.append((path, relative))
            else:
                yield path, relative

    if shard_size:
        summary = _run_shards(out_root, options, pages(), shard_size, on_record)
    else:
        summary = run_batch(in_root, out_root, options, inputs=pages(), on_record=on_record)
    if summary.interrupted or not crawl_files:
        return summary

    def on_crawl(record: Record) -> None:
        for problem in record.get("problems", []):
            error(problem)
        if not quiet and record["status"] == "cleaned":
            error(f"{record['input']}: {record['summary']}")
        if on_record:
            on_record(record)

    crawls = _run_crawl_files(out_root, options, crawl_files, any_site, on_crawl)
    summary.counts.update(crawls.counts)
    summary.seconds += crawls.seconds
    summary.interrupted = crawls.interrupted
    return summary


def _run_crawl_files(
    out_root: Path,
    options: BatchOptions,
    files: list[tuple[Path, str]],
    any_site: bool,
    on_record: Callable[[Record], None],
) -> Summary:
    temp_dir = str(out_root / TEMP_DIR)

    def tasks() -> Iterator[CrawlTask | Record]:
        for path, relative in files:
            target = crawl_target(out_root, relative)
            if not options.force and _fresh(target, path):
                yield _skipped(relative, target, "output is newer than input")
            else:
                yield CrawlTask(
                    str(path),
                    relative,
                    str(target),
                    temp_dir,
                    any_site,
                    options.max_bytes,
                    options.explain,
                )

    return _run(out_root, tasks(), process_crawl, options.jobs, on_record)


def _run_shards(
    out_root: Path,
    options: BatchOptions,
    pages: Iterable[tuple[Path, str]],
    size: int,
    on_record: Callable[[Record], None] | None,
) -> Summary:
    temp_dir = str(out_root / TEMP_DIR)

    def tasks() -> Iterator[ShardTask | Record]:
        group: list[tuple[str, str]] = []
        number = 0

        def flush() -> Iterator[ShardTask | Record]:
            target = shard_target(out_root, number)
            if not options.force and target.is_file():
                for _, relative in group:
                    yield _skipped(relative, target, f"shard {target.name} is finished")
            else:
                yield ShardTask(tuple(group), str(target), temp_dir)

        for path, relative in pages:
            group.append((str(path), relative))
            if len(group) == size:
                yield from flush()
                group, number = [], number + 1
        if group:
            yield from flush()

    return _run(out_root, tasks(), _ShardWorker(options), options.jobs, on_record)


class _ShardWorker:
    """A picklable `process_shard` bound to the batch options."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options

    def __call__(self, task: ShardTask) -> list[Record]:
        return process_shard(task, self.options)


def _skipped(relative: str, target: Path, reason: str) -> Record:
    return {
        "input": relative,
        "output": str(target),
        "status": "skipped",
        "reason": reason,
        "seconds": 0.0,
    }


def _fresh(target: Path, source: Path) -> bool:
    try:
        return target.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


class _Stop(Exception):
    """SIGTERM in the parent: stop like Ctrl-C."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run(
    out_root: Path,
    tasks: Iterator[Any],
    work: Callable[[Any], Any],
    jobs: int,
    on_record: Callable[[Record], None] | None,
) -> Summary:
    """Run `work` on every task (one task per submission), records to `on_record`."""
    started = time.perf_counter()
    summary = Summary()
    temp_dir = out_root / TEMP_DIR
    shutil.rmtree(temp_dir, ignore_errors=True)  # leftovers of a killed run
    out_root.mkdir(parents=True, exist_ok=True)

    def done(result: Record | list[Record]) -> None:
        for record in result if isinstance(result, list) else [result]:
            summary.counts[record["status"]] += 1
            if on_record:
                on_record(record)

    previous_term = signal.signal(signal.SIGTERM, _raise_stop)
    try:
        if jobs <= 1:
            for task in tasks:
                done(task if isinstance(task, dict) else work(task))
        else:
            _run_parallel(tasks, work, jobs, done)
    except (KeyboardInterrupt, _Stop):
        summary.interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        shutil.rmtree(temp_dir, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _run_parallel(
    tasks: Iterator[Any],
    work: Callable[[Any], Any],
    jobs: int,
    done: Callable[[Any], None],
) -> None:
    in_flight: set[Future[Any]] = set()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker)
    try:
        for task in tasks:
            if isinstance(task, dict):
                done(task)
                continue
            in_flight.add(pool.submit(work, task))
            if len(in_flight) >= jobs * 2:
                finished, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    done(future.result())
        for future in in_flight:
            done(future.result())
        pool.shutdown(wait=True)
    except BaseException:
        # Stop promptly: a crawl file can take minutes, so running tasks are not waited for but
        # ended (their temporary output goes with OUT_DIR/.dwclean-tmp); queued ones are
        # cancelled. `_processes` is the executor's own table of its worker processes.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise


class _Output:
    """A gzip JSON Lines file written in the temporary folder and renamed into place."""

    def __init__(self, target: Path, temp_dir: Path) -> None:
        self.target = target
        temp_dir.mkdir(parents=True, exist_ok=True)
        self.temp = temp_dir / f"{os.getpid()}-{time.monotonic_ns()}.part"
        self.handle = gzip.open(  # noqa: SIM115 (closed by commit or discard)
            self.temp, "wt", encoding="utf-8", compresslevel=GZIP_LEVEL
        )

    def write(self, line: str) -> None:
        self.handle.write(line)

    def commit(self) -> None:
        self.handle.close()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.temp, self.target)

    def discard(self) -> None:
        self.handle.close()
        self.temp.unlink(missing_ok=True)


def process_crawl(task: CrawlTask) -> Record:
    """Clean one crawl file into its `.jsonl.gz`; one report record with the counts."""
    started = time.perf_counter()
    record: Record = {"input": task.relative, "output": None, "status": "cleaned"}
    stats = CrawlStats()
    problems: list[str] = []

    def problem(message: str) -> None:
        if len(problems) < MAX_PROBLEMS:
            problems.append(message)

    options = CrawlOptions(any_site=task.any_site, max_bytes=task.max_bytes)
    output: _Output | None = None
    try:
        output = _Output(Path(task.target), Path(task.temp_dir))
        for article in iter_crawl(
            task.source, stats, options, on_problem=problem, label=task.relative
        ):
            output.write(jsonl_line(article, explain=task.explain))
        output.commit()
        output = None
        record["output"] = task.target
        if stats.damaged or stats.failed:
            record["reason"] = f"{stats.damaged + stats.failed} damaged or failed records skipped"
    except DwcleanError as err:
        record.update(status="failed", reason=_reason(err, task.relative))
    except OSError as err:
        record.update(status="failed", reason=f"{type(err).__name__}: {err}")
    except Exception as err:  # a bug on one file must not stop the batch
        record.update(status="failed", reason=f"internal error: {type(err).__name__}: {err}")
    finally:
        if output is not None:
            output.discard()
    record["records"] = stats.to_dict()
    record["summary"] = stats.summary()
    if problems:
        record["problems"] = problems
    record["seconds"] = round(time.perf_counter() - started, 4)
    return record


class _TimeLimit(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeLimit


def process_shard(task: ShardTask, options: BatchOptions) -> list[Record]:
    """Clean the inputs of one shard into its `.jsonl.gz`; one report record per input."""
    records: list[Record] = []
    output = _Output(Path(task.target), Path(task.temp_dir))
    try:
        for source, relative in task.inputs:
            line, record = _shard_input(source, relative, options)
            if line is not None:
                output.write(line)
                record["output"] = task.target
            records.append(record)
        output.commit()
    except BaseException:
        output.discard()
        raise
    return records


def _shard_input(source: str, relative: str, options: BatchOptions) -> tuple[str | None, Record]:
    started = time.perf_counter()
    record: Record = {"input": relative, "output": None, "status": "cleaned"}
    line: str | None = None
    use_alarm = hasattr(signal, "SIGALRM") and options.time_limit > 0
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, options.time_limit)
    try:
        if os.path.getsize(source) > options.max_bytes:
            raise InputTooLargeError(f"larger than the limit of {options.max_bytes:,} bytes")
        article = clean_file(source, max_bytes=options.max_bytes)
        article.source = relative
        line = jsonl_line(article, explain=options.explain)
        if article.warnings:
            record["warnings"] = article.warnings
    except _TimeLimit:
        record.update(status="timeout", reason=f"took longer than {options.time_limit:g}s")
    except NotAnArticleError as err:
        record.update(status="no-article", reason=_reason(err, source))
    except DwcleanError as err:
        record.update(status="failed", reason=_reason(err, source))
    except OSError as err:
        record.update(status="failed", reason=f"{type(err).__name__}: {err}")
    except Exception as err:  # a bug on one input must not stop the batch
        record.update(status="failed", reason=f"internal error: {type(err).__name__}: {err}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    record["seconds"] = round(time.perf_counter() - started, 4)
    return line, record


def _reason(error: Exception, source: str) -> str:
    message = str(error)
    return message[len(source) + 2 :] if message.startswith(source + ": ") else message


def usage_problem(fmt: str, shard_size: int | None) -> str | None:
    """What is wrong with the combination of options, if anything (exit 2)."""
    if shard_size and fmt != "jsonl":
        return "--shard-size needs --format jsonl"
    return None
