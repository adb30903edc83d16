"""Line rules: what removes a candidate by its text alone (DW furniture, menus, skip links,
copyright lines, mojibake, debris patterns, an edition's boilerplate lines and prefixes).

The tables of the page's editions are merged once per set of editions into one lookup per kind
of rule, so a line costs a few dictionary lookups and two regex calls, whatever the number of
tables. The rules are tried in a fixed order; the first that matches names the removal.
"""

from __future__ import annotations

import re
from functools import cache

from ._model import Candidate, Hint
from ._rules import Language, Rules, StartGate, unnumbered
from ._text import is_prose


@cache
def _mojibake() -> re.Pattern[str]:
    # UTF-8 read as cp1252: a lead byte's letter (Ã Ø Ù Ð …) and a continuation byte's sign
    # (compiled on first use: an ASCII page never asks)
    return re.compile(
        "[\u00c2\u00c3\u00c5\u00d0\u00d1\u00d8\u00d9\u00da\u00db\u00e0\u00e2\u00e3]"
        "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
        "\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
    )


_MOJIBAKE_SHARE = 0.1


def _specific(prefix: str) -> bool:
    """A one- or two-word label ("Date ", "Author ") marks an info-box line, never a sentence:
    "Date palms grow …" stays. A label with its punctuation ("Read more:", "Wrong language?")
    and longer phrases are specific enough to match anything."""
    prefix = prefix.rstrip()
    return prefix.endswith((":", "：", "?", "!")) or prefix.count(" ") >= 2


def _is_garbled(text: str) -> bool:
    """Mostly mojibake: a copy of a line in the wrong encoding, unreadable as it stands."""
    if text.isascii() or not _mojibake().search(text):
        return False
    pairs = len(_mojibake().findall(text))
    return pairs >= 3 and 2 * pairs >= _MOJIBAKE_SHARE * len(text)


class LineRules:
    """The line rules of one set of language tables, compiled for lookup."""

    __slots__ = ("exact", "lines", "numbered", "prefixes", "rules", "tables")

    def __init__(self, rules: Rules, tables: tuple[Language, ...]) -> None:
        self.rules = rules
        self.tables = tables
        exact: dict[str, str] = {}  # the first kind a key belongs to names it
        for keys, name in (
            (rules.global_lines, "DW furniture"),
            (rules.menu_entries, "language menu"),
            (rules.skip_links, "skip link"),
        ):
            for text_key in keys:
                exact.setdefault(text_key, name)
        self.exact = exact
        self.numbered = rules.skip_links | rules.global_lines  # html2text: "1. Inhalt"
        lines: dict[str, str] = {}
        for lang in tables:
            for text_key in lang.debris_lines:
                lines.setdefault(text_key, f"{lang.code} boilerplate line")
        self.lines = lines
        self.prefixes = StartGate(
            table for lang in tables for table in (lang.debris_prefix, lang.cookie_banner)
        )

    def rule_for(self, candidate: Candidate, text_key: str) -> str | None:
        """The rule that removes this candidate, or None."""
        if candidate.hints & Hint.DEBRIS:
            return "markup without text"
        rule = self.exact.get(text_key)
        if rule is not None:
            return rule
        if text_key[:1].isdigit() and unnumbered(text_key) in self.numbered:
            return "skip link"
        ending = text_key.rstrip(".") if text_key[-1:] == "." else text_key
        if ending.endswith(self.rules.global_suffixes):
            return "copyright line"
        text = candidate.text  # whitespace is already collapsed by the front-ends
        if _is_garbled(text):
            return "garbled text (read in the wrong encoding)"
        if self.rules.global_debris(text):
            for name, pattern in self.rules.global_patterns:  # which one, for --explain
                if pattern.search(text):
                    return name
        for name, pattern, endings in self.rules.ending_patterns:
            if text.endswith(endings) and pattern.search(text):
                return name
        rule = self.lines.get(text_key)
        if rule is not None:
            return rule
        if self.prefixes.admits(text_key):
            return self._prefix_rule(text, text_key, bool(candidate.hints & Hint.PARAGRAPH))
        return None

    def _prefix_rule(self, text: str, text_key: str, paragraph: bool) -> str | None:
        """(A one-word label — "Date " — takes no line a front-end knows is a paragraph, such
        as a table's header row: "Tarih | Saatlik brüt asgari ücret".)"""
        general: bool | None = None  # a general label takes no running text (tested once)
        for lang in self.tables:
            length = lang.debris_prefix.match(text_key)
            if length and general is None:
                general = not paragraph and not is_prose(text)
            if length and (_specific(text_key[:length]) or general):
                return f"{lang.code} boilerplate prefix"
            if lang.cookie_banner.match(text_key):
                return "cookie banner"
        return None


_COMPILED: dict[tuple[str, ...], tuple[Rules, LineRules]] = {}


def line_rules(rules: Rules, tables: list[Language]) -> LineRules:
    """The compiled line rules for these tables (built on first use, then kept)."""
    codes = tuple(lang.code for lang in tables)
    cached = _COMPILED.get(codes)
    # the same tables: a page's own credit labels (`_page_credits`) do not touch line rules
    if cached is None or cached[0].languages is not rules.languages:
        cached = _COMPILED[codes] = (rules, LineRules(rules, tuple(tables)))
    return cached[1]
