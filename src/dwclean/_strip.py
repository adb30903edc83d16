"""Strip stage: find the article among the candidates and remove everything that is not it.

Works on the common candidate sequence, whatever front-end made it. Three kinds of evidence:
1. rule tables (rules/*.toml): phrases and patterns that are DW furniture on every page;
2. the page's shape: the article runs from its headline to the first sidebar heading, so menus
   before the headline and sidebars after the article go whole, in any language;
3. repetition: a line repeated inside the article is a picture-gallery title.
Every removal records the rule that made it, for `--explain`.
When in doubt a candidate stays: losing article text is worse than keeping a stray line.

The lead and headline are found in `_lead.py`, the header around them (byline, date, section)
is read in `_header.py`, other DW items inside the article (galleries, video and audio boxes)
are removed in `_embedded.py`; here the article's end and tail are found; all work on one
`_page.Page`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ._classify import GLUED_ENTRY_TIME, bare_media_item
from ._embedded import EmbeddedBoxes, EmbeddedGalleries
from ._header import HeaderReader
from ._language import CHINESE_SCRIPTS, detect_language
from ._lead import LeadFinder
from ._marks import MarksReader
from ._model import Candidate, Hint, PageType, Removal
from ._page import NAVIGATION_RULES, Metadata, Page, is_info_box_date
from ._pictures import (
    german_alt_on_other_edition,
    glued_under,
    has_glued_credit,
    in_pages_own_script,
    is_credited_text,
    is_cut_agency_alt,
)
from ._rules import Language, Rules, heading_key
from ._text import (
    ends_sentence,
    ends_with_period,
    has_cjk,
    has_inner_sentence,
    is_prose,
    largely_cjk,
    skips_to,
    tokens,
    word_count,
)

_DEFINITION = re.compile(r"[^–—!?]{1,60} [–—] \S")  # a glossary's "term – explanation"
_CUT_MARKER_MIN_CHARS = 8  # a cut heading this long names one sidebar heading, not a word
# what a dump cut inside a link leaves: "https://p.dw.c", html2text's "[](https://twi", "!["
_CUT_LINK = re.compile(r"(?:https?:/*|www\.)\S*|!?\[[^\]]*(?:\]\(\S*)?")


class Stripped(NamedTuple):
    candidates: list[Candidate]  # the article's candidates, in order, lead first
    metadata: Metadata
    removed: list[Removal]


def language_tables(language: Language | None, rules: Rules) -> list[Language]:
    """The tables that apply: the page's edition, the other editions in its language (their
    pages share boilerplate, and their words tell them apart least), then English, DW's
    lingua franca."""
    chosen = [language] if language else []
    if language is not None:
        chosen.extend(rules.languages[code] for code in rules.sister_editions[language.code])
    english = rules.languages.get("en")
    if english and english not in chosen:
        chosen.append(english)
    return chosen


_ARTICLE_WORDS = 40  # a paragraph this long is the article's (teasers after it are shorter)
_SECTION_LINE_WORDS = 12
_STATEMENT_ITEM_WORDS = 12  # teasers' headlines and menu entries in lists are shorter
_LIST_INTRO_MIN_WORDS = 3  # "Other states did the same:"; a sidebar heading is shorter


class _EndFinder(Page):
    """Where the article ends: the first sidebar heading, box or second copy of the page."""

    def find_end(self, lead: int) -> int:
        markers = self.rules.end_markers
        ends = (i for i in range(lead + 1, len(self.keys)) if heading_key(self.keys[i]) in markers)
        marker = next(ends, len(self.keys))
        for index in range(lead + 1, marker):
            if self.reasons.get(index) in NAVIGATION_RULES:
                return index  # the page's navigation again: an archive's second copy
            if is_info_box_date(
                self.candidates[index].text, self.rules
            ) and not self._long_paragraph_after(index, marker):
                return index
            # (the boxes a skip link skips to come after the item's text, also when one holds
            # a long text: a programme's blurb under a video's description)
            if self._names_next_section(index) and (
                skips_to(self.keys[index], self.keys[index + 1])
                or not self._long_paragraph_after(index, marker)
            ):
                return index
        if marker < len(self.keys):
            return marker
        last = len(self.candidates) - 1
        if last > lead and self._cut_end_marker(self.keys[last]):
            return last
        return len(self.candidates)

    def _cut_end_marker(self, text_key: str) -> bool:
        """The dump's last line is a sidebar heading the dump's end cut ("DW recommend")."""
        if len(text_key) < _CUT_MARKER_MIN_CHARS or " " not in text_key:
            return False
        return any(marker.startswith(text_key) for marker in self.rules.end_markers)

    def _long_paragraph_after(self, index: int, marker: int) -> bool:
        """A paragraph of the article's length comes after the line, before the sidebar heading
        that ends the article at the latest (the texts of related items after it do not count)."""
        if self._last_long is None:  # found once: asked for many lines, it stays linear
            self._last_long = max(
                (i for i in range(marker) if word_count(self.candidates[i].text) >= _ARTICLE_WORDS),
                default=-1,
            )
        return self._last_long > index

    def _names_next_section(self, index: int) -> bool:
        """The modern layout's boxes after the article, in any edition's words: a box heading
        and its button ("Send us your feedback!" / "Your feedback"), a skip link and the
        section it skips ("Skip next section Related topics" / "Related topics"): a short line
        that holds the next one whole. Only after the article's last long paragraph."""
        following = index + 1
        if following >= len(self.candidates) or not self.alive(following):
            return False
        if self.candidates[following].hints & Hint.PARAGRAPH:
            return False  # text the front-end knows (a table's first row), not a section's name
        line, section = self.keys[index], self.keys[following]
        if section not in line:
            return False
        words, section_words = word_count(line), word_count(section)
        if not 2 <= section_words < words <= _SECTION_LINE_WORDS:
            return False
        heading = line.rstrip("!.:！：")
        # a whole word of the line; in Chinese, written without spaces, its start or end
        whole = f" {section} " in f" {heading} " or (
            has_cjk(section) and (heading.endswith(section) or heading.startswith(section))
        )
        # a gallery picture's alt text names its title on the next line ("Chile Valparaiso Haus
        # La Sebastiana" / "La Sebastiana"), and the picture's credited text follows (or the
        # text the dump cuts)
        text = following + 1
        picture = (
            self.page_type is PageType.GALLERY
            and text < len(self.candidates)
            and (_has_credit(self.candidates[text], self.rules) or text == len(self.candidates) - 1)
        )
        return whole and not picture and not is_prose(self.candidates[index].text)


