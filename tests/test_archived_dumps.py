"""Dumps as archives and tools leave them: cut after a page's first characters, double-spaced.

Every test runs on our own fixtures (fixtures/dumps), whole pages in many editions, and checks
the class, not one page: any cut inside the first paragraph, any fixture double-spaced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import dwclean
from dwclean import BlockKind, PageType
from dwclean._parse_text import parse_dump
from dwclean._read import single_spaced

DUMPS = Path(__file__).parent.parent / "fixtures" / "dumps"
FIXTURES = sorted(DUMPS.glob("*.txt"))


def _expected(dump: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(dump.with_suffix(".expected.json").read_text())
    return loaded


def _articles_with_a_lead() -> list[Path]:
    chosen = []
    for dump in FIXTURES:
        expected = _expected(dump)
        blocks = expected["blocks"]
        assert isinstance(blocks, list)
        if expected.get("page_type", "article") in ("article", "video", "audio", "live") and (
            blocks and blocks[0]["kind"] == "lead" and len(blocks[0]["text"].split()) >= 10
        ):
            chosen.append(dump)
    return chosen


@pytest.mark.parametrize("dump", _articles_with_a_lead(), ids=lambda p: p.stem)
def test_a_page_cut_inside_its_first_paragraph_keeps_headline_and_cut_lead(dump: Path) -> None:
    """Archives keep a page's first characters: where the cut falls inside the lead (after its
    tenth word, mid-word), the headline stays the title and the cut text is the lead."""
    expected = _expected(dump)
    lead = expected["blocks"][0]["text"]  # type: ignore[index]
    raw = dump.read_text(encoding="utf-8")
    words = lead.split()[:10]
    found = re.search(r"\s+".join(map(re.escape, words)), raw)
    assert found, "the lead's first words are in the dump"
    article = dwclean.clean(raw[: found.end() - 2])
    assert article.title == expected["title"]
    assert article.blocks[0].kind is BlockKind.LEAD
    assert lead.startswith(article.blocks[0].text)
    assert len(article.blocks[0].text.split()) >= 9  # the tenth word, cut (or gone if short)


def _with_blank_lines() -> list[Path]:
    return [dump for dump in FIXTURES if "\n\n" in dump.read_text(encoding="utf-8").strip()]


def _summary(text: str) -> object:
    try:
        article = dwclean.clean(text)
    except dwclean.DwcleanError as error:
        return str(error)
    blocks = [(b.kind, b.text, b.credit) for b in article.blocks]
    return article.title, article.date, article.page_type, article.authors, blocks


@pytest.mark.parametrize("dump", _with_blank_lines(), ids=lambda p: p.stem)
def test_a_double_spaced_dump_cleans_like_the_dump_itself(dump: Path) -> None:
    """Line ends converted twice print a blank line after every line: a caption and its credit
    line no longer touch. The dump is read single-spaced, and --explain's line numbers are
    still the input's own."""
    raw = dump.read_text(encoding="utf-8")
    doubled = raw.replace("\n", "\n\n")
    assert _summary(doubled) == _summary(raw)
    assert _summary(raw.replace("\n", "\r\r\n")) == _summary(raw)  # line ends converted twice
    try:
        single, double = dwclean.clean(raw), dwclean.clean(doubled)
    except dwclean.DwcleanError:
        return
    assert any("double-spaced" in warning for warning in double.warnings)
    assert not any("double-spaced" in warning for warning in single.warnings)
    # line n of the dump is line 2n - 1 of its double-spaced copy
    moved = [(r.text, r.rule, 2 * r.line - 1 if r.line else 0) for r in single.removed]
    assert [(r.text, r.rule, r.line) for r in double.removed] == moved


def test_single_spaced_paragraphs_are_not_taken_for_a_double_spaced_dump() -> None:
    """Most dumps set one blank line between paragraphs: that alone says nothing."""
    paragraphs = [f"Paragraph {n} says something about the city council." for n in range(8)]
    text = "\n\n".join(paragraphs)
    assert single_spaced(text) == (text, None)
    uneven = text.replace("\n\n", "\n\n\n\n", 1)  # one gap of three: too little to tell
    assert single_spaced(uneven) == (uneven, None)
    doubled = "\n\n\n\n".join(p + "\n\nImage: DW" for p in paragraphs)
    assert single_spaced(doubled)[0] == "\n\n".join(p + "\nImage: DW" for p in paragraphs)


