"""Helpers shared by the benchmarks: inputs, the process-tree memory probe, table output."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PYTHON = sys.executable


def corpus_files(pattern: str) -> list[Path]:
    return sorted((SHARED / "corpus").glob(pattern)) if SHARED.is_dir() else []


def dump_paths() -> list[Path]:
    paths = corpus_files("*/*.txt") + sorted((ROOT / "fixtures" / "dumps").glob("*.txt"))
    if (SHARED / "seed" / "seed.txt").is_file():
        paths.append(SHARED / "seed" / "seed.txt")
    return paths


def html_paths() -> list[Path]:
    fixtures = [
        p
        for p in sorted((ROOT / "fixtures" / "html").glob("*.html"))
        if not p.stem.startswith("not-article")
    ]
    return corpus_files("*/page.html") + fixtures


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
        rss[int(entry.name)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def run_measured(argv: list[str]) -> tuple[float, int, int]:
    """Run a command; (seconds, exit code, peak RSS of its whole process tree in KiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def probe() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.05)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    code = process.wait()
    seconds = time.perf_counter() - started
    done.set()
    thread.join()
    return seconds, code, peak


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover
        print(title)
        print(markdown_table(header, rows))
        return
    table = Table(title=title)
    for column in header:
        table.add_column(column, justify="right" if column != header[0] else "left")
    for row in rows:
        table.add_row(*row)
    Console().print(table)
