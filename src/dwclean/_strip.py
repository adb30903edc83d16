"""Strip stage: find the article among the candidates and remove everything that is not it.

Works on the common candidate sequence, whatever front-end made it. Three kinds of evidence:
1. rule tables (rules/*.toml): phrases and patterns that are DW furniture on every page;
2. the page's shape: the article runs from its headline to the first sidebar heading, so menus
   before the headline and sidebars after the article go whole, in any language;
3. repetition: a line repeated inside the article is a picture-gallery title.
Every removal records the rule that made it, for `--explain`.
When in doubt a candidate stays: losing article text is worse than keeping a stray line.

The lead and headline are found in `_lead.py`, the header around them (byline, date, section)
is read in `_header.py`; here the article's body is cleaned; all work on one `_page.Page`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from ._embedded import EmbeddedGalleries
from ._header import HeaderReader
from ._language import detect_language
from ._lead import LeadFinder
from ._marks import MarksReader
from ._model import Candidate, Hint, PageType, Removal
from ._page import Metadata, Page, is_info_box_date
from ._rules import Language, Rules
from ._text import (
    ends_sentence,
    ends_with_duration,
    ends_with_period,
    has_cjk,
    is_duration,
    is_prose,
    is_short_line,
    tokens,
    word_count,
)


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


_ARTICLE_WORDS = 40  # a paragraph this long is the article's (teasers after it are shorter)
_SECTION_LINE_WORDS = 12
_LIST_INTRO_MIN_WORDS = 3  # "Other states did the same:"; a sidebar heading is shorter


class _BodyCleaner(Page):
    """The article's end, and what inside it is not article text (galleries, boxes, its tail)."""

    def find_end(self, lead: int) -> int:
        markers = self.rules.end_markers
        for index in range(lead + 1, len(self.candidates)):
            if self.keys[index] in markers:
                return index
            if is_info_box_date(self.candidates[index].text, self.rules):
                return index
            if self._names_next_section(index) and not self._long_paragraph_after(index):
                return index
        return len(self.candidates)

    def _long_paragraph_after(self, index: int) -> bool:
        return any(word_count(c.text) >= _ARTICLE_WORDS for c in self.candidates[index + 1 :])

    def _names_next_section(self, index: int) -> bool:
        """The modern layout's boxes after the article, in any edition's words: a box heading
        and its button ("Send us your feedback!" / "Your feedback"), a skip link and the
        section it skips ("Skip next section Related topics" / "Related topics"): a short line
        that holds the next one whole. Only after the article's last long paragraph."""
        following = index + 1
        if following >= len(self.candidates) or not self.alive(following):
            return False
        line, section = self.keys[index], self.keys[following]
        if section not in line:
            return False
        words, section_words = word_count(line), word_count(section)
        if not 2 <= section_words < words <= _SECTION_LINE_WORDS:
            return False
        heading = line.rstrip("!.:！：")
        # a whole word of the line; in Chinese, written without spaces, its start or end
        whole = f" {section} " in f" {heading} " or (
            has_cjk(section) and (heading.endswith(section) or heading.startswith(section))
        )
        return whole and not is_prose(self.candidates[index].text)

    def remove_galleries(self, lead: int, end: int) -> None:
        """Old-layout picture galleries repeat their title before every picture.

        A gallery title is a headline (several words) repeated at least `gallery_min_repeats`
        times, with only a picture's title and text between two repeats; a one-word line
        repeated in the article is a label (an ad marker in a language without a table).
        """
        alive = [i for i in range(lead + 1, end) if self.alive(i)]
        seen = Counter(self.keys[i] for i in alive)  # only a line seen twice can repeat
        positions: dict[str, list[int]] = {}  # one pass: every repeated short line's places
        for i in alive:
            if seen[self.keys[i]] >= 2 and is_short_line(self.candidates[i].text):
                positions.setdefault(self.keys[i], []).append(i)
        for title_key, places in positions.items():
            if len(places) >= 2 and word_count(title_key) == 1:
                for i in places:
                    self.remove(i, "repeated label")
                continue
            # two repeats are enough where each stands under its picture's alt text
            framed = all(self._picture_above(i) for i in places)
            least = 2 if framed else self.rules.gallery_min_repeats
            if len(places) < least or word_count(title_key) < 3:
                continue
            gaps = [
                sum(1 for i in range(a + 1, b) if self.alive(i))
                for a, b in itertools.pairwise(places)
            ]
            if max(gaps) > 4:
                continue  # real article text between the repeats: not a gallery
            if self.page_type is PageType.GALLERY:
                self._remove_gallery_frame(places, end)
            else:
                self._remove_gallery(places, lead, end)

    def _picture_above(self, index: int) -> bool:
        """An alt text with its credit, as a list item, right above ("• Griechenland … (AP)")."""
        above = self.candidates[index - 1] if index else None
        return (
            above is not None
            and bool(above.hints & (Hint.LIST_ITEM | Hint.IMAGE_ALT))
            and bool(self.rules.alt_credit.search(above.text))
        )

    def _remove_gallery_frame(self, places: list[int], end: int) -> None:
        """A gallery page: the repeated gallery name and each picture's alt line are debris, the
        pictures' titles and texts are the page's content; the author line after it, a byline."""
        for i in places:
            self.remove(i, "gallery name")
            before = i - 1
            if self.candidates[before].hints & (Hint.LIST_ITEM | Hint.IMAGE_ALT):
                self.remove(before, "image alt text")

    def _remove_gallery(self, places: list[int], lead: int, end: int) -> None:
        """A gallery inside an article: another DW item, debris from its first title to the
        last picture's text, and the byline after it."""
        first, last = places[0], places[-1]
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
            live = self.page_type is PageType.LIVE
            if live and self.rules.page_types.live_times.match(text):
                self.remove(index, "ticker timestamp")  # "12 minutes ago", then the heading
                entry = self._nearest_alive(index, +1, end)
                if entry is not None and is_short_line(self.candidates[entry].text):
                    self.candidates[entry].hints |= Hint.HEADING
            elif live and is_duration(text):
                self.remove(index, "ticker timestamp")  # "09:45": an entry's time, no video
            elif is_duration(text):
                self.remove(index, "video teaser")
                title = self._nearest_alive(index, -1, lead)
                if title is not None and is_short_line(self.candidates[title].text):
                    self.remove(title, "video teaser")
            elif ends_with_duration(text) and word_count(text) <= 6:
                self.remove(index, "video teaser")
                title = self._video_title(index, end)
                if title is not None and title < index:
                    self.remove(title, "video teaser")
                elif title is not None:
                    self.remove_range(index + 1, title, "video teaser")  # its "Share" label
                    self._remove_with_repeats(title, end, "video teaser")
            elif candidate.hints & Hint.LIST_ITEM and self.rules.alt_credit.search(text):
                self.remove(index, "picture teaser")
            elif self.rules.page_types.live_markers.search(text):
                self.remove(index, "live ticker notice")
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

    def _video_title(self, label: int, end: int) -> int | None:
        """The old layout's video box: "Watch video 02:17", "Share", the video's title, share
        buttons, permalink, the title again. The title is the next short line, or, where the
        box's "Share" is in words no table knows, the one of the next two it prints again.
        Under the player's notice ("To view this video …"), the title stands above the label."""
        above = label - 1
        if (
            above > 0
            and self.alive(above)
            and is_short_line(self.candidates[above].text)
            and self.reasons.get(above - 1) == "video placeholder"
        ):
            return above
        first = self._nearest_alive(label, +1, end)
        if first is None or not is_short_line(self.candidates[first].text):
            return None
        second = self._nearest_alive(first, +1, end)
        if (
            second is not None
            and second - first <= 2
            and is_short_line(self.candidates[second].text)
            and not self._repeated_soon(first, end)
            and self._repeated_soon(second, end)
        ):
            return second
        return first

    def _repeated_soon(self, index: int, end: int) -> bool:
        return self.keys[index] in self.keys[index + 1 : min(index + 8, end)]

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
        return candidate.credit is not None or bool(self.rules.find_credit(candidate.text))

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
        if candidate.hints & Hint.LIST_ITEM:
            return self._in_introduced_list(index)
        return bool(
            candidate.hints & Hint.PARAGRAPH
            or is_prose(text)
            or (ends_with_period(text) and word_count(text) >= 3)
            or self._introduces_list(index)
        )

    def _introduces_list(self, index: int) -> bool:
        """A sentence that ends in a colon with a list right under it ("Other states did the
        same:"): article text, as its list is; a sidebar's heading has no colon."""
        text = self.candidates[index].text
        following = index + 1
        return (
            text.endswith((":", "："))
            and word_count(text) >= _LIST_INTRO_MIN_WORDS
            and following < len(self.candidates)
            and bool(self.candidates[following].hints & Hint.LIST_ITEM)
        )

    def _in_introduced_list(self, index: int) -> bool:
        """A list item under such a sentence (other items between them)."""
        while index > 0 and self.candidates[index].hints & Hint.LIST_ITEM:
            index -= 1
        return self._introduces_list(index)


