"""Golden files for HTML: hand-labelled DW-like pages in fixtures/html (both layouts, several
languages and legacy encodings) must come out exactly as labelled; pages that are not articles
must be refused, or, when they say they are an article but are not DW's, cleaned with a flag."""

from __future__ import annotations

from pathlib import Path

import pytest

import dwclean

from .conftest import FIXTURES, contract_view, load_json, run_cli

PAGES = sorted((FIXTURES / "html").glob("*.html"))


def _expected(page: Path) -> dict[str, object]:
    data: dict[str, object] = load_json(page.with_name(page.stem + ".expected.json"))
    return data


ARTICLES = [p for p in PAGES if "blocks" in _expected(p)]
OTHERS = [p for p in PAGES if "blocks" not in _expected(p)]


@pytest.mark.parametrize("page", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_page_matches_its_golden_file(page: Path) -> None:
    expected = _expected(page)
    if expected.get("page_type") == "index":
        with pytest.raises(dwclean.NotAnArticleError, match="not an article"):
            dwclean.clean_file(str(page))
        return
    article = dwclean.clean_file(str(page))  # bytes in: the charset is detected from the page
    assert contract_view(article.to_dict()) == contract_view(expected)
    assert article.authors == expected["authors"]
    assert article.layout == expected["layout"]
    assert article.page_type.value == expected.get("page_type", "article")


@pytest.mark.parametrize("page", OTHERS, ids=[p.stem for p in OTHERS])
def test_pages_that_are_not_dw_articles(page: Path) -> None:
    expected = _expected(page)
    result = run_cli("clean", str(page), "--format", "json")
    if expected.get("not_an_article"):
        assert result.returncode == 5
        assert b"not an article page" in result.stderr and result.stdout == b""
    else:
        assert result.returncode == 0
        assert b"best-effort" in result.stderr
        article = dwclean.clean_file(str(page))
        assert article.title == expected["title"] and article.warnings


def test_fixture_coverage() -> None:
    labels = [_expected(p) for p in ARTICLES]
    assert {lab["layout"] for lab in labels} == {"old", "modern"}
    languages = {lab["language"] for lab in labels}
    assert "ar" in languages and len(languages) >= 3
