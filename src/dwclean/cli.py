"""The `dwclean` command: a thin layer that wires options to the library.

Exit codes (also in the README and `dwclean --help`):
  0  every input cleaned
  1  some of several inputs failed (the others were written)
  2  usage error (unknown option, bad value)
  3  an input could not be read, or the output not written (missing, permission, I/O)
  4  an input was unusable (empty, binary, undecodable, too large)
  5  no article found in an input (not a DW article page)
  6  a URL could not be fetched
  70 internal error (a bug: please report it)
  130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._api import iter_clean
from ._exceptions import DwcleanError, InputError
from ._export import render
from ._fetch import FetchOptions
from ._read import DEFAULT_MAX_BYTES
from ._version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from rich.progress import Progress

    from ._batch import BatchOptions, Summary

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = (
    "Exit codes: 0 all cleaned; 1 some of several inputs failed; 2 usage error; "
    "3 input unreadable or output unwritable; "
    "4 input unusable (empty, binary, undecodable, too large); "
    "5 no article found; 6 URL fetch failed; 70 internal error; 130 interrupted."
)

app = typer.Typer(
    name="dwclean",
    help="Turn raw Deutsche Welle article pages (text dumps, HTML) into clean articles.\n\n"
    + EXIT_CODES_HELP,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(enum.StrEnum):
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    text = "text"


def _error(message: str) -> None:
    sys.stderr.write(f"dwclean: {message}\n")


def _write_atomically(path: Path, data: str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written output."""
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _print_version(value: bool) -> None:
    if value:
        print(f"dwclean {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    """Turn raw Deutsche Welle article pages (text dumps, HTML) into clean articles."""


def _read_list(source: str, *, nul: bool) -> list[str]:
    """Names from a file or "-" (stdin): one per line, or NUL-separated with -0."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise InputError(f"{source}: cannot read ({error.strerror or error})") from None
    text = data.decode("utf-8", errors="surrogateescape")
    parts = text.split("\0") if nul else text.splitlines()
    return [p.strip() if not nul else p for p in parts if p.strip()]


@app.command()
def clean(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Text dumps, HTML pages (gzip is read transparently) or http(s) URLs; "
            "'-' or nothing for standard input.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.markdown,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of standard output."),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Also list what was removed, and by which rule."),
    ] = False,
    files_from: Annotated[
        str | None,
        typer.Option("--files-from", help="Read input names from this file ('-' for stdin)."),
    ] = None,
    urls_from: Annotated[
        str | None,
        typer.Option("--urls-from", help="Read URLs from this file ('-' for stdin), one per line."),
    ] = None,
    null: Annotated[
        bool, typer.Option("-0", "--null", help="--files-from names are NUL-separated.")
    ] = False,
    save_raw: Annotated[
        Path | None, typer.Option("--save-raw", help="Keep every fetched page in this folder.")
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for a server to answer.", min=0.1)
    ] = 30.0,
    retries: Annotated[
        int, typer.Option("--retries", help="Retries on 429, 5xx and timeouts.", min=0)
    ] = 2,
    concurrency: Annotated[
        int, typer.Option("--concurrency", help="URLs fetched at the same time.", min=1, max=64)
    ] = 4,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse inputs larger than this.", min=1)
    ] = DEFAULT_MAX_BYTES,
    any_site: Annotated[
        bool,
        typer.Option("--any-site", help="WARC/WET inputs: clean pages of any host, not only DW."),
    ] = False,
    captions: Annotated[
        bool, typer.Option("--captions", help="JSON: the `text` field includes caption text.")
    ] = False,
) -> None:
    """Clean DW article pages and print the articles.

    Several inputs give one article each: JSON Lines with --format jsonl, a JSON array with
    --format json, documents one after another otherwise.
    """
    names = list(inputs or [])
    try:
        if files_from:
            names += _read_list(files_from, nul=null)
        if urls_from:
            names += _read_list(urls_from, nul=False)
    except DwcleanError as error:
        _error(str(error))
        raise typer.Exit(error.exit_code) from None
    if not names:
        names = ["-"]
    options = FetchOptions(
        connect_timeout=min(timeout, 10.0),
        read_timeout=timeout,
        retries=retries,
        concurrency=concurrency,
        max_bytes=max_bytes,
        save_raw=save_raw,
    )
    _clean_crawls_hook(names, fmt, output, explain, captions, any_site, options)
    outputs: list[str] = []
    articles_json: list[str] = []
    failures: list[int] = []
    for name, result in iter_clean(names, options):
        if isinstance(result, DwcleanError):
            message = str(result)
            _error(message if message.startswith(name) else f"{name}: {message}")
            failures.append(result.exit_code)
            continue
        for warning in result.warnings:
            _error(f"warning: {name}: {warning}")
        if fmt is Format.json and len(names) > 1:
            articles_json.append(render(result, "json", explain=explain).rstrip("\n"))
        elif output is None and fmt is Format.jsonl:
            sys.stdout.write(render(result, "jsonl", explain=explain))  # stream line by line
            sys.stdout.flush()
        else:
            outputs.append(render(result, fmt.value, explain=explain))
    if articles_json:
        outputs = ["[\n" + ",\n".join(articles_json) + "\n]\n"]
    text = "\n".join(outputs) if fmt is Format.markdown else "".join(outputs)
    if outputs:
        if output is not None:
            try:
                _write_atomically(output, text)
            except OSError as error:
                _error(f"{output}: cannot write ({error.strerror or error})")
                raise typer.Exit(3) from None
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    if failures:
        raise typer.Exit(failures[0] if len(names) == 1 else EXIT_PARTIAL)


