"""Other DW items inside an article, debris like any teaser of other content (labels.md):
picture galleries and video or audio boxes.

- The old layout's galleries repeat their name before every picture (`remove_galleries`).
- AMP pages and mirrors print a gallery as its title and teaser, then per picture its credit,
  its title and its text, credit first (`remove_embedded_galleries`):

    7 Alasan Berkunjung ke Kota Bonn            ← the gallery's title
    Banyak metropolitan lain …                  ← its teaser
    Foto: Bundesstadt Bonn/Michael Sondermann   ← the picture's credit
    Monumen Beethoven di pusat kota Bonn        ← its title
    Komponis besar Jerman …                     ← its text

  An article's own picture prints its credit after its caption, and text or a heading after
  that, never a second credit-title-text picture: a gallery takes two pictures, or one the
  dump's end cuts; and it stands inside the article's body, after two paragraphs in a row.
- Video and audio boxes, players, ticker times (`remove_boxes`).
"""

from __future__ import annotations

import itertools
from collections import Counter

from ._byline import author_label_length
from ._model import Hint, PageType
from ._page import Page
from ._pictures import ALT_TEXT, is_credit_line, keyword_string
from ._rules import Rules
from ._text import (
    ends_with_duration,
    ends_with_question,
    has_inner_sentence,
    is_duration,
    is_prose,
    is_running_time,
    is_short_line,
    word_count,
)

_CUT_NAME_MIN_CHARS = 8  # a cut gallery name this long names it, not a word it starts with
_ALT_LINE_MAX_WORDS = 20  # an alt text's keywords before its credit
_QUESTION_TITLE_MAX_WORDS = 12  # a video's title may be a question; a longer one is text


class EmbeddedGalleries(Page):
    """Picture galleries inside an article, in the old layout's print and in AMP's."""

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
            text = self.candidates[i].text
            # (pictures by one photographer repeat their credit line: "Image: Tom Becker/DW")
            if (
                seen[self.keys[i]] >= 2
                and is_short_line(text)
                and not is_credit_line(text, self.rules)
            ):
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
        """An alt text with its credit right above: a list item ("• Griechenland … (AP)"), or
        a line of its own in a dump without bullets ("Deutschland Mainz Gutenberg-Bibel im
        Museum (picture-alliance/dpa/M. Krause)")."""
        return index > 0 and self._is_alt_line(index - 1)

    def _is_alt_line(self, index: int) -> bool:
        candidate = self.candidates[index]
        credit = self.rules.alt_credit.search(candidate.text)
        if credit is None or candidate.hints & (Hint.LIST_ITEM | Hint.IMAGE_ALT):
            return credit is not None
        if candidate.hints & (Hint.HEADING | Hint.PARAGRAPH | Hint.LEAD | Hint.CAPTION):
            return False
        # German keywords before the credit, as alt texts are
        return keyword_string(candidate.text[: credit.start()], _ALT_LINE_MAX_WORDS)

    def _remove_gallery_frame(self, places: list[int], end: int) -> None:
        """A gallery page: the repeated gallery name and each picture's alt line are debris, the
        pictures' titles and texts are the page's content; the author line after it, a byline."""
        for i in places:
            self.remove(i, "gallery name")
            before = i - 1
            if self.candidates[before].hints & (Hint.LIST_ITEM | Hint.IMAGE_ALT):
                self.remove(before, ALT_TEXT)
        last = len(self.candidates) - 1  # the name once more, cut by the dump's end
        name = self.keys[places[0]]
        if places[-1] < last < end:
            cut = self.keys[last]
            if len(cut) >= _CUT_NAME_MIN_CHARS and cut != name and name.startswith(cut):
                self.remove(last, "gallery name (cut by the dump's end)")

    def _remove_gallery(self, places: list[int], lead: int, end: int) -> None:
        """A gallery inside an article: another DW item, debris from its first title to the
        last picture's text, and the byline after it."""
        first, last = places[0], places[-1]
        before = first - 1
        if before > lead and self._is_alt_line(before):
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
        labelled = author_label_length(self.rules.author_labels, text_key)
        return bool(labelled) and word_count(text_key) <= 8

    def remove_embedded_galleries(self, lead: int, end: int) -> None:
        if self.page_type is PageType.GALLERY:
            return  # the page's own pictures (AMP prints them credit first too)
        alive = [i for i in range(lead + 1, end) if self.alive(i)]
        texts = [self.candidates[i].text for i in alive]
        credits = [is_credit_line(text, self.rules) for text in texts]
        if not any(credits):
            return  # no credit on a line of its own: no such gallery (most pages)
        cut_by_the_end = bool(alive) and alive[-1] == len(self.candidates) - 1
        # inside an article's body: after two paragraphs in a row, which a page made of
        # pictures (a gallery the page type missed) never has
        prose = [is_prose(text) for text in texts]
        body = next((n for n in range(len(texts) - 1) if prose[n] and prose[n + 1]), None)
        if body is None:
            return
        position = body + 2
        while position < len(texts):
            found = _gallery_end(texts, credits, position, cut_by_the_end)
            if found is None:
                position += 1
                continue
            for index in alive[position:found]:
                self.remove(index, "embedded picture gallery")
            position = found


