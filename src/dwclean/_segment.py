"""Segment stage: label the article's candidates lead, paragraph, subhead or caption.

Running text is a paragraph. Between paragraphs sit runs of short lines: subheads, captions and,
in dumps whose renderer prints an image's alt text, that alt text. A front-end's hints decide
where they exist (html2text `##`, a figcaption); otherwise the shape of the run and of each line
does: a caption carries a photo credit or follows its alt text or a subhead, a subhead stands
alone before its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ._model import Block, BlockKind, Candidate, Hint, Removal
from ._rules import Rules, key
from ._text import (
    ends_sentence,
    ends_with_question,
    is_prose,
    is_short_line,
    tokens,
    word_count,
)

_CAPTION_SHAPE = re.compile(r"\d{4}|\S:\s")  # a year or "Someone: doing something"
_ALT = "alt"
# a sentence ending inside a line ("…this service? Simply fill out…"), not "Dr. Merkel"
# The punctuation first, the letters before it looked behind: the regex engine then skips
# straight to the next [.?!] instead of testing three letters at every position.
_INNER_SENTENCE = re.compile(r"[.?!](?<=[^\W\d_]{3}[.?!])\s+[^\W\d_]")
_WORD_CHAR = re.compile(r"\w")


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


@dataclass(frozen=True, slots=True)
class SegmentOptions:
    alt_lines: bool = False  # the renderer printed alt text as its own line before captions
    body_indent: int = 0
    caption_indent: bool = False  # captions are indented deeper than body text (inscriptis)
    alt_before_caption_inline: bool = False  # lynx: "alt caption" on one line (modern figures)
    script: str | None = None  # the page's script ("Hans", "Cyrl", "Arab"), when known
    titled_pictures: bool = False  # a gallery: the line above a picture's text is its title


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


def _caption_by_position(
    previous: str | None, candidate: Candidate, options: SegmentOptions, after_lead: bool
) -> bool:
    """For a short line no hint explains: is it a caption (else a subhead)?"""
    if ends_with_question(candidate.text):
        return False  # captions describe; subheads ask
    if options.caption_indent:
        return candidate.indent != options.body_indent  # subheads align with the body text
    if previous in (_ALT, BlockKind.SUBHEAD):
        return True  # after alt text or a subhead: a picture box follows
    if after_lead:
        return True  # the header's picture: a subhead opens a section, never the lead's
    if _TOPIC_CAPTION.search(candidate.text):
        return True  # DW's caption style: "Seit Monaten umkämpft: die ostukrainische Stadt …"
    if _LABELLED_HEADING.match(candidate.text):
        return False  # "2024: Yulia Navalnaya …", "For website operators: DW articles …"
    return word_count(candidate.text) >= 8  # a description, longer than a heading


def _label_run(
    run: list[Candidate], rules: Rules, options: SegmentOptions, after_lead: bool = False
) -> list[str]:
    """Kinds for a run of consecutive short candidates (or "alt" for alt text to drop)."""
    labels: list[str | None] = [None] * len(run)
    for i, candidate in enumerate(run):
        hints = candidate.hints
        if hints & Hint.IMAGE_ALT:
            labels[i] = _ALT
        elif hints & Hint.CAPTION or candidate.credit or split_credit(candidate.text, rules)[1]:
            labels[i] = BlockKind.CAPTION
        elif options.alt_lines and rules.alt_credit.search(candidate.text):
            labels[i] = _ALT
        elif hints & Hint.HEADING:
            labels[i] = BlockKind.SUBHEAD
    # an alt line repeats its caption, or directly precedes it
    for i in range(len(run) - 1):
        if labels[i] is None and key(run[i].text) == key(run[i + 1].text):
            labels[i], labels[i + 1] = _ALT, BlockKind.CAPTION
    for i in range(1, len(run)):
        if labels[i] is None and labels[i - 1] == _ALT and not ends_with_question(run[i].text):
            labels[i] = BlockKind.CAPTION  # alt text is followed by its caption
        elif (
            labels[i] is None
            and labels[i - 1] == BlockKind.CAPTION
            and run[i - 1].credit is None
            and split_credit(run[i - 1].text, rules)[1] is not None
        ):
            labels[i] = BlockKind.SUBHEAD  # a credit closes its picture box
    if options.alt_lines:
        for i in range(len(run) - 1):
            # right above it (with the alt text removed in between, a subhead stands there)
            if (
                labels[i] is None
                and labels[i + 1] == BlockKind.CAPTION
                and _glued_under(run[i], run[i + 1])
            ):
                labels[i] = _ALT
        open_lines = [i for i, label in enumerate(labels) if label is None]
        # pair the unresolved lines from the end: (alt, caption); an odd one out is a subhead
        while open_lines and ends_with_question(run[open_lines[-1]].text):
            labels[open_lines.pop()] = BlockKind.SUBHEAD
        while len(open_lines) >= 2:
            caption, alt = open_lines.pop(), open_lines.pop()
            if caption != alt + 1:
                open_lines.extend([alt, caption])
                break
            labels[alt], labels[caption] = _ALT, BlockKind.CAPTION
    for i, candidate in enumerate(run):
        if labels[i] is None:
            previous = labels[i - 1] if i else None
            is_caption = _caption_by_position(previous, candidate, options, after_lead and i == 0)
            labels[i] = BlockKind.CAPTION if is_caption else BlockKind.SUBHEAD
    return [label or BlockKind.SUBHEAD for label in labels]


_CREDIT_LINE_MAX_CHARS = 160  # a label and twelve words


def is_credit_line(text: str, rules: Rules) -> bool:
    """A photo credit on a line of its own ("Foto: DW/I. Petrovic", "ምስል Harrison Mwilima/DW")."""
    if len(text) > _CREDIT_LINE_MAX_CHARS or rules.credit_marks.search(text) is None:
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
    words = candidate.text.split()
    if not 2 <= len(words) <= _ALT_KEYWORDS_MAX or ends_sentence(candidate.text):
        return False
    if not words[0][:1].isupper() or candidate.text.endswith((":", "：")):  # "Ai Weiwei:"
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised >= _KEYWORDS_CAPITALISED * len(words)


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
    if _credits_first(candidates, rules, options):
        return _credit_the_line_below(candidates, rules)
    kept: list[Candidate] = []
    removed: list[Removal] = []
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
        glued = above if above is not None and _glued_under(above, candidate) else None
        credit_line = is_credit_line(candidate.text, rules)
        if credit_line and spaced and glued is None and above is not None:
            glued = above if is_short_line(above.text) else None
        if credit_line:
            if (
                glued is not None
                and glued.credit is None
                and not glued.hints & Hint.LIST_ITEM
                and split_credit(glued.text, rules)[1] is None  # not credited already
            ):
                kept[-1] = replace(glued, credit=candidate.text, hints=glued.hints | Hint.CAPTION)
                alt = kept[-2] if len(kept) > 2 else None  # (kept[0] is the lead)
                if alt is not None and _glued_under(alt, glued) and _keyword_alt(alt, rules):
                    removed.append(Removal(alt.text, "image alt text", alt.line))
                    del kept[-2]
            elif kept:
                removed.append(
                    Removal(candidate.text, "photo credit without caption", candidate.line)
                )
            continue
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        if _latin_alt_on_foreign_page(candidate, following, options, rules) or (
            _alt_with_agency_credit(candidate, rules)
            and not (following is not None and _credited_alt(candidate, following, rules))
        ):
            removed.append(Removal(candidate.text, "image alt text", candidate.line))
            after_alt = position + 1
            continue
        if position == after_alt and _cut_caption(candidate, position, candidates):
            candidate = replace(candidate, hints=candidate.hints & ~Hint.PARAGRAPH | Hint.CAPTION)
        if glued is not None and _alt_above_caption(glued, candidate, rules, options):
            removed.append(Removal(glued.text, "image alt text", glued.line))
            kept.pop()
        elif above is not None and (
            _alt_repeats_caption(above, candidate) or _credited_alt(above, candidate, rules)
        ):
            removed.append(Removal(above.text, "image alt text", above.line))
            kept.pop()
            candidate = replace(candidate, hints=candidate.hints | Hint.CAPTION)
        kept.append(candidate)
    return kept, removed


def _cut_caption(candidate: Candidate, position: int, candidates: list[Candidate]) -> bool:
    """The dump's cut last line, under an image's alt text: its caption, cut short (strip
    marks a cut last line a paragraph, to keep it whatever its length)."""
    return (
        position == len(candidates) - 1
        and candidate.line > 0  # a dump's (an HTML page's <p> is a paragraph by its markup)
        and bool(candidate.hints & Hint.PARAGRAPH)
        and not ends_sentence(candidate.text)
    )


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
            candidate = replace(
                candidate, credit=pending.text, hints=candidate.hints | Hint.CAPTION
            )
            pending = None
        kept.append(candidate)
    if pending is not None:  # the dump's end cut the picture under its credit
        removed.append(Removal(pending.text, "photo credit without caption", pending.line))
    return kept, removed


def _glued_under(above: Candidate, candidate: Candidate) -> bool:
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
    if options.script in (None, "Latn") or not _mostly_latin(text):
        return False
    if (
        following is not None
        and _glued_under(candidate, following)
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
        and word_count(text) <= _ALT_KEYWORDS_MAX
        and not ends_sentence(text)
        and not text.endswith((":", "："))
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
        and split_credit(caption.text, rules)[1] is not None
        and looks_like_alt
    )


_AGENCY_ALT_MAX_WORDS = 20


def _alt_with_agency_credit(candidate: Candidate, rules: Rules) -> bool:
    """Old layout: an image's alt text standing alone, a keyword string with the picture
    agency's credit in parentheses ("Deutschland Bayern München gegen Borussia Dortmund
    (Reuters/M. Dalder)", "Nigeria Interview mit Flüchtlingen (DW/A. Mohammed)"). A caption
    with such a credit is a sentence: "His wife is seen right. (Foto: E. Lukatsky/AP/dapd)"."""
    if not candidate.text.endswith(")") or candidate.hints & (
        Hint.HEADING | Hint.LIST_ITEM | Hint.LEAD | Hint.PARAGRAPH
    ):
        return False
    match = rules.agency_credit.search(candidate.text)
    if match is None or candidate.credit:
        return False
    before = candidate.text[: match.start()].rstrip()
    return (
        word_count(before) <= _AGENCY_ALT_MAX_WORDS
        and not ends_sentence(before)
        and not _INNER_SENTENCE.search(before)
    )


def _credited_alt(alt: Candidate, caption: Candidate, rules: Rules) -> bool:
    """Old layout: alt text with its credit in parentheses ("Nigeria Interview mit Flüchtlingen
    (DW/A. Mohammed)"), then the caption, a description without a final full stop."""
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
        and not _INNER_SENTENCE.search(caption.text)
    )


