"""Bad input never produces a traceback or an invented block: one line on stderr, a documented
exit code, and nothing on stdout (or, for -o, no output file)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import dwclean

from .conftest import FIXTURES, run_cli

BAD = FIXTURES / "bad"

CASES = [
    ("empty.txt", 4, "empty input"),
    ("whitespace-only.txt", 4, "empty input"),
    ("image.png", 4, "binary input (a PNG image)"),
    ("document.pdf", 4, "binary input (a PDF document)"),
    ("nul-bytes.txt", 4, "binary input"),
    ("undecodable.txt", 4, "not text in any encoding"),
    ("broken.gz", 4, "truncated gzip data"),
    ("not-dw-shopping-list.txt", 5, "no article text found"),
]


@pytest.mark.parametrize(("name", "code", "message"), CASES)
def test_bad_input_gives_one_line_error_and_exit_code(name: str, code: int, message: str) -> None:
    result = run_cli("clean", str(BAD / name), "--format", "json")
    stderr = result.stderr.decode()
    assert result.returncode == code
    assert result.stdout == b""
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert "Traceback" not in stderr


@pytest.mark.parametrize(("name", "code", "message"), CASES)
def test_bad_input_leaves_no_output_file(
    tmp_path: Path, name: str, code: int, message: str
) -> None:
    out = tmp_path / "out.json"
    result = run_cli("clean", str(BAD / name), "-o", str(out))
    assert result.returncode == code
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_missing_file_and_directory_are_unreadable_inputs(tmp_path: Path) -> None:
    missing = run_cli("clean", str(tmp_path / "nope.txt"))
    assert missing.returncode == 3
    assert b"no such file" in missing.stderr
    directory = run_cli("clean", str(tmp_path))
    assert directory.returncode == 3
    assert b"is a directory" in directory.stderr


def test_text_that_is_not_a_dw_page_is_flagged() -> None:
    result = run_cli("clean", str(BAD / "not-dw-recipe.txt"), "--format", "json")
    assert result.returncode == 0
    assert b"may not be a DW page" in result.stderr
    article = dwclean.clean((BAD / "not-dw-recipe.txt").read_text(encoding="utf-8"))
    assert article.warnings and article.layout is None


def test_api_raises_typed_errors_for_bad_bytes() -> None:
    with pytest.raises(dwclean.EmptyInputError):
        dwclean.clean(b"")
    with pytest.raises(dwclean.BinaryInputError):
        dwclean.clean((BAD / "image.png").read_bytes())
    with pytest.raises(dwclean.NotAnArticleError):
        dwclean.clean("menu\n\nhome\n\ncontact")


def test_legacy_encoding_and_gzip_are_read_transparently(tmp_path: Path) -> None:
    text = (
        "Café culture | Europe| News | DW | 01.02.2020\n\nCafé culture\n\n"
        "Vienna's coffee houses, déjà vu for visitors, serve Melange and strudel all day long. "
        "They are part of Austria's intangible heritage, and regulars treasure their quiet.\n"
    )
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(text.encode("cp1252"))
    packed = tmp_path / "dump.txt.gz"
    packed.write_bytes(gzip.compress(text.encode("utf-8")))
    for path in (latin1, packed):
        article = dwclean.clean_file(str(path))
        assert article.title == "Café culture"
        assert "déjà vu" in article.blocks[0].text


def test_oversize_input_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    with pytest.raises(dwclean.InputTooLargeError):
        dwclean.clean_file(str(big), max_bytes=1000)


# --- Reading hostile or damaged inputs (issues 9 and 12) -----------------------------------

DUMP = FIXTURES / "dumps" / "en-old-seedstyle.txt"


def test_multi_member_gzip_is_read_to_the_end(tmp_path: Path) -> None:
    data = DUMP.read_bytes()
    packed = tmp_path / "m.gz"
    packed.write_bytes(gzip.compress(data[:2000]) + gzip.compress(data[2000:]))
    whole = dwclean.clean_file(str(DUMP))
    assert dwclean.clean_file(str(packed)).blocks == whole.blocks


def test_nested_gzip_is_unpacked_a_few_levels_then_refused(tmp_path: Path) -> None:
    data = DUMP.read_bytes()
    twice = tmp_path / "twice.gz"
    twice.write_bytes(gzip.compress(gzip.compress(data)))
    assert dwclean.clean_file(str(twice)).title == dwclean.clean_file(str(DUMP)).title
    deep = data
    for _ in range(5):
        deep = gzip.compress(deep)
    with pytest.raises(dwclean.DecodingError, match="nested"):
        dwclean.clean(deep)


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 50_000_000, compresslevel=9))  # ~50 KB on disk
    assert bomb.stat().st_size < 200_000
    result = run_cli("clean", str(bomb), "--max-bytes", "1000000")
    assert result.returncode == 4
    assert b"unpacks to more than 1,000,000 bytes" in result.stderr


def test_devices_are_refused_without_reading() -> None:
    for device in ("/dev/zero", "/dev/urandom"):
        result = run_cli("clean", device, timeout=20)
        assert result.returncode == 4, result.stderr
        assert b"a device, not a file" in result.stderr


def test_fifo_with_a_writer_is_read_and_one_without_is_given_up(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [sys.executable, "-c", f"open({str(fifo)!r}, 'wb').write(open({str(DUMP)!r}, 'rb').read())"]
    )
    result = run_cli("clean", str(fifo), "-f", "json", timeout=30)
    writer.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    lonely = run_cli("clean", str(fifo), timeout=30)
    assert lonely.returncode == 3
    assert b"named pipe with no writer" in lonely.stderr


def test_one_stray_byte_keeps_utf8_and_warns(tmp_path: Path) -> None:
    text = (FIXTURES / "dumps" / "de-old-lynx.txt").read_bytes()
    assert "ä".encode() in text or "ü".encode() in text
    broken = tmp_path / "broken.txt"
    broken.write_bytes(text[:3000] + b"\xff" + text[3000:])
    article = dwclean.clean_file(str(broken))
    reference = dwclean.clean_file(str(FIXTURES / "dumps" / "de-old-lynx.txt"))
    assert article.title == reference.title  # no mojibake
    assert any("invalid UTF-8" in w for w in article.warnings)
    result = run_cli("clean", str(broken), "-f", "json")
    assert b"invalid UTF-8" in result.stderr


def test_declared_charset_that_makes_no_sense_loses() -> None:
    page = (FIXTURES / "dumps" / "en-old-seedstyle.txt").read_text(encoding="utf-8")
    html = (
        '<html><head><meta charset="utf-16"><meta property="og:type" content="article">'
        "<title>x</title></head><body>"
        + "".join(f"<p>{line}</p>" for line in page.splitlines() if line.strip())
        + "</body></html>"
    )
    article = dwclean.clean(html.encode("utf-8"))
    assert "Rhine" in article.plain_text()
    assert dwclean.clean_bytes(page.encode("ascii", "ignore"), charset="utf-16").title


def test_api_accepts_bytes_like_and_rejects_the_rest() -> None:
    data = DUMP.read_bytes()
    title = dwclean.clean(data).title
    assert dwclean.clean(bytearray(data)).title == title
    assert dwclean.clean(memoryview(data)).title == title
    for wrong in (None, 123, ["x"], Path("x")):
        with pytest.raises(TypeError, match="takes str or bytes"):
            dwclean.clean(wrong)  # type: ignore[arg-type]
