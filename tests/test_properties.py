"""Property-based tests of the public API (hypothesis).

1. `clean` raises nothing but a `DwcleanError` subclass, on any str and any bytes.
2. Nothing is invented: every word token of the output is a word token of the input, as a reader
   sees it (see `input_views`: HTML text, Markdown text, soft hyphens, words glued together).
3. Nothing is lost: a text of plain paragraphs comes back paragraph for paragraph.
4. Cleaning is deterministic.
5. Real dumps stay as good under harmless mutations (CRLF, NBSP, soft hyphens, trailing
   whitespace, a repeated menu, shuffled menu lines, a mojibake line in the menu).

The settings profile `dwclean-ci` (registered and loaded here) keeps CI bounded; set
`DWCLEAN_HYPOTHESIS_PROFILE` to another registered profile to change it. `tests/fuzz_long.py`
runs the same checks with a large example budget.
"""

from __future__ import annotations

import codecs
import gzip
import html
import json
import os
import random
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import dwclean

from .conftest import CORPUS, FIXTURES, needs_shared

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# database=None: no .hypothesis/ folder in the checkout; a failure prints its reproducer.
settings.register_profile(
    "dwclean-ci",
    max_examples=120,
    deadline=None,
    suppress_health_check=_HEALTH,
    database=None,
    print_blob=True,
)
settings.register_profile("dwclean-quick", settings.get_profile("dwclean-ci"), max_examples=25)
settings.load_profile(os.environ.get("DWCLEAN_HYPOTHESIS_PROFILE", "dwclean-ci"))

# --------------------------------------------------------------------------------------------
# tokens and the checks themselves (plain functions: tests/fuzz_long.py reuses them)
# --------------------------------------------------------------------------------------------


def toks(text: str) -> list[str]:
    """Word tokens, exactly as the brief and ../shared/corpus/score.py define them."""
    return re.findall(r"\w+", text.lower())


# Invisible format characters: a word with a soft hyphen (or a zero-width space / BOM) in it is
# one word on screen, and dwclean deletes these characters on purpose. Joining the two halves
# is therefore not invention; the input is read both with and without them.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\ufeff"))
_TAG = re.compile(r"<[^>]*>")


def _cased(char: str) -> bool:
    return char.isupper() or char.islower()


def _word_char(char: str) -> bool:
    return re.match(r"\w", char) is not None


def _cut_point(text: str, i: int) -> bool:
    """May a word of `text` end or begin at position i?

    At a word boundary, and where two words are glued without a space: `NadeschdinBild:`,
    `2021Bild:`, `AFPBild`, `Foto:` after Arabic. Scripts without letter case (CJK, Arabic …)
    give no sign where glued words meet, and CJK has no spaces at all: any position counts.
    """
    if i <= 0 or i >= len(text) or not (_word_char(text[i - 1]) and _word_char(text[i])):
        return True
    before, char, after = text[i - 1], text[i], text[i + 1 : i + 2]
    return (
        (before.islower() and char.isupper())
        or (before.isupper() and char.isupper() and after.islower())
        or (before.isalpha() and char.isdigit())
        or (before.isdigit() and char.isalpha())
        or (before.isalpha() and not _cased(before))
        or (char.isalpha() and not _cased(char))
    )


_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|header|footer|article|section|nav|aside|figure|figcaption"
    r"|blockquote|br|hr|img|title|head|body|html|table|tr|td|th|script|style)\b[^>]*>",
    re.I,
)
_MD_TARGET = re.compile(r"\]\((?:\\.|[^()\\]|\([^()]*\))*\)")
_MD_MARKUP = re.compile(r"[\[\]*_!\\`]")


def demarkdown(text: str) -> str:
    """Markdown (html2text dumps) as read: `[a](b)c` reads `ac`, `**a**` reads `a`."""
    return _MD_MARKUP.sub("", _MD_TARGET.sub("]", text))


def input_views(source: str) -> list[str]:
    """The input as a reader can see it: the words output may use.

    A text dump: as it is, without invisible characters and without Markdown markup. An HTML
    page: also its text, entities unescaped, with tags removed three ways: all glued
    (`<b>a</b>b` reads `ab`), all as spaces, block tags as spaces and inline ones glued
    (`<p><em>a</em>s</p><p>b</p>` reads `as b`).
    """
    views = [source]
    if _maybe_html(source):  # reading a dump as HTML too only adds words: lenient
        views += [
            html.unescape(source),
            html.unescape(_TAG.sub("", source)),
            html.unescape(_TAG.sub(" ", source)),
            html.unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", source))),
        ]
    views += [v.translate(_INVISIBLE) for v in views]
    views += [demarkdown(v) for v in views]
    return views


def _glued_piece(token: str, views: list[str]) -> bool:
    """Does `token` occur in the input as a word cut from glued words at both its ends?"""
    for view in views:
        lowered = view.lower()
        if len(lowered) != len(view):  # lower() changed lengths ("İ"): positions do not match
            if token in lowered:
                return True
            continue
        start = lowered.find(token)
        while start != -1:
            if _cut_point(view, start) and _cut_point(view, start + len(token)):
                return True
            start = lowered.find(token, start + 1)
    return False


