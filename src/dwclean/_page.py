"""The candidate sequence strip works on: each candidate's rule key, which ones are removed and
why, and the rule tables that remove furniture by its text alone. `_header.py` (headline, lead,
byline, date) and `_strip.py` (the article's end, boxes inside it, its tail) work on one `Page`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._model import Candidate, Hint, PageType, Removal
from ._rules import Language, Rules, key, unnumbered
from ._text import is_prose


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    section: str | None = None
    language: Language | None = None
    url: str | None = None
    layout: str | None = None
    authors: list[str] = field(default_factory=list)


# UTF-8 read as cp1252: a lead byte's letter (Ã Ø Ù Ð …) and a continuation byte's sign
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00c5\u00d0\u00d1\u00d8\u00d9\u00da\u00db\u00e0\u00e2\u00e3]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_MOJIBAKE_SHARE = 0.1


def is_info_box_date(text: str, rules: Rules) -> bool:
    """An old-layout info box's date line ("Date 19.01.2020"): a label of a few words and a
    date. Only a line of few words is tried: most lines are split only up to their fifth."""
    most = rules.info_box_date_words
    words = text.split(maxsplit=most)
    return len(words) <= most and bool(rules.info_box_date.match(" ".join(words)))


def _specific(prefix: str) -> bool:
    """A one- or two-word label ("Date ", "Author ") marks an info-box line, never a sentence:
    "Date palms grow …" stays. A label with its punctuation ("Read more:", "Wrong language?")
    and longer phrases are specific enough to match anything."""
    prefix = prefix.rstrip()
    return prefix.endswith((":", "：", "?", "!")) or prefix.count(" ") >= 2


def _is_garbled(text: str) -> bool:
    """Mostly mojibake: a copy of a line in the wrong encoding, unreadable as it stands."""
    if text.isascii() or not _MOJIBAKE.search(text):
        return False
    pairs = len(_MOJIBAKE.findall(text))
    return pairs >= 3 and 2 * pairs >= _MOJIBAKE_SHARE * len(text)


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
        self.page_type = PageType.ARTICLE

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
        self.keys[index] = key(candidate.text)

    def alive(self, index: int) -> bool:
        return index not in self.reasons

    def _nearest_alive(self, index: int, step: int, limit: int) -> int | None:
        index += step
        while (index > limit if step < 0 else index < limit) and not self.alive(index):
            index += step
        return index if (index > limit if step < 0 else index < limit) else None

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
        bare = unnumbered(text_key)  # html2text keeps the list's numbers: "1. Inhalt"
        if bare != text_key and (bare in self.rules.skip_links or bare in self.rules.global_lines):
            return "skip link"
        if text_key.rstrip(".").endswith(self.rules.global_suffixes):
            return "copyright line"
        text = candidate.text  # whitespace is already collapsed by the front-ends
        if _is_garbled(text):
            return "garbled text (read in the wrong encoding)"
        at_start, anywhere = self.rules.global_pattern
        if at_start.match(text) or anywhere.search(text):
            for name, pattern in self.rules.global_patterns:  # which one, for --explain
                if pattern.search(text):
                    return name
        for lang in tables:
            if text_key in lang.debris_lines:
                return f"{lang.code} boilerplate line"
            length = lang.debris_prefix.match(text_key)
            if length and (_specific(text_key[:length]) or not is_prose(text)):
                return f"{lang.code} boilerplate prefix"
            if lang.cookie_banner.match(text_key):
                return "cookie banner"
        return None

    def apply_rules(self, tables: list[Language]) -> None:
        for index in range(len(self.candidates)):
            rule = self.rule_for(index, tables)
            if rule:
                self.remove(index, rule)
