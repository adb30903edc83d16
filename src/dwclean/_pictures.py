"""Pictures in flat dumps: which lines are an image's alt text, its caption and its credit.

A dump prints a picture as lines of its own: DW's alt text (German keywords, often with the
agency's credit in brackets), the caption, and the credit (glued to the caption or on a line of
its own, after the caption or, in AMP galleries, before the picture's title). `pair_picture_lines`
joins each credit to its caption and takes alt text out before segment labels the runs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._language import dominant_script, letters_of
from ._model import Candidate, Hint, Removal
from ._rules import Language, Rules, key
from ._text import (
    ALT_MIN_WORDS,
    ends_sentence,
    has_inner_sentence,
    is_prose,
    is_short_line,
    mostly_capitalised,
    tokens,
    word_count,
)

if TYPE_CHECKING:
    from ._segment import SegmentOptions


# the rule that names an alt text taken out (read back: a picture has one alt text)
ALT_TEXT = "image alt text"


def _script_switch(words: list[str]) -> int:
    """Where Latin-script words give way to another script (DW's alt texts are German keywords
    on every edition), or 0."""
    if not words or not words[0].isascii():
        return 0
    for index, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        if letters and not any(_is_latin(c) for c in letters):
            return index
    return 0


def _is_latin(letter: str) -> bool:
    return letter.isascii() or "\u00c0" <= letter <= "\u024f"


def strip_inline_alt(text: str) -> str:
    """Drop the image alt text lynx prints in front of a modern-layout caption.

    lynx renders `<figure><img alt="A"><figcaption>C</figcaption>` as one line "A C". DW's alt
    texts are short keyword strings, so the caption starts where a capitalised word is followed
    by a lower-case one (a sentence starting), or where the alt's first two words come again.
    Scripts without letter case give no such clue: their text is returned unchanged.
    """
    words = text.split()
    switch = _script_switch(words)
    if switch:
        return " ".join(words[switch:])  # a German alt text before a Persian caption
    if len(words) < 4 or not any(c.isupper() for c in text):
        return text
    for k in range(2, min(len(words) - 1, 12)):
        if words[k : k + 2] == words[0:2]:
            return " ".join(words[k:])
    for k in range(2, min(len(words) - 1, 11)):
        if words[k][:1].isupper() and words[k + 1][:1].islower():
            earlier = " ".join(words[: k - 1])
            if words[k - 1][:1].isupper() and f"{words[k - 1]} {words[k]}" in earlier:
                k -= 1  # a name the alt text also gives: "… Wladimir Putin Wladimir Putin auf …"
            return " ".join(words[k:])
    return text


def split_credit(text: str, rules: Rules) -> tuple[str, str | None]:
    match = rules.find_credit(text)
    if match is None or match.start() == 0:
        return text, None
    before = text[: match.start()]
    if before.count("(") > before.count(")"):
        return text, None  # "(Foto: X/AP)": an old-layout credit in parentheses stays in the text
    credit = match.group(0).strip()
    # a hard-wrapped dump may glue the next line's ad label onto the credit ("… Реклама")
    head, _, last = credit.rpartition(" ")
    if head and key(last) in rules.label_words:
        credit = head
    return text[: match.start()].rstrip(), credit


_CREDIT_LINE_MAX_CHARS = 160  # a label and twelve words
_GLUED_CREDIT_REACH = 200  # characters: a label and ten words of credit


def has_glued_credit(candidate: Candidate, rules: Rules) -> bool:
    """A modern caption: a credit label glued to the caption text ("…ManausFoto: X/AFP"),
    also when the dump's end cuts the credit ("…ManausFoto: X/A")."""
    if candidate.hints & Hint.PARAGRAPH:
        return False
    # a credit of at most ten words ends the text: only its end is searched (long paragraphs)
    text = candidate.text
    match = rules.find_credit(text, max(0, len(text) - _GLUED_CREDIT_REACH))
    return bool(
        match
        and match.start() > 0
        and not text[match.start() - 1].isspace()
        and word_count(match.group(0)) <= 10
    )


