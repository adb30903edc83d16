"""Our fixture pages as real converters print them, each with its own habits: lynx (wraps
Chinese by characters, mid-word; glues a video box's "Ver el video 02:31" under a caption), w3m
(wraps Chinese by display columns, a character two), html2text (78 columns, spaces set around
an emphasis) and inscriptis. The lynx and w3m renders are kept in fixtures/renders (CI has
neither program); html2text and inscriptis render the Chinese page during the test. Every dump
must clean to exactly its page's labelled blocks, title and date."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import dwclean

from .conftest import FIXTURES, load_json

PAGE = FIXTURES / "html" / "zh-modern-cjk.html"
SAVED = sorted((FIXTURES / "renders").glob("*.txt"))


def _html2text(width: int) -> Callable[[], str]:
    def render() -> str:
        html2text = pytest.importorskip("html2text")
        converter = html2text.HTML2Text()
        converter.body_width = width
        return str(converter.handle(PAGE.read_text(encoding="utf-8")))

    return render


def _inscriptis() -> str:
    inscriptis = pytest.importorskip("inscriptis")
    return str(inscriptis.get_text(PAGE.read_text(encoding="utf-8")))


def _saved(path: Path) -> Callable[[], str]:
    return lambda: path.read_text(encoding="utf-8")


# "<page>.<renderer>": how to get the dump
RENDERS: dict[str, Callable[[], str]] = {
    "zh-modern-cjk.html2text-78": _html2text(78),
    "zh-modern-cjk.html2text-unwrapped": _html2text(0),
    "zh-modern-cjk.inscriptis": _inscriptis,
    **{path.name.removesuffix(".txt"): _saved(path) for path in SAVED},
}


def test_the_saved_renders_are_there() -> None:
    assert {"zh-modern-cjk.lynx79", "zh-modern-cjk.w3m", "es-old-latin1-wool.lynx79"} <= set(
        RENDERS
    )


@pytest.mark.parametrize("render", sorted(RENDERS))
def test_a_page_cleans_to_its_labels_whatever_rendered_it(render: str) -> None:
    page = render.split(".")[0]
    expected = load_json(FIXTURES / "html" / f"{page}.expected.json")
    article = dwclean.clean(RENDERS[render]())
    assert (article.title, article.date) == (expected["title"], expected["date"])
    assert [(b.kind.value, b.text, b.credit) for b in article.blocks] == [
        (b["kind"], b["text"], b["credit"]) for b in expected["blocks"]
    ]
