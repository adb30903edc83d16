"""Any dump, hard-wrapped at 79 columns as many renderers do, must clean to the same article."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import dwclean

from .conftest import FIXTURES, contract_view, load_json

DUMPS = [
    p
    for p in sorted((FIXTURES / "dumps").glob("*.txt"))
    if load_json(p.with_name(p.stem + ".expected.json"))["style"] != "lynx79"
    and not p.stem.startswith("zh-")  # CJK text has no spaces to wrap at
]


def wrap(text: str, width: int = 79) -> str:
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip(" ")))
        out += textwrap.wrap(
            line.strip(),
            width=width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return "\n".join(out)


@pytest.mark.parametrize("dump", DUMPS, ids=[p.stem for p in DUMPS])
def test_wrapped_dump_gives_the_same_article(dump: Path) -> None:
    expected = load_json(dump.with_name(dump.stem + ".expected.json"))
    wrapped = wrap(dump.read_text(encoding="utf-8"))
    assert max(len(line) for line in wrapped.split("\n") if " " in line.strip()) <= 79
    assert contract_view(dwclean.clean(wrapped).to_dict()) == contract_view(expected)
