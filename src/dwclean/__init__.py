"""dwclean: turn raw Deutsche Welle article pages into clean articles.

>>> import dwclean
>>> article = dwclean.clean(open("dump.txt").read())
>>> article.title, [b.kind for b in article.blocks]
"""

from ._api import clean, clean_bytes, clean_file, clean_url, iter_clean
from ._exceptions import (
    BadInputError,
    BinaryInputError,
    DecodingError,
    DwcleanError,
    EmptyInputError,
    FetchError,
    InputError,
    InputTooLargeError,
    NotAnArticleError,
    OutputError,
)
from ._export import FORMATS, render, to_json, to_jsonl, to_markdown, to_text
from ._model import Article, Block, BlockKind, PageType, Removal
from ._version import __version__

__all__ = [
    "FORMATS",
    "Article",
    "BadInputError",
    "BinaryInputError",
    "Block",
    "BlockKind",
    "DecodingError",
    "DwcleanError",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "InputTooLargeError",
    "NotAnArticleError",
    "OutputError",
    "PageType",
    "Removal",
    "__version__",
    "clean",
    "clean_bytes",
    "clean_file",
    "clean_url",
    "iter_clean",
    "render",
    "to_json",
    "to_jsonl",
    "to_markdown",
    "to_text",
]