# A heading that names its topic before a colon, in at most four words ("2024: Yulia Navalnaya",
# "For website operators: DW articles"); DW's captions do so too, but their text goes on in
# lower case ("Seit Monaten umkämpft: die ostukrainische Stadt Bachmut").
_LABELLED_HEADING = re.compile(r"^\w+(?: \w+){0,3}: \S")
_TOPIC_CAPTION = re.compile(
    r"^\w+(?: \w+){1,4}: [^\W\d_A-ZÀ-ÞА-Я]"
)  # its text goes on in lower case
_TEASER_MAX_WORDS = 45
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


_GLUED_CREDIT_REACH = 200  # characters: a label and ten words of credit


def _glued_credit(candidate: Candidate, rules: Rules) -> bool:
    """A modern caption: a credit label glued to the caption text ("…ManausFoto: X/AFP")."""
    if candidate.hints & Hint.PARAGRAPH:
        return False
    # a credit of at most ten words ends the text: only its end is searched (long paragraphs)
    text = candidate.text
    match = rules.find_credit(text, max(0, len(text) - _GLUED_CREDIT_REACH))
    return bool(
        match
        and match.start() > 0
        and not candidate.text[match.start() - 1].isspace()
        and word_count(match.group(0)) <= 10
    )


def _heading_length(text: str) -> bool:
    """Short enough for a heading or caption: a short line, or a question of a line that
    stands alone ("Why are there so many storms this week?"), never two sentences."""
    if is_short_line(text) and not is_prose(text):
        return True
    return (
        ends_with_question(text)
        and word_count(text) <= _QUESTION_HEADING_WORDS
        and not _INNER_SENTENCE.search(text)
    )