def _clean_crawls_hook(
    names: list[str],
    fmt: Format,
    output: Path | None,
    explain: bool,
    captions: bool,
    any_site: bool,
    options: FetchOptions,
) -> None:
    """WARC/WET inputs (or --captions): cleaned and written by _crawl_cli; exits when it ran."""
    from ._crawl_cli import clean_with_crawls, wants_crawl_path

    if wants_crawl_path(names, captions=captions):
        code = clean_with_crawls(
            names,
            fmt=fmt.value,
            output=output,
            explain=explain,
            captions=captions,
            any_site=any_site,
            fetch_options=options,
            error=_error,
        )
        raise typer.Exit(code)


@app.command()
def batch(
    in_dir: Annotated[
        Path, typer.Argument(help="Folder of dumps and pages (searched recursively).")
    ],
    out_dir: Annotated[Path, typer.Argument(help="Folder for the articles (mirrors IN_DIR).")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.markdown,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (default: CPU count).", min=0)
    ] = 0,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Only inputs matching this glob.")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Skip inputs matching this glob.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Clean again even if the output is newer.")
    ] = False,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a JSON Lines status record per input.")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also list what was removed, and by which rule.")
    ] = False,
    files_from: Annotated[
        str | None,
        typer.Option("--files-from", help="Clean these paths (relative to IN_DIR; '-' for stdin)."),
    ] = None,
    null: Annotated[
        bool, typer.Option("-0", "--null", help="--files-from names are NUL-separated.")
    ] = False,
    max_bytes: Annotated[
        int,
        typer.Option("--max-bytes", help="Report larger inputs instead of reading them.", min=1),
    ] = DEFAULT_MAX_BYTES,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds one input may take.", min=0.001)
    ] = 60.0,
    shard_size: Annotated[
        int | None,
        typer.Option(
            "--shard-size", help="With --format jsonl: N inputs per part-NNNNN.jsonl.gz.", min=1
        ),
    ] = None,
    any_site: Annotated[
        bool,
        typer.Option("--any-site", help="WARC/WET inputs: clean pages of any host, not only DW."),
    ] = False,
) -> None:
    """Clean every dump and page under IN_DIR into OUT_DIR, in parallel, resumably.

    An output newer than its input is skipped (rerun after an interruption to finish the job);
    outputs are written atomically. The progress bar shows only on a terminal.
    """
    from ._batch import BatchOptions, write_report

    if not in_dir.is_dir():
        _error(f"{in_dir}: not a folder")
        raise typer.Exit(3)
    _check_crawl_batch_options(fmt, shard_size)
    options = BatchOptions(
        fmt=fmt.value,
        jobs=jobs or os.cpu_count() or 1,
        include=tuple(include or ["*"]),
        exclude=tuple(exclude or []),
        force=force,
        explain=explain,
        max_bytes=max_bytes,
        time_limit=time_limit,
    )
    inputs = None
    if files_from:
        try:
            names = _read_list(files_from, nul=null)
        except DwcleanError as error:
            _error(str(error))
            raise typer.Exit(error.exit_code) from None
        inputs = iter(_relative_inputs(in_dir, names))
    writer, close = write_report(report) if report else (None, None)
    progress = None if quiet or not sys.stderr.isatty() else _progress()
    task_id = None
    if progress is not None:
        from ._batch import iter_inputs

        total = len(names) if files_from else sum(1 for _ in iter_inputs(in_dir, options))
        progress.start()
        task_id = progress.add_task("cleaning", total=total)

    def on_record(record: dict[str, object]) -> None:
        if writer:
            writer(record)
        if record["status"] not in ("cleaned", "skipped") and (quiet or progress is None):
            _error(f"{record['input']}: {record['status']}: {record.get('reason', '')}")
        if progress is not None and task_id is not None:
            progress.advance(task_id)

    try:
        summary = _run_batch_hook(
            in_dir, out_dir, options, inputs, on_record, shard_size, any_site, quiet
        )
    finally:
        if progress is not None:
            progress.stop()
        if close:
            close()
    counts = summary.counts
    done = sum(counts.values())
    if not quiet:
        rate = done / summary.seconds if summary.seconds else 0.0
        _error(
            f"{'interrupted' if summary.interrupted else 'done'}: {counts['cleaned']} cleaned, "
            f"{counts['skipped']} skipped, {counts['failed'] + counts['timeout']} failed, "
            f"{counts['no-article']} no article found, in {summary.seconds:.1f}s "
            f"({rate:.0f} files/s)"
        )
    if summary.interrupted:
        _error(f"interrupted after {done} inputs; run the same command again to finish")
        raise typer.Exit(EXIT_INTERRUPTED)
    if summary.failed:
        raise typer.Exit(EXIT_PARTIAL)