class InputWords:
    """The words of one input, the cheap view first: most output words are plainly there."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.plain = set(toks(source))
        self._views: list[str] | None = None
        self._known: set[str] | None = None

    def views(self) -> list[str]:
        if self._views is None:
            self._views = input_views(self.source)
        return self._views

    def known(self) -> set[str]:
        if self._known is None:
            self._known = {t for view in self.views() for t in toks(view)}
        return self._known

    def invented(self, text: str) -> list[str]:
        """Tokens of `text` that are no words of the input (nor pieces of its glued words)."""
        return [
            t
            for t in toks(text)
            if t not in self.plain and t not in self.known() and not _glued_piece(t, self.views())
        ]


def invented_tokens(source: str, texts: list[str]) -> list[str]:
    words = InputWords(source)
    return [t for text in texts for t in words.invented(text)]


def _maybe_html(source: str) -> bool:
    return "<" in source or "&" in source


def output_texts(article: dwclean.Article) -> list[tuple[str, str]]:
    texts = [("title", article.title), ("section", article.section)]
    for i, block in enumerate(article.blocks):
        texts += [(f"blocks[{i}].text", block.text), (f"blocks[{i}].credit", block.credit)]
    return [(where, text) for where, text in texts if text]


def clean_or_none(source: str | bytes) -> dwclean.Article | None:
    """Property 1: the article, or None for a DwcleanError; anything else propagates."""
    try:
        return dwclean.clean(source)
    except dwclean.DwcleanError:
        return None


def check_only_dwclean_errors(source: str | bytes) -> None:
    try:
        dwclean.clean(source)
    except dwclean.DwcleanError:
        pass
    except BaseException as error:  # a bare traceback is exactly what the property forbids
        raise AssertionError(
            f"clean() raised {type(error).__name__}: {error} (not a DwcleanError)"
        ) from error


def check_nothing_invented(source: str) -> None:
    article = clean_or_none(source)
    if article is None:
        return
    words = InputWords(source)
    for where, text in output_texts(article):
        invented = words.invented(text)
        assert not invented, f"{where} = {text!r} has words not in the input: {invented}"


def plain_paragraph_text(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


def check_nothing_lost(lines: list[str]) -> None:
    source = plain_paragraph_text(lines)
    try:
        article = dwclean.clean(source)
    except dwclean.DwcleanError as error:  # running text: it must be an article
        raise AssertionError(f"plain paragraphs rejected: {error!r}") from error
    body = [b.text for b in article.blocks if b.kind in ("lead", "paragraph")]
    for line in lines:
        assert line in body, f"paragraph lost: {line!r}; got {article.to_dict()}"


def check_deterministic(source: str | bytes) -> None:
    first = clean_or_none(source)
    second = clean_or_none(source)
    if first is None or second is None:
        assert first is second, "one run raised a DwcleanError and the other did not"
        return
    assert first.to_dict(explain=True) == second.to_dict(explain=True)


# --------------------------------------------------------------------------------------------
# strategies
# --------------------------------------------------------------------------------------------

_WORDS = (
    "the and of to in a is that for on was with as by it said from government Berlin Germany "
    "election minister people country year week police city water river school children date "
    "author share watch video read more cookie cookies image photo picture keywords "
    "advertisement feedback permalink content navigation language live news report Putin Ära "
    "Föderation für über Straße Wähler Menschen gegen während Kälte Москва выборы президент "
    "страны الانتخابات الحكومة 选举 政府 Türkiye çerez 2020 2024 17 100.000 19.01.2020 02:17 U.S. "
    "don't co-operation e-mail"
)
VOCABULARY = _WORDS.split()  # everyday words, DW furniture words, other scripts, numbers

_LETTERS = st.characters(categories=("Lu", "Ll", "Lo", "Nd"))
word = st.one_of(
    st.sampled_from(VOCABULARY),
    st.sampled_from(VOCABULARY),
    st.text(_LETTERS, min_size=1, max_size=10),
)


@st.composite
def sentence(
    draw: st.DrawFn,
    min_words: int = 10,
    max_words: int = 30,
    end: str = ".",
    words: st.SearchStrategy[str] = word,
    first: st.SearchStrategy[str] | None = None,
) -> str:
    drawn = draw(st.lists(words, min_size=min_words, max_size=max_words))
    if first is not None:
        drawn[0] = draw(first)
    drawn[0] = drawn[0][:1].upper() + drawn[0][1:]
    return " ".join(drawn) + end


def short_text(min_words: int = 1, max_words: int = 6) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


_DATE = st.builds(
    "{:02d}.{:02d}.{}".format,
    st.integers(1, 31),
    st.integers(1, 12),
    st.integers(1990, 2030),
)


@cache
def real_lines() -> tuple[str, ...]:
    """Non-blank lines of the bundled fixture dumps: real DW furniture and text shapes."""
    lines = []
    for path in sorted((FIXTURES / "dumps").glob("*.txt")):
        lines += [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return tuple(lines)


FURNITURE = [
    "Skip to content",
    "Skip to main menu",
    "Zum Inhalt springen",
    "Zur Hauptnavigation springen",
    "1. Inhalt",
    "2. Navigation",
    "6. Choose from 30 Languages",
    "* Albanian Shqip",
    "* Amharic አማርኛ",
    "* Deutsch Deutsch",
    "* English English",
    "You need to enable JavaScript to run this app.",
    "#alternate",
    "IFRAME: https://x.example/",
    "[tr?id=1&ev=PageView]",
    "Advertisement",
    "Anzeige",
    "Share",
    "More info OK",
    "We use cookies to improve our service for you. You can find more information in our data "
    "protection declaration.",
    "DW recommends",
    "Related topics",
    "Date 19.01.2020",
    "Author Ben Knight",
    "Permalink https://p.dw.com/p/3WNxI",
    "https://p.dw.com/p/4boRv",
    "Watch video 02:17",
    "02:23",
    "THEMEN / Welt / Europa",
    "Read more: Something happened",
    "Mehr zum Thema: Etwas",
    "© 2024 Deutsche Welle",
    "________",
    "30.01.202430. Januar 2024",
    "03/14/2024March 14, 2024",
    "To view this video please enable JavaScript",
]


@st.composite
def dw_line(draw: st.DrawFn) -> str:
    """One line a DW dump might contain."""
    kind = draw(st.integers(0, 15))
    if kind == 0:
        line = draw(st.sampled_from(FURNITURE))
    elif kind == 1:
        line = draw(st.sampled_from(real_lines()))
    elif kind == 2:
        title, section = draw(short_text(2, 8)), draw(short_text(1, 3))
        line = f"{title} | {section} | DW | {draw(_DATE)}"
    elif kind == 3:
        line = f"{draw(short_text(2, 8))} – DW – {draw(_DATE)}"
    elif kind in (4, 5, 6):
        line = draw(sentence(4, 40, end=draw(st.sampled_from([".", "?", "!", "", ":", "…"]))))
    elif kind == 7:
        label = draw(st.sampled_from(["Bild:", "Image:", "Foto:", "Photo:", "Fotoğraf:"]))
        line = f"{draw(short_text(2, 10))} {label} {draw(short_text(1, 2))}/dpa"
    elif kind == 8:
        line = f"{draw(short_text(2, 8))} (picture-alliance/dpa/{draw(short_text(1, 2))})"
    elif kind == 9:
        line = "#" * draw(st.integers(1, 6)) + " " + draw(short_text(1, 8))
    elif kind == 10:
        a, b = draw(short_text(1, 4)), draw(st.text(max_size=12))
        line = draw(
            st.sampled_from([f"[{a}]({b})", f"![{a}]({b})", f"**{a}**", f"_{a}_", f"[]({b})"])
        )
        line = f"{draw(short_text(0, 4))} {line}{draw(short_text(0, 4))}"
    elif kind == 11:
        tag = draw(st.sampled_from(["p", "div", "h1", "h2", "a", "b", "figure", "script"]))
        line = f"<{tag}>{draw(short_text(0, 8))}</{tag}>"
    elif kind == 12:
        line = draw(st.sampled_from(["*", "•", "+", "o", "#", "1.", "* *", "□ ☆"]))
        line += " " + draw(short_text(1, 5))
    elif kind == 13:
        line = draw(st.text(max_size=40))
    elif kind == 14:
        line = draw(_DATE)
    else:
        line = draw(short_text(1, 6))
    indent = draw(st.sampled_from(["", "", "", "   ", "     ", "     * ", "          ", "\t"]))
    return indent + line


@st.composite
def dw_dump(draw: st.DrawFn) -> str:
    """A random mix of DW-like lines, usually with some running text in it."""
    lines = draw(st.lists(dw_line(), min_size=1, max_size=40))
    for _ in range(draw(st.integers(0, 4))):  # running text, so that articles come out
        lines.insert(draw(st.integers(0, len(lines))), draw(sentence(10, 40)))
    separators = draw(
        st.lists(
            st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\n  \n"]),
            min_size=len(lines),
            max_size=len(lines),
        )
    )
    return "".join(line + sep for line, sep in zip(lines, separators, strict=True))


_ENTITIES = [
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&shy;",
    "&lt;p&gt;",
    "&#x41;",
    "&quot;",
    "&eacute;",
    "&#0;",
    "&#128;",
    "&notanentity;",
    "&ouml",
    "&",
]


@st.composite
def inline_html(draw: st.DrawFn, min_words: int = 1, max_words: int = 30) -> str:
    """Text with inline markup and entities, as in a DW paragraph."""
    parts = []
    for w in draw(st.lists(word, min_size=min_words, max_size=max_words)):
        roll = draw(st.integers(0, 20))
        if roll == 0:
            w = f"<b>{w}</b>"
        elif roll == 1:
            w = f'<a href="https://www.dw.com/x/a-1">{html.escape(w)}</a>'
        elif roll == 2:
            w = draw(st.sampled_from(_ENTITIES)) + w
        elif roll == 3:
            w = f"<em>{w}</em>" + draw(st.sampled_from(["", "s", "<br>", "&shy;x"]))
        parts.append(w)
    end = draw(st.sampled_from([".", ".", "?", ""]))
    return " ".join(parts) + end


@st.composite
def body_child(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 3:
        return f"<p>{draw(inline_html(5, 40))}</p>"
    if kind == 4:
        return f"<h2>{draw(inline_html(1, 8))}</h2>"
    if kind == 5:
        items = draw(st.lists(inline_html(1, 12), min_size=1, max_size=4))
        return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    if kind == 6:
        credit = f"Bild: {draw(short_text(1, 2))}/dpa"
        return (
            f'<figure><img alt="{html.escape(draw(short_text(1, 5)))}"><figcaption>'
            f"{draw(inline_html(2, 12))}{credit}</figcaption></figure>"
        )
    if kind == 7:
        return f"<p><strong>{draw(inline_html(1, 8))}</strong></p>"
    if kind == 8:
        return f"<blockquote>{draw(inline_html(3, 20))}</blockquote>"
    return f'<div class="gallery"><p>{draw(inline_html(1, 10))}</p></div>'


@st.composite
def dw_html(draw: st.DrawFn) -> str:
    """A DW-like HTML page in the modern or old layout, or an unknown one."""
    title = draw(inline_html(2, 10))
    children = "".join(draw(st.lists(body_child(), min_size=0, max_size=8)))
    lead = draw(inline_html(5, 30))
    head = (
        f'<html lang="{draw(st.sampled_from(["de", "en", "fr", "ru", "xx", ""]))}"><head>'
        f"<title>{draw(short_text(1, 6))} – DW – {draw(_DATE)}</title>"
        + draw(
            st.sampled_from(
                [
                    "",
                    '<link rel="canonical" href="https://www.dw.com/de/x/a-1">',
                    '<script type="application/ld+json">{"@type": "NewsArticle", '
                    '"datePublished": "2024-01-30", '
                    '"author": [{"name": "Jennifer Pahlke"}]}</script>',
                    '<meta property="og:type" content="article">',
                ]
            )
        )
        + "</head><body>"
    )
    layout = draw(st.integers(0, 3))
    if layout == 0:
        page = (
            f"<nav><a>{draw(short_text(1, 3))}</a></nav><article><header><h1>{title}</h1>"
            f"<p>{lead}</p></header>{draw(body_child())}"
            f'<div class="rich-text">{children}</div></article>'
        )
    elif layout == 1:
        page = (
            f'<div id="bodyContent"><div class="col3"><h1>{title}</h1><p class="intro">{lead}'
            f'</p><div class="picBox"><img alt="x"><p>{draw(inline_html(1, 8))}</p></div>'
            f'<div class="longText">{children}</div><ul class="smallList">'
            f"<li>Date {draw(_DATE)}</li><li>Author {draw(short_text(1, 3))}</li></ul>"
            "</div></div>"
        )
    elif layout == 2:
        page = f"<article><h1>{title}</h1><p>{lead}</p>{children}</article>"
    else:
        page = f"<div><h1>{title}</h1><p>{lead}</p>{children}</div>"
    noise = draw(st.lists(st.one_of(dw_line(), st.sampled_from(_ENTITIES)), max_size=3))
    return head + page + "".join(noise) + "</body></html>"


_CHARSETS = (
    "utf-8",
    "utf-16",
    "cp1252",
    "latin-1",
    "koi8-r",
    "cp1251",
    "gb18030",
    "shift_jis",
    "utf-7",
    "idna",
    "punycode",
    "rot13",
    "hex",
    "base64",
    "nonsense",
    "utf-8-sig",
    "unicode_escape",
    "raw_unicode_escape",
    "cp037",
    "uu",
)


@st.composite
def structured_bytes(draw: st.DrawFn) -> bytes:
    """Bytes shaped like real inputs: encoded dumps and pages, BOMs, gzip, declared charsets."""
    text = draw(st.one_of(dw_dump(), dw_html(), st.text(max_size=200)))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "cp1251", "gb18030"]))
    data = text.encode(encoding, errors="replace")
    roll = draw(st.integers(0, 5))
    if roll == 0:
        bom = draw(
            st.sampled_from(
                [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
            )
        )
        data = bom + data
    elif roll == 1:
        charset = draw(st.sampled_from(_CHARSETS))
        data = f'<meta charset="{charset}">'.encode() + data
    elif roll == 2:
        data = gzip.compress(data)
        if draw(st.booleans()):
            data = data[: draw(st.integers(2, max(2, len(data))))]
    elif roll == 3:
        data = data[: draw(st.integers(0, len(data)))] + draw(st.binary(max_size=20))
    return data


any_text = st.one_of(st.text(), dw_dump(), dw_html())
any_bytes = st.one_of(st.binary(), structured_bytes())


@st.composite
def plain_paragraphs(draw: st.DrawFn) -> list[str]:
    """3–10 sentence-like lines of 10–30 words, each ending with a period."""
    return draw(st.lists(sentence(10, 30), min_size=3, max_size=10))


# --------------------------------------------------------------------------------------------
# 1. only DwcleanError
# --------------------------------------------------------------------------------------------


@given(any_text)
def test_clean_str_raises_only_dwclean_errors(source: str) -> None:
    check_only_dwclean_errors(source)


# Found by this property: bytes declaring `<meta charset="punycode">` (or "idna") made
# `bytes.decode` raise a UnicodeError that is no UnicodeDecodeError, out of clean() (CLI: exit
# 70). Fixed in 70df558; the examples keep it fixed.
@example(b'<meta charset="punycode">')
@example(b"<meta charset=idna>.xn--a")
@given(any_bytes)
def test_clean_bytes_raises_only_dwclean_errors(data: bytes) -> None:
    check_only_dwclean_errors(data)


# --------------------------------------------------------------------------------------------
# 2. nothing invented
# --------------------------------------------------------------------------------------------


# found by the suite: html2text's horizontal rule ("________") had its emphasis marks stripped
# into a title "__", a word the input never had
@example(
    "________\n" + "Leila came to Cologne a year and a half ago as a nurse. " * 3 + "\n# the\n" * 3
)
@given(st.one_of(dw_dump(), st.text()))
def test_nothing_invented_in_dumps(source: str) -> None:
    check_nothing_invented(source)


@given(dw_html())
def test_nothing_invented_in_html(source: str) -> None:
    check_nothing_invented(source)


def _real_pages() -> list[Path]:
    pages = sorted((FIXTURES / "html").glob("*.html"))
    return pages + (sorted(CORPUS.glob("*/page.html")) if CORPUS.is_dir() else [])


@pytest.mark.parametrize("page", _real_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_nothing_invented_in_real_pages(page: Path) -> None:
    check_nothing_invented(page.read_text(encoding="utf-8", errors="replace"))


# --------------------------------------------------------------------------------------------
# 3. nothing lost
# --------------------------------------------------------------------------------------------

# Found by this property (dwclean bug 2, fixed in 9042427): a plain text whose first paragraph
# mentioned a cookie lost that paragraph (the cookie-banner rule: a cookie word, <= 45 words,
# first candidate or right after a removed one), and when every paragraph did, clean() raised
# NotAnArticleError: an article about cookie rules could not be cleaned at all.
BUG_2_TEXT = [
    "The bakery on the corner sold a chocolate cookie to every child who came in that morning.",
    "The city council met on Tuesday evening to discuss the new budget for the coming year.",
    "Most members agreed that the schools and the public library needed more money than before.",
]
BUG_2_ARTICLE = [
    "The European Union wants websites to ask visitors before they store cookies on a computer.",
    "Many users say the cookie banners are annoying and click them away without reading a word.",
    "Consumer groups argue that the rules on cookies have done little to protect privacy so far.",
]
# Found by this property (dwclean bug 3, fixed in 9042427): a paragraph starting with an English
# boilerplate prefix ("Author ", "Date ", "Permalink ", "Keywords " …) was removed whatever it
# said, in any language and any position (the prefix rules matched whole sentences).
BUG_3_TEXT = [
    "The city council met on Tuesday evening to discuss the new budget for the coming year.",
    "Author and journalist Anna Politkovskaya wrote about the war in Chechnya for many years.",
    "Date palms grow well in the hot and dry climate of the southern desert regions.",
]


# Found by this property (the glued-date rule of the real-pages work): a date inside the first
# paragraph, followed by a digit glued to a word, was cut off with the words before it.
BUG_4_TEXT = [
    "The the the the 19.01.2020 0A the the the the.",
    "The the the the the the the the the the.",
    "The the the the the the the the the the.",
]


# dwclean bug 9, found by this property (fuzz_long seed 71) in the rule that reads a byline
# glued to a date line as the date line: a sentence ending in a word glued to a date ("… A0
# 19.01.2020.") was taken for one, the paragraph above it for the headline, and both were lost.
BUG_9_TEXT = [
    "The the the the the the the the the the.",
    "The the the the the the the the A0 19.01.2020.",
    "The the the the the the the the the the.",
]


@example(BUG_2_TEXT)
@example(BUG_2_ARTICLE)
@example(BUG_3_TEXT)
@example(BUG_4_TEXT)
@example(BUG_9_TEXT)
@given(plain_paragraphs())
def test_nothing_lost_from_plain_paragraphs(lines: list[str]) -> None:
    check_nothing_lost(lines)


# --------------------------------------------------------------------------------------------
# 4. deterministic
# --------------------------------------------------------------------------------------------


@given(st.one_of(any_text, any_bytes))
def test_clean_is_deterministic(source: str | bytes) -> None:
    check_deterministic(source)


# --------------------------------------------------------------------------------------------
# 5. robustness of real dumps to harmless mutations
# --------------------------------------------------------------------------------------------

STYLES = ("lynx", "lynx79", "w3m", "html2text", "inscriptis", "seedstyle")
MOJIBAKE_SOURCE = "Über uns – Nachrichten für Sie: Kultur, Wirtschaft & Geschäft • Impressum"


def _score() -> Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]:
    if str(CORPUS) not in sys.path:
        sys.path.insert(0, str(CORPUS))
    from score import score

    return score  # type: ignore[no-any-return]


def corpus_cases() -> list[tuple[Path, Path]]:
    """(dump, expected) of the shared corpus; empty when ../shared is absent."""
    cases = []
    for folder in sorted(CORPUS.glob("*/")) if CORPUS.is_dir() else []:
        for style in STYLES:
            dump, expected = folder / f"{style}.txt", folder / f"expected.{style}.json"
            if dump.is_file() and expected.is_file():
                cases.append((dump, expected))
    return cases


def fixture_cases() -> list[tuple[Path, Path]]:
    """(dump, expected) of the bundled fixtures: the same labels, always present. Left out:
    index pages (no article to keep; test_golden_fixtures checks they are refused) and a dump
    of a single line (no furniture lines around the article to move, repeat or garble)."""
    cases = []
    for dump in sorted((FIXTURES / "dumps").glob("*.txt")):
        expected = dump.with_name(dump.name[: -len(".txt")] + ".expected.json")
        label = json.loads(expected.read_text(encoding="utf-8"))
        lines = dump.read_text(encoding="utf-8").strip().count("\n") + 1
        if label.get("page_type") != "index" and lines > 1:
            cases.append((dump, expected))
    return cases


def _norm(text: str) -> str:
    return " ".join(toks(text))


def headline_line(lines: list[str], title: str | None) -> int:
    """Index of the headline's (first) line; the debris area is lines[1:index]."""
    wanted = _norm(title or "")
    need = min(3, len(wanted.split()))
    for i, line in enumerate(lines[1:], 1):
        got = _norm(line.translate(_INVISIBLE))
        if got and need and wanted.startswith(got) and len(got.split()) >= need:
            return i
    return 1  # no headline found: an empty debris area (the mutations become no-ops)


