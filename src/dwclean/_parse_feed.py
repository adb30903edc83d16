"""Parse stage for DW's syndication view (rss.dw.com "copy & paste" pages and feed readers).

The view lists one article as labelled fields — `Item 1 / Id / Date / Title / Short title /
Teaser / Short teaser / Full text` — one per line, as cells of a pipe table, or run together on
one line. The labels are English on every edition (rules/page_types.toml). `Title` and `Date` are
the article's metadata, `Teaser` its lead, the text after the fields its body. Partners copy the
full text with its paragraph breaks lost: a sentence glued to the next one ("turnos.Um") starts a
new paragraph, and a heading glued to the following sentence ("w powietrzuWedług") is a subhead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ._exceptions import NotAnArticleError
from ._model import Candidate, Hint, Removal
from ._parse_text import parse_dump
from ._read import feed_start, is_feed_item_line, normalize
from ._rules import key, load_rules
from ._text import ends_sentence, is_prose, parse_date, word_count


@dataclass(slots=True)
class ParsedFeed:
    candidates: list[Candidate]
    title: str | None
    date: str | None
    removed: list[Removal] = field(default_factory=list)
    item_id: str | None = None  # the view's `Id`: DW's number for the article


@cache
def _field_pattern() -> re.Pattern[str]:
    labels = sorted(load_rules().page_types.feed_labels, key=len, reverse=True)
    alternatives = "|".join(labels)  # already regular expressions
    # a label opens a line, a table cell, or (run together) follows a space
    return re.compile(rf"(?:^|(?<=[\s|]))(?P<label>{alternatives})(?=[\s|]|$)")


_PIPES = re.compile(r"\s*\|[\s|]*")
# a finished sentence glued to the next ("noturnos.Um"): two lower-case letters, the end mark
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁЂ-Џ"
_LOWER_WORD_CHAR = rf"[^\W\d_{_UPPER}]"
_GLUED_SENTENCE = (
    rf"(?<={_LOWER_WORD_CHAR}{{2}}[.!?…])(?:[\"”»“](?=[„“\"«]?[{_UPPER}]))?(?=[„“\"«]?[{_UPPER}])"
)
# a heading glued to the sentence after it: an all-lower-case word or a closing quote, then a
# capital that opens a word or is one ("powietrzuWedług", '"Especial"Além', "ruasO entusiasmo");
# "WhatsApp" and "iPhone" do not qualify
_GLUED_HEADING = (
    rf"(?:(?<=\s){_LOWER_WORD_CHAR}{{3,}}|(?<=\S)[\"”»“])"
    rf"(?=[{_UPPER}](?:{_LOWER_WORD_CHAR}|\s))"
)
_SENTENCE_END = r"[.!?…][\"”»]?\s+"


@cache
def _glue_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(glued sentence, glued heading, sentence end), compiled on the first run-together text:
    their wide letter classes are slow to compile, and most inputs are no feed."""
    return re.compile(_GLUED_SENTENCE), re.compile(_GLUED_HEADING), re.compile(_SENTENCE_END)


_TEXT_FIELDS = ("Teaser", "Full text")  # fields whose value may stand under the label
# fields whose one-line value may stand under the label
_LINE_FIELDS = ("Item", "Id", "Date", "Title", "Short title", "Short teaser")
_MAX_HEADING_WORDS = 14


def parse_feed(text: str) -> ParsedFeed:
    lines = normalize(text).split("\n")
    start = feed_start(lines)
    if start is None:
        raise NotAnArticleError("not DW's syndication view: no Item or Id line at the top")
    removed = [
        Removal(line.strip(), "feed reader header", i + 1)
        for i, line in enumerate(lines[:start])
        if line.strip()
    ]
    fields, body_start = _read_fields(lines, start, removed)
    title = _value(fields, "Title")
    date = parse_date(_value(fields, "Date") or "")
    candidates: list[Candidate] = []
    teaser = _value(fields, "Teaser")
    body_lines = _before_next_item(lines[body_start:], body_start, removed)
    caption = None
    if teaser:
        candidates.extend(_run_together(teaser, start + 1, lead=True))
        candidates[:1] = _teaser_and_text(candidates[0])
    elif body_lines:
        body_lines, caption = _picture_caption(body_lines)
    full_text = _value(fields, "Full text")  # printed after its label, on the same line
    if full_text:
        candidates.extend(_run_together(full_text, body_start, lead=False))
    candidates.extend(_body(body_lines, body_start, removed))
    if caption is not None:
        # An empty Teaser field over a picture: the paragraph under it is the teaser, the lead.
        # (Without a picture the text starts with a paragraph, and there is no lead.)
        if candidates:
            candidates[0].hints |= Hint.LEAD
            caption.line = candidates[0].line
        candidates.insert(0, caption)
    item_id = _value(fields, "Id")
    return ParsedFeed(
        candidates, title, date, removed, item_id if item_id and item_id.isdigit() else None
    )


