"""Load the rule tables (rules/*.toml) into fast lookup structures, once per process.

Every language- or layout-specific phrase lives in the TOML files; this module only compiles them.
Matching is done on a *key*: the text with whitespace collapsed, case folded and the space that
some renderers put before a colon removed, so "Read more :" and "Read more:" are the same rule.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from ._version import __version__

Month = tuple[str, int]  # (calendar, month number): ("gregorian", 3), ("persian", 12)

# A pattern that matches nothing, for a rule no table fills. Anchored: an unanchored one is
# tried at every position of the text by `search` (3 µs on a paragraph), this one at the first.
_NEVER = r"\A(?!x)x"


def key(text: str) -> str:
    """The form in which candidate texts are compared with rule phrases."""
    return candidate_key(" ".join(text.split()))


def candidate_key(text: str) -> str:
    """`key` of a text whose whitespace is collapsed already, as a candidate's is."""
    if " :" in text or " ：" in text:
        text = _space_before_colon().sub(r"\1", text)
    if not text.isascii() and _has_invisible(text):
        text = _invisible().sub("", text)
    return text.casefold()


# The patterns below are compiled on first use, not at import: `dwclean clean FILE` starts once
# per file in shell loops, and most pages need none of them.


def _has_invisible(text: str) -> bool:
    # one `in` per character runs in C, thirty times faster than the regex's class per position
    return (
        "\u200c" in text  # Persian's zero-width non-joiner, the one common in real text
        or "\u00ad" in text
        or "\u200b" in text
        or "\u200d" in text
        or "\u2060" in text
        or "\ufeff" in text
    )


@cache
def _invisible() -> re.Pattern[str]:
    # Archives and renderers keep or drop the invisible characters (Persian's zero-width
    # non-joiner in "فایل‌های", soft hyphens): a line and a rule phrase compare without them.
    return re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


@cache
def _space_before_colon() -> re.Pattern[str]:
    return re.compile(r"\s+([:：])")


@cache
def _edition_in_url() -> re.Pattern[str]:
    # a DW address's edition: www., m. and amp. pages alike
    return re.compile(
        r"https?://(?:[a-z]+\.)?dw\.(?:com|de)/([a-z]{2}(?:-[a-z0-9]{2,4})?)/", re.IGNORECASE
    )


_NUMBERED = re.compile(r"^\d{1,2}\. ")

_HEADING_END = "!.:！：。"


def heading_key(text_key: str) -> str:
    """A heading's key without its closing punctuation, which renderers and archives keep or
    drop ("Send us your feedback!" / "Send us your feedback")."""
    return text_key.rstrip(_HEADING_END)


def unnumbered(text_key: str) -> str:
    """A key without the list number html2text keeps in front of it ("1. inhalt" → "inhalt")."""
    return _NUMBERED.sub("", text_key) if text_key[:1].isdigit() else text_key


class Prefixes:
    """Phrases a line may start with, matched on keys with str.startswith: no regex to compile
    (compiling a regex per language table cost more than the whole cleaning of a page)."""

    __slots__ = ("_by_start", "items", "singles")

    def __init__(self, phrases: list[str]) -> None:
        keys = {key(p) for p in phrases if p.strip()}
        # "Author " must not eat the space that separates "Author" from a name: keep phrases
        # as written but compare their keys, longest first so the most specific one wins.
        self.items = tuple(sorted(keys, key=len, reverse=True))
        # Most lines start with two letters no phrase starts with: one dict lookup says so.
        # (A one-letter phrase is filed under its letter and every two letters it begins.)
        by_start: dict[str, list[str]] = {}
        for item in self.items:
            by_start.setdefault(item[:2], []).append(item)
        self.singles = tuple(item for item in self.items if len(item) == 1)
        self._by_start = {start: tuple(items) for start, items in by_start.items()}

    def match(self, text_key: str) -> int:
        """The length of the phrase `text_key` starts with, or 0."""
        items = self._by_start.get(text_key[:2])
        if items and text_key.startswith(items):
            return next(len(item) for item in items if text_key.startswith(item))
        if self.singles and text_key.startswith(self.singles):
            return 1
        return 0

    def __bool__(self) -> bool:
        return bool(self.items)


