"""Small predicates on a piece of text, shared by the strip and segment stages."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from datetime import date
from functools import cache, lru_cache

from ._rules import Month

# Sentence ends of DW's scripts: Latin, CJK, Arabic/Urdu, Devanagari/Bengali (। and the "৷"
# Bengali typesetting uses for it), Ethiopic (። ፧)
_SENTENCE_END = re.compile(r"[.!?…。！？؟۔।৷።፧]\s?[\"'”’“»«)\]」』]*$")
_PERIOD_END = re.compile(r"[.…。۔।৷።]\s?[\"'”’“»«)\]」』]*$")
# no look-ahead after the year: the modern layout glues two dates ("30.01.202430. Januar 2024")
# (Each of these opens with its first digit and looks behind it afterwards, "(\d(?<!\d\d)…":
# a pattern that opens with a lookbehind is tried at every position of a paragraph, one that
# opens with a digit is searched by scanning for one, three to four times faster.)
_NUMERIC_DATE = re.compile(r"(\d(?<!\d\d)\d?)\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"(\d(?<!\d\d)\d{3})-(\d{2})-(\d{2})(?!\d)")
_DATE_LINE = re.compile(r"^[\d.\s/:-]*(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}\s*年)")
_DIGIT = re.compile(r"\d")
# four digits in a row: every date form read here has its year so (a cheap test that rules out
# most short lines before the date patterns are tried)
# (spelled out: `\d{4}` searches at half the speed, asked of nearly every line)
_FOUR_DIGITS = re.compile(r"\d\d\d\d")
# a sentence ending inside a line ("…this service? Simply fill out…"), not "Dr. Merkel"
# The punctuation first, the letters before it looked behind: the regex engine then skips
# straight to the next [.?!] instead of testing three letters at every position.
_INNER_SENTENCE = re.compile(r"[.?!](?<=[^\W\d_]{3}[.?!])\s+[^\W\d_]")
_US_DATE = re.compile(r"(\d(?<!\d\d)\d?)/(\d{1,2})/(\d{4})")
_DURATION_END = re.compile(r"(?<!\d)\d{1,2}:\d{2}$")


@cache
def _cjk() -> re.Pattern[str]:
    # compiled on first need: wide character ranges are slow to compile, and most text is not CJK
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def unmangled(text: str) -> str:
    """A line read in the wrong encoding (UTF-8 bytes decoded as Windows-1252: "amÃ©liorer"),
    read right again; any other text as it is."""
    if text.isascii() or ("Ã" not in text and "Â" not in text and "â€" not in text):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


def has_cjk(text: str) -> bool:
    """Chinese, Japanese or Korean characters in the text (written without spaces)."""
    return not text.isascii() and _cjk().search(text) is not None


def largely_cjk(text: str) -> bool:
    """A third or more of the text's letters are Chinese, Japanese or Korean characters (a
    Chinese line naming a page in another script: "当前位置：首页 > 德国之声 > Українська")."""
    if not has_cjk(text):
        return False
    letters = sum(1 for char in text if char.isalpha())
    return 3 * len(_cjk().findall(text)) >= letters


def forget() -> None:
    """Drop what the cached predicates below remember. Called once per page: an answer never
    outlives its page, memory stays bounded, and cleaning the same pages again (a benchmark)
    measures the work, not the cache."""
    word_count.cache_clear()
    is_prose.cache_clear()
    is_short_line.cache_clear()


@lru_cache(maxsize=8192)
def word_count(text: str) -> int:
    """Words, counting each CJK character as one (CJK text has no spaces)."""
    if text.isascii() or max(text) < "\u3000":  # (every CJK range lies above U+3000)
        return len(text.split())
    cjk = len(_cjk().findall(text))
    if cjk:
        return cjk // 2 + len(text.split())
    return len(text.split())


# A German alt text's keywords, as a line of its own: at least three words (fewer say nothing
# of their language: "Ernte von Mate-Bl"), most of them capitalised ("Kroatien Split |
# Saisonarbeiter aus Indien in": four of six)
ALT_MIN_WORDS = 3
_ALT_CAPITALISED = 0.6


def mostly_capitalised(words: list[str]) -> bool:
    """Most of the words start with a capital, as a German alt text's keywords do."""
    return sum(1 for word in words if word[:1].isupper()) >= _ALT_CAPITALISED * len(words)


_COOKIE_BANNER_MAX_WORDS = 45  # DW's cookie banners are a sentence or two


def names_cookies(text_key: str, cookie_words: tuple[str, ...]) -> bool:
    """Short enough for a cookie banner, and naming cookies in one of the editions' words."""
    return word_count(text_key) <= _COOKIE_BANNER_MAX_WORDS and any(
        word in text_key for word in cookie_words
    )


# The end patterns match a mark and the quotes after it at the end: only the last characters
# can hold it, so only those are searched (a search of a whole paragraph tries every period).
_TAIL = 64


def ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text[-_TAIL:]) is not None