class _Stripper(LeadFinder, HeaderReader, MarksReader, EmbeddedGalleries, _BodyCleaner):
    """One page, read (header) and cleaned (body)."""


def strip(
    candidates: list[Candidate],
    rules: Rules,
    metadata: Metadata | None = None,
    page_type: PageType = PageType.ARTICLE,
    keys: list[str] | None = None,
) -> Stripped:
    """Keep the article's candidates; record every other one with the rule that removed it.
    `keys` are the candidates' rule keys when the caller has them already."""
    meta = metadata or Metadata()
    stripper = _Stripper(candidates, rules, meta, keys)
    stripper.page_type = page_type
    stripper.read_title_line()
    stripper.read_layout()
    if meta.language is None:
        prose = (c.text for c in candidates if is_prose(c.text))
        meta.language = detect_language(prose, rules, frozenset(stripper.keys))
    tables = _language_rules(meta.language, rules)
    stripper.apply_rules(tables)
    lead = stripper.find_lead()
    stripper.read_glued_date(lead)
    title = stripper.find_title(lead)
    if title is not None:
        meta.title = candidates[title].text if not meta.title else meta.title
        # Prefer the headline as printed in the article over the page title line's copy.
        if tokens(candidates[title].text) == tokens(meta.title or ""):
            meta.title = candidates[title].text
        if meta.layout == "old" and meta.section is None:
            meta.section = stripper.find_section(title)
        stripper.read_header(title, lead)
        stripper.remove_range(0, title, "before the headline")
        stripper.remove(title, "headline")
    else:
        stripper.remove_range(0, lead, "before the article")
    end = stripper.find_end(lead)
    stripper.read_info_box(tables, end)
    stripper.remove_range(end, len(candidates), "after the article (sidebar, footer)")
    stripper.remove_galleries(lead, end)
    stripper.remove_embedded_galleries(lead, end)
    stripper.remove_boxes(lead, end)
    stripper.mark_cut_paragraph(lead, end)
    stripper.remove_tail(lead, end)

    reasons = stripper.reasons
    kept = [c for i, c in enumerate(candidates) if i not in reasons]
    removed = stripper.cut + [
        Removal(candidates[i].text, rule, candidates[i].line) for i, rule in sorted(reasons.items())
    ]
    return Stripped(kept, meta, removed)
