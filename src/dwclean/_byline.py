"""Bylines: who wrote the article, read from the line that says so.

A byline is evidence only where DW prints one: the line between headline and date line (also
glued to the date: "Євген Тейзе27 березня 2005 р."), or an info-box line with an author label.
A byline may credit an agency beside the author ("…، روئٹرز") or name the editor after a label
("Mhariri: Josephat Charo"); neither is an author. The phrases are data (rules/patterns.toml).
"""

from __future__ import annotations

import re

from ._rules import Prefixes, Rules, key
from ._text import has_cjk, is_date_line, parse_date, word_count

_MAX_NAME_WORDS = 5
_SOURCES_IN_BRACKETS = re.compile(r"\s*\(([^()]+)\)$")
# where a date may start glued to a name: a digit after a letter (or an Indic vowel sign:
# "Arben Muka9 Tetor 2012"), or a capital after a small letter ("Tom BeckerMarch 14, 2024")
_GLUED_DATE = re.compile(r"(?<=[^\s\d.,:;/()-])(?=\d)|(?<=[a-zß-ÿ])(?=[A-Z])")


def split_glued_date(text: str, rules: Rules) -> tuple[str, str | None]:
    """ "Arben Muka9 Tetor 2012" → ("Arben Muka", "2012-10-09"), "Tom BeckerMarch 14, 2024" →
    ("Tom Becker", "2024-03-14"); else (text, None)."""
    for match in _GLUED_DATE.finditer(text):
        rest = text[match.start() :]
        if is_date_line(rest, rules.months):
            date = parse_date(rest, rules.months)
            if date:
                return text[: match.start()].strip(), date
    return text, None


# a field report's place after a dash: one word ("حيدر الساعدي - بغداد")
_PLACE_AFTER_DASH = re.compile(r" [-–] [^\W\d_]+$")


def author_names(text: str, rules: Rules) -> list[str]:
    """The authors a byline names: labels, editors and agencies left out."""
    text = " ".join(text.split())
    label = author_label_length(rules.author_labels, key(text))
    if label:
        text = text[label:].strip(" :")
    cut = rules.bylines.editor_label.search(text)
    if cut and cut.start() == 0:
        # a byline naming its editor only ("Edited by: Tom Ashworth", a live blog's header):
        # the one person the page names is its author
        text = text[cut.end() :].strip(" :")
    elif cut:
        text = text[: cut.start()].strip(" ,;/")
    place = _PLACE_AFTER_DASH.search(text)  # "ياسمين عبد الحميد - القاهرة": the place
    if place and word_count(text[: place.start()]) >= 2:
        text = text[: place.start()]
    sources = _SOURCES_IN_BRACKETS.search(text)  # "Katrin Brandes (dpa, afp)": the agencies
    if sources and key(text[: sources.start()]) in rules.bylines.agencies:
        return []  # an agency (DW itself) with what it is in brackets: "DW (Deutsch)", a feed's
    if sources and all(
        key(part) in rules.bylines.agencies for part in re.split(r"[,/;]\s*", sources[1])
    ):
        text = text[: sources.start()]
    names = [
        name.strip(" ,;:/")
        for name in rules.bylines.separator.split(text)
        if name.strip(" ,;:/")
        and key(name.strip(" ,;:/")) not in rules.bylines.agencies
        and word_count(name) <= _MAX_NAME_WORDS
    ]
    if _ends_with_place(text, names):
        names.pop()
    return [_without_agency(name, rules) for name in names]


def _without_agency(name: str, rules: Rules) -> str:
    """A name with the agency it wrote for glued on after a slash ("Amina Mjahid/Reuters")."""
    if "/" not in name:
        return name
    parts = [part.strip() for part in name.split("/")]
    kept = [part for part in parts if part and key(part) not in rules.bylines.agencies]
    return "/".join(kept) if kept else name


def _ends_with_place(text: str, names: list[str]) -> bool:
    """A field report's byline names the place after a comma ("তানজিলা হক, নারায়ণগঞ্জ",
    "Ayu Purwaningsih, Jakarta"): one word after names of two words or more. (Two one-word
    names, as Chinese ones are written, are two authors.)"""
    if len(names) < 2 or word_count(names[-1]) != 1:
        return False
    if any(word_count(name) < 2 for name in names[:-1]):
        return False
    return re.search(r"[,،]\s*" + re.escape(names[-1]) + r"\s*$", text) is not None


def author_label_length(labels: Prefixes, text_key: str) -> int:
    """How long the author label the line starts with is, or 0. Info boxes print the label in
    its two genders, "Autorin/Autor", "Autorja/Autori": one of the two is a known label. A
    label is a whole word: "Autor" does not start "Autorja …"."""
    first = text_key.split(" ", 1)[0]
    if "/" in first:
        for gender in first.split("/"):
            if gender and labels.match(gender) == len(gender):
                return len(first)
    length = labels.match(text_key)
    if length and text_key[length - 1 : length + 1].isalpha() and not has_cjk(text_key[:length]):
        return 0  # the label's letters go on: a longer word
    return length
