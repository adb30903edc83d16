"""What each page type means for the blocks (contract: `page_type`; labels.md has the rules).

Recognising the type is `_classify.py`'s job; the feed view has its own front-end
(`_parse_feed.py`). Here, per type, what happens once the article's blocks are segmented:
- article, video, audio, feed: the blocks stand as segmented (a video's or an audio's
  description is its lead);
- live: a ticker's entries are paragraphs, also short ones that open with their time;
- gallery: every picture's title and description is a caption; the intro stays the lead;
- index: there is no article — `NotAnArticleError`, exit 5.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._exceptions import NotAnArticleError
from ._model import Block, BlockKind, PageType


def index(blocks: list[Block]) -> list[Block]:
    raise NotAnArticleError("not an article: index page")


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
        shaped.append(Block(BlockKind.CAPTION, block.text, block.credit, block.line))
        after_description = description
    return shaped


# a ticker entry opens with its time: a match minute ("54'", "90+2'") or a clock ("10:02")
_ENTRY_TIME = re.compile(r"^(?:\d{1,3}(?:\+\d{1,2})?['’′]|\d{1,2}:\d{2}\b)")


def live(blocks: list[Block]) -> list[Block]:
    """Ticker entries are paragraphs, also the short ones ("45' Halftime"): a line that opens
    with the entry's time is no subhead or caption."""
    return [
        Block(BlockKind.PARAGRAPH, block.text, block.credit, block.line)
        if block.kind in (BlockKind.SUBHEAD, BlockKind.CAPTION)
        and block.credit is None
        and _ENTRY_TIME.match(block.text)
        else block
        for block in blocks
    ]


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