def is_credited_text(text: str, rules: Rules) -> bool:
    """Running text with a picture's credit glued to its end (a gallery picture's text)."""
    credit = rules.find_credit(text)
    return bool(credit and credit.start() and is_prose(text[: credit.start()]))


def is_credit_line(text: str, rules: Rules) -> bool:
    """A photo credit on a line of its own ("Foto: DW/I. Petrovic", "ምስል Harrison Mwilima/DW")."""
    if len(text) > _CREDIT_LINE_MAX_CHARS or not rules.has_credit_mark(text):
        return False  # (running text, or no label's last letter: most lines, found at once)
    return rules.credit_split.match(text) is not None and word_count(text) <= 12


_KEYWORDS_CAPITALISED = 0.7


def _keyword_alt(candidate: Candidate, rules: Rules) -> bool:
    """Alt text, caption, credit, each a line of its own: DW's alt texts are German keyword
    strings, capitalised nouns and names ("Deutschland Bahnstreik GDL Berlin Hauptbahnhof"),
    where a subhead above a picture has its small words and verbs."""
    if candidate.hints & (Hint.HEADING | Hint.LIST_ITEM | Hint.LEAD | Hint.PARAGRAPH):
        return False
    if candidate.credit or split_credit(candidate.text, rules)[1]:
        return False  # a picture's caption with its credit, the picture before
    text = candidate.text
    if not 2 <= word_count(text) <= _ALT_KEYWORDS_MAX or ends_sentence(text):
        return False
    if text.endswith((":", "：")):  # "Ai Weiwei:"
        return False
    # the modern layout's alt text: the place's keywords, then what the picture shows, after a
    # bar ("Bosnien und Herzegowina Tuzla | Freiwillige renovieren die Saline")
    words = text.split(" | ", 1)[0].split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised >= _KEYWORDS_CAPITALISED * len(words)


def _barred_alt(candidate: Candidate, rules: Rules) -> bool:
    """The modern layout's alt text: keywords, a bar, what the picture shows ("Konflikt in
    Libyen | Kämpfe", as the corpus pages' own alt attributes)."""
    return " | " in candidate.text and _keyword_alt(candidate, rules)


def _looks_like_alt(alt: str, caption: str) -> bool:
    """The line glued above a caption is its image's alt text: DW's alt texts are keyword
    strings or the caption itself, not finished sentences."""
    return not ends_sentence(alt) or set(tokens(alt)) <= set(tokens(caption))


