"""Picture galleries embedded in an article as AMP pages and mirrors print them: the gallery's
title and teaser, then per picture its credit, its title and its text, credit first:

    7 Alasan Berkunjung ke Kota Bonn            ← the gallery's title
    Banyak metropolitan lain …                  ← its teaser
    Foto: Bundesstadt Bonn/Michael Sondermann   ← the picture's credit
    Monumen Beethoven di pusat kota Bonn        ← its title
    Komponis besar Jerman …                     ← its text

Another DW item, so debris (labels.md), like the old layout's galleries (`_strip`). An article's
own picture prints its credit after its caption, and text or a heading after that, never a
second credit-title-text picture: a gallery takes two pictures, or one the dump's end cuts; and
it stands inside the article's body, after two paragraphs in a row.
"""

from __future__ import annotations

from ._model import PageType
from ._page import Page
from ._segment import is_credit_line
from ._text import is_prose, is_short_line


class EmbeddedGalleries(Page):
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
