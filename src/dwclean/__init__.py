"""dwclean: turn raw Deutsche Welle article pages into clean articles.

>>> import dwclean
>>> article = dwclean.clean(open("dump.txt").read())
>>> article.title, [b.kind for b in article.blocks]
"""

from ._api import clean, clean_file
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
)
from ._export import FORMATS, render, to_json, to_jsonl, to_markdown, to_text
from ._model import Article, Block, BlockKind, Removal

__version__ = "0.1.0"

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
    "Removal",
    "__version__",
    "clean",
    "clean_file",
    "render",
    "to_json",
    "to_jsonl",
    "to_markdown",
    "to_text",
]