def pair_picture_lines(
    candidates: list[Candidate], rules: Rules, options: SegmentOptions
) -> tuple[list[Candidate], list[Removal]]:
    """Picture boxes in flat dumps, where alt text, caption and credit are lines of their own.

    - A credit line gives its credit to the line glued above it, which is then a caption (alt
      text with a credit and no caption is one caption); a credit with no line to take it is
      debris (a picture without caption).
    - A caption with a glued-on credit makes the line glued above it alt text.
    - Old layout: the alt text, then the caption with nearly the same words ("TV-Sendung X
      Darya P." / "TV-Sendung X mit Moderatorin Darya P."): the first is alt text.
    - A gallery printed credit first (AMP: credit, title, text per picture; its first credit
      stands right under the intro): each credit belongs to the picture below it.
    The first candidate, the lead, stays as it is.
    """
    removed: list[Removal] = []
    words = rules.picture_placeholders
    if words and any(c.text.startswith(words) for c in candidates):  # (most pages: none)
        candidates = [
            _without_placeholder(c, n > 0, rules, removed) for n, c in enumerate(candidates)
        ]
    if _picture_over_text(candidates, rules, options):
        candidates = [_first_picture(candidates[0], candidates[1], rules, removed), *candidates[2:]]
    if _credits_first(candidates, rules, options):
        pictures, credits = _credit_the_line_below(candidates, rules)
        return pictures, removed + credits
    kept: list[Candidate] = []
    # a dump with a blank line after every line shows no line glued to another: a credit line
    # then belongs to the short line above it
    spaced = (
        len(candidates) > 2
        and candidates[0].line > 0  # (a dump's: HTML has no lines)
        and all(c.gap_before for c in candidates[1:])
    )
    after_alt = -1  # the position right after an alt text taken out: its caption's
    for position, candidate in enumerate(candidates):
        if not kept:
            kept.append(candidate)  # the lead
            continue
        above = kept[-1] if len(kept) > 1 else None
        glued = above if above is not None and glued_under(above, candidate) else None
        if glued is None and spaced and above is not None and _barred_alt(above, rules):
            glued = above  # (a blank line after every line: nothing is glued, but this says)
        credit_line = is_credit_line(candidate.text, rules)
        if credit_line and spaced and glued is None and above is not None:
            glued = above if is_short_line(above.text) else None
        if credit_line:
            _give_credit(candidate, glued, kept, rules, removed, titled=options.titled_pictures)
            continue
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        if above is not None and _caption_under_keyword_alt(above, candidate, rules):
            removed.append(Removal(above.text, ALT_TEXT, above.line))
            kept[-1] = candidate.copy_with(candidate.hints | Hint.CAPTION)
            continue
        if _latin_alt_on_foreign_page(candidate, following, options, rules) or (
            _alt_with_agency_credit(candidate, rules)
            and not in_pages_own_script(candidate.text, options.script)
            and not (  # (not over the dump's cut last line: there, an English alt text, ek en)
                following is not None
                and (is_prose(following.text) or following is not candidates[-1])
                and sentence_in_pages_words(candidate.text, options.language, rules)
            )
            and not (following is not None and _credited_alt(candidate, following, rules))
        ):
            removed.append(Removal(candidate.text, ALT_TEXT, candidate.line))
            after_alt = position + 1
            continue
        cut = _cut_caption(candidate, position, candidates)
        if cut:
            under_alt = position == after_alt
            # (a blank line after every line: the alt text right above, nothing glued)
            alt = glued if glued is not None or not spaced else above
            if (
                not under_alt
                and alt is not None
                and not options.titled_pictures  # a gallery's title stands above its text
                and _alt_over_cut_caption(alt, candidate, rules, options.language)
            ):
                removed.append(Removal(alt.text, ALT_TEXT, alt.line))
                kept.pop()
                under_alt = True
            if under_alt:
                kept.append(candidate.copy_with(candidate.hints & ~Hint.PARAGRAPH | Hint.CAPTION))
                continue
        if glued is not None and (
            _alt_above_caption(glued, candidate, rules, options)
            or (
                options.titled_pictures
                and _alt_naming_title(
                    glued, candidate, rules, cut=cut, framed=cut and _has_alts(removed)
                )
            )
        ):
            removed.append(Removal(glued.text, ALT_TEXT, glued.line))
            kept.pop()
            if split_credit(candidate.text, rules)[1] is not None:
                # its caption, however long, with its credit after a space ("… water Image: X")
                candidate = candidate.copy_with(candidate.hints | Hint.CAPTION)
        elif above is not None and (
            _alt_repeats_caption(above, candidate) or _credited_alt(above, candidate, rules)
        ):
            removed.append(Removal(above.text, ALT_TEXT, above.line))
            kept.pop()
            candidate = candidate.copy_with(candidate.hints | Hint.CAPTION)
        elif position == after_alt and _caption_under_alt(candidate):
            candidate = candidate.copy_with(candidate.hints | Hint.CAPTION)
        kept.append(candidate)
    if len(kept) > 1 and _cut_alt_like_the_pages(kept[-1], candidates, removed, rules):
        alt = kept.pop()
        removed.append(Removal(alt.text, "image alt text (cut by the dump's end)", alt.line))
    return kept, removed


