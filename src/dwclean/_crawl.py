"""Crawl input: WARC files of HTTP responses and WET files of extracted text, record by record.

fastwarc reads the records (gzip or plain, detected by content). Every record that could hold a
page (`response`, `conversion`) is either cleaned into an `Article` or skipped and counted: not
from DW (by the host of `WARC-Target-URI`), not HTML (response) or text (conversion), a non-2xx
HTTP status, no article, or unusable bytes. A damaged record (cut off, corrupt gzip member,
broken header) is reported through a callback and skipped; reading goes on at the next record
start found after it (the next gzip member, or the next `WARC/1.` line in a plain file), so one
bad record never costs the rest of the file. Records are read one at a time: memory stays flat
however large the file is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from urllib.parse import urlsplit

from ._api import clean_bytes
from ._crawl_sniff import is_warc_head
from ._exceptions import BadInputError, DwcleanError, InputError, NotAnArticleError
from ._export import _dumps
from ._model import Article
from ._read import DEFAULT_MAX_BYTES

DW_HOSTS = ("dw.com", "dw.de", "dw-world.de")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
CRAWL_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")

# Why a page record was skipped; the order is the order of the summary line.
SKIP_REASONS = {
    "not-dw": "not DW",
    "not-html": "not HTML/text",
    "http-status": "HTTP status not 2xx",
    "too-large": "too large",
    "unusable": "unusable bytes",
    "no-article": "no article",
}

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/"
_SCAN_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    any_site: bool = False  # clean every host, not only DW's
    max_bytes: int = DEFAULT_MAX_BYTES  # larger payloads are skipped as too large


@dataclass(slots=True)
class CrawlStats:
    """What became of the records of one crawl file."""

    records: int = 0  # every WARC record read (warcinfo, request, metadata … included)
    pages: int = 0  # response and conversion records: the ones that could hold a page
    articles: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # SKIP_REASONS keys
    damaged: int = 0  # cut-off or corrupt records (each reported)
    failed: int = 0  # records that hit a bug in dwclean (each reported)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def add(self, other: CrawlStats) -> None:
        self.records += other.records
        self.pages += other.pages
        self.articles += other.articles
        self.skipped.update(other.skipped)
        self.damaged += other.damaged
        self.failed += other.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "pages": self.pages,
            "articles": self.articles,
            "skipped": self.skipped_total,
            **{reason: self.skipped[reason] for reason in SKIP_REASONS},
            "damaged": self.damaged,
            "failed": self.failed,
        }

    def summary(self) -> str:
        reasons = ", ".join(
            f"{self.skipped[key]} {label}"
            for key, label in SKIP_REASONS.items()
            if self.skipped[key]
        )
        line = (
            f"{self.articles} articles from {self.pages} page records, "
            f"{self.skipped_total} skipped{f' ({reasons})' if reasons else ''}, "
            f"{self.damaged} damaged"
        )
        if self.failed:
            line += f", {self.failed} failed (internal error)"
        other = self.records - self.pages
        return line + (f", {other} other records ignored" if other else "")


def is_crawl_name(name: str) -> bool:
    """Whether a file name has a crawl file's ending (how `batch` picks crawl files)."""
    return name.lower().endswith(CRAWL_SUFFIXES)


def is_dw_url(url: str) -> bool:
    """Whether a URL's host is dw.com, dw.de, dw-world.de or one of their subdomains."""
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    except ValueError:
        return False
    return any(host == h or host.endswith("." + h) for h in DW_HOSTS)


@dataclass(frozen=True, slots=True)
class Page:
    """The payload of one page record and where it came from."""

    file: str
    offset: int  # byte offset of the record in the (compressed) file
    uri: str
    record_id: str | None
    date: str | None
    charset: str | None
    data: bytes

    @property
    def source(self) -> str:
        return f"{self.file}@{self.offset} {self.uri}"


Problem = Callable[[str], None]


class _Damaged(Exception):
    """A record that fastwarc read without complaint but that is cut off."""


