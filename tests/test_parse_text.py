"""The text front-end: renderer habits become hints, wrapped lines become paragraphs again."""

from __future__ import annotations

from dwclean._model import Hint
from dwclean._parse_text import DumpStyle, parse_dump


def test_hard_wrapped_paragraphs_are_joined_and_captions_glued_below_are_not() -> None:
    lines = [
        "   The city council voted on Tuesday to extend the tram network by twelve",
        "   kilometers, a decision that had been delayed for almost three years by",
        "   disputes over money.",
        "   A tram in the old town (picture-alliance/dpa/K. Nietfeld)",
        "",
        "   Trams are popular with tourists and residents alike",
        "",
    ] * 3
    parsed = parse_dump("\n".join(lines))
    texts = [c.text for c in parsed.candidates]
    assert parsed.wrap_width is not None
    assert texts[0].endswith("delayed for almost three years by disputes over money.")
    assert texts[1] == "A tram in the old town (picture-alliance/dpa/K. Nietfeld)"
    assert texts[2] == "Trams are popular with tourists and residents alike"


def test_html2text_markup_becomes_hints_and_plain_text() -> None:
    dump = "\n\n".join(
        [
            "# Headline here",
            "![Alt text \\(dpa\\)](/image/1.jpg)",
            "The [city](/en/city/t-1) council voted **on Tuesday** to extend the tram network.",
            "## A subhead",
            "[](javascript:void\\(0\\);) [](javascript:void\\(0\\);)",
            "  * [Menu item](/en/menu)",
        ]
    )
    parsed = parse_dump(dump)
    assert parsed.style is DumpStyle.HTML2TEXT
    by_text = {c.text: c.hints for c in parsed.candidates}
    assert by_text["Headline here"] & Hint.HEADING
    assert by_text["Alt text (dpa)"] & Hint.IMAGE_ALT
    assert "The city council voted on Tuesday to extend the tram network." in by_text
    assert by_text["A subhead"] & Hint.HEADING
    assert by_text["Menu item"] & Hint.LIST_ITEM
    assert any(c.hints & Hint.DEBRIS for c in parsed.candidates)  # the empty share links


def test_a_bold_line_ending_in_a_no_break_space_is_a_heading_without_its_marks() -> None:
    """html2text prints <strong>Title&nbsp;</strong> as "**Title **": the space inside the
    closing marks leaves them unmatched (he en, hf fr HTML fixtures)."""
    dump = "\n\n".join(
        [
            "# Headline here",
            "![Alt text \\(dpa\\)](/image/1.jpg)",
            "The [city](/en/city/t-1) council voted on Tuesday to extend the tram network.",
            "**Du compost et des briquettes  **",
            "*Irrigation -- at a price *",
            "Running text goes on: a * b * c stays as it is printed.",
        ]
    )
    parsed = parse_dump(dump)
    assert parsed.style is DumpStyle.HTML2TEXT
    by_text = {c.text: c.hints for c in parsed.candidates}
    assert by_text["Du compost et des briquettes"] & Hint.HEADING
    assert "Irrigation -- at a price" in by_text
    assert "Running text goes on: a * b * c stays as it is printed." in by_text


def test_html2texts_table_is_a_paragraph_a_row_its_rule_no_text() -> None:
    """html2text prints a table with a rule under its header row ("---|---"): the rule is
    markup, and the header row is a row of the table like the others (hh bg render)."""
    rows = ["Година | Минимална заплата", "2015 | 8,50 евро", "2017 | 8,84 евро"]
    dump = "\n\n".join(
        [
            "# Headline here",
            "![Alt text \\(dpa\\)](/image/1.jpg)",
            "The [city](/en/city/t-1) council voted on Tuesday to extend the tram network.",
            "\n".join([rows[0], "---|---", *rows[1:]]),
        ]
    )
    parsed = parse_dump(dump)
    assert parsed.style is DumpStyle.HTML2TEXT
    by_text = {c.text: c.hints for c in parsed.candidates}
    assert all(by_text[row] & Hint.PARAGRAPH for row in rows)
    assert by_text["---|---"] & Hint.DEBRIS


