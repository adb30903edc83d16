"""`dwclean clean` when an input is a WARC/WET file (or `--captions` is given).

Kept apart from cli.py: the command only dispatches here. Articles are written one by one as
they come (a crawl file can hold millions of records), to standard output or to `-o` under
the rules of `_output` (atomic, mode and links kept, FIFOs and devices written through).
Ordinary inputs given alongside crawl files are cleaned as usual, in order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ._api import iter_clean
from ._crawl import CrawlOptions, CrawlStats, article_record, iter_crawl, jsonl_line
from ._crawl_sniff import sniff_crawl
from ._exceptions import DwcleanError
from ._export import _dumps, render
from ._fetch_options import FetchOptions
from ._model import Article
from ._output import open_output

EXIT_PARTIAL = 1


class _Documents:
    """Writes articles in a format, one after another, with the right separators."""

    def __init__(
        self,
        out: Callable[[str], None],
        fmt: str,
        *,
        explain: bool,
        captions: bool,
        separator: str,
    ) -> None:
        self.out, self.fmt, self.explain, self.captions = out, fmt, explain, captions
        self.separator = separator  # between `-f text` documents
        self.count = 0

    def write(self, article: Article) -> None:
        if self.fmt == "jsonl":
            text = jsonl_line(article, explain=self.explain, captions=self.captions)
        elif self.fmt == "json":
            record = article_record(article, explain=self.explain, captions=self.captions)
            text = ("[\n" if self.count == 0 else ",\n") + _dumps(record, indent=2)
        else:
            text = render(article, self.fmt, explain=self.explain)
            if self.count:
                text = (self.separator if self.fmt == "text" else "\n") + text
        self.out(text)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out("[]\n" if self.count == 0 else "\n]\n")


def _groups(names: list[str]) -> Iterator[tuple[bool, list[str]]]:
    """Runs of consecutive names: (is a crawl file, names), so URLs are still fetched together."""
    run: list[str] = []
    run_is_crawl = False
    for name in names:
        crawl = sniff_crawl(name)
        if run and crawl != run_is_crawl:
            yield run_is_crawl, run
            run = []
        run_is_crawl = crawl
        run.append(name)
    if run:
        yield run_is_crawl, run


def clean_with_crawls(
    names: list[str],
    *,
    fmt: str,
    output: Path | None,
    explain: bool,
    captions: bool,
    any_site: bool,
    fetch_options: FetchOptions,
    error: Callable[[str], None],
    write_stdout: Callable[[str], None],
    separator: str = "\n",
) -> int:
    """Clean the inputs and write the articles; returns the exit code.

    A crawl file ends with one summary line on stderr (articles, skipped by reason, damaged).
    Exit 1 when some inputs failed or some crawl records were damaged, the single input's own
    code when there is only one input and it failed, 0 otherwise. An output that cannot be
    written raises OutputError (exit 3).
    """
    crawl_options = CrawlOptions(any_site=any_site, max_bytes=fetch_options.max_bytes)
    failures: list[int] = []
    with contextlib.suppress(_NothingWritten), _destination(output, write_stdout) as out:
        documents = _Documents(out, fmt, explain=explain, captions=captions, separator=separator)
        for is_crawl, group in _groups(names):
            if is_crawl:
                for name in group:
                    failures.extend(_clean_crawl_file(name, documents, crawl_options, error))
            else:
                failures.extend(_clean_pages(group, documents, fetch_options, error))
        if failures and not documents.count and output is not None:
            raise _NothingWritten  # every input failed: `-o` keeps the file it had
        documents.close()
    if not failures:
        return 0
    return failures[0] if len(names) == 1 else EXIT_PARTIAL


class _NothingWritten(Exception):
    """Leaves the `-o` block without replacing the file."""


@contextlib.contextmanager
def _destination(
    output: Path | None, write_stdout: Callable[[str], None]
) -> Iterator[Callable[[str], None]]:
    if output is None:
        yield write_stdout
        return
    with open_output(output) as handle:
        yield _text_writer(handle)


def _text_writer(handle: BinaryIO) -> Callable[[str], None]:
    def write(data: str) -> None:
        handle.write(data.encode("utf-8"))

    return write


def _clean_pages(
    names: list[str],
    documents: _Documents,
    options: FetchOptions,
    error: Callable[[str], None],
) -> list[int]:
    """Ordinary inputs (files, URLs fetched together); the exit codes of those that failed."""
    failures = []
    for name, result in iter_clean(names, options):
        shown = "<stdin>" if name == "-" else name
        if isinstance(result, DwcleanError):
            message = str(result)
            error(
                message
                if message.startswith((name + ": ", shown + ": "))
                else f"{shown}: {message}"
            )
            failures.append(result.exit_code)
            continue
        for warning in result.warnings:
            error(f"warning: {shown}: {warning}")
        documents.write(result)
    return failures


def _clean_crawl_file(
    name: str, documents: _Documents, options: CrawlOptions, error: Callable[[str], None]
) -> list[int]:
    """Stream one crawl file's articles; the exit codes of what went wrong (none: empty list)."""
    stats = CrawlStats()
    try:
        for article in iter_crawl(name, stats, options, on_problem=error):
            documents.write(article)
    except DwcleanError as err:
        error(str(err))
        return [err.exit_code]
    error(f"{name}: {stats.summary()}")
    return [EXIT_PARTIAL] if stats.damaged or stats.failed else []