_QUESTION_HEADING_WORDS = 12


def _kind_by_markup(candidate: Candidate, credited: bool, rules: Rules) -> BlockKind | None:
    """Kinds a line's own form decides: a list item, and text that introduces or attributes
    ("At a glance:", "(Süddeutsche Zeitung)"), which no heading or caption does. A line with a
    credit glued on (`credited`) is a caption however many sentences it has."""
    hints = candidate.hints
    if hints & (Hint.HEADING | Hint.CAPTION | Hint.IMAGE_ALT) or candidate.credit or credited:
        return None
    if hints & Hint.LIST_ITEM:
        return BlockKind.LIST_ITEM
    if hints & Hint.PARAGRAPH:
        return BlockKind.PARAGRAPH  # a <p> of the article's body: no test of its shape needed
    text = candidate.text
    if text.endswith((":", "：")) or (text.startswith("(") and text.endswith(")")):
        return BlockKind.PARAGRAPH
    if rules.bylines.interviewer.match(text):
        return BlockKind.PARAGRAPH  # an interview's question, DW's turn: no heading
    if not _WORD_CHAR.search(text):
        return BlockKind.PARAGRAPH  # "…", "***": no heading or caption has no word

    if _INNER_SENTENCE.search(text) and word_count(text) >= 10:
        return BlockKind.PARAGRAPH  # two sentences: running text, though the last is unfinished
    return None


