"""Why each piece of an input was kept, relabelled or removed: the rows behind `dwclean explain`."""

from __future__ import annotations

from dataclasses import dataclass

from ._model import Article


@dataclass(frozen=True, slots=True)
class Verdict:
    line: int  # where the piece starts in the input (0 for HTML pieces)
    kept: bool
    label: str  # the block kind when kept, the rule when removed
    text: str


def verdicts(article: Article) -> list[Verdict]:
    """Every kept block and every removed piece, in input order."""
    rows = [Verdict(b.line, True, b.kind.value, b.text) for b in article.blocks]
    rows += [Verdict(r.line, False, r.rule, r.text) for r in article.removed]
    return sorted(rows, key=lambda v: v.line)
