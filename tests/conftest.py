"""Shared test helpers: paths, the CLI in a subprocess, the shared corpus (skipped when absent)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared (real DW pages) is absent")


def run_cli(
    *args: str, stdin: bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """Run the real `dwclean` command (as `python -m dwclean`) and capture everything."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "dwclean", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def contract_view(article: dict[str, Any]) -> dict[str, Any]:
    """The fields the stable interface promises (../shared/design/contract.md)."""
    return {
        "title": article.get("title"),
        "date": article.get("date"),
        "section": article.get("section"),
        "language": article.get("language"),
        "url": article.get("url"),
        "blocks": [
            {"kind": b["kind"], "text": b["text"], "credit": b.get("credit")}
            for b in article.get("blocks", [])
        ],
    }


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
