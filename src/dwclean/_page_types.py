"""What each page type means for the blocks (contract: `page_type`; labels.md has the rules).

Recognising the type is `_classify.py`'s job; the feed view has its own front-end
(`_parse_feed.py`). Here, per type, what happens once the article's blocks are segmented:
- article, video, audio, feed: the blocks stand as segmented (a video's or an audio's
  description is its lead);
- live: a ticker's entries are paragraphs, also short ones that open with their time;
- gallery: every picture's title and description is a caption; the intro stays the lead;
- index: there is no article — `NotAnArticleError`, exit 5; but a topic's or programme's
  page that opens with its own intro keeps it as the lead (`index_intro`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NoReturn

from ._exceptions import NotAnArticleError
from ._line_rules import line_rules
from ._model import Block, BlockKind, Candidate, PageType, in_one_list
from ._pictures import is_credit_line
from ._rules import Language, Rules
from ._strip import language_tables
from ._text import is_date_line, is_duration, is_prose, word_count

INDEX_PAGE = "not an article: index page"


def index(blocks: list[Block]) -> NoReturn:
    raise NotAnArticleError(INDEX_PAGE)


_NAME_MAX_WORDS = 4


def index_intro(
    candidates: list[Candidate], keys: list[str], rules: Rules, language: Language | None
) -> list[Block]:
    """A topic's or programme's page may open with its own intro (labels.md keeps it as the
    lead): running text right under the page's name, the name's picture (alt text and credit)
    between them, or a logo's alt text above the name. A teaser's text has its headline above
    it, and its date, running time or the next teaser's text below. No intro:
    `NotAnArticleError`, exit 5."""
    rule_for = line_rules(rules, language_tables(language, rules)).rule_for
    rules_hit = [
        rule_for(c, k) if c.text else "empty" for c, k in zip(candidates, keys, strict=True)
    ]
    # the page's heading comes after its navigation (a banner above the skip links is none)
    navigation = [i for i, rule in enumerate(rules_hit) if rule == "skip link"]
    start = navigation[-1] + 1 if navigation else 0
    while 0 < start < len(candidates) and in_one_list(candidates[start - 1], candidates[start]):
        start += 1  # the skip list's other links, in words no table has
    alive = [c for c, rule in zip(candidates[start:], rules_hit[start:], strict=True) if not rule]
    first_text = next((i for i, c in enumerate(alive) if is_prose(c.text)), None)
    if first_text is None or first_text == 0:
        index([])
    heads, intro = alive[:first_text], alive[first_text]
    blocks = []
    if len(heads) == 3 and is_credit_line(heads[2].text, rules):  # name, its picture
        blocks.append(Block(BlockKind.CAPTION, heads[1].text, heads[2].text, heads[1].line))
        heads = heads[:1]
    # the topic's or programme's name (a few words: a teaser's headline is longer), a picture
    # or logo's alt text above it at most
    if len(heads) > 2 or word_count(heads[-1].text) > _NAME_MAX_WORDS:
        index([])
    following = alive[first_text + 1].text if first_text + 1 < len(alive) else ""
    if is_prose(following) or is_duration(following) or is_date_line(following, rules.months):
        index([])  # a teaser's text: its date, running time or the next teaser's text below
    return [*blocks, Block(BlockKind.LEAD, intro.text, None, intro.line)]


def gallery(blocks: list[Block]) -> list[Block]:
    """Each picture's title and description are captions; text after a description that has
    no title of its own (a mirror's footer) is no picture and stays as it was."""
    shaped: list[Block] = []
    after_description = False
    for block in blocks:
        if block.kind is BlockKind.LEAD or block.kind is BlockKind.CAPTION:
            shaped.append(block)
            after_description = block.kind is BlockKind.LEAD  # a title opens a picture
            continue
        description = block.kind is BlockKind.PARAGRAPH
        if description and after_description:
            shaped.append(block)  # two texts in a row: not a picture's
            continue
        shaped.append(_relabelled(block, BlockKind.CAPTION))
        after_description = description
    return shaped


# a ticker entry opens with its time: a match minute ("54'", "90+2'") or a clock ("10:02")
@cache
def _entry_time() -> re.Pattern[str]:  # (compiled on first use: most pages are no live page)
    return re.compile(r"^(?:\d{1,3}(?:\+\d{1,2})?['’′]|\d{1,2}:\d{2}\b)")


def live(blocks: list[Block]) -> list[Block]:
    """Ticker entries are paragraphs, also the short ones ("45' Halftime"): a line that opens
    with the entry's time is no subhead or caption."""
    return [
        _relabelled(block, BlockKind.PARAGRAPH)
        if block.kind in (BlockKind.SUBHEAD, BlockKind.CAPTION)
        and block.credit is None
        and _entry_time().match(block.text)
        else block
        for block in blocks
    ]


def without_lead(blocks: list[Block]) -> list[Block]:
    """A feed view whose Teaser field is empty has no lead: its text starts with a paragraph
    (the real es syndication excerpt 63351601 is labelled so)."""
    return [
        _relabelled(block, BlockKind.PARAGRAPH) if block.kind is BlockKind.LEAD else block
        for block in blocks
    ]


def _relabelled(block: Block, kind: BlockKind) -> Block:
    return Block(kind, block.text, block.credit, block.line)


def unchanged(blocks: list[Block]) -> list[Block]:
    return blocks


HANDLERS: dict[PageType, Callable[[list[Block]], list[Block]]] = {
    PageType.ARTICLE: unchanged,
    PageType.VIDEO: unchanged,
    PageType.AUDIO: unchanged,
    PageType.LIVE: live,
    PageType.FEED: unchanged,
    PageType.GALLERY: gallery,
    PageType.INDEX: index,
}