class _BodyCleaner(Page):
    """What inside the article is not article text (chrome, its tail, a cut line's kind)."""

    def remove_other_script_chrome(self) -> None:
        """A mirror run from China wraps pages of every edition in its own Chinese lines
        (notices, menus, footer): on a page in another script they are no article text."""
        for index, candidate in enumerate(self.candidates):
            if largely_cjk(candidate.text):
                self.remove(index, "mirror chrome in another script")

    def remove_tail(self, lead: int, end: int) -> int:
        """After the last paragraph, short lines are teaser and share-box furniture.

        A finished sentence there (a closing quote, a one-line paragraph) is article text, and
        so is a picture box (a line with a credit, and the line glued above a credit line).
        """
        last = lead
        for index in range(lead, end):
            if self.alive(index) and self._paragraph_like(index):
                last = index
        if self._cut_list_under(last, end):
            return last
        subhead = self._heading_over_cut_picture(last, end)
        for index in range(last + 1, end):
            if index == subhead:
                continue
            if not _has_credit(self.candidates[index], self.rules) and not (
                index + 1 < end
                and _has_credit(self.candidates[index + 1], self.rules)
                and not self.candidates[index + 1].gap_before
            ):
                self.remove(index, "after the last paragraph")
        return last

    def _cut_list_under(self, last: int, end: int) -> bool:
        """Only list items follow the last paragraph, right under it, and the dump's end cuts
        the list: the article's own list (a goal list, a fact list) the cut stopped in. A
        teaser list stands under its heading, after the article's end."""
        items = [i for i in range(last + 1, end) if self.alive(i)]
        return (
            len(items) >= 2  # a list (one bulleted line may be a slideshow's alt text)
            and end == len(self.candidates)
            and items[-1] == end - 1
            and all(self.candidates[i].hints & Hint.LIST_ITEM for i in items)
            and not ends_sentence(self.candidates[end - 1].text)
        )

    def _heading_over_cut_picture(self, last: int, end: int) -> int | None:
        """One short line, then a picture's caption the dump's end cuts (its alt text may be
        glued above it), and nothing else after the last paragraph: the line is a subhead the
        article went on under (a sidebar's heading is in the end markers, before it). Its
        index, or None."""
        tail = [i for i in range(last + 1, end) if self.alive(i)]
        if len(tail) == 3 and glued_under(*(self.candidates[i] for i in tail[1:])):
            del tail[1]  # (the alt text glued over the caption goes in segment)
        if len(tail) != 2 or end < len(self.candidates) or tail[1] != end - 1:
            return None
        heading, picture = (self.candidates[i] for i in tail)
        if (
            _has_credit(heading, self.rules)
            or heading.hints & Hint.LIST_ITEM
            or is_prose(heading.text)
            or word_count(heading.text) > _SECTION_LINE_WORDS
            or not _has_credit(picture, self.rules)
            or not self._in_pages_language(heading.text)
        ):
            return None
        return tail[0]

    def _german_on_other_edition(self, text: str) -> bool:
        # (a gallery's cut title may be a German place: "Freiburg im Breis")
        return self.page_type is not PageType.GALLERY and german_alt_on_other_edition(
            text, self.meta.language, self.rules
        )

    def _in_pages_language(self, text: str) -> bool:
        """The line has a small word of the page's language, or is written in the page's script
        where that is not Latin: a subhead, not a picture's German alt text on another edition
        ("Deutschland Biber an der Oder" on a Polish page)."""
        language = self.meta.language
        return language is not None and (
            not language.stopwords.isdisjoint(tokens(text))
            or in_pages_own_script(text, language.script)
        )

    def mark_cut_paragraph(self, lead: int, end: int) -> None:
        """A dump that stops mid-text (a crawler's or an archive's cut) never reached a sidebar
        or footer: its last line, unfinished and close after the article's last paragraph, is
        the cut paragraph, whatever its length ("Das w")."""
        alive = [i for i in range(lead + 1, end) if self.alive(i)]
        if end < len(self.candidates) or not alive:
            return
        last = alive[-1]
        candidate = self.candidates[last]
        if _CUT_LINK.fullmatch(candidate.text):
            self.remove(last, "link cut by the dump's end")
            return
        if candidate.hints & Hint.LIST_ITEM and len(alive) > 1:
            previous = alive[-2]  # a list of article text, cut in its next item
            if self.candidates[previous].hints & Hint.LIST_ITEM and self._paragraph_like(previous):
                candidate.hints |= Hint.PARAGRAPH
        # (a live entry's heading, known by the time above it, may be cut too: it stays one)
        entry_heading = self.page_type is PageType.LIVE and not candidate.hints & Hint.LIST_ITEM
        if ends_sentence(candidate.text) or (
            candidate.hints & (Hint.HEADING | Hint.LIST_ITEM) and not entry_heading
        ):
            return
        if has_glued_credit(candidate, self.rules):
            return  # a caption cut in its credit: segment splits the credit off
        label = self.rules.bare_credit_label.search(candidate.text)
        if label is not None and not candidate.hints & Hint.PARAGRAPH:
            # cut right after its credit's label: the caption, with what is left of its credit
            text, credit = candidate.text[: label.start()], label.group(0).lstrip()
            candidate.text, candidate.credit = text, credit
            candidate.hints |= Hint.CAPTION
            return
        if self.rules.bylines.editor_label.match(candidate.text):
            # the article's sign-off ("Revisão: Marta Lin…"), as the tail removes it uncut
            self.remove(last, "editor line (cut by the dump's end)")
            return
        if is_cut_agency_alt(candidate.text, self.rules) or self._german_on_other_edition(
            candidate.text
        ):
            self.remove(last, "image alt text (cut by the dump's end)")
            return
        paragraphs = [i for i in alive[:-1] if self._paragraph_like(i)]
        since = len(alive) - 1 - (alive.index(paragraphs[-1]) if paragraphs else -1) - 1
        if since <= 3:
            candidate.hints |= Hint.PARAGRAPH

    def cut_glued_entry_times(self, lead: int, end: int) -> None:
        """A live entry's time glued to its heading ("17:40总统须在…") is the entry's
        timestamp, not its heading's text."""
        for index in range(lead + 1, end):
            text = self.candidates[index].text
            match = GLUED_ENTRY_TIME.match(text)
            if match and self.alive(index) and not is_prose(text):
                self.cut_prefix(index, match.end(), "live entry time")

    def _paragraph_like(self, index: int) -> bool:
        candidate = self.candidates[index]
        text = candidate.text
        if candidate.hints & Hint.LIST_ITEM:  # a sentence of its own, or under one
            prose = bool(candidate.hints & Hint.PARAGRAPH) or is_prose(text)
            return prose or _statement_item(text) or self._in_introduced_list(index)
        return bool(
            candidate.hints & Hint.PARAGRAPH
            or is_prose(text)
            or (ends_with_period(text) and word_count(text) >= 3)
            or self._introduces_list(index)
            or (self.page_type is PageType.GALLERY and is_credited_text(text, self.rules))
            or self._in_glossary(index)
        )

    def mark_glossary(self, lead: int, end: int) -> None:
        """A vocabulary list's entries are paragraphs of the lesson, however short."""
        for index in range(lead + 1, end):
            if self.alive(index) and self._in_glossary(index):
                self.candidates[index].hints |= Hint.PARAGRAPH

    def _in_glossary(self, index: int) -> bool:
        """A vocabulary list (DW's German courses: "Lastenrad, -räder (n.) – ein Fahrrad …"):
        three or more lines in a row, each a term, a dash and its explanation."""
        if not _DEFINITION.match(self.candidates[index].text):
            return False
        run = [i for i in range(index - 2, index + 3) if 0 <= i < len(self.candidates)]
        return sum(1 for i in run if _DEFINITION.match(self.candidates[i].text)) >= 3

    def _introduces_list(self, index: int) -> bool:
        """A sentence that ends in a colon with a list right under it ("Other states did the
        same:"), or runs on into it ("… Wer sich bewerben will, muss" / "• … besitzen,"):
        article text, as its list is; a sidebar's heading has no colon and no sentence."""
        text = self.candidates[index].text
        following = index + 1
        runs_on = has_inner_sentence(text) and not ends_sentence(text)
        return (
            (text.endswith((":", "：")) or runs_on)
            and word_count(text) >= _LIST_INTRO_MIN_WORDS
            and following < len(self.candidates)
            and bool(self.candidates[following].hints & Hint.LIST_ITEM)
        )

    def _in_introduced_list(self, index: int) -> bool:
        """A list item under such a sentence (other items between them)."""
        while index > 0 and self.candidates[index].hints & Hint.LIST_ITEM:
            index -= 1
        return self._introduces_list(index)


