"""What each page type means for the blocks (contract: `page_type`; labels.md has the rules).

Recognising the type is `_classify.py`'s job; the feed view has its own front-end
(`_parse_feed.py`). Here, per type, what happens once the article's blocks are segmented:
- article, video, audio, live, feed: the blocks stand as segmented (a video's or an audio's
  description is its lead, a live ticker's entries are paragraphs);
- gallery: every picture's title and description is a caption; the intro stays the lead;
- index: there is no article — `NotAnArticleError`, exit 5.
"""

from __future__ import annotations

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
            continue
        description = block.kind is BlockKind.PARAGRAPH
        if description and after_description:
            shaped.append(block)  # two texts in a row: not a picture's
            continue
        shaped.append(Block(BlockKind.CAPTION, block.text, block.credit, block.line))
        after_description = description
    return shaped


def unchanged(blocks: list[Block]) -> list[Block]:
    return blocks


HANDLERS: dict[PageType, Callable[[list[Block]], list[Block]]] = {
    PageType.ARTICLE: unchanged,
    PageType.VIDEO: unchanged,
    PageType.AUDIO: unchanged,
    PageType.LIVE: unchanged,
    PageType.FEED: unchanged,
    PageType.GALLERY: gallery,
    PageType.INDEX: index,
}