def _cut_alt_like_the_pages(
    candidate: Candidate, candidates: list[Candidate], removed: list[Removal], rules: Rules
) -> bool:
    """The dump's cut last line is a keyword string that opens with the first keyword of an
    alt text taken out above (the page's pictures name one country: "Serbien Donauradweg
    Radfahrer bei Golubac" … "Serbien Donji Milanovac Pension Fahrräde")."""
    if (
        not _cut_caption(candidate, len(candidates) - 1, candidates)
        or candidate is not candidates[-1]
    ):
        return False
    first = candidate.text.split(" ", 1)[0]
    alts = (r.text for r in removed if r.rule == ALT_TEXT)
    return any(alt.split(" ", 1)[0] == first for alt in alts) and _keyword_alt(
        candidate.copy_with(candidate.hints & ~Hint.PARAGRAPH), rules
    )


def _picture_over_text(candidates: list[Candidate], rules: Rules, options: SegmentOptions) -> bool:
    """A media item's page prints its picture between the header and the description: the
    alt text first (German keywords), its caption or credit glued under it, then the text.
    The alt text is no lead."""
    if len(candidates) < 3:
        return False
    alt, under, text = candidates[:3]
    if alt.credit or alt.hints & (Hint.HEADING | Hint.LIST_ITEM) or not glued_under(alt, under):
        return False
    plain = alt.copy_with(alt.hints & ~(Hint.LEAD | Hint.PARAGRAPH))
    keywords = _keyword_alt(plain, rules) or _latin_keywords(alt.text, options)
    credited = (
        under.credit is not None
        or is_credit_line(under.text, rules)
        or split_credit(under.text, rules)[1] is not None
    )
    # (the text may open with a subhead: a ticker's first entry, with no teaser above it)
    opening = candidates[3] if len(candidates) > 3 and is_short_line(text.text) else text
    return keywords and credited and is_prose(opening.text)


def _first_picture(
    alt: Candidate, under: Candidate, rules: Rules, removed: list[Removal]
) -> Candidate:
    """That picture as one caption: the alt text with the credit line under it (no caption
    printed), or the caption under the alt text."""
    if is_credit_line(under.text, rules):
        return alt.copy_with(alt.hints | Hint.CAPTION, credit=under.text)
    removed.append(Removal(alt.text, ALT_TEXT, alt.line))
    return under.copy_with(under.hints | Hint.CAPTION)


def _caption_under_alt(candidate: Candidate) -> bool:
    """The line under an alt text taken out is its picture's caption (one without a credit):
    a short line glued under it, or one sentence (the old layout's picture box prints its
    caption as a sentence under the alt text); no paragraph of the text, no heading."""
    if candidate.hints & (Hint.PARAGRAPH | Hint.HEADING | Hint.LIST_ITEM):
        return False
    text = candidate.text
    if not is_prose(text):
        return not candidate.gap_before
    return caption_sentence(text)


def caption_sentence(text: str) -> bool:
    """Short enough for a caption written as a sentence, and one sentence only."""
    return word_count(text) <= _CAPTION_MAX_WORDS and not has_inner_sentence(text)


_CAPTION_MAX_WORDS = 30


def _give_credit(
    credit: Candidate,
    glued: Candidate | None,
    kept: list[Candidate],
    rules: Rules,
    removed: list[Removal],
    *,
    titled: bool = False,
) -> None:
    """A credit line: the credit of the line glued above it (`kept[-1]`), which is then a
    caption, and a keyword line glued above that its alt text; with no such line, debris. In
    a gallery (`titled`) the line above a picture's text is its title ("Bad Kösen"), kept."""
    if (
        glued is None
        or glued.credit is not None
        or glued.hints & Hint.LIST_ITEM
        or split_credit(glued.text, rules)[1] is not None  # credited already
    ):
        removed.append(Removal(credit.text, "photo credit without caption", credit.line))
        return
    kept[-1] = glued.copy_with(glued.hints | Hint.CAPTION, credit=credit.text)
    alt = kept[-2] if len(kept) > 2 else None  # (kept[0] is the lead)
    if (
        alt is not None
        and not titled
        and glued_under(alt, glued)
        and _keyword_alt(alt, rules)
        and not _under_removed_alt(alt, removed)
    ):
        removed.append(Removal(alt.text, ALT_TEXT, alt.line))
        del kept[-2]


