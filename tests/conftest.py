"""Shared test helpers: paths, the CLI in a subprocess, the shared corpus (skipped when absent)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared (real DW pages) is absent")


def run_cli(
    *args: str, stdin: bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """Run the real `dwclean` command (as `python -m dwclean`) and capture everything."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "dwclean", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def contract_view(article: dict[str, Any]) -> dict[str, Any]:
    """The fields the stable interface promises (../shared/design/contract.md)."""
    return {
        "title": article.get("title"),
        "date": article.get("date"),
        "section": article.get("section"),
        "language": article.get("language"),
        "url": article.get("url"),
        "blocks": [
            {"kind": b["kind"], "text": b["text"], "credit": b.get("credit")}
            for b in article.get("blocks", [])
        ],
    }


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _children(pid: int) -> set[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return {int(p) for p in handle.read().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def kill_parent_and_wait_for_workers(proc: subprocess.Popen[bytes]) -> float:
    """Once the batch `proc` runs two workers, SIGKILL it; its workers must end within 10 s.
    The seconds it all took."""
    started = time.monotonic()
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() - started < 20:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers):
        assert time.monotonic() < deadline, "workers outlived their parent"
        time.sleep(0.05)
    return time.monotonic() - started


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 for the `with` block; its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def read_terminal(master: int) -> bytes:
    """Everything written to a pseudo-terminal until its other end closes (EIO on Linux)."""
    data = b""
    while True:
        try:
            block = os.read(master, 65536)
        except OSError:
            break
        if not block:
            break
        data += block
    return data


def golden_cases(inputs: list[Path], known: dict[str, str]) -> list[Any]:
    """Golden-file inputs as test parameters; an input `known` to differ (stem → why) is a
    strict xfail, so fixing it forces its removal from the list."""
    return [
        pytest.param(p, marks=pytest.mark.xfail(reason=known[p.stem], strict=True), id=p.stem)
        if p.stem in known
        else pytest.param(p, id=p.stem)
        for p in inputs
    ]
