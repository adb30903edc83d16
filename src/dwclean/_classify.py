"""Classify stage: what kind of page the candidates come from (contract: `page_type`).

Runs between parse and strip, on the candidate sequence of any front-end. The evidence is DW's
templates (rules/page_types.toml: a tag archive's header, a ticker's header, an embedded player's
notice, a live ticker's banner) and the page's shape once furniture is set aside:
- a gallery is a headline, its intro, then per picture a short title and one description;
- an index lists teasers of other articles: newspaper-length headlines, each with one paragraph
  (or a teaser picture's label glued to it), and no article text of its own.
Everything else is an article. What each type means for the output is in `_page_types.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from ._marks import TITLE_LINE_REACH, title_line_match
from ._model import Candidate, Hint, PageType
from ._page import is_info_box_date
from ._pictures import glued_under, is_credit_line, is_credited_text
from ._rules import Rules, candidate_key, heading_key, key, unnumbered
from ._text import (
    ends_sentence,
    ends_with_question,
    has_digit,
    is_date_line,
    is_duration,
    is_prose,
    names_cookies,
    skips_to,
    word_count,
    words_before_digit,
)

_HEADING_MAX_WORDS = 16


def median(values: list[int]) -> float:
    """The median (statistics.median; its module costs milliseconds to import at every start)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _is_furniture(candidate: Candidate, text_key: str, rules: Rules) -> bool:
    if candidate.hints & (Hint.DEBRIS | Hint.LIST_ITEM | Hint.IMAGE_ALT):
        return True
    return unnumbered(text_key) in rules.furniture_lines


def _shape(candidate: Candidate, rules: Rules) -> str:
    """P: running text; H: a title-like line; O: anything else (a date, a credit, a label, a
    speaker's name before a quote "Ai Weiwei:", a source after one "(Die Welt)")."""
    text = candidate.text
    if candidate.hints & Hint.PARAGRAPH or is_prose(text):
        return "P"
    words = word_count(text)
    if text.endswith((":", "：")) or (text.startswith("(") and text.endswith(")")):
        return "O"
    credit = rules.find_credit(text)
    if candidate.credit or credit:
        # a picture's caption or credit; a gallery picture's text, with its credit glued on
        caption = text[: credit.start()] if credit else text
        return "P" if credit and credit.start() and is_prose(caption) else "O"
    if ends_with_question(text):
        return "O"  # an interview's question
    if candidate.hints & Hint.HEADING or (
        1 <= words <= _HEADING_MAX_WORDS and not ends_sentence(text)
    ):
        return "H"
    if words >= 6 and ends_sentence(text):
        return "P"
    return "O"


def _teasers(items: list[Candidate], rules: Rules) -> tuple[list[Candidate], int]:
    """The (heading, one paragraph) pairs after the first paragraph, and how many paragraphs
    follow another paragraph there (article text has those; listings and galleries do not)."""
    shapes = [_shape(c, rules) for c in items]
    if "P" in shapes[:-2] and shapes[-2] == "H" and _cut_text(items[-1].text, rules):
        shapes[-1] = "P"  # under its heading, a description cut by the dump's end
    first = shapes.index("P") if "P" in shapes else len(shapes)
    if 0 < first < len(items) and rules.page_types.teaser_prefix.search(items[first].text):
        first -= 1  # the first paragraph is a teaser too (its picture's label glued to it)
    headings: dict[str, Candidate] = {}  # distinct: a menu printed twice is not a listing
    running = 0
    for i in range(first + 1, len(items)):
        if shapes[i] != "P":
            continue
        if shapes[i - 1] == "H" and (i + 1 == len(items) or shapes[i + 1] != "P"):
            headings.setdefault(key(items[i - 1].text), items[i - 1])
        elif shapes[i - 1] == "P" and i + 1 < len(items):
            running += 1  # (not the last line: a footer's or a cut page's)
    return list(headings.values()), running


