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