def _words_positions(text: str, rng: random.Random, share: float) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", text) if rng.random() < share]


def _hard_wrapped(lines: list[str]) -> bool:
    """lynx79-like: lines broken at a fixed width, so one text line spans several."""
    lengths = [len(x.rstrip()) for x in lines if x.strip()]
    return (
        sum(n > 80 for n in lengths) <= 0.02 * len(lengths) and sum(n >= 60 for n in lengths) >= 5
    )


def text_lines(lines: list[str]) -> list[list[str]]:
    """Physical lines grouped into the lines of text they print.

    In a hard-wrapped dump a line goes on in the next one (same indentation, no bullet) when it
    is long or had no room for the next one's first word (`IFRAME:` above a long URL); moving
    or cutting between the two would make new lines of text, not move one. Otherwise every
    physical line is a line of text.
    """
    units: list[list[str]] = []
    width = max((len(x.rstrip()) for x in lines), default=0)
    wrapped = _hard_wrapped(lines)
    for line in lines:
        previous = units[-1][-1].rstrip() if units else ""
        words = line.split()
        continues = (
            wrapped
            and previous.strip()
            and words
            and (len(previous) >= 55 or len(previous) + 1 + len(words[0]) > width)
            and abs(_indent(line) - _indent(previous)) <= 2
            and not re.match(r"\s*(?:[*+o•]|\d+\.)\s", line)
        )
        if continues:
            units[-1].append(line)
        else:
            units.append([line])
    return units


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _flat(units: list[list[str]]) -> list[str]:
    return [line for unit in units for line in unit]


