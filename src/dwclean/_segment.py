"""Segment stage: label the article's candidates lead, paragraph, subhead or caption.

Running text is a paragraph. Between paragraphs sit runs of short lines: subheads, captions and,
in dumps whose renderer prints an image's alt text, that alt text. A front-end's hints decide
where they exist (html2text `##`, a figcaption); otherwise the shape of the run and of each line
does: a caption carries a photo credit or follows its alt text or a subhead, a subhead stands
alone before its paragraph.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ._model import Block, BlockKind, Candidate, Hint, Removal
from ._pictures import (
    ALT_TEXT,
    caption_sentence,
    glued_under,
    has_glued_credit,
    in_pages_own_script,
    pair_picture_lines,
    split_credit,
    strip_inline_alt,
)
from ._rules import Language, Rules, key
from ._text import (
    ends_sentence,
    ends_with_question,
    has_inner_sentence,
    is_prose,
    is_short_line,
    word_count,
)

_CAPTION_SHAPE = re.compile(r"\d{4}|\S:\s")  # a year or "Someone: doing something"
_ALT = "alt"
_WORD_CHAR = re.compile(r"\w")


class SegmentOptions(NamedTuple):
    alt_lines: bool = False  # the renderer printed alt text as its own line before captions
    body_indent: int = 0
    caption_indent: bool = False  # captions are indented deeper than body text (inscriptis)
    alt_before_caption_inline: bool = False  # lynx: "alt caption" on one line (modern figures)
    language: Language | None = None  # the page's edition, when known
    titled_pictures: bool = False  # a gallery: the line above a picture's text is its title

    @property
    def script(self) -> str | None:
        """The page's script ("Hans", "Cyrl", "Arab"), when known."""
        return self.language.script if self.language else None


