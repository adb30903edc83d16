"""Export stage: an Article as JSON, JSON Lines, Markdown or plain text."""

from __future__ import annotations

import json
import re
from functools import cache

from ._model import Article, BlockKind

FORMATS = ("markdown", "json", "jsonl", "text")


# Characters that are text but can act on a terminal or reorder what is shown: C1 controls
# (U+009B is a one-character CSI), bidi overrides and isolates, and lone surrogates (from file
# names that are not UTF-8). JSON keeps them, as escapes; terminals get them spelled out.
# The patterns of this module are compiled on first use: each format needs only some of them,
# and a start of `dwclean clean FILE` should not pay for the others.
@cache
def _json_unsafe() -> re.Pattern[str]:
    return re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@cache
def _terminal_unsafe() -> re.Pattern[str]:
    return re.compile(
        "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
    )


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _dumps(
    data: object, indent: int | None = None, separators: tuple[str, str] | None = None
) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    return _json_unsafe().sub(_json_escape, text)


def to_json(article: Article, *, explain: bool = False, indent: int | None = 2) -> str:
    return _dumps(article.to_dict(explain=explain), indent=indent)


def to_jsonl(article: Article, *, explain: bool = False) -> str:
    return _dumps(article.to_dict(explain=explain), separators=(",", ":"))


def json_line(record: object) -> str:
    """One JSON line (reports): terminal-unsafe characters and surrogates as JSON escapes."""
    return _dumps(record)


def neutralise(text: str, keep: str = "") -> str:
    """Text safe for a terminal or a log line: control characters, ANSI/OSC escapes, bidi
    overrides and lone surrogates are spelled out (backslash-x1b, backslash-u202e) instead of
    acting.
    `keep` lists the controls that stay (newline and tab for a document)."""

    def spell(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _terminal_unsafe().sub(spell, text)


# Minimal CommonMark escaping: only where a character could start markup, so that the source
# stays readable (`Zweifel!`, `AT&T`, `a > b`, `a_b_c`) and renders exactly as the text.
@cache
def _inline() -> re.Pattern[str]:
    return re.compile(
        r"""\\(?=[!-/:-@\[-`{-~])        # a backslash that would escape the next character
        | [`\[]                         # code spans, links and images (a lone ] is harmless)
        | <(?=[A-Za-z/!?])              # raw HTML, autolinks, comments
        | &(?=\#|[A-Za-z][A-Za-z0-9]*;)  # entity and character references
        | [*_]                          # emphasis: decided by the neighbours, in _escape_inline
        """,
        re.X,
    )


@cache
def _block_start() -> re.Pattern[str]:
    """Line starts that would turn a paragraph into a list, heading, quote, rule or fence."""
    return re.compile(r"[-+*](?=\s|$)|(?:[-*_]\s*){3,}$|>|\#{1,6}(?=\s|$)|~~~|\d{1,9}[.)](?=\s|$)")


def _escape_inline(match: re.Match[str]) -> str:
    char = match.group()
    if char in "*_":
        text, at = match.string, match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if before.isspace() and after.isspace():
            return char  # "5 * 3": flanked by spaces, never a delimiter
        if char == "_" and before.isalnum() and after.isalnum():
            return char  # "a_b_c": an underscore inside a word never opens or closes
    return "\\" + char


def escape_markdown(text: str) -> str:
    """Escape text so that CommonMark renders it literally, never as markup."""
    text = _inline().sub(_escape_inline, " ".join(text.split()))
    match = _block_start().match(text)
    if match is None or text.startswith("\\"):
        return text
    if match.group()[0].isdigit():  # "1." starts a list: escape the dot, not the digit
        end = match.end() - 1
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def _escape_heading(text: str) -> str:
    """A heading also loses a trailing run of # (the optional closing sequence)."""
    escaped = escape_markdown(text)
    trailing = re.search(r"(?:^|\s)(#+)$", escaped)
    if trailing:
        escaped = escaped[: trailing.start(1)] + "\\" + escaped[trailing.start(1) :]
    return escaped


def _yaml_scalar(value: str | None) -> str:
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def to_markdown(article: Article) -> str:
    front = [
        "---",
        f"title: {_yaml_scalar(article.title)}",
        f"date: {_yaml_scalar(article.date)}",
        f"section: {_yaml_scalar(article.section)}",
        f"language: {_yaml_scalar(article.language)}",
        f"url: {_yaml_scalar(article.url)}",
        "authors: [" + ", ".join(_yaml_scalar(a) for a in article.authors) + "]",
        "---",
        "",
    ]
    parts: list[str] = []
    if article.title:
        parts.append("# " + _escape_heading(article.title))
    previous: BlockKind | None = None
    for block in article.blocks:
        text = escape_markdown(block.text)
        if block.kind is BlockKind.LEAD:
            parts.append("**" + text + "**")
        elif block.kind is BlockKind.SUBHEAD:
            parts.append("## " + _escape_heading(block.text))
        elif block.kind is BlockKind.CAPTION:
            credit = f" — *{escape_markdown(block.credit)}*" if block.credit else ""
            parts.append("> 🖼 " + text + credit)  # a picture sign, no words: any language
        elif block.kind is BlockKind.LIST_ITEM:
            item = "- " + _escape_list_item(text)
            if previous is BlockKind.LIST_ITEM:
                parts[-1] += "\n" + item  # one tight list
            else:
                parts.append(item)
        else:
            parts.append(text)
        previous = block.kind
    return "\n".join(front) + "\n\n".join(parts) + "\n"


def _escape_list_item(text: str) -> str:
    """An item's text may not open another list or a quote inside the item."""
    return "\\" + text if text[:1] in "-+*>#" else text


def to_text(article: Article) -> str:
    parts = [article.title] if article.title else []
    for block in article.blocks:
        if block.kind is BlockKind.CAPTION:
            parts.append(f"[{block.text}" + (f" — {block.credit}]" if block.credit else "]"))
        elif block.kind is BlockKind.LIST_ITEM:
            parts.append("- " + block.text)
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


def _removed_lines(article: Article) -> list[str]:
    return [f"{r.line or '-'}\t{r.rule}\t{' '.join(r.text.split())}" for r in article.removed]


def render(article: Article, fmt: str, *, explain: bool = False) -> str:
    """`explain` adds what was removed and why: a `removed` list in JSON, an HTML comment in
    Markdown (invisible when rendered), a closing section in text."""
    if fmt == "json":
        return to_json(article, explain=explain) + "\n"
    if fmt == "jsonl":
        return to_jsonl(article, explain=explain) + "\n"
    if fmt == "markdown":
        markdown = to_markdown(article)
        if explain:
            lines = [line.replace("--", "- -") for line in _removed_lines(article)]
            markdown += (
                "\n<!-- removed by dwclean (line, rule, text):\n" + "\n".join(lines) + "\n-->\n"
            )
        return markdown
    if fmt == "text":
        text = to_text(article)
        if explain:
            text += (
                "\n---- removed (line, rule, text) ----\n"
                + "\n".join(_removed_lines(article))
                + "\n"
            )
        return text
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
