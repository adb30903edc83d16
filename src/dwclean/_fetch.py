"""Read stage for URLs: fetch DW pages with httpx, politely and within bounds.

Bounded in every direction: `timeout` is the deadline of a whole attempt (connect, redirects,
headers and the body together: a server that drips one byte a second cannot keep it alive), at
most `max_redirects` redirects and only to http(s) URLs, retries with exponential backoff on 429,
5xx, timeouts and dropped connections, whose waits (Retry-After included) add up to at most
`max_total_backoff`, a maximum response size checked while streaming and while decompressing
(a gzip bomb costs at most `max_bytes`), a content-type check, and a bounded number of requests
in flight, with results held for at most that many. httpx is imported only when a URL is
actually fetched, so that `dwclean clean FILE` starts fast in shell loops.
"""

from __future__ import annotations

import hashlib
import re
import time
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ._exceptions import DwcleanError, FetchError, OutputError
from ._fetch_options import FetchOptions as FetchOptions  # its home is apart: see there
from ._version import __version__

USER_AGENT = f"dwclean/{__version__} (+https://pypi.org/project/dwclean/)"
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    charset: str | None  # from the Content-Type header


class _Retry(Exception):
    """One attempt failed in a way worth another try; `wait` is the server's Retry-After."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date); None when unusable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    import email.utils  # an HTTP date: rare, and slow to import

    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None  # "soon", "-1", garbage: ignored, the usual backoff applies
    return max(0.0, parsed.timestamp() - time.time())


def _client(options: FetchOptions) -> httpx.Client:
    import httpx

    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
    return httpx.Client(
        timeout=timeout,
        follow_redirects=False,  # followed by hand: scheme check and one deadline for all hops
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml",
            "Accept-Encoding": "gzip, deflate",  # decoded here, with a bound on the output
        },
    )


def _download(client: httpx.Client, url: str, options: FetchOptions) -> Fetched:
    """One attempt, redirects included, within one deadline."""
    deadline = time.monotonic() + options.read_timeout
    current = url
    for _ in range(options.max_redirects + 1):
        with client.stream("GET", current) as response:
            if response.status_code in _REDIRECT_STATUS and "location" in response.headers:
                current = _redirect_target(response, url)
                continue
            return _body(response, url, options, deadline)
    raise FetchError(f"{url}: more than {options.max_redirects} redirects")


def _redirect_target(response: httpx.Response, url: str) -> str:
    location = response.headers["location"]
    try:
        target = response.url.join(location)
    except Exception:  # httpx.InvalidURL and friends: a broken Location header
        raise FetchError(f"{url}: redirected to an invalid URL") from None
    if target.scheme not in ("http", "https"):
        raise FetchError(f"{url}: redirected to a {target.scheme or 'relative'}: URL, not http(s)")
    return str(target)


def _body(response: httpx.Response, url: str, options: FetchOptions, deadline: float) -> Fetched:
    status = response.status_code
    if status in _RETRY_STATUS:
        reason = f"HTTP {status} {response.reason_phrase}"
        raise _Retry(reason, parse_retry_after(response.headers.get("retry-after")))
    if status >= 400:
        raise FetchError(f"{url}: HTTP {status} {response.reason_phrase}")
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type and media_type not in _ACCEPTED_TYPES:
        raise FetchError(f"{url}: not a web page (content type {media_type})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise FetchError(f"{url}: response larger than {options.max_bytes:,} bytes")
    decoder = _Decoder(response.headers.get("content-encoding", ""), url, options.max_bytes)
    for chunk in response.iter_raw():
        decoder.feed(chunk)
        if time.monotonic() > deadline:
            raise _Retry(f"timed out (no whole response within {options.read_timeout:g}s)")
    charset = _CHARSET.search(content_type)
    return Fetched(str(response.url), decoder.result(), charset.group(1) if charset else None)


class _Decoder:
    """Content-Encoding undone with a bound on the output: a 50 KB gzip can hold 50 MB."""

    def __init__(self, encoding: str, url: str, max_bytes: int) -> None:
        encoding = encoding.strip().lower()
        self.url = url
        self.max_bytes = max_bytes
        self.size = 0
        self.chunks: list[bytes] = []
        self.zlib: zlib._Decompress | None = None
        if encoding in ("gzip", "x-gzip"):
            self.zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.zlib = zlib.decompressobj(zlib.MAX_WBITS)
        elif encoding not in ("", "identity"):
            raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")

    def feed(self, chunk: bytes) -> None:
        if self.zlib is not None:
            try:
                chunk = self.zlib.decompress(chunk, self.max_bytes + 1 - self.size)
            except zlib.error as error:
                raise FetchError(f"{self.url}: broken compressed response ({error})") from None
            if self.zlib.unconsumed_tail:  # stopped at the bound: more would follow
                self._too_large()
        self.size += len(chunk)
        if self.size > self.max_bytes:
            self._too_large()
        self.chunks.append(chunk)

    def _too_large(self) -> None:
        raise FetchError(f"{self.url}: response larger than {self.max_bytes:,} bytes")

    def result(self) -> bytes:
        return b"".join(self.chunks)


def fetch(
    url: str, options: FetchOptions | None = None, client: httpx.Client | None = None
) -> Fetched:
    """Fetch one page; raises FetchError with a one-line reason when it cannot."""
    options = options or FetchOptions()
    own_client = client is None
    client = client or _client(options)
    try:
        result = _attempts(client, url, options)
    finally:
        if own_client:
            client.close()
    if options.save_raw is not None:
        save_raw(result, options.save_raw)
    return result


def _attempts(client: httpx.Client, url: str, options: FetchOptions) -> Fetched:
    import httpx

    budget = options.max_total_backoff
    for attempt in range(options.retries + 1):
        try:
            return _download(client, url, options)
        except _Retry as retry:
            failure = retry
        except httpx.TimeoutException:
            failure = _Retry(f"timed out (no answer within {options.read_timeout:g}s)")
        except (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError) as error:
            failure = _Retry(f"connection broken ({type(error).__name__}: {error})")
        except httpx.HTTPError as error:
            raise FetchError(f"{url}: {type(error).__name__}: {error}") from None
        except httpx.InvalidURL as error:  # not an HTTPError: "http://[::1", a bad port
            raise FetchError(f"{url}: not a valid URL ({error})") from None
        if attempt == options.retries:
            break
        wait = _wait(failure, attempt, options, url)
        if wait > budget:
            raise FetchError(
                f"{url}: {failure.reason}; gave up: the next wait ({wait:.0f}s) would pass the "
                f"retry budget of {options.max_total_backoff:g}s"
            )
        budget -= wait
        time.sleep(wait)
    attempts = options.retries + 1
    raise FetchError(f"{url}: {failure.reason} (after {attempts} attempt{'s' * (attempts > 1)})")


def _wait(failure: _Retry, attempt: int, options: FetchOptions, url: str) -> float:
    if failure.wait is None:
        return float(min(options.backoff * 2**attempt, options.max_retry_after))
    if failure.wait > options.max_retry_after:
        raise FetchError(
            f"{url}: {failure.reason}, Retry-After {failure.wait:.0f}s is too long "
            f"(waits are capped at {options.max_retry_after:g}s)"
        )
    return failure.wait


def fetch_many(
    urls: Iterable[str], options: FetchOptions | None = None
) -> Iterator[tuple[str, Fetched | DwcleanError]]:
    """Fetch in order of `urls`, at most `options.concurrency` at a time.

    At most `concurrency` results are held (fetched or in flight) at any time, so memory does
    not grow with the length of the list, however slowly the caller consumes them.
    """
    from concurrent.futures import ThreadPoolExecutor

    options = options or FetchOptions()
    window = max(1, options.concurrency)
    with _client(options) as client, ThreadPoolExecutor(window) as pool:

        def one(url: str) -> Fetched | DwcleanError:
            try:
                return fetch(url, options, client)
            except (FetchError, OutputError) as error:  # OutputError: --save-raw failed
                return error

        pending: deque[tuple[str, Future[Fetched | DwcleanError]]] = deque()
        for url in urls:
            if len(pending) >= window:
                done_url, future = pending.popleft()
                yield done_url, future.result()
            pending.append((url, pool.submit(one, url)))
        while pending:
            done_url, future = pending.popleft()
            yield done_url, future.result()


def raw_name(url: str) -> str:
    """A file name for a fetched page: the URL made safe, and a hash of the whole URL so that
    URLs that differ only in punctuation or after the first 100 characters never collide."""
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    name = re.sub(r"[^\w.-]+", "_", url.split("://", 1)[-1]).strip("._")[:100]
    name = re.sub(r"\.html?$", "", name)
    return f"{name}-{digest}.html"


def save_raw(fetched: Fetched, folder: Path) -> Path:
    from ._output import write_output

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"{folder}: cannot create the folder ({error.strerror or error})"
        ) from None
    target = folder / raw_name(fetched.url)
    write_output(target, fetched.data)
    return target