def _with_bulleted_alts(
    candidates: list[Candidate], keys: list[str], rules: Rules
) -> list[Candidate]:
    """The page's items, each teaser's alt text kept where lynx prints it as a list item
    ("  • Kenia Nairobi Noa Bongo Hörspiel Aufnahme (DW/J. Mwangi)", as the real Wayback
    Learning by Ear section page does)."""
    return [
        c
        for c, text_key in zip(candidates, keys, strict=True)
        if c.text
        and (
            not _is_furniture(c, text_key, rules)
            or (c.hints & Hint.LIST_ITEM and rules.agency_credit.search(c.text) is not None)
        )
    ]


_DIGITS = re.compile(r"\d+")


def _series_teasers(items: list[Candidate]) -> int:
    """The most paragraphs that read the same but for their digits: the teasers of one series
    of items ("Trainieren Sie Ihr Hörverstehen mit den Nachrichten … vom 20.01.2012 …", a
    listing of news bulletins). An article never says one sentence four times over."""
    counts = Counter(_DIGITS.sub("#", c.text) for c in items if is_prose(c.text))
    return max(counts.values(), default=0)


def _pictured(items: list[Candidate], rules: Rules) -> int:
    """How many teasers (a headline over one paragraph) stand right under an alt text with its
    agency's credit (the last paragraph may be one the dump cuts)."""
    return sum(1 for i in range(len(items) - 2) if _pictured_teaser(items, i, rules))


def _pictured_teaser(items: list[Candidate], index: int, rules: Rules) -> bool:
    """An alt text with its agency's credit at `index`, a headline under it, (its date,) and
    one paragraph (or the text the dump cuts)."""
    last = len(items) - 1
    if index + 2 > last or not rules.agency_credit.search(items[index].text):
        return False
    if _shape(items[index + 1], rules) != "H":
        return False
    text = index + 2
    if text < last and is_date_line(items[text].text, rules.months):
        text += 1  # "Охрид очекува рекордна туристичка сезона" / "15.03.2018"
    return _shape(items[text], rules) == "P" or (
        text == last and _cut_text(items[last].text, rules)
    )


def _cut_text(text: str, rules: Rules) -> bool:
    """The page's last line may be text the dump cut mid-sentence, unless it is a footer."""
    return not ends_sentence(text) and not rules.global_debris(text)


def _gallery_frame(
    candidates: list[Candidate], keys: list[str], rules: Rules, pictures: int
) -> bool:
    """Where a gallery's shape is a gallery: a bare copy of one (mirrors print no DW page
    furniture), the modern layout's, where each of the `pictures` texts has its credit glued
    on, or the old layout's, whose gallery name comes again before every picture. On a page
    with DW's skip links, no credits and no repeated name, short headings each over one
    paragraph are an article's (a press review: a newspaper's name, what it wrote)."""
    if not any(k in rules.skip_links for k in keys):
        return True
    if _credited_pictures(candidates, rules, pictures):
        return True
    return _repeated_name(keys, [c.text for c in candidates], rules) is not None


def _credited_pictures(candidates: list[Candidate], rules: Rules, pictures: int) -> bool:
    """Each of the `pictures` has its credit, glued to its text or on a line of its own (AMP:
    before its title); the dump's end may cut the last picture before its credit."""
    credited = sum(
        1
        for above, c in zip([None, *candidates[:-1]], candidates, strict=True)
        if is_credited_text(c.text, rules)
        or (is_credit_line(c.text, rules) and not _under_alt_text(above, c))
    )
    return credited >= max(pictures, rules.page_types.gallery_min_pictures) - 1


def _under_alt_text(above: Candidate | None, credit: Candidate) -> bool:
    """A credit line glued under a short line that is no running text: a picture of the
    article's own (its alt text, then its credit), not a gallery's picture, whose credit
    follows its description or stands before its title (AMP)."""
    return above is not None and glued_under(above, credit) and not is_prose(above.text)


_LIVE_MIN_CLOCK_TIMES = 3  # bare times of day: a video's running time looks the same
_LIVE_TIME_MAX_CHARS = 24  # "il y a 12 minutes": longer lines are no entry's time
_INFO_BOX_DATE_MAX_CHARS = 60  # "Datum 20.04.2018": a label of three words at most, a date
_HEADER_REACH = 6  # the kicker, headline and byline above the date line
_DATE_WORDS_BEFORE_DAY = 2  # "Tuesday, March 14, 2024"; a teaser's title before its date: more
_ITEM_LEAD_MIN_WORDS = 12


