"""`dwclean batch` additions: crawl files in IN_DIR, and sharded JSON Lines output.

Both run through `_batch.run_batch` and its worker processes (`_workers`), as more kinds of
task next to `_batch.Task`:

- a crawl file (`.warc`, `.warc.gz`, `.wet`, `.wet.gz`) becomes one JSON Lines file named by
  the batch naming scheme: the input's whole relative path plus `.jsonl.gz`
  (`a/x.warc.gz` → `a/x.warc.gz.jsonl.gz`, `x.wet` → `x.wet.jsonl.gz`), one JSON line per
  article, and one report record with the record counts. A crawl file is a task of its own
  (`--jobs` parallelises across files); it has no `--time-limit` as a whole.
- `--shard-size N` (with `--format jsonl`): ordinary inputs, in the walk's order, go N at a time
  into `OUT_DIR/part-00000.jsonl.gz`, `part-00001.jsonl.gz` …; one task writes one shard, each
  input keeps its `--time-limit`.

Both are atomic (written in OUT_DIR/.dwclean-tmp, renamed into place) and resumable. A crawl
output is stamped with its input's modification time, as every batch output is: up to date
means the same time, so a crawl file changed during or after a run is cleaned again. A shard
is up to date when its manifest (`OUT_DIR/.dwclean-shards/part-NNNNN.json`: each input's
relative path, size and modification time, written after the shard) matches its inputs now;
a finished shard of unchanged inputs is never rewritten, anything cut short or changed is
redone by the next run.
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from ._batch import (
    TEMP_DIR,
    BatchOptions,
    Entry,
    Summary,
    _reason,
    clean_input,
    fresh,
    record_for,
    run_batch,
    task_for,
)
from ._crawl import CrawlOptions, CrawlStats, is_crawl_name, iter_crawl, jsonl_line
from ._exceptions import DwcleanError, OutputError
from ._model import Article
from ._workers import CHUNK

Record = dict[str, Any]
GZIP_LEVEL = 6  # zlib's default: --jobs 2 at level 9 spends a third of its time compressing
MAX_PROBLEMS = 20  # damaged-record messages kept in one report record
CRAWL_EXTENSION = ".jsonl.gz"
MANIFESTS = ".dwclean-shards"
Signature = tuple[tuple[str, int, int], ...]  # (relative path, size, mtime_ns) per input


def crawl_target(out_root: Path, relative: str) -> Path:
    """OUT_DIR/relative + .jsonl.gz: the batch naming scheme, so no two inputs share one."""
    return out_root / (relative + CRAWL_EXTENSION)


def shard_target(out_root: Path, number: int) -> Path:
    return out_root / f"part-{number:05d}.jsonl.gz"


def manifest_path(target: Path) -> Path:
    return target.parent / MANIFESTS / (target.name.removesuffix(".jsonl.gz") + ".json")


# --- Tasks ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CrawlTask:
    source: str
    relative: str
    target: str
    temp_dir: str
    any_site: bool
    weight: ClassVar[int] = CHUNK  # alone on its worker: a crawl file can take minutes

    def run(self, options: BatchOptions) -> Record:
        return process_crawl(self, options)

    def limit(self, options: BatchOptions) -> float | None:
        return None

    def lost(self, status: str, reason: str, seconds: float) -> list[Record]:
        return [_lost(self.relative, status, reason, seconds)]


@dataclass(frozen=True, slots=True)
class ShardTask:
    inputs: tuple[tuple[str, str], ...]  # (path, relative path)
    signature: Signature  # the inputs as they were when the task was made
    target: str
    temp_dir: str
    weight: ClassVar[int] = CHUNK

    def run(self, options: BatchOptions) -> list[Record]:
        return process_shard(self, options)

    def limit(self, options: BatchOptions) -> float | None:
        return options.time_limit * len(self.inputs)  # each input also has its own alarm

    def lost(self, status: str, reason: str, seconds: float) -> list[Record]:
        return [_lost(relative, status, reason, seconds) for _, relative in self.inputs]


def _lost(relative: str, status: str, reason: str, seconds: float) -> Record:
    return {
        "input": relative,
        "output": None,
        "status": status,
        "reason": reason,
        "seconds": seconds,
    }


# --- The run ----------------------------------------------------------------------------------


def run_batch_with_crawls(
    in_root: Path,
    out_root: Path,
    options: BatchOptions,
    *,
    inputs: Iterator[Entry] | None = None,
    on_record: Callable[[Record], None] | None = None,
    shard_size: int | None = None,
    any_site: bool = False,
    quiet: bool = False,
    say: Callable[[str], None] = lambda message: None,
) -> Summary:
    """`run_batch`, with crawl files as tasks of their own and pages (optionally) in shards."""

    def make_tasks(entries: Iterator[Entry], out: Path, opts: BatchOptions) -> Iterator[Any]:
        return _tasks(entries, out, opts, shard_size, any_site)

    def on_result(record: Record) -> None:
        for problem in record.get("problems", []):
            say(problem)
        if not quiet and record["status"] == "cleaned" and "summary" in record:
            say(f"{record['input']}: {record['summary']}")
        if on_record:
            on_record(record)

    return run_batch(
        in_root, out_root, options, inputs=inputs, on_record=on_result, make_tasks=make_tasks
    )


def _tasks(
    entries: Iterator[Entry],
    out_root: Path,
    options: BatchOptions,
    shard_size: int | None,
    any_site: bool,
) -> Iterator[Any]:
    """Work in the walk's order: crawl files one task each, pages one task each or N a shard."""
    group: list[Entry] = []
    number = 0
    for entry in entries:
        if entry.status is None and is_crawl_name(entry.relative):
            yield _crawl_task(entry, out_root, options, any_site)
        elif entry.status is None and shard_size:
            group.append(entry)
            if len(group) == shard_size:
                yield from _shard_tasks(group, shard_target(out_root, number), out_root, options)
                group, number = [], number + 1
        else:
            yield task_for(entry, out_root, options)
    if group:
        yield from _shard_tasks(group, shard_target(out_root, number), out_root, options)