def _read_fields(
    lines: list[str], start: int, removed: list[Removal]
) -> tuple[dict[str, str], int]:
    """The labelled fields from line `start` on, and the line where the full text begins.

    A field's value runs to the next label; the Teaser (or Full text) value also takes the lines
    glued under its label, up to the first blank line.
    """
    pattern = _field_pattern()
    fields: dict[str, str] = {}
    index = start
    last_label = ""
    blank_since_label = False
    while index < len(lines):
        line = lines[index]
        clean = _PIPES.sub(" ", line).strip()
        if not clean:  # a blank line, or a row of empty cells
            if line.strip():
                removed.append(Removal(line.strip(), "feed field", index + 1))
            blank_since_label = True
            index += 1
            continue
        labels = list(pattern.finditer(clean))
        if not labels or labels[0].start() != 0:
            if last_label in _LINE_FIELDS and not fields.get(last_label) and not blank_since_label:
                # each label on a line of its own, its value on the next ("Id" / "71620853")
                fields[last_label] = clean
                removed.append(Removal(line.strip(), "feed field", index + 1))
                index += 1
                continue
            if last_label == "Teaser" and not fields.get(last_label) and not blank_since_label:
                # the value printed under its label, to the next blank line or label (the full
                # text under its label is the body, read line by line)
                block: list[str] = []
                first = index
                while index < len(lines) and lines[index].strip():
                    if block and _starts_with_label(lines[index], pattern):
                        break
                    block.append(lines[index].strip())
                    index += 1
                teaser_lines = _first_paragraph(block)
                if teaser_lines < len(block) and not _starts_with_label(
                    lines[index] if index < len(lines) else "", pattern
                ):
                    # no blank line or label after it: the full text follows, glued under the
                    # teaser (its first paragraph, hard-wrapped or not), a paragraph a line
                    fields[last_label] = " ".join(" ".join(block[:teaser_lines]).split())
                    return fields, first + teaser_lines
                fields[last_label] = " ".join(" ".join(block).split())
                continue  # more fields may follow ("Short teaser", "Full text")
            wrapped = _wrapped_value(fields, last_label, lines, index, pattern)
            if wrapped and not blank_since_label:
                fields[last_label] = " ".join([fields[last_label], *lines[index : index + wrapped]])
                fields[last_label] = " ".join(fields[last_label].split())
                index += wrapped
                continue  # more fields follow ("Short teaser", "Full text")
            if last_label in _TEXT_FIELDS or ("Title" in fields and last_label != "Title"):
                return fields, index  # the full text starts here
            removed.append(Removal(line.strip(), "feed header", index + 1))  # among the rows
            index += 1
            continue
        removed.append(Removal(line.strip(), "feed field", index + 1))
        for number, match in enumerate(labels):
            end = labels[number + 1].start() if number + 1 < len(labels) else len(clean)
            last_label = match.group("label")
            if last_label.startswith("Item "):
                last_label = "Item"
            fields[last_label] = clean[match.end() : end].strip()
        blank_since_label = False
        index += 1
    return fields, index


def _before_next_item(lines: list[str], offset: int, removed: list[Removal]) -> list[str]:
    """The view's lines up to the next item's `Item N` line: another article's fields."""
    for number, line in enumerate(lines):
        if is_feed_item_line(line):
            removed.extend(
                Removal(rest.strip(), "next feed item", offset + number + i + 1)
                for i, rest in enumerate(lines[number:])
                if rest.strip()
            )
            return lines[:number]
    return lines


def _wrapped_value(
    fields: dict[str, str], label: str, lines: list[str], index: int, pattern: re.Pattern[str]
) -> int:
    """How many lines from `index` go on with a Teaser value printed after its label that a
    renderer hard-wrapped ("Teaser Тисячі … Але між дипломом і" / "дозволом на практику …"):
    up to the line that ends its sentence, when a label or a blank line follows. 0: none."""
    value = fields.get(label, "")
    if label != "Teaser" or not value or ends_sentence(value):
        return 0
    block: list[str] = []
    for line in lines[index:]:
        if not line.strip() or _starts_with_label(line, pattern):
            break
        block.append(line.strip())
    count = _first_paragraph([value, *block]) - 1
    after = index + count
    if count == 0 or not ends_sentence(block[count - 1]):
        return 0
    if (
        after < len(lines)
        and lines[after].strip()
        and not _starts_with_label(lines[after], pattern)
    ):
        return 0  # the full text goes on under it: the view's other shape, read elsewhere
    return count


def _first_paragraph(block: list[str]) -> int:
    """How many of the lines make the first paragraph: a line that ends no sentence is
    hard-wrapped, and the next one goes on with it."""
    count = 1
    while count < len(block) and not ends_sentence(block[count - 1]):
        count += 1
    return count