def test_a_short_cut_page_with_long_lines_is_not_hard_wrapped() -> None:
    """Three lines of similar length beside long, breakable ones are no wrap width: the title
    line must not swallow the kicker under it (a short excerpt of an old live ticker)."""
    dump = "\n".join(
        [
            "Bundesliga live: Bayern Munich vs. Borussia Dortmund | Sports| German football and"
            " major international sports news | DW | 31.03.2018",
            "Sports",
            "",
            "Bundesliga live: Bayern Munich vs. Borussia Dortmund",
            "",
            "Bayern Munich have a 5-0 lead over Borussia Dortmund in the second half. First-half"
            " strikes from Robert Lewandowski (2), Thomas Müller, James Rodriguez and Franck"
            " Ribery gave the Bavarians the advantage.",
            "",
            "Deutschland Bayern München gegen Borussia Dortmund (Reuters/M. Dalder )",
            "",
            "+++ Refresh the page for live updates. All times in Central European Time (CET) +++",
            "",
            "Bayern Munich 5-0 Borussia Dortmund",
            "54' — Rafinha combines with Franck Ribery before unleashing a shot from outside",
        ]
    )
    assert parse_dump(dump).wrap_width is None
    article = dwclean.clean(dump)
    assert article.date == "2018-03-31"
    assert article.section == "Sports"


_GALLERY = """Germany's most eye-catching castles

Some 20,000 castles once defended the German-speaking territories. Here are our favorites among \
those that have withstood the test of time.

Marksburg Castle

Marksburg Castle high above the town of Braubach on the Rhine is believed to date back to the \
early 12th century.

Wartburg

It's arguably Germany's most important castle. Built around 1067 above the town of Eisenach, \
it is where Martin Luther translated the New Testament.

Nuremberg Castle

In medieval times, Nuremberg Castle was a prominent imperial palace. Emperors and kin"""


def test_a_gallery_cut_inside_a_pictures_description_is_still_a_gallery() -> None:
    article = dwclean.clean(_GALLERY)
    assert article.page_type is PageType.GALLERY
    assert article.blocks[-1].kind is BlockKind.CAPTION
    assert article.blocks[-1].text.endswith("Emperors and kin")


def test_an_article_cut_after_a_subhead_stays_an_article() -> None:
    """The cut-description rule needs pictures before it: one subhead over cut text is not a
    gallery."""
    text = _GALLERY.replace("Marksburg Castle\n\n", "").replace("Wartburg\n\n", "")
    assert dwclean.clean(text).page_type is PageType.ARTICLE


def test_an_old_mobile_listing_counts_its_first_teaser_with_a_picture() -> None:
    """The old mobile site glues a teaser picture's label to the teaser ("ImageDaimler …"):
    the first paragraph is then a teaser too, not an article's lead."""
    teasers = [
        ("German city of Essen pays addicts in beer to clean streets", "ImageA project is"),
        ("'IS' fighter testifies in Frankfurt - 'I still want to die a martyr'", "Kreshnik B. is"),
        ("Nigerian kidnappers 'free German national'", "Nigerian gunmen have"),
        ("German motorway sniper receives long prison sentence", "A German trucker has"),
    ]
    page = "DW has chosen English for you\nWrong language? Change it here.\n\n" + "\n\n".join(
        f"{headline}\n\n{opening} been in the news this week. Officials said more on Monday."
        for headline, opening in teasers
    )
    with pytest.raises(dwclean.NotAnArticleError, match="index page"):
        dwclean.clean(page)
    with_no_label = page.replace("ImageA project", "A project")
    assert dwclean.clean(with_no_label).page_type is PageType.ARTICLE


def test_a_headline_cut_under_its_kicker_is_not_taken_for_the_lead() -> None:
    """Cut inside the headline, the last line stands in the headline's place, under the kicker:
    there is no article text yet, and no breadcrumb becomes the title."""
    dump = "\n".join(
        [
            "          * Nos podcasts",
            "          * Mobile & RSS",
            "        DW À LA CARTE / Nos podcasts",
            "                Publicité",
            "",
            "          Environnement",
            "",
            "          La perte des terres fertiles et les éléphants en",
        ]
    )
    with pytest.raises(dwclean.NotAnArticleError, match="no article text"):
        dwclean.clean(dump)
    with_lead = dump + (
        " Guinée-Conakry\n\n          Dans le sud-est de la Guinée, les éléphants quittent"
        " la forêt et dévastent les champs des paysans, qui"
    )
    article = dwclean.clean(with_lead)
    assert article.title == "La perte des terres fertiles et les éléphants en Guinée-Conakry"
    assert article.blocks[0].kind is BlockKind.LEAD
    assert article.blocks[0].text.endswith("des paysans, qui")


FEEDS = sorted(DUMPS.glob("*-feed-*.txt"))


