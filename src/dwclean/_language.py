"""Guess the language of a text dump from its running text.

DW's HTML names its language; a dump does not. The script narrows the choice (Ethiopic is Amharic,
Greek is Greek); within a script, the language tables' stopwords and signature characters decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from ._rules import Language, Rules

# Unicode script of a character, by the first word of its Unicode name: cheap and table-free.
_SCRIPT_BY_NAME = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "GREEK": "Grek",
    "ETHIOPIC": "Ethi",
    "BENGALI": "Beng",
    "DEVANAGARI": "Deva",
    "CJK": "Hani",
    "TAMIL": "Taml",
}
# Characters written differently in Simplified and Traditional Chinese (a few frequent ones).
_SIMPLIFIED = set(
    "这国说为们时会对发后来经过还说认问题关开东车长门见这样实现场气应学习书报记总区电网"
)
_TRADITIONAL = set(
    "這國說為們時會對發後來經過還認問題關開東車長門見這樣實現場氣應學習書報記總區電網"
)
_WORD = re.compile(r"\w+")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return _SCRIPT_BY_NAME.get(name.split(" ", 1)[0]) if name else None


def dominant_script(text: str) -> str | None:
    counts: Counter[str] = Counter()
    for char in text[:20000]:
        if char.isalpha():
            script = _script(char)
            if script:
                counts[script] += 1
    return counts.most_common(1)[0][0] if counts else None


def _han_variant(text: str) -> str:
    simplified = sum(1 for c in text if c in _SIMPLIFIED)
    traditional = sum(1 for c in text if c in _TRADITIONAL)
    return "Hant" if traditional > simplified else "Hans"


def detect_language(
    texts: Iterable[str], rules: Rules, lines: frozenset[str] = frozenset()
) -> Language | None:
    """The language of `texts` (running text); `lines` (rule keys of every line of the page)
    let a language's own page furniture, such as its skip links, vote as well."""
    sample = "\n".join(texts)
    if not sample.strip():
        return None
    script = dominant_script(sample)
    if script is None:
        return None
    if script == "Hani":
        script = _han_variant(sample)
    same_script = [lang for lang in rules.languages.values() if lang.script == script]
    if len(same_script) == 1:
        return same_script[0]
    if not same_script:
        return None
    words = Counter(w.casefold() for w in _WORD.findall(sample))
    scores = {
        lang.code: sum(words[w] for w in lang.stopwords)
        + 5 * sum(sample.count(c) for c in lang.signature_chars)
        + 20 * len(lang.skip_links & lines)
        + 5 * len(lang.debris_lines & lines)
        for lang in same_script
    }
    best = max(scores, key=lambda code: scores[code])
    return rules.languages[best] if scores[best] > 0 else None