def _under_removed_alt(candidate: Candidate, removed: list[Removal]) -> bool:
    """The line right under an alt text taken out is its picture's title or caption: no
    picture has two alt texts (a gallery's keywords, its title, its text, a credit line)."""
    last = removed[-1] if removed else None
    return last is not None and last.rule == ALT_TEXT and last.line + 1 == candidate.line


def _without_placeholder(
    candidate: Candidate, in_body: bool, rules: Rules, removed: list[Removal]
) -> Candidate:
    """A picture's placeholder word glued to the text after it ("ImageSewing machines …") goes;
    in the body, a text that is no paragraph is then the picture's caption."""
    text = candidate.text
    for word in rules.picture_placeholders:
        following = text[len(word) : len(word) + 1]
        if text.startswith(word) and following.isalpha() and not following.islower():
            removed.append(Removal(word, "image placeholder", candidate.line))
            hints = candidate.hints
            rest = text[len(word) :]
            if in_body and not is_prose(rest) and not hints & Hint.PARAGRAPH:
                hints |= Hint.CAPTION
            return candidate.copy_with(hints, text=rest)
    return candidate


def _has_alts(removed: list[Removal]) -> bool:
    return any(r.rule == ALT_TEXT for r in removed)


def _alt_naming_title(
    above: Candidate, title: Candidate, rules: Rules, *, cut: bool = False, framed: bool = False
) -> bool:
    """A gallery picture's alt text glued above its title: DW's keywords name what the title
    does and more ("Deutschland Insel Sylt Rotes Kliff bei Kampen" over "Sylt"). A title the
    dump's end cuts names the start of its last word ("Kap Arkon"); in a gallery whose
    pictures above had alt texts (`framed`), one of the keywords of a keyword string
    ("Deutschland Mannheim | Wasserturm am Friedrichsplatz" over "Mannheim: Ein Wahrzeichen,
    das bleibt, wa")."""
    if above.credit or (above.hints | title.hints) & (Hint.HEADING | Hint.LIST_ITEM | Hint.LEAD):
        return False
    if not is_short_line(above.text) or not is_short_line(title.text):
        return False
    named, keywords = tokens(title.text), set(tokens(above.text))
    if not named:
        return False
    if cut and framed and _keyword_alt(above, rules) and not keywords.isdisjoint(named[:-1]):
        return True
    if cut and named[-1] not in keywords:
        last = named.pop()  # (the keywords hold the whole word, and more)
        return any(word.startswith(last) for word in keywords) and set(named) <= keywords
    return set(named) < keywords


def _cut_caption(candidate: Candidate, position: int, candidates: list[Candidate]) -> bool:
    """The dump's cut last line, under an image's alt text: its caption, cut short (strip
    marks a cut last line a paragraph, to keep it whatever its length)."""
    return (
        position == len(candidates) - 1
        and candidate.line > 0  # a dump's (an HTML page's <p> is a paragraph by its markup)
        and bool(candidate.hints & Hint.PARAGRAPH)
        and not ends_sentence(candidate.text)
    )


def german_alt_on_other_edition(text: str, language: Language | None, rules: Rules) -> bool:
    """A line of three words or more with German small words and none of the page's, on
    another Latin-script edition: a picture's alt text (DW writes them in German on every
    edition; in another script its Latin letters tell)."""
    german = rules.languages.get("de")
    if language is None or german is None or language.code == "de" or language.script != "Latn":
        return False
    words = tokens(text)
    # DW's alt texts are keyword strings, mostly nouns and names: capitalised in German
    # (a German course's line on another edition, "schmal – nicht breit", is no alt text)
    printed = [w for w in text.split() if w[:1].isalnum()]
    return (
        len(words) >= ALT_MIN_WORDS
        and bool(printed)
        and printed[0][:1].isupper()
        and mostly_capitalised(printed)
        and language.stopwords.isdisjoint(words)
        and not german.stopwords.isdisjoint(words)
    )