def mutate(text: str, mutation: str, rng: random.Random, title: str | None) -> str:
    """A harmless change of a dump, as real pipelines make them.

    Line-level mutations move whole lines of text: in a hard-wrapped dump (lynx79) a line that
    the renderer wrapped over several physical lines moves as one (see `text_lines`).
    """
    if mutation == "crlf":
        return text.replace("\n", "\r\n")
    if mutation == "nbsp":
        chars = list(text)
        for i in _words_positions(text, rng, 0.3):
            chars[i] = "\u00a0"
        return "".join(chars)
    if mutation == "soft-hyphen":

        def hyphenate(match: re.Match[str]) -> str:
            w = match.group(0)
            if rng.random() < 0.3:
                cut = rng.randrange(2, len(w) - 1)
                return w[:cut] + "\u00ad" + w[cut:]
            return w

        return re.sub(r"[^\W\d_]{5,}", hyphenate, text)
    lines = text.split("\n")
    if mutation == "trailing-whitespace":  # before the line end, also a CRLF one
        return "\n".join(
            re.sub(r"(?=\r?$)", rng.choice([" ", "  ", "\t", " \t "]), line, count=1)
            if rng.random() < 0.5
            else line
            for line in lines
        )
    units = text_lines(lines)
    if mutation == "duplicate-menu":  # the first 10 lines (and the rest of a wrapped one)
        count, taken = 0, 0
        # only what stands above the headline: a short header must not repeat article text
        limit = min(10, headline_line(lines, title)) or 10
        while taken < limit and count < len(units):
            taken += len(units[count])
            count += 1
        return "\n".join(_flat(units[:count] + units[:count] + units[count:]))
    headline = headline_line(lines, title)
    first, ends = units[:1], [sum(len(u) for u in units[: i + 1]) for i in range(len(units))]
    area = next((i for i, end in enumerate(ends) if end > headline), len(units))  # headline's
    if mutation == "shuffle-debris":
        debris = units[1:area]
        rng.shuffle(debris)
        return "\n".join(_flat(first + debris + units[area:]))
    if mutation == "mojibake":  # a copy of a menu line (or a stock one) in the wrong encoding
        sources = [u for u in units[1:area] if not "".join(u).isascii()] + [[MOJIBAKE_SOURCE]]
        garbled = [
            x.encode("utf-8").decode("cp1252", errors="replace") for x in rng.choice(sources)
        ]
        at = rng.randint(1, max(1, area - 1))
        return "\n".join(_flat([*units[:at], garbled, *units[at:]]))
    raise ValueError(mutation)


