"""Golden files: every hand-labelled fixture in fixtures/dumps must come out exactly as labelled
(title, date, section, language, url and every block with its kind, text and credit)."""

from __future__ import annotations

from pathlib import Path

import pytest

import dwclean

from .conftest import FIXTURES, contract_view, golden_cases, load_json

DUMPS = sorted((FIXTURES / "dumps").glob("*.txt"))

# Known differences, each a real limitation described in the README; a fixture listed here must
# still fail (strict xfail), so fixing one forces its removal from this list.
KNOWN = {
    "ru-modern-lynx79": "lynx alt text before a caption that starts with a Latin-script word",
}


@pytest.mark.parametrize("dump", golden_cases(DUMPS, KNOWN))
def test_fixture_matches_its_golden_file(dump: Path) -> None:
    expected = load_json(dump.with_name(dump.stem + ".expected.json"))
    if expected.get("page_type") == "index":
        with pytest.raises(dwclean.NotAnArticleError, match="not an article: index page"):
            dwclean.clean_file(str(dump))
        return
    article = dwclean.clean_file(str(dump))
    assert contract_view(article.to_dict()) == contract_view(expected)
    assert article.page_type.value == expected.get("page_type", "article")
    if "authors" in expected:
        assert article.authors == expected["authors"]


def test_there_are_enough_fixtures() -> None:
    labels = [load_json(p.with_name(p.stem + ".expected.json")) for p in DUMPS]
    assert len(labels) >= 8
    assert {"old", "modern"} <= {lab["layout"] for lab in labels}
    languages = {lab["language"] for lab in labels}
    assert {"ar", "zh-Hans", "fa-IR", "am"} <= languages and len(languages) >= 20
    assert {"lynx", "lynx79", "w3m", "html2text", "inscriptis", "seedstyle"} <= {
        lab["style"] for lab in labels
    }
    pages = [
        load_json(p.with_name(p.stem + ".expected.json")) for p in FIXTURES.glob("html/*.html")
    ]
    page_types = {lab.get("page_type", "article") for lab in labels + pages}
    assert {"article", "gallery", "video", "audio", "live", "feed", "index"} <= page_types
