"""The real command line, driven in subprocesses: formats, stdin, several inputs, -o."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import SEED, contract_view, needs_shared, read_terminal, run_cli

ROOT = Path(__file__).resolve().parent.parent


def _seed_bytes() -> bytes:
    return (SEED / "seed.txt").read_bytes()


@needs_shared
def test_stdin_dash_and_no_argument_are_the_same() -> None:
    dash = run_cli("clean", "-", "--format", "json", stdin=_seed_bytes())
    bare = run_cli("clean", "--format", "json", stdin=_seed_bytes())
    assert dash.returncode == bare.returncode == 0
    assert dash.stdout == bare.stdout
    assert json.loads(dash.stdout)["title"].startswith("Bush, Putin")


@needs_shared
def test_json_has_exactly_the_contract_fields_first() -> None:
    result = run_cli("clean", str(SEED / "seed.txt"), "--format", "json")
    article = json.loads(result.stdout)
    assert list(article)[:6] == ["title", "date", "section", "language", "url", "blocks"]
    assert all(set(b) == {"kind", "text", "credit"} for b in article["blocks"])


@needs_shared
def test_several_inputs_give_json_lines(tmp_path: Path) -> None:
    second = tmp_path / "copy.txt"
    second.write_bytes(_seed_bytes())
    result = run_cli("clean", str(SEED / "seed.txt"), str(second), "--format", "jsonl")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0
    assert len(lines) == 2
    assert contract_view(json.loads(lines[0])) == contract_view(json.loads(lines[1]))


@needs_shared
def test_several_inputs_with_json_give_an_array() -> None:
    result = run_cli("clean", str(SEED / "seed.txt"), str(SEED / "seed.txt"), "--format", "json")
    assert [a["title"] for a in json.loads(result.stdout)] == [
        "Bush, Putin Still at Odds Over US Missile Defense Plans"
    ] * 2


@needs_shared
def test_partial_failure_writes_the_good_ones_and_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("clean", str(SEED / "seed.txt"), str(empty), "--format", "jsonl")
    assert result.returncode == 1
    assert len(result.stdout.decode().splitlines()) == 1
    assert b"empty input" in result.stderr


@needs_shared
def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "article.md"
    result = run_cli("clean", str(SEED / "seed.txt"), "-o", str(out))
    assert result.returncode == 0
    assert result.stdout == b""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ")
    assert "\n# Bush, Putin Still at Odds Over US Missile Defense Plans\n" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.md"]


@needs_shared
def test_explain_lists_removed_lines_with_rules() -> None:
    result = run_cli("clean", str(SEED / "seed.txt"), "--format", "json", "--explain")
    removed = json.loads(result.stdout)["removed"]
    rules = {r["text"]: r["rule"] for r in removed}
    assert rules["DW recommends"].startswith("after the article")
    assert rules["Choose from 30 Languages"] == "DW furniture"
    kept = {b["text"] for b in json.loads(result.stdout)["blocks"]}
    assert not kept & set(rules)  # nothing is both kept and removed


def test_usage_errors_exit_2() -> None:
    assert run_cli("clean", "--format", "yaml", "x").returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_version_and_help() -> None:
    version = run_cli("--version")
    assert version.returncode == 0
    assert version.stdout.decode().startswith("dwclean ")
    helptext = run_cli("--help").stdout.decode()
    assert "Exit codes" in helptext and "clean" in helptext


def test_python_dash_m_runs_the_same_command() -> None:
    assert run_cli("clean", "--help").returncode == 0


@needs_shared
def test_unwritable_output_is_a_clean_error(tmp_path: Path) -> None:
    result = run_cli("clean", str(SEED / "seed.txt"), "-o", str(tmp_path / "missing" / "out.md"))
    assert result.returncode == 3
    assert b"cannot write" in result.stderr and b"Traceback" not in result.stderr


# --- Exit codes, messages and outputs (issues 9 and 12) --------------------------------------

DUMP = ROOT / "fixtures" / "dumps" / "en-old-seedstyle.txt"
BAD = ROOT / "fixtures" / "bad"


def _run_patched(code: str, *args: str, stdin: bytes | None = None) -> Any:
    import subprocess
    import sys

    main = "import sys\nfrom dwclean.cli import main\nsys.argv = ['dwclean', *sys.argv[1:]]\n"
    script = code + "\n" + main + "main()\n"
    return subprocess.run(
        [sys.executable, "-c", script, *args], input=stdin, capture_output=True, timeout=60
    )


def test_every_documented_exit_code_through_the_real_cli(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    assert run_cli("clean", str(DUMP)).returncode == 0
    assert run_cli("clean", str(DUMP), str(BAD / "empty.txt")).returncode == 1
    assert run_cli("clean", "--format", "yaml").returncode == 2
    assert run_cli("clean", str(tmp_path / "missing.txt")).returncode == 3
    assert run_cli("clean", str(BAD / "image.png")).returncode == 4
    assert run_cli("clean", str(BAD / "not-dw-shopping-list.txt")).returncode == 5
    assert run_cli("clean", "http://127.0.0.1:9/x", "--retries", "0").returncode == 6
    bug = _run_patched(
        "import dwclean._api as api\n"
        "def boom(*a, **k):\n    raise RuntimeError('a bug')\n"
        "api.clean_file = boom",
        "clean",
        str(DUMP),
    )
    assert bug.returncode == 70
    assert bug.stderr == b"dwclean: internal error: RuntimeError: a bug\n"
    waiting = subprocess.Popen(
        [sys.executable, "-m", "dwclean", "clean", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    import time

    time.sleep(1.0)  # let it start reading standard input
    waiting.send_signal(signal.SIGINT)
    _, err = waiting.communicate(timeout=30)
    assert waiting.returncode == 130, err
    assert b"Traceback" not in err


def test_user_errors_get_their_code_not_70(tmp_path: Path) -> None:
    listing = f"{DUMP}\0{DUMP}\0".encode()
    nul = run_cli("clean", "--files-from", "-", stdin=listing)
    assert nul.returncode == 2 and b"add -0" in nul.stderr
    a_file = tmp_path / "file"
    a_file.write_text("x")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(DUMP.read_bytes())
    out_is_file = run_cli("batch", str(src), str(a_file))
    assert out_is_file.returncode == 3 and b"not a folder" in out_is_file.stderr
    bad_report = run_cli("batch", str(src), str(tmp_path / "out"), "--report", str(tmp_path))
    assert bad_report.returncode == 3 and b"cannot write the report" in bad_report.stderr
    full_report = run_cli("batch", str(src), str(tmp_path / "out2"), "--report", "/dev/full")
    assert full_report.returncode == 3 and b"No space left" in full_report.stderr
    raw_is_file = run_cli("clean", "http://127.0.0.1:9/x", "--save-raw", str(a_file))
    assert raw_is_file.returncode == 3 and b"needs a folder" in raw_is_file.stderr
    with open("/dev/full", "wb") as full:
        import subprocess
        import sys

        result = subprocess.run(
            [sys.executable, "-m", "dwclean", "clean", str(DUMP)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert result.returncode == 3 and b"No space left on device" in result.stderr
    for bad in (nul, out_is_file, bad_report, raw_is_file, result):
        assert len(bad.stderr.splitlines()) == 1 and b"Traceback" not in bad.stderr


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_output_file_modes_links_and_special_files(tmp_path: Path) -> None:
    import os
    import stat
    import threading

    new = tmp_path / "new.md"
    assert run_cli("clean", str(DUMP), "-o", str(new)).returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~_umask()
    kept = tmp_path / "kept.md"
    kept.write_text("old")
    kept.chmod(0o640)
    twin = tmp_path / "twin.md"
    os.link(kept, twin)
    assert run_cli("clean", str(DUMP), "-o", str(kept)).returncode == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert twin.read_text() == kept.read_text() != "old"  # the hard link still shares it
    link = tmp_path / "link.md"
    target = tmp_path / "target.md"
    target.write_text("old")
    link.symlink_to(target)
    assert run_cli("clean", str(DUMP), "-o", str(link)).returncode == 0
    assert link.is_symlink() and target.read_text().startswith("---")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run_cli("clean", str(DUMP), "-o", str(fifo)).returncode == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and received[0].startswith(b"---")
    if os.geteuid() == 0:
        fake_null = tmp_path / "fake_null"
        os.mknod(fake_null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        assert run_cli("clean", str(DUMP), "-o", str(fake_null)).returncode == 0
        assert stat.S_ISCHR(fake_null.stat().st_mode)  # still /dev/null's twin, not a file


def test_small_things_a_new_user_meets(tmp_path: Path) -> None:
    assert run_cli("-h").returncode == 0 and b"Exit codes" in run_cli("-h").stdout
    assert run_cli("clean", "-h").returncode == 0
    md = run_cli("clean", str(DUMP), "-f", "md").stdout
    assert md == run_cli("clean", str(DUMP), "-f", "markdown").stdout
    empty_stdin = run_cli("clean", stdin=b"")
    assert empty_stdin.stderr == b"dwclean: <stdin>: empty input\n"
    no_article = run_cli("explain", str(BAD / "not-dw-shopping-list.txt"))
    assert no_article.returncode == 5
    assert no_article.stderr.startswith(f"dwclean: {BAD / 'not-dw-shopping-list.txt'}: ".encode())


def test_empty_lists_mean_no_inputs_not_stdin(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for option in ("--files-from", "--urls-from"):
        result = run_cli("clean", option, str(empty), stdin=DUMP.read_bytes())
        assert result.returncode == 0 and result.stdout == b"" and result.stderr == b""


def test_several_inputs_carry_their_source_and_text_is_separated(tmp_path: Path) -> None:
    second = tmp_path / "b.txt"
    second.write_bytes(DUMP.read_bytes())
    lines = run_cli("clean", str(DUMP), str(second), "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(DUMP), str(second)]
    text = run_cli("clean", str(DUMP), str(second), "-f", "text").stdout.decode()
    documents = text.split("\n\n\f\n\n")
    assert (
        len(documents) == 2
        and documents[0].strip()
        and documents[1].startswith(json.loads(lines[0])["title"])
    )


def test_failed_inputs_are_named_on_a_terminal_and_numbers_agree(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"good{i}.txt").write_bytes(DUMP.read_bytes())
    (src / "broken.txt").write_bytes(b"")
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "120"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dwclean", "batch", str(src), str(tmp_path / "out"), "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    screen = read_terminal(master)
    proc.wait(timeout=60)
    text = screen.decode("utf-8", "replace")
    assert proc.returncode == 1
    assert "broken.txt: failed: empty input" in text
    assert "done: 6 inputs: 5 cleaned, 0 skipped, 1 failed" in text


def test_every_option_the_readme_mentions_exists() -> None:
    import re

    from typer.main import get_command

    from dwclean.cli import app

    group = get_command(app)
    known = {"--help", "--version"}
    for command in group.commands.values():  # type: ignore[attr-defined]
        for param in command.params:
            known.update(param.opts)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = readme.split("## Using it", 1)[1].split("## Python API", 1)[0]
    mentioned = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", usage))
    assert mentioned <= known, mentioned - known
    for command in re.findall(r"`dwclean (\w+)", usage):
        assert command in group.commands or command == "clean", command  # type: ignore[attr-defined]


def test_explain_on_html_gives_source_lines_in_order() -> None:
    page = ROOT / "fixtures" / "html" / "en-modern-two-authors.html"
    for result in (run_cli("explain", str(page)), run_cli("explain", "-", stdin=page.read_bytes())):
        assert result.returncode == 0, result.stderr
        rows = [line.split("\t") for line in result.stdout.decode().splitlines()]
        lines = [int(row[0]) for row in rows if row[0] != "-"]
        assert len(lines) >= 0.9 * len(rows)  # nearly every piece is found in the source
        assert lines == sorted(lines) and min(lines) > 1
        source_lines = page.read_text(encoding="utf-8").splitlines()
        subhead = next(row for row in rows if row[2] == "subhead")
        assert subhead[3] in source_lines[int(subhead[0]) - 1]


def test_progress_rate_is_completed_over_elapsed() -> None:
    from dwclean.cli import _progress

    progress = _progress()
    task_id = progress.add_task("cleaning", total=148)
    task = progress.tasks[0]
    task.start_time = progress.get_time() - 2.0  # two seconds ago
    progress.update(task_id, completed=148)
    rate = next(c for c in progress.columns if type(c).__name__ == "_Rate")
    shown = str(rate.render(task))  # type: ignore[union-attr]
    assert shown in ("74 files/s", "73 files/s")  # 148 in 2 s, whatever rich's speed window says
