"""The stages after parsing, the same for every front-end: classify → strip → segment → the
page type's own rules → an `Article`.

A front-end (text dump, feed view, HTML page) hands over a `Parsed`: its candidates, what it
already knows of the page (metadata, page type, removed markup) and how its renderer prints
pictures (segment options).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import NamedTuple

from . import _page_types
from ._classify import classify
from ._exceptions import NotAnArticleError
from ._model import Article, Candidate, Hint, PageType, Removal
from ._page import Metadata
from ._page_credits import with_page_credit_labels
from ._rules import Rules, candidate_key
from ._segment import SegmentOptions, segment
from ._strip import strip

_LINE = attrgetter("line")


class Parsed(NamedTuple):
    """What a front-end hands over (a NamedTuple: a dataclass costs half a millisecond to
    define at every start of `dwclean clean FILE`)."""

    candidates: list[Candidate]
    metadata: Metadata
    source_format: str  # "dump" | "html"
    options: SegmentOptions = SegmentOptions()
    removed: Sequence[Removal] = ()
    page_type: PageType | None = None  # when the front-end knows it (a feed view)
    language_code: str | None = None  # the page's own code, when no rule table has it
    warnings: Sequence[str] = ()


def _index_page(parsed: Parsed, rules: Rules, keys: list[str]) -> Article:
    try:  # (strip reads the page's language and layout)
        meta = strip(parsed.candidates, rules, parsed.metadata, PageType.INDEX, keys).metadata
    except NotAnArticleError:
        raise NotAnArticleError(_page_types.INDEX_PAGE) from None
    blocks = _page_types.index_intro(parsed.candidates, keys, rules, meta.language)
    kept = {block.line for block in blocks}
    return Article(
        language=meta.language.code if meta.language else parsed.language_code,
        url=meta.url,
        blocks=blocks,
        layout=meta.layout,
        source_format=parsed.source_format,
        page_type=PageType.INDEX,
        warnings=list(parsed.warnings),
        removed=[
            Removal(c.text, "index page: other items' teasers", c.line)
            for c in parsed.candidates
            if c.text and c.line not in kept
        ],
    )


def run(parsed: Parsed, rules: Rules) -> Article:
    # every candidate's rule key, computed once for classify and strip
    keys = [candidate_key(c.text) for c in parsed.candidates]
    rules = with_page_credit_labels(parsed.candidates, rules)
    page_type = parsed.page_type or classify(parsed.candidates, rules, parsed.metadata.url, keys)
    if page_type is PageType.INDEX:  # no article; a topic's own intro at most (or exit 5)
        return _index_page(parsed, rules, keys)
    stripped = strip(parsed.candidates, rules, parsed.metadata, page_type, keys)
    language = stripped.metadata.language
    options = parsed.options._replace(
        language=language,
        titled_pictures=page_type is PageType.GALLERY,
    )
    blocks, relabelled = segment(stripped.candidates, rules, options)
    blocks = _page_types.HANDLERS[page_type](blocks)
    if page_type is PageType.FEED and not any(c.hints & Hint.LEAD for c in parsed.candidates):
        blocks = _page_types.without_lead(blocks)  # the view's Teaser field was empty
    meta = stripped.metadata
    return Article(
        title=meta.title,
        date=meta.date,
        section=meta.section,
        language=meta.language.code if meta.language else parsed.language_code,
        url=meta.url,
        blocks=blocks,
        authors=meta.authors,
        layout=meta.layout,
        source_format=parsed.source_format,
        page_type=page_type,
        warnings=list(parsed.warnings),
        removed=sorted([*parsed.removed, *stripped.removed, *relabelled], key=_LINE),
    )