def test_html2texts_ordered_list_and_quotation_lose_their_marks() -> None:
    """html2text prints an <ol>'s items as "1. …" (a paragraph starting so it escapes, "1\\.")
    and a <blockquote> as "> …": the marks are markup (hn bn, hn fr renders)."""
    dump = "\n\n".join(
        [
            "# Headline here",
            "![Alt text \\(dpa\\)](/image/1.jpg)",
            "The [city](/en/city/t-1) council voted on Tuesday to extend the tram network.",
            "  1. Empty the flower pots after rain.\n  2. Sleep under a net.",
            "> « If Europe wants clean cocoa, it must pay for it. »",
            "1\\. FC Köln won on Saturday, the club said in a statement after the match.",
        ]
    )
    parsed = parse_dump(dump)
    assert parsed.style is DumpStyle.HTML2TEXT
    by_text = {c.text: c.hints for c in parsed.candidates}
    assert by_text["Empty the flower pots after rain."] & Hint.LIST_ITEM
    assert by_text["Sleep under a net."] & Hint.LIST_ITEM
    assert by_text["« If Europe wants clean cocoa, it must pay for it. »"] & Hint.PARAGRAPH
    assert "1. FC Köln won on Saturday, the club said in a statement after the match." in by_text


def test_lynx_headings_are_outdented() -> None:
    body = "   " + "Running text of the article goes on for a good while here. " * 2
    parsed = parse_dump("\n\n".join(["Subhead of the piece", body, body, "     * Menu"]))
    assert parsed.style is DumpStyle.LYNX
    assert parsed.candidates[0].hints & Hint.HEADING
    assert parsed.candidates[-1].hints & Hint.LIST_ITEM


