"""The batch command and shell use, driven as a user would: real subprocesses, real signals."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import FIXTURES, run_cli

DUMPS = sorted((FIXTURES / "dumps").glob("*.txt"))


def _page_type(dump: Path) -> str:
    expected = json.loads(dump.with_name(dump.stem + ".expected.json").read_text(encoding="utf-8"))
    return str(expected.get("page_type", "article"))


# Index pages (section fronts) hold no article: `no-article` by design, not a batch failure.
INDEX_DUMPS = [d for d in DUMPS if _page_type(d) == "index"]
ARTICLE_DUMPS = [d for d in DUMPS if d not in INDEX_DUMPS]


def _make_tree(root: Path, copies: int, dumps: list[Path] = DUMPS) -> None:
    """A folder of many good dumps (nested) and the bad inputs."""
    for i in range(copies):
        for dump in dumps:
            target = root / f"part{i % 7}" / f"{dump.stem}-{i}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(dump, target)
    shutil.copytree(FIXTURES / "bad", root / "bad")


def _outputs(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _batch(*args: str) -> list[str]:
    return [sys.executable, "-m", "dwclean", "batch", *args]


def test_pipeline_through_stdin_and_jsonl() -> None:
    cat = subprocess.Popen(["cat", str(DUMPS[0])], stdout=subprocess.PIPE)
    clean = subprocess.run(
        [sys.executable, "-m", "dwclean", "clean", "-", "--format", "jsonl"],
        stdin=cat.stdout,
        capture_output=True,
        check=False,
    )
    cat.wait()
    assert clean.returncode == 0
    [line] = clean.stdout.decode().splitlines()
    assert json.loads(line)["title"]


def test_files_from_with_nul_separators(tmp_path: Path) -> None:
    listing = b"\0".join(str(p).encode() for p in DUMPS[:3]) + b"\0"
    result = run_cli("clean", "--files-from", "-", "-0", "--format", "jsonl", stdin=listing)
    assert result.returncode == 0
    assert len(result.stdout.decode().splitlines()) == 3


def test_batch_over_mixed_folder(tmp_path: Path) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "report.jsonl"
    _make_tree(src, copies=1)
    result = subprocess.run(
        _batch(
            str(src),
            str(out),
            "--format",
            "json",
            "--jobs",
            "2",
            "--report",
            str(report),
            "--include",
            "*.txt",
            "--include",
            "*.gz",
            "--include",
            "*.pdf",
            "--include",
            "*.png",
        ),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1  # some inputs are bad
    records = [json.loads(line) for line in report.read_text().splitlines()]
    by_input = {r["input"]: r for r in records}
    assert len(records) == len(DUMPS) + len(list((FIXTURES / "bad").iterdir()))
    assert by_input["bad/empty.txt"]["status"] == "failed"
    assert by_input["bad/empty.txt"]["reason"] == "empty input"
    assert by_input["bad/not-dw-shopping-list.txt"]["status"] == "no-article"
    for dump in INDEX_DUMPS:
        assert by_input[f"part0/{dump.stem}-0.txt"]["status"] == "no-article"
    cleaned = [r for r in records if r["status"] == "cleaned"]
    assert len(cleaned) == len(ARTICLE_DUMPS) + 1  # the recipe is cleaned, with a warning
    for r in cleaned:
        assert json.loads(Path(r["output"]).read_text())["blocks"]
    assert (out / "part0" / f"{DUMPS[0].stem}-0.txt.json").is_file()  # the naming scheme
    assert not (out / ".dwclean-tmp").exists()
    assert b"cleaned" in result.stderr  # the summary

    again = subprocess.run(
        _batch(str(src), str(out), "--format", "json", "--quiet", "--include", "*.txt"),
        capture_output=True,
        check=False,
    )
    assert again.returncode == 1
    assert b"skipped" not in again.stderr  # --quiet: no summary


def test_many_inputs_with_two_jobs_give_one_record_each(tmp_path: Path) -> None:
    """No record is lost or doubled however the inputs are spread over workers and chunks."""
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "report.jsonl"
    _make_tree(src, copies=12)
    inputs = sorted(p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file())
    result = subprocess.run(
        _batch(str(src), str(out), "-f", "json", "-j", "2", "-q", "--report", str(report)),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1  # the bad inputs and the index pages
    records = [json.loads(line) for line in report.read_text().splitlines()]
    assert sorted(r["input"] for r in records) == inputs
    no_article = sum(r["status"] == "no-article" for r in records)
    assert no_article == 12 * len(INDEX_DUMPS) + 1  # and the shopping list


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_batch_resumes_to_the_same_result(tmp_path: Path, sig: signal.Signals) -> None:
    src = tmp_path / "in"
    _make_tree(src, copies=25, dumps=ARTICLE_DUMPS)  # every input cleaned: exit 0
    shutil.rmtree(src / "bad")
    reference, out = tmp_path / "reference", tmp_path / "out"
    subprocess.run(_batch(str(src), str(reference), "-f", "json", "-j", "2", "-q"), check=True)

    process = subprocess.Popen(
        _batch(str(src), str(out), "-f", "json", "-j", "2", "-q"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a signal for the group, as a terminal's Ctrl-C would send
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done = sum(1 for p in out.rglob("*.json")) if out.exists() else 0
        if done >= 40:
            break
        time.sleep(0.02)
    os.killpg(process.pid, sig)
    _, stderr = process.communicate(timeout=60)
    partial = _outputs(out)
    if sig == signal.SIGINT:
        assert process.returncode == 130
        said = int(stderr.split(b"interrupted after ")[1].split()[0])
        written = len([k for k in partial if not k.startswith(".dwclean-tmp")])
        assert said == written  # the count said is the outputs that exist
    assert (
        0 < len([k for k in partial if not k.startswith(".dwclean-tmp")]) < len(_outputs(reference))
    )
    for name, data in partial.items():
        if not name.startswith(".dwclean-tmp"):
            json.loads(data)  # every output that exists is complete

    rerun = subprocess.run(
        _batch(str(src), str(out), "-f", "json", "-j", "2", "-q"), capture_output=True, check=False
    )
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert _outputs(out) == _outputs(reference)


def _statuses(report: Path) -> dict[str, dict[str, str]]:
    records = [json.loads(line) for line in report.read_text().splitlines()]
    return {r["input"]: r for r in records}


def test_size_limit_reports_without_reading(tmp_path: Path) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "report.jsonl"
    src.mkdir()
    text = DUMPS[0].read_text(encoding="utf-8")
    (src / "huge.txt").write_text(text * 50, encoding="utf-8")
    (src / "fine.txt").write_text(text, encoding="utf-8")
    limit = str(len(text.encode()) * 2)
    result = subprocess.run(
        _batch(
            str(src),
            str(out),
            "-f",
            "json",
            "-j",
            "1",
            "--report",
            str(report),
            "--max-bytes",
            limit,
        ),
        capture_output=True,
        check=False,
    )
    statuses = _statuses(report)
    assert result.returncode == 1
    assert statuses["fine.txt"]["status"] == "cleaned"
    assert statuses["huge.txt"]["status"] == "failed"
    assert "larger than the limit" in statuses["huge.txt"]["reason"]
    assert not (out / "huge.json").exists()


def test_time_limit_stops_one_input_not_the_batch(tmp_path: Path) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "report.jsonl"
    src.mkdir()
    text = DUMPS[0].read_text(encoding="utf-8")
    (src / "slow.txt").write_text(text * 200, encoding="utf-8")  # takes far longer than 5 ms
    result = subprocess.run(
        _batch(
            str(src),
            str(out),
            "-f",
            "json",
            "-j",
            "2",
            "--report",
            str(report),
            "--time-limit",
            "0.005",
        ),
        capture_output=True,
        check=False,
    )
    statuses = _statuses(report)
    assert result.returncode == 1
    assert statuses["slow.txt"]["status"] == "timeout"
    assert not (out / "slow.json").exists()


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the time limit uses SIGALRM")
def test_the_time_limit_is_not_swallowed_by_a_fallback_on_the_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The alarm may fire inside code that falls back on any Exception (a rules cache entry
    compiled anew): the input must still time out, not come out cleaned late."""
    from dwclean import _batch

    real_clean_file = _batch.clean_file

    def slow_clean_file(path: str, **kwargs: object) -> object:
        with contextlib.suppress(Exception):  # a fallback of the kind the pipeline has
            time.sleep(0.5)  # the alarm goes off in here
        return real_clean_file(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_batch, "clean_file", slow_clean_file)
    options = _batch.BatchOptions(time_limit=0.05)
    record = _batch.clean_input(str(DUMPS[0]), DUMPS[0].name, options, lambda *_: None)
    assert record["status"] == "timeout"


def test_an_interruption_waits_until_a_taken_record_is_counted() -> None:
    """Ctrl-C while the parent holds a worker's record (taken off the pipe, not yet counted)
    must not lose it: the interruption comes after the record is counted, so "interrupted
    after N inputs" is the outputs that exist."""
    from dwclean._workers import _interruptions_deferred

    steps: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        with _interruptions_deferred():
            os.kill(os.getpid(), signal.SIGINT)  # arrives while the record is in hand
            time.sleep(0.05)
            steps.append("counted")
        steps.append("after")  # never reached: the interruption comes right after the block
    assert steps == ["counted"]
