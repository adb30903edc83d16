"""Credit labels a page teaches. A picture's credit on a line of its own, under a label no rule
table knows ("Снимка: picture-alliance/dpa/M. Becker", "Hoto: DW"), is known by whom it credits:
an agency DW credits pictures to, or an agency and a photographer with a slash between them. Its
label is then the page's credit label, in that line and wherever it is glued to a caption, as if
the table of the page's edition had it (an edition's label missing or spelled otherwise there).
"""

from __future__ import annotations

import re

from ._byline import author_label_length
from ._model import Candidate
from ._rules import Rules, key

# one or two words, a colon, the credit: "Fotografi: DW/A.Muka", "صورة من: AP"
_LABELLED = re.compile(r"([^\W\d_]{2,20}(?: [^\W\d_]{2,20})?) ?([:：]) (\S.{0,80})")
# a one-word label glued to the caption: "…(DW)Bild: DW"
_GLUED = re.compile(r"([^\W\d_]{2,20}) ?([:：]) (\S[^:：]{0,80})$")  # the last colon
_CLOSING = ")]»”\"'.!?"  # a sentence or a bracket closed, no space: glued
_AGENCY_SLASH_PHOTOGRAPHER = re.compile(r"[^\W\d_]/\S")
_CREDIT_MAX_WORDS = 8
_CREDIT_MAX_CHARS = 83  # the colon, a space and _GLUED's credit
_LABEL_MAX_CHARS = 44  # two words of a label before it, and a space


def _credits_a_source(credit: str, rules: Rules) -> bool:
    words = credit.split()
    if not words:
        return False
    if len(words) > _CREDIT_MAX_WORDS or credit.endswith((".", "!", "?")):
        return False
    if _AGENCY_SLASH_PHOTOGRAPHER.search(credit):
        return True
    sources = rules.photo_sources
    return credit.casefold() in sources or words[-1].casefold() in sources


def unknown_credit_label(text: str, rules: Rules) -> str | None:
    """The label of a credit whose label no table knows, without its colon ("Снимка"), or None: a
    credit line of its own, or a capitalised label glued to a caption ("…(DW)Bild: DW")."""
    last_colon = max(text.rfind(":"), text.rfind("："))
    if last_colon < 0 or len(text) - last_colon > _CREDIT_MAX_CHARS:
        return None  # no colon, or more than a credit after the last one (most lines)
    if not _credits_a_source(text[last_colon + 1 :].strip(), rules):
        return None  # ("Read more: …", "Author: …": no credit, decided before any regex)
    label_start = max(0, last_colon - _LABEL_MAX_CHARS)
    parts = _glued_label(text, label_start)  # first: "Jasmina RozeFoto: X" is no 2-word label
    if parts is None and (match := _LABELLED.fullmatch(text)):
        parts = (match[1], match[2], match[3])
    if parts is None or rules.find_credit(text, label_start):  # a label a table knows
        return None
    label, colon, credit = parts
    label_key = key(label + colon)
    if author_label_length(rules.author_labels, label_key) or label_key in rules.furniture_lines:
        return None  # "Autor: DW" is a byline
    if not _credits_a_source(credit, rules):
        return None
    return label


def _glued_label(text: str, start: int) -> tuple[str, str, str] | None:
    """A label glued to the caption before it: a capital right after a small letter or a
    bracket, where no word begins ("Gero Schließ (DW)Bild: DW", "Rachel StewartBild: X/DW").
    Searched from `start`, just before the last colon."""
    match = _GLUED.search(text, start)
    if match is None:
        return None
    word = match.group(1)
    for start in range(len(word) - 2, -1, -1):  # the label is the word's last capitalised part
        before = word[start - 1] if start else text[match.start() - 1 : match.start()]
        if word[start].isupper() and (before.islower() or (before and before in _CLOSING)):
            return word[start:], match.group(2), match.group(3)
    return None


def with_page_credit_labels(candidates: list[Candidate], rules: Rules) -> Rules:
    """The rules, with the credit labels this page teaches added (the same rules when none)."""
    with_colon = (c.text for c in candidates if ":" in c.text or "：" in c.text)
    labels = {label for text in with_colon if (label := unknown_credit_label(text, rules))}
    if not labels:
        return rules
    learned = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    pattern = rf"(?:{learned}) ?[:：]\s*\S.*$|{rules.credit_split.pattern}"
    return rules._replace(credit_split=re.compile(pattern))
