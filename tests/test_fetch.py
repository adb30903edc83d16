"""URLs against a real HTTP server on 127.0.0.1, started by the tests (no mocked transport)."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

import dwclean
from dwclean._fetch import FetchOptions, fetch

from .conftest import FIXTURES, run_cli

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
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


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
