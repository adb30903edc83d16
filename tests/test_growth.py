"""Every step linear in the size of the page: time grows with the page, not with its square.
Ratios measured in one run (no absolute timings): 3x the paragraphs must take well under 9x
(quadratic) the time."""

from __future__ import annotations

import time
from collections.abc import Callable

import dwclean

from .conftest import FIXTURES

_LINEAR_BOUND = 5.0  # 3x the input: ~3x the time when linear, ~9x when quadratic


def _cpu_seconds(work: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _ratio(make: Callable[[int], str], small: int, large: int) -> float:
    small_text, large_text = make(small), make(large)
    dwclean.clean(small_text)  # warm the rule cache
    return _cpu_seconds(lambda: dwclean.clean(large_text)) / _cpu_seconds(
        lambda: dwclean.clean(small_text)
    )


def _long_dump(times: int) -> str:
    """A real-shaped dump: a fixture's header, then its body paragraphs repeated, with a
    picture box and a subhead among them (the lines gallery and box detection look at)."""
    lines = (FIXTURES / "dumps" / "en-old-seedstyle.txt").read_text(encoding="utf-8")
    head, _, body = lines.partition("\n\n\n")
    block = (
        "\n\nCouncil members from all parties backed the plan, which adds six lines and runs "
        "buses every twenty minutes between midnight and five in the morning.\n\n"
        "A night bus in Bonn (DW/J. Koch)\n\nNew lines for the suburbs\n"
    )
    return head + "\n\n" + body + "".join(block.replace("six", f"{i}") for i in range(times))


def test_a_long_dump_takes_linear_time() -> None:
    assert _ratio(_long_dump, 100, 300) < _LINEAR_BOUND


def test_a_line_of_pipes_takes_linear_time() -> None:
    """The title-line pattern once backtracked quadratically on "word | word | …"."""
    assert _ratio(lambda n: "word | " * n + "\n", 5_000, 15_000) < _LINEAR_BOUND


def test_many_info_box_date_lines_take_linear_time() -> None:
    """Whether an info box's date line ends the article depends on a long paragraph after it:
    looked up once, not once per date line."""
    para = (
        "Council members from all parties backed the plan, which adds six lines and runs buses "
        "every twenty minutes between midnight and five in the morning, the office said. "
    ) * 3

    def page(times: int) -> str:
        return f"Night buses\n\n{para}\n\n" + "Date 12.12.2012\n\n" * times + f"{para}\n"

    assert _ratio(page, 1_000, 3_000) < _LINEAR_BOUND


def test_deeply_nested_html_takes_linear_time_and_keeps_its_text() -> None:
    def page(depth: int) -> str:
        return (
            '<html><head><meta property="og:type" content="article"></head><body>'
            + "<div>" * depth
            + "<p>Deep text that is part of the article and must not vanish here.</p>"
            + "</div>" * depth
            + "</body></html>"
        )

    assert _ratio(page, 20_000, 60_000) < _LINEAR_BOUND
    article = dwclean.clean(page(60_000))
    assert "Deep text that is part of the article" in article.body_text