def segment(
    candidates: list[Candidate], rules: Rules, options: SegmentOptions
) -> tuple[list[Block], list[Removal]]:
    blocks: list[Block] = []
    if not candidates:
        return blocks, []
    candidates, removed = pair_picture_lines(candidates, rules, options)

    def emit(candidate: Candidate, kind: str) -> None:
        if kind == _ALT:
            removed.append(Removal(candidate.text, "image alt text", candidate.line))
            return
        text, credit = candidate.text, candidate.credit
        if (  # a gallery picture's text with its credit after a space ("… 。 图像来源: AP")
            kind == BlockKind.PARAGRAPH
            and options.titled_pictures
            and credit is None
            and split_credit(text, rules)[1] is not None
        ):
            kind = BlockKind.CAPTION
        if kind == BlockKind.CAPTION and credit is None:
            text, credit = split_credit(text, rules)
            if credit is not None and options.alt_before_caption_inline:
                text = strip_inline_alt(text)
        blocks.append(Block(BlockKind(kind), text, credit, candidate.line))

    def flush(run: list[Candidate]) -> None:
        # the run stands right under a teaser-length lead (not a first paragraph taken as lead)
        after_lead = len(blocks) == 1 and word_count(blocks[0].text) <= _TEASER_MAX_WORDS
        for c, kind in zip(run, _label_run(run, rules, options, after_lead), strict=True):
            emit(c, kind)

    blocks.append(Block(BlockKind.LEAD, candidates[0].text, line=candidates[0].line))
    run: list[Candidate] = []
    for candidate in candidates[1:]:
        credited = _glued_credit(candidate, rules)
        own_kind = _kind_by_markup(candidate, credited, rules)
        short = own_kind is None and (
            candidate.hints & (Hint.HEADING | Hint.CAPTION | Hint.IMAGE_ALT)
            or (_heading_length(candidate.text) and not candidate.hints & Hint.PARAGRAPH)
        )
        if own_kind is None and (short or candidate.hints & Hint.IMAGE_ALT or credited):
            run.append(candidate)
            continue
        if run:
            flush(run)
            run = []
        if own_kind is None:
            own_kind = BlockKind.CAPTION if candidate.hints & Hint.CAPTION else BlockKind.PARAGRAPH
        emit(candidate, own_kind)
    if run:
        flush(run)
    return _numbered_sections(blocks), removed


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_START = re.compile(r"^(X?(?:IX|IV|V?I{0,3}))\.? (?=\w)")


def _numbered_sections(blocks: list[Block]) -> list[Block]:
    """Short lines numbered I, II, III … in the page's order are its section headings, all of
    them: a numbered heading long enough to read as a caption is still one of the series.
    (Seen on one page, a DW podcast's running order; the rule needs the series from I on.)"""
    numbered = []
    for index, block in enumerate(blocks):
        match = _ROMAN_START.match(block.text)
        if match and match.group(1) and block.kind in _SHORT_KINDS and block.credit is None:
            numbered.append((index, match.group(1)))
    if len(numbered) < 2 or [n for _, n in numbered] != list(_ROMAN[: len(numbered)]):
        return blocks
    for index, _ in numbered:
        blocks[index] = Block(BlockKind.SUBHEAD, blocks[index].text, None, blocks[index].line)
    return blocks


_SHORT_KINDS = (BlockKind.SUBHEAD, BlockKind.CAPTION)