def _starts_with_label(line: str, pattern: re.Pattern[str]) -> bool:
    match = pattern.search(_PIPES.sub(" ", line).strip())
    return match is not None and match.start() == 0


def _value(fields: dict[str, str], label: str) -> str | None:
    value = fields.get(label)
    return value or None


def _picture_caption(lines: list[str]) -> tuple[list[str], Candidate | None]:
    """An empty teaser, then a short unfinished line, then the text: the picture's caption."""
    blocks = "\n".join(lines).strip().split("\n\n")
    if len(blocks) < 2:
        return lines, None
    first = " ".join(blocks[0].split())
    if not first or is_prose(first) or first.endswith((".", "!", "?")) or word_count(first) < 4:
        return lines, None
    rest = "\n\n".join(blocks[1:])
    return rest.split("\n"), Candidate(first, Hint.CAPTION)


def _body(lines: list[str], offset: int, removed: list[Removal]) -> list[Candidate]:
    candidates: list[Candidate] = []
    furniture = {key(r.text) for r in removed}  # the header's rows, should they come again
    for candidate in parse_dump("\n".join(lines)).candidates:
        candidate.line += offset
        if not _PIPES.sub("", candidate.text).strip() or key(candidate.text) in furniture:
            removed.append(Removal(candidate.text, "feed field", candidate.line))
            continue
        if len(candidate.text) > 300 or _glued_subhead(candidate.text):
            # paragraphs run together, or a subhead glued to the sentence after it
            candidates.extend(_run_together(candidate.text, candidate.line, lead=False))
        else:
            candidate.hints |= Hint.PARAGRAPH if is_prose(candidate.text) else Hint.NONE
            candidates.append(candidate)
    return candidates


def _glued_subhead(text: str) -> bool:
    """A subhead glued to the sentence after it ("…vecinilorPremierul …"); a caption glued to
    its credit ("…skupljeFoto: dpa") is a caption."""
    return _glue_patterns()[1].search(text) is not None and load_rules().find_credit(text) is None


def _collapse(text: str) -> str:
    return " ".join(text.split())  # a candidate's text has single spaces only


def _run_together(text: str, line: int, *, lead: bool) -> list[Candidate]:
    """Split text whose paragraph breaks were lost; the first piece is the lead when asked."""
    pieces: list[Candidate] = []
    glued_sentence, glued_heading, sentence_end = _glue_patterns()
    for part in _split_glued(text, glued_sentence):
        heading_cut = 0
        for match in glued_heading.finditer(part):
            head = part[heading_cut : match.end()]
            ends = list(sentence_end.finditer(head))
            heading_start = ends[-1].end() if ends else 0
            heading = head[heading_start:].strip()
            if not heading or word_count(heading) > _MAX_HEADING_WORDS:
                continue
            before = head[:heading_start].strip()
            if before:
                pieces.append(Candidate(_collapse(before), Hint.PARAGRAPH, line=line))
            pieces.append(Candidate(_collapse(heading), Hint.HEADING, line=line))
            heading_cut = match.end()
        rest = part[heading_cut:].strip()
        if rest:
            pieces.append(Candidate(_collapse(rest), Hint.PARAGRAPH, line=line))
    if lead and pieces:
        pieces[0].hints = Hint.LEAD
    return pieces


# DW's teasers run to two sentences and a few hundred characters. A longer Teaser value holds
# the full text too, run on after it with no break: the teaser is then its first two sentences
# (as the real pt-BR table copy and the Serbian Vijesti copy print theirs; a guess where a
# teaser has one sentence or three, but all of it stays body text either way).
_TEASER_MAX_CHARS = 400
_TEASER_SENTENCES = 2


def _teaser_and_text(lead: Candidate) -> list[Candidate]:
    """The lead of a Teaser value that runs on into the full text, and that text."""
    if len(lead.text) <= _TEASER_MAX_CHARS:
        return [lead]
    text = lead.text
    ends = [  # a sentence starts after it: "2025. dodeljuje se" is an ordinal, no end
        end.end()
        for end in _glue_patterns()[2].finditer(text)  # (the sentence end)
        if not text[end.end() : end.end() + 2].lstrip('„“"«')[:1].islower()
    ]
    if len(ends) < _TEASER_SENTENCES:
        return [lead]
    cut = ends[_TEASER_SENTENCES - 1]
    rest = Candidate(lead.text[cut:].strip(), Hint.PARAGRAPH, line=lead.line)
    return [Candidate(lead.text[:cut].strip(), Hint.LEAD, line=lead.line), rest]


def _split_glued(text: str, pattern: re.Pattern[str]) -> list[str]:
    parts, start = [], 0
    for match in pattern.finditer(text):
        parts.append(text[start : match.end()])
        start = match.end()
    parts.append(text[start:])
    return [p for p in parts if p.strip()]