# In the order they are applied when combined: first the page's lines (a repeated menu, its
# lines shuffled, a garbled one added), then characters inside lines, line endings last.
MUTATIONS = (
    "duplicate-menu",
    "shuffle-debris",
    "mojibake",
    "nbsp",
    "soft-hyphen",
    "trailing-whitespace",
    "crlf",
)
_TOLERANCE = 0.02


@cache
def _load(dump: Path, expected: Path) -> tuple[str, dict[str, Any]]:
    return dump.read_text(encoding="utf-8"), json.loads(expected.read_text(encoding="utf-8"))


@cache
def _base_score(dump: Path, expected: Path) -> dict[str, Any]:
    text, gold = _load(dump, expected)
    return _score()(gold, dwclean.clean(text).to_dict())


def apply_mutations(dump: Path, expected: Path, mutations: tuple[str, ...], seed: int) -> str:
    text, gold = _load(dump, expected)
    rng = random.Random(seed)
    for mutation in sorted(mutations, key=MUTATIONS.index):
        text = mutate(text, mutation, rng, gold.get("title"))
    return text


def check_mutation_robust(
    dump: Path, expected: Path, mutations: tuple[str, ...], seed: int
) -> None:
    base = _base_score(dump, expected)
    mutated = apply_mutations(dump, expected, mutations, seed)
    got = _score()(_load(dump, expected)[1], dwclean.clean(mutated).to_dict())
    what = f"{dump.parent.name}/{dump.name} + {'+'.join(mutations)} (seed {seed})"
    assert got["body_f1"] >= base["body_f1"] - _TOLERANCE, (
        f"{what}: body_f1 {base['body_f1']} -> {got['body_f1']}"
    )
    assert got["debris_leak"] <= base["debris_leak"] + _TOLERANCE, (
        f"{what}: debris_leak {base['debris_leak']} -> {got['debris_leak']}"
    )