def _has_credit(candidate: Candidate, rules: Rules) -> bool:
    return candidate.credit is not None or bool(rules.find_credit(candidate.text))


def _statement_item(text: str) -> bool:
    """A list item as long as a sentence: a fact box's statement, never a link list's headline
    or menu entry (no labelled list item of furniture runs this long, except an old alt text
    with its credit in parentheses)."""
    return word_count(text) >= _STATEMENT_ITEM_WORDS and not text.endswith(")")


class _Stripper(
    LeadFinder,
    HeaderReader,
    MarksReader,
    EmbeddedGalleries,
    EmbeddedBoxes,
    _EndFinder,
    _BodyCleaner,
):
    """One page, read (header) and cleaned (body)."""


def strip(
    candidates: list[Candidate],
    rules: Rules,
    metadata: Metadata | None = None,
    page_type: PageType = PageType.ARTICLE,
    keys: list[str] | None = None,
) -> Stripped:
    """Keep the article's candidates; record every other one with the rule that removed it.
    `keys` are the candidates' rule keys when the caller has them already."""
    meta = metadata or Metadata()
    stripper = _Stripper(candidates, rules, meta, keys)
    stripper.page_type = page_type
    stripper.read_archive_url()
    stripper.remove_archive_toolbar()
    stripper.read_title_line()
    stripper.read_layout()
    if meta.language is None:
        # (boilerplate in running-text shape, "You need to enable JavaScript to run this
        # app.", is the same on every edition: it votes as a line, not as text)
        prose = (
            c.text
            for c, text_key in zip(candidates, stripper.keys, strict=True)
            if is_prose(c.text) and text_key not in rules.debris_lines
        )
        meta.language = detect_language(prose, rules, frozenset(stripper.keys))
    tables = language_tables(meta.language, rules)
    stripper.apply_rules(tables)
    if meta.language is not None and meta.language.script not in CHINESE_SCRIPTS:
        stripper.remove_other_script_chrome()
    bare = page_type is PageType.VIDEO and bare_media_item(candidates, stripper.keys, rules)
    if bare:  # (its cookie notice may be in words no table has)
        stripper.remove(next(i for i, c in enumerate(candidates) if c.text), "cookie banner")
    lead = stripper.find_lead()
    stripper.read_glued_date(lead)
    title = stripper.find_title(lead)
    if title is not None:
        meta.title = candidates[title].text if not meta.title else meta.title
        # Prefer the headline as printed in the article over the page title line's copy.
        if tokens(candidates[title].text) == tokens(meta.title or ""):
            meta.title = candidates[title].text
        if meta.layout == "old" and meta.section is None:
            meta.section = stripper.find_section(title)
        stripper.read_header(title, lead)
        stripper.remove_range(0, title, "before the headline")
        stripper.remove(title, "headline")
    else:
        # (a picture's caption the front-end knows, right over the lead, stays: a feed view's
        # picture printed between its empty Teaser field and the teaser)
        above = lead - 1 if lead and candidates[lead - 1].hints & Hint.CAPTION else lead
        stripper.remove_range(0, above, "before the article")
    end = stripper.find_end(lead)
    if bare and title is None:
        stripper.remove_range(lead + 1, end, "other items' teasers under a media item")
    stripper.remove_glued_ad_labels(lead, end)
    stripper.read_info_box(tables, end)
    stripper.remove_info_box(lead, end)
    stripper.remove_range(end, len(candidates), "after the article (sidebar, footer)")
    if page_type is PageType.LIVE:
        stripper.cut_glued_entry_times(lead, end)
    stripper.remove_galleries(lead, end)
    stripper.remove_embedded_galleries(lead, end)
    stripper.remove_boxes(lead, end)
    stripper.mark_cut_paragraph(lead, end)
    stripper.remove_tail(lead, end)
    stripper.mark_glossary(lead, end)

    reasons = stripper.reasons
    kept = [c for i, c in enumerate(candidates) if i not in reasons]
    removed = stripper.cut + [
        Removal(candidates[i].text, rule, candidates[i].line) for i, rule in sorted(reasons.items())
    ]
    return Stripped(kept, meta, removed)