class StartGate:
    """Whether a line may start with a phrase of some prefix tables: its first two letters
    looked up once, so that most lines skip asking each table in turn."""

    __slots__ = ("_any_single", "_starts")

    def __init__(self, tables: Iterable[Prefixes]) -> None:
        tables = list(tables)
        self._starts = frozenset(start for table in tables for start in table._by_start)
        self._any_single = any(table.singles for table in tables)

    def admits(self, text_key: str) -> bool:
        return self._any_single or text_key[:2] in self._starts


# The two big tables are NamedTuples: a frozen dataclass of 20-40 fields takes milliseconds to
# build at every start (its generated methods), a NamedTuple a fraction of that.
class Language(NamedTuple):
    code: str
    url_path: str
    menu_entry: str
    script: str
    stopwords: frozenset[str]
    months: tuple[str, ...]  # Gregorian month names, `|` between alternatives
    calendar: str  # a second calendar the edition prints dates in: "persian", "ethiopian"
    calendar_months: tuple[str, ...]
    credit_prefixes: tuple[str, ...]
    skip_links: frozenset[str]
    debris_lines: frozenset[str]
    debris_prefix: Prefixes
    cookie_banner: Prefixes
    end_markers: frozenset[str]
    author_label: Prefixes
    date_label: Prefixes
    signature_chars: str  # letters that mark this language among others of its script
    aliases: tuple[str, ...]  # other codes pages declare for this edition ("zh" for zh-Hans)
    # other editions in the same language (bs, hr, sr); editions whose codes share the
    # language subtag (pt-BR, pt-002) need not be named
    same_language: tuple[str, ...]
    # the bigger of two editions that share their words (fa-IR beside fa-AF, pt-BR beside
    # pt-002) takes a page their words cannot tell apart
    wins_ties: bool
    # numeric dates with slashes read month first ("03/14/2024", DW's English site), not day
    # first ("14/03/2024", the other editions)
    month_first: bool

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Language:
        def strings(name: str) -> list[str]:
            return [str(s) for s in table.get(name, [])]

        return cls(
            code=str(table["code"]),
            url_path=str(table.get("url_path", table["code"])).lower(),
            menu_entry=str(table.get("menu_entry", "")),
            script=str(table.get("script", "Latn")),
            stopwords=frozenset(s.casefold() for s in strings("stopwords")),
            months=tuple(strings("months")),
            calendar=str(table.get("calendar", "gregorian")),
            calendar_months=tuple(strings("calendar_months")),
            credit_prefixes=tuple(strings("credit_prefixes")),
            skip_links=frozenset(key(s) for s in strings("skip_links")),
            debris_lines=frozenset(key(s) for s in strings("debris_lines")),
            debris_prefix=Prefixes(strings("debris_prefixes")),
            cookie_banner=Prefixes(strings("cookie_banner")),
            end_markers=frozenset(heading_key(key(s)) for s in strings("end_markers")),
            author_label=Prefixes(strings("author_labels")),
            date_label=Prefixes(strings("date_labels")),
            signature_chars=str(table.get("signature_chars", "")),
            aliases=tuple(strings("aliases")),
            same_language=tuple(strings("same_language")),
            wins_ties=bool(table.get("wins_ties", False)),
            month_first=bool(table.get("month_first", False)),
        )


