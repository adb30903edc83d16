"""Property-based tests of the public API (hypothesis).

1. `clean` raises nothing but a `DwcleanError` subclass, on any str and any bytes.
2. Nothing is invented: every word token of the output is a word token of the input.
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
    max_examples=150,
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


def _glue_point(before: str, char: str, after: str) -> bool:
    """Where two words are glued without a space: `NadeschdinBild:`, `2021Bild:`, `AFPBild`."""
    return (
        (before.islower() and char.isupper())
        or (before.isalpha() and char.isdigit())
        or (before.isdigit() and char.isalpha())
        or (before.isupper() and char.isupper() and after.islower())
    )


def unglue(text: str) -> str:
    """The text with a space at every glue point (DW's dumps glue captions to their credits)."""
    out = []
    for i, char in enumerate(text):
        if i and _glue_point(text[i - 1], char, text[i + 1 : i + 2]):
            out.append(" ")
        out.append(char)
    return "".join(out)


def input_views(source: str) -> list[str]:
    """The input as a reader can see it: the words output may use.

    A text dump: as it is, without invisible characters, and with glued words apart. An HTML
    page: also its text with the tags removed (once glued, once as spaces: `<b>a</b>b` reads
    `ab`, `<p>a</p><p>b</p>` reads `a b`), entities unescaped.
    """
    views = [source]
    if dwclean_is_html(source):
        views += [
            html.unescape(source),
            html.unescape(_TAG.sub("", source)),
            html.unescape(_TAG.sub(" ", source)),
        ]
    views += [v.translate(_INVISIBLE) for v in views]
    views += [unglue(v) for v in views]
    return views


def _cased(token: str) -> bool:
    return any(c.isupper() or c.islower() for c in token)


def invented_tokens(source: str, texts: list[str]) -> list[str]:
    """Tokens of `texts` that are not words of `source`.

    Scripts without letter case (CJK, Arabic, Persian …) give no sign where glued words meet,
    and CJK has no spaces at all: a token in such a script only has to occur inside the input.
    """
    views = input_views(source)
    known = {t for view in views for t in toks(view)}
    lowered = "\n".join(v.lower() for v in views)
    return [
        t
        for text in texts
        for t in toks(text)
        if t not in known and (_cased(t) or t not in lowered)
    ]


def dwclean_is_html(source: str) -> bool:
    from dwclean._read import looks_like_html  # the same decision clean() makes

    return looks_like_html(source)


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
    for where, text in output_texts(article):
        invented = invented_tokens(source, [text])
        assert not invented, f"{where} = {text!r} has words not in the input: {invented}"


def plain_paragraph_text(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


def check_nothing_lost(lines: list[str]) -> None:
    source = plain_paragraph_text(lines)
    article = dwclean.clean(source)  # running text: must be an article
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

VOCABULARY = (
    "the and of to in a is that for on was with as by it said from government Berlin Germany "
    "election minister people country year week police city water river school children "
    "date author share watch video read more cookie cookies image photo picture keywords "
    "advertisement feedback permalink content navigation language live news report "
    "Putin Ära Föderation für über Straße Wähler Menschen gegen während Kälte "
    "Москва выборы президент страны الانتخابات الحكومة 选举 政府 Türkiye çerez "
    "2020 2024 17 100.000 19.01.2020 02:17 U.S. don't co-operation e-mail"
).split()

_LETTERS = st.characters(categories=("Lu", "Ll", "Lo", "Nd"))
word = st.one_of(
    st.sampled_from(VOCABULARY),
    st.sampled_from(VOCABULARY),
    st.text(_LETTERS, min_size=1, max_size=10),
)


@st.composite
def sentence(draw: st.DrawFn, min_words: int = 10, max_words: int = 30, end: str = ".") -> str:
    words = draw(st.lists(word, min_size=min_words, max_size=max_words))
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + end


def short_text(min_words: int = 1, max_words: int = 6) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


_DATE = st.builds(
    "{:02d}.{:02d}.{}".format,
    st.integers(1, 31),
    st.integers(1, 12),
    st.integers(1990, 2030),
)
_REAL_LINES_CACHE: list[str] = []


@cache
def real_lines() -> tuple[str, ...]:
    """Non-blank lines of the bundled fixture dumps: real DW furniture and text shapes."""
    lines = []
    for path in sorted((FIXTURES / "dumps").glob("*.txt")):
        lines += [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return tuple(lines)


FURNITURE = [
    "Skip to content", "Skip to main menu", "Zum Inhalt springen",
    "Zur Hauptnavigation springen", "1. Inhalt", "2. Navigation", "6. Choose from 30 Languages",
    "* Albanian Shqip", "* Amharic አማርኛ", "* Deutsch Deutsch", "* English English",
    "You need to enable JavaScript to run this app.", "#alternate", "IFRAME: https://x.example/",
    "[tr?id=1&ev=PageView]", "Advertisement", "Anzeige", "Share", "More info OK",
    "We use cookies to improve our service for you. You can find more information in our data "
    "protection declaration.", "DW recommends", "Related topics", "Date 19.01.2020",
    "Author Ben Knight", "Permalink https://p.dw.com/p/3WNxI", "https://p.dw.com/p/4boRv",
    "Watch video 02:17", "02:23", "THEMEN / Welt / Europa", "Read more: Something happened",
    "Mehr zum Thema: Etwas", "© 2024 Deutsche Welle", "________", "30.01.202430. Januar 2024",
    "03/14/2024March 14, 2024", "To view this video please enable JavaScript",
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
    separators = draw(st.lists(st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\n  \n"]),
                               min_size=len(lines), max_size=len(lines)))
    return "".join(line + sep for line, sep in zip(lines, separators, strict=True))


_ENTITIES = ["&amp;", "&nbsp;", "&#8217;", "&shy;", "&lt;p&gt;", "&#x41;", "&quot;", "&eacute;",
             "&#0;", "&#128;", "&notanentity;", "&ouml", "&"]


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
        return (f'<figure><img alt="{html.escape(draw(short_text(1, 5)))}"><figcaption>'
                f"{draw(inline_html(2, 12))}{credit}</figcaption></figure>")
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
        + draw(st.sampled_from([
            "",
            '<link rel="canonical" href="https://www.dw.com/de/x/a-1">',
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2024-01-30", "author": [{"name": "Jennifer Pahlke"}]}</script>',
            '<meta property="og:type" content="article">',
        ]))
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


_CHARSETS = ["utf-8", "utf-16", "cp1252", "latin-1", "koi8-r", "cp1251", "gb18030", "shift_jis",
             "utf-7", "idna", "punycode", "rot13", "hex", "base64", "nonsense", "utf-8-sig",
             "unicode_escape", "raw_unicode_escape", "cp037", "uu"]


@st.composite
def structured_bytes(draw: st.DrawFn) -> bytes:
    """Bytes shaped like real inputs: encoded dumps and pages, BOMs, gzip, declared charsets."""
    text = draw(st.one_of(dw_dump(), dw_html(), st.text(max_size=200)))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "cp1251", "gb18030"]))
    data = text.encode(encoding, errors="replace")
    roll = draw(st.integers(0, 5))
    if roll == 0:
        bom = draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                    codecs.BOM_UTF32_LE]))
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