def iter_pages(
    path: str,
    stats: CrawlStats,
    options: CrawlOptions = CrawlOptions(),
    *,
    on_problem: Problem | None = None,
    label: str | None = None,
) -> Iterator[Page]:
    """The page records of a WARC/WET file that pass the type and host checks, with payloads.

    Everything else is counted in `stats`; damaged records go to `on_problem` as one line
    (`FILE@OFFSET: message`) and are skipped. Raises InputError when the file cannot be opened
    and BadInputError when it is not a WARC/WET file at all.
    """
    from fastwarc.warc import WarcRecordType

    label = label or path
    report = on_problem or (lambda message: None)
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed in the `finally` below)
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except OSError as error:
        raise InputError(f"{label}: cannot read ({error.strerror or error})") from None
    page_types = WarcRecordType.response | WarcRecordType.conversion
    try:
        yield from _iter_pages(handle, label, stats, options, report, page_types)
    except OSError as error:  # seeking or scanning for the next record: the file itself
        raise InputError(f"{label}: cannot read ({error.strerror or error})") from None
    finally:
        handle.close()


def _iter_pages(
    handle: IO[bytes],
    label: str,
    stats: CrawlStats,
    options: CrawlOptions,
    report: Problem,
    page_types: int,
) -> Iterator[Page]:
    from fastwarc.warc import ArchiveIterator

    head = handle.read(4096)
    if not is_warc_head(head):
        raise BadInputError(f"{label}: not a WARC or WET file")
    gzipped = head[:2] == b"\x1f\x8b"
    start = 0
    pending: str | None = None  # a failure between records, until its place is known
    pending_after = 0  # … which came after the record at this offset

    def damaged(where: str, message: str) -> None:
        stats.damaged += 1
        report(f"{where}: damaged record skipped ({message})")

    while True:
        handle.seek(start)
        last = start - 1  # offset of the last record begun in this pass
        current: int | None = None  # offset of the record being read
        try:
            for record in ArchiveIterator(handle, parse_http=True, auto_decode="none"):
                current = last = record.stream_pos
                if pending is not None:  # the damage lay before this good record
                    damaged(f"{label}: between offsets {pending_after} and {current}", pending)
                    pending = None
                stats.records += 1
                if record.record_type & page_types:
                    page = _page(record, label, current, stats, options, report)
                    if page is not None:
                        yield page
                current = None
            if pending is not None:
                damaged(f"{label}: after offset {pending_after}", pending)
            return
        except (OSError, _Damaged) as error:  # corrupt gzip, broken header, cut off, I/O
            if current is not None:  # while reading this record
                damaged(f"{label}@{current}", str(error))
            elif last >= start:  # on the way to the next record: find where it starts
                pending, pending_after = str(error), last
            else:  # right where this pass started: the record there is damaged
                damaged(f"{label}@{start}", pending or str(error))
                pending = None
        # resync (also after a cut-off record: a wrong Content-Length may have swallowed
        # good records)
        following = _next_record_start(handle, max(last, start) + 1, gzipped)
        if following is None:
            if pending is not None:
                damaged(f"{label}: after offset {pending_after}", pending)
            return
        start = following


