"""The public entry points: the whole pipeline, read → parse → strip → segment, in one call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ._exceptions import DwcleanError, EmptyInputError, NotAnArticleError
from ._model import Article, Hint, PageType, Removal
from ._page import Metadata
from ._parse_text import parse_dump
from ._pipeline import Parsed, run
from ._read import (
    DEFAULT_MAX_BYTES,
    decode_text,
    looks_like_feed,
    looks_like_html,
    normalize,
    read_source,
    single_spaced,
)
from ._rules import load_rules
from ._segment import SegmentOptions
from ._text import forget as forget_texts

if TYPE_CHECKING:
    from ._fetch_options import FetchOptions  # loaded only to fetch, as _fetch itself


def clean_bytes(
    data: bytes,
    *,
    name: str = "<input>",
    url: str | None = None,
    charset: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Clean raw bytes (any encoding, gzip); `charset` is a declared encoding (HTTP header)."""
    decoded = decode_text(data, name, declared=charset, max_bytes=max_bytes)
    article = _clean_text(decoded.text, url=url)
    article.warnings[:0] = decoded.warnings  # repairs made while reading (bad UTF-8 bytes)
    return article


def clean_url(url: str, options: FetchOptions | None = None) -> Article:
    """Fetch a page over HTTP(S) and clean it; raises FetchError when it cannot be fetched."""
    from ._fetch import fetch

    fetched = fetch(url, options)
    article = clean_bytes(fetched.data, name=url, url=fetched.url, charset=fetched.charset)
    article.source = url
    return article


def iter_clean(
    names: Iterable[str], options: FetchOptions | None = None
) -> Iterator[tuple[str, Article | DwcleanError]]:
    """Clean files, "-" and URLs in order; URLs are fetched concurrently (bounded).

    Yields each name with its article or the error that stopped it, so that one bad input
    never stops the others.
    """
    names = list(names)
    urls = [n for n in names if n.startswith(("http://", "https://"))]
    fetched: Iterator[tuple[str, Any]] = iter(())
    if urls:
        from ._fetch import fetch_many
        from ._fetch_options import FetchOptions

        fetched = fetch_many(urls, options or FetchOptions())
    for name in names:
        try:
            if name.startswith(("http://", "https://")):
                _, result = next(fetched)
                if isinstance(result, DwcleanError):
                    raise result
                max_bytes = options.max_bytes if options else DEFAULT_MAX_BYTES
                article = clean_bytes(
                    result.data,
                    name=name,
                    url=result.url,
                    charset=result.charset,
                    max_bytes=max_bytes,
                )
            else:
                article = clean_file(
                    name, max_bytes=options.max_bytes if options else DEFAULT_MAX_BYTES
                )
        except DwcleanError as error:
            yield name, error
        else:
            article.source = name
            yield name, article


def clean(source: str | bytes | bytearray | memoryview, *, url: str | None = None) -> Article:
    """Clean one DW page given as text (a dump or HTML) or raw bytes (any encoding, gzip).

    Raises a `BadInputError` for empty, binary or undecodable input, `NotAnArticleError` when
    no article text is found, and `TypeError` for anything but str or bytes-like (a path is
    read with `clean_file`).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        return clean_bytes(bytes(source), url=url)
    if not isinstance(source, str):
        raise TypeError(
            f"dwclean.clean() takes str or bytes, not {type(source).__name__}"
            + (" (use dwclean.clean_file for paths)" if hasattr(source, "__fspath__") else "")
        )
    if not source.strip():
        raise EmptyInputError("empty input")
    return _clean_text(source, url=url)


def _clean_text(text: str, *, url: str | None, is_html: bool | None = None) -> Article:
    forget_texts()  # what the text predicates remember is this page's alone
    if is_html if is_html is not None else looks_like_html(text):
        from ._parse_html import clean_html  # HTML front-end: loaded only when needed

        return clean_html(text, url=url)
    return _clean_dump(text, url=url)


def clean_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Clean a file ("-" for standard input); the encoding and format are detected."""
    source = read_source(path, max_bytes=max_bytes)
    article = _clean_text(source.text, url=source.url, is_html=source.is_html)
    article.warnings[:0] = source.warnings  # repairs made while reading (bad UTF-8 bytes)
    article.source = path
    return article


def _clean_dump(text: str, *, url: str | None) -> Article:
    text, line_numbers = single_spaced(normalize(text))
    article = _clean_feed(text, url=url) if looks_like_feed(text) else _clean_lines(text, url=url)
    if line_numbers is not None:  # read single-spaced: name the input's own lines
        article.warnings.append(
            "double-spaced text (a blank line after every line) read single-spaced"
        )
        for removal in article.removed:
            removal.line = _line_in(line_numbers, removal.line)
        for block in article.blocks:
            block.line = _line_in(line_numbers, block.line)
    return article


def _line_in(numbers: list[int], line: int) -> int:
    return numbers[line - 1] if 0 < line <= len(numbers) else 0


def _clean_lines(text: str, *, url: str | None) -> Article:
    rules = load_rules()
    parsed = parse_dump(text, normalized=True)
    if not any(c.text and not c.hints & Hint.DEBRIS for c in parsed.candidates):
        raise NotAnArticleError("no text found")
    removed = []
    if parsed.crawler_marker:
        removed.append(Removal(parsed.crawler_marker, "crawler's date marker", 1))
    article = run(
        Parsed(
            parsed.candidates,
            Metadata(url=url),
            "dump",
            options=SegmentOptions(
                alt_lines=parsed.traits.alt_lines,
                body_indent=parsed.body_indent,
                caption_indent=parsed.traits.caption_indent,
                alt_before_caption_inline=parsed.traits.alt_inline,
            ),
            removed=removed,
        ),
        rules,
    )
    if article.layout is None:
        article.warnings.append("no DW page furniture found: this may not be a DW page")
    return article


def _clean_feed(text: str, *, url: str | None) -> Article:
    from ._parse_feed import parse_feed  # the feed front-end: loaded only for a feed

    feed = parse_feed(text)
    if not feed.candidates:
        raise NotAnArticleError("a feed view without article text")
    # The view names no URL, only DW's number for the article: "dw-id:74617462", as the
    # corpus labels write it.
    item = f"dw-id:{feed.item_id}" if feed.item_id else None
    metadata = Metadata(title=feed.title, date=feed.date, url=url or item)
    return run(
        Parsed(feed.candidates, metadata, "dump", removed=feed.removed, page_type=PageType.FEED),
        load_rules(),
    )
