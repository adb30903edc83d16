"""The `dwclean` command: a thin layer that wires options to the library.

Exit codes (also in the README and `dwclean --help`):
  0  every input cleaned
  1  some of several inputs failed (the others were written)
  2  usage error (unknown option, bad value)
  3  an input could not be read, or the output not written (missing, permission, I/O, full)
  4  an input was unusable (empty, binary, undecodable, too large)
  5  no article found in an input (not a DW article page)
  6  a URL could not be fetched
  70 internal error (a bug: please report it)
  130 interrupted (Ctrl-C)
"""

# No `from __future__ import annotations` here: typer reads the commands' annotations on every
# start, and string annotations would be evaluated (and their typer.Option objects built) twice
# per command each time instead of once at import.

import copy
import enum
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ._api import iter_clean
from ._exceptions import DwcleanError, OutputError
from ._export import neutralise, render
from ._read import DEFAULT_MAX_BYTES
from ._version import __version__

if TYPE_CHECKING:
    from rich.progress import Progress

    from ._batch import BatchOptions, Summary
    from ._fetch_options import FetchOptions

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_IO = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
JOBS_PER_CPU = 4  # more workers than this only add memory and contention
LIST_MAX_BYTES = 128 * 1024 * 1024  # --files-from/--urls-from: about 1.5 million paths

EXIT_CODES_HELP = (
    "Exit codes: 0 all cleaned; 1 some of several inputs failed; 2 usage error; "
    "3 input unreadable or output unwritable; "
    "4 input unusable (empty, binary, undecodable, too large); "
    "5 no article found; 6 URL fetch failed; 70 internal error; 130 interrupted."
)
TEXT_SEPARATOR = "\n\f\n\n"  # between documents of `-f text`: a form feed between blank lines

