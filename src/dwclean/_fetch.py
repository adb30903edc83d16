"""Read stage for URLs: fetch DW pages with httpx, politely and within bounds.

Bounded in every direction: connect and read timeouts, a maximum number of redirects, retries
with exponential backoff on 429 and 5xx (honouring Retry-After up to a cap), a maximum response
size (checked while streaming), a content-type check, and a bounded number of concurrent
requests. httpx is imported only when a URL is actually fetched, so that `dwclean clean FILE` starts
fast in shell loops.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ._exceptions import FetchError
from ._read import DEFAULT_MAX_BYTES
from ._version import __version__

USER_AGENT = f"dwclean/{__version__} (+https://pypi.org/project/dwclean/)"
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True, slots=True)
class FetchOptions:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_redirects: int = 5
    retries: int = 2  # further attempts after the first, on 429, 5xx and timeouts
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    max_retry_after: float = 60.0  # a longer Retry-After is not waited for
    max_bytes: int = DEFAULT_MAX_BYTES
    concurrency: int = 4
    save_raw: Path | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    charset: str | None  # from the Content-Type header


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    import email.utils  # an HTTP date: rare, and slow to import

    parsed = email.utils.parsedate_to_datetime(value) if value else None
    return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def _client(options: FetchOptions) -> httpx.Client:
    import httpx

    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=options.max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
    )


def _download(client: httpx.Client, url: str, options: FetchOptions) -> Fetched | httpx.Response:
    """One attempt: the page, or the response whose status asks for a retry."""
    with client.stream("GET", url) as response:
        if response.status_code in _RETRY_STATUS:
            return response
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
        content_type = response.headers.get("content-type", "")
        media_type = content_type.split(";", 1)[0].strip().lower()
        if media_type and media_type not in _ACCEPTED_TYPES:
            raise FetchError(f"{url}: not a web page (content type {media_type})")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > options.max_bytes:
            raise FetchError(f"{url}: response larger than {options.max_bytes:,} bytes")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > options.max_bytes:
                raise FetchError(f"{url}: response larger than {options.max_bytes:,} bytes")
            chunks.append(chunk)
        charset = _CHARSET.search(content_type)
        return Fetched(str(response.url), b"".join(chunks), charset.group(1) if charset else None)


def fetch(
    url: str, options: FetchOptions | None = None, client: httpx.Client | None = None
) -> Fetched:
    """Fetch one page; raises FetchError with a one-line reason when it cannot."""
    import httpx

    options = options or FetchOptions()
    own_client = client is None
    client = client or _client(options)
    try:
        for attempt in range(options.retries + 1):
            last_attempt = attempt == options.retries
            try:
                result = _download(client, url, options)
            except httpx.TooManyRedirects:
                raise FetchError(f"{url}: more than {options.max_redirects} redirects") from None
            except httpx.TimeoutException:
                if last_attempt:
                    raise FetchError(f"{url}: timed out") from None
                time.sleep(options.backoff * 2**attempt)
                continue
            except httpx.HTTPError as error:
                raise FetchError(f"{url}: {type(error).__name__}: {error}") from None
            if isinstance(result, Fetched):
                if options.save_raw is not None:
                    save_raw(result, options.save_raw)
                return result
            status = f"HTTP {result.status_code} {result.reason_phrase}"
            wait = _retry_after(result)
            if last_attempt:
                raise FetchError(f"{url}: {status} (after {options.retries + 1} attempts)")
            if wait is not None and wait > options.max_retry_after:
                raise FetchError(f"{url}: {status}, Retry-After {wait:.0f}s is too long")
            time.sleep(wait if wait is not None else options.backoff * 2**attempt)
        raise FetchError(f"{url}: failed")  # not reached: the loop returns or raises
    finally:
        if own_client:
            client.close()


def fetch_many(
    urls: Iterable[str], options: FetchOptions | None = None
) -> Iterator[tuple[str, Fetched | FetchError]]:
    """Fetch in order of `urls`, at most `options.concurrency` at a time."""
    from concurrent.futures import ThreadPoolExecutor

    options = options or FetchOptions()
    with _client(options) as client, ThreadPoolExecutor(max(1, options.concurrency)) as pool:

        def one(url: str) -> Fetched | FetchError:
            try:
                return fetch(url, options, client)
            except FetchError as error:
                return error

        urls = list(urls)
        yield from zip(urls, pool.map(one, urls), strict=True)


def raw_name(url: str) -> str:
    """A file name for a fetched page: the URL's path, made safe."""
    name = re.sub(r"[^\w.-]+", "_", url.split("://", 1)[-1]).strip("_")[:150]
    return name if name.endswith((".html", ".htm")) else name + ".html"


def save_raw(fetched: Fetched, folder: Path) -> Path:
    import tempfile

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / raw_name(fetched.url)
    fd, temp = tempfile.mkstemp(prefix=".dwclean-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(fetched.data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