def _crawl_task(
    entry: Entry, out_root: Path, options: BatchOptions, any_site: bool
) -> CrawlTask | Record:
    target = crawl_target(out_root, entry.relative)
    if not options.force and fresh(target, entry.path):
        return record_for(entry.relative, "skipped", "output is up to date", str(target))
    temp_dir = str(out_root / TEMP_DIR)
    return CrawlTask(str(entry.path), entry.relative, str(target), temp_dir, any_site)


def _shard_tasks(
    group: list[Entry], target: Path, out_root: Path, options: BatchOptions
) -> Iterator[ShardTask | Record]:
    signature = _signature(group)
    if not options.force and _shard_fresh(target, signature):
        for entry in group:
            yield record_for(entry.relative, "skipped", f"shard {target.name} is up to date")
        return
    inputs = tuple((str(e.path), e.relative) for e in group)
    yield ShardTask(inputs, signature, str(target), str(out_root / TEMP_DIR))


def _signature(group: list[Entry]) -> Signature:
    def stat(entry: Entry) -> tuple[str, int, int]:
        try:
            info = entry.path.stat()
        except OSError:
            return (entry.relative, -1, -1)  # the worker reports why
        return (entry.relative, info.st_size, info.st_mtime_ns)

    return tuple(map(stat, group))


def _shard_fresh(target: Path, signature: Signature) -> bool:
    if not target.is_file():
        return False
    try:
        recorded = json.loads(manifest_path(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(recorded == [list(item) for item in signature])


# --- Writing ----------------------------------------------------------------------------------


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

    def commit(self, mtime_ns: int | None = None) -> None:
        """Rename into place, stamped with the input's modification time when given."""
        self.handle.close()
        if mtime_ns is not None:
            os.utime(self.temp, ns=(time.time_ns(), mtime_ns))
        self.target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.temp, self.target)

    def discard(self) -> None:
        self.handle.close()
        self.temp.unlink(missing_ok=True)


def _write_manifest(target: Path, signature: Signature, temp_dir: Path) -> None:
    path = manifest_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_dir / f"{os.getpid()}-{time.monotonic_ns()}.manifest"
    try:
        temp.write_text(json.dumps([list(item) for item in signature]), encoding="utf-8")
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


# --- In a worker ------------------------------------------------------------------------------


def process_crawl(task: CrawlTask, options: BatchOptions) -> Record:
    """Clean one crawl file into its `.jsonl.gz`; one report record with the counts."""
    started = time.perf_counter()
    record: Record = {"input": task.relative, "output": None, "status": "cleaned"}
    stats = CrawlStats()
    problems: list[str] = []

    def problem(message: str) -> None:
        if len(problems) < MAX_PROBLEMS:
            problems.append(message)

    crawl_options = CrawlOptions(any_site=task.any_site, max_bytes=options.max_bytes)
    output: _Output | None = None
    try:
        before = os.stat(task.source)  # the stamp: as the input was before it was read
        output = _Output(Path(task.target), Path(task.temp_dir))
        for article in iter_crawl(
            task.source, stats, crawl_options, on_problem=problem, label=task.relative
        ):
            output.write(jsonl_line(article, explain=options.explain))
        output.commit(before.st_mtime_ns)
        output = None
        record["output"] = task.target
        if stats.damaged or stats.failed:
            record["reason"] = f"{stats.damaged + stats.failed} damaged or failed records skipped"
    except DwcleanError as err:
        record.update(status="failed", reason=_reason(err, task.relative))
    except OSError as err:
        record.update(status="failed", reason=f"{err.strerror or err}")
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


def process_shard(task: ShardTask, options: BatchOptions) -> list[Record]:
    """Clean the inputs of one shard into its `.jsonl.gz`; one report record per input."""
    records: list[Record] = []
    temp_dir = Path(task.temp_dir)
    try:
        output = _Output(Path(task.target), temp_dir)
    except OSError as err:
        reason = f"cannot write {task.target} ({err.strerror or err})"
        return task.lost("failed", reason, 0.0)
    try:
        for source, relative in task.inputs:
            line, record = _shard_input(source, relative, options)
            if line is not None:
                output.write(line)
                record["output"] = task.target
            records.append(record)
        output.commit()
        _write_manifest(Path(task.target), task.signature, temp_dir)
    except OSError as err:
        output.discard()
        reason = str(OutputError(f"cannot write {task.target} ({err.strerror or err})"))
        return task.lost("failed", reason, 0.0)
    except BaseException:
        output.discard()
        raise
    return records


def _shard_input(source: str, relative: str, options: BatchOptions) -> tuple[str | None, Record]:
    lines: list[str] = []

    def keep(article: Article, before: os.stat_result) -> None:
        article.source = relative
        lines.append(jsonl_line(article, explain=options.explain))

    record = clean_input(source, relative, options, keep)
    return (lines[0] if lines else None), record


def usage_problem(fmt: str, shard_size: int | None) -> str | None:
    """What is wrong with the combination of options, if anything (exit 2)."""
    if shard_size and fmt != "jsonl":
        return "--shard-size needs --format jsonl"
    return None