def _before_info_box(items: list[Candidate], rules: Rules) -> list[Candidate]:
    """The old layout's item text ends at its info box ("Date 20.04.2018", after running text):
    the teasers in the sidebar below are other items', whatever their shape."""
    seen_text = False
    for index, candidate in enumerate(items):
        text = candidate.text
        short_with_digit = len(text) <= _INFO_BOX_DATE_MAX_CHARS and has_digit(text)
        if seen_text and short_with_digit and is_info_box_date(text, rules):
            return items[:index]
        seen_text = seen_text or is_prose(text)
    return items


def _item_header(items: list[Candidate], rules: Rules) -> bool:
    """An item's header at the page's top: a headline, (a byline,) its date line, then the
    lead. A listing prints dates under its teasers, never a date line over running text
    right under its heading: a video's or audio's description followed by the teasers of
    related items is an item page, however much those teasers look like a listing."""
    for index in range(min(_HEADER_REACH, len(items) - 2)):
        if any(_pictured_teaser(items, above, rules) for above in range(index - 2)):
            return False  # a listing's teaser above it: the page's own header comes first
        headline, date_line = items[index].text, items[index + 1].text
        # (a headline may ask a question in a sentence: "¿Por qué las cigüeñas …?")
        prose = is_prose(headline) and not ends_with_question(headline)
        if prose or not is_date_line(date_line, rules.months):
            continue
        if words_before_digit(date_line) > _DATE_WORDS_BEFORE_DAY:
            continue  # "Поплаве: Обреновац под водом 17.05.2014": a teaser's title and date
        lead = items[index + 2].text
        return is_prose(lead) and word_count(lead) >= _ITEM_LEAD_MIN_WORDS
    return False


def _dated_title_line(candidates: list[Candidate], rules: Rules) -> bool:
    """The old layout's browser title line names an item with its date ("Headline | Section |
    DW | 10.08.2021"); a section or topic page's names no date."""
    return any(title_line_match(c.text, rules) for c in candidates[:TITLE_LINE_REACH])


def _repeated_name(names: list[str], texts: list[str], rules: Rules) -> str | None:
    """The gallery name a page repeats before every picture: of the lines of a headline's
    length (`texts`), the one (as `names` gives it) repeated most, if often enough."""
    counts = Counter(names)
    least = rules.gallery_min_repeats
    # only a name repeated often enough needs its words counted (most lines come once)
    often = {n for n, count in counts.items() if count >= least}
    if not often:
        return None
    # (pictures by one photographer repeat their credit line, "Image: Steffen Kurz/DW": no name)
    eligible = {
        n
        for n, t in zip(names, texts, strict=True)
        if n in often and 3 <= word_count(t) <= 20 and not is_credit_line(t, rules)
    }
    if not eligible:
        return None
    return max((counts[n], n) for n in eligible)[1]


def _named_gallery(items: list[Candidate], rules: Rules) -> bool | None:
    """An old-layout gallery page: the gallery's name comes again before every picture and,
    the first time, as the headline over the gallery's intro (True). A section page's
    slideshow module repeats its name the same way but has no intro under it (False: the
    page lists it). None when no name is repeated."""
    texts = [c.text for c in items]  # (the name is printed the same way every time)
    name = _repeated_name(texts, texts, rules)
    if name is None:
        return None
    intro = texts.index(name) + 1
    return intro < len(items) and is_prose(texts[intro]) and intro < texts.index(name, intro)


def _dated_teasers(items: list[Candidate], rules: Rules) -> int:
    """Teaser cards on a modern listing: a teaser text, then its date line. An article prints
    one date line, in its header, above its lead; the cards of its related-content section
    ("Mehr zum Thema", after "Ähnliche Themen" or the feedback box) come after an end marker
    and do not count."""
    dated = [  # only a date ("14/02/2024"), not a teaser's "Title 24.04.2023"
        i
        for i in range(1, len(items))
        if items[i].text[:1].isdigit() and is_date_line(items[i].text, rules.months)
    ]
    if not dated:
        return 0
    end = _end_marker(items, rules)
    return sum(1 for i in dated if i < end and _shape(items[i - 1], rules) == "P")


