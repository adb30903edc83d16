"""The real command line, driven in subprocesses: formats, stdin, several inputs, -o."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import SEED, contract_view, needs_shared, run_cli

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