def _caption_by_position(
    previous: str | None,
    candidate: Candidate,
    options: SegmentOptions,
    after_lead: bool,
    credited_page: bool = False,
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
    if credited_page:
        return False  # the page prints its pictures' credits: a line without one is no caption
    return word_count(candidate.text) >= 8  # a description, longer than a heading


def _label_run(
    run: list[Candidate],
    rules: Rules,
    options: SegmentOptions,
    after_lead: bool = False,
    credited_page: bool = False,
    over_text: bool = False,
) -> list[str]:
    """Kinds for a run of consecutive short candidates (or "alt" for alt text to drop);
    `over_text`: a paragraph of text follows the run."""
    labels: list[str | None] = [None] * len(run)
    if options.titled_pictures:
        for i in _alts_over_titles(run, rules, over_text):
            labels[i], labels[i + 1] = _ALT, BlockKind.CAPTION
    for i, candidate in enumerate(run):
        if labels[i] is not None:
            continue
        hints = candidate.hints
        if hints & Hint.IMAGE_ALT:
            labels[i] = _ALT
        elif hints & Hint.CAPTION or candidate.credit or split_credit(candidate.text, rules)[1]:
            labels[i] = BlockKind.CAPTION
        elif (
            options.alt_lines
            and rules.alt_credit.search(candidate.text)
            and not in_pages_own_script(candidate.text, options.script)
        ) or rules.portrait_alt.match(candidate.text):
            labels[i] = _ALT
        elif hints & Hint.HEADING:
            labels[i] = BlockKind.SUBHEAD
    for i in _box_fields(run, labels):
        labels[i] = BlockKind.PARAGRAPH
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
                and glued_under(run[i], run[i + 1])
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
            is_caption = _caption_by_position(
                previous, candidate, options, after_lead and i == 0, credited_page
            )
            labels[i] = BlockKind.CAPTION if is_caption else BlockKind.SUBHEAD
    return [label or BlockKind.SUBHEAD for label in labels]


# A heading that names its topic before a colon, in at most four words ("2024: Yulia Navalnaya",
# "For website operators: DW articles"); DW's captions do so too, but their text goes on in
# lower case ("Seit Monaten umkämpft: die ostukrainische Stadt Bachmut").
_LABELLED_HEADING = re.compile(r"^\w+(?: \w+){0,3}: \S")
_TOPIC_CAPTION = re.compile(
    r"^\w+(?: \w+){1,4}: [^\W\d_A-ZÀ-ÞА-Я]"
)  # its text goes on in lower case
_TEASER_MAX_WORDS = 45
_BOX_MIN_FIELDS = 3


def _box_fields(run: list[Candidate], labels: list[str | None]) -> list[int]:
    """An info box's fields: three lines or more in a row, each a label of a few words and its
    value ("Коли: щороку в третій четвер травня", "Online: in der ePA-App …"), paragraphs of the
    box, where one alone would read as a heading or a caption."""
    fields: list[int] = []
    streak: list[int] = []
    for i, candidate in enumerate([*run, None]):
        if candidate is not None and labels[i] is None and _LABELLED_HEADING.match(candidate.text):
            streak.append(i)
            continue
        if len(streak) >= _BOX_MIN_FIELDS:
            fields.extend(streak)
        streak = []
    return fields


def _heading_length(text: str) -> bool:
    """Short enough for a heading or caption: a short line, or a question of a line that
    stands alone ("Why are there so many storms this week?"), never two sentences."""
    if is_short_line(text) and not is_prose(text):
        return True
    return (
        ends_with_question(text)
        and word_count(text) <= _QUESTION_HEADING_WORDS
        and not has_inner_sentence(text)
    )


_QUESTION_HEADING_WORDS = 9  # every labelled question subhead has nine words or fewer (87)


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

    if has_inner_sentence(text) and word_count(text) >= 10:
        return BlockKind.PARAGRAPH  # two sentences: running text, though the last is unfinished
    return None


def _sentence_caption_by_indent(candidate: Candidate, options: SegmentOptions) -> bool:
    """inscriptis sets the article's paragraphs at one indent and its pictures' captions at
    another (the header picture's shallower, the others deeper): a sentence there is a caption
    however finished it reads ("Les amandes de karité sèchent au soleil avant d'être
    concassées."), where running text would have the body's indent."""
    return (
        options.caption_indent
        and candidate.indent != options.body_indent
        and not candidate.hints & (Hint.HEADING | Hint.LIST_ITEM | Hint.PARAGRAPH)
        and is_prose(candidate.text)
        and caption_sentence(candidate.text)
    )


def _heading_over_text(candidates: list[Candidate], lead: int) -> bool:
    """A page whose text opens with a picture, then a heading over running text: no teaser
    (DW prints the teaser above the picture, the modern layout and the old alike), so the
    heading is the first subhead, not the lead (a ticker's first entry)."""
    first = candidates[lead]
    return (
        0 < lead < len(candidates) - 1
        and not first.hints & (Hint.LEAD | Hint.PARAGRAPH)
        and is_short_line(first.text)
        and is_prose(candidates[lead + 1].text)
    )


def segment(
    candidates: list[Candidate], rules: Rules, options: SegmentOptions
) -> tuple[list[Block], list[Removal]]:
    blocks: list[Block] = []
    if not candidates:
        return blocks, []
    candidates, removed = pair_picture_lines(candidates, rules, options)
    # captions the front-end knows, printed over the lead (a feed view's picture over its teaser)
    lead = 0
    while lead < len(candidates) - 1 and candidates[lead].hints & Hint.CAPTION:
        lead += 1
    # a page whose captions carry their credits (glued on, or a line of their own)
    credited_page = any(
        c.credit is not None
        or (has_glued_credit(c, rules) and split_credit(c.text, rules)[1] is not None)
        for c in candidates[:lead] + candidates[lead + 1 :]
    )

    teaser = not _heading_over_text(candidates, lead)  # else no lead: the page has none

    def emit(candidate: Candidate, kind: str) -> None:
        if kind == _ALT:
            removed.append(Removal(candidate.text, ALT_TEXT, candidate.line))
            return
        text, credit = candidate.text, candidate.credit
        if (  # a gallery's text is its pictures' titles and texts: one with its credit after
            # a space ("… 。 图像来源: AP"), the line the dump cuts ("Hambourg, ville lib")
            kind == BlockKind.PARAGRAPH
            and options.titled_pictures
            and credit is None
            and (split_credit(text, rules)[1] is not None or _cut_last(candidate, candidates))
        ):
            kind = BlockKind.CAPTION
        if kind == BlockKind.CAPTION and credit is None:
            text, credit = split_credit(text, rules)
            if credit is not None and options.alt_before_caption_inline:
                text = strip_inline_alt(text)
        blocks.append(Block(BlockKind(kind), text, credit, candidate.line))

    def flush(run: list[Candidate], over_text: bool = False) -> None:
        # the run stands right under a teaser-length lead (not a first paragraph taken as lead)
        after_lead = (
            teaser
            and len(blocks) == lead + 1
            and word_count(blocks[lead].text) <= _TEASER_MAX_WORDS
        )
        labels = _label_run(run, rules, options, after_lead, credited_page, over_text)
        for c, kind in zip(run, labels, strict=True):
            emit(c, kind)

    for caption in candidates[:lead]:
        emit(caption, BlockKind.CAPTION)
    if teaser:
        blocks.append(Block(BlockKind.LEAD, candidates[lead].text, line=candidates[lead].line))
    run: list[Candidate] = []
    for candidate in candidates[lead + 1 if teaser else lead :]:
        credited = has_glued_credit(candidate, rules)
        own_kind = _kind_by_markup(candidate, credited, rules)
        if own_kind is None and _sentence_caption_by_indent(candidate, options):
            own_kind = BlockKind.CAPTION
        short = own_kind is None and (
            candidate.hints & (Hint.HEADING | Hint.CAPTION | Hint.IMAGE_ALT)
            or (_heading_length(candidate.text) and not candidate.hints & Hint.PARAGRAPH)
        )
        if own_kind is None and (short or candidate.hints & Hint.IMAGE_ALT or credited):
            run.append(candidate)
            continue
        if run:
            flush(run, over_text=True)
            run = []
        if own_kind is None:
            own_kind = BlockKind.CAPTION if candidate.hints & Hint.CAPTION else BlockKind.PARAGRAPH
        emit(candidate, own_kind)
    if run:
        flush(run)
    return _interview_questions(_numbered_sections(blocks), rules), removed


def _alts_over_titles(run: list[Candidate], rules: Rules, over_text: bool) -> list[int]:
    """A gallery picture printed as alt text, title and text, each a line of its own: where two
    plain short lines stand glued over a picture's text, they are its alt text and title (the
    alt text in German keywords, the title in the edition's language: "Deutschland Gastarbeiter
    Wohnheim 1972" / "Život u radničkim domovima"). Returns the alt texts' places."""

    def plain(candidate: Candidate) -> bool:  # no credit, glued or its own, and no hint
        hints = Hint.CAPTION | Hint.HEADING | Hint.IMAGE_ALT
        credited = candidate.credit is not None or has_glued_credit(candidate, rules)
        return not credited and not candidate.hints & hints

    alts = []
    for i in range(len(run) - 1):
        alt, title = run[i], run[i + 1]
        if not (plain(alt) and plain(title) and glued_under(alt, title)):
            continue
        if i > 0 and plain(run[i - 1]) and glued_under(run[i - 1], alt):
            continue  # a third plain line above: no picture's frame
        text = run[i + 2] if i + 2 < len(run) else None
        if text is None:
            if over_text:
                alts.append(i)
        elif not plain(text) and glued_under(title, text):
            alts.append(i)
    return alts


def _cut_last(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """The dump's last line, cut mid-text (strip marks it a paragraph to keep it)."""
    return candidate is candidates[-1] and not ends_sentence(candidate.text)


def _interview_questions(blocks: list[Block], rules: Rules) -> list[Block]:
    """In an interview (DW marks its first question "DW: …"), a question on a line of its own
    is the interviewer's next one, a paragraph as DW prints it, not a subhead."""
    if not any(rules.bylines.interviewer.match(block.text) for block in blocks):
        return blocks
    return [
        Block(BlockKind.PARAGRAPH, block.text, None, block.line)
        if block.kind is BlockKind.SUBHEAD and ends_with_question(block.text)
        else block
        for block in blocks
    ]


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