def _case_id(case: tuple[Path, Path]) -> str:
    return f"{case[0].parent.name}/{case[0].stem}"


@needs_shared
@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("case", corpus_cases(), ids=_case_id)
def test_corpus_dump_survives_mutation(case: tuple[Path, Path], mutation: str) -> None:
    check_mutation_robust(case[0], case[1], (mutation,), seed=1)


@needs_shared  # the scorer is ../shared/corpus/score.py
@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("case", fixture_cases(), ids=lambda c: c[0].stem)
def test_fixture_dump_survives_mutation(case: tuple[Path, Path], mutation: str) -> None:
    check_mutation_robust(case[0], case[1], (mutation,), seed=1)


def _all_cases() -> list[tuple[Path, Path]]:
    return corpus_cases() + fixture_cases()


mutation_plans = st.tuples(
    st.sampled_from(_all_cases()),
    st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4, unique=True).map(tuple),
    st.integers(0, 2**32 - 1),
)


# derandomize: the same 100 plans on every run, so that CI never turns red at random on a rare
# combination (as bug 5 below did); tests/fuzz_long.py explores at random.
@needs_shared
@settings(max_examples=100, derandomize=True)
@given(mutation_plans)
def test_dump_survives_random_mutations(
    plan: tuple[tuple[Path, Path], tuple[str, ...], int],
) -> None:
    (dump, expected), mutations, seed = plan
    check_mutation_robust(dump, expected, mutations, seed)


