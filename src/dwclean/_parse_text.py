"""Parse stage for text dumps: a dump's lines become a sequence of `Candidate`s with hints.

Dumps come from different renderers (lynx, w3m, html2text, inscriptis, crawler dumps like the
seed). Each prints the same page differently; this module recognises the renderer's habits
(indentation, bullets, Markdown, hard wrapping) and turns them into renderer-independent hints,
so that strip and segment never need to know which renderer made the dump.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from ._marks import title_line_match
from ._model import Candidate, Hint
from ._read import normalize
from ._rules import load_rules
from ._text import ALT_MIN_WORDS, ends_sentence, ends_with_duration, mostly_capitalised


class DumpStyle(enum.StrEnum):
    LYNX = "lynx"
    W3M = "w3m"
    HTML2TEXT = "html2text"
    INSCRIPTIS = "inscriptis"
    SEED = "seedstyle"
    PLAIN = "plain"


class StyleTraits(NamedTuple):
    alt_lines: bool  # the renderer prints an image's alt text as a line before its caption
    headings_outdented: bool  # headings start left of the body text (lynx)
    caption_indent: bool = False  # captions are indented off the body text (inscriptis)
    alt_inline: bool = False  # a modern figure's alt text and caption share one line (lynx)


STYLE_TRAITS: dict[DumpStyle, StyleTraits] = {
    DumpStyle.LYNX: StyleTraits(alt_lines=True, headings_outdented=True, alt_inline=True),
    DumpStyle.W3M: StyleTraits(alt_lines=True, headings_outdented=False),
    DumpStyle.HTML2TEXT: StyleTraits(alt_lines=False, headings_outdented=False),
    DumpStyle.INSCRIPTIS: StyleTraits(
        alt_lines=False, headings_outdented=False, caption_indent=True
    ),
    DumpStyle.SEED: StyleTraits(alt_lines=False, headings_outdented=False),
    DumpStyle.PLAIN: StyleTraits(alt_lines=False, headings_outdented=False),
}


class ParsedDump(NamedTuple):
    candidates: list[Candidate]
    style: DumpStyle
    wrap_width: int | None  # the column the dump was hard-wrapped at, if it was
    body_indent: int  # the indentation of running text
    crawler_marker: str | None = None  # a crawler's " date 2019-08" taken off the first line

    @property
    def traits(self) -> StyleTraits:
        return STYLE_TRAITS[self.style]


_BULLET_SIGNS = "*+o#•-·□☆◦▪■●○"  # what a bullet line starts with, if not a number
_LONE_BULLETS = frozenset("*•+o#")  # a bullet whose item text the renderer lost
_BULLET = re.compile(r"^([*+o#•\-·□☆◦▪■●○]|\d{1,3}\.)\s+(?=\S)")
# "10. Mai 2012", "31. decembar 2016.": a date line, not item 10 of a numbered list
_DATE_NOT_ITEM = re.compile(r"^\d{1,2}\.\s+[^\W\d]+\.?,?\s+\d{4}(?!\d)")  # also glued: "…2024Od"
# A crawler's marker before the page text (" date 2019-08 "): never the article's date
_CRAWLER_DATE = re.compile(r"^\s*date \d{4}(?:-\d{2}){0,2}(?:\s+|$)")
# a row of a table as w3m and inscriptis print it: three or more cells, apart by 2+ spaces
_TABLE_ROW = re.compile(r"\S {2,}\S.*\S {2,}\S")
_CELL_GAP = re.compile(r" {2,}")
# A link target: escaped characters and one level of balanced parentheses allowed. Written as
# "unrolled loops" (a run of plain characters, then an escape or group, then a run …): the
# plain alternation `(?:\\.|[^()\\])*` tries both branches at every character, which made
# link removal most of the time spent on an html2text dump.
_MD_PLAIN_IN_PARENS = r"[^()\\]*(?:\\.[^()\\]*)*"
_MD_URL = r"[^()\\]*(?:(?:\\.|\(" + _MD_PLAIN_IN_PARENS + r"\))[^()\\]*)*"
_MD_LABEL = r"[^\]\\]*(?:\\.[^\]\\]*)*"
_MD_HEADING_START = re.compile(r" *#{1,6} ")
_HTML2TEXT_SIGNS = re.compile(r"^\s*#{1,6} \S|!\[|\]\(")


class _Markdown(NamedTuple):
    """html2text's marks, compiled on the first html2text dump rather than at every start."""

    heading: re.Pattern[str]
    image_line: re.Pattern[str]
    image: re.Pattern[str]
    link: re.Pattern[str]
    empty_link: re.Pattern[str]
    strong: re.Pattern[str]
    emphasis: re.Pattern[str]
    escape: re.Pattern[str]


