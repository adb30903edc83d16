"""Start-up of `dwclean clean FILE` (issue 11): what it imports, how typer builds the command,
and the rules cache that spares it parsing TOML and compiling regexes. No timings here: what is
checked is what makes the start cheap."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dwclean import _rules
from dwclean.cli import _app_for, app

ROOT = Path(__file__).resolve().parent.parent
DUMP = ROOT / "fixtures" / "dumps" / "en-old-seedstyle.txt"

# Loaded by nothing that cleaning a local text dump needs: fetching (httpx, threads, logging,
# hashing), crawl files, batches, HTML parsing, encoding detection, the rule tables' TOML (the
# rules come from the cache), the terminal (rich) and the pure-Python pickle module.
NOT_FOR_A_DUMP = {
    "httpx",
    "httpcore",
    "concurrent.futures",
    "logging",
    "hashlib",
    "pickle",
    "email",
    "tomllib",
    "rich",
    "selectolax",
    "fastwarc",
    "charset_normalizer",
    "multiprocessing",
    "tempfile",
    "dwclean._fetch",
    "dwclean._fetch_options",
    "dwclean._crawl",
    "dwclean._crawl_cli",
    "dwclean._crawl_batch",
    "dwclean._batch",
    "dwclean._workers",
    "dwclean._output",
    "dwclean._explain",
    "dwclean._parse_html",
    "dwclean._parse_feed",  # a feed view's front-end: only for a feed
    "statistics",
}


def _imported_by_clean(cache: Path, *args: str) -> set[str]:
    """Every module `python -m dwclean clean …` imports, as -X importtime lists them."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}
    env.pop("DWCLEAN_NO_CACHE", None)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dwclean", "clean", *args],
        capture_output=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    lines = result.stderr.decode().splitlines()
    return {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:")}


def _loaded(modules: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


@pytest.mark.parametrize("fmt", ["json", "markdown", "text", "jsonl"])
def test_cleaning_a_dump_imports_nothing_it_does_not_use(tmp_path: Path, fmt: str) -> None:
    _imported_by_clean(tmp_path, str(DUMP), "--format", fmt)  # the first run fills the cache
    modules = _imported_by_clean(tmp_path, str(DUMP), "--format", fmt)
    assert "dwclean._pipeline" in modules  # the listing works: the pipeline itself is there
    assert not {name for name in NOT_FOR_A_DUMP if _loaded(modules, name)}


def test_the_fetching_and_crawl_code_still_comes_when_needed(tmp_path: Path) -> None:
    # A size limit of one's own is carried by the fetch options, without the fetching code.
    limit = _imported_by_clean(tmp_path, str(DUMP), "--max-bytes", "1000000", "--format", "json")
    assert "dwclean._fetch_options" in limit and "dwclean._fetch" not in limit
    captions = _imported_by_clean(tmp_path, str(DUMP), "--captions", "--format", "json")
    assert "dwclean._crawl_cli" in captions


# --- typer builds only the command that runs ------------------------------------------------


def test_only_the_command_named_is_built() -> None:
    for name in ("clean", "batch", "explain"):
        commands = _app_for([name, "x"]).registered_commands
        assert [c.callback.__name__ for c in commands if c.callback] == [name]
    for args in ([], ["--help"], ["-h"], ["--version"], ["clan"], ["x", "clean"]):
        assert _app_for(args) is app  # help and "No such command" list every command
    assert len(app.registered_commands) == 3  # the app itself is left whole


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "--help"],
        ["batch", "--help"],
        ["explain", "-h"],
        ["clean", "--bogus"],
        ["clean", "--format", "yaml", "x"],
        ["clean", "--timeout", "0", "x"],
        ["batch"],
        ["explain"],
    ],
)
def test_the_single_command_app_answers_as_the_whole_app(args: list[str]) -> None:
    runner = CliRunner()
    whole = runner.invoke(app, args)
    single = runner.invoke(_app_for(args), args)
    assert (single.exit_code, single.output) == (whole.exit_code, whole.output)


def test_the_single_command_app_cleans_as_the_whole_app() -> None:
    args = ["clean", str(DUMP), "--format", "json"]
    runner = CliRunner()
    whole = runner.invoke(app, args)
    single = runner.invoke(_app_for(args), args)
    assert whole.exit_code == single.exit_code == 0
    assert single.output == whole.output and '"title"' in whole.output


# --- the rules cache --------------------------------------------------------------------------


def _patterns(value: Any, found: list[re.Pattern[Any]]) -> list[re.Pattern[Any]]:
    """Every regex in the rules, in a fixed order (dataclass fields, containers, Prefixes)."""
    if isinstance(value, re.Pattern):
        found.append(value)
    elif is_dataclass(value):
        for field in fields(value):
            _patterns(getattr(value, field.name), found)
    elif isinstance(value, dict):
        for key in value:
            _patterns(value[key], found)
    elif isinstance(value, list | tuple):
        for item in value:
            _patterns(item, found)
    return found


def test_cached_rules_have_the_same_regexes(tmp_path: Path) -> None:
    built = _rules._build_rules()
    cache_file = tmp_path / "rules.pickle"
    _rules._save(cache_file, "key", built)
    loaded = _rules._load(cache_file, "key")
    assert loaded is not None
    expected, restored = _patterns(built, []), _patterns(loaded, [])
    assert len(expected) > 20 and len(restored) == len(expected)
    for want, got in zip(expected, restored, strict=True):
        assert (got.pattern, got.flags, got.groups, got.groupindex) == (
            want.pattern,
            want.flags,
            want.groups,
            want.groupindex,
        )
        assert got == want  # equal patterns have the same compiled code


def test_a_cache_entry_under_another_key_is_not_read(tmp_path: Path) -> None:
    cache_file = tmp_path / "rules.pickle"
    _rules._save(cache_file, "key", _rules._build_rules())
    assert _rules._load(cache_file, "another key") is None
    cache_file.write_bytes(b"not a pickle")
    assert _rules._load(cache_file, "key") is None


def test_a_regex_program_is_used_by_its_own_interpreter_only() -> None:
    pattern = re.compile(r"^(?P<title>.+?) \| (?P<section>[^|]+?) \| DW$", re.I)
    program = _rules._program(pattern)
    assert program is not None
    assert _rules._restore_pattern(_rules._engine()[1], program) == pattern
    # Another interpreter compiles the pattern from its source and flags instead.
    damaged = (program[0], program[1], [0, 0, 0], *program[3:])
    for interpreter, stored in (("another Python", damaged), (_rules._engine()[1], damaged)):
        restored = _rules._restore_pattern(interpreter, stored)
        assert restored == pattern and restored.groupindex == pattern.groupindex
