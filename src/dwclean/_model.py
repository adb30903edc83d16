"""The data model: what the pipeline passes between stages and what it returns.

`Candidate` is the common currency of the front-ends (text dump, HTML): one piece of text with
hints about where it came from. `Article` and `Block` are what users get back.
"""

from __future__ import annotations

import enum
from typing import Any


class BlockKind(enum.StrEnum):
    LEAD = "lead"
    PARAGRAPH = "paragraph"
    SUBHEAD = "subhead"
    CAPTION = "caption"
    LIST_ITEM = "list_item"


class PageType(enum.StrEnum):
    """What a page is (contract: `page_type`); `index` pages hold no article."""

    ARTICLE = "article"
    GALLERY = "gallery"
    VIDEO = "video"
    AUDIO = "audio"
    LIVE = "live"
    FEED = "feed"
    INDEX = "index"


class Hint:
    """What a front-end knows about a candidate beyond its text: bit flags, combined with `|`.

    Plain ints rather than enum.Flag: hints are tested for every candidate of every page, and
    enum's operators cost more than the rest of the test.
    """

    NONE = 0
    HEADING = 1 << 0  # rendered as a heading (html2text `##`, lynx flush-left line, <h2>)
    TITLE = 1 << 1  # the page's main headline (<h1>)
    LEAD = 1 << 2  # marked as the teaser (p.intro, header teaser)
    PARAGRAPH = 1 << 3  # a body paragraph from the article container (<p> in div.longText)
    CAPTION = 1 << 4  # text of a figcaption / picture box
    IMAGE_ALT = 1 << 5  # alt text of an image (html2text `![alt]`)
    LIST_ITEM = 1 << 6  # a bullet or numbered list entry
    DEBRIS = 1 << 10  # the front-end already knows this is not article text


class _Record:
    """Value equality and a readable repr for the plain slotted classes below (`_compared`: the
    fields equality looks at; `_shown`: those the repr prints). Mutable, so not hashable."""

    __slots__ = ()
    _compared: tuple[str, ...] = ()
    _shown: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__name__}({fields})"


class Candidate(_Record):
    """A piece of source text that may become a block: one paragraph, heading or menu line.

    Every front-end collapses the text's whitespace (single spaces, none at either end): the
    rule keys are computed on that assumption (`_rules.candidate_key`).

    A plain slotted class, not a dataclass: every `dwclean clean FILE` imports it, and a
    dataclass costs half a millisecond to define at each start.
    """

    __slots__ = ("credit", "gap_before", "hints", "indent", "line", "marker", "raw", "text")
    _compared = __slots__
    _shown = ("text", "hints", "line")

    def __init__(
        self,
        text: str,
        hints: int = Hint.NONE,  # Hint flags
        line: int = 0,  # 1-based line of the source where it starts (0 when unknown)
        indent: int = 0,  # leading spaces of the first source line (dumps)
        marker: str = "",  # list bullet or heading marker the renderer printed (`*`, `1.`, `##`)
        credit: str | None = None,  # a photo credit the front-end already separated
        raw: str = "",  # the source line(s) as they were, for `explain`
        gap_before: bool = True,  # a blank line (or the start) precedes it: False when glued
    ) -> None:
        self.text = text
        self.hints = hints
        self.line = line
        self.indent = indent
        self.marker = marker
        self.credit = credit
        self.raw = raw
        self.gap_before = gap_before

    def copy_with(
        self, hints: int, *, text: str | None = None, credit: str | None = None
    ) -> Candidate:
        """A copy with other hints (and text or credit, where given); this one stays as it is."""
        return Candidate(
            self.text if text is None else text,
            hints,
            self.line,
            self.indent,
            self.marker,
            self.credit if credit is None else credit,
            self.raw,
            self.gap_before,
        )


def in_one_list(above: Candidate, below: Candidate) -> bool:
    """Two list items, the second glued under the first: entries of one printed list."""
    return bool(above.hints & below.hints & Hint.LIST_ITEM) and not below.gap_before


# Block, Removal and Article are plain slotted classes, not dataclasses: every `dwclean clean
# FILE` imports them, and defining three dataclasses (and importing `dataclasses`) cost ~2 ms of
# each start. They compare by value, as dataclasses would (a block's line does not count).
class Block(_Record):
    __slots__ = ("credit", "kind", "line", "text")
    _compared = ("kind", "text", "credit")
    _shown = ("kind", "text", "credit", "line")

    def __init__(
        self,
        kind: BlockKind,
        text: str,
        credit: str | None = None,
        line: int = 0,  # where it starts in a dump (0: unknown)
    ) -> None:
        self.kind = kind
        self.text = text
        self.credit = credit
        self.line = line

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "text": self.text, "credit": self.credit}


class Removal(_Record):
    """A candidate that strip or segment decided is not article text, and why."""

    __slots__ = ("line", "rule", "text")
    _compared = _shown = ("text", "rule", "line")

    def __init__(self, text: str, rule: str, line: int = 0) -> None:
        self.text = text
        self.rule = rule
        self.line = line


class Article(_Record):
    # Provenance, set by whoever read the input: the input as given (path, "-", URL, or a crawl
    # record), a stable id (defaults to the source) and, for crawls, when the page was fetched.
    __slots__ = (
        "authors",
        "blocks",
        "crawl_date",
        "date",
        "id",
        "language",
        "layout",
        "page_type",
        "removed",
        "section",
        "source",
        "source_format",
        "title",
        "url",
        "warnings",
    )
    _compared = _shown = __slots__

    def __init__(
        self,
        title: str | None = None,
        date: str | None = None,
        section: str | None = None,
        language: str | None = None,
        url: str | None = None,
        blocks: list[Block] | None = None,
        authors: list[str] | None = None,
        layout: str | None = None,  # "old" | "modern" | None
        source_format: str | None = None,  # "dump" | "html"
        page_type: PageType = PageType.ARTICLE,
        source: str | None = None,
        id: str | None = None,  # the contract's field name
        crawl_date: str | None = None,
        warnings: list[str] | None = None,
        removed: list[Removal] | None = None,
    ) -> None:
        self.title = title
        self.date = date
        self.section = section
        self.language = language
        self.url = url
        self.blocks = [] if blocks is None else blocks
        self.authors = [] if authors is None else authors
        self.layout = layout
        self.source_format = source_format
        self.page_type = page_type
        self.source = source
        self.id = id
        self.crawl_date = crawl_date
        self.warnings = [] if warnings is None else warnings
        self.removed = [] if removed is None else removed

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.title,
            "date": self.date,
            "section": self.section,
            "language": self.language,
            "url": self.url,
            "blocks": [block.to_dict() for block in self.blocks],
            "authors": list(self.authors),
            "layout": self.layout,
            "page_type": self.page_type.value,
            "id": self.id if self.id is not None else self.source,
            "source": self.source,
            "text": self.plain_text(),
            "crawl_date": self.crawl_date,
        }
        if self.warnings:
            data["warnings"] = list(self.warnings)
        if explain:
            data["removed"] = [
                {"text": r.text, "rule": r.rule, "line": r.line} for r in self.removed
            ]
        return data

    def plain_text(self, *, captions: bool = False) -> str:
        """The article as plain text: title, then every block (captions only when asked)."""
        parts = [self.title] if self.title else []
        parts.extend(b.text for b in self.blocks if captions or b.kind is not BlockKind.CAPTION)
        return "\n\n".join(parts)

    @property
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.kind is not BlockKind.CAPTION)
