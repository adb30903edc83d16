"""Finding the lead and the headline by their place: DW prints headline, (byline,) date line,
lead, in that order after the skip links; only where that order does not show, the first
running text after the navigation is the lead and a sentence-like line above it the headline
(under its kicker, over its date line, or named by the page's title line). What stands around
them (title, section, byline) is read in `_header.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from ._exceptions import NotAnArticleError
from ._header import glued_date
from ._model import Candidate, Hint
from ._page import NAVIGATION_RULES, Page, is_info_box_date
from ._rules import key
from ._text import (
    ends_sentence,
    is_prose,
    names_cookies,
    parse_date,
    tokens,
    unmangled,
    word_count,
)

HEADLINE_MAX_WORDS = 30  # a longer line is no headline
_SKIP_LIST_ITEMS = 3  # DW's skip links: content, main menu, more DW sites (six on old pages)
_TOP_LINES = 12  # what may stand above them: script notice, iframe (wrapped), cookie banner
_KICKER_MAX_WORDS = 3
_BANNER_REACH = 12  # how far below a cookie banner the page's navigation may start
_SENTENCEHEADLINE_MAX_WORDS = 15  # a lead is longer
_CUT_LEAD_MIN_WORDS = 8  # a cut first paragraph: more words than a menu entry or a headline's
_CUT_LEAD_UNDER_HEADLINE_MIN_WORDS = 4
_HEADLINE_REACH = 4  # a notice over the article: the headline is this close below it


class LeadFinder(Page):
    def find_lead(self) -> int:
        """The first paragraph of running text after the page's navigation.

        Skip links and the language menu stand at the very top of every DW page, so nothing
        above the last of them can be the lead (a garbled banner, a sentence-like menu entry);
        a second group of them after running text begins a second copy of the page.
        """
        navigation = sorted(i for i, rule in self.reasons.items() if rule in NAVIGATION_RULES)
        if navigation:
            start = _navigation_end(self.candidates, navigation) + 1
        else:
            start = _after_skip_list(self.candidates, self.alive)
        header = self._header_by_position(start)
        if header is not None:
            self.headline, lead = header
            return lead
        order: list[int] = list(range(start, len(self.candidates))) + list(range(start))
        for index in order:
            candidate = self.candidates[index]
            if not self.alive(index) or candidate.hints & (Hint.LIST_ITEM | Hint.IMAGE_ALT):
                continue
            if candidate.hints & Hint.LEAD:
                return index
            if candidate.hints & Hint.TITLE:
                self.headline = index  # <h1>, Markdown `#`: the headline by markup
                continue
            if is_prose(candidate.text):
                if self.headline is None and self._is_headline(index):
                    self.headline = index  # a headline that reads like a sentence
                    continue
                if self._is_cookie_banner(index):
                    self.remove(index, "cookie banner")
                    button = index + 1  # its buttons' line: "More info OK"
                    if button < len(self.candidates) and word_count(self.keys[button]) <= 4:
                        self.remove(button, "cookie banner")
                    continue
                if _above_named_headline(self.candidates, self.meta.title, start, index):
                    continue  # a notice over the article: removed with what precedes the headline
                return index
        cut = self._cut_first_paragraph(start)
        if cut is not None:
            return cut
        raise NotAnArticleError("no article text found (no paragraph of running text)")

    def _cut_first_paragraph(self, start: int) -> int | None:
        """A dump cut inside its first paragraph (an archive keeps a page's first characters):
        its last line, long enough for running text and without an end, is the lead."""
        last = len(self.candidates) - 1
        if last < start or not self._cut_paragraph(last):
            return None
        above = self._nearest_alive(last, -1, start - 1)
        if self.headline is None and above is not None:
            text = self.candidates[above].text
            if word_count(text) <= _KICKER_MAX_WORDS and not self.is_date_line(text):
                return None  # under a kicker: the headline's place, and a headline cut short
        return last

    def _cut_paragraph(self, index: int) -> bool:
        """The dump's last line, cut inside running text: long enough for it, without an end,
        and not the headline that the title line names."""
        candidate = self.candidates[index]
        if index != len(self.candidates) - 1 or not self.alive(index):
            return False
        if candidate.hints & (Hint.LIST_ITEM | Hint.IMAGE_ALT | Hint.TITLE):
            return False
        text = candidate.text
        if self.meta.title and tokens(text) == tokens(self.meta.title):
            return False
        # right under the headline the title line names, a cut lead may be a few words only
        least = _CUT_LEAD_MIN_WORDS
        above = self._nearest_alive(index, -1, -1)
        title = self.meta.title
        if above is not None and title and tokens(self.candidates[above].text) == tokens(title):
            least = _CUT_LEAD_UNDER_HEADLINE_MIN_WORDS
        if word_count(text) < least or ends_sentence(text):
            return False
        return not self._is_cookie_banner(index)

    def _header_by_position(self, start: int) -> tuple[int, int] | None:
        """The modern layout's header in a dump: headline, (byline,) date line, lead — the
        headline and the lead found by their place around the date line, whatever their shape
        (a question as headline, a lead cut short by the dump)."""
        if any(c.hints & Hint.LEAD for c in self.candidates):
            return None  # the front-end marked the lead
        alive = [
            i
            for i in range(start, min(start + 16, len(self.candidates)))
            if self.alive(i) and not self.candidates[i].hints & Hint.LIST_ITEM
        ]
        for position in (1, 2, 3):
            if position >= len(alive) - 1:
                return None
            date_line = self.candidates[alive[position]].text
            if self.is_date_line(date_line):
                headline = alive[0]
                words = [word_count(self.candidates[i].text) for i in alive[:position]]
                kicker = position > 1 and words[0] <= _KICKER_MAX_WORDS < words[1]
                byline = self.rules.bylines.editor_label.search(self.candidates[alive[1]].text)
                if kicker and not byline:  # (under a short headline: its byline, naming an editor)
                    headline = alive[1]  # a kicker above the headline ("Medien")
                if position == 1 and self.meta.layout == "old" and words[0] <= _KICKER_MAX_WORDS:
                    # The old layout prints no date line under a headline: after the kicker
                    # ("Nachrichten") the date is the headline itself, a news bulletin's.
                    headline = alive[1]
                    self.meta.date = self.meta.date or parse_date(date_line, self.rules.months)
                if word_count(self.candidates[headline].text) > HEADLINE_MAX_WORDS:
                    return None
                between = alive[alive.index(headline) + 1 : position]
                if any(is_prose(self.candidates[i].text) for i in between):
                    return None  # running text over the date: the old info box under the lead
                for lead in alive[position + 1 :]:
                    text = self.candidates[lead].text
                    if word_count(text) >= 4 and not self.is_date_line(text):
                        if self._over_player(lead):
                            continue  # the audio player's title (the headline again)
                        return headline, lead
                return None
        return None

    def _over_player(self, index: int) -> bool:
        following = index + 1
        return following < len(self.candidates) and bool(
            self.rules.page_types.player_title_above.search(self.candidates[following].text)
        )

    def _is_headline(self, index: int) -> bool:
        """A sentence-like line that is the headline by its place: the page's title line names
        it, a date line stands under it, or it stands under a kicker with a longer lead after it
        (the old layout: kicker, headline, lead)."""
        candidate = self.candidates[index]
        text = candidate.text
        if self.meta.title and tokens(text) == tokens(self.meta.title):
            return True
        if candidate.hints & Hint.HEADING and word_count(text) <= _SENTENCEHEADLINE_MAX_WORDS:
            return True  # the renderer set it as a heading (lynx: flush left; html2text: #)
        return self._above_dateline(index) or self._under_kicker(index)

    def _under_kicker(self, index: int) -> bool:
        words = word_count(self.candidates[index].text)
        if words > _SENTENCEHEADLINE_MAX_WORDS:
            return False
        above = self._nearest_alive(index, -1, -1)
        while above is not None and self.candidates[above].hints & Hint.LIST_ITEM:
            above = self._nearest_alive(above, -1, -1)  # menu entries: not the kicker
        below = self._nearest_alive(index, +1, len(self.candidates))
        if above is None or below is None:
            return False
        kicker, lead = self.candidates[above].text, self.candidates[below].text
        if word_count(kicker) > _KICKER_MAX_WORDS or is_prose(kicker):
            return False
        if self._cut_paragraph(below):
            return True  # the lead cut by the dump's end: its length is unknown
        return is_prose(lead) and word_count(lead) >= 2 * words

    def _above_dateline(self, index: int) -> bool:
        """DW's header: headline, then (byline,) date line, then the lead. A sentence-like line
        with a date line right under it is the headline, whatever its shape."""
        if word_count(self.candidates[index].text) > HEADLINE_MAX_WORDS:
            return False
        for following in range(index + 1, min(index + 4, len(self.candidates))):
            text = self.candidates[following].text
            if is_info_box_date(text, self.rules):
                return False  # "Datum 15.09.2017": the old layout's info box, after the text
            if self.is_date_line(text) or glued_date(text, self.rules) is not None:
                return True  # (a mirror glues the date line to the lead: "3 lipca 2023Mieszk…")
            if is_prose(text):
                return False
        return False

    def _is_cookie_banner(self, index: int) -> bool:
        # (a copy read in the wrong encoding is read right again: "Ã§erezler" is "çerezler")
        text_key = key(unmangled(self.candidates[index].text))
        if not names_cookies(text_key, self.rules.cookie_words):
            return False
        # the banner's button line ("More info OK") follows it, or page furniture precedes it,
        # or navigation follows it where a lead would be followed by text, or it is a copy of
        # a line above it (a page's menus and banner printed twice)
        following = self.candidates[index + 1].text if index + 1 < len(self.candidates) else ""
        furniture_before = index > 0 and self.reasons.get(index - 1, "") not in (
            "",
            "cookie banner",
        )
        return (
            (bool(following) and word_count(following) <= 4)
            or furniture_before
            or self._navigation_follows(index)
            or text_key in self.keys[:index]  # (also a garbled copy of it)
        )

    def _navigation_follows(self, index: int) -> bool:
        """Skip links or the language menu come after it: a banner above the page's top."""
        return any(
            self.reasons.get(i) in ("skip link", "language menu")
            for i in range(index + 1, min(index + _BANNER_REACH, len(self.candidates)))
        )


def _after_skip_list(candidates: list[Candidate], alive: Callable[[int], bool]) -> int:
    """Skip links in words no table knows: DW's page opens with them as a numbered list
    ("1. …", "2. …", "3. …") among its first lines, under at most a script notice, an
    iframe and a cookie banner. Where that list ends, or 0. (Under two lines of running
    text or more, a numbered list is the article's own: a feed view without a teaser.)"""
    number = running = 0
    for index, candidate in enumerate(candidates[: _TOP_LINES + _SKIP_LIST_ITEMS]):
        if candidate.marker == f"{number + 1}.":
            number += 1
        elif number >= _SKIP_LIST_ITEMS:
            return index
        elif number or index >= _TOP_LINES:
            return 0  # a list that is not three items long, or none at the top
        elif alive(index) and is_prose(candidate.text):
            running += 1
            if running > 1:
                return 0
    return 0


def _navigation_end(candidates: list[Candidate], navigation: list[int]) -> int:
    """The last line of the page's navigation: where running text stands between two of its
    lines, the later ones are a second copy of the page (an archive that stored it twice), not
    more navigation."""
    for first, second in pairwise(navigation):
        if any(is_prose(candidates[i].text) for i in range(first + 1, second)):
            return first
    return navigation[-1]


def _above_named_headline(
    candidates: list[Candidate], title: str | None, start: int, index: int
) -> bool:
    """Running text a few lines above the headline the page's title line names, and none of
    it above: a notice printed over the article (the old layout's "visit the beta version of
    dw.com"), never the lead, which comes under its headline."""
    if not title:
        return False
    wanted = tokens(title)
    below = range(index + 1, min(index + 1 + _HEADLINE_REACH, len(candidates)))
    if not any(tokens(candidates[i].text) == wanted for i in below):
        return False  # (most pages: asked of a few lines, not of all above)
    return not any(tokens(candidates[i].text) == wanted for i in range(start, index))
