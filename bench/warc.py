"""Crawl throughput: dwclean on WARC files vs reading them alone (fastwarc), jobs, memory.

    .venv/bin/python bench/warc.py                 # 2,000 records; memory at 2,000-8,000
    .venv/bin/python bench/warc.py --records 4000 --markdown /tmp/warc.md

Needs the `test` extra (warcio writes the WARC files) and ../shared (the corpus pages). A WARC
of N records holds 60 % DW article pages (the 4 corpus pages repeated), 25 % the same pages under
other hosts and 15 % DW records that are no HTML (images, PDF, JSON, CSS, JS), gzip per record,
plus the warcinfo and a request record every 50.

1. In one process, on the same file, best of --repeat runs: fastwarc iterating every record and
   reading every payload ("reading alone"), then dwclean's `iter_crawl` with every article
   serialised to a JSON line. The share is reading time / dwclean time.
2. `dwclean batch --format jsonl` over the same N records split into 4 crawl files, with
   --jobs 1 and --jobs 2 (jobs work across crawl files).
3. `dwclean clean crawl.warc.gz -f jsonl -o FILE` on N, 2N and 4N records: time and the peak
   resident memory of the process, sampled every 50 ms.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import PYTHON, ROOT, markdown_table, print_table, run_measured

sys.path.insert(0, str(ROOT))

from tests import crawlfiles


def make_warc(path: Path, records: int) -> Path:
    dw = records * 60 // 100
    foreign = records * 25 // 100
    binary = records - dw // 4 * 4 - foreign
    return crawlfiles.write(path, crawlfiles.done_when_records(dw // 4, foreign, binary))


def read_alone(path: Path) -> tuple[float, int]:
    from fastwarc.warc import ArchiveIterator

    started = time.perf_counter()
    count = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, parse_http=True, auto_decode="none"):
            record.reader.read()
            count += 1
    return time.perf_counter() - started, count


def dwclean_in_process(path: Path) -> tuple[float, int, int]:
    from dwclean._crawl import CrawlStats, iter_crawl, jsonl_line

    started = time.perf_counter()
    stats = CrawlStats()
    size = 0
    for article in iter_crawl(str(path), stats):
        size += len(jsonl_line(article))
    return time.perf_counter() - started, stats.articles, stats.records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--markdown", type=Path, help="also write the tables here")
    args = parser.parse_args()
    n = args.records
    work = Path(tempfile.mkdtemp(prefix="dwclean-warc-bench-"))
    try:
        warc = make_warc(work / "crawl.warc.gz", n)
        size_mib = warc.stat().st_size / 2**20

        reads = [read_alone(warc) for _ in range(args.repeat)]
        cleans = [dwclean_in_process(warc) for _ in range(args.repeat)]
        read_s, records = min(reads)
        clean_s, articles, _ = min(cleans)
        share = read_s / clean_s
        header = ["what (one process)", "records", "seconds", "records/s", "articles/s"]
        rows = [
            ["fastwarc: iterate + read payloads", f"{records:,}", f"{read_s:.2f}",
             f"{records / read_s:,.0f}", "-"],
            ["dwclean: iter_crawl + JSON line", f"{records:,}", f"{clean_s:.2f}",
             f"{records / clean_s:,.0f}", f"{articles / clean_s:,.0f}"],
        ]  # fmt: skip

        batch_in = work / "batch-in"
        batch_in.mkdir()
        for part in range(4):
            make_warc(batch_in / f"part-{part}.warc.gz", n // 4)
        job_rows, rates = [], {}
        for jobs in (1, 2):
            out = work / f"batch-out-{jobs}"
            seconds, code, peak = run_measured(
                [PYTHON, "-m", "dwclean", "batch", str(batch_in), str(out), "-f", "jsonl",
                 "-q", "-j", str(jobs)]
            )  # fmt: skip
            rates[jobs] = n / seconds
            job_rows.append(
                [f"--jobs {jobs}", f"{n:,} in 4 files", f"{seconds:.2f}", f"{rates[jobs]:,.0f}",
                 f"{peak / 1024:.0f}", str(code)]
            )  # fmt: skip
        speedup = rates[2] / rates[1]
        job_header = ["batch", "records", "seconds", "records/s", "peak MiB (all)", "exit"]

        mem_rows = []
        for factor in (1, 2, 4):
            path = warc if factor == 1 else make_warc(work / f"crawl-{factor}.warc.gz", n * factor)
            seconds, code, peak = run_measured(
                [PYTHON, "-m", "dwclean", "clean", str(path), "-f", "jsonl", "-o",
                 str(work / "out.jsonl")]
            )  # fmt: skip
            mem_rows.append(
                [f"{n * factor:,}", f"{path.stat().st_size / 2**20:.0f}", f"{seconds:.2f}",
                 f"{n * factor / seconds:,.0f}", f"{peak / 1024:.0f}", str(code)]
            )  # fmt: skip
        mem_header = ["records", "WARC MiB", "seconds", "records/s", "peak MiB", "exit"]

        print(f"WARC: {n:,} records, {size_mib:.1f} MiB gzip, {articles:,} DW articles")
        print_table("reading alone vs dwclean (same file, same process)", header, rows)
        print(f"reading alone is {share:.1%} of dwclean's time")
        print_table("dwclean batch over crawl files", job_header, job_rows)
        print(f"speed-up --jobs 2 over --jobs 1: {speedup:.2f}x")
        print_table("dwclean clean crawl.warc.gz: memory as the WARC grows", mem_header, mem_rows)
        if args.markdown:
            args.markdown.write_text(
                f"`.venv/bin/python bench/warc.py --records {n}` ({n:,} records, "
                f"{size_mib:.1f} MiB gzip, {articles:,} DW articles)\n\n"
                + markdown_table(header, rows)
                + f"\n\nReading alone is **{share:.1%}** of dwclean's time.\n\n"
                + markdown_table(job_header, job_rows)
                + f"\n\nSpeed-up with 2 jobs: **{speedup:.2f}x**.\n\n"
                + markdown_table(mem_header, mem_rows)
                + "\n",
                encoding="utf-8",
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
