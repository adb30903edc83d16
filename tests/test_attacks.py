"""The attack list of issues 9 and 12, run through the real CLI, each bounded in time.

Every attack records its outcome, wall time and the peak resident memory of the process tree
(the largest process, from wait4); `DWCLEAN_ATTACK_TABLE=FILE pytest tests/test_attacks.py`
writes them as a Markdown table. Deadlines are generous (no timing assertions beyond "ends").
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import FIXTURES, kill_parent_and_wait_for_workers, local_server, read_terminal
from .test_fetch import Hostile

DUMP = FIXTURES / "dumps" / "en-old-seedstyle.txt"
DUMP_DE = FIXTURES / "dumps" / "de-old-lynx.txt"
ROWS: list[tuple[str, str, float, float]] = []


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: bytes
    seconds: float
    peak_mib: float


# A small process between pytest and the command: a child forked from pytest would report
# pytest's own memory as its peak (fork and vfork carry the parent's resident pages).
WRAPPER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as handle:
    handle.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def measured(
    argv: list[str],
    *,
    stdin: bytes | None = None,
    timeout: float = 60,
    cwd: Path | None = None,
    stdout_tty: bool = False,
) -> Run:
    """Run a command; its exit code, output, wall time and peak RSS (largest process)."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    master = slave = -1
    if stdout_tty:
        master, slave = pty.openpty()
    started = time.monotonic()
    handle, peak_file = tempfile.mkstemp(prefix="dwclean-peak-")
    os.close(handle)
    proc = subprocess.Popen(
        [sys.executable, "-c", WRAPPER, peak_file, *argv],
        start_new_session=True,  # a timeout kills the whole group
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=slave if stdout_tty else subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
    )
    chunks: dict[str, bytes] = {}

    def read(name: str, stream: object) -> None:
        chunks[name] = stream.read()  # type: ignore[attr-defined]

    readers = [threading.Thread(target=read, args=("err", proc.stderr))]
    if stdout_tty:
        os.close(slave)
        readers.append(threading.Thread(target=_read_pty, args=(master, chunks)))
    else:
        readers.append(threading.Thread(target=read, args=("out", proc.stdout)))
    for reader in readers:
        reader.start()
    if stdin is not None and proc.stdin is not None:
        with contextlib.suppress(BrokenPipeError):  # it may stop reading, as it should
            proc.stdin.write(stdin)
            proc.stdin.close()
    killer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
    killer.start()
    proc.wait()
    killer.cancel()
    seconds = time.monotonic() - started
    for reader in readers:
        reader.join(timeout=10)
    peak = Path(peak_file).read_text() or "0"
    os.unlink(peak_file)
    out, err = chunks.get("out", b""), chunks.get("err", b"")
    return Run(proc.returncode, out, err, seconds, int(peak) / 1024)


def _read_pty(master: int, chunks: dict[str, bytes]) -> None:
    chunks["out"] = read_terminal(master)
    os.close(master)


def dwclean(*args: str) -> list[str]:
    return [sys.executable, "-m", "dwclean", *args]


def record(attack: str, result: str, run: Run) -> None:
    ROWS.append((attack, result, run.seconds, run.peak_mib))


@pytest.fixture(scope="module", autouse=True)
def table() -> Iterator[None]:
    yield
    target = os.environ.get("DWCLEAN_ATTACK_TABLE")
    if target:
        lines = ["| attack | result | time (s) | peak MiB |", "|---|---|---|---|"]
        lines += [f"| {a} | {r} | {s:.2f} | {m:.0f} |" for a, r, s, m in ROWS]
        Path(target).write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- Hostile inputs to `clean` -----------------------------------------------------------------