def ends_with_question(text: str) -> bool:
    return _QUESTION_END.search(text[-_TAIL:]) is not None


def ends_with_period(text: str) -> bool:
    return _PERIOD_END.search(text[-_TAIL:]) is not None


@lru_cache(maxsize=8192)
def is_prose(text: str) -> bool:
    """Running text: a sentence of some length, or anything long."""
    words = word_count(text)
    return (words >= 8 and ends_sentence(text)) or words >= 25


@lru_cache(maxsize=8192)
def is_short_line(text: str) -> bool:
    """A heading, caption, label or menu entry rather than running text."""
    return not is_prose(text) and not (ends_with_period(text) and word_count(text) >= 4)


def is_duration(text: str) -> bool:
    """Only a running time ("02:23"): a video teaser's last line, its title above it."""
    text = text.strip()
    return len(text) <= 5 and _DURATION_END.fullmatch(text) is not None


# a running time with its unit, as the modern layout writes it (its German strings:
# "${duration} Min."): "02:51 Min.", "02:36 min"
_RUNNING_TIME = re.compile(r"\d{1,2}:\d{2}(?: [^\W\d_]{1,6}\.?)?")


def is_running_time(text: str) -> bool:
    """Only a running time, bare or with a short unit word: a video's or audio's."""
    text = text.strip()
    return len(text) <= _RUNNING_TIME_CHARS and _RUNNING_TIME.fullmatch(text) is not None


_RUNNING_TIME_CHARS = 16


def ends_with_duration(text: str) -> bool:
    """Video and audio teasers end with their running time: "Watch video 02:17"."""
    if not text[-1:].isdigit():
        return False
    return _DURATION_END.search(text[-6:]) is not None


def has_digit(text: str) -> bool:
    """A digit of any script: every date has one."""
    return _DIGIT.search(text) is not None


def has_inner_sentence(text: str) -> bool:
    """A sentence ends inside the text and another starts: two sentences, not one heading."""
    return _INNER_SENTENCE.search(text) is not None


def words_before_digit(text: str) -> int:
    """How many words come before the text's first digit (all of them if it has none)."""
    digit = _DIGIT.search(text)
    return word_count(text[: digit.start()] if digit else text)


_DATE_LINE_CHARS = 100  # six words of a date line are short: a longer line is running text


def is_date_line(text: str, months: Mapping[str, Month] | None = None) -> bool:
    """A dateline under the headline: a date and little else."""
    if len(text) > _DATE_LINE_CHARS or not _FOUR_DIGITS.search(text) or word_count(text) > 6:
        return False  # (every date has a year's four digits, in some script: most lines stop here)
    text = without_direction_marks(text)
    return _DATE_LINE.match(text) is not None or parse_date(text, months) is not None


_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_QUESTION_END = re.compile(r"[?？؟;;፧]\s?[\"'”’“»«)\]」』]*$")
# a month name: letters and the combining marks of Indic scripts ("सितम्बर"), up to a space
_MONTH = r"([^\W\d_][^\s\d.,،]*)"
_DAY_MONTH_YEAR = re.compile(
    rf"(\d(?<!\d\d)\d?)\.?\s+(?:de\s+)?{_MONTH}\.?,?\s+(?:de\s+)?(\d{{4}})"
)
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH}\.?\s+(\d{{1,2}}),?\s+(\d{{4}})")


# Persian order (the first digit before its lookbehind, as _NUMERIC_DATE)
_YEAR_MONTH_DAY = re.compile(rf"(\d(?<!\d\d)\d{{3}})\s+{_MONTH}\s+(\d{{1,2}})(?!\d)")
# Gregorian year minus the Ethiopian (Amete Mihret) one is 7 or 8; convertdate's Coptic calendar
# has the Ethiopian months and days, its years are 276 behind.
_ETHIOPIAN_TO_COPTIC = 276


def _iso(year: int, month: int, day: int, calendar: str = "gregorian") -> str | None:
    try:
        if calendar == "persian":
            from convertdate import persian

            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None
            year, month, day = persian.to_gregorian(year, month, day)
        elif calendar == "ethiopian":
            from convertdate import coptic

            if not (1 <= month <= 13 and 1 <= day <= 30):
                return None
            year, month, day = coptic.to_gregorian(year - _ETHIOPIAN_TO_COPTIC, month, day)
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def without_direction_marks(text: str) -> str:
    """The text without right-to-left and left-to-right marks, which an Arabic edition sets
    between a date's parts ("١٧\u200f/٨\u200f/٢٠٢٣"): invisible, they keep the parts apart."""
    if text.isascii() or ("\u200f" not in text and "\u200e" not in text):
        return text
    return text.replace("\u200f", "").replace("\u200e", "")


