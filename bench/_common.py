"""Helpers shared by the benchmarks: inputs, the process-tree memory probe, table output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
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


# C4 (Raffel et al. 2020, sec. 2.2; constants as in TFDS c4_utils and datatrove): keep lines that
# end in terminal punctuation (not an ellipsis), have >= 3 words and no word over 1000 chars; drop
# lines with "javascript" or a policy phrase; drop citation markers; drop the page if fewer than 5
# sentences remain. Adapted here: the page-level rules for "{" and "lorem ipsum" act per line, any
# line with "cookie" goes, the terminal marks include their non-Latin and typographic forms, a CJK
# character counts as half a word, and the bad-words page filter is left out.
C4_END = tuple('.!?"' + "”»’'。！？؟۔।")
C4_DROP = ("javascript", "cookie", "lorem ipsum", "{", "}", "terms of use", "privacy policy")
C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]", re.IGNORECASE)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SENTENCE_END = re.compile(r"[.!?。！？؟۔।]+(?=[\s\"”»’']|$)")


def c4_filter(lines: Iterable[str]) -> list[str]:
    kept = []
    for raw in lines:
        line = " ".join(C4_CITATION.sub("", raw).split())
        low = line.lower()
        split = line.split()
        # CJK characters are only counted when the spaces alone give too few words
        words = len(split) if len(split) >= 3 else len(split) + len(CJK.findall(line)) / 2
        if (
            line.endswith(C4_END)
            and not line.endswith(("...", "…"))
            and words >= 3
            and not any(s in low for s in C4_DROP)
            and max(map(len, split)) <= 1000
        ):
            kept.append(line)
    return kept if len(SENTENCE_END.findall(" ".join(kept))) >= 5 else []