class EmbeddedBoxes(Page):
    """Video and audio boxes, players and ticker times inside an article."""

    def remove_boxes(self, lead: int, end: int) -> None:
        """Video teasers and list items with a photo credit are boxes inside the article.

        A teaser line with a running time ("Watch video 02:17") is followed by the video's
        title; a bare running time ("02:23", the modern layout) follows it.
        """
        for index in range(lead + 1, end):
            candidate = self.candidates[index]
            text = candidate.text
            live = self.page_type is PageType.LIVE
            if live and (self.rules.page_types.live_times.match(text) or is_duration(text)):
                # "12 minutes ago", "09:45": an entry's time (no video's), then its heading
                self.remove(index, "ticker timestamp")
                entry = self._nearest_alive(index, +1, end)
                if entry is not None and is_short_line(self.candidates[entry].text):
                    self.candidates[entry].hints |= Hint.HEADING
            elif is_running_time(text):
                self.remove(index, "video teaser")
                title = self._nearest_alive(index, -1, lead)
                if title is not None and _box_title(self.candidates[title].text):
                    self.remove(title, "video teaser")
            elif ends_with_duration(text) and word_count(text) <= 6:
                self.remove(index, "video teaser")
                title = self._video_title(index, end)
                if title is not None and title < index:
                    self.remove(title, "video teaser")
                elif title is not None:
                    self.remove_range(index + 1, title, "video teaser")  # its "Share" label
                    self._remove_with_repeats(title, end, "video teaser")
            elif candidate.hints & Hint.LIST_ITEM and _ends_in_photo_credit(text, self.rules):
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
                    # a picture's credit above it is the cover picture's (an audio page's)
                    and not is_credit_line(self.candidates[title].text, self.rules)
                ):
                    self.remove(title, "media player")

    def _video_title(self, label: int, end: int) -> int | None:
        """The old layout's video box: "Watch video 02:17", "Share", the video's title, share
        buttons, permalink, the title again. The title is the next short line, or, where the
        box's "Share" is in words no table knows, the one of the next two it prints again.
        Under the player's notice ("To view this video …"), the title stands above the label."""
        above = self._short_line_above(label)
        if above is not None and self.reasons.get(above - 1) == "video placeholder":
            return above
        glued = self._title_glued_above(label)
        if glued is not None:
            return glued  # the modern box printed title first: the line below is the article's
        first = self._nearest_alive(label, +1, end)
        if first is None or not is_short_line(self.candidates[first].text):
            # text right under the label: the title is glued above it (the modern box:
            # title, then "Ver el video 02:31")
            return above if not self.candidates[label].gap_before else None
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

    def _short_line_above(self, label: int) -> int | None:
        above = label - 1
        if above > 0 and self.alive(above) and is_short_line(self.candidates[above].text):
            return above
        return None

    def _title_glued_above(self, label: int) -> int | None:
        """A headline-like line right above the label, with no blank line between them, where
        the dump sets blank lines between its blocks: the box's title printed first ("Pilze
        sammeln: Worauf Anfänger achten sollten" / "Video ansehen 03:12"). A question counts
        ("Can wolves and farmers live side by side?"); a paragraph glued above (lynx) does not."""
        above = label - 1
        if self.meta.layout == "old":
            return None  # the old box prints label, "Share", title (the corpus's colonial page)
        if above <= 0 or self.candidates[label].gap_before or not self.alive(above):
            return None
        if not self.spaced():
            return None  # a dump without blank lines glues every line to the one above
        return above if _box_title(self.candidates[above].text) else None

    def _repeated_soon(self, index: int, end: int) -> bool:
        return self.keys[index] in self.keys[index + 1 : min(index + 8, end)]

    def _remove_with_repeats(self, index: int, end: int, rule: str) -> None:
        """Remove a teaser title, and the copies of it the same box prints a few lines on."""
        self.remove(index, rule)
        for other in range(index + 1, min(index + 8, end)):
            if self.keys[other] == self.keys[index]:
                self.remove(other, rule)


def _box_title(text: str) -> bool:
    """A video box's title: a short line, or a question of a few words ("Can wolves and
    farmers live side by side?", "¿Se queda sin agua la Ciudad de México?")."""
    return is_short_line(text) or (
        word_count(text) <= _QUESTION_TITLE_MAX_WORDS
        and ends_with_question(text)
        and not has_inner_sentence(text)
    )


def _gallery_end(
    texts: list[str], credits: list[bool], start: int, cut_by_the_end: bool
) -> int | None:
    """Where a gallery that starts at texts[start] ends (a position in texts), or None:
    title, teaser, then (credit, title, text) per picture."""
    if start + 2 >= len(texts) or not credits[start + 2]:
        return None  # (the first picture's credit two lines on: most lines stop here)
    if not (_is_title(texts[start]) and is_prose(texts[start + 1])):
        return None
    position, pictures = start + 2, 0
    while position + 1 < len(texts) and credits[position] and _is_title(texts[position + 1]):
        if position + 2 == len(texts):
            break  # a credit and a title, the text cut off
        text = texts[position + 2]
        if is_short_line(text) and position + 3 < len(texts):
            break
        pictures += 1
        position += 3
    if pictures >= 2 or (pictures == 1 and position >= len(texts) and cut_by_the_end):
        return position
    return None


def _is_title(text: str) -> bool:
    """A gallery's or a picture's title; a speaker's name before a quote ("Ai Weiwei:") is
    none (an article of quotes, each with its portrait's credit, has the same rhythm)."""
    return is_short_line(text) and not text.endswith((":", "："))


def _ends_in_photo_credit(text: str, rules: Rules) -> bool:
    """An alt text's credit in parentheses: an agency and its photographer ("(DW/A.
    Mohammed)") or a source DW credits ("(AP)"); a list item's "(SPD)" is none."""
    match = rules.alt_credit.search(text)
    if match is None:
        return False
    credit = match.group(0)[1:-1].strip()
    return "/" in credit or credit.casefold() in rules.photo_sources