class PageTypeRules(NamedTuple):
    """rules/page_types.toml: what tells feed, index, gallery, player and live pages apart."""

    feed_labels: tuple[str, ...]  # regex alternatives, in the order the view prints them
    index_markers: re.Pattern[str]
    teaser_prefix: re.Pattern[str]
    dated_teaser: re.Pattern[str]
    min_teasers: int
    min_headline_words: int
    min_pictured_teasers: int
    min_dated_cards: int
    gallery_min_pictures: int
    gallery_max_title_words: int
    player_markers: re.Pattern[str]
    player_title_above: re.Pattern[str]
    live_markers: re.Pattern[str]
    live_times: re.Pattern[str]  # an entry's relative time: "12 minutes ago"
    by_url: tuple[tuple[str, re.Pattern[str]], ...]  # (page type, URL pattern)

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> PageTypeRules:
        def alternation(patterns: list[str]) -> re.Pattern[str]:
            return re.compile("|".join(f"(?:{p})" for p in patterns) or _NEVER)

        index, gallery = table.get("index", {}), table.get("gallery", {})
        return cls(
            feed_labels=tuple(
                re.escape(label).replace("\\#", r"\d+").replace("#", r"\d+")
                for label in table.get("feed", {}).get("labels", [])
            ),
            index_markers=alternation(index.get("markers", [])),
            teaser_prefix=re.compile(index.get("teaser_prefix", _NEVER)),
            dated_teaser=re.compile(index.get("dated_teaser", _NEVER)),
            min_teasers=int(index.get("min_teasers", 3)),
            min_headline_words=int(index.get("min_headline_words", 5)),
            min_pictured_teasers=int(index.get("min_pictured_teasers", 2)),
            min_dated_cards=int(index.get("min_dated_cards", 2)),
            gallery_min_pictures=int(gallery.get("min_pictures", 3)),
            gallery_max_title_words=int(gallery.get("max_title_words", 5)),
            player_markers=alternation(table.get("player", {}).get("markers", [])),
            player_title_above=alternation(table.get("player", {}).get("title_above", [])),
            live_markers=alternation(table.get("live", {}).get("markers", [])),
            live_times=alternation(table.get("live", {}).get("relative_times", [])),
            by_url=tuple((kind, re.compile(p)) for kind, p in table.get("url", {}).items()),
        )


class BylineRules(NamedTuple):
    """rules/patterns.toml [bylines]: what in a byline is not an author's name."""

    agencies: frozenset[str]  # keys
    editor_label: re.Pattern[str]
    separator: re.Pattern[str]
    interviewer: re.Pattern[str]  # an interview's question under DW's name: "DW: …"

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> BylineRules:
        labels = sorted(table.get("editor_labels", []), key=len, reverse=True)
        separators = sorted(table.get("separators", []), key=len, reverse=True)
        return cls(
            agencies=frozenset(key(a) for a in table.get("agencies", [])),
            editor_label=re.compile(
                "|".join(rf"(?:(?<=\s)|^){re.escape(label)}" for label in labels) or _NEVER
            ),
            separator=re.compile("|".join(re.escape(s) for s in separators) or _NEVER),
            interviewer=re.compile(table.get("interviewer", _NEVER)),
        )


