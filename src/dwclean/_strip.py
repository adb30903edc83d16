"""Strip stage: find the article among the candidates and remove everything that is not it.

Works on the common candidate sequence, whatever front-end made it. Three kinds of evidence:
1. rule tables (rules/*.toml): phrases and patterns that are DW furniture on every page;
2. the page's shape: the article runs from its headline to the first sidebar heading, so menus
   before the headline and sidebars after the article go whole, in any language;
3. repetition: a line repeated inside the article is a picture-gallery title.
Every removal records the rule that made it, for `--explain`.
When in doubt a candidate stays: losing article text is worse than keeping a stray line.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from ._byline import author_names, split_glued_date
from ._exceptions import NotAnArticleError
from ._language import detect_language
from ._model import Candidate, Hint, Removal
from ._rules import Language, Rules, key
from ._text import (
    ends_sentence,
    ends_with_duration,
    ends_with_period,
    is_date_line,
    is_duration,
    is_prose,
    is_short_line,
    parse_date,
    tokens,
    word_count,
)

_HEADLINE_MAX_WORDS = 30
_KICKER_MAX_WORDS = 3
_TITLE_WINDOW = 6  # how many candidates before the lead may hold the headline, kicker, byline


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    section: str | None = None
    language: Language | None = None
    url: str | None = None
    layout: str | None = None
    authors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Stripped:
    candidates: list[Candidate]  # the article's candidates, in order, lead first
    metadata: Metadata
    removed: list[Removal]


def _language_rules(language: Language | None, rules: Rules) -> list[Language]:
    """The tables that apply: the page's language, then English, DW's lingua franca."""
    chosen = [language] if language else []
    english = rules.languages.get("en")
    if english and english not in chosen:
        chosen.append(english)
    return chosen


class _Stripper:
    def __init__(self, candidates: list[Candidate], rules: Rules, metadata: Metadata) -> None:
        self.candidates = candidates
        self.rules = rules
        self.meta = metadata
        self.reasons: dict[int, str] = {}
        self.keys = [key(c.text) for c in candidates]
        self.headline: int | None = None  # found by position (above the date line)

    # -- rules -------------------------------------------------------------------------------
    def remove(self, index: int, rule: str) -> None:
        self.reasons.setdefault(index, rule)

    def alive(self, index: int) -> bool:
        return index not in self.reasons

    def rule_for(self, index: int, tables: list[Language]) -> str | None:
        candidate, text_key = self.candidates[index], self.keys[index]
        if candidate.hints & Hint.DEBRIS:
            return "markup without text"
        if text_key in self.rules.global_lines:
            return "DW furniture"
        if text_key in self.rules.menu_entries:
            return "language menu"
        if text_key in self.rules.skip_links:
            return "skip link"
        text = candidate.text  # whitespace is already collapsed by the front-ends
        if self.rules.global_pattern.search(text):
            for name, pattern in self.rules.global_patterns:  # which one, for --explain
                if pattern.search(text):
                    return name
        for lang in tables:
            if text_key in lang.debris_lines:
                return f"{lang.code} boilerplate line"
            length = lang.debris_prefix.match(text_key)
            # A one- or two-word label ("Date ", "Author ") marks an info-box line, never a
            # sentence: "Date palms grow …" stays. A label with its punctuation ("Read more:",
            # "Wrong language?") and longer phrases are specific enough to match anything.
            prefix = text_key[:length].rstrip()
            specific = prefix.endswith((":", "：", "?", "!")) or prefix.count(" ") >= 2
            if length and (specific or not is_prose(text)):
                return f"{lang.code} boilerplate prefix"
            if lang.cookie_banner.match(text_key):
                return "cookie banner"
        return None

    def apply_rules(self, tables: list[Language]) -> None:
        for index in range(len(self.candidates)):
            rule = self.rule_for(index, tables)
            if rule:
                self.remove(index, rule)

    # -- shape -------------------------------------------------------------------------------
    def find_lead(self) -> int:
        """The first paragraph of running text after the page's navigation.

        Skip links and the language menu stand at the very top of every DW page, so nothing
        above the last of them can be the lead (a garbled banner, a sentence-like menu entry).
        """
        navigation = [
            i for i, rule in self.reasons.items() if rule in ("skip link", "language menu")
        ]
        start = max(navigation) + 1 if navigation else 0
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
            if is_prose(candidate.text):
                if self.headline is None and self._above_dateline(index):
                    self.headline = index  # a headline that reads like a sentence
                    continue
                if self._is_cookie_banner(index):
                    self.remove(index, "cookie banner")
                    continue
                return index
        raise NotAnArticleError("no article text found (no paragraph of running text)")

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
            if is_date_line(self.candidates[alive[position]].text, self.rules.months):
                headline = alive[0]
                words = [word_count(self.candidates[i].text) for i in alive[:position]]
                if position > 1 and words[0] <= _KICKER_MAX_WORDS < words[1]:
                    headline = alive[1]  # a kicker above the headline ("Medien")
                if word_count(self.candidates[headline].text) > _HEADLINE_MAX_WORDS:
                    return None
                for lead in alive[position + 1 :]:
                    text = self.candidates[lead].text
                    if word_count(text) >= 4 and not is_date_line(text, self.rules.months):
                        return headline, lead
                return None
        return None

    def _above_dateline(self, index: int) -> bool:
        """DW's header: headline, then (byline,) date line, then the lead. A sentence-like line
        with a date line right under it is the headline, whatever its shape."""
        if word_count(self.candidates[index].text) > _HEADLINE_MAX_WORDS:
            return False
        for following in range(index + 1, min(index + 4, len(self.candidates))):
            text = self.candidates[following].text
            if is_date_line(text, self.rules.months):
                return True
            if is_prose(text):
                return False
        return False

    def _is_cookie_banner(self, index: int) -> bool:
        text_key = self.keys[index]
        if word_count(text_key) > 45 or not any(w in text_key for w in self.rules.cookie_words):
            return False
        # the banner's button line ("More info OK") follows it, or page furniture precedes it
        following = self.candidates[index + 1].text if index + 1 < len(self.candidates) else ""
        furniture_before = index > 0 and self.reasons.get(index - 1, "") not in (
            "",
            "cookie banner",
        )
        return (bool(following) and word_count(following) <= 4) or furniture_before

    def find_title(self, lead: int) -> int | None:
        """The headline: among the short lines just before the lead, the one that is it."""
        if self.headline is not None and self.headline < lead:
            return self.headline
        window: list[int] = []
        index = lead - 1
        while index >= 0 and len(window) < _TITLE_WINDOW:
            candidate = self.candidates[index]
            if candidate.hints & Hint.LIST_ITEM or is_prose(candidate.text):
                break
            if self.alive(index) and not is_date_line(candidate.text, self.rules.months):
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
        headings = [i for i in window if self.candidates[i].hints & Hint.HEADING] or window
        return max(headings, key=lambda i: (len(self.candidates[i].text), -i))

    def find_end(self, lead: int) -> int:
        markers = self.rules.end_markers
        for index in range(lead + 1, len(self.candidates)):
            if self.keys[index] in markers:
                return index
            if self.rules.info_box_date.match(" ".join(self.candidates[index].text.split())):
                return index
        return len(self.candidates)

    def remove_galleries(self, lead: int, end: int) -> None:
        """Old-layout picture galleries repeat their title before every picture.

        A gallery title is a headline (several words) repeated at least `gallery_min_repeats`
        times, with only a picture's title and text between two repeats; a one-word line
        repeated in the article is a label (an ad marker in a language without a table).
        """
        counts = Counter(
            self.keys[i]
            for i in range(lead + 1, end)
            if self.alive(i) and is_short_line(self.candidates[i].text)
        )
        for title_key, count in counts.items():
            positions = [i for i in range(lead + 1, end) if self.keys[i] == title_key]
            if count >= 2 and word_count(title_key) == 1:
                for i in positions:
                    self.remove(i, "repeated label")
                continue
            if count < self.rules.gallery_min_repeats or word_count(title_key) < 3:
                continue
            gaps = [
                sum(1 for i in range(a + 1, b) if self.alive(i))
                for a, b in itertools.pairwise(positions)
            ]
            if max(gaps) > 4:
                continue  # real article text between the repeats: not a gallery
            first, last = positions[0], positions[-1]
            before = first - 1
            if before > lead and self.candidates[before].hints & (Hint.LIST_ITEM | Hint.IMAGE_ALT):
                first = before
            # after the last title: the last picture's own title and text, then its byline
            tail = last + 1
            taken_short = taken_prose = False
            while tail < end:
                text = self.candidates[tail].text
                if not self.alive(tail):
                    tail += 1
                elif not taken_prose and not taken_short and is_short_line(text):
                    taken_short = True
                    tail += 1
                elif not taken_prose and is_prose(text):
                    taken_prose = True
                    tail += 1
                else:
                    break
            for i in range(first, tail):
                self.remove(i, "picture gallery")
            if tail < end and self._is_byline(tail):
                self.remove(tail, "picture gallery")

    def _is_byline(self, index: int) -> bool:
        text_key = self.keys[index]
        return bool(self.rules.author_labels.match(text_key)) and word_count(text_key) <= 8

    def remove_boxes(self, lead: int, end: int) -> None:
        """Video teasers and list items with a photo credit are boxes inside the article.

        A teaser line with a running time ("Watch video 02:17") is followed by the video's
        title; a bare running time ("02:23", the modern layout) follows it.
        """
        for index in range(lead + 1, end):
            candidate = self.candidates[index]
            text = candidate.text
            if is_duration(text):
                self.remove(index, "video teaser")
                title = self._nearest_alive(index, -1, lead)
                if title is not None and is_short_line(self.candidates[title].text):
                    self.remove(title, "video teaser")
            elif ends_with_duration(text) and word_count(text) <= 6:
                self.remove(index, "video teaser")
                title = self._nearest_alive(index, +1, end)
                if title is not None and is_short_line(self.candidates[title].text):
                    self._remove_with_repeats(title, end, "video teaser")
            elif candidate.hints & Hint.LIST_ITEM and self.rules.alt_credit.search(text):
                self.remove(index, "picture teaser")
            elif self.rules.page_types.player_markers.search(text):
                # an embedded player: its notice, and the audio's or video's title above it
                self.remove(index, "media player")
                title = self._nearest_alive(index, -1, lead)
                if (
                    title is not None
                    and self.rules.page_types.player_title_above.search(text)
                    and is_short_line(self.candidates[title].text)
                ):
                    self.remove(title, "media player")

    def _nearest_alive(self, index: int, step: int, limit: int) -> int | None:
        index += step
        while (index > limit if step < 0 else index < limit) and not self.alive(index):
            index += step
        return index if (index > limit if step < 0 else index < limit) else None

    def _remove_with_repeats(self, index: int, end: int, rule: str) -> None:
        """Remove a teaser title, and the copies of it the same box prints a few lines on."""
        self.remove(index, rule)
        for other in range(index + 1, min(index + 8, end)):
            if self.keys[other] == self.keys[index]:
                self.remove(other, rule)

    def remove_tail(self, lead: int, end: int) -> int:
        """After the last paragraph, short lines are teaser and share-box furniture.

        A finished sentence there (a closing quote, a one-line paragraph) is article text, and
        so is a picture box (a line with a credit, and the line glued above a credit line).
        """
        last = lead
        for index in range(lead, end):
            if self.alive(index) and self._paragraph_like(index):
                last = index
        for index in range(last + 1, end):
            if not self._has_credit(index) and not (
                index + 1 < end
                and self._has_credit(index + 1)
                and not self.candidates[index + 1].gap_before
            ):
                self.remove(index, "after the last paragraph")
        return last

    def _has_credit(self, index: int) -> bool:
        candidate = self.candidates[index]
        return candidate.credit is not None or bool(self.rules.credit_split.search(candidate.text))

    def mark_cut_paragraph(self, lead: int, end: int) -> None:
        """A dump that stops mid-text (a crawler's or an archive's cut) never reached a sidebar
        or footer: its last line, unfinished and close after the article's last paragraph, is
        the cut paragraph, whatever its length ("Das w")."""
        alive = [i for i in range(lead + 1, end) if self.alive(i)]
        if end < len(self.candidates) or not alive:
            return
        last = alive[-1]
        candidate = self.candidates[last]
        if ends_sentence(candidate.text) or candidate.hints & (Hint.HEADING | Hint.LIST_ITEM):
            return
        paragraphs = [i for i in alive[:-1] if self._paragraph_like(i)]
        since = len(alive) - 1 - (alive.index(paragraphs[-1]) if paragraphs else -1) - 1
        if since <= 3:
            candidate.hints |= Hint.PARAGRAPH

    def _paragraph_like(self, index: int) -> bool:
        candidate = self.candidates[index]
        text = candidate.text
        return bool(
            candidate.hints & Hint.PARAGRAPH
            or is_prose(text)
            or (ends_with_period(text) and word_count(text) >= 3)
        )

    def find_section(self, title: int) -> str | None:
        """Old layout: the breadcrumb's last part, else the kicker right above the headline."""
        for index in range(title - 1, max(title - 12, -1), -1):
            match = self.rules.breadcrumb.match(self.candidates[index].text)
            if match:
                return self.candidates[index].text.rsplit(" / ", 1)[1].strip()
        kicker = title - 1
        while kicker > title - 3 and kicker >= 0 and not self.alive(kicker):
            kicker -= 1
        if kicker < 0 or not self.alive(kicker):
            return None
        candidate = self.candidates[kicker]
        if word_count(candidate.text) <= 4 and not candidate.hints & Hint.LIST_ITEM:
            return candidate.text
        return None

    # -- metadata ----------------------------------------------------------------------------
    def read_title_line(self) -> None:
        for index, candidate in enumerate(self.candidates[:3]):
            for pattern in self.rules.title_lines:
                match = pattern.match(" ".join(candidate.text.split()))
                if match:
                    groups = match.groupdict()
                    self.meta.title = self.meta.title or groups["title"].strip()
                    if groups.get("section"):
                        self.meta.section = self.meta.section or groups["section"].strip()
                    self.meta.date = self.meta.date or parse_date(groups["date"], self.rules.months)
                    self.remove(index, "page title line")
                    return

    def read_layout(self) -> None:
        if self.meta.layout:
            return
        for name, markers in self.rules.layout_markers.items():
            if any(k in markers for k in self.keys):
                self.meta.layout = name
                return
        if any(k in self.rules.skip_links for k in self.keys):
            self.meta.layout = "modern"

    def read_header(self, title: int | None, lead: int) -> None:
        """Byline and date lines between headline and lead (modern layout)."""
        start = title + 1 if title is not None else lead
        for index in range(start, lead):
            text = self.candidates[index].text
            if is_date_line(text, self.rules.months):
                names, date = split_glued_date(text, self.rules)  # "Arben Muka9 Tetor 2012"
                self.meta.date = self.meta.date or date or parse_date(text, self.rules.months)
                if date and names:
                    self.meta.authors.extend(author_names(names, self.rules))
                self.remove(index, "date line")
            elif self.alive(index) and word_count(text) <= 12 and not is_prose(text):
                names, date = split_glued_date(text, self.rules)
                labelled = self.rules.author_labels.match(self.keys[index])
                following = self.candidates[index + 1].text if index + 1 < lead else ""
                if date or labelled or is_date_line(following, self.rules.months):
                    self.meta.date = self.meta.date or date
                    self.meta.authors.extend(author_names(names, self.rules))
                    self.remove(index, "byline")
                else:
                    self.remove(index, "header line")

    def read_info_box(self, tables: list[Language], end: int) -> None:
        """Old-layout info boxes: "Date 19.01.2020", "Author Ben Knight", "Permalink …".

        The article's permalink is the one in the box after the article; one inside the article
        belongs to an embedded video.
        """
        order = list(range(end, len(self.candidates))) + list(range(end))
        for index in order:
            candidate = self.candidates[index]
            text, text_key = candidate.text, self.keys[index]
            for lang in tables:
                if not self.meta.date and lang.date_label.match(text_key):
                    self.meta.date = parse_date(text, self.rules.months)
                if not self.meta.authors:
                    length = lang.author_label.match(text_key)
                    if length and word_count(text) <= 8:
                        name = " ".join(text.split())[length:].strip(" :")
                        if name:
                            self.meta.authors.append(name)
            if not self.meta.date and self.rules.info_box_date.match(" ".join(text.split())):
                self.meta.date = parse_date(text, self.rules.months)
            if self.meta.url is None and "p.dw.com/p/" in text:
                for word in text.split():
                    if "p.dw.com/p/" in word:
                        self.meta.url = word.strip("()[]<>.,;")
                        break


