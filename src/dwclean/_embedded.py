"""Picture galleries embedded in an article as AMP pages and mirrors print them: the gallery's
title and teaser, then per picture its credit, its title and its text, credit first:

    7 Alasan Berkunjung ke Kota Bonn            ← the gallery's title
    Banyak metropolitan lain …                  ← its teaser
    Foto: Bundesstadt Bonn/Michael Sondermann   ← the picture's credit
    Monumen Beethoven di pusat kota Bonn        ← its title
    Komponis besar Jerman …                     ← its text

Another DW item, so debris (labels.md), like the old layout's galleries (`_strip`). An article's
own picture prints its credit after its caption, and text or a heading after that, never a
second credit-title-text picture: a gallery takes two pictures, or one the dump's end cuts.
"""

from __future__ import annotations

from ._page import Page
from ._segment import is_credit_line
from ._text import is_prose, is_short_line


class EmbeddedGalleries(Page):
    def remove_embedded_galleries(self, lead: int, end: int) -> None:
        alive = [i for i in range(lead + 1, end) if self.alive(i)]
        position = 0
        while position < len(alive):
            found = self._gallery_at(alive, position)
            if found is None:
                position += 1
                continue
            for index in alive[position:found]:
                self.remove(index, "embedded picture gallery")
            position = found

    def _gallery_at(self, alive: list[int], start: int) -> int | None:
        """Where a gallery that starts at alive[start] ends (an alive position), or None."""
        texts = [self.candidates[i].text for i in alive]
        if start + 2 >= len(texts):
            return None
        title, teaser = texts[start], texts[start + 1]
        if not (_is_title(title) and is_prose(teaser)):
            return None
        position, pictures = start + 2, 0
        while position < len(texts) and is_credit_line(texts[position], self.rules):
            if position + 2 > len(texts) or not _is_title(texts[position + 1]):
                break
            text = texts[position + 2] if position + 2 < len(texts) else ""
            if not text or (is_short_line(text) and position + 3 < len(texts)):
                break
            pictures += 1
            position += 3
        cut_by_the_end = position >= len(texts) and alive[-1] == len(self.candidates) - 1
        if pictures >= 2 or (pictures == 1 and cut_by_the_end):
            return position
        return None


def _is_title(text: str) -> bool:
    """A gallery's or a picture's title; a speaker's name before a quote ("Ai Weiwei:") is
    none (an article of quotes, each with its portrait's credit, has the same rhythm)."""
    return is_short_line(text) and not text.endswith((":", "："))
