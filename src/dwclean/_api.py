"""The public entry points: the whole pipeline, read → parse → strip → segment, in one call."""

from __future__ import annotations

from ._exceptions import NotAnArticleError
from ._model import Article, Hint
from ._parse_text import DumpStyle, parse_dump
from ._read import DEFAULT_MAX_BYTES, decode, looks_like_html, read_source
from ._rules import load_rules
from ._segment import SegmentOptions, segment
from ._strip import Metadata, strip


def clean(source: str | bytes, *, url: str | None = None) -> Article:
    """Clean one DW page given as text (a dump or HTML) or raw bytes (any encoding, gzip).

    Raises a `BadInputError` for empty, binary or undecodable input and `NotAnArticleError` when
    no article text is found.
    """
    if isinstance(source, bytes):
        text, _ = decode(source)
    else:
        text = source
        if not text.strip():
            from ._exceptions import EmptyInputError

            raise EmptyInputError("empty input")
    if looks_like_html(text):
        from ._parse_html import clean_html  # HTML front-end: loaded only when needed

        return clean_html(text, url=url)
    return _clean_dump(text, url=url)


def clean_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Clean a file ("-" for standard input); the encoding and format are detected."""
    source = read_source(path, max_bytes=max_bytes)
    if source.is_html:
        from ._parse_html import clean_html

        return clean_html(source.text, url=source.url)
    return _clean_dump(source.text, url=source.url)


def _clean_dump(text: str, *, url: str | None) -> Article:
    rules = load_rules()
    parsed = parse_dump(text)
    if not any(c.text and not c.hints & Hint.DEBRIS for c in parsed.candidates):
        raise NotAnArticleError("no text found")
    stripped = strip(parsed.candidates, rules, Metadata(url=url))
    meta = stripped.metadata
    options = SegmentOptions(
        alt_lines=parsed.traits.alt_lines,
        body_indent=parsed.body_indent,
        caption_indent=parsed.style is DumpStyle.INSCRIPTIS,
        alt_before_caption_inline=parsed.style is DumpStyle.LYNX,
    )
    blocks, relabelled = segment(stripped.candidates, rules, options)
    article = Article(
        title=meta.title,
        date=meta.date,
        section=meta.section,
        language=meta.language.code if meta.language else None,
        url=meta.url,
        blocks=blocks,
        authors=meta.authors,
        layout=meta.layout,
        source_format="dump",
        removed=sorted(stripped.removed + relabelled, key=lambda r: r.line),
    )
    if meta.layout is None:
        article.warnings.append("no DW page furniture found: this may not be a DW page")
    return article
