"""Small predicates on a piece of text, shared by the strip and segment stages."""

from __future__ import annotations

import re
from datetime import date

_SENTENCE_END = re.compile(r"[.!?…。！？؟۔।][\"'”’»«)\]]*$")
_PERIOD_END = re.compile(r"[.…。۔।][\"'”’»«)\]]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# no look-ahead after the year: the modern layout glues two dates ("30.01.202430. Januar 2024")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DATE_LINE = re.compile(r"^[\d.\s/:-]*\d{1,2}\.\d{1,2}\.\d{4}")
_DURATION_END = re.compile(r"(?<!\d)\d{1,2}:\d{2}$")


def word_count(text: str) -> int:
    """Words, counting each CJK character as one (CJK text has no spaces)."""
    cjk = len(_CJK.findall(text))
    if cjk:
        return cjk // 2 + len(text.split())
    return len(text.split())


def ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def ends_with_period(text: str) -> bool:
    return _PERIOD_END.search(text) is not None


def is_prose(text: str) -> bool:
    """Running text: a sentence of some length, or anything long."""
    words = word_count(text)
    return (words >= 8 and ends_sentence(text)) or words >= 25


def is_short_line(text: str) -> bool:
    """A heading, caption, label or menu entry rather than running text."""
    return not is_prose(text) and not (ends_with_period(text) and word_count(text) >= 4)


def ends_with_duration(text: str) -> bool:
    """Video and audio teasers end with their running time: "Watch video 02:17"."""
    return _DURATION_END.search(text) is not None


def is_date_line(text: str) -> bool:
    return _DATE_LINE.match(text) is not None and word_count(text) <= 6


def parse_date(text: str) -> str | None:
    """The first date in `text` (DD.MM.YYYY or ISO) as YYYY-MM-DD, if it is a real date."""
    for match, order in ((_ISO_DATE.search(text), "ymd"), (_NUMERIC_DATE.search(text), "dmy")):
        if match is None:
            continue
        a, b, c = (int(g) for g in match.groups())
        year, month, day = (a, b, c) if order == "ymd" else (c, b, a)
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
