"""URLs against a real HTTP server on 127.0.0.1, started by the tests (no mocked transport)."""

from __future__ import annotations

import contextlib
import gzip
import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

import dwclean
from dwclean._fetch import FetchOptions, fetch

from .conftest import FIXTURES, local_server, run_cli

PAGE = (FIXTURES / "dumps" / "en-old-seedstyle.txt").read_bytes()
TITLE = "Low Rhine water levels squeeze German industry"


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}
    user_agents: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        Handler.user_agents.append(self.headers.get("User-Agent", ""))
        if path == "/page":
            self.send(200, PAGE)
        elif path == "/gzip":
            self.send(200, gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/page" if n <= 1 else f"/redirect/{n - 1}"
            self.send(302, b"", headers={"Location": target})
        elif path == "/loop":
            self.send(302, b"", headers={"Location": "/loop"})
        elif path == "/slow":
            time.sleep(3)
            self.send(200, PAGE)
        elif path == "/429":
            if Handler.hits[path] == 1:
                self.send(429, b"slow down", headers={"Retry-After": "1"})
            else:
                self.send(200, PAGE)
        elif path == "/429-long":
            self.send(429, b"slow down", headers={"Retry-After": "3600"})
        elif path == "/500":
            self.send(500, b"oops")
        elif path == "/404":
            self.send(404, b"nope")
        elif path == "/big":
            self.send(200, PAGE * 200)
        elif path == "/pdf":
            self.send(200, b"%PDF-1.4 ...", content_type="application/pdf")
        elif path == "/latin1":
            body = (
                PAGE.decode("utf-8")
                .replace("Low Rhine", "Lów Rhine")
                .encode("iso-8859-1", "replace")
            )
            self.send(200, body, content_type="text/plain; charset=iso-8859-1")
        else:
            self.send(404, b"unknown")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(Handler) as url:
        yield url


FAST = FetchOptions(connect_timeout=1, read_timeout=1, retries=1, backoff=0.05)


def test_normal_page_and_user_agent(server: str) -> None:
    article = dwclean.clean_url(server + "/page", FAST)
    assert article.title == TITLE
    assert any(ua.startswith(f"dwclean/{dwclean.__version__}") for ua in Handler.user_agents)


def test_gzip_encoded_response(server: str) -> None:
    assert dwclean.clean_url(server + "/gzip", FAST).title == TITLE


def test_redirect_chain_is_followed_and_bounded(server: str) -> None:
    assert fetch(server + "/redirect/3", FAST).url.endswith("/page")
    with pytest.raises(dwclean.FetchError, match="redirects"):
        fetch(server + "/loop", FAST)


def test_slow_response_times_out_in_bounded_time(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(dwclean.FetchError, match="timed out"):
        fetch(server + "/slow", FetchOptions(read_timeout=0.5, retries=1, backoff=0.05))
    assert time.monotonic() - started < 5


def test_429_is_retried_after_retry_after(server: str) -> None:
    started = time.monotonic()
    assert fetch(server + "/429", FAST).data == PAGE
    assert time.monotonic() - started >= 0.9  # it waited for Retry-After: 1
    assert Handler.hits["/429"] == 2
    with pytest.raises(dwclean.FetchError, match="Retry-After"):
        fetch(server + "/429-long", FAST)


def test_server_errors_are_retried_then_reported(server: str) -> None:
    before = Handler.hits.get("/500", 0)
    with pytest.raises(dwclean.FetchError, match="HTTP 500"):
        fetch(server + "/500", FAST)
    assert Handler.hits["/500"] - before == 2  # first attempt and one retry
    with pytest.raises(dwclean.FetchError, match="HTTP 404"):
        fetch(server + "/404", FAST)


def test_oversize_and_wrong_type_are_refused(server: str) -> None:
    with pytest.raises(dwclean.FetchError, match="larger than"):
        fetch(server + "/big", FetchOptions(max_bytes=100_000))
    with pytest.raises(dwclean.FetchError, match="content type application/pdf"):
        fetch(server + "/pdf", FAST)


def test_charset_from_the_http_header(server: str) -> None:
    assert (
        dwclean.clean_url(server + "/latin1", FAST).title
        == "Lów Rhine water levels squeeze German industry"
    )


def test_cli_many_urls_keep_order_and_report_failures(server: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/page\n{server}/404\n{server}/gzip\n")
    raw = tmp_path / "raw"
    result = run_cli(
        "clean",
        "--urls-from",
        str(urls),
        "--format",
        "jsonl",
        "--retries",
        "0",
        "--timeout",
        "2",
        "--save-raw",
        str(raw),
    )
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [a["title"] for a in lines] == [TITLE, TITLE]
    assert all(
        a["url"].startswith(server) or a["url"].startswith("https://p.dw.com") for a in lines
    )
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and "HTTP 404" in errors[0]
    assert len(list(raw.iterdir())) == 2


def test_cli_unreachable_url_exits_6(server: str) -> None:
    result = run_cli("clean", "http://127.0.0.1:9/nothing", "--retries", "0", "--timeout", "1")
    assert result.returncode == 6
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert b"Traceback" not in result.stderr


# --- Hostile servers (issues 9 and 12): each bounded in time and memory --------------------

BOMB = gzip.compress(b"a" * 50_000_000, compresslevel=9)  # ~50 KB that unpacks to 50 MB


class Hostile(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path
        Hostile.hits[path] = Hostile.hits.get(path, 0) + 1
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.route(path)  # the client may give up, as it should

    def route(self, path: str) -> None:
        if path == "/drip":  # one byte every 0.2 s, for at most 30 s
            self.head(200, {"Content-Type": "text/plain", "Content-Length": "1000"})
            for _ in range(150):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.2)
        elif path == "/endless":  # no length, never ends (bounded here at 2 GB)
            self.head(200, {"Content-Type": "text/plain"})
            block = b"word " * 13_000
            for _ in range(30_000):
                self.wfile.write(block)
        elif path == "/bomb":
            self.head(
                200,
                {
                    "Content-Type": "text/plain",
                    "Content-Encoding": "gzip",
                    "Content-Length": str(len(BOMB)),
                },
            )
            self.wfile.write(BOMB)
        elif path in ("/to-ftp", "/to-file"):
            target = "ftp://127.0.0.1/x" if path == "/to-ftp" else "file:///etc/passwd"
            self.head(302, {"Location": target, "Content-Length": "0"})
        elif path == "/retry-huge":
            self.head(503, {"Retry-After": "99999", "Content-Length": "0"})
        elif path == "/retry-garbage":
            self.head(503, {"Retry-After": "soon", "Content-Length": "0"})
        elif path == "/reset":  # half a body, then a TCP reset
            import socket
            import struct

            self.head(200, {"Content-Type": "text/plain", "Content-Length": "100000"})
            self.wfile.write(PAGE[:1000])
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif path.startswith("/binary3m/"):  # 3 MB that the cleaner refuses at once
            body = b"\0" * 3_000_000
            self.head(200, {"Content-Type": "text/plain", "Content-Length": str(len(body))})
            self.wfile.write(body)
        elif path.startswith("/item/"):
            self.head(200, {"Content-Type": "text/plain", "Content-Length": str(len(PAGE))})
            self.wfile.write(PAGE)
        else:
            self.head(404, {"Content-Length": "0"})


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    with local_server(Hostile) as url:
        yield url


def test_timeout_bounds_the_whole_request_not_each_read(hostile: str) -> None:
    started = time.monotonic()
    result = run_cli("clean", hostile + "/drip", "--timeout", "1", "--retries", "0")
    assert result.returncode == 6
    assert b"timed out" in result.stderr
    assert time.monotonic() - started < 8  # one byte every 0.2 s would take 200 s


def test_endless_body_stops_at_max_bytes(hostile: str) -> None:
    result = run_cli("clean", hostile + "/endless", "--max-bytes", "2000000", "--retries", "0")
    assert result.returncode == 6
    assert b"larger than 2,000,000 bytes" in result.stderr


def test_gzip_bomb_content_encoding_is_bounded(hostile: str) -> None:
    with pytest.raises(dwclean.FetchError, match="larger than 1,000,000 bytes"):
        fetch(hostile + "/bomb", FetchOptions(max_bytes=1_000_000, retries=0))


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_redirect_to_another_scheme_is_refused(hostile: str, path: str) -> None:
    result = run_cli("clean", hostile + path, "--retries", "0")
    assert result.returncode == 6
    assert b"not http(s)" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_huge_retry_after_is_capped_and_said(hostile: str) -> None:
    started = time.monotonic()
    result = run_cli("clean", hostile + "/retry-huge", "--retries", "3")
    assert result.returncode == 6
    assert b"Retry-After 99999s is too long" in result.stderr and b"capped at 60s" in result.stderr
    assert time.monotonic() - started < 10


def test_garbage_retry_after_is_ignored_not_a_crash(hostile: str) -> None:
    result = run_cli("clean", hostile + "/retry-garbage", hostile + "/item/1", "--retries", "1")
    assert result.returncode == 1  # one failed, the next URL was still cleaned
    assert b"HTTP 503" in result.stderr and b"internal error" not in result.stderr
    assert len(result.stdout) > 0


def test_connection_reset_mid_body_is_retried_then_reported(hostile: str) -> None:
    before = Hostile.hits.get("/reset", 0)
    result = run_cli("clean", hostile + "/reset", "--retries", "1")
    assert result.returncode == 6
    assert b"connection broken" in result.stderr or b"incomplete" in result.stderr.lower()
    assert Hostile.hits["/reset"] - before == 2


def test_total_backoff_is_capped(hostile: str) -> None:
    options = FetchOptions(retries=50, backoff=0.05, max_total_backoff=0.5)
    started = time.monotonic()
    with pytest.raises(dwclean.FetchError, match="retry budget"):
        fetch(hostile + "/retry-garbage", options)
    assert time.monotonic() - started < 5  # 50 doubling waits would take years


def test_urls_are_fetched_a_bounded_window_ahead(hostile: str) -> None:
    from dwclean._fetch import fetch_many

    urls = [f"{hostile}/item/{i}" for i in range(40)]
    options = FetchOptions(concurrency=3, retries=0)
    seen = 0
    for _url, result in fetch_many(urls, options):
        assert isinstance(result, dwclean._fetch.Fetched)
        seen += 1
        time.sleep(0.02)  # a slow consumer: the fetcher must not run ahead of it
        started = sum(v for k, v in Hostile.hits.items() if k.startswith("/item/"))
        assert started <= seen + options.concurrency
    assert seen == 40


def test_save_raw_names_are_unique_and_files_readable(server: str, tmp_path: Path) -> None:
    from dwclean._fetch import raw_name

    long = server + "/page?" + "x" * 200
    variants = [long + "a", long + "b", server + "/page?a=1", server + "/page?a-1"]
    assert len({raw_name(u) for u in variants}) == 4
    raw = tmp_path / "raw"
    fetch(server + "/page", FetchOptions(save_raw=raw, retries=0))
    [saved] = raw.iterdir()
    assert saved.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_invalid_url_is_a_fetch_error_not_a_bug() -> None:
    result = run_cli("clean", "http://[::1", "--retries", "0")
    assert result.returncode == 6 and b"not a valid URL" in result.stderr
