"""The candidate sequence strip works on: each candidate's rule key, which ones are removed and
why. `_line_rules.py` removes furniture by its text alone; `_lead.py` (lead, headline),
`_header.py` (title, byline, date) and `_strip.py` (the article's end, boxes inside it, its tail)
work on one `Page`.
"""

from __future__ import annotations

from ._byline import split_glued_date
from ._line_rules import line_rules
from ._model import Candidate, PageType, Removal
from ._rules import Language, Rules, candidate_key, key
from ._text import has_digit, is_date_line, is_date_shaped, is_prose, word_count

_GLUED_BYLINE_MAX_WORDS = 12  # two authors' names, a date with its weekday


class Metadata:
    """What a page says about itself, filled in by the front-end and the header's reader.
    (Plain slotted classes here and in the other stages' results: defining a dataclass costs
    half a millisecond at every start of `dwclean clean FILE`.)"""

    __slots__ = ("authors", "date", "language", "layout", "section", "title", "url")

    def __init__(
        self,
        title: str | None = None,
        date: str | None = None,
        section: str | None = None,
        language: Language | None = None,
        url: str | None = None,
        layout: str | None = None,
        authors: list[str] | None = None,
    ) -> None:
        self.title = title
        self.date = date
        self.section = section
        self.language = language
        self.url = url
        self.layout = layout  # "old" | "modern" | None
        self.authors = authors if authors is not None else []


# The rules that remove a page's navigation, which stands at its very top
NAVIGATION_RULES = ("skip link", "language menu")


def is_info_box_date(text: str, rules: Rules) -> bool:
    """An old-layout info box's date line ("Date 19.01.2020"): a label of a few words and a
    date. Only a line of few words is tried: most lines are split only up to their fifth."""
    most = rules.info_box_date_words
    words = text.split(maxsplit=most)
    return len(words) <= most and bool(rules.info_box_date.match(" ".join(words)))


class Page:
    """Candidates, their keys, and the removals made so far (index → rule, for `--explain`)."""

    def __init__(
        self,
        candidates: list[Candidate],
        rules: Rules,
        metadata: Metadata,
        keys: list[str] | None = None,
    ) -> None:
        self.candidates = candidates
        self.rules = rules
        self.meta = metadata
        self.reasons: dict[int, str] = {}
        self.cut: list[Removal] = []  # pieces cut off a candidate's text
        self.keys = list(keys) if keys is not None else [key(c.text) for c in candidates]
        self.headline: int | None = None  # found by position (above the date line)
        self.lead_dated = False  # the date line is glued to the lead's start
        self._spaced: bool | None = None  # blank lines between blocks (known once asked)
        self._last_long: int | None = None  # the last long paragraph's index (once asked)
        self.page_type = PageType.ARTICLE

    def spaced(self) -> bool:
        """The dump sets blank lines between its blocks (many archives' text has none: there,
        every line is glued to the one above)."""
        if self._spaced is None:
            self._spaced = any(c.gap_before for c in self.candidates[1:])
        return self._spaced

    def is_date_line(self, text: str) -> bool:
        """A date line: a date in a known form, or one with a month name no table knows (an
        edition's spelling the tables lack), which is still no headline; also with the byline
        glued in front ("نجیب الله احمدزی/ دويچه ويله۱۴۰۱ اسفند ۱۷, چهارشنبه")."""
        if not has_digit(text):
            return False  # (most lines: no date in any form)
        if is_date_line(text, self.rules.months):
            return True
        if is_date_shaped(text, self.rules.stopword_index):
            return True
        if word_count(text) > _GLUED_BYLINE_MAX_WORDS or is_prose(text):
            return False  # a sentence that mentions a date ("… A0 19.01.2020.") is text
        return bool(split_glued_date(text, self.rules)[1])

    def remove(self, index: int, rule: str) -> None:
        self.reasons.setdefault(index, rule)

    def remove_range(self, start: int, stop: int, rule: str) -> None:
        """Remove candidates start … stop - 1; those already removed keep their first reason."""
        reasons = self.reasons
        for index in range(start, stop):
            if index not in reasons:
                reasons[index] = rule

    def cut_prefix(self, index: int, end: int, rule: str) -> None:
        """Take furniture glued to the front of a candidate's text off it (recorded)."""
        candidate = self.candidates[index]
        self.cut.append(Removal(candidate.text[:end], rule, candidate.line))
        candidate.text = candidate.text[end:].lstrip()
        self.keys[index] = candidate_key(candidate.text)

    def cut_suffix(self, index: int, start: int, rule: str) -> None:
        """Take furniture glued to the end of a candidate's text off it (recorded)."""
        candidate = self.candidates[index]
        self.cut.append(Removal(candidate.text[start:], rule, candidate.line))
        candidate.text = candidate.text[:start].rstrip()
        self.keys[index] = candidate_key(candidate.text)

    def alive(self, index: int) -> bool:
        return index not in self.reasons

    def _nearest_alive(self, index: int, step: int, limit: int) -> int | None:
        index += step
        while (index > limit if step < 0 else index < limit) and not self.alive(index):
            index += step
        return index if (index > limit if step < 0 else index < limit) else None

    def apply_rules(self, tables: list[Language]) -> None:
        """Remove every candidate a line rule of these language tables names."""
        rule_for = line_rules(self.rules, tables).rule_for
        reasons = self.reasons
        for index, (candidate, text_key) in enumerate(zip(self.candidates, self.keys, strict=True)):
            rule = rule_for(candidate, text_key)
            if rule and index not in reasons:
                reasons[index] = rule
