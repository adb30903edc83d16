"""Any dump, hard-wrapped at 79 columns as many renderers do, must clean to the same article."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import dwclean

from .conftest import FIXTURES, contract_view, load_json

_LABELS = {
    p: load_json(p.with_name(p.stem + ".expected.json")) for p in FIXTURES.glob("dumps/*.txt")
}
DUMPS = [
    p
    for p, label in sorted(_LABELS.items())
    if label["style"] != "lynx79"
    and not p.stem.startswith("zh-")  # CJK text has no spaces to wrap at
    and label.get("page_type") != "feed"  # a copy of the syndication view, no renderer's dump
]
_BULLET = re.compile(r"^(\s*(?:[*+•o-]|\d{1,3}\.)\s+)")


def wrap(text: str, width: int = 79) -> str:
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip(" ")))
        bullet = _BULLET.match(line)
        hanging = " " * len(bullet.group(1)) if bullet else indent  # under the item's text
        out += textwrap.wrap(
            line.strip(),
            width=width,
            initial_indent=indent,
            subsequent_indent=hanging,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return "\n".join(out)


@pytest.mark.parametrize("dump", DUMPS, ids=[p.stem for p in DUMPS])
def test_wrapped_dump_gives_the_same_article(dump: Path) -> None:
    expected = _LABELS[dump]
    wrapped = wrap(dump.read_text(encoding="utf-8"))
    assert max(len(line) for line in wrapped.split("\n") if " " in line.strip()) <= 79
    if expected.get("page_type") == "index":
        with pytest.raises(dwclean.NotAnArticleError):
            dwclean.clean(wrapped)
        return
    assert contract_view(dwclean.clean(wrapped).to_dict()) == contract_view(expected)
