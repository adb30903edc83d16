"""Reading the page's header once the lead is found (`_lead.py`): the headline among the short
lines above it, the section, the byline and date lines, a date glued to the lead. Marks read
wherever they stand (title line, layout, info box) are in `_marks.py`.
"""

from __future__ import annotations

import re
from functools import cache

from ._byline import author_label_length, author_names, split_glued_date
from ._model import Hint
from ._page import Page
from ._rules import Rules
from ._text import is_date_line, is_prose, parse_date, tokens, word_count

# a date at the start of a text, glued to its first word: "June 24, 2024Promoting …"
# a date's words: what stands between its digits and separators ("maja", "सितंबर" with its
# vowel signs, which \w does not take, "年")
_DATE_WORD = re.compile(r"[^\s\d.,/-]+")
# where a date glued to text may end: a digit, or a Chinese date's 日, before a letter
# (or the year's abbreviation, "21 мая 2021 г.", "3 липня 2019 р.", or its period, "8. mart
# 2017.": the date lines of ru, bg, uk and of sr, hr, bs, rules/languages/SOURCES.md)
_GLUED_DATE_END = re.compile(r"\d(?:日|\s?[гр]\.|\.)?(?=[^\W\d_])")
_GLUED_DATE_MAX = 40


@cache
def _weekday() -> re.Pattern[str]:  # a word, then a comma: the date's weekday (rare: lazily)
    return re.compile(r"^[^\W\d_]{3,}[,፣،] ")


_DATE_LINE_REACH = 4  # headline, byline, date line: a header's date line is this close
# the words a date holds beside its month: 年月日, "de" ("3 de janeiro de 2018") and the year's
# abbreviation ("г.", "р.")
_DATE_SIGNS = frozenset(["年", "月", "日", "de", "г", "р"])
_TITLE_WINDOW = 6  # how many candidates before the lead may hold the headline, kicker, byline


def glued_date(text: str, rules: Rules) -> tuple[int, str] | None:
    """A date glued to the start of `text` ("3 maja 2013Rozpoczęcie …"): where it ends, and
    the date it is; None when the text opens with none."""
    for end in _GLUED_DATE_END.finditer(text, 3, _GLUED_DATE_MAX):
        date = _date_only(text[: end.end()], rules)
        if date is not None:
            return end.end(), date
    return None


def _date_only(text: str, rules: Rules) -> str | None:
    """The date `text` is, if it is only a date: month names (or 年月日) and digits, after its
    weekday at most ("ረቡዕ፣ ግንቦት 16 2015", "Tuesday, March 14, 2024")."""
    months = rules.months
    if not is_date_line(text, months):
        return None
    words = _DATE_WORD.findall(_weekday().sub("", text, count=1).casefold())
    if any(w not in months and w not in _DATE_SIGNS for w in words):
        return None
    return parse_date(text, months)


class HeaderReader(Page):
    def read_glued_date(self, lead: int) -> None:
        """Mirrors and AMP pages glue the date line to the lead: "3 maja 2013Rozpoczęcie …".
        The date is the article's; the text after it is the lead. Where a date line stands
        above the lead, a date at the lead's start is the text's ("1989年11月9日晚間，…")."""
        above = range(max(0, lead - _DATE_LINE_REACH), lead)
        if any(self.is_date_line(self.candidates[i].text) for i in above):
            return
        glued = glued_date(self.candidates[lead].text, self.rules)
        if glued is not None:
            end, date = glued
            self.meta.date = self.meta.date or date
            self.cut_prefix(lead, end, "date glued to the text")
            self.lead_dated = True

    def find_title(self, lead: int) -> int | None:
        """The headline: among the short lines just before the lead, the one that is it."""
        if self.headline is not None and self.headline < lead:
            return self.headline
        window: list[int] = []
        index = lead - 1
        while index >= 0 and len(window) < _TITLE_WINDOW:
            candidate = self.candidates[index]
            if self.rules.page_types.player_markers.search(candidate.text):
                index -= 1  # a player's notice between headline and byline (a sentence)
                continue
            if candidate.hints & Hint.LIST_ITEM or is_prose(candidate.text):
                break
            if (
                self.alive(index)
                and not self.is_date_line(candidate.text)
                and not candidate.hints & Hint.CAPTION  # a caption the front-end knows
            ):
                window.append(index)
            index -= 1
        if not window:
            return None
        marked = [i for i in window if self.candidates[i].hints & Hint.TITLE]
        if marked:
            return marked[0]
        if self.meta.title:
            wanted = tokens(self.meta.title)
            for i in window:
                if tokens(self.candidates[i].text) == wanted:
                    return i
        # a line glued under the navigation (an image's alt text) belongs to its block
        window = [i for i in window if not self._glued_to_furniture(i)] or window
        headings = [i for i in window if self.candidates[i].hints & Hint.HEADING] or window
        # "Mirror | Home | News": a menu or a breadcrumb, not a headline; nor a line with an
        # address in it (a copy's "Source: https://www.dw.com/…")
        headings = [
            i
            for i in headings
            if " | " not in self.candidates[i].text and "://" not in self.candidates[i].text
        ] or headings
        return max(headings, key=lambda i: (len(self.candidates[i].text), -i))

    def _glued_to_furniture(self, index: int) -> bool:
        """Glued under removed furniture, in a dump that sets blank lines between its blocks
        (where none has any, as in many archives' text, no line is glued to another)."""
        candidates = self.candidates
        if index == 0 or candidates[index].gap_before or self.alive(index - 1):
            return False
        return self.spaced()

    def find_section(self, title: int) -> str | None:
        """Old layout: the breadcrumb's last part. (A kicker above the headline names no
        section: labels.md takes a section only from what the page states as one, and on
        real pages the kicker is often a topic, "Nachrichten", "فرهنگ و هنر".)"""
        for index in range(title - 1, max(title - 12, -1), -1):
            match = self.rules.breadcrumb.match(self.candidates[index].text)
            if match:
                return self.candidates[index].text.rsplit(" / ", 1)[1].strip()
        return None

    def read_header(self, title: int | None, lead: int) -> None:
        """Byline and date lines between headline and lead (modern layout)."""
        start = title + 1 if title is not None else lead
        for index in range(start, lead):
            text = self.candidates[index].text
            if self.is_date_line(text):
                names, date = split_glued_date(text, self.rules)  # "Arben Muka9 Tetor 2012"
                self.meta.date = self.meta.date or date or parse_date(text, self.rules.months)
                if date and names:
                    self.meta.authors.extend(author_names(names, self.rules))
                self.remove(index, "date line")
            elif self.alive(index) and word_count(text) <= 12 and not is_prose(text):
                names, date = split_glued_date(text, self.rules)
                labelled = author_label_length(self.rules.author_labels, self.keys[index])
                following = self.candidates[index + 1].text if index + 1 < lead else ""
                # (over a date line, or over the lead a date line is glued to)
                dated = self.is_date_line(following) or (index + 1 == lead and self.lead_dated)
                if date or labelled or dated:
                    self.meta.date = self.meta.date or date
                    self.meta.authors.extend(author_names(names, self.rules))
                    self.remove(index, "byline")
                else:
                    self.remove(index, "header line")