def test_gzip_bomb(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as packed:  # streamed: this process stays small
        block = b"a" * 1_000_000
        for _ in range(200):
            packed.write(block)
    run = measured(dwclean("clean", str(bomb), "--max-bytes", "5000000"))
    assert run.returncode == 4 and b"unpacks to more than" in run.stderr
    assert run.peak_mib < 150  # bounded by --max-bytes, not by the 200 MB inside
    record("gzip bomb (200 KB → 200 MB, --max-bytes 5 MB)", "exit 4, stops at the limit", run)


def test_nested_and_multi_member_gzip(tmp_path: Path) -> None:
    data = DUMP.read_bytes()
    nested = tmp_path / "nested.gz"
    nested.write_bytes(gzip.compress(gzip.compress(data)))
    members = tmp_path / "members.gz"
    members.write_bytes(gzip.compress(data[:2000]) + gzip.compress(data[2000:]))
    plain = measured(dwclean("clean", str(DUMP), "-f", "json"))
    for path, name in ((nested, "nested gzip"), (members, "multi-member gzip")):
        run = measured(dwclean("clean", str(path), "-f", "json"))
        assert run.returncode == 0
        assert json.loads(run.stdout)["blocks"] == json.loads(plain.stdout)["blocks"]
        record(name, "exit 0, whole text", run)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices(device: str) -> None:
    run = measured(dwclean("clean", device), timeout=30)
    assert run.returncode == 4 and b"a device, not a file" in run.stderr
    record(f"{device} as input", "exit 4, refused before reading", run)


def test_directory_as_input(tmp_path: Path) -> None:
    run = measured(dwclean("clean", str(tmp_path)))
    assert run.returncode == 3 and b"is a directory" in run.stderr
    record("a directory as input", "exit 3", run)


def _odd_names(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    names = [b"new\nline.txt", b"-leading-dash.txt", b"bad-\xff-utf8.txt"]
    paths = [Path(os.fsdecode(folder)) / os.fsdecode(n) for n in names]
    for path in paths:
        path.write_bytes(DUMP.read_bytes())
    return paths


def test_odd_file_names(tmp_path: Path) -> None:
    paths = _odd_names(tmp_path / "in")
    run = measured(dwclean("clean", "-f", "jsonl", "--", *map(str, paths)))
    assert run.returncode == 0, run.stderr
    sources = [json.loads(line)["source"] for line in run.stdout.splitlines()]
    assert sources == [str(p) for p in paths]  # surrogates survive as JSON escapes
    out = tmp_path / "out"
    batch = measured(dwclean("batch", str(tmp_path / "in"), str(out), "-q"))
    assert batch.returncode == 0, batch.stderr
    assert sorted(os.listdir(out)) == sorted(p.name + ".md" for p in paths)
    record("file names with newline, leading dash, invalid UTF-8", "cleaned, same names", batch)


def test_escape_sequences_in_names_never_reach_stderr_raw(tmp_path: Path) -> None:
    evil = tmp_path / "\x1b[31mred\x1b]0;title\x07\nforged line.txt"
    evil.write_bytes(b"")
    run = measured(dwclean("clean", str(evil)))
    assert run.returncode == 4
    assert b"\x1b" not in run.stderr and b"\x07" not in run.stderr
    assert len(run.stderr.decode().strip().splitlines()) == 1  # no forged second line
    record("ESC/newline in a file name (log forging)", "exit 4, spelled out, one line", run)


def _hostile_dump(tmp_path: Path) -> Path:
    text = DUMP.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    index = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    paragraphs[index] += " \x1b]0;pwned\x07\x1b[2J\u202eevil [/] [sic] [blink red]x[/blink red]"
    path = tmp_path / "hostile.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_terminal_escapes_in_text(tmp_path: Path) -> None:
    path = _hostile_dump(tmp_path)
    for fmt in ("markdown", "text"):
        run = measured(dwclean("clean", str(path), "-f", fmt), stdout_tty=True)
        assert run.returncode == 0
        assert b"\x1b" not in run.stdout and "\u202e".encode() not in run.stdout
        assert b"\\x1b]0;pwned" in run.stdout
    record("ANSI/OSC/bidi in page text, to a terminal", "exit 0, spelled out", run)
    piped = measured(dwclean("clean", str(path), "-f", "json"))
    assert "\x1b]0;pwned" in json.loads(piped.stdout)["text"]  # intact in JSON, escaped


def test_rich_markup_in_explain_on_a_terminal(tmp_path: Path) -> None:
    path = _hostile_dump(tmp_path)
    run = measured(dwclean("explain", str(path)), stdout_tty=True)
    assert run.returncode == 0, run.stderr
    screen = run.stdout.decode("utf-8", "replace")
    assert "[sic]" in screen and "[blink red]" in screen and "\x1b[5m" not in screen
    record("rich markup ([/], [sic], [blink red]) in explain", "exit 0, shown as text", run)


def test_stray_byte_and_lying_charset(tmp_path: Path) -> None:
    text = DUMP_DE.read_bytes()
    stray = tmp_path / "stray.txt"
    stray.write_bytes(text[:3000] + b"\xff" + text[3000:])
    run = measured(dwclean("clean", str(stray), "-f", "json"))
    reference = json.loads(measured(dwclean("clean", str(DUMP_DE), "-f", "json")).stdout)
    assert run.returncode == 0 and json.loads(run.stdout)["title"] == reference["title"]
    assert b"invalid UTF-8" in run.stderr
    record("one stray \\xff in a UTF-8 dump", "exit 0, UTF-8 kept, warned", run)
    lying = tmp_path / "lying.html"
    body = "".join(f"<p>{line}</p>" for line in DUMP.read_text().splitlines() if line.strip())
    lying.write_text(
        '<html><head><meta charset="utf-16"><meta property="og:type" content="article">'
        f"</head><body>{body}</body></html>"
    )
    run = measured(dwclean("clean", str(lying), "-f", "json"))
    assert run.returncode == 0 and "Rhine" in json.loads(run.stdout)["text"]
    record('<meta charset="utf-16"> on ASCII', "exit 0, declaration ignored", run)


def test_stdout_on_dev_full() -> None:
    script = (
        "import os, subprocess, sys\n"
        "with open('/dev/full', 'wb') as full:\n"
        "    sys.exit(subprocess.run(sys.argv[1:], stdout=full).returncode)\n"
    )
    run = measured([sys.executable, "-c", script, *dwclean("clean", str(DUMP))])
    assert run.returncode == 3 and b"No space left on device" in run.stderr
    record("stdout on /dev/full", "exit 3, one line", run)


def test_endless_name_lists() -> None:
    for option in ("--urls-from", "--files-from"):
        run = measured(dwclean("clean", option, "/dev/zero"), timeout=30)
        assert run.returncode == 4 and b"a device" in run.stderr
    record("--urls-from /dev/zero", "exit 4, refused before reading", run)
    endless = measured(dwclean("clean", "--urls-from", "-"), stdin=b"x" * 140_000_000)
    assert endless.returncode == 4 and b"larger than the limit" in endless.stderr
    record("--urls-from - fed 140 MB without a newline", "exit 4 at 128 MiB", endless)


# --- Hostile trees for `batch` -----------------------------------------------------------------


def test_colliding_names_all_kept(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copyfile(DUMP, src / "story.txt")
    shutil.copyfile(DUMP_DE, src / "story")
    (src / "story.txt.gz").write_bytes(gzip.compress(DUMP_DE.read_bytes()))
    run = measured(dwclean("batch", str(src), str(out), "-q"))
    assert run.returncode == 0
    assert sorted(os.listdir(out)) == ["story.md", "story.txt.gz.md", "story.txt.md"]
    measured(dwclean("batch", str(src), str(out), "--report", str(tmp_path / "r")))
    statuses = [json.loads(line)["status"] for line in (tmp_path / "r").read_text().splitlines()]
    assert statuses == ["skipped"] * 3  # resume still works
    record("colliding outputs (story, story.txt, story.txt.gz)", "3 outputs, resumable", run)


def test_out_dir_inside_and_equal_to_in_dir(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        shutil.copyfile(DUMP, src / f"d{i}.txt")
    inside = src / "out"
    for _ in range(2):
        run = measured(dwclean("batch", str(src), str(inside), "-q"))
        assert run.returncode == 0
    assert sorted(os.listdir(inside)) == ["d0.txt.md", "d1.txt.md", "d2.txt.md"]
    listed = measured(
        dwclean("batch", str(src), str(inside), "--files-from", "-", "-q"),
        stdin=b"out/d0.txt.md\nd0.txt\n",
    )
    assert listed.returncode == 0
    assert sorted(os.listdir(inside)) == ["d0.txt.md", "d1.txt.md", "d2.txt.md"]
    record("OUT_DIR inside IN_DIR, run twice", "outputs not re-cleaned", run)
    before = {p.name: p.read_bytes() for p in src.glob("*.txt")}
    same = measured(dwclean("batch", str(src), str(src), "-f", "text", "--force"))
    assert same.returncode == 2 and b"must not be IN_DIR" in same.stderr
    assert {p.name: p.read_bytes() for p in src.glob("*.txt")} == before
    above = measured(dwclean("batch", str(src), str(tmp_path)))
    assert above.returncode == 2
    record("OUT_DIR = IN_DIR (or above it), --force", "exit 2, inputs untouched", same)


def test_symlinks_out_of_in_dir_and_loops(tmp_path: Path) -> None:
    src, out, outside = tmp_path / "in", tmp_path / "out", tmp_path / "secret"
    (src / "sub").mkdir(parents=True)
    outside.mkdir()
    shutil.copyfile(DUMP, outside / "secret.txt")
    shutil.copyfile(DUMP, src / "sub" / "good.txt")
    (src / "leak.txt").symlink_to(outside / "secret.txt")
    (src / "leakdir").symlink_to(outside)
    (src / "sub" / "loop").symlink_to(src)
    (src / "self").symlink_to(src / "self")
    (src / "inside.txt").symlink_to(src / "sub" / "good.txt")
    report = tmp_path / "report.jsonl"
    run = measured(dwclean("batch", str(src), str(out), "--report", str(report)), timeout=30)
    statuses = {r["input"]: r for r in map(json.loads, report.read_text().splitlines())}
    assert (
        statuses["leak.txt"]["status"] == "skipped" and "symlink" in statuses["leak.txt"]["reason"]
    )
    assert statuses["sub/good.txt"]["status"] == "cleaned"
    assert statuses["inside.txt"]["status"] == "cleaned"
    assert not any("secret" in name for name in statuses)
    assert statuses["self"]["status"] == "failed"
    assert run.returncode == 1
    record("symlinks out of IN_DIR, loops", "not followed, loop ends, reported", run)


def test_files_from_cannot_escape(tmp_path: Path) -> None:
    src, out = tmp_path / "a" / "b" / "in", tmp_path / "a" / "b" / "out"
    src.mkdir(parents=True)
    shutil.copyfile(DUMP, src / "ok.txt")
    listing = b"../../etc/passwd\n/etc/passwd\nok.txt\n../in/ok.txt\n"
    run = measured(
        dwclean("batch", str(src), str(out), "--files-from", "-", "--report", str(tmp_path / "r")),
        stdin=listing,
    )
    records = [json.loads(line) for line in (tmp_path / "r").read_text().splitlines()]
    refused = [r for r in records if r["status"] == "failed"]
    assert len(refused) == 2 and all("outside IN_DIR" in r["reason"] for r in refused)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    assert written == ["a/b/out/ok.txt.md"]
    record("--files-from ../../etc/passwd, /etc/passwd", "refused, nothing outside OUT_DIR", run)


def test_fifo_in_batch_is_not_read(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    os.mkfifo(src / "pipe.txt")
    shutil.copyfile(DUMP, src / "ok.txt")
    report = tmp_path / "r"
    run = measured(
        dwclean("batch", str(src), str(out), "--files-from", "-", "--report", str(report)),
        stdin=b"pipe.txt\nok.txt\n",
        timeout=30,
    )
    statuses = {r["input"]: r["status"] for r in map(json.loads, report.read_text().splitlines())}
    assert statuses == {"pipe.txt": "failed", "ok.txt": "cleaned"}
    record("a FIFO named in --files-from", "failed (not a regular file), no hang", run)


@pytest.fixture
def small_disk() -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs")
    folder = Path(tempfile.mkdtemp(prefix="dwclean-disk-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)
        folder.rmdir()


def test_full_disk(tmp_path: Path, small_disk: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(20):
        shutil.copyfile(DUMP, src / f"d{i:02}.txt")
    out = small_disk / "out"
    run = measured(dwclean("batch", str(src), str(out), "-f", "json", "-j", "2"))
    assert run.returncode == 1 and b"No space left on device" in run.stderr
    assert not list(out.rglob("*.part"))
    for path in out.glob("*.json"):
        json.loads(path.read_text())  # whatever exists is whole
    subprocess.run(["mount", "-o", "remount,size=4m", str(small_disk)], check=True)
    rerun = measured(dwclean("batch", str(src), str(out), "-f", "json", "-q"))
    assert rerun.returncode == 0 and len(list(out.glob("*.json"))) == 20
    record("full disk as OUT_DIR, then space freed", "exit 1, no partial file; rerun exit 0", run)


def test_input_changed_after_its_output_is_redone(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copyfile(DUMP, src / "a.txt")
    assert measured(dwclean("batch", str(src), str(out), "-q")).returncode == 0
    output = out / "a.txt.md"
    old_output = output.read_text()
    # The input changes while (or after) it is read, yet keeps a time older than the output:
    shutil.copyfile(DUMP_DE, src / "a.txt")
    past = output.stat().st_mtime - 60
    os.utime(src / "a.txt", (past, past))
    run = measured(dwclean("batch", str(src), str(out), "--report", str(tmp_path / "r")))
    [rec] = [json.loads(line) for line in (tmp_path / "r").read_text().splitlines()]
    assert rec["status"] == "cleaned" and output.read_text() != old_output
    record("input changed during a batch", "noticed on resume, redone", run)


def test_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "locked").mkdir(parents=True)
    shutil.copyfile(DUMP, src / "locked" / "a.txt")
    shutil.copyfile(DUMP, src / "b.txt")
    (src / "locked").chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that allow it
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv cannot be denied a folder")
        prefix = ["setpriv", "--bounding-set", "-dac_read_search,-dac_override", "--"]
    try:
        run = measured([*prefix, *dwclean("batch", str(src), str(out))])
    finally:
        (src / "locked").chmod(0o755)
    assert run.returncode == 1
    assert b"locked: failed: folder cannot be read" in run.stderr
    assert (out / "b.txt.md").is_file()
    record("unreadable subfolder", "exit 1, named as failed", run)


# --- Workers -----------------------------------------------------------------------------------

PATCHED = """
import os, signal, sys, time
import dwclean._batch as batch
real = batch.clean_file
def patched(path, **options):
    if "crash" in path:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    if "hang" in path:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # as if stuck in C code (lexbor)
        time.sleep(600)
    return real(path, **options)
batch.clean_file = patched
from dwclean.cli import main
sys.argv = ["dwclean", *sys.argv[1:]]
main()
"""


def _patched(*args: str) -> list[str]:
    return [sys.executable, "-c", PATCHED, *args]


def _tree(src: Path, names: list[str]) -> None:
    src.mkdir(parents=True)
    for name in names:
        shutil.copyfile(DUMP, src / name)


def test_killed_worker_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "r"
    _tree(src, [f"a{i}.txt" for i in range(10)] + ["crash.txt"] + [f"z{i}.txt" for i in range(10)])
    run = measured(_patched("batch", str(src), str(out), "-j", "2", "--report", str(report)))
    statuses = {r["input"]: r for r in map(json.loads, report.read_text().splitlines())}
    assert statuses["crash.txt"]["status"] == "crashed"
    assert "killed by signal 9" in statuses["crash.txt"]["reason"]
    assert sum(r["status"] == "cleaned" for r in statuses.values()) == 20
    assert run.returncode == 1
    record("a worker killed (SIGKILL) mid-input", "input 'crashed', batch goes on, exit 1", run)


def test_time_limit_kills_a_worker_stuck_in_c(tmp_path: Path) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "r"
    _tree(src, ["a.txt", "hang.txt", "z.txt"])
    run = measured(
        _patched(
            "batch", str(src), str(out), "-j", "2", "--time-limit", "1", "--report", str(report)
        ),
        timeout=40,
    )
    statuses = {r["input"]: r["status"] for r in map(json.loads, report.read_text().splitlines())}
    assert statuses == {"a.txt": "cleaned", "hang.txt": "timeout", "z.txt": "cleaned"}
    assert run.seconds < 30  # the sleep would last 600 s
    record("--time-limit 1, worker ignoring SIGALRM", "killed, 'timeout', others cleaned", run)


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc")
    src, out = tmp_path / "in", tmp_path / "out"
    _tree(src, ["hang1.txt", "hang2.txt"])
    proc = subprocess.Popen(
        _patched("batch", str(src), str(out), "-j", "2", "-q"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = kill_parent_and_wait_for_workers(proc)
    ROWS.append(("batch parent killed (SIGKILL)", "workers die with it", seconds, 0))


def test_jobs_are_capped(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _tree(src, ["a.txt"])
    run = measured(dwclean("batch", str(src), str(out), "-j", "256", "-q"))
    cap = 4 * (os.cpu_count() or 1)
    assert run.returncode == 0 and f"capped at {cap}".encode() in run.stderr
    record("--jobs 256", f"capped at {cap}, said", run)


# --- Hostile servers, through the CLI ----------------------------------------------------------


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    with local_server(Hostile) as url:
        yield url


HTTP_ATTACKS = [
    ("/drip", ["--timeout", "1"], b"timed out", "1 byte / 0.2 s, --timeout 1"),
    ("/endless", ["--max-bytes", "5000000"], b"larger than", "endless body, --max-bytes 5 MB"),
    ("/bomb", ["--max-bytes", "5000000"], b"larger than", "gzip-bomb Content-Encoding (50 MB)"),
    ("/to-ftp", [], b"not http(s)", "redirect to ftp:"),
    ("/to-file", [], b"not http(s)", "redirect to file:"),
    ("/retry-huge", ["--retries", "3"], b"too long", "Retry-After: 99999"),
    ("/retry-garbage", ["--retries", "1"], b"HTTP 503", "Retry-After: soon"),
    ("/reset", ["--retries", "1"], b"connection broken", "connection reset mid-body"),
]


@pytest.mark.parametrize(("path", "args", "message", "attack"), HTTP_ATTACKS)
def test_hostile_server(
    hostile: str, path: str, args: list[str], message: bytes, attack: str
) -> None:
    run = measured(dwclean("clean", hostile + path, "--retries", "0", *args), timeout=30)
    assert run.returncode == 6, run.stderr
    assert message in run.stderr and len(run.stderr.splitlines()) == 1
    record(f"HTTP: {attack}", "exit 6, one line", run)


def test_many_large_urls_keep_memory_bounded(hostile: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{hostile}/binary3m/{i}\n" for i in range(100)))
    run = measured(dwclean("clean", "--urls-from", str(urls), "-f", "jsonl"), timeout=60)
    assert run.returncode == 1 and len(run.stderr.splitlines()) == 100  # each: binary input
    assert run.peak_mib < 200  # 100 x 3 MB = 300 MB if every page were held
    record("--urls-from: 100 URLs of 3 MB each", "exit 1 (all binary), memory bounded", run)