def _alt_over_cut_caption(
    alt: Candidate, cut: Candidate, rules: Rules, language: Language | None
) -> bool:
    """The line glued above the dump's cut last line is its image's alt text when it repeats
    the caption (modern pages: alt text = caption) or is a keyword string."""
    if alt.credit is not None or alt.hints & Hint.CAPTION:
        return False
    start = key(cut.text)
    if len(start) >= _CUT_CAPTION_MIN_CHARS and key(alt.text).startswith(start):
        return True
    # DW's keyword alt text names country, place and topic ("Senegal Kayar Fischmarkt Frauen");
    # shorter capitalised lines are names: a press review's newspaper ("Der Tagesspiegel").
    # On another Latin-script edition its German words tell ("Rumänien Cluj Elektroauto an
    # einer Ladesäule").
    if word_count(alt.text) >= _CUT_CAPTION_ALT_MIN_WORDS and _keyword_alt(alt, rules):
        return True
    return german_alt_on_other_edition(alt.text, language, rules)


_CUT_CAPTION_MIN_CHARS = 8
_CUT_CAPTION_ALT_MIN_WORDS = 4


def _credits_first(candidates: list[Candidate], rules: Rules, options: SegmentOptions) -> bool:
    """A gallery whose first picture starts with its credit, right under the intro."""
    return (
        options.titled_pictures
        and len(candidates) > 2
        and is_credit_line(candidates[1].text, rules)
        and not is_credit_line(candidates[2].text, rules)
    )


def _credit_the_line_below(
    candidates: list[Candidate], rules: Rules
) -> tuple[list[Candidate], list[Removal]]:
    """Each credit line gives its credit to the next line, the picture's title (a caption)."""
    kept = candidates[:1]
    removed: list[Removal] = []
    pending: Candidate | None = None
    for candidate in candidates[1:]:
        if is_credit_line(candidate.text, rules):
            if pending is not None:
                removed.append(Removal(pending.text, "photo credit without caption", pending.line))
            pending = candidate
            continue
        if pending is not None and candidate.credit is None:
            candidate = candidate.copy_with(candidate.hints | Hint.CAPTION, credit=pending.text)
            pending = None
        kept.append(candidate)
    if pending is not None:  # the dump's end cut the picture under its credit
        removed.append(Removal(pending.text, "photo credit without caption", pending.line))
    return kept, removed


def glued_under(above: Candidate, candidate: Candidate) -> bool:
    """`candidate` is the dump's very next line after `above` (no blank line, nothing removed)."""
    return not candidate.gap_before and candidate.line == above.line + above.raw.count("\n") + 1


_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]")


def _latin_alt_on_foreign_page(
    candidate: Candidate, following: Candidate | None, options: SegmentOptions, rules: Rules
) -> bool:
    """On a page in another script, a Latin-script line of keywords standing alone is an
    image's (German) alt text: DW prints its alt texts in German on every edition. With a
    credit line glued under it, it is the picture's only caption."""
    text = candidate.text
    if not _latin_keywords(text, options):
        return False
    if (
        following is not None
        and glued_under(candidate, following)
        and is_credit_line(following.text, rules)
    ):
        return False
    # (a cut last line is marked a paragraph to keep it; in Latin on such a page it is alt text)
    paragraph = candidate.hints & Hint.PARAGRAPH and following is not None
    return (
        not candidate.credit
        and not paragraph
        and not candidate.hints & (Hint.HEADING | Hint.LIST_ITEM | Hint.CAPTION | Hint.LEAD)
        and split_credit(text, rules)[1] is None
        and not text.endswith((":", "："))
    )


def _latin_keywords(text: str, options: SegmentOptions) -> bool:
    """A line of keywords in Latin letters on a page in another script: DW's German alt text
    (no finished sentence, no more words than an alt text has)."""
    return (
        options.script not in (None, "Latn")
        and _mostly_latin(text)
        and word_count(text) <= _ALT_KEYWORDS_MAX
        and not ends_sentence(text)
    )


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(_is_latin(c) for c in letters)


_ALT_KEYWORDS_MAX = 15

_GALLERY_ALT_MIN_WORDS = 3  # a picture's title may be the first word of its text