def parse_date(
    text: str, months: Mapping[str, Month] | None = None, *, day_first: bool = False
) -> str | None:
    """The first date in `text` as YYYY-MM-DD: DD.MM.YYYY, ISO, or with a month name.

    `months` maps case-folded month names (any language) to their (calendar, number): a Solar
    Hijri or Ethiopian date is converted to the Gregorian one. Digits of any script count
    (Python's `int` reads Persian, Arabic-Indic and Devanagari digits alike). A slashed date
    both ways valid ("12/03/2024") reads month first unless `day_first` (the edition's way).
    """
    if _FOUR_DIGITS.search(text) is None:
        return None  # no year: none of the forms below
    text = without_direction_marks(text)
    match = _ISO_DATE.search(text)
    if match and (found := _iso(int(match[1]), int(match[2]), int(match[3]))):
        return found
    if months and "/" in text and (found := _glued_year_first(text, months)):
        return found
    match = _US_DATE.search(text)
    if match:
        # The modern layout glues the long form to the numeric date ("21/11/202321 de novembro
        # de 2023"): the month's name says which number is the day. Without it: DW's English
        # sites print 03/14/2024; the others (pt-BR, es, fr …) 21/11/2023, the caller says.
        first, second, year = (int(g) for g in match.groups())
        if months and (found := _named_month_date(text[match.end() :], months)):
            return found
        if day_first:
            first, second = second, first
        if found := _iso(year, first, second) or _iso(year, second, first):
            return found
    match = _CJK_DATE.search(text)
    if match and (found := _iso(int(match[1]), int(match[2]), int(match[3]))):
        return found
    match = _NUMERIC_DATE.search(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if found := _iso(year, month, day):
            return found
    return _named_month_date(text, months) if months else None


# a year-first short date ("2024/2/6", "۱۴۰۲/۸/۲۷") with the long form glued to its day
_YEAR_FIRST = re.compile(r"(\d(?<!\d\d)\d{3})/(\d{1,2})/(?=\d)")


def _glued_year_first(text: str, months: Mapping[str, Month]) -> str | None:
    """The modern header's short date glued to its long form, year first (html2text prints
    the two spans as one: "2024/2/66 فبراير 2024", "۱۴۰۲/۸/۲۷۱۴۰۲ آبان ۲۷"): the short date's
    day is one digit or two, and the long form after it says which (and its calendar)."""
    for match in _YEAR_FIRST.finditer(text):
        rest = text[match.end() :]
        for length in (1, 2):
            if rest[length : length + 1].isdigit() and (
                found := _named_month_date(rest[length:], months)
            ):
                return found
    return None


# the orders a date with a month's name is written in: (pattern, group of the day, of the month
# name, of the year)
_NAMED_MONTH_DATES = (
    (_DAY_MONTH_YEAR, 1, 2, 3),
    (_MONTH_DAY_YEAR, 2, 1, 3),
    (_YEAR_MONTH_DAY, 3, 2, 1),
)


def _named_month_date(text: str, months: Mapping[str, Month]) -> str | None:
    """The first date with a month's name: "21 de novembro de 2023", "March 14, 2024"."""
    for pattern, d, m, y in _NAMED_MONTH_DATES:
        for match in pattern.finditer(text):
            name = months.get(match.group(m).casefold())
            if name and (found := _iso(int(match.group(y)), name[1], int(match.group(d)), name[0])):
                return found
    return None


_LETTERS = re.compile(r"[^\W\d_]+")


def is_date_shaped(text: str, common_words: Container[str]) -> bool:
    """A date whose month name no table knows ("ማክሰኞ፣ ጳጉሜን 2 2013", "18 kwietnia 2013"): a
    day, a word of three letters or more that is no common word, and a year, with at most one
    word beside them (the weekday, a label glued on). Not a date to read, but a date line's
    place: the headline is above it, never it."""
    if word_count(text) > 6:
        return False
    for pattern, d, m, y in _NAMED_MONTH_DATES:
        match = pattern.search(text)
        if match is None:
            continue
        month = match.group(m)
        if len(month) < 3 or month.casefold() in common_words:
            continue
        if not (1 <= int(match.group(d)) <= 31 and 1000 <= int(match.group(y)) <= 2999):
            continue
        beside = text[: match.start()] + " " + text[match.end() :]
        if len(_LETTERS.findall(beside)) <= 1:
            return True
    return False


# a word: \w takes no combining mark, and Indic scripts write their vowels as marks ("रानी"
# would fall apart into "र", "न"); the marks of the scripts DW writes in are added
_TOKEN = re.compile(r"[\w\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0dff]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def skips_to(line_key: str, next_key: str) -> bool:
    """The line is a skip link to the section that follows ("Skip next section About the
    show" / "About the show", "Sonraki bölümü atla: İlgili konular" / "İlgili konular"): three
    words or more, then the next line's text. DW's modern layout prints one before each box
    after the article, in every edition's words. (A gallery picture's alt text may hold its
    title inside, "Deutschland Nordsee Leuchtturm Roter Sand Wesermündung" / "Roter Sand":
    only the end counts.)"""
    # (a Chinese one is written without spaces: "跳过下一部分 相关主题", its characters count)
    return (
        bool(next_key)
        and line_key.endswith(" " + next_key)
        and word_count(line_key[: -len(next_key)]) >= 3
    )
