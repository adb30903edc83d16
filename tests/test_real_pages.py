"""The real DW pages in ../shared/excerpts (76 pages, 23 editions, every page type, as archives
store their text): the scores must hold at the level reached, per page type and per edition, so
that no rule change buys one class of pages with another. Skipped when ../shared is absent."""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Any

import pytest

import dwclean

from .conftest import SHARED, load_json

EXCERPTS = SHARED / "excerpts"
pytestmark = pytest.mark.skipif(not EXCERPTS.is_dir(), reason="../shared/excerpts is absent")

# Floors: the means measured when these rules landed, minus a little room.
OVERALL = {
    "body_f1": 0.96,
    "caption_f1": 0.84,
    "subhead_f1": 0.88,
    "title_ok": 0.93,
    "date_ok": 0.94,
}
MAX_LEAK = 0.04
PER_GROUP_BODY = 0.75  # no page type or edition may collapse


def _score_all() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    sys.path.insert(0, str(SHARED / "corpus"))
    from score import score

    rows = []
    for dump in sorted(EXCERPTS.glob("*.txt")):
        expected = load_json(dump.with_name(dump.stem + ".expected.json"))
        try:
            got = dwclean.clean_file(str(dump)).to_dict()
        except dwclean.NotAnArticleError:
            got = {"title": None, "date": None, "blocks": []}
        rows.append((expected, score(expected, got)))
    return rows


@pytest.fixture(scope="module")
def rows() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return _score_all()


def _mean(values: list[Any]) -> float:
    known = [float(v) for v in values if v is not None]
    return sum(known) / len(known)


def test_overall_means_hold(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for key, floor in OVERALL.items():
        assert _mean([s[key] for _, s in rows]) >= floor, key
    assert _mean([s["debris_leak"] for _, s in rows]) <= MAX_LEAK


@pytest.mark.parametrize("group", ["page_type", "language"])
def test_no_page_type_or_edition_collapses(
    rows: list[tuple[dict[str, Any], dict[str, Any]]], group: str
) -> None:
    by: dict[str, list[float]] = defaultdict(list)
    for expected, s in rows:
        by[expected[group]].append(s["body_f1"])
    weak = {name: round(_mean(v), 3) for name, v in by.items() if _mean(v) < PER_GROUP_BODY}
    assert not weak


def test_index_pages_are_refused_and_articles_are_not(
    rows: list[tuple[dict[str, Any], dict[str, Any]]],
) -> None:
    """An index page is no article (exit 5); no article page may be taken for one."""
    for dump in sorted(EXCERPTS.glob("*.txt")):
        expected = load_json(dump.with_name(dump.stem + ".expected.json"))
        if expected["page_type"] == "index":
            if dump.stem.startswith("wayback-"):
                continue  # a section page showing only a slideshow: read as a gallery (README)
            with pytest.raises(dwclean.NotAnArticleError, match="index page"):
                dwclean.clean_file(str(dump))
        else:
            assert dwclean.clean_file(str(dump)).blocks, dump.name


def test_every_feed_view_is_read_as_one(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for dump in sorted(EXCERPTS.glob("rss-*.txt")):
        expected = load_json(dump.with_name(dump.stem + ".expected.json"))
        article = dwclean.clean_file(str(dump))
        assert article.page_type is dwclean.PageType.FEED
        assert (article.title, article.date) == (expected["title"], expected["date"])
