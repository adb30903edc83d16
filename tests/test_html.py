"""The HTML front-end on hostile input: broken, huge, deeply nested, mislabelled pages."""

from __future__ import annotations

import time

import pytest

import dwclean

from .conftest import CORPUS, FIXTURES, needs_shared

PROSE = "Real article text that runs long enough to be a paragraph of prose, as news does. "


def _modern(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><title>Headline – DW – 01.02.2024</title></head>'
        "<body><article><header><h1>Headline</h1><p>The lead of the piece. " + PROSE + "</p>"
        '</header><div class="rich-text">' + body + "</div></article></body></html>"
    )


def test_ten_thousand_deep_nesting_is_bounded() -> None:
    page = _modern("<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000 + f"<p>{PROSE}</p>")
    started = time.monotonic()
    article = dwclean.clean(page)
    assert time.monotonic() - started < 10
    assert article.title == "Headline"
    assert article.blocks[-1].text == PROSE.strip()


def test_broken_and_truncated_html_still_cleans() -> None:
    page = _modern(f"<p>{PROSE}<p>Second <b>unclosed {PROSE}<h2>Sub</h2><p>{PROSE}")
    article = dwclean.clean(page[: len(page) - 30])
    kinds = [b.kind.value for b in article.blocks]
    assert kinds[:2] == ["lead", "paragraph"] and "subhead" in kinds


def test_huge_page_is_cleaned_in_bounded_time() -> None:
    filler = "<div><p>filler paragraph in a sidebar</p></div>" * 400_000  # ~18 MB
    page = _modern(f"<p>{PROSE}</p>").replace("</body>", filler + "</body>")
    started = time.monotonic()
    article = dwclean.clean(page)
    assert time.monotonic() - started < 30
    assert [b.text for b in article.blocks][1] == PROSE.strip()


def test_wrong_declared_charset_falls_back_to_what_decodes() -> None:
    page = _modern(f"<p>Grüße aus Köln. {PROSE}</p>").replace(
        "<head>", '<head><meta charset="ascii">'
    )
    article = dwclean.clean(page.encode("utf-8"))
    assert article.blocks[1].text.startswith("Grüße aus Köln.")


def test_a_page_that_is_no_article_is_refused() -> None:
    index = "<html><head><title>DW</title></head><body><nav><a>Home</a></nav>" + (
        "<div class='teaser'><h2>Teaser</h2><p>" + PROSE + "</p></div>" * 5 + "</body></html>"
    )
    with pytest.raises(dwclean.NotAnArticleError, match="not an article page"):
        dwclean.clean(index)


@needs_shared
def test_html_metadata_from_head_and_json_ld() -> None:
    modern = dwclean.clean_file(str(CORPUS / "fundus__DW_2024_01_30" / "page.html"))
    assert modern.layout == "modern" and modern.language == "de"
    assert modern.authors == ["Jennifer Pahlke"]
    assert modern.url == (
        "https://www.dw.com/de/russland-wahl-nadeschdin-setzt-auf-ein-ende-der-putin-%C3%A4ra/a-68117411"
    )
    old = dwclean.clean_file(str(CORPUS / "trafilatura__dw.com.colonial" / "page.html"))
    assert (old.layout, old.section, old.date) == ("old", "Germany", "2020-01-19")


def test_json_ld_language_and_section_fill_gaps() -> None:
    page = (
        '<html><head><title>x</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "inLanguage": "es", "articleSection": "Ciencia",'
        ' "datePublished": "2024-03-01T10:00:00Z", "author": [{"name": "Ana Ruiz"}]}</script>'
        "</head><body><article><header><h1>Titular</h1><p>Una entradilla larga que sirve como"
        " texto de introducción para esta noticia de prueba.</p></header><div class='rich-text'>"
        f"<p>{PROSE}</p></div></article></body></html>"
    )
    article = dwclean.clean(page)
    assert (article.language, article.section, article.date) == ("es", "Ciencia", "2024-03-01")
    assert article.authors == ["Ana Ruiz"] and article.title == "Titular"


def test_explain_lists_the_pages_navigation_sidebars_and_footer() -> None:
    page = (FIXTURES / "html" / "de-modern-video-box.html").read_text(encoding="utf-8")
    removed = {r.rule for r in dwclean.clean(page).removed}
    assert {"navigation", "footer"} <= removed


_TEXT = (
    "Nadeschdins Helfer aber fühlen sich gut vorbereitet. Sie sammeln Unterschriften in 200"
    " Städten und in 30 anderen Ländern, erklärt er im DW-Interview."
)


def test_a_copied_article_body_keeps_the_paragraph_after_a_captioned_picture() -> None:
    """Mirrors keep the article's body as HTML without the page around it. A paragraph after a
    modern <figure> with its own <figcaption> is text; in the old layout's picture box (a
    picture, then its caption as a paragraph, no <figcaption>) the paragraph is the caption."""
    modern = (
        '<div class="rich-text"><p>Die erste Hürde hat er gemeistert: Boris Nadeschdin darf'
        " 100.000 Unterschriften sammeln, sagt die Wahlkommission in Moskau.</p>"
        '<figure><img alt="Russland Wahlkommission"><figcaption>Alles streng im Blick: Bilder'
        " von Überwachungskameras<small>Bild: Shamil Zhumatov/REUTERS</small></figcaption>"
        f"</figure><p>{_TEXT}</p><h2>Wer ist Boris Nadeschdin?</h2><p>{_TEXT}</p></div>"
    )
    kinds = {b.text: b.kind.value for b in dwclean.clean(modern).blocks}
    assert kinds[_TEXT] == "paragraph"
    assert kinds["Alles streng im Blick: Bilder von Überwachungskameras"] == "caption"
    old = (
        "<div><p>Die erste Hürde hat er gemeistert: Boris Nadeschdin darf 100.000 Unterschriften"
        " sammeln, sagt die Wahlkommission in Moskau.</p>"
        '<div><a href="#"><img alt="Außenminister Heiko Maas in China"></a>'
        "<p>Chinas Vizepremier Liu He empfängt Außenminister Maas</p></div>"
        f"<p>{_TEXT}</p></div>"
    )
    kinds = {b.text: b.kind.value for b in dwclean.clean(old).blocks}
    assert kinds["Chinas Vizepremier Liu He empfängt Außenminister Maas"] == "caption"
    assert kinds[_TEXT] == "paragraph"
