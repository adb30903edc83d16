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

from . import __version__
from ._api import clean_file
from ._exceptions import DwcleanError
from ._export import render

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


@app.command()
def clean(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Text dumps or HTML pages (gzip is read transparently); '-' or nothing "
            "for standard input.",
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
) -> None:
    """Clean DW article pages and print the articles.

    Several inputs give one article each: JSON Lines with --format jsonl, a JSON array with
    --format json, documents one after another otherwise.
    """
    names = inputs or ["-"]
    outputs: list[str] = []
    articles_json: list[str] = []
    failures: list[int] = []
    for name in names:
        try:
            article = clean_file(name)
        except DwcleanError as error:
            _error(str(error) if name in str(error) else f"{name}: {error}")
            failures.append(error.exit_code)
            continue
        for warning in article.warnings:
            _error(f"warning: {name}: {warning}")
        if fmt is Format.json and len(names) > 1:
            articles_json.append(render(article, "json", explain=explain).rstrip("\n"))
        else:
            outputs.append(render(article, fmt.value, explain=explain))
    if articles_json:
        outputs = ["[\n" + ",\n".join(articles_json) + "\n]\n"]
    text = "".join(outputs) if fmt is not Format.markdown else "\n".join(outputs)
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