@cache
def _md() -> _Markdown:
    return _Markdown(
        heading=re.compile(r"^(#{1,6})\s+"),
        image_line=re.compile(r"^!\[(?P<alt>" + _MD_LABEL + r")\]\(" + _MD_URL + r"\)$", re.S),
        image=re.compile(r"!\[" + _MD_LABEL + r"\]\(" + _MD_URL + r"\)"),
        link=re.compile(r"\[(" + _MD_LABEL + r")\]\(" + _MD_URL + r"\)"),
        empty_link=re.compile(r"\[\]\(" + _MD_URL + r"\)"),
        strong=re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
        emphasis=re.compile(r"([*_])(?<![\w*][*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"),
        escape=re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~\"'])"),
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Lines:
    """A dump's non-blank lines and their indentation, measured once for the detectors below."""

    __slots__ = ("indents", "nonblank", "spaced", "wide")

    def __init__(self, lines: list[str], text: str) -> None:  # lines are right-stripped
        self.nonblank = [line for line in lines if line]
        self.indents = [len(line) - len(line.lstrip(" ")) for line in self.nonblank]
        # blank lines between blocks, as every hard-wrapping renderer sets them
        self.spaced = "\n\n" in text.strip("\n")
        # Chinese text (not a language menu's "中文"): its characters take two columns each.
        # The middle of a dump is the article's text; a sample of it is enough.
        middle = len(text) // 2
        sample = text[max(0, middle - _WIDE_SAMPLE) : middle + _WIDE_SAMPLE]
        self.wide = not sample.isascii() and sum(
            map(len, _cjk_runs().findall(sample))
        ) * _WIDE_SHARE >= len(sample)


def detect_style(measured: _Lines) -> DumpStyle:
    nonblank = measured.nonblank
    if not nonblank:
        return DumpStyle.PLAIN
    markdown = sum(
        1
        for line in nonblank
        if ("#" in line or "](" in line or "![" in line) and _HTML2TEXT_SIGNS.search(line)
    )
    if markdown >= 3 and markdown >= len(nonblank) * 0.05:
        return DumpStyle.HTML2TEXT
    if any(line.lstrip().startswith(("IFRAME:", "#alternate")) for line in nonblank[:40]):
        return DumpStyle.LYNX
    bullets = zip(nonblank, measured.indents, strict=True)
    if sum(1 for line, indent in bullets if line.startswith("• ", indent)) >= 3:
        return DumpStyle.W3M
    indents = Counter(measured.indents)
    deep = sum(n for indent, n in indents.items() if indent >= 8)
    if deep >= len(nonblank) * 0.3:
        return DumpStyle.INSCRIPTIS
    three = indents.get(3, 0) + indents.get(4, 0)
    if three >= len(nonblank) * 0.3:
        return DumpStyle.LYNX
    if len(nonblank) > 2 and nonblank[1].startswith("  1. "):
        return DumpStyle.SEED
    return DumpStyle.PLAIN


_WIDE_SHARE = 10  # Chinese characters: a tenth of a dump's text at least, to count its columns
_WIDE_SAMPLE = 1000  # characters either side of the middle
_WRAP_MIN_LINES = 3  # three lines near one width: a paragraph wrapped twice
_SHORT_DUMP_LINES = 40  # a page's top, cut short: two filled lines may show its wrap