def _alt_above_caption(
    above: Candidate, caption: Candidate, rules: Rules, options: SegmentOptions
) -> bool:
    """The line glued above a caption with its credit is the image's alt text; in a gallery,
    where every picture has a title above its text (which may be its first word: "Leipzig",
    "Leipzig's station …"), only when it is the caption or a keyword string it starts with."""
    if options.titled_pictures:
        alt, text = key(above.text), key(split_credit(caption.text, rules)[0])
        looks_like_alt = alt == text or (
            word_count(alt) >= _GALLERY_ALT_MIN_WORDS and text.startswith(alt)
        )
    else:
        looks_like_alt = _looks_like_alt(above.text, caption.text)
    return (
        above.credit is None
        and not above.hints & (Hint.CAPTION | Hint.LIST_ITEM)
        and (caption.credit is not None or split_credit(caption.text, rules)[1] is not None)
        and looks_like_alt
    )


_AGENCY_ALT_MAX_WORDS = 20


def in_pages_own_script(text: str, page_script: str | None) -> bool:
    """Written in the page's script, where that is not Latin: DW's alt texts are German
    keywords, so a line in Urdu or Chinese ending in a credit in parentheses is a caption."""
    if page_script is None or page_script == "Latn":
        return False
    return dominant_script(text) == letters_of(page_script)


def sentence_in_pages_words(text: str, language: Language | None, rules: Rules) -> bool:
    """On a Latin-script edition other than German, a line whose words before its closing
    parentheses are a sentence in the page's words (most words lowercase, the page's own small
    words, no German ones): "Georg Hufnagl checks the cones on his farm (DW/T. Berglund)" is a
    caption with its credit, where DW's German alt texts are keywords ("Deutschland Hopfenernte
    (DW/T. Berglund)", "Wolf in der Lausitz (picture-alliance/dpa/P. Pleul)")."""
    german = rules.languages.get("de")
    if language is None or german is None or language.code == "de" or language.script != "Latn":
        return False
    before = text[: text.rfind("(")]
    words = set(tokens(before))
    own = language.stopwords - german.stopwords
    return (
        not mostly_capitalised(before.split())
        and not own.isdisjoint(words)
        and (german.stopwords - language.stopwords).isdisjoint(words)
    )


def _alt_with_agency_credit(candidate: Candidate, rules: Rules) -> bool:
    """Old layout: an image's alt text standing alone, a keyword string with the picture
    agency's credit in parentheses ("Deutschland Bayern München gegen Borussia Dortmund
    (Reuters/M. Dalder)", "Nigeria Interview mit Flüchtlingen (DW/A. Mohammed)"). A caption
    with such a credit is a sentence: "His wife is seen right. (Foto: E. Lukatsky/AP/dapd)"."""
    if not candidate.text.endswith(")") or candidate.hints & (
        Hint.HEADING | Hint.LIST_ITEM | Hint.LEAD | Hint.PARAGRAPH | Hint.CAPTION
    ):
        return False
    match = rules.agency_credit.search(candidate.text)
    if match is None or candidate.credit:
        return False
    before = candidate.text[: match.start()].rstrip()
    return (
        word_count(before) <= _AGENCY_ALT_MAX_WORDS
        and not ends_sentence(before)
        and not has_inner_sentence(before)
    )


def _caption_under_keyword_alt(alt: Candidate, caption: Candidate, rules: Rules) -> bool:
    """Old layout, the credit on the caption: German keywords without one, then a sentence in
    the page's words ending in its credit in parentheses ("Senegal Saint-Louis Küstenerosion
    Guet Ndar" / "Sur la Langue de Barbarie, les vagues ont emporté … (DW/S. Diallo)"), whose
    credit labels.md keeps in the caption text. An alt text with its credit is keywords too."""
    if not _alt_with_agency_credit(caption, rules) or not _plain_keywords(alt):
        return False
    credit = rules.agency_credit.search(caption.text)
    words = caption.text[: credit.start()].split() if credit else []
    return len(words) >= ALT_MIN_WORDS and not mostly_capitalised(words)


