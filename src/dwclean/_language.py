"""Guess the language of a text dump from its running text.

DW's HTML names its language; a dump does not. The script narrows the choice (Ethiopic is Amharic,
Greek is Greek); within a script, the language tables' stopwords and signature characters decide.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from ._rules import Language, Rules
from ._text import is_date_line

# Letters of each script DW writes in (Unicode blocks); a dump's script is the one with most
# letters in a sample of its running text. Counting with one regex per script runs in C.
_SCRIPT_RANGES = {
    "Latn": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
    "Cyrl": "\u0400-\u052f",
    "Arab": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "Grek": "\u0370-\u03ff\u1f00-\u1fff",
    "Ethi": "\u1200-\u139f",
    "Beng": "\u0980-\u09ff",
    "Deva": "\u0900-\u097f",
    "Taml": "\u0b80-\u0bff",
    "Hani": "\u3400-\u4dbf\u4e00-\u9fff",
}
_SIGNATURE_WEIGHT = 5  # a letter only one edition writes says more than a stopword
_SAMPLE = 2000  # characters: plenty to tell scripts apart
# characters of running text read at most: the letters that tell languages of one script apart
# (ë, ț, ğ …) and Simplified from Traditional Chinese are counted in these
_READ_AT_MOST = 10_000
# Characters written differently in Simplified and Traditional Chinese (a few frequent ones).
_SIMPLIFIED = set("这国说为们时会对发后来经过还认问题关开东车长门见样实现场气应学习书报记总区电网")
_TRADITIONAL = set("這國說為們時會對發後來經過還認問題關開東車長門見樣實現場氣應學習書報記總區電網")
_WORD = re.compile(r"\w+")
# the two Chinese editions' scripts, both written in Han characters
CHINESE_SCRIPTS = ("Hans", "Hant")
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _non_latin() -> re.Pattern[str]:
    # letters outside the Latin ranges (and not the two signs × ÷ in them); compiled on first
    # use: an ASCII page never asks
    return re.compile(f"[^\\W\\d_{_SCRIPT_RANGES['Latn']}]+")


@cache
def _script_patterns() -> dict[str, re.Pattern[str]]:
    # runs of letters, not single ones: a match per word costs a tenth of a match per letter
    return {script: re.compile(f"[{ranges}]+") for script, ranges in _SCRIPT_RANGES.items()}


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def dominant_script(text: str) -> str | None:
    return _dominant(text)[0]


def letters_of(script: str) -> str:
    """The script whose letters an edition's script is counted in (`dominant_script`'s
    names): Simplified and Traditional Chinese are both Han characters."""
    return "Hani" if script in CHINESE_SCRIPTS else script


def _dominant(text: str) -> tuple[str | None, bool]:
    """The script with most letters in the text's first characters, and whether Latin and
    another script both have a fair share of them (a sixth at least)."""
    sample = text[:_SAMPLE]
    if sample.isascii():
        return ("Latn" if any(c.isalpha() for c in sample) else None), False
    patterns = _script_patterns()
    # Most text DW publishes is Latin-script: count the other letters first, few in Latin text.
    others = _count(_non_latin(), sample)
    if others == 0:
        return ("Latn" if _LETTERS.search(sample) else None), False
    latin = _count(patterns["Latn"], sample)
    mixed = min(latin, others) * 6 >= latin + others
    if latin > others:
        return "Latn", mixed
    counts = {s: _count(p, sample) for s, p in patterns.items() if s != "Latn"}
    counts["Latn"] = latin
    best = max(counts, key=lambda s: counts[s])
    return (best if counts[best] else None), mixed


def _script_of_lines(texts: list[str]) -> str | None:
    """The script most lines of running text are written in, one vote a line: on a Chinese or
    Urdu page, a few long agency captions in English must not outvote the article's text.
    A tie goes to the script with more letters."""
    votes: Counter[str] = Counter()
    for text in texts:
        script = dominant_script(text)
        if script is not None:
            votes[script] += 1
    if not votes:
        return None
    ranked = votes.most_common(2)
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return dominant_script("\n".join(texts))


def _han_variant(text: str) -> str:
    simplified = sum(1 for c in text if c in _SIMPLIFIED)
    traditional = sum(1 for c in text if c in _TRADITIONAL)
    return "Hant" if traditional > simplified else "Hans"


def _sample(texts: Iterable[str]) -> list[str]:
    """The first texts, up to about _READ_AT_MOST characters: a long page is not read whole."""
    taken: list[str] = []
    length = 0
    for text in texts:
        taken.append(text)
        length += len(text) + 1
        if length >= _READ_AT_MOST:
            break
    return taken


_MONTH_WEIGHT = 10  # a date line in the edition's own month names (hr "veljače", bs "februar")


def _month_votes(lines: frozenset[str], rules: Rules) -> Counter[str]:
    """Editions whose month names the page's date lines print: editions of one language tell
    their dates apart ("18. februar 2025" is Bosnian or Serbian, "18. veljače 2025" Croatian)."""
    votes: Counter[str] = Counter()
    for line in lines:
        if is_date_line(line, rules.months):
            for word in _LETTERS.findall(line):
                votes.update(rules.month_index.get(word, ()))
    return votes


def detect_language(
    texts: Iterable[str], rules: Rules, lines: frozenset[str] = frozenset()
) -> Language | None:
    """The language of `texts` (running text); `lines` (rule keys of every line of the page)
    let a language's own page furniture, such as its skip links, vote as well."""
    # An edition's skip links are its own: they name it even when captions in other languages
    # outnumber the article's text (German alt texts on a Chinese page).
    links = Counter(code for line in lines for code in rules.skip_link_index.get(line, ()))
    by_links = [lang for code, lang in rules.languages.items() if links[code] >= 2]
    if len(by_links) == 1:
        return by_links[0]
    sampled = _sample(texts)
    sample = "\n".join(sampled)
    if not sample.strip():
        return by_links[0] if by_links else None
    script, mixed = _dominant(sample)
    if script is not None and mixed:
        script = _script_of_lines(sampled)
    if script is None:
        return None
    if script == "Hani":
        script = _han_variant(sample)
    same_script = by_links or [lang for lang in rules.languages.values() if lang.script == script]
    if len(same_script) == 1:
        return same_script[0]
    if not same_script:
        return None
    # in table order, not a set's: on a tie the first edition wins, the same in every run
    scores = {lang.code: 0 for lang in same_script}
    words = Counter(_WORD.findall(sample[:_SAMPLE].casefold()))
    index = rules.stopword_index
    for word in words.keys() & index.keys():  # the stopwords among the words, found in C
        for code in index[word]:
            if code in scores:
                scores[code] += words[word]
    # an edition's own boilerplate lines vote for it; lines DW prints on most editions alike
    # ("You need to enable JavaScript to run this app.") name none
    line_index = rules.debris_line_index
    own_lines = Counter(codes[0] for line in lines if len(codes := line_index.get(line, ())) == 1)
    if not sample.isascii():  # letters only one edition (or one language's) writes: "ğ", "ñ"
        for letter, count in Counter(rules.signature_letters.findall(sample)).items():
            for code in rules.signature_index[letter]:
                if code in scores:
                    scores[code] += _SIGNATURE_WEIGHT * count
    months = _month_votes(lines, rules)
    for lang in same_script:
        scores[lang.code] += (
            20 * links[lang.code] + 5 * own_lines[lang.code] + _MONTH_WEIGHT * months[lang.code]
        )
    best = max(scores, key=lambda code: (scores[code], rules.languages[code].wins_ties))
    return rules.languages[best] if scores[best] > 0 else None