def _page(
    record: Any,
    label: str,
    offset: int,
    stats: CrawlStats,
    options: CrawlOptions,
    report: Problem,
) -> Page | None:
    from fastwarc.warc import WarcRecordType

    stats.pages += 1
    headers = record.headers
    uri = (headers.get("WARC-Target-URI") or "").strip("<> ")
    record_id = headers.get("WARC-Record-ID")
    if headers.get("Content-Length") is None or record_id is None:
        raise _Damaged("record header cut off")
    if not options.any_site and not is_dw_url(uri):
        stats.skipped["not-dw"] += 1
        return None
    charset: str | None = None
    if record.record_type == WarcRecordType.response:
        declared = headers.get("Content-Type") or ""
        if not record.is_http:
            if declared.startswith("application/http"):
                raise _Damaged(f"HTTP header cut off: {uri}")
            stats.skipped["not-html"] += 1
            return None
        mime = record.http_content_type or headers.get("WARC-Identified-Payload-Type") or ""
        mime = mime.split(";", 1)[0].strip().lower()
        if mime and mime not in HTML_TYPES:
            stats.skipped["not-html"] += 1
            return None
        status = record.http_headers.status_code
        if status is not None and not 200 <= status < 300:
            stats.skipped["http-status"] += 1
            return None
        charset = record.http_charset
    else:  # conversion (WET): extracted text
        mime = (headers.get("Content-Type") or "text/plain").split(";", 1)[0].strip().lower()
        if mime not in TEXT_TYPES:
            stats.skipped["not-html"] += 1
            return None
        charset = "utf-8"
    expected = record.content_length
    if expected > options.max_bytes:
        consumed = record.reader.consume()
        if consumed < expected:
            raise _Damaged(f"cut off: {consumed:,} of {expected:,} bytes: {uri}")
        stats.skipped["too-large"] += 1
        return None
    data = record.reader.read()
    if len(data) < expected:
        raise _Damaged(f"cut off: {len(data):,} of {expected:,} bytes: {uri}")
    return Page(
        file=label,
        offset=offset,
        uri=uri,
        record_id=record_id,
        date=headers.get("WARC-Date"),
        charset=charset,
        data=data,
    )


def _next_record_start(handle: IO[bytes], position: int, gzipped: bool) -> int | None:
    """Where the next record may start at or after `position`: a gzip member or a WARC line."""
    magic = _GZIP_MAGIC if gzipped else _WARC_LINE
    skip = 0 if gzipped else 1  # the WARC line starts after its newline
    handle.seek(max(position - skip, 0))
    base = handle.tell()
    tail = b""
    while True:
        chunk = handle.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = tail + chunk
        found = data.find(magic)
        if found >= 0:
            return base - len(tail) + found + skip
        tail = data[-(len(magic) - 1) :]
        base += len(chunk)


def clean_page(page: Page, options: CrawlOptions = CrawlOptions()) -> Article:
    """Clean one page record; raises NotAnArticleError / BadInputError like `clean_bytes`."""
    article = clean_bytes(
        page.data,
        name=page.source,
        url=page.uri or None,
        charset=page.charset,
        max_bytes=options.max_bytes,
    )
    if article.url is None and page.uri:
        article.url = page.uri
    article.id = page.record_id
    article.source = page.source
    article.crawl_date = page.date
    return article


def iter_crawl(
    path: str,
    stats: CrawlStats,
    options: CrawlOptions = CrawlOptions(),
    *,
    on_problem: Problem | None = None,
    label: str | None = None,
) -> Iterator[Article]:
    """The articles of a WARC/WET file, in file order; everything else is counted in `stats`."""
    report = on_problem or (lambda message: None)
    for page in iter_pages(path, stats, options, on_problem=report, label=label):
        try:
            article = clean_page(page, options)
        except NotAnArticleError:
            stats.skipped["no-article"] += 1
            continue
        except DwcleanError:
            stats.skipped["unusable"] += 1
            continue
        except Exception as error:  # a bug on one record must not cost the rest of the file
            stats.failed += 1
            report(f"{page.source}: internal error: {type(error).__name__}: {error}")
            continue
        stats.articles += 1
        yield article


def article_record(
    article: Article, *, explain: bool = False, captions: bool = False
) -> dict[str, Any]:
    """The JSON object of an article; `captions` puts caption text into `text` too."""
    data = article.to_dict(explain=explain)
    if captions:
        data["text"] = article.plain_text(captions=True)
    return data


def jsonl_line(article: Article, *, explain: bool = False, captions: bool = False) -> str:
    record = article_record(article, explain=explain, captions=captions)
    return _dumps(record, separators=(",", ":")) + "\n"