def _blocks(text: str) -> list[tuple[str, str, str | None]]:
    return [(b.kind.value, b.text, b.credit) for b in dwclean.clean(text).blocks]


def _insert_line(text: str, at: int, line: str) -> str:
    lines = text.split("\n")
    return "\n".join([*lines[:at], line, *lines[at:]])


# Found by property 5 (dwclean bug 4, fixed in 9042427; a mojibake line in a lynx79 dump): one
# line of text wider than the wrap width (91 to 101 characters), anywhere (here in the menu),
# turned unwrapping off for the whole dump: every paragraph fell apart at its physical line
# ends (corpus: body F1 1.0 -> 0.32..0.39).
def test_one_overwide_menu_line_keeps_a_hard_wrapped_dump_unwrapped() -> None:
    text = (FIXTURES / "dumps" / "en-old-lynx79.txt").read_text(encoding="utf-8")
    line = (  # 96 characters: the lengths 91 to 101 broke it
        "Wrong language? Change it here DW.COM has chosen English as your language setting "
        "for you today."
    )
    assert len(line) == 96
    assert _blocks(_insert_line(text, 20, line)) == _blocks(text)


# Found by property 5 (dwclean bug 5, fixed in 9042427; a mojibake line, also shuffled or
# repeated menus): the first line before the headline that read like a sentence and matched no
# rule became the lead, and the whole menu between it and the headline was kept as subheads and
# captions. Here a cp1252-garbled copy of the cookie banner (which no longer matches, and is
# followed by prose, the real banner) added 42 blocks of menu.
def test_a_garbled_cookie_banner_above_the_menu_is_not_the_lead() -> None:
    text = (FIXTURES / "dumps" / "es-old-w3m.txt").read_text(encoding="utf-8")
    at, banner = next(
        (i, x) for i, x in enumerate(text.split("\n")) if x.startswith("Utilizamos cookies")
    )
    garbled = banner.encode("utf-8").decode("cp1252", errors="replace")
    assert _blocks(_insert_line(text, at, garbled)) == _blocks(text)


# Found by property 5 (shuffled menu lines; dwclean bug 6, a regression of the fix of bug 3 in
# 9042427, fixed in ca461c7): DW's "Wrong language? Change it here DW.COM has chosen … as your
# language setting." is a sentence, so its boilerplate prefix stopped removing it; standing
# directly above the headline it became the lead (the headline a subhead). Corpus: body F1
# 1.0 -> 0.76 (elephants/lynx).
def test_wrong_language_banner_above_the_headline_is_not_the_lead() -> None:
    dump = FIXTURES / "dumps" / "de-old-lynx.txt"
    text = dump.read_text(encoding="utf-8")
    title = json.loads(dump.with_name("de-old-lynx.expected.json").read_text("utf-8"))["title"]
    lines = text.split("\n")
    headline = headline_line(lines, title)
    banner = next(i for i, x in enumerate(lines) if "Wrong language?" in x)
    moved = [*lines[:banner], *lines[banner + 1 : headline], lines[banner], *lines[headline:]]
    assert _blocks("\n".join(moved)) == _blocks(text)


