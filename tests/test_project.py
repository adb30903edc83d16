"""Project hygiene that CI enforces: lint, types, and documentation of every command."""

from __future__ import annotations

import re
import subprocess
import sys

from typer.main import get_command

from dwclean.cli import app

from .conftest import ROOT


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
    )
    assert result.returncode == 0, result.stdout.decode()


def test_mypy_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stdout.decode()


def test_every_command_and_option_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"dwclean {name}" in readme, f"command {name!r} is not in the README"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in readme, f"option {opt} of {name!r} is not in the README"


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert "dwclean clean fixtures/" in blocks[0]
    assert "pytest" in blocks[1]
    assert blocks[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    fixture = blocks[0].rsplit(" ", 1)[1]
    assert (ROOT / fixture).is_file()


def test_exit_codes_are_documented_in_help_and_readme() -> None:
    from dwclean.cli import EXIT_CODES_HELP

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in re.findall(r"(\d+) [a-z]", EXIT_CODES_HELP):
        assert f"| {code} |" in readme