class Wrap(NamedTuple):
    """How a dump was hard-wrapped: at `width`, counted in characters (lynx, html2text) or in
    display columns, where a Chinese character takes two (w3m)."""

    width: int
    measure: Callable[[str], int]

    def ended_early(self, line: str, following: str) -> bool:
        """The next line's first word would have fitted: the renderer broke the line on
        purpose."""
        room = self.width - _WRAP_SLACK
        return self.measure(line.rstrip()) + 1 + _first_word_width(following, self.measure) <= room


def detect_wrap(measured: _Lines, markdown: bool = False) -> Wrap | None:
    """How the dump was hard-wrapped, or None when lines run to any length. A dump with Chinese
    text is measured both ways; the measure under which more lines fill the width wins."""
    found = _wrap_width(measured, markdown, len)
    if measured.wide:
        in_columns = _wrap_width(measured, markdown, _columns)
        if in_columns and (found is None or in_columns[1] > found[1]):
            return Wrap(in_columns[0], _columns)
    return Wrap(found[0], len) if found else None


def _wrap_width(
    measured: _Lines, markdown: bool, measure: Callable[[str], int]
) -> tuple[int, int] | None:
    """The width a dump was hard-wrapped at, and how many lines fill it.

    A wrapped dump has many lines just short of one width, and a line runs beyond it only when
    its first word could not be broken (a long URL), or, in Markdown, when it holds a link
    (html2text never breaks one): such lines are not counted against the width.
    """
    lines = measured.nonblank
    if len(lines) < _WRAP_MIN_LINES:
        return None
    wide = measured.wide  # Chinese lines break anywhere: they need no space
    # (length, where the first space after the indentation is): a line with a space is breakable
    breakable = sorted(
        (
            (measure(line), _WIDEST_WRAP if markdown and "](" in line else space)
            for line, indent in zip(lines, measured.indents, strict=True)
            if (space := line.find(" ", indent)) >= 0
            or (wide and (space := _cjk_break(line, indent)) >= 0)
        ),
        reverse=True,
    )
    if not breakable:
        return None
    outliers = max(2, len(lines) // 100)  # a stray over-wide line must not hide the width
    lengths = [length for length, space in breakable if space < _WIDEST_WRAP]  # no links
    ascending = lengths[::-1]
    tried: set[int] = set()
    for width in lengths[: 4 * (outliers + 1)]:
        if width in tried or width > _WIDEST_WRAP or width < 50:
            continue
        tried.add(width)
        beyond = _breakable_beyond(breakable, width)
        if beyond > outliers:
            continue  # lines run past it that could have been broken before it
        if breakable[0][0] > _FAR_BEYOND * width and breakable[0][1] < width:
            continue  # a paragraph on one line, many times as long: no renderer wrapped it
        near = bisect_right(ascending, width) - bisect_left(ascending, width - 15)
        # Terminals wrap at 72-100 columns; a wider wrap (lynx -width=200) must show in many
        # lines, so that a few long unwrapped paragraphs of similar length are not taken for it.
        # Each line that runs past it must be outweighed by three that stop near it: in a short
        # page, three lines of similar length beside two long ones are no wrapping.
        needed = 3 if width <= 100 else max(5, len(breakable) // 10)
        # how many lines the renderer filled to the width, give or take its slack
        filled = bisect_right(ascending, width) - bisect_left(ascending, width - _WRAP_SLACK)
        if not _breaks_inside_sentences(lines, width, measure):
            continue  # one sentence a line, each of about this length: no wrap
        if near >= max(needed, 3 * (beyond + 1)):
            return width, filled
        if (
            width <= 100
            and beyond == 0
            and filled >= 2
            and len(lines) <= _SHORT_DUMP_LINES
            and measured.spaced
        ):
            return width, filled  # a short page cut by an archive: two lines filled, none over
    return None


def _breaks_inside_sentences(lines: list[str], width: int, measure: Callable[[str], int]) -> bool:
    """A renderer that wraps breaks lines inside sentences: of the lines that fill the width,
    one at least ends without a sentence's end."""
    return any(
        not ends_sentence(line) for line in lines if width - _WRAP_SLACK <= measure(line) <= width
    )


def _breakable_beyond(breakable: list[tuple[int, int]], width: int) -> int:
    """Lines longer than `width` with a space before it (`breakable` runs longest first)."""
    count = 0
    for length, space in breakable:
        if length <= width:
            break
        count += space < width
    return count


_WIDEST_WRAP = 1024  # lynx's widest -width
_FAR_BEYOND = 3  # a stray over-wide line runs a little past the width, not three times as far


def _body_indent(measured: _Lines) -> int:
    """Indentation of running text: the most common indent of long lines (a list's items are
    not running text: a long list would set the body at its items' indent)."""
    counts = Counter(
        indent
        for line, indent in zip(measured.nonblank, measured.indents, strict=True)
        if len(line) - indent >= 60
        and not (line[indent] in _BULLET_SIGNS and line[indent + 1 : indent + 2] == " ")
    )
    return counts.most_common(1)[0][0] if counts else 0


def _cjk_break(line: str, indent: int) -> int:
    """Where a renderer could first break a line without spaces: in Chinese, after its first
    character (lines wrap between any two); -1 if nowhere."""
    return indent + 1 if not line.isascii() and _cjk_runs().search(line, indent) else -1


def _first_word_width(line: str, measure: Callable[[str], int]) -> int:
    """The first word's width; a Chinese line's first "word" is its first character."""
    stripped = line.strip()
    if not stripped:
        return 0
    if not stripped.isascii() and _cjk_runs().match(stripped):
        return measure(stripped[0])
    return measure(stripped.split(" ", 1)[0])


def _columns(text: str) -> int:
    """Display width: a Chinese character (or full-width form) takes two columns."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(len, _cjk_runs().findall(text)))


# a sentence ending inside a line: "…negotiations. Author" (not "P. Carvalho", not "28. April")
_INNER_SENTENCE = re.compile(r"[.!?](?<=[^\W\d_]{2}[.!?])\s+\w")  # punctuation first: fast
_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.$")
_WRAP_SLACK = 8  # renderers do not always fill a line to the last column before wrapping
_TEASER_LABEL_WORDS = 4  # "Watch video 02:31", "Ver el video 02:31"


def _group_lines(
    lines: list[str], wrap: Wrap | None, markdown: bool
) -> list[tuple[int, list[str]]]:
    """Group physical lines into logical ones: (first line number, lines).

    Without hard wrapping every line is a logical line (Markdown links and images may span lines).
    With it, a line continues the previous one when the previous line had no room left for the
    next word, unless the rest of the block is a short unterminated line glued under a finished
    sentence: that is an image's alt text or caption, not more paragraph.
    """
    if wrap is None and not markdown:  # every non-blank line is its own unit
        return [(number, [line]) for number, line in enumerate(lines, 1) if line]
    groups: list[tuple[int, list[str]]] = []
    block: list[tuple[int, str]] = []

    def flush_block() -> None:
        if block:
            groups.extend(_split_block(block, wrap, markdown))
            block.clear()

    for number, line in enumerate(lines, 1):
        if line:  # lines are right-stripped: only an empty one is blank
            block.append((number, line))
        else:
            flush_block()
    flush_block()
    return groups


def _split_block(
    block: list[tuple[int, str]], wrap: Wrap | None, markdown: bool
) -> list[tuple[int, list[str]]]:
    groups: list[tuple[int, list[str]]] = []
    start, current = block[0][0], [block[0][1]]
    open_brackets = _bracket_balance(block[0][1]) if markdown else 0
    for position in range(1, len(block)):
        number, line = block[position]
        if open_brackets > 0 or _continues(current, line, wrap, block, position, markdown):
            current.append(line)
        else:
            groups.append((start, current))
            start, current, open_brackets = number, [line], 0
        if markdown:
            open_brackets = max(open_brackets + _bracket_balance(line), 0)
    groups.append((start, current))
    return groups


def _bracket_balance(line: str) -> int:
    """Open Markdown brackets and parentheses: a link or image wrapped over several lines."""
    if "[" not in line and "]" not in line:
        return 0  # parentheses count only together with a bracket
    square = line.count("[") - line.count("]") - line.count("\\[") + line.count("\\]")
    round_ = line.count("(") - line.count(")") - line.count("\\(") + line.count("\\)")
    return square + max(round_, 0) if "](" in line or (round_ > 0 and "[" in line) else square


def _is_new_item(line: str) -> bool:
    """A wrapped line may start with "28." or "-" inside a sentence; bullets are unambiguous."""
    match = _BULLET.match(line.strip())
    return match is not None and match.group(1) in "*+o#•·□☆◦▪■●○"


def _continues(
    current: list[str],
    line: str,
    wrap: Wrap | None,
    block: list[tuple[int, str]],
    position: int,
    markdown: bool = False,
) -> bool:
    if wrap is None:
        return False
    previous = current[-1]
    first = current[0]
    indent = _indent(line)
    expected = _indent(first)
    # html2text wraps a "# heading" back to the margin; a list item under its text
    heading = markdown and _MD_HEADING_START.match(first) is not None
    bullet = None if heading else _BULLET.match(first.strip())
    if bullet:
        expected += bullet.end()
    elif _is_new_item(line):
        return False
    if not (indent == expected or 0 < indent - expected <= 2):
        return False
    if indent != expected and _BULLET.match(line.strip()):
        return False  # "  1. Inhalt" indented under a wrapped line: a list starts
    if ends_with_duration(line) and len(line.split()) <= _TEASER_LABEL_WORDS:
        return False  # a video teaser's label and running time: "Ver el video 02:31"
    if not (previous.isascii() and line.isascii()) and _script_changes(previous, line):
        return False  # a German alt text over an Arabic caption: no wrapped paragraph
    if title_line_match(previous, load_rules()):
        return False  # the browser's title line ("… | Sport | DW | 10.02.2008"): an archive's
    if not ends_sentence(previous.strip()) and line.strip()[:1].islower():
        return True  # a sentence going on in lower case
    joined = " ".join(current)
    if joined.count("(") > joined.count(")"):
        return True  # inside parentheses (an alt text's photo credit)
    if wrap.ended_early(previous, line):
        return False  # the previous line ended early: a real line break
    # "28." ends no sentence in "28. April" (only the last characters can hold it; the
    # lookbehind still reads the one before them)
    ordinal = _ORDINAL_END.search(previous, max(0, len(previous) - 3))
    if not ordinal and ends_sentence(previous.strip()):
        return _sentence_follows(block, position, wrap)
    return True


def _script_changes(previous: str, line: str) -> bool:
    """A German alt text's keywords (capitalised, Latin letters) over a line in another
    script: the picture's caption under its alt text, not a wrapped paragraph going on (a
    wrapped Arabic or Greek line may well hold a Latin name or link)."""
    words = previous.split()
    return (
        len(words) >= ALT_MIN_WORDS
        and mostly_capitalised(words)
        and _latin_share(previous) >= _ONE_SCRIPT
        and _latin_share(line) <= 1 - _ONE_SCRIPT
    )


@cache
def _letter_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any letter, a Latin letter): compiled on first use, as most dumps never ask."""
    return re.compile(r"[^\W\d_]"), re.compile(r"[A-Za-z\u00c0-\u024f]")


_ONE_SCRIPT = 0.75  # "图像来源: Oliver" / "Berg/dpa": a credit in two scripts goes on


def _latin_share(text: str) -> float:
    letter, latin_letter = _letter_patterns()
    letters = len(letter.findall(text))
    return len(latin_letter.findall(text)) / letters if letters else 0.5


def _sentence_follows(block: list[tuple[int, str]], position: int, wrap: Wrap) -> bool:
    """After a finished sentence, does the paragraph go on, or does a new unit start?

    A paragraph's next sentence ends with its punctuation before any line ends early; a unit
    glued under it without a blank line (alt text, caption with credit, permalink, ad label)
    ends early, or at the block's end, without any.
    """
    lines = [line for _, line in block[position : position + 9]]
    for index, line in enumerate(lines[:8]):
        text = line.strip()
        if ends_sentence(text) or _INNER_SENTENCE.search(text):
            return True
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not following.strip() or wrap.ended_early(line, following):
            return False
    return True


def _keep_group(pattern: re.Pattern[str], text: str) -> str:
    """Replace each match by its last group: `pattern.sub(r"\\N", text)`, at a quarter of the
    cost (Python 3.11 expands a group template in Python for every match; split runs in C)."""
    parts = pattern.split(text)
    if len(parts) == 1:
        return text
    if pattern.groups == 2:
        del parts[1::3]  # the delimiter group (`**`, `_`) goes, the content stays
    return "".join(parts)


def _clean_markdown(text: str) -> str:
    """Text without link targets, emphasis and escapes (images and empty links already gone)."""
    md = _md()
    if "](" in text:
        text = _keep_group(md.link, text)
    if "*" in text or "_" in text:
        if "* " in text or "_ " in text:
            # html2text sets a space between an emphasis and the punctuation after it
            # ("the _Klimaplan_ , Hamburg's"): the marks go, and that space with them
            text = _SPACE_AFTER_EMPHASIS.sub(r"\1", text)
        if not text.isascii() and max(text) >= "\u3000":  # (every CJK range lies above it)
            text = _keep_group(_cjk_emphasis(), text)
        text = _keep_group(md.strong, text)
        text = _keep_group(md.emphasis, text)
    return _keep_group(md.escape, text) if "\\" in text else text


def _candidates(
    groups: list[tuple[int, list[str]]], body_indent: int, style: DumpStyle
) -> list[Candidate]:
    """One candidate per logical line, with what the renderer's marks say about it."""
    markdown = style is DumpStyle.HTML2TEXT
    outdented = STYLE_TRAITS[style].headings_outdented
    candidates = []
    previous_end = 0  # the last line of the previous candidate
    for number, group in groups:
        first_line = group[0]
        indent = len(first_line) - len(first_line.lstrip(" "))
        text = " ".join(first_line.split()) if len(group) == 1 else _join_wrapped(group)
        hints = Hint.NONE
        marker = ""
        if markdown:
            text, marker, hints = _markdown_candidate(text)
        else:
            opening = text[:1]
            if opening in _BULLET_SIGNS or opening.isdigit():
                bullet = None if _DATE_NOT_ITEM.match(text) else _BULLET.match(text)
                if bullet:  # the bullet's spaces go with it: the rest stays collapsed
                    marker, text = bullet.group(1), text[bullet.end() :]
                    hints |= Hint.LIST_ITEM
                elif text in _LONE_BULLETS:
                    marker, text = text, ""
                    hints |= Hint.LIST_ITEM | Hint.DEBRIS
            if outdented and indent < body_indent and not marker:
                hints |= Hint.HEADING
        # a table row (cells apart by runs of spaces): one paragraph
        if not marker and first_line.find("  ", indent) >= 0 and _TABLE_ROW.search(first_line):
            hints |= Hint.PARAGRAPH
        if not text:
            hints |= Hint.DEBRIS
        raw = first_line if len(group) == 1 else "\n".join(group)
        gap_before = number != previous_end + 1
        candidates.append(Candidate(text, hints, number, indent, marker, None, raw, gap_before))
        previous_end = number + len(group) - 1
    return candidates


# Han characters, CJK punctuation and full-width forms: Chinese has no spaces between words, so
# a line wrapped between two of them joins without one
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"


@cache
def _cjk_runs() -> re.Pattern[str]:
    # runs of Chinese characters: counted for display widths, searched for any at all
    return re.compile(f"[{_CJK}]+")


@cache
def _cjk_emphasis() -> re.Pattern[str]:
    # html2text sets a space on each side of an emphasis ("和 _自制食品_ 不得"), never written in
    # Chinese: the marks and those spaces go, the emphasised text stays
    cjk = f"[{_CJK}]"
    return re.compile(f"(?:(?<={cjk}) )?(\\*\\*|__|[*_])(?={cjk})(.+?)(?<={cjk})\\1(?: (?={cjk}))?")


@cache
def _cjk_join() -> re.Pattern[str]:
    # compiled on first need: wide character ranges take milliseconds to compile
    # between two Chinese characters, or one and a number ("2022年", "1万亿元", "5%左右")
    # (the line break first, the lookbehinds after it: a pattern that opens with a literal is
    # searched by scanning for it, one that opens with a lookbehind is tried everywhere)
    return re.compile(f"\n(?:(?<=[{_CJK}]\n)(?=[{_CJK}\\d%])|(?<=[\\d%]\n)(?=[{_CJK}]))")


def _join_wrapped(lines: list[str]) -> str:
    """One logical line from a hard-wrapped one: a space at each break, none inside Chinese."""
    joined = "\n".join(line.strip() for line in lines)
    if not joined.isascii():
        joined = _cjk_join().sub("", joined)
    return " ".join(joined.split())


_SPACE_AFTER_EMPHASIS = re.compile(r"(?<=\S)(\*\*|__|\*|_) (?=[,.;:!?)])")
_SPACE_BEFORE_CLOSING = re.compile(r"^(\*\*|__|\*|_)(\S.*?)\s+\1$")


def _markdown_candidate(text: str) -> tuple[str, str, int]:
    """html2text's line: (text without Markdown, list or heading marker, hints)."""
    if not text.strip("*_- "):
        return text, "", Hint.DEBRIS  # a horizontal rule ("* * *", "______"): no text at all
    if _is_table_rule(text):
        return text, "", Hint.DEBRIS  # a table's rule under its header row ("---|---")
    md = _md()
    hints = Hint.NONE
    marker = ""
    bullet = _BULLET.match(text)
    # (an ordered list's "1. ": html2text escapes a paragraph that starts so, "1\. FC Köln")
    numbered = bullet is not None and bullet.group(1)[0].isdigit()
    if bullet and (bullet.group(1) in "*+-" or (numbered and not _DATE_NOT_ITEM.match(text))):
        marker, text = bullet.group(1), text[bullet.end() :]
        hints |= Hint.LIST_ITEM
    elif text.startswith("> "):  # a quotation (<blockquote>): a paragraph of the text
        marker, text = ">", text[2:]
        hints |= Hint.PARAGRAPH
    heading = md.heading.match(text)
    if heading:
        marker, text = heading.group(1), text[heading.end() :]
        hints |= Hint.HEADING
    image = md.image_line.match(text)
    if image:
        hints |= Hint.IMAGE_ALT
        text = _keep_group(md.escape, image.group("alt"))
    else:
        if "](" in text:  # pictures and empty links print no text
            text = md.image.sub("", md.empty_link.sub("", text)).strip()
        if not text:
            hints |= Hint.DEBRIS
        if text.endswith((" **", " __", " *", " _")):
            # a bold line ending in a no-break space (<strong>Title&nbsp;</strong>): html2text
            # sets the space inside the marks, which then close nothing
            text = _SPACE_BEFORE_CLOSING.sub(r"\1\2\1", text)
        if md.strong.fullmatch(text):
            hints |= Hint.HEADING
        text = _clean_markdown(text)
    return " ".join(text.split()), marker, hints


def parse_dump(text: str, *, normalized: bool = False) -> ParsedDump:
    """The candidates of a text dump (`normalized`: line ends and invisible characters done)."""
    if not normalized:
        text = normalize(text)
    tab_rows: set[int] = set()
    if "\t" in text:
        # a table stored with tabs between its cells: each row is a paragraph of the article
        tab_rows = _tab_rows(text.split("\n"))
        text = text.expandtabs(8)  # tab stops restart at every line
    lines = [line.rstrip() for line in text.split("\n")]
    measured = _Lines(lines, text)
    style = detect_style(measured)
    wrap = detect_wrap(measured, style is DumpStyle.HTML2TEXT)
    body_indent = _body_indent(measured)
    _unindent_crawler_marker(lines)
    groups = _group_lines(lines, wrap, style is DumpStyle.HTML2TEXT)
    candidates = _candidates(groups, body_indent, style)
    # after grouping: the marker filled the first line, which must stay as long as it was
    crawler_marker = _strip_crawler_marker(candidates)
    _mark_table_rows(candidates)
    for candidate in candidates:
        if candidate.line in tab_rows:
            candidate.hints |= Hint.PARAGRAPH
    wrap_width = wrap.width if wrap else None
    return ParsedDump(candidates, style, wrap_width, body_indent, crawler_marker)


_TABLE_MIN_ROWS = 3


def _tab_rows(lines: list[str]) -> set[int]:
    """The numbers of the lines that are rows of a table stored with tabs: three cells or more
    with a tab between each two ("CDU/CSU\t28,5\t208"), or two cells in a run of three rows
    or more ("Top speed\t140 km/h"): a lone "Name\tValue" line may be anything."""
    cells = [_tab_cells(line) for line in lines]
    rows: set[int] = set()
    run: list[int] = []
    for number, count in enumerate([*cells, 0], 1):
        if count >= 2:
            run.append(number)
            continue
        if len(run) >= _TABLE_MIN_ROWS:
            rows.update(run)
        else:
            rows.update(n for n in run if cells[n - 1] >= 3)
        run = []
    return rows


def _tab_cells(line: str) -> int:
    """How many cells a line holds between tabs (0: not a row). Only the first may be empty:
    a header row over a column of row names ("\tCoradia iLint")."""
    if "\t" not in line:
        return 0
    cells = line.rstrip().lstrip(" ").split("\t")
    return len(cells) if all(cell.strip() for cell in cells[1:]) else 0


def _mark_table_rows(candidates: list[Candidate]) -> None:
    """A table printed with pipes between its cells ("Ocak 2015 | 8,50"), or with runs of
    spaces ("2021    219 евро"): three or more lines in a row with as many cells each. Each row
    is a paragraph of the article (a menu with pipes is one line, and a title line stands
    alone). (Three cells apart by spaces mark a row on their own: `_TABLE_ROW`.)"""
    for cells_of in (_piped_cells, _spaced_cells):
        run: list[Candidate] = []
        run_cells = 0
        for candidate in candidates:
            if run and candidate.hints & Hint.DEBRIS and _is_table_rule(candidate.text):
                continue  # html2text's rule under the header row: the table goes on
            cells = cells_of(candidate)
            if cells and run and not candidate.gap_before and cells == run_cells:
                run.append(candidate)
                continue
            if len(run) >= _TABLE_MIN_ROWS:
                _mark_rows(run)
            run, run_cells = ([candidate], cells) if cells else ([], 0)
        if len(run) >= _TABLE_MIN_ROWS:
            _mark_rows(run)


def _is_table_rule(text: str) -> bool:
    """html2text's rule under a table's header row: "---|---", "|:---|---:|"."""
    return "---" in text and not text.strip("-|: ")


def _piped_cells(candidate: Candidate) -> int:
    return candidate.text.count(" | ") if " | " in candidate.text else 0


def _spaced_cells(candidate: Candidate) -> int:
    """Cells apart by runs of two spaces or more on a line of its own (0: none, or one cell)."""
    raw = candidate.raw.strip()
    if "  " not in raw or "\n" in raw or candidate.marker:
        return 0
    return len(_CELL_GAP.split(raw))


def _mark_rows(run: list[Candidate]) -> None:
    for row in run:
        row.hints |= Hint.PARAGRAPH


def _unindent_crawler_marker(lines: list[str]) -> None:
    """The marker's own leading space (" date 2019-08 …") is not the first line's indentation:
    lines wrapped under it start one column to the left."""
    for index, line in enumerate(lines):
        if line:
            if line.startswith(" ") and _CRAWLER_DATE.match(line):
                lines[index] = line[1:]
            return


def _strip_crawler_marker(candidates: list[Candidate]) -> str | None:
    """Take a crawler's ` date 2022-02 ` marker off the first line; it is not page text."""
    if not candidates:
        return None
    first = candidates[0]
    match = _CRAWLER_DATE.match(first.text)
    if match is None:
        return None
    first.text = first.text[match.end() :]
    if not first.text:
        del candidates[0]  # the marker stood alone
    return match.group(0).strip()
