"""WARC and WET input (issue 10): `clean` on crawl files, damaged files, `batch` over crawl files
and sharded JSON Lines. The files are written by warcio from the real DW pages in ../shared
(from bundled fixture pages when it is absent, see crawlfiles.py).

Only "a non-empty text, the right URL, the counts" are asserted about the articles: extraction
itself is tested elsewhere.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import dwclean
from dwclean._crawl import CrawlStats, is_dw_url, iter_crawl

from . import crawlfiles
from .conftest import FIXTURES, kill_parent_and_wait_for_workers, run_cli

SUMMARY = re.compile(
    r"^dwclean: (?P<file>\S+): (?P<articles>\d+) articles from (?P<pages>\d+) page records, "
    r"(?P<skipped>\d+) skipped(?: \((?P<reasons>[^)]*)\))?, (?P<damaged>\d+) damaged"
)


def _lines(stdout: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.decode().splitlines()]


def _expected_urls() -> dict[str, str]:
    """Target URI → the URL dwclean gives the page itself (its canonical URL, or the URI)."""
    return {
        page.url: dwclean.clean_file(str(page.html_path)).url or page.url
        for page in crawlfiles.corpus_pages()
    }


def _offsets(path: Path) -> set[int]:
    """The record offsets of a WARC file, by an independent reader (warcio)."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        return {iterator.get_record_offset() for _ in iterator}


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_done_when_warc_gives_exactly_the_200_dw_articles(tmp_path: Path, name: str) -> None:
    warc = crawlfiles.write(tmp_path / name, crawlfiles.done_when_records())
    result = run_cli("clean", str(warc), "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = _lines(result.stdout)
    assert len(lines) == 200
    urls = _expected_urls()
    offsets = _offsets(warc)
    for line in lines:
        assert line["text"].strip()
        assert re.fullmatch(r"<urn:uuid:[0-9a-f-]{36}>", line["id"])
        file_offset, uri = line["source"].split(" ", 1)
        file, offset = file_offset.rsplit("@", 1)
        assert file == str(warc)
        assert int(offset) in offsets
        assert line["url"] == urls[uri]
        assert line["crawl_date"].startswith("20")
    assert len({line["id"] for line in lines}) == 200
    assert len({line["source"] for line in lines}) == 200
    [summary] = result.stderr.decode().splitlines()  # one line, the summary
    match = SUMMARY.match(summary)
    assert match, summary
    assert int(match["articles"]) == 200
    assert int(match["skipped"]) == 150
    assert match["reasons"] == "100 not DW, 50 not HTML/text"
    assert int(match["damaged"]) == 0


def test_done_when_wet_from_the_corpus_dumps(tmp_path: Path) -> None:
    wet = crawlfiles.write(tmp_path / "crawl.wet.gz", crawlfiles.done_when_records(wet=True))
    result = run_cli("clean", str(wet), "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = _lines(result.stdout)
    assert len(lines) == 200
    for line in lines:
        assert line["text"].strip()
        assert line["id"].startswith("<urn:uuid:")
        assert line["source"].startswith(f"{wet}@")
        assert line["url"]
    [summary] = result.stderr.decode().splitlines()
    match = SUMMARY.match(summary)
    assert match, summary
    assert (match["articles"], match["skipped"]) == ("200", "150")


def test_any_site_keeps_the_pages_of_other_hosts(tmp_path: Path) -> None:
    records = crawlfiles.done_when_records(copies=2, other_hosts=6, not_html=3)
    warc = crawlfiles.write(tmp_path / "crawl.warc.gz", records)
    default = run_cli("clean", str(warc), "-f", "jsonl")
    any_site = run_cli("clean", str(warc), "-f", "jsonl", "--any-site")
    assert len(_lines(default.stdout)) == 8
    lines = _lines(any_site.stdout)
    assert len(lines) == 14
    assert sum(not is_dw_url(line["source"].split(" ", 1)[1]) for line in lines) == 6


def test_is_dw_url() -> None:
    for url in (
        "https://www.dw.com/de/a-1",
        "https://dw.com/",
        "http://p.dw.com/p/4boRv",
        "https://www.dw.de/x",
        "http://www.dw-world.de/dw/article/0,,1.html",
        "https://WWW.DW.COM./en/",
    ):
        assert is_dw_url(url), url
    for url in (
        "https://notdw.com/",
        "https://www.dw.com.example.net/",
        "https://example.org/dw.com/",
        "dw.com",
        "",
        "http://[broken",
    ):
        assert not is_dw_url(url), url


def _small(tmp_path: Path, name: str) -> Path:
    """A file of four page records: the corpus pages once each."""
    records = crawlfiles.done_when_records(copies=1, other_hosts=0, not_html=0)
    return crawlfiles.write(tmp_path / name, [r for r in records if r.kind == "response"])


def test_corrupt_gzip_member_is_reported_and_the_other_records_come_out(tmp_path: Path) -> None:
    warc = _small(tmp_path, "crawl.warc.gz")
    starts = sorted(_offsets(warc))
    data = bytearray(warc.read_bytes())
    middle = (starts[1] + starts[2]) // 2  # inside the second record's deflate data
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    warc.write_bytes(bytes(data))
    result = run_cli("clean", str(warc), "-f", "jsonl")
    assert result.returncode == 1
    sources = [line["source"] for line in _lines(result.stdout)]
    assert [int(s.split(" ")[0].rsplit("@", 1)[1]) for s in sources] == [
        starts[0],
        starts[2],
        starts[3],
    ]
    errors = result.stderr.decode().splitlines()
    assert errors[0].startswith(f"dwclean: {warc}@{starts[1]}: damaged record skipped (")
    assert "3 articles from" in errors[-1] and "1 damaged" in errors[-1]
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_truncated_file_gives_every_complete_record(tmp_path: Path, name: str) -> None:
    warc = _small(tmp_path, name)
    starts = sorted(_offsets(warc))
    data = warc.read_bytes()
    warc.write_bytes(data[: starts[3] + (len(data) - starts[3]) // 2])
    result = run_cli("clean", str(warc), "-f", "jsonl")
    assert result.returncode == 1
    assert len(_lines(result.stdout)) == 3
    stderr = result.stderr.decode()
    assert f"{warc}@{starts[3]}: damaged record skipped (cut off: " in stderr
    assert "Traceback" not in stderr


def test_wrong_content_length_does_not_swallow_the_records_after_it(tmp_path: Path) -> None:
    warc = _small(tmp_path, "crawl.warc")
    starts = sorted(_offsets(warc))
    data = warc.read_bytes()
    record = data[starts[1] : starts[2]]
    declared = re.search(rb"Content-Length: (\d+)", record)
    assert declared
    broken = record.replace(declared[0], b"Content-Length: " + declared[1] + b"0", 1)
    warc.write_bytes(data[: starts[1]] + broken + data[starts[2] :])
    result = run_cli("clean", str(warc), "-f", "jsonl")
    assert result.returncode == 1
    assert len(_lines(result.stdout)) == 3  # the broken one is lost, the two after it are not
    assert "damaged record skipped (cut off" in result.stderr.decode()
    # the same when the wrong length is over --max-bytes (the payload is skipped, not read)
    small = run_cli("clean", str(warc), "-f", "jsonl", "--max-bytes", "100000")
    assert small.returncode == 1
    assert len(_lines(small.stdout)) == 3  # the others are smaller than 100 kB
    assert "damaged record skipped (cut off" in small.stderr.decode()


def test_broken_record_header_is_skipped(tmp_path: Path) -> None:
    warc = _small(tmp_path, "crawl.warc")
    starts = sorted(_offsets(warc))
    data = bytearray(warc.read_bytes())
    data[starts[2] : starts[2] + 8] = b"GARBAGE!"
    warc.write_bytes(bytes(data))
    stats = CrawlStats()
    problems: list[str] = []
    articles = list(iter_crawl(str(warc), stats, on_problem=problems.append))
    assert len(articles) == 3
    assert stats.damaged == 1
    assert len(problems) == 1 and "Invalid WARC header" in problems[0]


def test_a_file_named_warc_that_is_no_warc_is_an_ordinary_input(tmp_path: Path) -> None:
    fake = tmp_path / "fake.warc"
    shutil.copyfile(FIXTURES / "bad" / "empty.txt", fake)
    result = run_cli("clean", str(fake), "-f", "jsonl")
    assert result.returncode == 4  # empty input, by content
    assert result.stderr.decode().count("\n") == 1


def test_crawl_and_ordinary_inputs_together_keep_their_order(tmp_path: Path) -> None:
    warc = _small(tmp_path, "crawl.warc.gz")
    dump = crawlfiles.corpus_pages()[0].dump_paths[0]
    result = run_cli("clean", str(dump), str(warc), str(dump), "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    sources = [line["source"] for line in _lines(result.stdout)]
    assert sources[0] == sources[-1] == str(dump)
    assert all(s.startswith(f"{warc}@") for s in sources[1:-1]) and len(sources) == 6


def test_output_file_and_json_array(tmp_path: Path) -> None:
    warc = _small(tmp_path, "crawl.warc.gz")
    target = tmp_path / "out.json"
    result = run_cli("clean", str(warc), "-f", "json", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    articles = json.loads(target.read_text(encoding="utf-8"))
    assert len(articles) == 4 and all(a["text"] for a in articles)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    markdown = run_cli("clean", str(warc), "-f", "markdown")
    assert markdown.stdout.decode().count("\n---\ntitle: ") == 3  # four documents


def test_captions_option_puts_caption_text_into_text(tmp_path: Path) -> None:
    warc = _small(tmp_path, "crawl.warc.gz")
    plain = _lines(run_cli("clean", str(warc), "-f", "jsonl").stdout)
    with_captions = _lines(run_cli("clean", str(warc), "-f", "jsonl", "--captions").stdout)
    assert any(b["kind"] == "caption" for a in plain for b in a["blocks"])
    for a, b in zip(plain, with_captions, strict=True):
        captions = [block["text"] for block in a["blocks"] if block["kind"] == "caption"]
        assert all(c not in a["text"] for c in captions)
        assert all(c in b["text"] for c in captions)


def _gz_lines(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _batch_report(path: Path) -> dict[str, dict[str, Any]]:
    return {r["input"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_batch_writes_one_jsonl_gz_per_crawl_file_and_resumes(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    records = crawlfiles.done_when_records(copies=2, other_hosts=4, not_html=2)
    crawlfiles.write(src / "a.warc.gz", records)
    crawlfiles.write(src / "sub" / "b.warc", records)
    crawlfiles.write(src / "c.wet.gz", crawlfiles.done_when_records(copies=1, wet=True))
    (src / "broken.warc.gz").write_bytes(b"not a warc")
    shutil.copyfile(crawlfiles.corpus_pages()[0].dump_paths[1], src / "page.txt")
    report = tmp_path / "report.jsonl"
    result = run_cli("batch", str(src), str(out), "-f", "jsonl", "-j", "2", "--report", str(report))
    assert result.returncode == 1, result.stderr  # the broken file
    by_input = _batch_report(report)
    assert by_input["a.warc.gz"]["records"]["articles"] == 8
    assert by_input["a.warc.gz"]["records"]["skipped"] == 6
    assert by_input["c.wet.gz"]["records"]["articles"] == 4
    assert by_input["broken.warc.gz"]["status"] == "failed"
    assert by_input["page.txt"]["status"] == "cleaned"
    for name, output in (
        ("a.warc.gz", "a.warc.gz.jsonl.gz"),
        ("sub/b.warc", "sub/b.warc.jsonl.gz"),
    ):
        assert by_input[name]["output"] == str(out / output)
        with gzip.open(out / output, "rt", encoding="utf-8") as handle:
            lines = [json.loads(line) for line in handle]
        assert len(lines) == 8 and all(line["text"] for line in lines)
    assert not (out / ".dwclean-tmp").exists()
    assert "a.warc.gz: 8 articles from 14 page records" in result.stderr.decode()

    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.gz")}
    (out / "sub" / "b.warc.jsonl.gz").unlink()
    again = run_cli("batch", str(src), str(out), "-f", "jsonl", "--report", str(report))
    assert again.returncode == 1
    by_input = _batch_report(report)
    assert by_input["a.warc.gz"]["status"] == "skipped"
    assert by_input["sub/b.warc"]["status"] == "cleaned"
    assert (out / "a.warc.gz.jsonl.gz").stat().st_mtime_ns == before[out / "a.warc.gz.jsonl.gz"]


def test_batch_jobs_1_and_2_give_the_same_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        crawlfiles.write(src / f"{i}.warc.gz", crawlfiles.done_when_records(1, 2, 2))
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert run_cli("batch", str(src), str(out), "-q", "-j", jobs).returncode == 0
        outputs.append({p.name: [line["text"] for line in _gz_lines(p)] for p in out.glob("*.gz")})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 3


def test_shards_hold_every_article_once_and_finished_shards_are_kept(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    names = []
    for n, page in enumerate(crawlfiles.corpus_pages()):
        for k in range(3):
            name = f"page{n}-{k}.txt"
            shutil.copyfile(page.dump_paths[k % len(page.dump_paths)], src / name)
            names.append(name)
    shutil.copyfile(FIXTURES / "bad" / "empty.txt", src / "zz-empty.txt")
    report = tmp_path / "report.jsonl"
    args = ("batch", str(src), str(out), "-f", "jsonl", "--shard-size", "5", "-j", "2")
    result = run_cli(*args, "--report", str(report))
    assert result.returncode == 1  # the empty input
    parts = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert parts == [f"part-0000{i}.jsonl.gz" for i in range(3)]  # 13 inputs, 5 per shard

    def sources() -> list[str]:
        found = []
        for part in sorted(out.glob("part-*.jsonl.gz")):
            with gzip.open(part, "rt", encoding="utf-8") as handle:
                found += [json.loads(line)["source"] for line in handle]
        return found

    assert sorted(sources()) == sorted(names)
    assert _batch_report(report)["zz-empty.txt"]["status"] == "failed"

    first = out / "part-00000.jsonl.gz"
    os.utime(first, (1, 1))  # a finished shard is never rewritten
    (out / "part-00001.jsonl.gz").unlink()  # as if the run had been killed before it
    again = run_cli(*args, "--report", str(report))
    assert again.returncode == 0  # the empty input is in a finished shard: not tried again
    assert first.stat().st_mtime == 1
    assert sorted(sources()) == sorted(names)
    statuses = {r["input"]: r["status"] for r in _batch_report(report).values()}
    assert sum(s == "skipped" for s in statuses.values()) == 5 + 3  # shards 0 and 2


def test_shard_size_needs_jsonl(tmp_path: Path) -> None:
    result = run_cli("batch", str(FIXTURES / "dumps"), str(tmp_path), "--shard-size", "10")
    assert result.returncode == 2
    assert result.stderr.decode() == "dwclean: --shard-size needs --format jsonl\n"


def test_interrupted_crawl_batch_leaves_no_partial_output_and_resumes(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(4):
        crawlfiles.write(src / f"{i}.warc.gz", crawlfiles.done_when_records(20, 10, 5))
    argv = [sys.executable, "-m", "dwclean", "batch", str(src), str(out), "-q", "-j", "2"]
    process = subprocess.Popen(argv, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while not (out / ".dwclean-tmp").exists() and time.monotonic() < deadline:
        time.sleep(0.01)  # the workers have begun writing
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 130:  # (on a very fast machine the batch may finish first)
        assert b"run the same command again" in stderr
    assert not (out / ".dwclean-tmp").exists()
    for done in out.glob("*.gz"):
        assert len(_gz_lines(done)) == 80  # complete, or not there at all
    assert run_cli("batch", str(src), str(out), "-q", "-j", "2").returncode == 0
    assert sorted(p.name for p in out.glob("*.gz")) == [f"{i}.warc.gz.jsonl.gz" for i in range(4)]
    assert all(len(_gz_lines(p)) == 80 for p in out.glob("*.gz"))


# --- Crawl files under the batch's worker model -----------------------------------------------

PATCHED = """
import os, signal, sys, time
import dwclean._crawl_batch as crawl_batch
real = crawl_batch.iter_crawl
def patched(path, *args, **kwargs):
    if "crash" in path:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    if "hang" in path:
        time.sleep(600)
    return real(path, *args, **kwargs)
crawl_batch.iter_crawl = patched
from dwclean.cli import main
sys.argv = ["dwclean", *sys.argv[1:]]
main()
"""


def _crawl_tree(src: Path, names: list[str]) -> None:
    src.mkdir(parents=True)
    for name in names:
        crawlfiles.write(src / name, crawlfiles.done_when_records(1, 2, 2))


def test_a_crawl_file_that_kills_its_worker_is_crashed_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "r"
    _crawl_tree(src, ["a.warc.gz", "crash.warc.gz", "z.warc.gz"])
    argv = [sys.executable, "-c", PATCHED, "batch", str(src), str(out), "-j", "2"]
    run = subprocess.run([*argv, "--report", str(report)], capture_output=True, timeout=120)
    statuses = _batch_report(report)
    assert statuses["crash.warc.gz"]["status"] == "crashed"
    assert "killed by signal 9" in statuses["crash.warc.gz"]["reason"]
    assert statuses["a.warc.gz"]["status"] == statuses["z.warc.gz"]["status"] == "cleaned"
    assert run.returncode == 1
    assert b"Traceback" not in run.stderr
    assert sorted(p.name for p in out.glob("*.gz")) == ["a.warc.gz.jsonl.gz", "z.warc.gz.jsonl.gz"]


def test_crawl_workers_die_with_their_parent(tmp_path: Path) -> None:
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc")
    src, out = tmp_path / "in", tmp_path / "out"
    _crawl_tree(src, ["hang1.warc.gz", "hang2.warc.gz"])
    argv = [sys.executable, "-c", PATCHED, "batch", str(src), str(out), "-j", "2", "-q"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_parent_and_wait_for_workers(proc)


def test_a_changed_crawl_file_is_cleaned_again(tmp_path: Path) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "r"
    _crawl_tree(src, ["a.warc.gz"])
    assert run_cli("batch", str(src), str(out), "-q").returncode == 0
    output = out / "a.warc.gz.jsonl.gz"
    assert output.stat().st_mtime_ns == (src / "a.warc.gz").stat().st_mtime_ns  # stamped
    os.utime(src / "a.warc.gz", (1, 1))  # changed, even to a time older than its output
    assert run_cli("batch", str(src), str(out), "-q", "--report", str(report)).returncode == 0
    assert _batch_report(report)["a.warc.gz"]["status"] == "cleaned"
    assert output.stat().st_mtime_ns == 1_000_000_000


def test_a_shard_whose_input_changed_is_redone(tmp_path: Path) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "r"
    src.mkdir()
    dump = crawlfiles.corpus_pages()[0].dump_paths[0]
    for i in range(4):
        shutil.copyfile(dump, src / f"p{i}.txt")
    args = ("batch", str(src), str(out), "-f", "jsonl", "--shard-size", "2", "-q")
    assert run_cli(*args).returncode == 0
    assert (out / ".dwclean-shards" / "part-00001.json").is_file()
    os.utime(src / "p3.txt", (1, 1))
    assert run_cli(*args, "--report", str(report)).returncode == 0
    statuses = {name: r["status"] for name, r in _batch_report(report).items()}
    assert statuses == {
        "p0.txt": "skipped",
        "p1.txt": "skipped",
        "p2.txt": "cleaned",
        "p3.txt": "cleaned",
    }


def test_crawl_output_to_a_fifo_or_device_is_written_through(tmp_path: Path) -> None:
    crawl = tmp_path / "c.warc.gz"
    crawlfiles.write(crawl, crawlfiles.done_when_records(1, 2, 2))
    fake_null = tmp_path / "null-link"
    fake_null.symlink_to("/dev/null")
    result = run_cli("clean", str(crawl), "-f", "jsonl", "-o", str(fake_null))
    assert result.returncode == 0, result.stderr
    assert fake_null.is_symlink() and os.readlink(fake_null) == "/dev/null"
    target = tmp_path / "out.jsonl"
    target.write_text("old")
    os.chmod(target, 0o640)
    assert run_cli("clean", str(crawl), "-f", "jsonl", "-o", str(target)).returncode == 0
    assert (target.stat().st_mode & 0o777) == 0o640
    assert len(target.read_text().splitlines()) == 4


def test_crawl_output_is_kept_when_every_input_fails(tmp_path: Path) -> None:
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(gzip.compress(b"WARC/1.0\r\n") + b"not gzip at all")
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    result = run_cli("clean", str(broken), str(tmp_path / "missing.txt"), "-o", str(target))
    assert result.returncode != 0
    assert target.read_text() == "old\n"
    assert b"Traceback" not in result.stderr