def strip(candidates: list[Candidate], rules: Rules, metadata: Metadata | None = None) -> Stripped:
    """Keep the article's candidates; record every other one with the rule that removed it."""
    meta = metadata or Metadata()
    stripper = _Stripper(candidates, rules, meta)
    stripper.read_title_line()
    stripper.read_layout()
    if meta.language is None:
        prose = (c.text for c in candidates if is_prose(c.text))
        meta.language = detect_language(prose, rules, frozenset(stripper.keys))
    tables = _language_rules(meta.language, rules)
    stripper.apply_rules(tables)
    lead = stripper.find_lead()
    title = stripper.find_title(lead)
    if title is not None:
        meta.title = candidates[title].text if not meta.title else meta.title
        # Prefer the headline as printed in the article over the page title line's copy.
        if tokens(candidates[title].text) == tokens(meta.title or ""):
            meta.title = candidates[title].text
        if meta.layout == "old" and meta.section is None:
            meta.section = stripper.find_section(title)
        stripper.read_header(title, lead)
        for index in range(title + 1):
            stripper.remove(index, "before the headline" if index != title else "headline")
    else:
        for index in range(lead):
            stripper.remove(index, "before the article")
    end = stripper.find_end(lead)
    stripper.read_info_box(tables, end)
    for index in range(end, len(candidates)):
        stripper.remove(index, "after the article (sidebar, footer)")
    stripper.remove_galleries(lead, end)
    stripper.remove_boxes(lead, end)
    stripper.mark_cut_paragraph(lead, end)
    stripper.remove_tail(lead, end)

    kept = [c for i, c in enumerate(candidates) if stripper.alive(i)]
    removed = [
        Removal(text=candidates[i].text, rule=rule, line=candidates[i].line)
        for i, rule in sorted(stripper.reasons.items())
    ]
    return Stripped(kept, meta, removed)