def _end_marker(items: list[Candidate], rules: Rules) -> int:
    """Where the first sidebar heading after running text is (the article's end), or the end:
    a heading the tables know, or, after an article's paragraphs (two at least: a programme
    page's one blurb stands over the listing it skips to), a skip link to the next section in
    any edition's words."""
    paragraphs = 0
    keys = [candidate_key(c.text) for c in items]
    for index, text_key in enumerate(keys):
        if paragraphs and heading_key(text_key) in rules.end_markers:
            return index
        if paragraphs >= 2 and index + 1 < len(keys) and skips_to(text_key, keys[index + 1]):
            return index
        paragraphs += is_prose(items[index].text)
    return len(items)


def by_url(url: str | None, candidates: list[Candidate], rules: Rules) -> PageType | None:
    """The kind of item DW's URL names (/video-123, /g-123, /s-123 …), when the URL is known."""
    if not url:
        return None
    for kind, pattern in rules.page_types.by_url:
        if pattern.search(url):
            page_type = PageType(kind)
            if page_type is PageType.VIDEO:  # an /av- item: its player tells audio from video
                players = (
                    c.text for c in candidates if rules.page_types.player_markers.search(c.text)
                )
                return _player_type(next(players, ""))
            return page_type
    return None


def classify(
    candidates: list[Candidate],
    rules: Rules,
    url: str | None = None,
    keys: list[str] | None = None,
) -> PageType:
    """The page type of a candidate sequence (a feed view is recognised by its front-end): by
    the URL where it names the item's kind, else by DW's template strings and the shape.
    `keys` are the candidates' rule keys when the caller has them already."""
    known = by_url(url, candidates, rules)
    if known is not None:
        return known
    keys = keys if keys is not None else [key(c.text) for c in candidates]
    types = rules.page_types
    items = _before_info_box(
        [
            c
            for c, text_key in zip(candidates, keys, strict=True)
            if c.text and not _is_furniture(c, text_key, rules)
        ],
        rules,
    )
    if any(types.index_markers.search(c.text) for c in items):
        return PageType.INDEX
    named = _named_gallery(items, rules)
    if named:
        return PageType.GALLERY
    # an item's own header: teasers after its text are its related items, not a listing
    listing = not (_item_header(items, rules) or _dated_title_line(candidates, rules))
    headings, running = _teasers(items, rules)
    if listing and named is False and running == 0:
        return PageType.INDEX  # a section page's slideshow module: a gallery's teaser
    pictures_labelled = sum(1 for c in items if types.teaser_prefix.search(c.text))
    if listing and pictures_labelled >= 2 and running <= 1:
        return PageType.INDEX
    if (
        listing
        and running == 0
        and _pictured(_with_bulleted_alts(candidates, keys, rules), rules)
        >= types.min_pictured_teasers
    ):
        return PageType.INDEX  # old-layout teasers, each under its picture's alt text
    dated = sum(1 for c in candidates if types.dated_teaser.search(c.text))
    if listing and dated >= types.min_teasers and running == 0 and len(headings) <= 1:
        return PageType.INDEX  # teasers with their dates, and no article text around them
    if listing and _dated_teasers(items, rules) >= types.min_dated_cards:
        return PageType.INDEX
    if running <= 1 and _series_teasers(items) >= types.min_teasers:
        # one series' items, each teased in the same words (the first with its date looks
        # like an item's own header, so this is asked whatever the top looks like; an
        # article's paragraphs follow each other, a listing's teasers do not)
        return PageType.INDEX
    if len(headings) >= min(types.min_teasers, types.gallery_min_pictures) and running == 0:
        lengths = [word_count(h.text) for h in headings]
        # every text with its picture's credit: a gallery's pictures, never a listing's teasers
        credited = _credited_pictures(candidates, rules, len(headings))
        if (
            listing
            and not credited
            and len(headings) >= types.min_teasers
            and median(lengths) >= types.min_headline_words
        ):
            return PageType.INDEX
        # (picture titles are short, teasers' headlines longer; where every picture's text
        # carries its credit, a longer title is a picture's too: "Parque de Muskau, en la
        # frontera con Polonia")
        if (
            len(headings) >= types.gallery_min_pictures
            and (median(lengths) <= types.gallery_max_title_words or credited)
            and _gallery_frame(candidates, keys, rules, len(headings))
        ):
            return PageType.GALLERY
    if any(types.live_markers.search(c.text) for c in items):
        return PageType.LIVE
    times = (c for c in items if len(c.text) <= _LIVE_TIME_MAX_CHARS)
    if any(types.live_times.match(c.text) for c in times):
        # entries under their times: "12 minutes ago", "1 hour ago" (no article prints a time
        # relative to the reader's on a line of its own; an excerpt may hold one entry)
        return PageType.LIVE
    if (
        _descending_clock_times(items) >= _LIVE_MIN_CLOCK_TIMES
        or _entry_permalink(items)
        or _entry_under_time(items, rules)
        or _glued_entry_times(items)
    ):
        return PageType.LIVE  # entries under their times of day, the latest first: "18:42"
    if bare_media_item(candidates, keys, rules):
        return PageType.VIDEO
    return _player_page(candidates, keys, rules) or PageType.ARTICLE


