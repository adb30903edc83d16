"""Page-wide marks read into the metadata, wherever they stand: the page's title line (headline,
section, date), the layout's own furniture, and the old layout's info box (date, author,
permalink). `_lead.py` and `_header.py` read what stands around the headline by its position.
"""

from __future__ import annotations

import itertools
import re

from ._byline import author_label_length, author_names
from ._model import Hint, in_one_list
from ._page import Page, is_info_box_date
from ._rules import Language, Rules, StartGate, key
from ._text import parse_date, word_count

_TITLE_LINE_MAX_CHARS = 400
_BANNER_TOP_LINES = 12  # a cookie banner stands above the page's navigation


TITLE_LINE_REACH = 3  # the title line is the dump's first line, or under an archive's banner
_GLUED_LABEL = re.compile(r"[.!?。](\w+)$")  # a word glued after a sentence's end
_LABEL_REACH = 64  # longer than any ad label's word


def title_line_match(text: str, rules: Rules) -> re.Match[str] | None:
    """The browser title line's parts (title, section, date), if `text` is one. A line
    without a title line's mark is not tried: the patterns backtrack on "a | b | c …"."""
    if len(text) > _TITLE_LINE_MAX_CHARS or not any(m in text for m in rules.title_line_marks):
        return None
    line = " ".join(text.split())
    return next(filter(None, (pattern.match(line) for pattern in rules.title_lines)), None)


class MarksReader(Page):
    def read_title_line(self) -> None:
        """The browser title line among the page's first lines (under a web archive's
        toolbar, once that is removed)."""
        alive = (i for i in range(len(self.candidates)) if self.alive(i))
        first = list(itertools.islice(alive, TITLE_LINE_REACH))
        for index in first:
            candidate = self.candidates[index]
            # a hard-wrapped dump may have joined the lines above it to it (an archive's
            # banner): its last line of the dump alone, then the whole (a title line wrapped)
            texts = [candidate.text]
            if "\n" in candidate.raw:
                texts.insert(0, candidate.raw.rsplit("\n", 1)[-1])
            for text in texts:
                match = title_line_match(text, self.rules)
                if match:
                    groups = match.groupdict()
                    self.meta.title = self.meta.title or groups["title"].strip()
                    if groups.get("section"):
                        self.meta.section = self.meta.section or groups["section"].strip()
                    self.meta.date = self.meta.date or parse_date(groups["date"], self.rules.months)
                    self.remove(index, "page title line")
                    return

    def remove_archive_toolbar(self) -> None:
        """A web archive's toolbar under its banner line (`patterns.toml` [web_archive])."""
        start, end_key, reach = self.rules.archive_toolbar
        for index, candidate in enumerate(self.candidates[:TITLE_LINE_REACH]):
            if start.match(candidate.text):
                stop = min(index + reach, len(self.candidates))
                ends = (i for i in range(index + 1, stop) if self.keys[i] == end_key)
                end = next(ends, None)
                if end is not None:
                    self.remove_range(index, end + 1, "web archive toolbar")
                return

    def read_archive_url(self) -> None:
        """A web archive's banner names the page's address ("The Wayback Machine -
        https://web.archive.org/web/20190203085512/https://www.dw.com/fa-af/…/a-47301859"):
        the article's URL, and by its path the edition (Dari and Persian share their words)."""
        for candidate in self.candidates[:TITLE_LINE_REACH]:
            match = self.rules.archived_url.search(candidate.text)
            if match is not None:
                url = match.group(1)
                self.meta.url = self.meta.url or url
                self.meta.language = self.meta.language or self.rules.edition_of(url)
                return

    def remove_glued_ad_labels(self, lead: int, end: int) -> None:
        """AMP pages glue the ad label to the sentence above it ("… Visite en
        images.Publicité"): a one-word label right after a sentence's end is the label's."""
        for index in range(lead, end):
            text = self.candidates[index].text
            # (only the end can hold it: a glued word longer than _LABEL_REACH is no label)
            match = _GLUED_LABEL.search(text, max(0, len(text) - _LABEL_REACH))
            if match is not None and key(match.group(1)) in self.rules.label_words:
                self.cut_suffix(index, match.start(1), "advertisement label glued to the text")

    def read_layout(self) -> None:
        if self.meta.layout:
            return
        for name, markers in self.rules.layout_markers.items():
            if any(k in markers for k in self.keys):
                self.meta.layout = name
                return
        modern_links = self.rules.skip_links - self.rules.old_skip_links
        if any(k in modern_links for k in self.keys):
            self.meta.layout = "modern"
        elif self._old_cookie_banner():
            self.meta.layout = "old"

    def _old_cookie_banner(self) -> bool:
        """DW's cookie banners in the tables are the old layout's (rules/languages/SOURCES.md),
        printed at the page's top: "Wir verwenden Cookies, um unser Angebot …"."""
        banners = self.rules.cookie_banners
        return any(banners.match(text_key) for text_key in self.keys[:_BANNER_TOP_LINES])

    def read_info_box(self, tables: list[Language], end: int) -> None:
        """Old-layout info boxes: "Date 19.01.2020", "Author Ben Knight", "Permalink …".

        The article's permalink is the one in the box after the article; one inside the article
        belongs to an embedded video.
        """
        order = list(range(end, len(self.candidates))) + list(range(end))
        # only a line that starts like a label can be one: the others skip the label lookups
        labels = StartGate(
            table for lang in tables for table in (lang.date_label, lang.author_label)
        )
        meta = self.meta
        for index in order:
            candidate = self.candidates[index]
            text, text_key = candidate.text, self.keys[index]
            if labels.admits(text_key):
                self._read_labels(text, text_key, tables)
            if not meta.date and is_info_box_date(text, self.rules):
                meta.date = parse_date(text, self.rules.months)
            if meta.url is None and "p.dw.com/p/" in text:
                for word in text.split():
                    if "p.dw.com/p/" in word:
                        meta.url = word.strip("()[]<>.,;")
                        break

    def remove_info_box(self, lead: int, end: int) -> None:
        """An info box printed above the article's text, so that it did not end the article
        (`find_end`): its date line and the list of labelled lines it stands in are the box's."""
        candidates = self.candidates
        for index in range(lead + 1, end):
            if not is_info_box_date(candidates[index].text, self.rules):
                continue
            first = last = index
            if candidates[index].hints & Hint.LIST_ITEM:  # the box's lines, glued together
                while first - 1 > lead and in_one_list(candidates[first - 1], candidates[first]):
                    first -= 1
                while last + 1 < end and in_one_list(candidates[last], candidates[last + 1]):
                    last += 1
            self.remove_range(first, last + 1, "info box")

    def _read_labels(self, text: str, text_key: str, tables: list[Language]) -> None:
        """An info box's labelled date or author line, in the page's languages."""
        for lang in tables:
            if not self.meta.date and lang.date_label.match(text_key):
                self.meta.date = parse_date(text, self.rules.months)
            if not self.meta.authors:
                length = author_label_length(lang.author_label, text_key)
                if length and word_count(text) <= 8:
                    names = " ".join(text.split())[length:].strip(" :")
                    self.meta.authors.extend(author_names(names, self.rules))
