"""The `dwclean` command: a thin layer that wires options to the library.

Exit codes (also in the README and `dwclean --help`):
  0  every input cleaned
  1  some of several inputs failed (the others were written)
  2  usage error (unknown option, bad value)
  3  an input could not be read (missing file, permission, I/O error)
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
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ._api import iter_clean
from ._exceptions import DwcleanError, InputError
from ._export import render
from ._fetch import FetchOptions
from ._read import DEFAULT_MAX_BYTES
from ._version import __version__

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = (
    "Exit codes: 0 all cleaned; 1 some of several inputs failed; 2 usage error; "
    "3 input unreadable; 4 input unusable (empty, binary, undecodable, too large); "
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
        typer.Option("--explain", help="JSON formats: also list what was removed, and why."),
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
            _write_atomically(output, text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    if failures:
        raise typer.Exit(failures[0] if len(names) == 1 else EXIT_PARTIAL)


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
