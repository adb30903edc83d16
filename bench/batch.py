"""Batch throughput and memory: `dwclean batch` over generated folders of dumps.

    .venv/bin/python bench/batch.py        # 10,000 dumps, --jobs 1 and 2, memory at 3 sizes
    .venv/bin/python bench/batch.py --files 2000 --markdown /tmp/batch.md

The dumps are the labelled fixtures and corpus dumps, copied round-robin under new names into
nested folders (100 per folder). Each run starts from an empty output folder. Peak memory is the
resident memory of the whole process tree (parent and workers), sampled every 50 ms.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _common import PYTHON, dump_paths, markdown_table, print_table, run_measured


def generate(folder: Path, count: int) -> None:
    sources = [p.read_bytes() for p in dump_paths()]
    for i in range(count):
        target = folder / f"d{i // 100:04d}" / f"dump-{i:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sources[i % len(sources)])


def batch(src: Path, out: Path, jobs: int) -> tuple[float, int, int]:
    shutil.rmtree(out, ignore_errors=True)
    argv = [
        PYTHON,
        "-m",
        "dwclean",
        "batch",
        str(src),
        str(out),
        "-f",
        "json",
        "-q",
        "-j",
        str(jobs),
    ]
    return run_measured(argv)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--markdown", type=Path, help="also write the tables here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dwclean-bench-"))
    try:
        rows, memory_rows = [], []
        src = work / "in"
        generate(src, args.files)
        rates = {}
        for jobs in (1, 2):
            seconds, code, peak = batch(src, work / "out", jobs)
            rates[jobs] = args.files / seconds
            rows.append(
                [
                    f"--jobs {jobs}",
                    f"{args.files:,}",
                    f"{seconds:.1f}",
                    f"{rates[jobs]:.0f}",
                    f"{peak / 1024:.0f}",
                    str(code),
                ]
            )
        speedup = rates[2] / rates[1]
        for size in (args.files // 4, args.files // 2, args.files):
            folder = work / f"in-{size}"
            generate(folder, size)
            seconds, code, peak = batch(folder, work / "out", 2)
            memory_rows.append(
                [f"{size:,}", f"{seconds:.1f}", f"{size / seconds:.0f}", f"{peak / 1024:.0f}"]
            )
            shutil.rmtree(folder)
        header = ["run", "files", "seconds", "files/s", "peak MiB (all processes)", "exit"]
        print_table("dwclean batch throughput", header, rows)
        print(f"speed-up --jobs 2 over --jobs 1: {speedup:.2f}x (goal >= 1.8x)")
        mem_header = ["files (--jobs 2)", "seconds", "files/s", "peak MiB (all processes)"]
        print_table("memory as the folder grows", mem_header, memory_rows)
        if args.markdown:
            args.markdown.write_text(
                f"`.venv/bin/python bench/batch.py --files {args.files}`\n\n"
                + markdown_table(header, rows)
                + f"\n\nSpeed-up with 2 jobs: **{speedup:.2f}x**.\n\n"
                + markdown_table(mem_header, memory_rows)
                + "\n",
                encoding="utf-8",
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