def _plain_keywords(candidate: Candidate) -> bool:
    """A keyword string with no credit and nothing the front-end knows of: "Bosnien und
    Herzegowina Sarajevo Kupferschmied in der Baščaršija" (the looser count of `_text`: a
    caption with its credit under it says the rest)."""
    if candidate.credit or candidate.hints & (Hint.HEADING | Hint.LIST_ITEM | Hint.LEAD):
        return False
    return keyword_string(candidate.text)


def keyword_string(text: str, most_words: int = _ALT_KEYWORDS_MAX) -> bool:
    """German alt-text keywords, loosely counted: a few words, mostly capitalised, no finished
    sentence ("Deutschland Mainz Gutenberg-Bibel im Museum")."""
    words = text.split()
    return (
        ALT_MIN_WORDS <= len(words) <= most_words
        and not ends_sentence(text)
        and mostly_capitalised(words)
    )


def is_cut_agency_alt(text: str, rules: Rules) -> bool:
    """Old layout: the dump's end cut an alt text inside its agency credit ("Deutschland
    Uckermark Bushaltestelle (picture-allianc", "Nigeria Biu mit Thomas Mösch (DW/Al-Amin Mo")."""
    opening = text.rfind("(")
    if opening <= 0 or ")" in text[opening:]:
        return False
    credit = text[opening + 1 :].casefold()
    known = "/" in credit or any(
        (len(credit) >= _CUT_SOURCE_MIN_CHARS and source.startswith(credit))
        or (credit.startswith(source) and credit[len(source) : len(source) + 1] in ("", " ", "/"))
        for source in rules.photo_sources
    )
    before = text[:opening].rstrip()
    return (
        known
        and word_count(before) <= _AGENCY_ALT_MAX_WORDS
        and not ends_sentence(before)
        and not has_inner_sentence(before)
    )


_CUT_SOURCE_MIN_CHARS = 3  # "(pic": a source's start; "(ap" may be "(April …"


def _credited_alt(alt: Candidate, caption: Candidate, rules: Rules) -> bool:
    """Old layout: alt text with its credit in parentheses ("Nigeria Interview mit Flüchtlingen
    (DW/A. Mohammed)"), then the caption, a description without a final full stop (one
    sentence or more: "A hamster at its burrow. It stores grain for the winter")."""
    if (alt.hints | caption.hints) & (Hint.HEADING | Hint.LIST_ITEM | Hint.LEAD | Hint.PARAGRAPH):
        return False
    if alt.credit or caption.credit or alt.hints & Hint.CAPTION:
        return False  # already a caption with its credit
    return (
        rules.alt_credit.search(alt.text) is not None
        and not caption.text.endswith((":", "："))
        and not ends_sentence(alt.text)
        and not ends_sentence(caption.text)
        and rules.alt_credit.search(caption.text) is None
        and 4 <= word_count(caption.text) <= _ALT_MAX_WORDS
    )


_ALT_OVERLAP = 0.7

_ALT_MAX_WORDS = 60


def _alt_repeats_caption(alt: Candidate, caption: Candidate) -> bool:
    """Two picture lines, most words shared, neither a finished paragraph nor a heading."""
    if (alt.hints | caption.hints) & (Hint.HEADING | Hint.LIST_ITEM | Hint.LEAD) or (
        caption.hints & Hint.PARAGRAPH
    ):
        return False
    if alt.credit or caption.credit or alt.text == caption.text:
        return False  # identical lines: segment pairs them as alt and caption itself
    if word_count(alt.text) > _ALT_MAX_WORDS or word_count(caption.text) > _ALT_MAX_WORDS:
        return False
    if is_prose(caption.text) or (is_prose(alt.text) and ends_sentence(alt.text)):
        return False  # paragraphs that repeat a subhead's or each other's words
    a, c = set(tokens(alt.text)), set(tokens(caption.text))
    smaller = min(len(a), len(c))
    return smaller >= 3 and len(a & c) >= _ALT_OVERLAP * smaller
