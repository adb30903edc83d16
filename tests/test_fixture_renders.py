"""Our Chinese fixture page as real converters print it, each a different wrapping habit: lynx
(by characters, mid-word), w3m (by display columns, a Chinese character two), html2text (78
columns, and spaces set around emphasis) and inscriptis. The lynx and w3m renders are kept in
fixtures/renders (CI has neither program); html2text and inscriptis render during the test.
Every dump must clean to exactly the page's labelled blocks, title and date."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import dwclean

from .conftest import FIXTURES, load_json

PAGE = FIXTURES / "html" / "zh-modern-cjk.html"
SAVED = sorted((FIXTURES / "renders").glob("zh-modern-cjk.*.txt"))


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


RENDERS: dict[str, Callable[[], str]] = {
    "html2text-78": _html2text(78),
    "html2text-unwrapped": _html2text(0),
    "inscriptis": _inscriptis,
    **{path.name.split(".")[1]: _saved(path) for path in SAVED},
}


def test_the_saved_renders_are_there() -> None:
    assert {"lynx79", "w3m"} <= set(RENDERS)


@pytest.mark.parametrize("renderer", sorted(RENDERS))
def test_a_chinese_page_cleans_to_its_labels_whatever_rendered_it(renderer: str) -> None:
    expected = load_json(FIXTURES / "html" / "zh-modern-cjk.expected.json")
    article = dwclean.clean(RENDERS[renderer]())
    assert (article.title, article.date) == (expected["title"], expected["date"])
    assert [(b.kind.value, b.text, b.credit) for b in article.blocks] == [
        (b["kind"], b["text"], b["credit"]) for b in expected["blocks"]
    ]
