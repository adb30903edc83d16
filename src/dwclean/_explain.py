"""Why each piece of an input was kept, relabelled or removed: the rows behind `dwclean explain`."""

from __future__ import annotations

from dataclasses import dataclass

from ._model import Article


@dataclass(frozen=True, slots=True)
class Verdict:
    line: int  # where the piece starts in the input (0: unknown, as for HTML pieces today)
    kept: bool
    label: str  # the block kind when kept, the rule when removed
    text: str


def verdicts(article: Article) -> list[Verdict]:
    """Every kept block and every removed piece, in input order.

    Pieces without a position (HTML) keep the order the pipeline produced, kept blocks first:
    sorting is stable, and 0 never pretends to be a line.
    """
    rows = [Verdict(b.line, True, b.kind.value, b.text) for b in article.blocks]
    rows += [Verdict(r.line, False, r.rule, r.text) for r in article.removed]
    if any(v.line == 0 for v in rows):
        return rows
    return sorted(rows, key=lambda v: v.line)


def position(verdict: Verdict) -> str:
    """The position shown: the source line, or "-" when the front-end recorded none."""
    return str(verdict.line) if verdict.line else "-"