def _descending_clock_times(items: list[Candidate]) -> int:
    """How many lines in a row are only a time of day, each earlier than the one before (a
    live blog's entries, newest first), in a run that reaches the day's hours. A listing's
    video running times ("03:12", "02:51", "02:05") may fall in a row too, but stay under
    ten minutes: read as times, all before ten in the morning."""
    longest = run = 0
    last: int | None = None
    daytime = False  # the run holds a time from ten o'clock on
    for _, hours, minutes in _clock_times(items):
        now = hours * 60 + minutes
        descending = hours < 24 and last is not None and now < last
        run, daytime = (run + 1, daytime) if descending else (1, False)
        daytime = daytime or _DAYTIME_HOUR <= hours < 24
        last = now if hours < 24 else None
        if daytime:
            longest = max(longest, run)
    return longest


_DAYTIME_HOUR = 10


def _clock_times(items: list[Candidate]) -> list[tuple[int, int, int]]:
    """The lines that are only a time ("18:42", "02:17"): (place, hours, minutes)."""
    times = []
    for index, candidate in enumerate(items):
        if is_duration(candidate.text):
            hours, minutes = candidate.text.strip().split(":")
            times.append((index, int(hours), int(minutes)))
    return times


def _daytime_times(items: list[Candidate]) -> list[tuple[int, int]]:
    """The lines that are only a time of day from ten o'clock on: (place, minutes since
    midnight). A video's running time, under ten minutes, reads as an earlier hour."""
    return [
        (i, hours * 60 + minutes)
        for i, hours, minutes in _clock_times(items)
        if _DAYTIME_HOUR <= hours < 24
    ]


def _entry_permalink(items: list[Candidate]) -> bool:
    """Two entries under their times of day, the latest first, with the first one's own
    permalink between them ("16:05" … "https://p.dw.com/p/4mkZN" … "11:32"): a live blog's,
    however few entries an excerpt holds (an article's permalink stands in its header)."""
    times = _daytime_times(items)
    return any(
        later > earlier and any("p.dw.com/p/" in items[k].text for k in range(first + 1, second))
        for (first, later), (second, earlier) in pairwise(times)
    )


def _entry_under_time(items: list[Candidate], rules: Rules) -> bool:
    """Times of day, each earlier than the one before, the first over an entry's heading and
    its text ("16:05" / "Delhi declaration agreed" / "On the summit's first day …" / "11:20"):
    a live blog's, however few entries an excerpt holds. (A video teaser's running time follows
    its title, never stands over a heading and a paragraph; an account in the day's order is
    an article's.)"""
    times = _daytime_times(items)
    if len(times) < 2 or any(later <= earlier for (_, later), (_, earlier) in pairwise(times)):
        return False
    first, second = times[0][0], times[1][0]
    return (
        first + 2 < second
        and _shape(items[first + 1], rules) == "H"
        and is_prose(items[first + 2].text)
    )


_BARE_MIN_PARAGRAPHS = 4  # the description and three teasers
_TEASER_MAX_CHARS = 300  # a teaser's text; an article's paragraphs run longer


