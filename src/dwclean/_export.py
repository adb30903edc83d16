"""Export stage: an Article as JSON, JSON Lines, Markdown or plain text."""

from __future__ import annotations

import json
import re

from ._model import Article, BlockKind

FORMATS = ("markdown", "json", "jsonl", "text")


def to_json(article: Article, *, explain: bool = False, indent: int | None = 2) -> str:
    return json.dumps(article.to_dict(explain=explain), ensure_ascii=False, indent=indent)


def to_jsonl(article: Article, *, explain: bool = False) -> str:
    return json.dumps(article.to_dict(explain=explain), ensure_ascii=False, separators=(",", ":"))


# Characters that can start or change CommonMark markup anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&#])")
# Line starts that would turn a paragraph into a list, heading, quote, rule or setext underline.
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)]))")


def escape_markdown(text: str) -> str:
    """Escape text so that CommonMark renders it literally, never as markup."""
    text = _INLINE_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _BLOCK_START.sub(
        lambda m: (
            m.group(1) + "\\" + m.group(2)
            if not m.group(2).isdigit()
            else m.group(1) + m.group(2) + "\\"
        ),
        text,
        count=1,
    )


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
        parts.append("# " + escape_markdown(article.title))
    for block in article.blocks:
        text = escape_markdown(block.text)
        if block.kind is BlockKind.LEAD:
            parts.append("**" + text + "**")
        elif block.kind is BlockKind.SUBHEAD:
            parts.append("## " + text)
        elif block.kind is BlockKind.CAPTION:
            credit = f" — *{escape_markdown(block.credit)}*" if block.credit else ""
            parts.append("> 🖼 **Caption:** " + text + credit)
        else:
            parts.append(text)
    return "\n".join(front) + "\n\n".join(parts) + "\n"


def to_text(article: Article) -> str:
    parts = [article.title] if article.title else []
    for block in article.blocks:
        if block.kind is BlockKind.CAPTION:
            parts.append(f"[{block.text}" + (f" — {block.credit}]" if block.credit else "]"))
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