def test_every_front_end_collapses_a_candidates_whitespace() -> None:
    """The rule keys are computed on collapsed text (`_rules.candidate_key`): every front-end
    must hand over single spaces only, none at either end, whatever the input's whitespace."""
    from pathlib import Path

    from dwclean._parse_feed import parse_feed
    from dwclean._parse_html import parse_html
    from dwclean._read import looks_like_feed

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    checked = 0
    for path in sorted(fixtures.glob("dumps/*.txt")) + sorted(fixtures.glob("html/*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")  # some are in other charsets
        if path.suffix == ".html":
            try:
                candidates = parse_html(text)[0]
            except Exception:  # a fixture that is no article page: nothing to check
                continue
        elif looks_like_feed(text):
            candidates = parse_feed(text).candidates
        else:
            candidates = parse_dump(text).candidates
        for candidate in candidates:
            assert candidate.text == " ".join(candidate.text.split()), (path.name, candidate)
            checked += 1
    # whitespace of every kind, tabs and no-break spaces in a feed's run-together full text
    feed = "Item 1\nId 1\nDate 2024-01-02\nTitle A title\nTeaser A\tteaser\u00a0text\n" + (
        "Full text First  sentence here.\u2009Second line\tgoes on. Heading\nMore text follows."
    )
    for candidate in parse_feed(feed).candidates:
        assert candidate.text == " ".join(candidate.text.split()), candidate
        checked += 1
    assert checked > 500


def test_a_short_wrapped_dump_is_unwrapped_and_chinese_joins_without_spaces() -> None:
    english = (
        "Some 20,000 castles once defended the German-speaking territories. The\n"
        "castles' medieval rulers sought strength, security and stability. Here are\n"
        "DW's favorites among those that have withstood the test of time."
    )
    parsed = parse_dump("Germany's 10 most eye-catching castles\n\n" + english + "\n")
    assert [c.text for c in parsed.candidates] == [
        "Germany's 10 most eye-catching castles",
        " ".join(english.split()),
    ]
    from dwclean._parse_text import _join_wrapped

    lines = ["为推动中国的媒体以及言论自由作出", "  了巨大贡献。我希望,", "DW 60"]
    assert _join_wrapped(lines) == "为推动中国的媒体以及言论自由作出了巨大贡献。我希望, DW 60"
    wrapped = "\n".join(
        f"Ein Satz mit vielen Wörtern, der hier umbrochen wird, Zeile {n} von acht"
        for n in range(3)
    )
    assert len(parse_dump(wrapped).candidates) == 1


def test_a_crawlers_date_marker_does_not_break_a_wrapped_first_paragraph() -> None:
    paragraph = (
        "Sie hat uns lange Zeit in Meet The Germans über deutsche Marotten aufgeklärt. Nun geht "
        "Rachel Stewart geheimnisvollen Alltagsdingen und deren turbulenter Reise um die Welt "
        "auf den Grund, in einem neuen Podcast der Deutschen Welle."
    )
    import textwrap

    for indent in ("", "   "):
        lines = textwrap.wrap(" date 2023-10 " + paragraph, 76, drop_whitespace=False)
        dump = "\n".join(indent + line.rstrip() for line in lines) + "\n\n" + indent + "Ende.\n"
        parsed = parse_dump(dump)
        assert parsed.crawler_marker == "date 2023-10"
        assert parsed.candidates[0].text == paragraph


def test_a_dump_wrapped_wider_than_a_terminal_is_unwrapped() -> None:
    """lynx -width=200 wraps at 200 columns: many lines end just short of it."""
    import textwrap

    sentence = "The council voted on Tuesday to extend the tram network by twelve kilometers. "
    paragraphs = [sentence * n for n in (6, 9, 7, 8, 10)]
    dump = "\n\n".join("\n".join(textwrap.wrap(p, 200)) for p in paragraphs) + "\n"
    parsed = parse_dump(dump)
    assert parsed.wrap_width is not None and parsed.wrap_width > 180
    assert [c.text for c in parsed.candidates] == [p.strip() for p in paragraphs]
    # a few long unwrapped paragraphs of similar length are no wrap
    unwrapped = "\n\n".join(sentence * 3 + str(n) for n in range(3)) + "\n"
    assert parse_dump(unwrapped).wrap_width is None


def test_html2texts_default_wrap_is_found_though_its_link_lines_run_longer() -> None:
    """html2text wraps at 78 columns but never inside a link: lines with links run longer."""
    import textwrap

    sentence = "Die erste Hürde hat er gemeistert: Boris Nadeschdin darf Unterschriften sammeln. "
    paragraphs = ["\n".join(textwrap.wrap(sentence * n, 78)) for n in (3, 4, 5, 3)]
    menu = [
        f"  * [Menüpunkt {n}](https://corporate.dw.com/de/eine-lange-seite-{n}/s-{n} "
        f'"Externer Link — Menüpunkt {n} — auf Englisch")'
        for n in range(8)
    ]
    dump = "\n\n".join(["# Titel", *menu, *paragraphs]) + "\n"
    parsed = parse_dump(dump)
    assert parsed.style is DumpStyle.HTML2TEXT
    assert parsed.wrap_width in range(70, 79)
    texts = [c.text for c in parsed.candidates]
    assert (sentence * 4).strip() in texts


def test_a_markdown_heading_wrapped_back_to_the_margin_stays_one_heading() -> None:
    """html2text at 78 columns wraps a long `# headline` onto an unindented line."""
    import textwrap

    headline = "Οι Γερμανοί τουρίστες επιστρέφουν μαζικά στα ελληνικά νησιά μετά την πανδημία."
    sentence = "Μετά από δύο δύσκολα καλοκαίρια, οι κρατήσεις από τη Γερμανία ξεπερνούν φέτος. "
    paragraph = sentence * 4
    dump = "\n\n".join(
        ["\n".join(textwrap.wrap("# " + headline, 78))]
        + ["\n".join(textwrap.wrap(paragraph, 78))] * 3
        + ["* [Μενού](/el/s-1)"] * 3
    )
    parsed = parse_dump(dump + "\n")
    assert parsed.style is DumpStyle.HTML2TEXT
    assert parsed.candidates[0].text == headline


def test_chinese_wrapped_by_character_count_is_joined_again() -> None:
    """Renderers and tools that wrap by characters break Chinese lines between any two
    characters, with no space to break at: such lines count as breakable, and the pieces join
    without spaces, also at a number ("2022年", "1万亿元"). Our Chinese fixtures, wrapped at
    60 to 100 columns, clean to the same article as unwrapped."""
    import textwrap
    from pathlib import Path

    import dwclean

    dumps = Path(__file__).parent.parent / "fixtures" / "dumps"
    for name in ("zh-modern-seedstyle", "zh-Hans-modern-seedstyle-article-truncated"):
        raw = (dumps / f"{name}.txt").read_text(encoding="utf-8")
        article = dwclean.clean(raw)
        for width in (60, 76, 79, 100):
            lines = [
                part for line in raw.split("\n") for part in textwrap.wrap(line, width) or [""]
            ]
            wrapped = dwclean.clean("\n".join(lines))
            assert (wrapped.title, wrapped.date) == (article.title, article.date)
            assert [(b.kind, b.text) for b in wrapped.blocks] == [
                (b.kind, b.text) for b in article.blocks
            ], (name, width)


def test_one_sentence_a_line_of_similar_lengths_is_no_wrap() -> None:
    """Archives store text one block a line, often without blank lines: short paragraphs of
    one sentence each can be of about one length. A renderer that wraps breaks lines inside
    sentences, so lines that all end a sentence show no wrap, and stay paragraphs."""
    lines = [
        "Merkel visits Kyiv",
        "The chancellor arrived by train on Monday morning for talks with Zelenskyy.",
        "She promised more air defence systems and support for reconstruction work.",
        "Details of the aid package were not disclosed by either government today.",
        "The visit had not been announced in advance for security reasons, aides said.",
    ]
    parsed = parse_dump("\n".join(lines))
    assert parsed.wrap_width is None
    assert [c.text for c in parsed.candidates] == lines