def _check_crawl_batch_options(fmt: Format, shard_size: int | None) -> None:
    from ._crawl_batch import usage_problem

    problem = usage_problem(fmt.value, shard_size)
    if problem:
        _error(problem)
        raise typer.Exit(2)


def _run_batch_hook(
    in_dir: Path,
    out_dir: Path,
    options: BatchOptions,
    inputs: Iterator[tuple[Path, str]] | None,
    on_record: Callable[[dict[str, object]], None],
    shard_size: int | None,
    any_site: bool,
    quiet: bool,
) -> Summary:
    """run_batch, plus crawl files (one .jsonl.gz each) and --shard-size (see _crawl_batch)."""
    from ._crawl_batch import run_batch_with_crawls

    return run_batch_with_crawls(
        in_dir,
        out_dir,
        options,
        inputs=inputs,
        on_record=on_record,
        shard_size=shard_size,
        any_site=any_site,
        quiet=quiet,
        error=_error,
    )


@app.command()
def explain(
    source: Annotated[str, typer.Argument(help="A text dump or HTML page ('-' for stdin).")],
    removed_only: Annotated[
        bool, typer.Option("--removed-only", help="Show only what was removed.")
    ] = False,
) -> None:
    """Show an input piece by piece: what was kept (as which block) and what was removed, by
    which rule. A table in a terminal, tab-separated lines otherwise."""
    from ._api import clean_file
    from ._explain import verdicts

    try:
        article = clean_file(source)
    except DwcleanError as error:
        _error(str(error))
        raise typer.Exit(error.exit_code) from None
    rows = [v for v in verdicts(article) if not (removed_only and v.kept)]
    if not sys.stdout.isatty():
        for v in rows:
            status = "kept" if v.kept else "removed"
            sys.stdout.write(f"{v.line}\t{status}\t{v.label}\t{v.text}\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=article.title or source, show_lines=False, expand=True)
    table.add_column("line", justify="right", style="dim", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("text", overflow="fold")
    for v in rows:
        verdict = f"[green]kept: {v.label}[/]" if v.kept else f"[red]removed[/] [dim]{v.label}[/]"
        table.add_row(str(v.line or ""), verdict, v.text if v.kept else f"[dim]{v.text}[/]")
    Console().print(table)


def _relative_inputs(root: Path, names: list[str]) -> list[tuple[Path, str]]:
    pairs = []
    for name in names:
        path = Path(name) if Path(name).is_absolute() else root / name
        try:
            relative = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            relative = path.name
        pairs.append((path, relative))
    return pairs


def _progress() -> Progress:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    class _Rate(TextColumn):
        def __init__(self) -> None:
            super().__init__("")

        def render(self, task):  # type: ignore[no-untyped-def]
            from rich.text import Text

            speed = task.finished_speed or task.speed
            return Text(f"{speed:.0f} files/s" if speed else "")

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        _Rate(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    )


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader went away (`dwclean … | head`): not an error worth a traceback
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as error:  # a bug: one line, not a traceback
        _error(f"internal error: {type(error).__name__}: {error}")
        sys.exit(EXIT_INTERNAL)