class Rules(NamedTuple):
    languages: dict[str, Language]
    title_lines: tuple[re.Pattern[str], ...]
    title_line_marks: tuple[str, ...]  # what every title line holds (one): others not tried
    breadcrumb: re.Pattern[str]
    cookie_words: tuple[str, ...]
    cookie_banners: Prefixes  # every edition's old-layout cookie banner
    info_box_date: re.Pattern[str]
    info_box_date_words: int
    layout_markers: dict[str, frozenset[str]]
    global_lines: frozenset[str]  # keys of lines that are debris on every DW site
    global_suffixes: tuple[str, ...]  # keys of line endings that are debris (copyright lines)
    global_patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (rule name, pattern)
    # (rule name, pattern, endings): patterns tried only on a line with one of those endings
    ending_patterns: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]
    menu_entries: frozenset[str]  # the old layout's language menu, all languages
    skip_links: frozenset[str]  # every language's skip links (a dump's language is not known yet)
    old_skip_links: frozenset[str]  # the old layout's German skip list, on every edition
    credit_split: re.Pattern[str]  # finds a photo credit glued to the end of a caption
    credit_marks: str  # the last letter of every credit label: none, no credit
    # a credit label at the end of a text, glued or after a space, with at most three words of
    # its credit after it: the dump's end cut the caption in its credit ("…de México.Imagen:",
    # "…yürüyüşte Fotoğraf: Eli")
    bare_credit_label: re.Pattern[str]
    author_labels: Prefixes  # every language's, for bylines in any language
    # every language's sidebar headings that end an article, as `heading_key`s
    end_markers: frozenset[str]
    label_words: frozenset[str]  # one-word boilerplate lines of every language ("Anzeige")
    debris_lines: frozenset[str]  # every language's boilerplate lines
    furniture_lines: frozenset[str]  # all four above: global, skip links, menus, boilerplate
    alt_credit: re.Pattern[str]
    agency_credit: re.Pattern[str]  # an alt_credit naming an agency and a photographer
    portrait_alt: re.Pattern[str]  # a commentary author's portrait, by its alt text
    photo_sources: frozenset[str]  # case-folded: the agencies and sources DW credits pictures to
    # the word a template prints for a picture, glued to its caption ("ImageSewing machines …")
    picture_placeholders: tuple[str, ...]
    # a web archive's toolbar: its first line, its last line's key, how many lines it spans
    archived_url: re.Pattern[str]  # the stored page's address in an archive's banner (group 1)
    archive_toolbar: tuple[re.Pattern[str], str, int]
    gallery_min_repeats: int
    months: dict[str, Month]  # case-folded month name, any language → (calendar, number)
    stopword_index: dict[str, tuple[str, ...]]  # stopword → codes of the languages that have it
    # a Gregorian month's name, case-folded → codes of the editions that print it so
    month_index: dict[str, tuple[str, ...]]
    skip_link_index: dict[str, tuple[str, ...]]  # skip link key → codes of the editions with it
    debris_line_index: dict[str, tuple[str, ...]]  # boilerplate line → codes of its editions
    # edition → the other editions in its language (named in `same_language`, or sharing
    # the language subtag: pt-BR and pt-002, zh-Hans and zh-Hant)
    sister_editions: dict[str, tuple[str, ...]]
    signature_letters: re.Pattern[str]  # any language's signature letter
    signature_index: dict[str, tuple[str, ...]]  # signature letter → codes of its editions
    # every debris pattern in two alternations: (anchored at the start, anywhere)
    global_pattern: tuple[re.Pattern[str], re.Pattern[str]]
    # the debris patterns that need one of a few strings ("p.dw.com", "©"): (those strings,
    # the patterns), the patterns tried only on a line that holds one of the strings
    gated_pattern: tuple[tuple[str, ...], tuple[re.Pattern[str], re.Pattern[str]]]
    page_types: PageTypeRules
    bylines: BylineRules
    aliases: dict[str, str]  # lower-case code a page may declare → the edition's code

    def edition_of(self, url: str) -> Language | None:
        """The edition a DW address names by its path ("https://www.dw.com/fa-af/…")."""
        match = _edition_in_url().match(url)
        if match is None:
            return None
        path = match.group(1).lower()
        return next((lang for lang in self.languages.values() if lang.url_path == path), None)

    def find_credit(self, text: str, start: int = 0) -> re.Match[str] | None:
        """A photo credit at the end of `text` (from `start`): its label and the rest."""
        if not self.has_credit_mark(text):
            return None  # no label's last letter: no credit (most lines, found at once)
        return self.credit_split.search(text, start)

    def has_credit_mark(self, text: str) -> bool:
        """A credit label's last letter is in the text. (`in` per letter, not a regex character
        class: a class is tried at every position in Python's engine, ten times slower.)"""
        return any(mark in text for mark in self.credit_marks)

    def global_debris(self, text: str) -> bool:
        """A debris pattern of every site matches the text (which one: `global_patterns`)."""
        at_start, anywhere = self.global_pattern
        if at_start.match(text) or anywhere.search(text):
            return True
        needed, (gated_at_start, gated_anywhere) = self.gated_pattern
        for needle in needed:  # (`in` per string, not an alternation: see has_credit_mark)
            if needle in text:
                return bool(gated_at_start.match(text) or gated_anywhere.search(text))
        return False

    def language(self, code: str | None) -> Language | None:
        """The edition a BCP 47 code names: its own code or one of its aliases ("zh", "fa")."""
        if not code:
            return None
        return self.languages.get(code) or self.languages.get(self.aliases.get(code.lower(), ""))


RULES_DIR = Path(__file__).resolve().parent / "rules"


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when the tables are built, not when they come from the cache

    return tomllib.loads(path.read_text(encoding="utf-8"))


def _rule_files() -> list[Path]:
    # os.listdir, not Path.glob: a glob's first use in a process costs more than the listing
    return [
        folder / name
        for folder in (RULES_DIR, RULES_DIR / "languages")
        for name in sorted(os.listdir(folder))
        if name.endswith(".toml")
    ]