app = typer.Typer(
    name="dwclean",
    help="Turn raw Deutsche Welle article pages (text dumps, HTML) into clean articles.\n\n"
    + EXIT_CODES_HELP,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(enum.StrEnum):
    markdown = "markdown"
    md = "md"  # the usual short name; the same as markdown
    json = "json"
    jsonl = "jsonl"
    text = "text"

    @property
    def canonical(self) -> str:
        return "markdown" if self is Format.md else self.value


class _Fail(Exception):
    """A one-line error and its exit code, raised anywhere below a command."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _error(message: str) -> None:
    # Names and texts come from outside: never let an escape sequence or newline through.
    sys.stderr.write(f"dwclean: {neutralise(message)}\n")
    sys.stderr.flush()


def _display(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _prefixed(name: str, error: Exception) -> str:
    """`FILE: message`, without doubling a prefix the message already has."""
    message = str(error)
    shown = _display(name)
    return message if message.startswith((shown + ": ", name + ": ")) else f"{shown}: {message}"


def _write_stdout(text: str) -> None:
    """Write data to stdout; a full disk or closed device is exit 3, not a traceback."""
    if sys.stdout.isatty():
        text = neutralise(text, keep="\n\t")  # escape sequences in page text stay inert
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"standard output: cannot write ({error.strerror or error})") from None


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
    from ._read import read_bytes

    # Bounded, and devices refused: `--urls-from /dev/zero` must not eat the machine's memory.
    data = read_bytes(source, max_bytes=LIST_MAX_BYTES)
    text = data.decode("utf-8", errors="surrogateescape")
    if not nul and "\0" in text:
        raise _Fail(
            f"{_display(source)}: the list holds NUL bytes; add -0 for NUL-separated names",
            EXIT_USAGE,
        )
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
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Output format (md = markdown).")
    ] = Format.markdown,
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
        float,
        typer.Option("--timeout", help="Seconds one whole request may take.", min=0.1),
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
    --format json, documents one after another otherwise (text: separated by a line holding
    only a form feed). A WARC/WET crawl file gives one article per DW page record.
    """
    try:
        names = _input_names(inputs, files_from, urls_from, null)
        if save_raw is not None:
            _ensure_folder(save_raw, "--save-raw")

        def fetch_options() -> "FetchOptions":
            from ._fetch_options import FetchOptions

            return FetchOptions(
                connect_timeout=min(timeout, 10.0),
                read_timeout=timeout,
                retries=retries,
                concurrency=concurrency,
                max_bytes=max_bytes,
                save_raw=save_raw,
            )

        if _wants_crawl_path(names, captions):
            options = fetch_options()
            code = _clean_crawls(names, options, fmt.canonical, explain, output, any_site, captions)
        else:
            # Files at the default size limit need no options: the defaults apply (and the module
            # that defines the options is not loaded).
            local = not any(name.startswith(("http://", "https://")) for name in names)
            plain = local and max_bytes == DEFAULT_MAX_BYTES
            code = _clean_names(
                names, None if plain else fetch_options(), fmt.canonical, explain, output
            )
    except (_Fail, DwcleanError) as error:
        _error(str(error))
        raise typer.Exit(error.code if isinstance(error, _Fail) else error.exit_code) from None
    if code:
        raise typer.Exit(code)


def _input_names(
    inputs: list[str] | None, files_from: str | None, urls_from: str | None, null: bool
) -> list[str]:
    """Every input named; standard input only when nothing at all was named (an empty
    --files-from or --urls-from list means no inputs, not "read stdin")."""
    names = list(inputs or [])
    if files_from:
        names += _read_list(files_from, nul=null)
    if urls_from:
        names += _read_list(urls_from, nul=False)
    if not names and not files_from and not urls_from:
        names = ["-"]
    return names


def _ensure_folder(path: Path, option: str) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise _Fail(f"{path}: {option} needs a folder, and this is a file", EXIT_IO) from None
    except OSError as error:
        reason = error.strerror or error
        raise _Fail(f"{path}: cannot create the folder ({reason})", EXIT_IO) from None


def _clean_names(
    names: list[str],
    options: "FetchOptions | None",
    fmt: str,
    explain: bool,
    output: Path | None,
) -> int:
    """Clean and write every input; the exit code (0, 1 or the one failure's code)."""
    if not names:
        return EXIT_OK
    stream = output is None and fmt == "jsonl"  # JSON Lines to stdout: line by line
    documents: list[str] = []
    failures: list[int] = []
    for name, result in iter_clean(names, options):
        if isinstance(result, DwcleanError):
            _error(_prefixed(name, result))
            failures.append(result.exit_code)
            continue
        for warning in result.warnings:
            _error(f"warning: {_display(name)}: {warning}")
        document = render(result, "json" if fmt == "json" else fmt, explain=explain)
        if stream:
            _write_stdout(document)
        else:
            documents.append(document)
    if documents:
        _emit(_join(documents, fmt, several=len(names) > 1), output)
    if failures:
        return failures[0] if len(names) == 1 else EXIT_PARTIAL
    return EXIT_OK


def _wants_crawl_path(names: list[str], captions: bool) -> bool:
    from ._crawl_sniff import wants_crawl_path  # not _crawl_cli: ordinary inputs never need it

    return wants_crawl_path(names, captions=captions)


def _clean_crawls(
    names: list[str],
    options: "FetchOptions",
    fmt: str,
    explain: bool,
    output: Path | None,
    any_site: bool,
    captions: bool,
) -> int:
    """WARC/WET inputs (or --captions): streamed article by article by _crawl_cli."""
    from ._crawl_cli import clean_with_crawls

    return clean_with_crawls(
        names,
        fmt=fmt,
        output=output,
        explain=explain,
        captions=captions,
        any_site=any_site,
        fetch_options=options,
        error=_error,
        write_stdout=_write_stdout,
        separator=TEXT_SEPARATOR,
    )


def _join(documents: list[str], fmt: str, *, several: bool) -> str:
    if fmt == "json" and several:
        return "[\n" + ",\n".join(d.rstrip("\n") for d in documents) + "\n]\n"
    if fmt == "text":
        return TEXT_SEPARATOR.join(documents)
    return "\n".join(documents) if fmt == "markdown" else "".join(documents)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        _write_stdout(text)
        return
    from ._output import write_output

    write_output(output, text.encode("utf-8"))


@app.command()
def batch(
    in_dir: Annotated[
        Path, typer.Argument(help="Folder of dumps and pages (searched recursively).")
    ],
    out_dir: Annotated[Path, typer.Argument(help="Folder for the articles (mirrors IN_DIR).")],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Output format (md = markdown).")
    ] = Format.markdown,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", help="Worker processes (default: CPU count; at most 4 per CPU).", min=0
        ),
    ] = 0,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Only inputs matching this glob.")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Skip inputs matching this glob.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Clean again even if the output is up to date.")
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
    follow_symlinks: Annotated[
        bool,
        typer.Option("--follow-symlinks", help="Also follow symlinks that lead out of IN_DIR."),
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

    Each output keeps its input's relative path and name and adds the format's extension
    (story.txt -> story.txt.md); a WARC/WET crawl file gives one JSON Lines file
    (x.warc.gz -> x.warc.gz.jsonl.gz). An up-to-date output is skipped (rerun after an interruption
    to finish the job); outputs are written atomically. The progress bar shows only on a
    terminal.
    """
    from ._batch import BatchOptions

    try:
        _check_folders(in_dir, out_dir)
        _check_crawl_batch_options(fmt, shard_size)
        options = BatchOptions(
            fmt=fmt.canonical,
            jobs=_jobs(jobs),
            include=tuple(include or ["*"]),
            exclude=tuple(exclude or []),
            force=force,
            explain=explain,
            max_bytes=max_bytes,
            time_limit=time_limit,
            follow_symlinks=follow_symlinks,
        )
        names = _read_list(files_from, nul=null) if files_from else None
        crawl = _CrawlBatch(shard_size=shard_size, any_site=any_site, quiet=quiet)
        summary = _run_batch(in_dir, out_dir, options, names, report, crawl)
    except (_Fail, DwcleanError) as error:
        _error(str(error))
        raise typer.Exit(error.code if isinstance(error, _Fail) else error.exit_code) from None
    if summary.interrupted:
        _error(f"interrupted after {summary.done} inputs; run the same command again to finish")
        raise typer.Exit(EXIT_INTERRUPTED)
    if summary.failed:
        raise typer.Exit(EXIT_PARTIAL)


def _check_folders(in_dir: Path, out_dir: Path) -> None:
    """IN_DIR must be a folder; OUT_DIR a folder (or creatable) that can never overwrite an
    input: not IN_DIR itself, nor a folder that contains it. OUT_DIR inside IN_DIR is fine
    (the walk leaves it out)."""
    if not in_dir.is_dir():
        raise _Fail(f"{in_dir}: not a folder", EXIT_IO)
    if out_dir.exists() and not out_dir.is_dir():
        raise _Fail(f"{out_dir}: OUT_DIR exists and is not a folder", EXIT_IO)
    real_in, real_out = os.path.realpath(in_dir), os.path.realpath(out_dir)
    if real_in == real_out or real_in.startswith(real_out.rstrip(os.sep) + os.sep):
        raise _Fail(
            f"{out_dir}: OUT_DIR must not be IN_DIR or contain it (outputs could overwrite "
            "inputs); choose another folder",
            EXIT_USAGE,
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or error
        raise _Fail(f"{out_dir}: cannot create OUT_DIR ({reason})", EXIT_IO) from None


def _check_crawl_batch_options(fmt: Format, shard_size: int | None) -> None:
    from ._crawl_batch import usage_problem

    problem = usage_problem(fmt.canonical, shard_size)
    if problem:
        raise _Fail(problem, EXIT_USAGE)


def _jobs(jobs: int) -> int:
    cpus = os.cpu_count() or 1
    cap = JOBS_PER_CPU * cpus
    if jobs > cap:
        _error(f"warning: --jobs {jobs} is capped at {cap} ({JOBS_PER_CPU} per CPU, {cpus} CPUs)")
    return min(jobs or cpus, cap)


def _run_batch(
    in_dir: Path,
    out_dir: Path,
    options: "BatchOptions",
    names: list[str] | None,
    report: Path | None,
    crawl: "_CrawlBatch",
) -> "Summary":
    from ._batch import listed_inputs, walk, write_report
    from ._crawl_batch import run_batch_with_crawls

    quiet = crawl.quiet

    def entries() -> Iterator[Any]:
        if names is not None:
            return listed_inputs(in_dir, names, skip=out_dir)
        return walk(in_dir, options, skip=out_dir)

    writer, close = write_report(report) if report else (None, None)
    view = _BatchView(quiet)
    if view.progress is not None:
        view.start(sum(1 for _ in entries()))
    try:
        summary = run_batch_with_crawls(
            in_dir,
            out_dir,
            options,
            inputs=entries(),
            on_record=view.record_writer(writer),
            shard_size=crawl.shard_size,
            any_site=crawl.any_site,
            quiet=quiet,
            say=view.say,
        )
    finally:
        view.stop()
        if close:
            close()
    if not quiet:
        _error(_summary_line(summary))
    return summary


def _summary_line(summary: "Summary") -> str:
    counts = summary.counts
    failed = summary.failed - counts["no-article"]
    rate = summary.done / summary.seconds if summary.seconds else 0.0
    return (
        f"{'interrupted' if summary.interrupted else 'done'}: {summary.done} inputs: "
        f"{counts['cleaned']} cleaned, {counts['skipped']} skipped, {failed} failed, "
        f"{counts['no-article']} no article found, in {summary.seconds:.1f}s ({rate:.0f} files/s)"
    )


class _CrawlBatch:
    """The crawl options of `batch`: --shard-size, --any-site, and --quiet for their notes.

    A plain class: a dataclass is built when the module is imported, which every start of
    `dwclean clean FILE` would pay for (~0.6 ms).
    """

    __slots__ = ("any_site", "quiet", "shard_size")

    def __init__(self, *, shard_size: int | None, any_site: bool, quiet: bool) -> None:
        self.shard_size = shard_size
        self.any_site = any_site
        self.quiet = quiet


class _BatchView:
    """What a person sees: a progress bar on a terminal, and every failed input named (above
    the bar on a terminal, one line each on stderr otherwise)."""

    def __init__(self, quiet: bool) -> None:
        self.progress = None if quiet or not sys.stderr.isatty() else _progress()
        self.task: Any = None

    def start(self, total: int) -> None:
        if self.progress is not None:
            self.progress.start()
            self.task = self.progress.add_task("cleaning", total=total)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()

    def record_writer(self, writer: Any) -> Any:
        def on_record(record: dict[str, Any]) -> None:
            if writer:
                writer(record)
            if record["status"] not in ("cleaned", "skipped"):
                self.say(f"{record['input']}: {record['status']}: {record.get('reason', '')}")
            if self.progress is not None and self.task is not None:
                self.progress.advance(self.task)

        return on_record

    def say(self, line: str) -> None:
        if self.progress is None:
            _error(line)
        else:
            from rich.text import Text

            self.progress.console.print(Text("dwclean: " + neutralise(line), style="red"))


@app.command()
def explain(
    source: Annotated[str, typer.Argument(help="A text dump or HTML page ('-' for stdin).")],
    removed_only: Annotated[
        bool, typer.Option("--removed-only", help="Show only what was removed.")
    ] = False,
) -> None:
    """Show an input piece by piece: what was kept (as which block) and what was removed, by
    which rule. A table in a terminal, tab-separated lines otherwise."""
    from ._api import clean
    from ._explain import locate, position, verdicts
    from ._read import read_source

    try:
        page = read_source(source)  # read once: standard input cannot be read again
        article = clean(page.text)
        rows = locate(verdicts(article), page.text) if page.is_html else verdicts(article)
        rows = [v for v in rows if not (removed_only and v.kept)]
        if not sys.stdout.isatty():
            lines = [
                "\t".join((position(v), "kept" if v.kept else "removed", v.label, _cell(v.text)))
                + "\n"
                for v in rows
            ]
            _write_stdout("".join(lines))
            return
    except DwcleanError as error:
        _error(_prefixed(source, error))
        raise typer.Exit(error.exit_code) from None
    _explain_table(article.title or _display(source), rows)


def _cell(text: str) -> str:
    """One field of a tab-separated row: no tab, newline or control character inside."""
    return neutralise(" ".join(text.split()))


def _explain_table(title: str, rows: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ._explain import position

    # Text objects, never markup strings: "[/]", "[sic]" or "[blink red]" in a page is text.
    table = Table(title=Text(neutralise(title)), show_lines=False, expand=True)
    table.add_column("line", justify="right", style="dim", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("text", overflow="fold")
    for v in rows:
        if v.kept:
            verdict = Text.assemble(("kept: ", "green"), (v.label, "green"))
        else:
            verdict = Text.assemble(("removed ", "red"), (neutralise(v.label), "dim"))
        text = Text(_cell(v.text), style="" if v.kept else "dim")
        table.add_row(Text(position(v)), verdict, text)
    Console().print(table)


def _progress() -> "Progress":
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _Rate(ProgressColumn):
        """Completed inputs over elapsed time: the same number the summary prints (rich's own
        speed is a short-window estimate that jumps wildly on the last frame)."""

        def render(self, task: Task) -> Text:
            elapsed = task.finished_time if task.finished else task.elapsed
            rate = task.completed / elapsed if elapsed else 0.0
            return Text(f"{rate:.0f} files/s" if task.completed else "")

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
    code = _main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = code or EXIT_OK  # the reader went away (`dwclean … | head`): not an error
        _silence_stdout()
    except OSError as error:
        _error(f"standard output: cannot write ({error.strerror or error})")
        code = code or EXIT_IO
        _silence_stdout()
    # The process ends here. Python's teardown would hand every object of the loaded modules
    # and rules to the garbage collector to free one by one, which costs more than cleaning a
    # page; frozen, they are left to the operating system. atexit handlers and the flushing of
    # the standard streams still run.
    gc.freeze()
    sys.exit(code)


def _main() -> int:
    try:
        _app_for(sys.argv[1:])()
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # a bug: one line, not a traceback
        _error(f"internal error: {type(error).__name__}: {error}")
        return EXIT_INTERNAL
    return EXIT_OK


def _app_for(args: list[str]) -> typer.Typer:
    """`app` with only the command that runs: typer builds every registered command's
    parameters on each start, and `dwclean clean FILE` should not pay for `batch` and `explain`.

    Anything else (no command, `--help`, `--version`, a misspelt command) gets the whole app, so
    that help and "No such command" still list every command.
    """
    name = args[0] if args else None
    chosen = [
        command
        for command in app.registered_commands
        if command.callback is not None
        and (command.name or typer.main.get_command_name(command.callback.__name__)) == name
    ]
    if not chosen:
        return app
    single = copy.copy(app)  # the same settings, callback (--version) and help texts
    single.registered_commands = chosen
    return single


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's own flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
