"""Why each piece of an input was kept, relabelled or removed: the rows behind `dwclean explain`."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ._model import Article


@dataclass(frozen=True, slots=True)
class Verdict:
    line: int  # where the piece starts in the input (0: unknown, as for HTML pieces today)
    kept: bool
    label: str  # the block kind when kept, the rule when removed
    text: str


def verdicts(article: Article) -> list[Verdict]:
    """Every kept block and every removed piece, in input order.

    Pieces without a position (HTML) keep the order the pipeline produced, kept blocks first:
    sorting is stable, and 0 never pretends to be a line.
    """
    rows = [Verdict(b.line, True, b.kind.value, b.text) for b in article.blocks]
    rows += [Verdict(r.line, False, r.rule, r.text) for r in article.removed]
    if any(v.line == 0 for v in rows):
        return rows
    return sorted(rows, key=lambda v: v.line)


def position(verdict: Verdict) -> str:
    """The position shown: the source line, or "-" when the front-end recorded none."""
    return str(verdict.line) if verdict.line else "-"


# Markup that holds no page text, and any tag: what lies between them is text.
_NON_TEXT = re.compile(r"<!--.*?-->|<(script|style|template)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_WORD = re.compile(r"\w+")
_PROBE = 6  # words of a piece looked up in the source: enough to be unique on a page


def locate(rows: list[Verdict], source: str) -> list[Verdict]:
    """Give pieces without a position (HTML) the source line where their text starts, found by
    their first words among the page's text, then order everything by line.

    A search that moves forward through the page keeps repeated phrases apart; a piece that
    cannot be found (text the parser joined or rewrote) keeps 0 and is listed last.
    """
    if all(v.line for v in rows):
        return rows
    words, lines = _source_words(source)
    index: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        index.setdefault(word, []).append(position)
    cursor = 0
    located = []
    for verdict in rows:
        line = verdict.line
        if not line:
            found = _find(_WORD.findall(verdict.text.lower())[:_PROBE], words, index, cursor)
            if found is not None:
                line = lines[found]
                cursor = found if verdict.kept else cursor
        located.append(Verdict(line, verdict.kept, verdict.label, verdict.text))
    return sorted(located, key=lambda v: (v.line == 0, v.line))


def _source_words(source: str) -> tuple[list[str], list[int]]:
    """Every word of the page's text (markup removed, entities decoded) and its line."""
    words: list[str] = []
    lines: list[int] = []
    position = 0
    line = 1
    for match in [*_NON_TEXT.finditer(source), None]:
        end = match.start() if match else len(source)
        segment = source[position:end]
        for word in _WORD.finditer(html.unescape(segment)):
            words.append(word.group().lower())
            lines.append(line + segment.count("\n", 0, word.start()))
        line += segment.count("\n")
        if match:
            line += match.group().count("\n")
            position = match.end()
    return words, lines


def _find(
    probe: list[str], words: list[str], index: dict[str, list[int]], cursor: int
) -> int | None:
    if not probe:
        return None
    starts = index.get(probe[0], [])
    for start in [s for s in starts if s >= cursor] + [s for s in starts if s < cursor]:
        if words[start : start + len(probe)] == probe:
            return start
    return None