def _cache_path(files: list[Path]) -> tuple[Path, str] | None:
    """Where compiled rules are kept between runs and the key they are kept under; None when
    caching is off.

    The key names every rule file (and this module) with its size and time, and is stored with
    the rules and compared on reading: editing a table or the code that compiles it never reads
    a stale entry. The file name carries a checksum of the key, so that other versions and
    checkouts keep their own entries. A checksum, not hashlib: importing hashlib (OpenSSL) would
    cost more than the rest of loading the cached rules.
    """
    import zlib

    if os.environ.get("DWCLEAN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    parts = [__version__]
    for path in [Path(__file__), *files]:  # this module too: it defines what is pickled
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    key = ";".join(parts)
    name = f"rules-{zlib.crc32(key.encode('utf-8', 'surrogateescape')):08x}.pickle"
    return Path(base) / "dwclean" / name, key


@cache
def load_rules() -> Rules:
    """The compiled rule tables, once per process.

    Parsing 33 TOML files costs more than cleaning a page, and `dwclean clean FILE` runs once per
    file in shell loops; so the compiled tables are also cached on disk (in $XDG_CACHE_HOME or
    ~/.cache, DWCLEAN_NO_CACHE=1 turns this off). Any problem with the cache means building anew.
    """
    files = _rule_files()
    cached = _cache_path(files)
    if cached is not None:
        rules = _load(*cached)
        if rules is not None:
            return rules
    rules = _build_rules()
    if cached is not None:
        _save(*cached, rules)
    return rules


def _load(cache_file: Path, key: str) -> Rules | None:
    """The rules cached under `key`; None when there are none (or they are unreadable)."""
    # The C unpickler alone: the `pickle` module (its pure-Python twin, struct, …) would add ~2 ms
    # to every start, and only _save needs it.
    try:
        from _pickle import PickleError, load
    except ImportError:  # an interpreter without the accelerator
        from pickle import PickleError, load
    try:
        with open(cache_file, "rb") as handle:
            if load(handle) != key:  # the key comes first: another entry's rules are not read
                return None
            rules = load(handle)
    except (OSError, PickleError, EOFError, AttributeError, TypeError, ValueError, ImportError):
        return None
    return rules if isinstance(rules, Rules) else None


# Compiling the rules' ~30 regexes again (Python parses and compiles each one) was most of the
# time spent reading the cache. So the cache holds each pattern's compiled program, from which
# the regex engine makes the same pattern at once. A program is private to the interpreter that
# made it: it is stored only when it gives back exactly the pattern re.compile made, and another
# interpreter (or a changed engine) compiles the pattern anew.
@cache
def _engine() -> tuple[Any, str]:
    """The regex engine (a private module without type stubs) and which interpreter's it is."""
    import importlib
    import sys

    sre = importlib.import_module("_sre")
    return sre, f"{sys.version} {getattr(sre, 'MAGIC', None)}"


def _program(pattern: re.Pattern[Any]) -> tuple[Any, ...] | None:
    """What the engine makes `pattern` from (as re._compiler.compile does); None when that
    cannot be had, or does not give back exactly the same pattern."""
    import importlib

    try:
        parser: Any = importlib.import_module("re._parser")
        compiler: Any = importlib.import_module("re._compiler")
        parsed = parser.parse(pattern.pattern, pattern.flags)
        code = [int(op) for op in compiler._code(parsed, pattern.flags)]  # opcodes: unpicklable
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (
            pattern.pattern,
            pattern.flags | parsed.state.flags,
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        # Patterns are equal when their flags, source and compiled code are.
        return program if _engine()[0].compile(*program) == pattern else None
    except Exception:  # internals of another Python version: the pattern is pickled as usual
        return None


def _restore_pattern(interpreter: str, program: tuple[Any, ...]) -> re.Pattern[Any]:
    sre, current = _engine()
    if interpreter == current:
        try:
            pattern: re.Pattern[Any] = sre.compile(*program)
            return pattern
        except Exception:  # a damaged program: compiled anew below
            pass
    return re.compile(program[0], program[1])


def _save(cache_file: Path, key: str, rules: Rules) -> None:
    import pickle

    class Pickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            program = _program(obj) if isinstance(obj, re.Pattern) else None
            if program is None:
                return NotImplemented  # pickled as usual (a pattern: compiled anew when read)
            return _restore_pattern, (_engine()[1], program)

    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temp = cache_file.with_name(f".{cache_file.name}.{os.getpid()}.part")
        with temp.open("wb") as handle:
            pickle.dump(key, handle, protocol=pickle.HIGHEST_PROTOCOL)
            Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(rules)
        os.replace(temp, cache_file)
    except OSError:
        pass  # a read-only home is no reason to fail


def _one_pattern(patterns: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two regexes for all debris patterns, so that a long paragraph is not scanned once per
    pattern: those anchored at the start in one alternation tried only there (`match`), the
    others in one alternation searched for (`search` skips to a literal first character)."""
    anchored = [p[1:] for p in patterns if p.startswith("^")]
    floating = [p for p in patterns if not p.startswith("^")]
    never = _NEVER
    return (
        re.compile("|".join(f"(?:{p})" for p in anchored) or never, re.S),
        re.compile("|".join(f"(?:{p})" for p in floating) or never, re.S),
    )


def _gated_pattern(
    patterns: list[dict[str, Any]],
) -> tuple[tuple[str, ...], tuple[re.Pattern[str], re.Pattern[str]]]:
    """The strings some debris patterns need (`has`), and those patterns as `_one_pattern`
    makes them: most lines hold none of the strings, and skip the patterns."""
    needles = tuple(sorted({str(h) for p in patterns for h in p["has"]}))
    return needles, _one_pattern([p["re"] for p in patterns])


def _index(languages: dict[str, Language], table: str) -> dict[str, tuple[str, ...]]:
    """Each entry of a per-language set (stopwords, skip links) → the codes that have it."""
    index: dict[str, list[str]] = {}
    for lang in languages.values():
        for entry in getattr(lang, table):
            index.setdefault(entry, []).append(lang.code)
    return {entry: tuple(codes) for entry, codes in index.items()}


def _sister_editions(languages: dict[str, Language]) -> dict[str, tuple[str, ...]]:
    def subtag(code: str) -> str:
        return code.split("-")[0]

    return {
        lang.code: tuple(
            other.code
            for other in languages.values()
            if other is not lang
            and (other.code in lang.same_language or subtag(other.code) == subtag(lang.code))
        )
        for lang in languages.values()
    }


def _month_index(languages: Iterable[Language]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang in languages:
        names = {n.strip().casefold() for entry in lang.months for n in entry.split("|")}
        for name in names:
            index.setdefault(name, []).append(lang.code)
    return {name: tuple(codes) for name, codes in index.items()}


def _month_names(languages: Iterable[Language]) -> dict[str, Month]:
    """Every month name of every language → (calendar, month number).

    A table lists each month once, alternatives separated by `|` ("studeni|studenoga"); a list
    of 24 gives the nominative and the genitive forms in two rounds.
    """
    names: dict[str, Month] = {}
    for lang in languages:
        for calendar, months, per_year in (
            ("gregorian", lang.months, 12),
            (lang.calendar, lang.calendar_months, 13 if lang.calendar == "ethiopian" else 12),
        ):
            if months and len(months) % per_year:
                raise ValueError(
                    f"{lang.code}: {len(months)} month names, not {per_year} per round"
                )
            for index, entry in enumerate(months):
                for name in entry.split("|"):
                    names.setdefault(name.strip().casefold(), (calendar, index % per_year + 1))
    return names


def _build_rules() -> Rules:
    languages: dict[str, Language] = {}
    for path in sorted((RULES_DIR / "languages").glob("*.toml")):
        lang = Language.from_table(_read_toml(path))
        languages[lang.code] = lang

    patterns = _read_toml(RULES_DIR / "patterns.toml")
    debris = patterns.get("debris", {})
    credit_prefixes = sorted(
        {p for lang in languages.values() for p in lang.credit_prefixes}, key=len, reverse=True
    )
    # A credit starts at the last credit label of the caption; text before it may be glued on
    # without a space ("…NadeschdinBild: X/dpa").
    credit_split = re.compile(
        "(?:" + "|".join(re.escape(p) for p in credit_prefixes) + r")\s*\S.*$"
        if credit_prefixes
        else _NEVER
    )
    global_lines = frozenset(key(s) for s in debris.get("lines", []))
    menu_entries = frozenset(
        key(lang.menu_entry) for lang in languages.values() if lang.menu_entry
    ) | frozenset(key(s) for s in patterns.get("menu", {}).get("entries", []))
    skip_links = frozenset(s for lang in languages.values() for s in lang.skip_links) | frozenset(
        key(s) for s in patterns.get("skip_links", [])
    )
    debris_lines = frozenset(k for lang in languages.values() for k in lang.debris_lines)
    signatures = _index(languages, "signature_chars")
    archive = patterns.get("web_archive", {})
    return Rules(
        languages=languages,
        title_lines=tuple(re.compile(p) for p in patterns.get("title_lines", [])),
        title_line_marks=tuple(patterns.get("title_line_marks", [])),
        info_box_date=re.compile(debris.get("info_box_date", _NEVER)),
        info_box_date_words=int(debris.get("info_box_date_words", 4)),
        cookie_words=tuple(w.casefold() for w in patterns.get("cookie_words", [])),
        cookie_banners=Prefixes(
            [p for lang in languages.values() for p in lang.cookie_banner.items]
        ),
        breadcrumb=re.compile(patterns.get("breadcrumb", _NEVER)),
        layout_markers={
            name: frozenset(key(m) for m in markers)
            for name, markers in patterns.get("layouts", {}).items()
        },
        global_lines=global_lines,
        global_suffixes=tuple(key(s) for s in debris.get("suffixes", [])),
        global_patterns=tuple(
            (str(p["rule"]), re.compile(p["re"]))
            for p in debris.get("patterns", [])
            if not p.get("ends")
        ),
        ending_patterns=tuple(
            (str(p["rule"]), re.compile(p["re"]), tuple(str(e) for e in p["ends"]))
            for p in debris.get("patterns", [])
            if p.get("ends")
        ),
        menu_entries=menu_entries,
        skip_links=skip_links,
        old_skip_links=frozenset(key(s) for s in patterns.get("skip_links", [])),
        credit_split=credit_split,
        bare_credit_label=re.compile(
            r"(?<=\S) ?(?:"
            + "|".join(re.escape(p.rstrip()) for p in credit_prefixes)
            + r")(?: ?\S+){0,3}$"
            if credit_prefixes
            else _NEVER
        ),
        credit_marks="".join(sorted({p.rstrip()[-1] for p in credit_prefixes} | {":", "："})),
        debris_lines=debris_lines,
        furniture_lines=global_lines | skip_links | menu_entries | debris_lines,
        label_words=frozenset(
            k for lang in languages.values() for k in lang.debris_lines if " " not in k
        ),
        end_markers=frozenset(k for lang in languages.values() for k in lang.end_markers),
        author_labels=Prefixes([p for lang in languages.values() for p in lang.author_label.items]),
        alt_credit=re.compile(patterns.get("credits", {}).get("alt_credit", _NEVER)),
        agency_credit=re.compile(patterns.get("credits", {}).get("agency_credit", _NEVER)),
        portrait_alt=re.compile(patterns.get("credits", {}).get("portrait_alt", _NEVER)),
        photo_sources=frozenset(
            s.casefold() for s in patterns.get("credits", {}).get("photo_sources", [])
        ),
        picture_placeholders=tuple(patterns.get("pictures", {}).get("placeholders", [])),
        archived_url=re.compile(archive.get("archived_url", _NEVER)),
        archive_toolbar=(
            re.compile(archive.get("toolbar_start", _NEVER)),
            key(str(archive.get("toolbar_end", ""))),
            int(archive.get("toolbar_max_lines", 0)),
        ),
        months=_month_names(languages.values()),
        stopword_index=_index(languages, "stopwords"),
        month_index=_month_index(languages.values()),
        skip_link_index=_index(languages, "skip_links"),
        debris_line_index=_index(languages, "debris_lines"),
        sister_editions=_sister_editions(languages),
        signature_letters=re.compile(
            "[" + re.escape("".join(sorted(signatures))) + "]" if signatures else _NEVER
        ),
        signature_index=signatures,
        global_pattern=_one_pattern(
            [p["re"] for p in debris.get("patterns", []) if not p.get("ends") and not p.get("has")]
        ),
        gated_pattern=_gated_pattern(
            [p for p in debris.get("patterns", []) if p.get("has") and not p.get("ends")]
        ),
        gallery_min_repeats=int(patterns.get("gallery", {}).get("min_repeats", 3)),
        aliases={alias.lower(): lang.code for lang in languages.values() for alias in lang.aliases}
        | {lang.code.lower(): lang.code for lang in languages.values()},
        bylines=BylineRules.from_table(patterns.get("bylines", {})),
        page_types=PageTypeRules.from_table(_read_toml(RULES_DIR / "page_types.toml")),
    )
