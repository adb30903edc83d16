"""The same page, whatever converter made its dump: the real corpus pages are rendered here with
html2text (its default 78-column wrap and unwrapped) and inscriptis, and lynx and w3m when they
are installed (not in CI: they are no Python packages), at several widths. Each dump must score
nearly as well as the page itself against the page's own labels."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dwclean

from .conftest import CORPUS, load_json, needs_shared

pytestmark = needs_shared

PAGES = sorted(CORPUS.glob("*/page.html")) if CORPUS.is_dir() else []


def _html2text(width: int) -> Callable[[Path], str]:
    def render(page: Path) -> str:
        html2text = pytest.importorskip("html2text")
        converter = html2text.HTML2Text()
        converter.body_width = width
        return str(converter.handle(page.read_text(encoding="utf-8")))

    return render


def _inscriptis(page: Path) -> str:
    inscriptis = pytest.importorskip("inscriptis")
    return str(inscriptis.get_text(page.read_text(encoding="utf-8")))


def _program(*argv: str) -> Callable[[Path], str]:
    def render(page: Path) -> str:
        if shutil.which(argv[0]) is None:
            pytest.skip(f"{argv[0]} is not installed")
        done = subprocess.run([*argv, str(page)], capture_output=True, check=True, timeout=60)
        return done.stdout.decode("utf-8", errors="replace")

    return render


RENDERERS: dict[str, Callable[[Path], str]] = {
    "html2text-78": _html2text(78),  # html2text's default
    "html2text-unwrapped": _html2text(0),
    "inscriptis": _inscriptis,
    "lynx-79": _program("lynx", "-dump", "-nolist", "-width=79", "-display_charset=utf-8"),
    "lynx-200": _program("lynx", "-dump", "-nolist", "-width=200", "-display_charset=utf-8"),
    "w3m-200": _program("w3m", "-dump", "-cols", "200", "-O", "utf-8", "-T", "text/html"),
}


def _score(expected: dict[str, Any], article: dwclean.Article) -> dict[str, Any]:
    sys.path.insert(0, str(CORPUS))
    from score import score  # the corpus's own scorer

    result: dict[str, Any] = score(expected, article.to_dict())
    return result


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("page", PAGES, ids=[p.parent.name for p in PAGES])
def test_a_pages_dump_scores_like_the_page(page: Path, renderer: str) -> None:
    expected = load_json(page.parent / "expected.json")
    dump = RENDERERS[renderer](page)
    scores = _score(expected, dwclean.clean(dump))
    assert scores["body_f1"] >= 0.97, scores
    assert scores["title_ok"] and scores["date_ok"], scores
    assert scores["debris_leak"] <= 0.02, scores
