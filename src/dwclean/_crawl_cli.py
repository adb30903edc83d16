"""`dwclean clean` when an input is a WARC/WET file (or `--captions` is given).

Kept apart from cli.py: the command only dispatches here. Articles are written one by one as
they come (a crawl file can hold millions of records), to standard output or atomically to
`-o` (a temporary file beside it, renamed at the end). Ordinary inputs given alongside crawl
files are cleaned as usual, in order.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from ._api import iter_clean
from ._crawl import CrawlOptions, CrawlStats, article_record, iter_crawl, jsonl_line, sniff_crawl
from ._exceptions import DwcleanError
from ._export import render
from ._fetch import FetchOptions
from ._model import Article

EXIT_PARTIAL = 1


def wants_crawl_path(names: list[str], *, captions: bool) -> bool:
    """Whether `clean` must go through here: a crawl file among the inputs, or --captions."""
    return captions or any(sniff_crawl(name) for name in names)


class _Documents:
    """Writes articles in a format, one after another, with the right separators."""

    def __init__(self, out: TextIO, fmt: str, *, explain: bool, captions: bool) -> None:
        self.out, self.fmt, self.explain, self.captions = out, fmt, explain, captions
        self.count = 0

    def write(self, article: Article) -> None:
        if self.fmt == "jsonl":
            text = jsonl_line(article, explain=self.explain, captions=self.captions)
        elif self.fmt == "json":
            record = article_record(article, explain=self.explain, captions=self.captions)
            text = ("[\n" if self.count == 0 else ",\n") + json.dumps(
                record, ensure_ascii=False, indent=2
            )
        else:
            text = render(article, self.fmt, explain=self.explain)
            if self.fmt == "markdown" and self.count:
                text = "\n" + text
        self.out.write(text)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")


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
) -> int:
    """Clean the inputs and write the articles; returns the exit code.

    A crawl file ends with one summary line on stderr (articles, skipped by reason, damaged).
    Exit 1 when some inputs failed or some crawl records were damaged, the single input's own
    code when there is only one input and it failed, 0 otherwise.
    """
    crawl_options = CrawlOptions(any_site=any_site, max_bytes=fetch_options.max_bytes)
    failures: list[int] = []
    temp: str | None = None
    if output is not None:
        directory = output.parent if str(output.parent) else Path(".")
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=directory)
        except OSError as err:
            error(f"{output}: cannot write ({err.strerror or err})")
            return 3
        out: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
    else:
        out = sys.stdout
    try:
        documents = _Documents(out, fmt, explain=explain, captions=captions)
        for is_crawl, group in _groups(names):
            if is_crawl:
                for name in group:
                    failures.extend(_clean_crawl_file(name, documents, crawl_options, error))
                continue
            for name, result in iter_clean(group, fetch_options):
                if isinstance(result, DwcleanError):
                    message = str(result)
                    error(message if message.startswith(name) else f"{name}: {message}")
                    failures.append(result.exit_code)
                    continue
                for warning in result.warnings:
                    error(f"warning: {name}: {warning}")
                documents.write(result)
        documents.close()
        out.flush()
        if temp is not None and output is not None:
            out.close()
            os.replace(temp, output)
            temp = None
    except OSError as err:
        if output is None:
            raise
        error(f"{output}: cannot write ({err.strerror or err})")
        return 3
    finally:
        if temp is not None:
            out.close()
            Path(temp).unlink(missing_ok=True)
    if not failures:
        return 0
    return failures[0] if len(names) == 1 else EXIT_PARTIAL


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