def bare_media_item(candidates: list[Candidate], keys: list[str], rules: Rules) -> bool:
    """An old-layout media item (/av-) stored as its paragraphs only: DW's cookie notice, the
    item's one-paragraph description, then other items' teasers, each of teaser length and
    shape (two sentences or more, no one quoted), with no headline, subhead or picture among
    them (the player's kind is not stored: video, the commoner). A guess from one real page,
    the excerpt dw-de-av-6545284 roettgen. An article stored so has a longer paragraph, a
    one-sentence one or a quote (the written fixtures cw fr and pl, bp en)."""
    banner = next((k for c, k in zip(candidates, keys, strict=True) if c.text), "")
    if not _cookie_notice(banner, rules):  # (most pages: not, found on their first line)
        return False
    texts = [c for c in candidates if c.text]
    if len(texts) <= _BARE_MIN_PARAGRAPHS:
        return False
    description, teasers = texts[1], texts[2:]
    # (the dump's end may cut the last teaser: "… Diesel ist teurer, und di")
    cut = texts[-1] if not ends_sentence(texts[-1].text) else None
    return _teaser_sized(description, rules) and all(
        _teaser_sized(c, rules, cut=c is cut)
        and (c is cut or (_two_sentences().search(c.text) and not _quoted().search(c.text)))
        for c in teasers
    )


@cache
def _quoted() -> re.Pattern[str]:
    # a quotation or a speech dash: an article's paragraph quotes someone, a teaser hardly does
    # (this and the next compiled on first use: asked of a video page only)
    return re.compile(r"[«»“”„\"]|^[–—] ")


@cache
def _two_sentences() -> re.Pattern[str]:
    # a sentence ends and another starts ("… Kreuzfahrtschiffe an. Die Stadt …")
    return re.compile(r"[^\W\d_]{2}[.!?。؟۔।]\s*[^\W\d_]")


def _cookie_notice(text_key: str, rules: Rules) -> bool:
    """DW's cookie notice: an edition's own (the tables), or two sentences naming cookies in
    an edition whose notice no table has ("Utilizamos cookies para mejorar nuestros servicios.
    Encontrará más información …")."""
    if rules.cookie_banners.match(text_key):
        return True
    return (
        names_cookies(text_key, rules.cookie_words)
        and _two_sentences().search(text_key) is not None
    )


def _teaser_sized(candidate: Candidate, rules: Rules, *, cut: bool = False) -> bool:
    text = candidate.text
    return (
        len(text) <= _TEASER_MAX_CHARS
        and (cut or is_prose(text))
        and candidate.credit is None
        and not candidate.hints & (Hint.DEBRIS | Hint.LIST_ITEM | Hint.HEADING | Hint.CAPTION)
        and not rules.find_credit(text)
    )


# an entry's time of day glued to its heading ("17:40总统须在…", "17:05Izlaznost do 16:30 …")
GLUED_ENTRY_TIME = re.compile(r"(\d{1,2}):(\d{2})(?=[^\W\d_])")


def _glued_entry_times(items: list[Candidate]) -> bool:
    """Two headings or more open with a time of day glued to them, the latest first: a live
    page whose renderer glued each entry's time to its heading."""
    times = []
    for candidate in items:
        match = GLUED_ENTRY_TIME.match(candidate.text)
        if match and int(match[1]) < 24 and not is_prose(candidate.text):
            times.append(int(match[1]) * 60 + int(match[2]))
    return len(times) >= 2 and all(a > b for a, b in pairwise(times))


def _player_type(notice: str) -> PageType:
    return PageType.AUDIO if "audio" in notice.casefold() else PageType.VIDEO


def _player_page(candidates: list[Candidate], keys: list[str], rules: Rules) -> PageType | None:
    """A video or audio page opens with its player (notice, running time) before any text;
    an article with an embedded player has it further down."""
    for candidate, text_key in zip(candidates, keys, strict=True):
        text = candidate.text
        if rules.page_types.player_markers.search(text):
            return _player_type(text)
        if is_prose(text) and not _is_furniture(candidate, text_key, rules):
            return None
    return None
