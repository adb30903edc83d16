"""The real DW pages in ../shared: the seed must come out exactly as labelled, and the corpus
must score at least the issue's bounds for every input kind (dumps of six styles, HTML)."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import dwclean

from .conftest import CORPUS, SEED, load_json, needs_shared, run_cli

pytestmark = needs_shared


def test_seed_dump_equals_its_label_exactly() -> None:
    result = run_cli("clean", str(SEED / "seed.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    got = json.loads(result.stdout)
    expected = load_json(SEED / "seed.expected.json")
    for field in ("title", "section", "date", "language"):
        assert got[field] == expected[field], field
    assert [(b["kind"], b["text"]) for b in got["blocks"]] == [
        (b["kind"], b["text"]) for b in expected["blocks"]
    ]


def _cases() -> list[tuple[Path, Path, str]]:
    sys.path.insert(0, str(CORPUS))
    from evaluate import cases  # the corpus's own case finder

    return [(Path(i), Path(e), k) for i, e, k in cases([str(CORPUS), str(SEED)])]


def _scores() -> dict[str, list[dict[str, float]]]:
    sys.path.insert(0, str(CORPUS))
    from score import score

    by_kind: dict[str, list[dict[str, float]]] = defaultdict(list)
    for inp, exp, kind in _cases():
        article = dwclean.clean_file(str(inp))
        by_kind[kind.split(":")[0]].append(score(load_json(exp), article.to_dict()))
    return by_kind


@pytest.fixture(scope="module")
def scores() -> dict[str, list[dict[str, float]]]:
    return _scores()


def _mean(rows: list[dict[str, float]], key: str) -> float:
    return sum(float(r[key]) for r in rows) / len(rows)


@pytest.mark.parametrize(
    ("kind", "bounds"),
    [
        (
            "dump",
            {
                "body_f1": 0.97,
                "caption_f1": 0.90,
                "subhead_f1": 0.90,
                "title_ok": 1.0,
                "date_ok": 1.0,
            },
        ),
        (
            "html",
            {
                "body_f1": 0.99,
                "caption_f1": 0.95,
                "subhead_f1": 0.98,
                "title_ok": 1.0,
                "date_ok": 1.0,
            },
        ),
    ],
)
def test_corpus_scores_meet_the_bounds(
    scores: dict[str, list[dict[str, float]]], kind: str, bounds: dict[str, float]
) -> None:
    rows = scores[kind]
    assert rows, f"no {kind} cases found"
    for key, bound in bounds.items():
        assert _mean(rows, key) >= bound, f"{kind} {key} = {_mean(rows, key):.3f} < {bound}"
    leak_bound = 0.03 if kind == "dump" else 0.0
    assert _mean(rows, "debris_leak") <= leak_bound