# Found by this property: a page declaring `<meta charset="punycode">` (or "idna") makes
# bytes.decode raise UnicodeError, which is not the UnicodeDecodeError _read.decode catches.
@pytest.mark.xfail(
    strict=True,
    reason="dwclean bug: <meta charset=punycode|idna> leaks a UnicodeError from _read.decode",
)
@pytest.mark.parametrize("data", [b'<meta charset="punycode">', b"<meta charset=idna>.xn--a"])
def test_declared_codec_that_raises_unicode_error(data: bytes) -> None:
    check_only_dwclean_errors(data)


@given(any_bytes)
def test_clean_bytes_raises_only_dwclean_errors(data: bytes) -> None:
    check_only_dwclean_errors(data)


# --------------------------------------------------------------------------------------------
# 2. nothing invented
# --------------------------------------------------------------------------------------------


@given(st.one_of(dw_dump(), st.text()))
def test_nothing_invented_in_dumps(source: str) -> None:
    check_nothing_invented(source)


@given(dw_html())
def test_nothing_invented_in_html(source: str) -> None:
    check_nothing_invented(source)


# --------------------------------------------------------------------------------------------
# 3. nothing lost
# --------------------------------------------------------------------------------------------


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
    """(dump, expected) of the bundled fixtures: the same labels, always present."""
    return [
        (dump, dump.with_name(dump.name[: -len(".txt")] + ".expected.json"))
        for dump in sorted((FIXTURES / "dumps").glob("*.txt"))
    ]