# dwclean bug 7, found by property 5 (fuzz_long: a repeated menu and a mojibake line): a line
# that matches no rule, standing directly above the headline and longer than it, is taken as the
# title, and the real headline becomes the lead. Corpus: body F1 1.0 -> 0.88 (elephants/lynx);
# in most fixtures only the title goes wrong, in es-old-w3m the headline also enters the body.
@pytest.mark.xfail(
    strict=True, reason="dwclean bug 7: a stray line above the headline is taken as the title"
)
def test_a_garbled_line_above_the_headline_is_not_the_title() -> None:
    dump = FIXTURES / "dumps" / "es-old-w3m.txt"
    text = dump.read_text(encoding="utf-8")
    title = json.loads(dump.with_name("es-old-w3m.expected.json").read_text("utf-8"))["title"]
    lines = text.split("\n")
    garbled = MOJIBAKE_SOURCE.encode("utf-8").decode("cp1252", errors="replace")
    mutated = _insert_line(text, headline_line(lines, title), garbled)
    assert dwclean.clean(mutated).title == title
    assert _blocks(mutated) == _blocks(text)


@given(mutation_plans)
def test_nothing_invented_in_mutated_real_dumps(
    plan: tuple[tuple[Path, Path], tuple[str, ...], int],
) -> None:
    (dump, expected), mutations, seed = plan
    check_nothing_invented(apply_mutations(dump, expected, mutations, seed))


@example("Skip to content\n\nA headline\n\n" + "word " * 30 + "end.\n")
@given(st.one_of(dw_dump(), dw_html()))
def test_markdown_and_json_render_whatever_clean_returns(source: str) -> None:
    """Not one of the five, but free: every article clean returns can be rendered."""
    article = clean_or_none(source)
    if article is not None:
        json.loads(dwclean.to_json(article))
        assert isinstance(dwclean.to_markdown(article), str)


# Found by the long fuzz run (property 5, 500 examples), each fixed; kept as (fixture,
# mutations, seed):
# - html2text keeps the skip links' numbers ("1. Inhalt"), which were not recognised as skip
#   links: with the menu repeated and shuffled, the cookie banner became the lead (F1 0.95);
# - the old layout's German skip list was "DW furniture", not navigation, so a garbled copy of
#   the cookie banner above it became the lead (0.89);
# - a cookie banner shuffled between kicker and headline left its button line standing, which
#   hid the kicker, and the sentence-like headline became the lead (0.979);
# - a garbled menu line ("Ãœber uns â€“ Nachrichten fÃ¼r Sie …") right above the headline was
#   taken as the title (0.978);
# - a shuffle took the kicker away from a sentence-like headline that lynx set flush left as a
#   heading: the headline became the lead (0.979);
# - a copy of the cookie banner (the menus printed twice) shuffled to just above the headline,
#   without its button line, was taken as the lead (0.041 on the Croatian gallery).
FUZZ_EXAMPLES = [
    ("sw-old-html2text", ("duplicate-menu", "shuffle-debris"), 16651),
    ("ps-old-seedstyle-article-truncated", ("shuffle-debris", "mojibake"), 0),
    ("tr-old-lynx79-article-agency", ("shuffle-debris",), 2),
    ("bs-old-inscriptis-article-exclaim", ("mojibake",), 1289),
    ("tr-old-lynx79-article-agency", ("shuffle-debris",), 4),
    ("hr-old-w3m-gallery", ("duplicate-menu", "shuffle-debris"), 207018),
    ("ps-old-seedstyle-article-truncated", ("duplicate-menu", "shuffle-debris"), 1200244),
    # fuzz_long seed 112: a garbled copy of the Turkish cookie banner inside the menu ("Ã§erezler"
    # names no cookie word until read right again) became the lead and lost the headline
    ("tr-old-lynx79-article-agency", ("mojibake",), 35958482),
]


@needs_shared  # the scorer is ../shared/corpus/score.py
@pytest.mark.parametrize(("name", "mutations", "seed"), FUZZ_EXAMPLES, ids=lambda v: str(v))
def test_fuzz_found_mutations_stay_fixed(name: str, mutations: tuple[str, ...], seed: int) -> None:
    dump = FIXTURES / "dumps" / f"{name}.txt"
    check_mutation_robust(dump, dump.with_suffix(".expected.json"), mutations, seed)


# dwclean bug 8, found by property 5 (fuzz_long seed 41: a mojibake line in elephants/seedstyle):
# a garbled copy of the cookie banner between the kicker and the headline became the lead and
# the headline a caption (body F1 1.0 -> 0.74). Read right again, it is a copy of the banner
# above: a banner too.
def test_a_garbled_copy_of_the_cookie_banner_above_the_headline_is_a_banner() -> None:
    dump = FIXTURES / "dumps" / "es-old-w3m.txt"
    text = dump.read_text(encoding="utf-8")
    title = json.loads(dump.with_name("es-old-w3m.expected.json").read_text("utf-8"))["title"]
    lines = text.split("\n")
    banner = next(x for x in lines if x.startswith("Utilizamos cookies"))
    garbled = banner.encode("utf-8").decode("cp1252", errors="replace")
    assert garbled != banner
    mutated = _insert_line(text, headline_line(lines, title), garbled)
    assert dwclean.clean(mutated).title == title
    assert _blocks(mutated) == _blocks(text)
