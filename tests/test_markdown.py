"""Markdown export: valid CommonMark whose rendering shows the text literally, never as markup."""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt

import dwclean
from dwclean import Article, Block, BlockKind, to_markdown, to_text

NASTY = [
    "# not a heading",
    "- not a list",
    "1. not a list either",
    "*not emphasis* and _not_ either",
    "[not a link](http://example.com) <b>not html</b> `not code`",
    "> not a quote",
    "===",
    "a | table | row",
    "AT&T &amp; friends \\ backslash",
    "+ plus",
]


def _rendered_text(markdown: str) -> str:
    html = MarkdownIt("commonmark").render(markdown)
    text = re.sub(r"<[^>]+>", "", html)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def test_special_characters_never_become_markup() -> None:
    article = Article(
        title="*Title* [x](y)",
        blocks=[Block(BlockKind.PARAGRAPH, text) for text in NASTY],
    )
    markdown = dwclean.to_markdown(article)
    html = MarkdownIt("commonmark").render(markdown.split("---\n", 2)[2])
    assert "<em>" not in html and "<a " not in html and "<code>" not in html
    assert "<ul>" not in html and "<ol>" not in html and "<blockquote>" not in html
    assert html.count("<h1>") == 1 and "<h2>" not in html and "<table>" not in html
    text = _rendered_text(markdown.split("---\n", 2)[2])
    for original in NASTY:
        assert original in text


def test_structure_front_matter_headings_and_captions() -> None:
    article = Article(
        title="Headline",
        date="2024-01-30",
        language="de",
        blocks=[
            Block(BlockKind.LEAD, "The lead."),
            Block(BlockKind.SUBHEAD, "A subhead"),
            Block(BlockKind.CAPTION, "A caption", "Bild: X/dpa"),
            Block(BlockKind.PARAGRAPH, "A paragraph."),
        ],
    )
    markdown = dwclean.to_markdown(article)
    front, body = markdown.split("---\n", 2)[1:]
    assert 'title: "Headline"' in front and 'date: "2024-01-30"' in front
    assert "section: null" in front
    html = MarkdownIt("commonmark").render(body)
    assert "<h1>Headline</h1>" in html and "<h2>A subhead</h2>" in html
    assert "<blockquote>" in html and "Bild: X/dpa" in html
    assert "Caption" not in markdown  # no fixed English label: a picture sign in any language
    assert html.index("The lead.") < html.index("A subhead") < html.index("A paragraph.")


def test_explain_in_markdown_is_an_invisible_comment() -> None:
    from dwclean import Removal

    article = Article(
        title="T",
        blocks=[Block(BlockKind.LEAD, "The lead.")],
        removed=[Removal("Choose from 30 Languages", "DW furniture", 7), Removal("a -- b", "x", 9)],
    )
    markdown = dwclean.render(article, "markdown", explain=True)
    assert "7\tDW furniture\tChoose from 30 Languages" in markdown
    html = MarkdownIt("commonmark").render(markdown.split("---\n", 2)[2])
    visible = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    assert html.count("<!--") == 1 and html.count("-->") == 1  # "--" in text cannot close it
    assert "Choose from 30 Languages" not in visible and "The lead." in visible


# --- Minimal escaping, identical rendering (issue 9) ----------------------------------------


def _paragraph_text(text: str) -> str:
    """What CommonMark shows for `text` written as one paragraph of dwclean's Markdown."""
    markdown = dwclean.to_markdown(Article(blocks=[Block(BlockKind.PARAGRAPH, text)]))
    return _rendered_text(markdown.split("---\n", 2)[2])


def test_only_characters_that_would_start_markup_are_escaped() -> None:
    markdown = dwclean.to_markdown(
        Article(
            blocks=[
                Block(BlockKind.PARAGRAPH, "Zweifel! AT&T a > b a_b_c 5 * 3 C:/x [sic]"),
            ]
        )
    )
    body = markdown.split("---\n", 2)[2]
    assert "Zweifel! AT&T a > b a_b_c 5 * 3 C:/x" in body
    assert "\\[sic]" in body  # a bracket could start a link


def test_terminal_and_json_safety() -> None:
    from dwclean._export import neutralise

    hostile = "red \x1b[31mtext\x1b]0;title\x07 \u202eevil \x9b2J"
    assert "\x1b" not in neutralise(hostile) and "\u202e" not in neutralise(hostile)
    assert "\\x1b[31m" in neutralise(hostile)
    article = Article(title=hostile, blocks=[Block(BlockKind.PARAGRAPH, hostile)])
    data = dwclean.to_json(article)
    assert "\x1b" not in data and "\u202e" not in data and "\x9b" not in data
    import json

    assert json.loads(data)["title"] == hostile  # intact, only escaped


_ALPHABET = "ab 1.)-+*_`[]()<>!&#;\\~|=:/\"'x"


def test_escaping_renders_exactly_the_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=400, deadline=None, database=None)
    @given(st.text(alphabet=_ALPHABET, min_size=1, max_size=14))
    def check(text: str) -> None:
        normalised = " ".join(text.split())
        if not normalised:
            return
        assert _paragraph_text(normalised).strip() == normalised

    check()


def test_list_items_are_one_markdown_list_and_render_their_text() -> None:
    items = ["six new lines", "- a bus every twenty minutes", "#1 in Germany"]
    article = Article(
        title="Night buses",
        blocks=[
            Block(BlockKind.LEAD, "The council voted."),
            *(Block(BlockKind.LIST_ITEM, item) for item in items),
            Block(BlockKind.PARAGRAPH, "More follows."),
        ],
    )
    body = to_markdown(article).split("---\n", 2)[2]
    html = MarkdownIt("commonmark").render(body)
    assert html.count("<ul>") == 1 and html.count("<li>") == 3
    for item in items:
        assert f"<li>{escape(item)}</li>" in html
    assert "- " + items[0] in to_text(article)