@pytest.mark.parametrize("dump", FEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("below", ["Item 1", "Id"])
def test_a_feed_view_copied_from_below_its_item_line_is_the_same_article(
    dump: Path, below: str
) -> None:
    """A copy of the syndication view that begins at its `Id` or `Date` field (run together on
    one line, or one field a line, or a pipe table) is still the view."""
    raw = dump.read_text(encoding="utf-8")
    cut = raw.index("Id" if below == "Item 1" else "Date")
    article, copy = dwclean.clean(raw), dwclean.clean(raw[cut:])
    assert copy.page_type is PageType.FEED
    assert (copy.title, copy.date) == (article.title, article.date)
    assert [(b.kind, b.text) for b in copy.blocks] == [(b.kind, b.text) for b in article.blocks]


def test_a_chinese_page_is_chinese_though_its_english_captions_are_longer() -> None:
    """Agency captions stay in English on DW's Chinese pages; without the skip links to name
    the edition, one vote a line of running text tells the page's language, not letters."""
    caption = (
        "In a photo taken on June 25, 2012 Chinese artist Ai Weiwei speaks to AFP inside his"
        " compound in Beijing. Ai has a metaphor for the travel ban that will prevent him"
        " attending the growing number of exhibitions of his work being held around the world."
    )
    dump = "\n\n".join(
        [
            "写给德国之声60岁生日的贺词",
            "2013年5月2日",
            "全球各地的知名人士谈他们眼中的德国之声。",
            caption + "\n图像来源: AFP/GettyImages",
            "中国艺术家艾未未:",
            '"德国之声成立已经60年了。这60年中,德国之声在全世界范围内扮演了政治以及文化上的重要角色。"',
            caption.replace("Ai Weiwei", "Vitali Klitschko") + "\n图像来源: dapd",
            '"德国之声是能力、客观和专业的典范。我们如今比任何时候都更需要独立的媒体。"',
        ]
    )
    article = dwclean.clean(dump)
    assert article.language == "zh-Hans"
    assert article.date == "2013-05-02"


def test_in_a_dump_without_blank_lines_the_headline_is_not_glued_to_the_skip_links() -> None:
    """Many archives keep a page's text one block a line, without blank lines: the headline
    right under the skip links is then not an alt text glued to them."""
    dump = "\n".join(
        [
            "1. Прескокни до содржината",
            "2. Прескокни до главната навигација",
            "3. Кон други страници на DW",
            "Развојот на Дојче веле во неговите шест децении постоење",
            "Ања Брокман / Александар Методијев14 мај 2013",
            "„Hier ist die Deutsche Welle“, или во превод „Ова е Дојче веле“ - но ова се зборовите"
            " со кои започна првата емисија.",
            "Таа треба да биде мост за Германците во странство и да ја претставува Германија.",
        ]
    )
    article = dwclean.clean(dump)
    assert article.title == "Развојот на Дојче веле во неговите шест децении постоење"
    assert article.date == "2013-05-14"
    assert article.blocks[0].text.startswith("„Hier ist die Deutsche Welle“")


def test_a_hard_wrapped_page_cut_in_its_lead_is_unwrapped_from_two_filled_lines() -> None:
    """Cut short, a wrapped dump shows only two lines filled to its width (the title line and
    the lead's first line) and none running past it: that is its wrap, and the lead is whole
    up to the cut."""
    dump = "\n".join(
        [
            "DW radio program picks up where schools leave off | Asia| An in-depth look",
            "at news from across the continent | DW | 27.06.2012",
            "  1. Inhalt",
            "  2. Navigation",
            "  3. Weitere Inhalte",
            "  4. Metanavigation",
            "  5. Suche",
            "  6. Choose from 30 Languages",
            "",
            "",
            "DW radio program picks up where schools leave off",
            "",
            "DW produces educational radio dramas designed to reach people in remote",
            "areas of the continent who",
        ]
    )
    assert parse_dump(dump).wrap_width == 74
    article = dwclean.clean(dump)
    assert (article.title, article.date) == (
        "DW radio program picks up where schools leave off",
        "2012-06-27",
    )
    assert article.blocks[0].text == (
        "DW produces educational radio dramas designed to reach people in remote areas of the"
        " continent who"
    )


# Each edition's ad label as its pages print it: the brief names Publicidad, Iklan, Talla,
# اشتہار and 广告; the others are in rules/languages/SOURCES.md, "Ad labels"
AD_LABELS = {
    "am": "ማስታወቂያ", "ar": "إعلان", "bg": "Реклама", "bn": "বিজ্ঞাপন", "bs": "Reklama",
    "de": "Anzeige", "el": "Διαφήμιση", "en": "Advertisement", "es": "Publicidad",
    "fa-AF": "آگهی", "fa-IR": "آگهی", "fr": "Publicité", "ha": "Talla", "hi": "विज्ञापन",
    "hr": "Reklama", "id": "Iklan", "mk": "Реклама", "pl": "Reklama", "ps": "اعلان",
    "pt-002": "Publicidade", "pt-BR": "Publicidade", "ro": "Publicitate", "ru": "Реклама",
    "sq": "Reklamë", "sr": "Reklama", "sw": "Matangazo", "tr": "Reklam", "uk": "Реклама",
    "ur": "اشتہار", "zh-Hans": "广告", "zh-Hant": "廣告",
}  # fmt: skip


def test_every_edition_names_its_ad_label() -> None:
    from dwclean._rules import key, load_rules

    languages = load_rules().languages
    assert set(AD_LABELS) == set(languages)
    for code, label in AD_LABELS.items():
        assert key(label) in languages[code].debris_lines, code


def _same_with_line_before_first_paragraph(dump: Path, line: Callable[[str], str]) -> None:
    """Insert a line (made from the article's title) with a blank line before the article's
    first paragraph: cleaning gives the same blocks."""
    raw = dump.read_text(encoding="utf-8")
    article = dwclean.clean(raw)
    paragraphs = [b for b in article.blocks if b.kind is BlockKind.PARAGRAPH and b.line]
    if not paragraphs:
        pytest.skip("no paragraph")
    lines = raw.split("\n")
    at = paragraphs[0].line - 1
    again = dwclean.clean("\n".join([*lines[:at], line(str(article.title)), "", *lines[at:]]))
    assert [(b.kind, b.text) for b in again.blocks] == [(b.kind, b.text) for b in article.blocks]


@pytest.mark.parametrize("dump", _articles_with_a_lead(), ids=lambda p: p.stem)
def test_an_ad_label_between_two_paragraphs_goes(dump: Path) -> None:
    """The ad slot's label stands alone between paragraphs (AMP pages, the old layout): it is
    debris in every edition, and nothing around it changes."""
    label = AD_LABELS[str(_expected(dump)["language"])]
    _same_with_line_before_first_paragraph(dump, lambda title: label)


# A "read also" teaser line in each edition's words, as DW prints it between two paragraphs
READ_ALSO = {
    "ar": "اقرأ أيضا:", "bn": "আরো পড়ুন:", "bs": "Pročitajte i:", "de": "Mehr zum Thema:",
    "el": "Διαβάστε επίσης:", "en": "Read more:", "es": "Lea también:", "fa-IR": "بیشتر بخوانید:",
    "fr": "Lire aussi :", "hi": "और पढ़ें:", "pt-BR": "Leia também:", "ro": "Citiți și:",
    "ru": "Читайте также:", "sw": "Soma zaidi:", "tr": "Ayrıca okuyun:", "zh-Hans": "阅读更多：",
}  # fmt: skip


def _with_read_also() -> list[Path]:
    return [d for d in _articles_with_a_lead() if _expected(d)["language"] in READ_ALSO]


@pytest.mark.parametrize("dump", _with_read_also(), ids=lambda p: p.stem)
def test_a_read_also_teaser_between_two_paragraphs_goes(dump: Path) -> None:
    prefix = READ_ALSO[str(_expected(dump)["language"])]
    # a short teaser title: within a wrapped dump's width
    _same_with_line_before_first_paragraph(
        dump, lambda title: f"{prefix} {' '.join(title.split()[:4])}"
    )


def test_indonesian_read_also_lines_and_bylines() -> None:
    """The brief's case: "Baca juga:" is a teaser of another article, "Penulis: …" a byline
    (its name an author, the line no text), whatever their place in the article."""
    body = [
        "Pemerintah Jerman mengumumkan aturan baru untuk pekerja asing yang ingin bekerja di"
        " negara itu. Aturan ini akan mulai berlaku tahun depan.",
        "Menurut kementerian tenaga kerja, Jerman membutuhkan lebih dari 400.000 pekerja asing"
        " setiap tahun untuk mengisi kekosongan di berbagai sektor.",
        "Baca juga: Jerman kekurangan perawat, rumah sakit cari tenaga dari Indonesia",
        "Para pengusaha menyambut baik langkah ini, namun serikat pekerja meminta agar upah"
        " minimum tetap dijaga dan pekerja asing tidak dieksploitasi.",
        "Penulis: Rizki Akbar Putra",
        "Editor: Hendra Pasuhuk",
    ]
    article = dwclean.clean("\n\n".join(["Jerman perketat aturan imigrasi", *body]))
    assert article.language == "id"
    assert article.authors == ["Rizki Akbar Putra"]
    assert [b.text for b in article.blocks] == [body[0], body[1], body[3]]