def _norm(text: str) -> str:
    return " ".join(toks(text))


def headline_line(lines: list[str], title: str | None) -> int:
    """Index of the headline's (first) line; the debris area is lines[1:index]."""
    wanted = _norm(title or "")
    need = min(3, len(wanted.split()))
    for i, line in enumerate(lines[1:], 1):
        got = _norm(line)
        if got and need and wanted.startswith(got) and len(got.split()) >= need:
            return i
    return 1  # no headline found: an empty debris area (the mutations become no-ops)


def _words_positions(text: str, rng: random.Random, share: float) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", text) if rng.random() < share]


def mutate(text: str, mutation: str, rng: random.Random, title: str | None) -> str:
    """A harmless change of a dump, as real pipelines make them."""
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
    if mutation == "duplicate-menu":
        return "\n".join(lines[:10] + lines[:10] + lines[10:])
    headline = headline_line(lines, title)
    if mutation == "shuffle-debris":
        debris = lines[1:headline]
        rng.shuffle(debris)
        return "\n".join(lines[:1] + debris + lines[headline:])
    if mutation == "mojibake":
        garbled = MOJIBAKE_SOURCE.encode("utf-8").decode("cp1252", errors="replace")
        at = rng.randint(1, max(1, headline - 1))
        return "\n".join([*lines[:at], garbled, *lines[at:]])
    raise ValueError(mutation)


# In the order they are applied when combined: line endings last, as a file's are.
MUTATIONS = (
    "nbsp",
    "soft-hyphen",
    "trailing-whitespace",
    "duplicate-menu",
    "shuffle-debris",
    "mojibake",
    "crlf",
)
_TOLERANCE = 0.02


@cache
def _load(dump: Path, expected: Path) -> tuple[str, dict[str, Any], dict[str, Any]]:
    text = dump.read_text(encoding="utf-8")
    gold = json.loads(expected.read_text(encoding="utf-8"))
    base = _score()(gold, dwclean.clean(text).to_dict())
    return text, gold, base


def check_mutation_robust(
    dump: Path, expected: Path, mutations: tuple[str, ...], seed: int
) -> None:
    text, gold, base = _load(dump, expected)
    rng = random.Random(seed)
    mutated = text
    for mutation in sorted(mutations, key=MUTATIONS.index):
        mutated = mutate(mutated, mutation, rng, gold.get("title"))
    got = _score()(gold, dwclean.clean(mutated).to_dict())
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


@settings(max_examples=100)
@given(mutation_plans)
def test_dump_survives_random_mutations(plan: tuple[tuple[Path, Path], tuple[str, ...], int]) -> None:
    (dump, expected), mutations, seed = plan
    check_mutation_robust(dump, expected, mutations, seed)


@given(mutation_plans)
def test_nothing_invented_in_mutated_real_dumps(
    plan: tuple[tuple[Path, Path], tuple[str, ...], int],
) -> None:
    (dump, expected), mutations, seed = plan
    text, gold, _ = _load(dump, expected)
    rng = random.Random(seed)
    for mutation in sorted(mutations, key=MUTATIONS.index):
        text = mutate(text, mutation, rng, gold.get("title"))
    check_nothing_invented(text)


@example("Skip to content\n\nA headline\n\n" + "word " * 30 + "end.\n")
@given(st.one_of(dw_dump(), dw_html()))
def test_markdown_and_json_render_whatever_clean_returns(source: str) -> None:
    """Not one of the five, but free: every article clean returns can be rendered."""
    article = clean_or_none(source)
    if article is not None:
        json.loads(dwclean.to_json(article))
        assert isinstance(dwclean.to_markdown(article), str)
